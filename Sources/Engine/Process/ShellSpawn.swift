#if canImport(Glibc)
import Glibc
#endif

/// A child started by `ShellSpawn.start`: its pid (also its process group
/// id), the read ends of its stdout and stderr pipes and a pidfd that turns
/// readable when it exits. The caller owns the descriptors.
struct SpawnedProcess {
    var pid: pid_t
    var stdoutFD: Int32
    var stderrFD: Int32
    var pidFD: Int32
    /// Monotonic nanoseconds just before the spawn.
    var startNanoseconds: UInt64
}

/// Starts `/bin/sh -c command`, or the command's program itself when it is
/// a ``DirectCommand``, with `posix_spawn`: its own process group,
/// stdin from /dev/null, stdout and stderr to two pipes, the given working
/// directory and environment, an empty signal mask and default dispositions
/// for the signals a terminal UI installs handlers for.
enum ShellSpawn {
    /// Signals reset to their default action in the child.
    static let defaultedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT]

    /// - `environment`: a NULL-terminated block of `NAME=value` C strings
    ///   (see ``Posix/childEnvironment(_:)``), which the caller owns.
    static func start(command: String, environment: [UnsafeMutablePointer<CChar>?], workingDirectory: String) throws(LaunchFailure) -> SpawnedProcess {
        guard let pidfdOpen = GNULibC.pidfdOpen else {
            throw LaunchFailure("pidfd_open is not available (needs glibc 2.36 and Linux 5.3)")
        }
        let out = try Posix.closeOnExecPipe()
        let err: (read: Int32, write: Int32)
        do {
            err = try Posix.closeOnExecPipe()
        } catch {
            close(out.read)
            close(out.write)
            throw error
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        if !workingDirectory.isEmpty {
            guard let addChdir = GNULibC.addChdir else {
                closeAll(out, err)
                throw LaunchFailure("posix_spawn_file_actions_addchdir_np is not available (needs glibc 2.29)")
            }
            _ = addChdir(&actions, workingDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultedSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let start = Posix.monotonicNanoseconds()
        var status = spawnDirectly(command, pid: &pid, actions: &actions, attributes: &attributes,
                                   environment: environment, workingDirectory: workingDirectory)
        if status != 0 {
            let argv = Posix.cStringArray(["/bin/sh", "-c", command])
            defer { Posix.freeCStringArray(argv) }
            status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environment)
        }
        close(out.write)
        close(err.write)
        guard status == 0 else {
            close(out.read)
            close(err.read)
            let place = workingDirectory.isEmpty ? "" : " in \(workingDirectory)"
            throw LaunchFailure("cannot start /bin/sh\(place): \(Posix.errorText(status))")
        }
        let pidFD = pidfdOpen(pid, 0)
        if pidFD < 0 {
            let code = errno
            // Without a pidfd the exit cannot be watched; end the child now.
            kill(-pid, SIGKILL)
            var ignored: Int32 = 0
            while waitpid(pid, &ignored, 0) < 0 && errno == EINTR {}
            close(out.read)
            close(err.read)
            throw LaunchFailure("pidfd_open: \(Posix.errorText(code))")
        }
        Posix.setNonBlocking(out.read)
        Posix.setNonBlocking(err.read)
        return SpawnedProcess(pid: pid, stdoutFD: out.read, stderrFD: err.read, pidFD: pidFD, startNanoseconds: start)
    }

    /// Starts a ``DirectCommand`` without the shell; the `posix_spawn`
    /// status, or -1 when the command needs the shell. A failed `exec`
    /// (not found, not executable, not a binary or `#!` script) leaves no
    /// child behind and writes nothing to the pipes, so the caller starts
    /// the shell with the same file actions, and the shell reports it.
    private static func spawnDirectly(_ command: String, pid: inout pid_t, actions: inout posix_spawn_file_actions_t,
                                      attributes: inout posix_spawnattr_t,
                                      environment: [UnsafeMutablePointer<CChar>?], workingDirectory: String) -> Int32 {
        guard let direct = DirectCommand(command),
              let searchPath = DirectCommand.value(of: "PATH", in: environment),
              let program = DirectCommand.resolve(direct.arguments[0], searchPath: searchPath),
              let passed = DirectCommand.environment(environment, workingDirectory: workingDirectory) else { return -1 }
        defer { free(passed.pwd) }
        let argv = Posix.cStringArray(direct.arguments)
        defer { Posix.freeCStringArray(argv) }
        return posix_spawn(&pid, program, &actions, &attributes, argv, passed.block)
    }

    private static func closeAll(_ pipes: (read: Int32, write: Int32)...) {
        for pipe in pipes {
            close(pipe.read)
            close(pipe.write)
        }
    }
}
