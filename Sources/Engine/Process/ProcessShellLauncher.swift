/// Runs shell steps as real child processes.
///
/// Each request becomes `/bin/sh -c command` (or, for a plain command such
/// as `python train.py --rows 100`, the program itself, exactly as the
/// shell would have run it: see ``DirectCommand``) started with
/// `posix_spawn` in its own process group, stdin from /dev/null, stdout and stderr on pipes,
/// the request's working directory, the inherited environment plus the
/// request's entries (later entries win), an empty signal mask and default
/// handling of SIGINT, SIGTERM, SIGHUP, SIGPIPE and SIGQUIT (so the UI's
/// handlers do not leak into steps).
///
/// Processes are watched with `poll` by the thread that waits for their
/// results (`waitForEvent`) while it waits, else by the launcher's I/O
/// thread (see `ProcessIOLoop`): output is split into lines (see
/// `LogLineSplitter`) and posted with the real milliseconds since the
/// process started; the shell is reaped as soon as it exits. A timeout or `cancel` sends SIGTERM to the process group and
/// SIGKILL after the request's `killGrace`. When the shell exits, anything
/// it left running in its process group is terminated the same way, and
/// output those leftovers write afterwards is not captured.
///
/// Needs Linux 5.3+ and glibc 2.36+ (`pidfd_open`); elsewhere every launch
/// reports a `launchError`. Releasing the launcher kills and reaps whatever
/// still runs.
public final class ProcessShellLauncher: ShellLauncher {
    private let inbox = ShellEventInbox()
    private let loop: ProcessIOLoop?
    private let loopFailure: String?

    public init() {
        do {
            loop = try ProcessIOLoop(inbox: inbox)
            loopFailure = nil
        } catch {
            loop = nil
            loopFailure = error.message
        }
    }

    deinit {
        loop?.shutdown()
    }

    /// Ends every process still running (SIGKILL to each process group) and
    /// stops the I/O thread; later launches fail with a launch error. Called
    /// when flightdeck exits, so no step outlives the engine that started it
    /// (the run history marks those attempts interrupted on the next start).
    public func shutdown() {
        loop?.shutdown()
    }

    public func launch(_ request: ShellRequest) {
        inbox.attemptStarted()
        guard let loop else {
            inbox.post([.finished(request.key, ShellOutcome(launchError: loopFailure))])
            return
        }
        let environment = Posix.childEnvironment(request.environment)
        defer { Posix.releaseEnvironment(environment.owned) }
        do {
            let process = try ShellSpawn.start(command: request.command, environment: environment.block,
                                               workingDirectory: request.workingDirectory)
            loop.watch(process, request)
        } catch {
            inbox.post([.finished(request.key, ShellOutcome(launchError: error.message))])
        }
    }

    public func cancel(_ key: AttemptKey) {
        loop?.cancel(key)
    }

    public func drain() -> [ShellEvent] {
        inbox.drain()
    }

    public func waitForEvent(milliseconds: Int) -> Bool {
        loop?.waitOnCallingThread(milliseconds: milliseconds) ?? inbox.waitForEvent(milliseconds: milliseconds)
    }

    public var runningCount: Int { inbox.runningCount }
}
