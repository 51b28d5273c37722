import SimKernel

/// A shell command for one step attempt.
public struct ShellRequest: Sendable, Equatable {
    public var key: AttemptKey
    /// Run as `/bin/sh -c command` (a launcher may skip the shell where it
    /// would change nothing). Parameters never appear in it verbatim:
    /// `${params.x}` has been turned into a quoted environment variable.
    public var command: String
    /// Added to the inherited environment, in order.
    public var environment: [EnvironmentEntry]
    public var workingDirectory: String
    /// Real time after which the process group gets SIGTERM, then SIGKILL
    /// after `killGrace`.
    public var timeout: SimDuration?
    public var killGrace: SimDuration

    public init(key: AttemptKey, command: String, environment: [EnvironmentEntry], workingDirectory: String,
                timeout: SimDuration? = nil, killGrace: SimDuration = .seconds(5)) {
        self.key = key
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.killGrace = killGrace
    }
}

/// How a shell process ended.
public struct ShellOutcome: Sendable, Equatable {
    /// Exit status when it exited normally.
    public var exitCode: Int32?
    /// The signal that ended it, if one did.
    public var signal: Int32?
    public var timedOut: Bool
    public var cancelled: Bool
    /// Real milliseconds from start to end.
    public var realDurationMilliseconds: Int64
    /// Why it could not be started (then nothing ran).
    public var launchError: String?

    public init(exitCode: Int32? = nil, signal: Int32? = nil, timedOut: Bool = false, cancelled: Bool = false,
                realDurationMilliseconds: Int64 = 0, launchError: String? = nil) {
        self.exitCode = exitCode
        self.signal = signal
        self.timedOut = timedOut
        self.cancelled = cancelled
        self.realDurationMilliseconds = realDurationMilliseconds
        self.launchError = launchError
    }

    public var succeeded: Bool { exitCode == 0 && !timedOut && !cancelled && launchError == nil }
}

/// What a running shell step reports back to the engine.
public enum ShellEvent: Sendable, Equatable {
    case output(AttemptKey, LogStream, String, realOffsetMilliseconds: Int64)
    case finished(AttemptKey, ShellOutcome)
}

/// Runs shell steps off the engine's thread. Results are posted to an inbox
/// the engine drains at its current simulated time.
public protocol ShellLauncher: AnyObject, Sendable {
    /// Starts the process; returns at once.
    func launch(_ request: ShellRequest)
    /// Ends the attempt's process group (SIGTERM, then SIGKILL after the
    /// grace period); a `.finished` event with `cancelled` follows.
    func cancel(_ key: AttemptKey)
    /// Events posted so far, oldest first, removed from the inbox.
    func drain() -> [ShellEvent]
    /// Blocks until an event is posted or `milliseconds` pass; true when an
    /// event is waiting.
    func waitForEvent(milliseconds: Int) -> Bool
    /// Attempts launched and not yet reported finished.
    var runningCount: Int { get }
}
