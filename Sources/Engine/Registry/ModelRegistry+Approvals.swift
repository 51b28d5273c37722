import Foundation
import SimKernel

extension ModelRegistry {
    // MARK: Registration

    /// Registers the next version of a declared model (state `registered`).
    /// Call ``requestApproval(model:version:at:)`` next to make it a candidate.
    public func register(model: String, lineage: Lineage, metrics: [MetricValue], artifact: ModelArtifact?,
                         description: String? = nil, tags: [String] = [], at: SimTime) -> Result<ModelVersion, RegistryError> {
        guard let index = modelIndex[model], models[index].declared else {
            return .failure(.unknownModel(model, known: models.filter(\.declared).map(\.spec.id)))
        }
        if let error = checkTime(index, at) { return .failure(error) }
        let version = ModelVersion(model: model, version: models[index].versions.count + 1, description: description, tags: tags,
                                   lineage: lineage, metrics: metrics, artifact: artifact, createdAt: at)
        models[index].versions.append(version)
        models[index].latestChange = at
        unsavedChanges.append(.version(version))
        return .success(version)
    }

    // MARK: Requests

    /// Opens an approval request for a `registered` or `rejected` version,
    /// which becomes a `candidate`. The request times out at `at` plus the
    /// model's `approval_timeout`. Under the `auto` policy the rule decides
    /// at once, comparing with the champion of this moment; the returned
    /// request then is already approved or rejected.
    public func requestApproval(model: String, version: Int, at: SimTime) -> Result<ApprovalRequest, RegistryError> {
        let location: (model: Int, version: Int)
        switch locate(model, version) {
        case .failure(let error): return .failure(error)
        case .success(let found): location = found
        }
        if let error = checkTime(location.model, at) { return .failure(error) }
        var candidate = models[location.model].versions[location.version]
        if let existing = pending[Self.key(model, version)] {
            return .failure(.alreadyPending(model: model, version: version, request: existing))
        }
        guard candidate.state == .registered || candidate.state == .rejected else {
            return .failure(.invalidState(model: model, version: version, state: candidate.state,
                                          action: "request approval for", expected: "registered or rejected"))
        }
        let spec = models[location.model].spec
        var deadline: SimTime?
        if case .auto = spec.policy {} else { deadline = spec.approvalTimeout.map { at + $0 } }
        let request = ApprovalRequest(id: requests.count + 1, model: model, version: version, requestedAt: at, deadline: deadline,
                                      onTimeout: spec.onTimeout, approvalsNeeded: spec.policy.approvalsNeeded,
                                      policy: spec.policy.description, evidence: evidence(model, version: version))
        requests.append(request)
        models[location.model].requestIDs.append(request.id)
        pending[Self.key(model, version)] = request.id
        unsavedChanges.append(.request(request))
        candidate.state = .candidate
        candidate.stateNote = "approval requested (\(spec.policy))"
        update(candidate, model: location.model, at: at)

        if case .auto(let rule) = spec.policy {
            let champion = self.champion(model).flatMap { $0.version == version ? nil : $0 }
            let evaluation = rule.evaluate(candidate: candidate.metrics, champion: champion?.metrics)
            record(request: request.id, approve: evaluation.holds, kind: .rule, identity: .auto,
                   reason: "auto: \(evaluation.explanation)", evidence: request.evidence, at: at)
        }
        return .success(requests[request.id - 1])
    }

    // MARK: Decisions

    /// An operator's decision on a version's pending request.
    ///
    /// The reason is required (non-empty after trimming) and so is the user.
    /// Under `two_person` a user who approved already cannot approve again,
    /// and the request is approved by the second different approver; a
    /// reject by anyone rejects. `evidence` is what was shown when deciding
    /// (empty: the candidate-vs-champion metrics of this moment are recorded).
    public func decide(model: String, version: Int, approve: Bool, identity: DecisionIdentity, reason: String,
                       evidence shown: [EvidenceItem] = [], at: SimTime) -> Result<DecisionOutcome, RegistryError> {
        let location: (model: Int, version: Int)
        switch locate(model, version) {
        case .failure(let error): return .failure(error)
        case .success(let found): location = found
        }
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedReason.isEmpty else { return .failure(.reasonRequired) }
        guard !identity.user.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.userRequired) }
        if let error = checkTime(location.model, at) { return .failure(error) }
        guard let requestID = pending[Self.key(model, version)] else {
            let state = models[location.model].versions[location.version].state
            return .failure(.noPendingApproval(model: model, version: version, state: state))
        }
        if approve, requests[requestID - 1].approvers.contains(identity.user) {
            return .failure(.sameApprover(model: model, version: version, user: identity.user))
        }
        let evidence = shown.isEmpty ? self.evidence(model, version: version) : shown
        return .success(record(request: requestID, approve: approve, kind: .manual, identity: identity,
                               reason: trimmedReason, evidence: evidence, at: at))
    }

    /// Applies the default decision of every pending request whose deadline
    /// is at or before `at`, earliest deadline first (then oldest request),
    /// each dated at its deadline, with the reason
    /// `timed out after 24h: rejected by default`.
    @discardableResult
    public func expire(at: SimTime) -> [DecisionOutcome] {
        let due = pending.values
            .compactMap { id -> (SimTime, Int)? in requests[id - 1].deadline.flatMap { $0 <= at ? ($0, id) : nil } }
            .sorted { $0 < $1 }
        var outcomes: [DecisionOutcome] = []
        for (deadline, id) in due {
            let request = requests[id - 1]
            let waited = deadline - request.requestedAt
            let approve = request.onTimeout == .approve
            let reason = "timed out after \(Self.waitText(waited)): \(approve ? "approved" : "rejected") by default"
            let when = max(deadline, models[modelIndex[request.model] ?? 0].latestChange)
            outcomes.append(record(request: id, approve: approve, kind: .timeout, identity: .timeout, reason: reason,
                                   evidence: evidence(request.model, version: request.version), at: when))
        }
        return outcomes
    }

    /// `24h` rather than `1d` up to three days; the exact duration otherwise.
    static func waitText(_ duration: SimDuration) -> String {
        let hour = SimDuration.hours(1).milliseconds
        if duration.milliseconds > 0, duration.milliseconds % hour == 0, duration.milliseconds <= 72 * hour {
            return "\(duration.milliseconds / hour)h"
        }
        return duration.description
    }

    /// Appends a decision, updates the request and moves the version to
    /// `approved` or `rejected` once the request is settled.
    @discardableResult
    func record(request id: Int, approve: Bool, kind: DecisionKind, identity: DecisionIdentity, reason: String,
                evidence: [EvidenceItem], at: SimTime) -> DecisionOutcome {
        let request = requests[id - 1]
        let decision = Decision(sequence: decisionLog.count, request: id, model: request.model, version: request.version,
                                approve: approve, kind: kind, identity: identity, reason: reason, evidence: evidence, at: at)
        decisionLog.append(decision)
        unsavedChanges.append(.decision(decision))
        applyToRequest(decision)
        let settled = requests[id - 1]
        let index = modelIndex[request.model] ?? 0
        models[index].latestChange = max(models[index].latestChange, at)
        var version = models[index].versions[request.version - 1]
        let who = kind == .manual ? identity.user : kind.rawValue
        let name = "\(request.model) v\(request.version)"
        let message: String
        switch settled.status {
        case .approved:
            version.state = .approved
            version.stateNote = "approved by \(who): \(reason)"
            update(version, model: index, at: at)
            message = "\(name) approved by \(who)" + (settled.approvalsNeeded > 1 ? " (\(settled.approvers.joined(separator: ", ")))" : "")
        case .rejected:
            version.state = .rejected
            version.stateNote = "rejected by \(who): \(reason)"
            update(version, model: index, at: at)
            message = "\(name) rejected by \(who)"
        case .pending:
            message = "\(name) approved by \(who) (\(settled.approvers.count) of \(settled.approvalsNeeded); waiting for a different approver)"
        }
        return DecisionOutcome(decision: decision, status: settled.status, version: version, message: message)
    }
}
