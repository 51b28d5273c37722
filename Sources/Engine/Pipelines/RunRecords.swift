import SimKernel

/// Identifies a pipeline run; assigned in increasing order by the engine.
public struct RunID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    public static func < (a: RunID, b: RunID) -> Bool { a.value < b.value }
    public var description: String { String(value) }
}

/// Identifies one attempt of one step of one run.
public struct AttemptKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var run: RunID
    public var step: String
    /// 1-based.
    public var attempt: Int
    public init(run: RunID, step: String, attempt: Int) {
        self.run = run
        self.step = step
        self.attempt = attempt
    }
    public var description: String { "run \(run) \(step) #\(attempt)" }
}

/// The state of a whole run.
public enum RunState: String, Sendable, Codable, CaseIterable {
    case queued, running, succeeded, failed, cancelled, interrupted

    public var isFinal: Bool { self != .queued && self != .running }
}

/// The state of a step within a run.
public enum StepState: String, Sendable, Codable, CaseIterable {
    /// Waiting for the steps it needs.
    case pending
    /// Ready, waiting for a pool slot or the run's turn.
    case queued
    case running
    /// Failed an attempt; the next one starts after the retry delay.
    case retrying
    case succeeded
    case failed
    /// Not run because a needed step failed (per its trigger rule).
    case upstreamFailed = "upstream_failed"
    /// Not run: its trigger rule or `when` condition did not hold.
    case skipped
    case cancelled
    /// Was running when the engine stopped; rerun from failure restarts it.
    case interrupted

    public var isFinal: Bool {
        switch self {
        case .pending, .queued, .running, .retrying: return false
        case .succeeded, .failed, .upstreamFailed, .skipped, .cancelled, .interrupted: return true
        }
    }
}

/// How one attempt ended (or that it still runs).
public enum AttemptState: String, Sendable, Codable, CaseIterable {
    case running, succeeded, failed, timedOut = "timed_out", cancelled, interrupted
}

/// Which stream a log line came from.
public enum LogStream: String, Sendable, Codable {
    case stdout, stderr
    /// A line written by flightdeck itself (state changes, reasons).
    case system
}

/// A run as stored: one row of the run history.
public struct RunRecord: Sendable, Equatable, Codable {
    public var id: RunID
    public var pipeline: String
    /// 1-based count of runs of this pipeline.
    public var number: Int
    public var state: RunState
    /// One line explaining the state (`failed: train failed (exit 3)`).
    public var reason: String
    /// What started it: `manual`, `schedule 2026-01-01 06:00`, `alert amount-drift`, `rerun of 12`.
    public var trigger: String
    /// Bound parameter values in the pipeline's declared order.
    public var params: [ParamBinding]
    /// `git describe` of the project directory when it is a repository.
    public var codeVersion: String?
    public var queuedAt: SimTime
    public var startedAt: SimTime?
    public var endedAt: SimTime?

    public init(id: RunID, pipeline: String, number: Int, state: RunState, reason: String, trigger: String,
                params: [ParamBinding], codeVersion: String?, queuedAt: SimTime, startedAt: SimTime? = nil, endedAt: SimTime? = nil) {
        self.id = id
        self.pipeline = pipeline
        self.number = number
        self.state = state
        self.reason = reason
        self.trigger = trigger
        self.params = params
        self.codeVersion = codeVersion
        self.queuedAt = queuedAt
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}

/// One parameter's value in a run.
public struct ParamBinding: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A step's current state in a run.
public struct StepRecord: Sendable, Equatable, Codable {
    public var run: RunID
    public var step: String
    public var state: StepState
    /// One line: `queued: pool gpu full (2/2)`, `retrying in 40s (attempt 2/3)`.
    public var reason: String
    /// Attempts made so far.
    public var attempts: Int

    public init(run: RunID, step: String, state: StepState, reason: String, attempts: Int) {
        self.run = run
        self.step = step
        self.state = state
        self.reason = reason
        self.attempts = attempts
    }
}

/// One attempt of a step.
public struct StepAttemptRecord: Sendable, Equatable, Codable {
    public var key: AttemptKey
    public var state: AttemptState
    public var startedAt: SimTime
    public var endedAt: SimTime?
    /// Exit status of a shell step (nil for other kinds or when killed).
    public var exitCode: Int32?
    public var reason: String

    public init(key: AttemptKey, state: AttemptState, startedAt: SimTime, endedAt: SimTime? = nil, exitCode: Int32? = nil, reason: String = "") {
        self.key = key
        self.state = state
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.exitCode = exitCode
        self.reason = reason
    }
}

/// One line of a step attempt's log. Text is stored as received (it is
/// untrusted); it is sanitised where it is shown.
public struct LogLine: Sendable, Equatable, Codable {
    public var key: AttemptKey
    /// Order within the attempt.
    public var sequence: Int
    /// Simulated time at which the engine received it.
    public var time: SimTime
    /// Milliseconds of real time since the process started (shell steps).
    public var realOffsetMilliseconds: Int64?
    public var stream: LogStream
    public var text: String

    public init(key: AttemptKey, sequence: Int, time: SimTime, realOffsetMilliseconds: Int64? = nil, stream: LogStream, text: String) {
        self.key = key
        self.sequence = sequence
        self.time = time
        self.realOffsetMilliseconds = realOffsetMilliseconds
        self.stream = stream
        self.text = text
    }
}

/// A file a step produced, recorded with its content hash.
public struct ArtifactRecord: Sendable, Equatable, Codable {
    public var key: AttemptKey
    public var path: String
    /// Lower-case hex SHA-256 of the content.
    public var sha256: String
    public var size: Int64
    public var time: SimTime

    public init(key: AttemptKey, path: String, sha256: String, size: Int64, time: SimTime) {
        self.key = key
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.time = time
    }
}

/// A change to the run history, in the order it happened. Records are
/// upserts keyed by their ids; log lines and artifacts are appends.
public enum RunChange: Sendable, Equatable {
    case run(RunRecord)
    case step(StepRecord)
    case attempt(StepAttemptRecord)
    case log(LogLine)
    case artifact(ArtifactRecord)
    /// An engine value that must survive a restart (the clock, the next run id,
    /// a schedule's last fire time): upserted by key.
    case meta(key: String, value: String)
}
