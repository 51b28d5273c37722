import Foundation
import SimKernel

extension EngineEventKind {
    /// An alert fired, escalated, resolved, or was acknowledged or silenced.
    public static let alert = EngineEventKind(rawValue: "alert")
    /// A continuous-training story moved on (run, version, rollout, decision).
    public static let story = EngineEventKind(rawValue: "ct")
    /// A monitor's reference changed or could not be loaded.
    public static let monitorNote = EngineEventKind(rawValue: "monitor")
    /// Writing the monitoring history failed.
    public static let monitoringStoreError = EngineEventKind(rawValue: "monitoring-store-error")
}

extension Engine {
    /// Creates the monitors on their deployments' request watchers, restores
    /// alert states and stories from the store, and starts the tick.
    func startMonitoring(project: ProjectSpec, store: any MonitoringStore, workingDirectory: String) throws {
        guard !project.monitors.isEmpty, let serving = servingHost else { return }
        let layout = RowLayout(schema: serving.schema)
        var monitors: [MonitorRuntime] = []
        for spec in project.monitors {
            guard let deployment = serving.runtime(spec.deployment) else { continue }
            let monitor = MonitorRuntime(spec: spec, deployment: deployment, layout: layout, start: now)
            var watcher = deployment.simulator.core.watcher
            if let drift = spec.drift {
                let random = randomStreams.stream(named: "monitor.\(spec.id).window")
                let kind: InputWindow.Kind
                switch drift.window {
                case .time(let duration):
                    kind = .time(window: duration.milliseconds, slice: InputWindow.sliceLength(window: duration.milliseconds))
                case .count(let count):
                    kind = .count(count)
                }
                watcher.windows.append(InputWindow(kind: kind, layout: layout, maxSample: drift.maxSample, random: random))
                monitor.windowIndex = watcher.windows.count - 1
                if case .window(let from, let to) = drift.reference {
                    let reservoir = randomStreams.stream(named: "monitor.\(spec.id).reference")
                    watcher.windows.append(InputWindow(kind: .fixed(from: from.milliseconds, to: to.milliseconds), layout: layout,
                                                       maxSample: drift.maxSample, random: reservoir))
                    monitor.referenceWindowIndex = watcher.windows.count - 1
                    monitor.referenceProblem = "collecting the reference: traffic \(SimTime(milliseconds: from.milliseconds).clockLabel)"
                        + "-\(SimTime(milliseconds: to.milliseconds).clockLabel)"
                }
            }
            for slo in spec.slos {
                if case .latency(let threshold) = slo.objective {
                    watcher.latencyThresholds.append(threshold)
                    watcher.slow.append(0)
                    monitor.sloThresholdIndex.append(watcher.latencyThresholds.count - 1)
                } else {
                    monitor.sloThresholdIndex.append(nil)
                }
            }
            watcher.watchedVersion = deployment.stable
            deployment.simulator.core.watcher = watcher
            monitors.append(monitor)
        }
        let everies = project.monitors.compactMap { $0.drift?.every }
        let tick = Swift.max(SimDuration.seconds(1), ([SimDuration.minutes(1)] + everies).min()!)
        let host = MonitorHost(monitors: monitors, tick: tick, store: store, workingDirectory: workingDirectory)
        let states = try store.loadAlertStates()
        host.alerts = project.alerts.compactMap { rule in
            guard let monitor = host.monitor(rule.monitor) else { return nil }
            return AlertRuntime(rule: rule, monitor: monitor, restoring: states.first { $0.alert == rule.id }, at: now)
        }
        host.stories = StoryBook(restoring: try store.loadStories(limit: StoryBook.capacity))
        for entry in try store.alertHistory(alert: nil, limit: host.history.capacity) { host.history.append(entry) }
        monitorHost = host
        for monitor in monitors { updateReference(monitor) }
        scheduleMonitorTick()
    }

    private func scheduleMonitorTick() {
        guard let host = monitorHost else { return }
        let next = SimTime(milliseconds: (VersionMetrics.floorDiv(now.milliseconds, host.tick.milliseconds) + 1) * host.tick.milliseconds)
        schedule(at: next) { engine in
            engine.monitorTick()
            engine.scheduleMonitorTick()
        }
    }

    /// One tick: traffic up to now, labels that arrived, SLO counts,
    /// performance points, due drift evaluations, alerts and stories.
    func monitorTick() {
        guard let host = monitorHost else { return }
        let minuteBoundary = now.milliseconds % 60_000 == 0
        var drained: Set<ObjectIdentifier> = []
        for monitor in host.monitors {
            let deployment = monitor.deployment
            deployment.simulator.advance(to: now)
            if !drained.contains(ObjectIdentifier(deployment)) {
                drained.insert(ObjectIdentifier(deployment))
                collect(deployment, monitors: host.monitors.filter { $0.deployment === deployment })
            }
            if minuteBoundary {
                monitor.flushAccuracyMinute()
                monitor.samplePerformance(at: now)
                monitor.health = health(of: monitor)
            }
            updateReference(monitor)
            if monitor.spec.drift != nil, now >= monitor.nextEvaluation {
                monitor.evaluateDrift(at: now)
                monitor.nextEvaluation = now + monitor.spec.drift!.every
                host.pendingRollups += monitor.results.compactMap { DriftRollup(monitor: monitor.spec.id, summary: $0, evaluatedAt: now) }
            }
        }
        for monitor in host.monitors { monitor.invalidateSummary() }
        evaluateAlerts()
        updateStories()
        flushMonitoringChanges()
    }

    /// Takes the deployment watcher's SLO counts and the labels that arrived.
    private func collect(_ deployment: DeploymentRuntime, monitors: [MonitorRuntime]) {
        var watcher = deployment.simulator.core.watcher
        let counts = watcher.takeCounts()
        let delay = deployment.spec.labelDelay
        watcher.outcomes.drain(through: now - delay) { time, wrong in
            for monitor in monitors { monitor.labelled(requestTime: time, wrong: wrong, arrival: time + delay) }
        }
        watcher.watchedVersion = deployment.stable
        deployment.simulator.core.watcher = watcher
        for monitor in monitors {
            for (index, thresholdIndex) in monitor.sloThresholdIndex.enumerated() {
                let bad = thresholdIndex.map { counts.slow[$0] } ?? counts.failed
                monitor.slos[index].record(good: counts.requests - bad, bad: bad, at: now)
            }
        }
    }

    private func health(of monitor: MonitorRuntime) -> SystemHealthSummary {
        let simulator = monitor.deployment.simulator
        return SystemHealthSummary(replicaUtilisation: simulator.utilisation, streamingLag: simulator.streamingStatus?.backlog,
                                   pipelineFailuresLastHour: pipelineScheduler?.failedRuns(since: now - .hours(1)) ?? 0,
                                   schedulerBacklog: pipelineScheduler?.backlog() ?? 0)
    }

    /// Loads the reference a monitor needs now: the stable version's
    /// training data (again when the stable version changes), or the fixed
    /// traffic window once it has closed.
    func updateReference(_ monitor: MonitorRuntime) {
        guard let drift = monitor.spec.drift else { return }
        switch drift.reference {
        case .training:
            guard let stable = monitor.deployment.stable else {
                monitor.referenceProblem = "waiting for a version to serve"
                return
            }
            guard monitor.reference?.version != stable, monitor.referenceFailedVersion != stable else { return }
            guard let version = registry?.version(monitor.deployment.spec.model, stable) else { return }
            switch TrainingReference.load(version, layout: monitor.layout, directory: monitorHost?.workingDirectory ?? ".") {
            case .success(let reference):
                let previous = monitor.reference?.version
                monitor.reference = reference
                monitor.referenceProblem = nil
                monitor.referenceFailedVersion = nil
                record(.monitorNote, "\(monitor.spec.id): reference is now the \(reference.description)"
                       + (previous.map { " (was v\($0)'s)" } ?? ""), subject: .monitor(monitor.spec.id))
            case .failure(let problem):
                monitor.referenceFailedVersion = stable
                monitor.referenceProblem = problem.message
                record(.monitorNote, "\(monitor.spec.id): \(problem.message)", subject: .monitor(monitor.spec.id))
            }
        case .window(let from, let to):
            guard monitor.reference == nil, let index = monitor.referenceWindowIndex else { return }
            let window = monitor.deployment.simulator.core.watcher.windows[index]
            guard window.isClosed(at: now) else { return }
            let requests = window.requests(at: now)
            let text = "traffic \(SimTime(milliseconds: from.milliseconds).clockLabel)-\(SimTime(milliseconds: to.milliseconds).clockLabel)"
                + " (\(groupedInteger(requests)) requests)"
            monitor.reference = ReferenceSample(window: window, layout: monitor.layout, at: now, description: text)
            monitor.referenceProblem = nil
            record(.monitorNote, "\(monitor.spec.id): reference is the \(text)", subject: .monitor(monitor.spec.id))
        }
    }

    // MARK: Stories

    /// Tells what is new in each open continuous-training story.
    func updateStories() {
        guard let host = monitorHost, let scheduler = pipelineScheduler else { return }
        for index in host.stories.openIndices {
            let story = host.stories.story(index)
            guard let runID = story.run, let run = scheduler.record(runID) else { continue }
            if story.version == nil, let registry {
                for model in registry.modelIDs {
                    if let version = registry.versions(model).first(where: { $0.lineage.run == runID }) {
                        host.stories.setVersion(index, model: model, version: version.version)
                        let auc = version.metric("auc").map { " (auc \(Self.metricText($0)))" } ?? ""
                        host.stories.tell(index, mark: "version", CTChapter(time: version.createdAt, kind: .version,
                            text: "\(model) v\(version.version) registered\(auc)", subject: .version(model: model, version: version.version)))
                        break
                    }
                }
            }
            if run.state.isFinal {
                host.stories.tell(index, mark: "run-ended", CTChapter(time: run.endedAt ?? now, kind: .run,
                    text: "\(story.pipeline) run \(runID) \(run.state.rawValue)" + (run.state == .succeeded ? "" : ": \(run.reason)"),
                    subject: .run(runID)))
                if host.stories.story(index).version == nil {
                    if run.state == .succeeded {
                        host.stories.tell(index, mark: "no-version", CTChapter(time: now, kind: .version,
                            text: "no version registered: \(skippedRegisterReason(runID) ?? "the run registered nothing")", subject: .run(runID)))
                    }
                    host.stories.close(index)
                    continue
                }
            }
            guard let model = host.stories.story(index).model, let version = host.stories.story(index).version else { continue }
            tellRollouts(index, model: model, version: version)
            tellDecisions(index, model: model, version: version)
        }
        for story in host.stories.takeDirty() {
            if let chapter = story.chapters.last {
                record(.story, "story \(story.id) (\(story.alert)): \(chapter.text)", subject: chapter.subject)
            }
            host.pendingStories.append(story)
        }
    }

    private func tellRollouts(_ index: Int, model: String, version: Int) {
        guard let host = monitorHost, let serving = servingHost else { return }
        var anyActive = false
        var anyFinished = false
        // The story follows the deployment its alert watches (the others
        // roll the version out too, each in its own Deployments entry).
        let watched = host.alert(host.stories.story(index).alert)?.monitor.spec.deployment
        for deployment in serving.deployments where deployment.spec.model == model && (watched == nil || deployment.spec.id == watched) {
            let id = deployment.spec.id
            let subject = EventSubject.deployment(id)
            guard let rollout = deployment.rollout, rollout.candidate == version else {
                // Its rollout ended and the next candidate's began between
                // two ticks: the deployment still tells how it ended.
                guard deployment.tried.contains(version), deployment.rollout != nil else { continue }
                host.stories.tell(index, mark: "end:\(id)", CTChapter(time: now, kind: deployment.stable == version ? .decision : .rollout,
                    text: deployment.stable == version ? "\(id) promoted v\(version) to 100%" : "\(id) did not promote v\(version)",
                    subject: subject))
                anyFinished = true
                continue
            }
            host.stories.tell(index, mark: "rollout:\(id)", CTChapter(time: now, kind: .rollout,
                text: "\(id) \(deployment.spec.strategy.name) of v\(version) started", subject: subject))
            switch rollout.phase {
            case .awaitingApproval:
                host.stories.tell(index, mark: "gate:\(id)", CTChapter(time: now, kind: .rollout,
                    text: "\(id) analysis passed: approval pending", subject: subject))
            case .promoted:
                host.stories.tell(index, mark: "end:\(id)", CTChapter(time: now, kind: .decision,
                    text: "\(id) promoted v\(version) to 100%", subject: subject))
            case .rolledBack, .aborted:
                let verb = rollout.phase == .aborted ? "aborted" : "rolled back"
                let why = rollout.reason.hasPrefix("\(verb): ") ? String(rollout.reason.dropFirst(verb.count + 2)) : rollout.reason
                host.stories.tell(index, mark: "end:\(id)", CTChapter(time: now, kind: .rollout,
                    text: "\(id) \(verb) v\(version): \(why)", subject: subject))
            default:
                break
            }
            if rollout.phase.isActive { anyActive = true } else { anyFinished = true }
        }
        if anyFinished && !anyActive { host.stories.close(index) }
    }

    private func tellDecisions(_ index: Int, model: String, version: Int) {
        guard let host = monitorHost, let registry else { return }
        for decision in registry.decisions(model, version: version) {
            let verb = decision.approve ? "approved" : "rejected"
            host.stories.tell(index, mark: "decision:\(decision.sequence)", CTChapter(time: decision.at, kind: .decision,
                text: "\(model) v\(version) \(verb) by \(decision.identity.user): \(decision.reason)",
                subject: .version(model: model, version: version)))
        }
        if let state = registry.version(model, version)?.state, state == .rejected || state == .archived {
            host.stories.close(index)
        }
    }

    /// The reason a run's skipped step gave (e.g. register's `when`).
    private func skippedRegisterReason(_ run: RunID) -> String? {
        guard let scheduler = pipelineScheduler, let runtime = scheduler.runs[run] else { return nil }
        return scheduler.summary(runtime).steps.first { $0.state == .skipped }.map { "\($0.id) \($0.reason)" }
    }

    static func metricText(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    // MARK: Commands

    /// Acknowledge and silence.
    func applyMonitoringCommand(_ command: EngineCommand) -> CommandResult {
        guard let host = monitorHost else { return .rejected("the project declares no monitors (add a monitors: section)") }
        let id: String
        switch command {
        case .acknowledgeAlert(let alert, _, _), .silenceAlert(let alert, _, _, _): id = alert
        default: return .rejected("not an alert command")
        }
        guard let alert = host.alert(id) else {
            let known = host.alerts.map(\.rule.id)
            let hint = DidYouMean.suggestion(for: id, among: known).map { "did you mean '\($0)'? " } ?? ""
            return .rejected("unknown alert '\(id)'; \(hint)known: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
        }
        let outcome: Result<AlertHistoryEntry, AlertCommandError>
        switch command {
        case .acknowledgeAlert(_, let identity, let reason):
            outcome = alert.acknowledge(by: Self.actor(identity), reason: reason, at: now)
        case .silenceAlert(_, let duration, let identity, let reason):
            guard duration > .zero else { return .rejected("a silence needs a positive duration, not \(duration)") }
            outcome = alert.silence(until: now + duration, by: Self.actor(identity), reason: reason, at: now)
        default:
            return .rejected("not an alert command")
        }
        switch outcome {
        case .failure(let error):
            return .rejected("\(id): \(error)")
        case .success(let entry):
            noteAlertEntries([entry])
            flushMonitoringChanges()
            return recordApplied(.alert, "\(id): \(entry.message)")
        }
    }

    /// `alice (10.0.0.5)`.
    static func actor(_ identity: DecisionIdentity) -> String {
        identity.sshClient.map { "\(identity.user) (\($0))" } ?? identity.user
    }

    // MARK: Persistence and reading

    /// Writes pending alert history, alert states, stories and drift rollups
    /// in one transaction; a failure is kept for the next attempt.
    func flushMonitoringChanges() {
        guard let host = monitorHost else { return }
        let states = host.statesDirty ? host.alerts.compactMap { $0.persisted() } : []
        guard !host.pendingHistory.isEmpty || !states.isEmpty || !host.pendingStories.isEmpty || !host.pendingRollups.isEmpty else { return }
        do {
            try host.store.write(MonitoringWrite(history: host.pendingHistory, alertStates: states, stories: host.pendingStories,
                                                 driftPoints: host.pendingRollups))
            host.pendingHistory.removeAll()
            host.pendingStories.removeAll()
            host.pendingRollups.removeAll()
            host.statesDirty = false
            host.storeError = nil
        } catch {
            let message = "could not write the monitoring history: \(error)"
            if host.storeError != message { record(.monitoringStoreError, message) }
            host.storeError = message
        }
    }

    /// Publishes the monitors, alerts and stories for other processes
    /// (`flightdeck alerts`, `flightdeck drift`, when the engine does not
    /// answer their request for a live snapshot in time); the run loop calls
    /// it after applied commands and every 30 s.
    public func publishMonitoringStatus() {
        guard let host = monitorHost else { return }
        do {
            try host.store.publish(monitors: monitorSummaries(), alerts: alertSummaries(), stories: host.stories.stories, at: now)
        } catch {
            let message = "could not publish the monitoring status: \(error)"
            if host.storeError != message { record(.monitoringStoreError, message) }
            host.storeError = message
        }
    }

    func monitorSummaries() -> [MonitorSummary] {
        monitorHost?.monitors.map { $0.summary(now: now) } ?? []
    }

    func alertSummaries() -> [AlertSummary] {
        monitorHost?.alerts.map { $0.summary(now: now) } ?? []
    }

    /// Whether promotions on `deployment` are frozen by an exhausted SLO budget, and why.
    func promotionFreeze(_ deployment: String) -> String? {
        guard let host = monitorHost else { return nil }
        for monitor in host.monitors where monitor.spec.deployment == deployment && monitor.freezesPromotions(now: now) {
            let spent = monitor.slos.filter { $0.isBudgetExhausted(now: now) }.map(\.spec.id)
            return "promotions frozen: the error budget of SLO \(spent.joined(separator: ", ")) (\(monitor.spec.id)) is spent"
        }
        return nil
    }
}
