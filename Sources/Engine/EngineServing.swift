import Foundation
import SimKernel

extension EngineEventKind {
    /// A deployment's routing changed (rollout step, rollback, operator).
    public static let trafficChanged = EngineEventKind(rawValue: "traffic")
    /// A rollout of a candidate started.
    public static let rolloutStarted = EngineEventKind(rawValue: "rollout-started")
    /// A rollout ended: promoted, rolled back or aborted.
    public static let rolloutFinished = EngineEventKind(rawValue: "rollout-finished")
    /// Something a rollout reports (an approval gate reached, a problem).
    public static let rolloutNote = EngineEventKind(rawValue: "rollout")
    /// Writing the serving history failed.
    public static let servingStoreError = EngineEventKind(rawValue: "serving-store-error")
}

extension Engine {
    /// The window of the per-version figures in summaries.
    static let summaryWindow = SimDuration.minutes(5)

    /// Creates the deployments (their simulators start at the current time),
    /// restores each one's stable version and rollout from the store, deploys
    /// the registry champion where nothing served yet, and starts a rollout
    /// where a candidate waits.
    func startServing(project: ProjectSpec, store: any ServingStore, workingDirectory: String?) throws {
        guard !project.deployments.isEmpty, let dataSpec = project.data else { return }
        let data = DataGenerator(spec: dataSpec)
        let saved = try store.deploymentStates()
        var runtimes: [DeploymentRuntime] = []
        for spec in project.deployments {
            let streams = RandomStreams(rootSeed: randomStreams.seed(forStream: "serving.\(spec.id)"))
            let simulator = ServingSimulator(spec: spec, data: data, randomStreams: streams, start: now)
            let runtime = DeploymentRuntime(spec: spec, simulator: simulator, random: randomStreams.stream(named: "rollout.\(spec.id)"))
            if let state = saved.first(where: { $0.deployment == spec.id }) {
                runtime.stable = state.stableVersion
                runtime.tried = state.triedVersions
                if let json = state.rolloutJSON {
                    do {
                        runtime.rollout = try RolloutJSON.decode(json)
                    } catch {
                        record(.servingStoreError, "\(spec.id): the saved rollout could not be read (\(error)); it is dropped")
                    }
                }
            }
            runtimes.append(runtime)
        }
        let host = ServingHost(deployments: runtimes, store: store, workingDirectory: workingDirectory, schema: data.schema)
        servingHost = host
        for runtime in runtimes {
            resume(runtime)
        }
        servingRegistryChanged()
    }

    /// Puts a restored (or new) deployment back on its routing.
    private func resume(_ runtime: DeploymentRuntime) {
        if let rollout = runtime.rollout, rollout.phase.isActive {
            let needed = Set(rollout.routing.live.map(\.version) + [rollout.routing.mirror?.version].compactMap { $0 } + [rollout.stable, rollout.candidate])
            if needed.sorted().allSatisfy({ deploy($0, on: runtime) }) {
                runtime.simulator.routing = rollout.routing
                scheduleWake(runtime)
                return
            }
            runtime.rollout = nil
        }
        if let stable = runtime.stable, deploy(stable, on: runtime) {
            runtime.simulator.routing = .single(stable, replicas: runtime.spec.replicas.count)
        } else {
            runtime.stable = nil
        }
    }

    // MARK: Registry

    /// Reacts to registry changes: deploys a champion where nothing serves,
    /// re-evaluates rollouts (an approval may open a gate) and starts
    /// rollouts for new candidates. Called after every registry write.
    func servingRegistryChanged() {
        guard let host = servingHost, !host.reacting, let registry else { return }
        host.reacting = true
        defer { host.reacting = false }
        for runtime in host.deployments {
            if runtime.stable == nil, let champion = registry.champion(runtime.spec.model), deploy(champion.version, on: runtime) {
                runtime.stable = champion.version
                runtime.problem = nil
                setRouting(.single(champion.version, replicas: runtime.spec.replicas.count), on: runtime,
                           why: "initial deploy: v\(champion.version), the champion of \(runtime.spec.model)", who: "flightdeck")
                recordAutomaticAudit(action: "deploy", target: "\(runtime.spec.id) v\(champion.version)",
                                     reason: "the champion of \(runtime.spec.model)", message: "initial deploy")
                host.pending.append(.deployment(runtime.state(at: now)))
            }
            if let rollout = runtime.rollout, rollout.phase.isActive,
               let version = registry.version(runtime.spec.model, rollout.candidate), version.state == .rejected {
                abortRejected(runtime, note: version.stateNote)
            } else if runtime.isRollingOut {
                evaluate(runtime)
            } else {
                startRolloutIfCandidate(runtime)
            }
        }
        flushServingChanges()
    }

    /// Ends a rollout whose candidate was rejected in the registry (by an
    /// operator, a timeout, or a rollback elsewhere): traffic goes back to
    /// the stable version.
    private func abortRejected(_ runtime: DeploymentRuntime, note: String) {
        guard var rollout = runtime.rollout else { return }
        runtime.simulator.advance(to: now)
        let reason = "v\(rollout.candidate) was rejected in the registry (\(note))"
        guard case .success(let effects) = rollout.apply(.abort, at: now, by: "flightdeck", reason: reason, candidateApproved: false) else { return }
        runtime.rollout = rollout
        apply(effects, on: runtime, identity: nil)
        scheduleWake(runtime)
        servingHost?.pending.append(.deployment(runtime.state(at: now)))
    }

    private func isApproved(_ model: String, _ version: Int) -> Bool {
        guard let state = registry?.version(model, version)?.state else { return false }
        return state == .approved || state == .production
    }

    /// The version the deployment should roll out next, if any.
    private func nextCandidate(_ runtime: DeploymentRuntime) -> Int? {
        guard let registry, let stable = runtime.stable else { return nil }
        let model = runtime.spec.model
        switch runtime.spec.candidate {
        case .latest:
            let eligible: [VersionState] = [.registered, .candidate, .approved]
            return registry.versions(model)
                .filter { $0.version > stable && !runtime.tried.contains($0.version) && eligible.contains($0.state) }
                .map(\.version).max()
        case .alias(let alias):
            guard let version = registry.aliasVersion(model, alias: alias), version != stable, !runtime.tried.contains(version) else { return nil }
            return version
        }
    }

    private func startRolloutIfCandidate(_ runtime: DeploymentRuntime) {
        guard let stable = runtime.stable, let candidate = nextCandidate(runtime) else { return }
        runtime.tried.append(candidate)
        guard deploy(candidate, on: runtime) else {
            servingHost?.pending.append(.deployment(runtime.state(at: now)))
            return
        }
        runtime.simulator.advance(to: now)
        runtime.rollout = Rollout(deployment: runtime.spec, stable: stable, candidate: candidate, replicas: runtime.spec.replicas.count, at: now)
        runtime.tally.started += 1
        recordAutomaticAudit(action: "rollout-start", target: "\(runtime.spec.id) v\(candidate)", reason: "new candidate of \(runtime.spec.model)",
                             message: "\(runtime.spec.strategy.name) rollout of v\(candidate) over v\(stable)")
        record(.rolloutStarted, "\(runtime.spec.id): \(runtime.spec.strategy.name) rollout of \(runtime.spec.model) v\(candidate) over v\(stable)",
               subject: .deployment(runtime.spec.id))
        evaluate(runtime)
    }

    // MARK: Rollouts

    /// Brings the deployment's traffic up to now, lets its rollout advance
    /// and applies what it asks for.
    func evaluate(_ runtime: DeploymentRuntime) {
        guard var rollout = runtime.rollout else { return }
        runtime.simulator.advance(to: now)
        let approved = isApproved(runtime.spec.model, rollout.candidate)
        let effects = rollout.evaluate(at: now, metrics: runtime.simulator, candidateApproved: approved,
                                       frozen: promotionFreeze(runtime.spec.id), using: &runtime.random)
        runtime.rollout = rollout
        apply(effects, on: runtime, identity: nil)
        scheduleWake(runtime)
        servingHost?.pending.append(.deployment(runtime.state(at: now)))
    }

    /// Keeps one queued evaluation at the rollout's next wake time (a
    /// finished rollout may still have routing changes due, e.g. a rolling
    /// rollback restoring replicas batch by batch).
    private func scheduleWake(_ runtime: DeploymentRuntime) {
        let next = runtime.rollout?.nextWakeTime
        if let queued = runtime.wake, queued.at == next { return }
        if let queued = runtime.wake {
            cancel(queued.id)
            runtime.wake = nil
        }
        guard let next else { return }
        let id = runtime.spec.id
        let event = schedule(at: next) { engine in
            guard let runtime = engine.servingHost?.runtime(id) else { return }
            runtime.wake = nil
            engine.evaluate(runtime)
        }
        runtime.wake = (event, Swift.max(next, now))
    }

    /// Applies a rollout's effects in order. `identity` is the operator's
    /// when a command caused them.
    private func apply(_ effects: [RolloutEffect], on runtime: DeploymentRuntime, identity: DecisionIdentity?) {
        let id = runtime.spec.id
        let model = runtime.spec.model
        let who = identity?.user ?? "rollout"
        for effect in effects {
            if identity == nil { auditRolloutEffect(effect, on: runtime) }
            switch effect {
            case .route(let routing, let why):
                setRouting(routing, on: runtime, why: why, who: who)
            case .requestApproval(let version):
                requestApprovalIfNeeded(model: model, version: version)
                record(.rolloutNote, "\(id): waiting for the approval of \(model) v\(version)", subject: .deployment(id))
            case .recordApproval(let version, let by, let reason):
                let decider = identity ?? DecisionIdentity(user: by, wallTime: "-")
                if let registry, registry.pendingRequest(model, version: version) != nil {
                    if case .failure(let error) = registry.decide(model: model, version: version, approve: true, identity: decider,
                                                                  reason: reason, evidence: registry.evidence(model, version: version), at: now) {
                        record(.rolloutNote, "\(id): could not record the approval of \(model) v\(version): \(error)",
                               subject: .deployment(id))
                    } else {
                        record(.approvalDecided, "\(model) v\(version) approved by \(decider.user) at \(id)'s gate: \(reason)")
                    }
                }
            case .promoted(let version):
                let previous = runtime.stable
                runtime.stable = version
                runtime.tally.promoted += 1
                record(.rolloutFinished, "\(id): \(model) v\(version) promoted" + (previous.map { " (replacing v\($0))" } ?? ""),
                       subject: .deployment(id))
                if let alias = runtime.spec.promoteAlias, let registry {
                    switch registry.moveAlias(model: model, alias: alias, version: version, by: "rollout:\(id)",
                                              reason: "promoted by the \(runtime.spec.strategy.name) rollout of \(id)", at: now) {
                    case .failure(let error): record(.rolloutNote, "\(id): \(alias) not moved to v\(version): \(error)", subject: .deployment(id))
                    case .success(let move?): record(.aliasMoved, aliasMessage(move))
                    case .success(nil): break
                    }
                }
            case .rolledBack(let reason):
                let candidate = runtime.rollout?.candidate
                runtime.tally.rolledBack += 1
                record(.rolloutFinished, "\(id): rolled back\(candidate.map { " \(model) v\($0)" } ?? ""): \(reason)", subject: .deployment(id))
                // The version is rejected once no other deployment still rolls it out.
                if let candidate, !(servingHost?.deployments.contains { other in
                    other !== runtime && other.spec.model == model && other.isRollingOut && other.rollout?.candidate == candidate
                } ?? false) {
                    rejectPendingApproval(model: model, version: candidate, reason: "rolled back on \(id): \(reason)")
                }
            case .aborted(let reason):
                runtime.tally.aborted += 1
                record(.rolloutFinished, "\(id): aborted by \(who): \(reason)", subject: .deployment(id))
            case .log(let text):
                record(.rolloutNote, "\(id): \(text)", subject: .deployment(id))
            }
        }
        retireUnused(on: runtime)
        flushRegistryChanges()
        scheduleRegistryTimeout()
    }

    private func requestApprovalIfNeeded(model: String, version: Int) {
        guard let registry, registry.pendingRequest(model, version: version) == nil,
              let state = registry.version(model, version)?.state, state == .registered || state == .rejected else { return }
        if case .success(let request) = registry.requestApproval(model: model, version: version, at: now) {
            record(.approvalRequested, "\(model) v\(version) awaits approval (\(request.policy))")
        }
    }

    private func rejectPendingApproval(model: String, version: Int, reason: String) {
        guard let registry, registry.pendingRequest(model, version: version) != nil else { return }
        if case .success = registry.decideByRollout(model: model, version: version, reason: reason, at: now) {
            record(.approvalDecided, "\(model) v\(version) rejected: \(reason)")
        }
    }

    /// Routes the deployment's traffic, deploying versions it names, and
    /// records the change (persisted, on the chart and in the event log).
    private func setRouting(_ routing: RoutingTable, on runtime: DeploymentRuntime, why: String, who: String) {
        for version in routing.live.map(\.version) + [routing.mirror?.version].compactMap({ $0 }) {
            _ = deploy(version, on: runtime)
        }
        runtime.simulator.advance(to: now)
        runtime.simulator.routing = routing
        let applied = runtime.simulator.routing
        let change = TrafficChange(deployment: runtime.spec.id, time: now, routing: applied, why: why, who: who)
        runtime.recentChanges.append(change)
        servingHost?.pending.append(.traffic(change))
        let candidate = runtime.rollout.flatMap { $0.phase.isActive ? $0.candidate : nil }
        runtime.trafficHistory.append(TrafficPoint(time: now, candidatePercent: candidate.map { applied.percent(of: $0) } ?? 0))
        record(.trafficChanged, "\(runtime.spec.id): \(applied.splitText) (\(why))", subject: .deployment(runtime.spec.id))
    }

    /// Stops simulating versions the routing no longer names (except the
    /// stable one and an active rollout's pair).
    private func retireUnused(on runtime: DeploymentRuntime) {
        let routing = runtime.simulator.routing
        var keep = Set(routing.live.map(\.version) + routing.replicas.filter { $0.count > 0 }.map(\.version))
        if let mirror = routing.mirror { keep.insert(mirror.version) }
        if let stable = runtime.stable { keep.insert(stable) }
        if let rollout = runtime.rollout, rollout.phase.isActive {
            keep.insert(rollout.stable)
            keep.insert(rollout.candidate)
        }
        for version in runtime.simulator.versions where runtime.simulator.isRoutable(version) && !keep.contains(version) {
            runtime.simulator.retire(version: version)
        }
    }

    /// Loads `version`'s artifact into the deployment's simulator (once).
    /// A version that cannot be loaded is reported and not deployed.
    @discardableResult
    func deploy(_ version: Int, on runtime: DeploymentRuntime) -> Bool {
        guard !runtime.simulator.isRoutable(version) else { return true }
        guard let host = servingHost ?? nil, let registry else { return false }
        let model = runtime.spec.model
        let problem: String
        if let record = registry.version(model, version), let artifact = record.artifact {
            let key = ModelRegistry.key(model, version)
            do {
                let scorer: CompiledScorer
                if let cached = host.scorers[key] {
                    scorer = cached
                } else {
                    let bytes = try BuiltinSupport.read(artifact.path, in: host.workingDirectory ?? FileManager.default.currentDirectoryPath).get()
                    scorer = try CompiledScorer(model: try TrainedModel(serialized: bytes), schema: host.schema)
                    host.scorers[key] = scorer
                }
                runtime.simulator.deploy(version: version, scorer: scorer, profile: Self.profile(of: record, default: runtime.spec.profile))
                return true
            } catch {
                problem = "cannot load \(model) v\(version) from \(artifact.path): \(error)"
            }
        } else {
            problem = "\(model) v\(version) has no artifact to serve"
        }
        runtime.problem = problem
        record(.rolloutNote, "\(runtime.spec.id): \(problem)", subject: .deployment(runtime.spec.id))
        return false
    }

    /// A version's latency and error model: the deployment's, overridden by
    /// the version's run params `serving_latency_ms`, `serving_latency_p99_ms`
    /// and `serving_error_rate` (a median alone keeps the deployment's p99/median ratio).
    static func profile(of version: ModelVersion, default base: ServingProfile) -> ServingProfile {
        func param(_ name: String) -> Double? {
            version.lineage.params.first { $0.name == name }.flatMap { Double($0.value) }
        }
        var profile = base
        if let median = param("serving_latency_ms"), median > 0 {
            profile.medianLatencyMs = median
            profile.p99LatencyMs = median * (base.p99LatencyMs / Swift.max(base.medianLatencyMs, 1e-9))
        }
        if let p99 = param("serving_latency_p99_ms"), p99 >= profile.medianLatencyMs { profile.p99LatencyMs = p99 }
        if let rate = param("serving_error_rate"), (0...1).contains(rate) { profile.errorRate = rate }
        return profile
    }

    // MARK: Commands

    func applyServingCommand(_ command: EngineCommand) -> CommandResult {
        guard let host = servingHost else { return .rejected("the project declares no deployments (add a deployments: section)") }
        let deploymentID: String
        switch command {
        case .rollout(let id, _, _, _), .setRolloutWeight(let id, _, _), .banditArm(let id, _, _, _): deploymentID = id
        default: return .rejected("not a rollout command")
        }
        guard let runtime = host.runtime(deploymentID) else {
            let known = host.deployments.map(\.spec.id)
            let hint = DidYouMean.suggestion(for: deploymentID, among: known).map { "did you mean '\($0)'? " } ?? ""
            return .rejected("unknown deployment '\(deploymentID)'; \(hint)known: \(known.joined(separator: ", "))")
        }
        guard var rollout = runtime.rollout else {
            let serving = runtime.stable.map { "it serves \(runtime.spec.model) v\($0)" } ?? "nothing serves yet"
            return .rejected("\(deploymentID) has no rollout: \(serving); one starts when a new version of \(runtime.spec.model) is registered")
        }
        runtime.simulator.advance(to: now)
        let identity: DecisionIdentity
        let outcome: Result<[RolloutEffect], RolloutRefusal>
        let verb: String
        switch command {
        case .rollout(_, let action, let reason, let who):
            identity = who
            if action == .retry { _ = deploy(rollout.candidate, on: runtime) }
            outcome = rollout.apply(action, at: now, by: who.user, reason: reason,
                                    candidateApproved: isApproved(runtime.spec.model, rollout.candidate))
            verb = action.rawValue
        case .setRolloutWeight(_, let percent, let by):
            identity = DecisionIdentity(user: by, wallTime: "-")
            outcome = rollout.setWeight(percent, at: now, by: by)
            verb = "weight \(percent)%"
        case .banditArm(_, let version, let hold, let by):
            identity = DecisionIdentity(user: by, wallTime: "-")
            outcome = rollout.hold(arm: version, hold, at: now, by: by)
            verb = "\(hold.rawValue) v\(version)"
        default:
            return .rejected("not a rollout command")
        }
        switch outcome {
        case .failure(let refusal):
            return .rejected("\(deploymentID): \(refusal.message)")
        case .success(let effects):
            runtime.rollout = rollout
            apply(effects, on: runtime, identity: identity)
            evaluate(runtime)
            scheduleWake(runtime)
            host.pending.append(.deployment(runtime.state(at: now)))
            if !(runtime.rollout?.phase.isActive ?? false) { startRolloutIfCandidate(runtime) }
            flushServingChanges()
            return recordApplied(.rolloutNote, "\(deploymentID): \(verb) by \(identity.user): \(runtime.rollout?.reason ?? "")")
        }
    }

    // MARK: Time and persistence

    /// Brings every deployment's traffic up to now (the end of ``advance(to:)``).
    func advanceServing() {
        guard let host = servingHost else { return }
        for runtime in host.deployments {
            runtime.simulator.advance(to: now)
            sampleTraffic(runtime)
        }
        flushServingChanges()
    }

    /// Adds a point to the traffic chart at most every
    /// ``DeploymentRuntime/historyInterval`` (changes add their own).
    private func sampleTraffic(_ runtime: DeploymentRuntime) {
        if let last = runtime.trafficHistory.last(1).first, now - last.time < DeploymentRuntime.historyInterval { return }
        let candidate = runtime.rollout.flatMap { $0.phase.isActive ? $0.candidate : nil }
        let percent = candidate.map { version in runtime.simulator.liveShares.first { $0.version == version }?.percent ?? 0 } ?? 0
        runtime.trafficHistory.append(TrafficPoint(time: now, candidatePercent: percent))
    }

    /// Writes the pending serving changes in one append; a failure is
    /// recorded and the changes kept for the next attempt.
    func flushServingChanges() {
        guard let host = servingHost, !host.pending.isEmpty else { return }
        do {
            try host.store.append(host.pending)
            host.pending.removeAll()
            host.storeError = nil
        } catch {
            let message = "could not write the serving history: \(error)"
            if host.storeError != message { record(.servingStoreError, message) }
            host.storeError = message
        }
    }

    /// Publishes the deployments' summaries to the store, for other
    /// processes (`flightdeck rollout status`, when the engine does not answer
    /// its request for a live snapshot in time). The run loop calls it after
    /// applied commands and every 30 s.
    public func publishServingStatus() {
        guard let host = servingHost else { return }
        do {
            try host.store.publish(deploymentSummaries(), at: now)
        } catch {
            let message = "could not publish the deployments' status: \(error)"
            if host.storeError != message { record(.servingStoreError, message) }
            host.storeError = message
        }
    }

    // MARK: Reading

    /// The deployments' summaries, in project-file order.
    func deploymentSummaries(metrics scope: DeploymentMetricsScope = .all) -> [DeploymentSummary] {
        guard let deployments = servingHost?.deployments else { return [] }
        func measured(_ id: String) -> Bool {
            switch scope {
            case .all: return true
            case .none: return false
            case .only(let wanted): return id == (wanted ?? deployments.first?.spec.id)
            }
        }
        return deployments.map { summary($0, windows: measured($0.spec.id)) }
    }

    private func summary(_ runtime: DeploymentRuntime, windows: Bool) -> DeploymentSummary {
        let simulator = runtime.simulator
        let routing = simulator.routing
        let rollout = runtime.rollout
        let candidate = rollout?.phase.isActive == true ? rollout?.candidate : nil
        let shown = simulator.versions.filter { version in
            simulator.isRoutable(version) || routing.replicas.contains { $0.version == version && $0.count > 0 }
        }
        let order = shown.sorted { lhs, rhs in
            func rank(_ version: Int) -> Int { version == runtime.stable ? 0 : version == candidate ? 1 : 2 }
            return (rank(lhs), lhs) < (rank(rhs), rhs)
        }
        let shares = simulator.liveShares
        let versions = order.map { version -> VersionServingSummary in
            let role: VersionServingSummary.Role = version == runtime.stable ? .stable : version == candidate ? .candidate : .previous
            return VersionServingSummary(
                version: version, role: role,
                livePercent: shares.first { $0.version == version }?.percent ?? 0,
                mirrorPercent: routing.mirror?.version == version ? routing.mirror?.percent ?? 0 : 0,
                window: windows ? simulator.windowMetrics(version: version, window: Self.summaryWindow)
                    : VersionWindowMetrics(version: version, window: Self.summaryWindow, end: now),
                totals: simulator.totals(version: version),
                replicas: routing.replicas.first { $0.version == version }?.count ?? 0,
                profile: simulator.profile(of: version) ?? runtime.spec.profile,
                latency: windows ? simulator.cumulativeLatency(version: version) : nil)
        }
        let phase: RolloutPhase = rollout?.phase ?? (runtime.stable == nil ? .empty : .stable)
        let reason = rollout?.reason
            ?? runtime.problem
            ?? runtime.stable.map { "serving \(runtime.spec.model) v\($0); no candidate yet" }
            ?? "waiting for a champion of \(runtime.spec.model)"
        return DeploymentSummary(
            id: runtime.spec.id, description: runtime.spec.description, model: runtime.spec.model, mode: runtime.spec.mode.name,
            modeStatus: simulator.modeStatus, strategy: runtime.spec.strategy.name, stableVersion: runtime.stable,
            candidateVersion: rollout?.candidate, phase: phase, reason: reason,
            stepIndex: rollout.map { Swift.min($0.stepIndex, Swift.max(0, $0.plan.count - 1)) }, plan: rollout?.plan ?? [],
            routing: routing, trafficHistory: runtime.trafficHistory.last(DeploymentRuntime.historyCapacity), versions: versions,
            analysis: rollout?.analysisChecks ?? [], analysisVerdict: rollout?.analysisVerdict, bandit: rollout?.banditSummary,
            abTest: rollout?.abTestSummary, traits: Rollout.traits(of: runtime.spec.strategy),
            recentChanges: runtime.recentChanges.last(DeploymentRuntime.changeCapacity), tally: runtime.tally,
            allVersions: simulator.versions.map(simulator.totals(version:)).reduce(into: VersionTotals(version: 0)) { sum, next in
                sum.requests += next.requests
                sum.errors += next.errors
                sum.mirrored += next.mirrored
                sum.labelled += next.labelled
                sum.correct += next.correct
                sum.compared += next.compared
                sum.agreed += next.agreed
                sum.replicaHours += next.replicaHours
            })
    }
}
