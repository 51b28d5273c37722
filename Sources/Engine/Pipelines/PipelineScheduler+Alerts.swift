import SimKernel

extension PipelineScheduler {
    /// The trigger text of runs an alert starts: `alert amount-drift`.
    static func alertTrigger(_ alert: String) -> String { "alert \(alert)" }

    /// Starts a run of every pipeline with `triggers: [{on_alert: alert}]`,
    /// except one that already has an unfinished run for this alert (not
    /// again while a run for it is active). Returns the runs started and,
    /// per skipped pipeline, why.
    func triggerByAlert(_ alert: String) -> (started: [RunRecord], skipped: [String]) {
        var started: [RunRecord] = []
        var skipped: [String] = []
        let trigger = Self.alertTrigger(alert)
        for pipeline in pipelines where pipeline.spec.triggers.contains(.onAlert(alert)) {
            let id = pipeline.spec.id
            if let active = pipelineStates[pipeline.ordinal].runIDs.reversed().lazy.compactMap({ self.record($0) })
                .first(where: { !$0.state.isFinal && $0.trigger == trigger }) {
                skipped.append("\(id): run \(active.id) for \(alert) is still \(active.state.rawValue)")
                continue
            }
            let run = createRun(pipeline, params: defaultParams(pipeline), trigger: trigger)
            engine.record(.runTriggered, "\(id) run \(run.record.id) (#\(run.record.number)) triggered by alert \(alert)",
                          subject: .run(run.record.id))
            started.append(run.record)
        }
        return (started, skipped)
    }

    /// Runs that ended failed after `since` (runs queued more than a day
    /// before it are not looked at).
    func failedRuns(since: SimTime) -> Int {
        var count = 0
        for record in records.reversed() {
            if record.queuedAt < since - .days(1) { break }
            if record.state == .failed, let ended = record.endedAt, ended > since { count += 1 }
        }
        return count
    }

    /// Steps ready to run but waiting for a pool slot or their run's turn,
    /// plus runs queued behind `max_active_runs`.
    func backlog() -> Int {
        var count = 0
        for run in runs.values where !run.record.state.isFinal {
            if run.record.state == .queued { count += 1 }
            for step in run.steps where step.state == .queued { count += 1 }
        }
        return count
    }
}
