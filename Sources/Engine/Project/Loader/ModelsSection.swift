import SimKernel

/// `models: {ID: MODEL}` — see ``ModelReader``.
enum ModelsSection: ProjectSection {
    static let key = "models"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let entries = diagnostics.mapping(node, key, expected: "a mapping of model ids to models") else { return }
        for (id, entry) in diagnostics.uniqueEntries(entries, noun: "model", place: "models") {
            diagnostics.checkID(id, noun: "model", at: entry.keyPosition)
            if let model = ModelReader.read(id: id, entry: entry, diagnostics: &diagnostics) {
                if model.bootstrapRows != nil, project.data == nil {
                    diagnostics.error("bootstrap: model '\(id)' trains its first version on data: rows, but the project has no data: section; "
                                      + "expected a data: section (see docs/project-file.md) or no bootstrap", at: entry.keyPosition)
                }
                project.models.append(model)
            }
        }
    }
}

/// Reads one model: description, promotion policy, approval timeout,
/// retention and cleanup schedule.
enum ModelReader {
    static let keys = ["description", "policy", "approval_timeout", "on_timeout", "retention", "cleanup", "bootstrap"]
    static let policyNames = ["manual", "two_person", "auto"]
    static let retentionKeys = ["keep_last", "max_artifact_age"]
    static let cleanupKeys = ["every"]
    static let ruleExample = "policy: {auto: \"auc >= champion.auc + 0.005\"}"

    static func read(id: String, entry: YAMLEntry, diagnostics d: inout ProjectDiagnostics) -> ModelSpec? {
        let place = "model '\(id)'"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with policy (and optionally description, approval_timeout, retention, ...)") else {
            return nil
        }
        var model = ModelSpec(id: id)
        var onTimeoutEntry: YAMLEntry?
        var timeoutEntry: YAMLEntry?
        var cleanupEntry: YAMLEntry?
        var retentionSeen = false
        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            let value = item.value
            switch key {
            case "description":
                model.description = d.string(value, key, expected: "a one-line description")
            case "policy":
                if let policy = readPolicy(value, diagnostics: &d) { model.policy = policy }
            case "approval_timeout":
                timeoutEntry = item
                model.approvalTimeout = d.duration(value, key, positive: true)
            case "on_timeout":
                onTimeoutEntry = item
                let names = TimeoutDecision.allCases.map(\.rawValue)
                if let text = d.string(value, key, expected: "reject or approve") {
                    if let decision = TimeoutDecision(rawValue: text) {
                        model.onTimeout = decision
                    } else {
                        let hint = DidYouMean.suggestion(for: text, among: names).map { "did you mean '\($0)'? " } ?? ""
                        d.error("on_timeout: unknown decision '\(text)'; \(hint)expected reject or approve", at: value)
                    }
                }
            case "retention":
                retentionSeen = true
                model.retention = readRetention(value, diagnostics: &d)
            case "cleanup":
                cleanupEntry = item
                model.cleanupEvery = readCleanup(value, diagnostics: &d)
            case "bootstrap":
                model.bootstrapRows = readBootstrap(value, diagnostics: &d)
            default:
                break
            }
        }
        if case .auto = model.policy, let timeoutEntry {
            d.error("approval_timeout: the auto policy decides at once, so a timeout never applies; expected no approval_timeout with policy auto",
                    at: timeoutEntry.keyPosition)
        }
        if let onTimeoutEntry, timeoutEntry == nil {
            d.error("on_timeout: \(place) has no approval_timeout; expected approval_timeout: DURATION with on_timeout", at: onTimeoutEntry.keyPosition)
        }
        if let cleanupEntry, !retentionSeen {
            d.error("cleanup: \(place) has no retention to apply; expected retention: {keep_last: N, max_artifact_age: DURATION} with cleanup",
                    at: cleanupEntry.keyPosition)
        }
        return model
    }

    /// `manual`, `two_person` or `{auto: RULE}`.
    static func readPolicy(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> PromotionPolicy? {
        if case .mapping(let entries) = node.kind {
            let known = d.knownKeys(entries, allowed: ["auto"], place: "policy")
            guard let item = known.first(where: { $0.key == "auto" })?.entry else {
                if entries.isEmpty { d.error("policy: expected manual, two_person or {auto: RULE}, found an empty mapping", at: node) }
                return nil
            }
            guard let text = d.string(item.value, "auto", expected: "a rule like \"auc >= champion.auc + 0.005\"") else { return nil }
            do {
                return .auto(try PromotionRule(parsing: text))
            } catch {
                d.error("auto: invalid rule '\(text)': \(error.message)", at: d.position(in: item.value, offset: error.offset))
                return nil
            }
        }
        guard let text = d.string(node, "policy", expected: "manual, two_person or {auto: RULE}") else { return nil }
        switch text {
        case "manual": return .manual
        case "two_person": return .twoPerson
        case "auto":
            d.error("policy: auto needs a rule; expected \(ruleExample)", at: node)
        default:
            let hint = DidYouMean.suggestion(for: text, among: policyNames).map { "did you mean '\($0)'? " } ?? ""
            d.error("policy: unknown policy '\(text)'; \(hint)expected manual, two_person or {auto: RULE}", at: node)
        }
        return nil
    }

    /// `{keep_last: N, max_artifact_age: DURATION}`.
    static func readRetention(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> RetentionSpec {
        var retention = RetentionSpec()
        let expected = "a mapping like {keep_last: 5, max_artifact_age: 30d}"
        guard let entries = d.mapping(node, "retention", expected: expected) else { return retention }
        if entries.isEmpty { d.error("retention: expected \(expected), found an empty mapping", at: node) }
        for (key, item) in d.knownKeys(entries, allowed: retentionKeys, place: "retention") {
            switch key {
            case "keep_last": retention.keepLast = d.integer(item.value, key, minimum: 1)
            case "max_artifact_age": retention.maxArtifactAge = d.duration(item.value, key, positive: true)
            default: break
            }
        }
        return retention
    }

    /// `{rows: N}`.
    static func readBootstrap(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> Int? {
        guard let entries = d.mapping(node, "bootstrap", expected: "a mapping like {rows: 5000}") else { return nil }
        let known = d.knownKeys(entries, allowed: ["rows"], place: "bootstrap")
        guard let item = known.first(where: { $0.key == "rows" })?.entry else {
            if entries.isEmpty { d.error("bootstrap: expected {rows: N}, found an empty mapping", at: node) }
            return nil
        }
        return d.integer(item.value, "rows", minimum: 50)
    }

    /// `{every: DURATION}`.
    static func readCleanup(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> SimDuration? {
        guard let entries = d.mapping(node, "cleanup", expected: "a mapping like {every: 6h}") else { return nil }
        let known = d.knownKeys(entries, allowed: cleanupKeys, place: "cleanup")
        guard let item = known.first(where: { $0.key == "every" })?.entry else {
            if entries.isEmpty {
                d.error("cleanup: expected {every: DURATION}, found an empty mapping", at: node)
            }
            return nil
        }
        return d.duration(item.value, "every", positive: true)
    }
}
