import SimKernel

extension PipelineScheduler {
    /// The first fire time strictly after `time`.
    func nextFire(_ pipeline: CompiledPipeline, after time: SimTime) -> SimTime? {
        switch pipeline.spec.schedule {
        case .none: return nil
        case .every(let interval):
            guard interval.milliseconds > 0 else { return nil }
            return time + interval
        case .cron(let expression):
            return expression.next(after: time, calendar: calendar)
        }
    }

    /// Runs missed schedule intervals (cursor, now] — all of them in order
    /// with `catchup`, only the latest without — then arms every schedule's
    /// next fire on the engine's queue. Called once when the engine starts.
    func startSchedules() {
        for pipeline in pipelines where pipeline.spec.schedule != nil {
            let ordinal = pipeline.ordinal
            var missed: [SimTime] = []
            var cursor = pipelineStates[ordinal].cursor
            while let next = nextFire(pipeline, after: cursor), next <= now {
                if pipeline.spec.catchup {
                    missed.append(next)
                } else {
                    missed = [next]
                }
                cursor = next
                // A very long gap without catchup: jump close to now.
                if !pipeline.spec.catchup, case .every(let interval) = pipeline.spec.schedule, interval.milliseconds > 0 {
                    let behind = (now - cursor).milliseconds / interval.milliseconds
                    if behind > 1 { cursor = cursor + interval * (behind - 1) }
                }
            }
            if !missed.isEmpty {
                engine.record(.scheduleFired, "\(pipeline.spec.id): \(missed.count) missed schedule interval\(missed.count == 1 ? "" : "s") to run (catchup \(pipeline.spec.catchup ? "on" : "off"))")
            }
            for time in missed { fire(pipeline, at: time) }
            if cursor != pipelineStates[ordinal].cursor || missed.isEmpty {
                pipelineStates[ordinal].cursor = cursor
                emitMeta(MetaKey.schedule(pipeline.spec.id), String(cursor.milliseconds))
            }
            arm(pipeline)
        }
    }

    private func arm(_ pipeline: CompiledPipeline) {
        let ordinal = pipeline.ordinal
        guard let next = nextFire(pipeline, after: pipelineStates[ordinal].cursor) else {
            pipelineStates[ordinal].nextFire = nil
            return
        }
        pipelineStates[ordinal].nextFire = next
        pipelineStates[ordinal].scheduleEvent = engine.schedule(at: next, priority: -1) { engine in
            engine.pipelineScheduler?.scheduleDue(ordinal: ordinal, time: next)
        }
    }

    private func scheduleDue(ordinal: Int, time: SimTime) {
        let pipeline = pipelines[ordinal]
        fire(pipeline, at: time)
        pipelineStates[ordinal].cursor = time
        emitMeta(MetaKey.schedule(pipeline.spec.id), String(time.milliseconds))
        arm(pipeline)
        settle()
    }

    /// Starts (or queues) the run for schedule instant `time`. Without
    /// catchup, a scheduled run still queued for an earlier instant is
    /// moved to this one instead.
    func fire(_ pipeline: CompiledPipeline, at time: SimTime) {
        let label = "schedule \(calendar.label(time))"
        let state = pipelineStates[pipeline.ordinal]
        if !pipeline.spec.catchup {
            for position in state.queueHead..<state.queue.count {
                guard let run = runs[state.queue[position]], run.record.state == .queued, run.scheduledFor != nil else { continue }
                run.scheduledFor = time
                run.record.trigger = label
                emitRun(run)
                engine.record(.scheduleFired, "\(pipeline.spec.id): \(label) folded into queued run \(run.record.id) (catchup off)")
                engine.recordAutomaticAudit(action: "schedule", target: "\(pipeline.spec.id) run \(run.record.id)", reason: label,
                                            message: "folded into the queued run (catchup off)")
                return
            }
        }
        let run = createRun(pipeline, params: defaultParams(pipeline), trigger: label, scheduledFor: time)
        engine.record(.scheduleFired, "\(pipeline.spec.id): \(label) -> run \(run.record.id) (#\(run.record.number)) \(run.record.state.rawValue)",
                      subject: .run(run.record.id))
        engine.recordAutomaticAudit(action: "schedule", target: "\(pipeline.spec.id) run \(run.record.id)", reason: label,
                                    message: "run #\(run.record.number) \(run.record.state.rawValue)")
    }
}
