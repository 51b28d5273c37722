import SimKernel

/// A batch deployment's schedule and jobs.
struct BatchState: Sendable {
    var nextJobAt: SimTime
    var running: BatchJobReport?
    var last: BatchJobReport?
    /// Errors of all versions together when the running job started.
    var errorsAtStart = 0
}

extension ServingSimulator {
    func simulateBatch(_ traffic: BatchTraffic, from start: SimTime, to end: SimTime) {
        guard var state = batch else { return }
        clearLoads()
        if state.running == nil && start >= state.nextJobAt {
            let throughput = max(0, traffic.rowsPerSecond) * Double(liveReplicas)
            state.running = BatchJobReport(start: start, end: nil, rows: max(0, traffic.rows), scored: 0, throughput: throughput, errors: 0)
            state.errorsAtStart = totalErrors
            state.nextJobAt = start + traffic.every
        }
        if var job = state.running {
            // Rows done by the end of the slice, from the job's start (integer rows).
            let elapsed = (end - job.start).seconds
            let target = job.throughput > 0 ? min(job.rows, Int((job.throughput * elapsed).rounded(.down))) : 0
            let rows = target - job.scored
            core.serve(rows, at: start)
            job.scored = target
            job.errors = totalErrors - state.errorsAtStart
            if job.scored >= job.rows {
                let seconds = job.throughput > 0 ? Double(job.rows) / job.throughput : 0
                job.end = job.start + SimDuration(milliseconds: Int64((seconds * 1000).rounded(.up)))
                state.last = job
                state.running = nil
            } else {
                state.running = job
            }
        }
        batch = state
    }

    var totalErrors: Int {
        core.versions.reduce(0) { $0 + $1.metrics.totals.errors } + released.values.reduce(0) { $0 + $1.totals.errors }
    }

    /// The batch jobs (nil unless the mode is batch).
    public var batchStatus: BatchStatus? {
        batch.map { BatchStatus(nextJobAt: $0.nextJobAt, running: $0.running, last: $0.last) }
    }

    /// `next job d0 02:00:00; last 10,000 rows in 5s` or `job 4,000/10,000 rows`.
    static func describe(_ status: BatchStatus) -> String {
        if let running = status.running {
            return "job \(groupedInteger(running.scored))/\(groupedInteger(running.rows)) rows"
        }
        var text = "next job \(status.nextJobAt.clockLabel)"
        if let last = status.last, let duration = last.duration {
            text += "; last \(groupedInteger(last.rows)) rows in \(duration.compactDescription)"
            if last.errors > 0 { text += ", \(groupedInteger(last.errors)) failed" }
        }
        return text
    }
}
