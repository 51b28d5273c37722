import Engine

/// Records with every optional field both set and empty, for round trips.
enum RunHistoryFixtures {
    static func run(_ id: Int64, pipeline: String = "retrain", number: Int = 1, state: RunState = .running,
                    finished: Bool = false) -> RunRecord {
        RunRecord(
            id: RunID(id), pipeline: pipeline, number: number, state: state,
            reason: "\(state.rawValue): reason of run \(id)", trigger: "schedule 2026-01-01 06:00",
            params: [ParamBinding(name: "rows", value: "20000"), ParamBinding(name: "label", value: "a \"quoted\" / value")],
            codeVersion: finished ? nil : "v1.2-3-gabcdef",
            queuedAt: SimTime(milliseconds: id * 1000),
            startedAt: SimTime(milliseconds: id * 1000 + 5),
            endedAt: finished ? SimTime(milliseconds: id * 1000 + 90_000) : nil)
    }

    static func step(_ run: Int64, _ name: String, state: StepState = .pending, attempts: Int = 0) -> StepRecord {
        StepRecord(run: RunID(run), step: name, state: state, reason: "\(state.rawValue) \(name)", attempts: attempts)
    }

    static func key(_ run: Int64, _ step: String, _ attempt: Int) -> AttemptKey {
        AttemptKey(run: RunID(run), step: step, attempt: attempt)
    }

    static func attempt(_ run: Int64, _ step: String, _ attempt: Int, state: AttemptState = .running,
                        ended: Bool = false, exitCode: Int32? = nil) -> StepAttemptRecord {
        StepAttemptRecord(
            key: key(run, step, attempt), state: state, startedAt: SimTime(milliseconds: Int64(attempt) * 100),
            endedAt: ended ? SimTime(milliseconds: Int64(attempt) * 100 + 40) : nil,
            exitCode: exitCode, reason: ended ? "exit \(exitCode.map(String.init) ?? "none")" : "")
    }

    static func log(_ run: Int64, _ step: String, _ attempt: Int, _ sequence: Int, stream: LogStream = .stdout,
                    text: String? = nil, realOffset: Int64? = 12) -> LogLine {
        LogLine(key: key(run, step, attempt), sequence: sequence, time: SimTime(milliseconds: Int64(sequence) * 10),
                realOffsetMilliseconds: realOffset, stream: stream,
                text: text ?? "line \(sequence) of \(step) #\(attempt)")
    }

    static func artifact(_ run: Int64, _ step: String, _ attempt: Int, path: String) -> ArtifactRecord {
        ArtifactRecord(key: key(run, step, attempt), path: path,
                       sha256: String(repeating: "ab", count: 32), size: 1_234_567, time: SimTime(milliseconds: 777))
    }
}
