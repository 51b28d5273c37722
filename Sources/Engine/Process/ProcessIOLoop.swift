#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One I/O thread for all the processes of a launcher: it polls every
/// child's stdout, stderr and pidfd plus a wake-up pipe, splits output into
/// lines, enforces timeouts and cancellations by signalling process groups,
/// reaps children as soon as they exit and posts events to the inbox.
///
/// `@unchecked Sendable`: other threads touch only `commands` (a `Mutex`),
/// the wake-up pipe's write end (a write is atomic) and `inbox` (itself
/// locked). Everything under "I/O thread only" is read and written solely
/// by the thread started in `init` (and, after it has been joined, by
/// nobody). `thread` and `joined` are used only by `init` and by the
/// owner's single `shutdown()` call.
final class ProcessIOLoop: @unchecked Sendable {
    enum Command: Sendable {
        case watch(SpawnedProcess, ShellRequest)
        case cancel(AttemptKey)
        case shutdown
    }

    let inbox: ShellEventInbox
    private let commands = Mutex<[Command]>([])
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var thread = pthread_t()
    private var joined = false

    // I/O thread only.
    private var processes: [TrackedProcess] = []
    private var leftoverGroups: [(pgid: pid_t, killAt: UInt64)] = []
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    init(inbox: ShellEventInbox) throws(LaunchFailure) {
        self.inbox = inbox
        let wake = try Posix.closeOnExecPipe()
        wakeRead = wake.read
        wakeWrite = wake.write
        Posix.setNonBlocking(wakeRead)
        Posix.setNonBlocking(wakeWrite)
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            let loop = Unmanaged<ProcessIOLoop>.fromOpaque(context!).takeRetainedValue()
            loop.run()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<ProcessIOLoop>.fromOpaque(context).release()
            close(wakeRead)
            close(wakeWrite)
            joined = true
            throw LaunchFailure("cannot start the process I/O thread: \(Posix.errorText(status))")
        }
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
        buffer.deallocate()
    }

    /// Queues a command for the I/O thread and wakes it.
    func send(_ command: Command) {
        commands.withLock { $0.append(command) }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Kills every process still running, reaps it and joins the thread.
    /// Call once, from the owner.
    func shutdown() {
        guard !joined else { return }
        joined = true
        send(.shutdown)
        pthread_join(thread, nil)
    }

    // MARK: - I/O thread

    private final class TrackedProcess {
        let key: AttemptKey
        let process: SpawnedProcess
        var stdoutFD: Int32
        var stderrFD: Int32
        var stdoutLines = LogLineSplitter()
        var stderrLines = LogLineSplitter()
        let killGraceNanoseconds: UInt64
        /// When SIGTERM is due (the timeout), until it has been sent.
        var terminateAt: UInt64?
        /// When SIGKILL is due, once SIGTERM has been sent.
        var killAt: UInt64?
        var timedOut = false
        var cancelled = false

        init(process: SpawnedProcess, request: ShellRequest) {
            key = request.key
            self.process = process
            stdoutFD = process.stdoutFD
            stderrFD = process.stderrFD
            killGraceNanoseconds = UInt64(max(0, request.killGrace.milliseconds)) * 1_000_000
            if let timeout = request.timeout {
                terminateAt = process.startNanoseconds + UInt64(max(0, timeout.milliseconds)) * 1_000_000
            }
        }

        func offsetMilliseconds(at now: UInt64) -> Int64 {
            Int64((now &- process.startNanoseconds) / 1_000_000)
        }

        /// SIGTERM to the group now, SIGKILL after the grace period.
        func terminate(now: UInt64) {
            guard killAt == nil else { return }
            terminateAt = nil
            kill(-process.pid, SIGTERM)
            killAt = now + killGraceNanoseconds
        }
    }

    private enum Slot {
        case wake
        case stdout(TrackedProcess)
        case stderr(TrackedProcess)
        case exit(TrackedProcess)
    }

    private func run() {
        var descriptors: [pollfd] = []
        var slots: [Slot] = []
        while true {
            descriptors.removeAll(keepingCapacity: true)
            slots.removeAll(keepingCapacity: true)
            descriptors.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
            slots.append(.wake)
            for tracked in processes {
                if tracked.stdoutFD >= 0 {
                    descriptors.append(pollfd(fd: tracked.stdoutFD, events: Int16(POLLIN), revents: 0))
                    slots.append(.stdout(tracked))
                }
                if tracked.stderrFD >= 0 {
                    descriptors.append(pollfd(fd: tracked.stderrFD, events: Int16(POLLIN), revents: 0))
                    slots.append(.stderr(tracked))
                }
                descriptors.append(pollfd(fd: tracked.process.pidFD, events: Int16(POLLIN), revents: 0))
                slots.append(.exit(tracked))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), pollTimeout(now: Posix.monotonicNanoseconds()))
            if ready < 0 && errno != EINTR { fatalError("poll failed: \(Posix.errorText(errno))") }
            let now = Posix.monotonicNanoseconds()
            var events: [ShellEvent] = []
            var exited: [TrackedProcess] = []
            for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                switch slots[index] {
                case .wake:
                    drainWakePipe()
                    if applyCommands(now: now) {
                        killEverything()
                        return
                    }
                case .stdout(let tracked):
                    readOnce(tracked, stream: .stdout, now: now, into: &events)
                case .stderr(let tracked):
                    readOnce(tracked, stream: .stderr, now: now, into: &events)
                case .exit(let tracked):
                    exited.append(tracked)
                }
            }
            for tracked in exited {
                finish(tracked, now: now, into: &events)
            }
            enforceDeadlines(now: now)
            inbox.post(events)
        }
    }

    /// Milliseconds until the nearest signal deadline, or -1 for none.
    private func pollTimeout(now: UInt64) -> Int32 {
        var nearest: UInt64?
        for tracked in processes {
            for deadline in [tracked.terminateAt, tracked.killAt].compactMap({ $0 }) {
                nearest = min(nearest ?? deadline, deadline)
            }
        }
        for group in leftoverGroups {
            nearest = min(nearest ?? group.killAt, group.killAt)
        }
        guard let nearest else { return -1 }
        if nearest <= now { return 0 }
        // Round up so the deadline has passed when poll returns.
        let milliseconds = (nearest - now + 999_999) / 1_000_000
        return Int32(min(milliseconds, UInt64(Int32.max)))
    }

    private func drainWakePipe() {
        while read(wakeRead, buffer.baseAddress, buffer.count) > 0 {}
    }

    /// Applies queued commands; true when asked to shut down.
    private func applyCommands(now: UInt64) -> Bool {
        let pending = commands.withLock { queue -> [Command] in
            defer { queue.removeAll() }
            return queue
        }
        var shutdown = false
        for command in pending {
            switch command {
            case .watch(let process, let request):
                processes.append(TrackedProcess(process: process, request: request))
            case .cancel(let key):
                for tracked in processes where tracked.key == key && !tracked.timedOut && !tracked.cancelled {
                    tracked.cancelled = true
                    tracked.terminate(now: now)
                }
            case .shutdown:
                shutdown = true
            }
        }
        return shutdown
    }

    private enum ReadResult { case data, wouldBlock, end }

    /// One read from a ready pipe (one per poll round keeps 50 busy
    /// processes fair); end of file or an error closes the descriptor.
    @discardableResult
    private func readOnce(_ tracked: TrackedProcess, stream: LogStream, now: UInt64, into events: inout [ShellEvent]) -> ReadResult {
        let fd = stream == .stdout ? tracked.stdoutFD : tracked.stderrFD
        guard fd >= 0 else { return .end }
        let count = read(fd, buffer.baseAddress, buffer.count)
        if count > 0 {
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let lines = stream == .stdout ? tracked.stdoutLines.append(bytes) : tracked.stderrLines.append(bytes)
            let offset = tracked.offsetMilliseconds(at: now)
            for line in lines {
                events.append(.output(tracked.key, stream, line, realOffsetMilliseconds: offset))
            }
            return .data
        }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return .wouldBlock }
        closeStream(tracked, stream: stream, now: now, into: &events)
        return .end
    }

    /// Closes one stream, flushing its partial last line.
    private func closeStream(_ tracked: TrackedProcess, stream: LogStream, now: UInt64, into events: inout [ShellEvent]) {
        let last: String?
        if stream == .stdout {
            close(tracked.stdoutFD)
            tracked.stdoutFD = -1
            last = tracked.stdoutLines.finish()
        } else {
            close(tracked.stderrFD)
            tracked.stderrFD = -1
            last = tracked.stderrLines.finish()
        }
        if let last {
            events.append(.output(tracked.key, stream, last, realOffsetMilliseconds: tracked.offsetMilliseconds(at: now)))
        }
    }

    /// The shell has exited: read what its pipes still hold, reap it, and
    /// terminate whatever it left running in its process group.
    private func finish(_ tracked: TrackedProcess, now: UInt64, into events: inout [ShellEvent]) {
        // The pidfd is readable, so the child has exited: this wait does not block.
        var status: Int32 = 0
        var reaped = waitpid(tracked.process.pid, &status, 0)
        while reaped < 0 && errno == EINTR { reaped = waitpid(tracked.process.pid, &status, 0) }
        let decoded = reaped == tracked.process.pid ? Posix.decodeWaitStatus(status) : (exitCode: nil, signal: nil)
        for stream in [LogStream.stdout, .stderr] {
            var result = ReadResult.data
            while result == .data { result = readOnce(tracked, stream: stream, now: now, into: &events) }
            if result == .wouldBlock {
                // Nothing left, but a leftover process holds the write end:
                // stop reading; it is terminated below.
                closeStream(tracked, stream: stream, now: now, into: &events)
            }
        }
        close(tracked.process.pidFD)
        if kill(-tracked.process.pid, 0) == 0 {
            kill(-tracked.process.pid, SIGTERM)
            leftoverGroups.append((tracked.process.pid, now + tracked.killGraceNanoseconds))
        }
        let outcome = ShellOutcome(exitCode: decoded.exitCode, signal: decoded.signal, timedOut: tracked.timedOut,
                                   cancelled: tracked.cancelled,
                                   realDurationMilliseconds: tracked.offsetMilliseconds(at: Posix.monotonicNanoseconds()))
        events.append(.finished(tracked.key, outcome))
        processes.removeAll { $0 === tracked }
    }

    private func enforceDeadlines(now: UInt64) {
        for tracked in processes {
            if let terminateAt = tracked.terminateAt, terminateAt <= now, !tracked.cancelled {
                tracked.timedOut = true
                tracked.terminate(now: now)
            }
            if let killAt = tracked.killAt, killAt <= now {
                kill(-tracked.process.pid, SIGKILL)
                tracked.killAt = nil
            }
        }
        leftoverGroups.removeAll { group in
            guard group.killAt <= now else { return false }
            kill(-group.pgid, SIGKILL)
            return true
        }
    }

    /// On shutdown: SIGKILL every group, reap every child, close everything.
    private func killEverything() {
        for tracked in processes {
            kill(-tracked.process.pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(tracked.process.pid, &status, 0) < 0 && errno == EINTR {}
            for fd in [tracked.stdoutFD, tracked.stderrFD, tracked.process.pidFD] where fd >= 0 {
                close(fd)
            }
        }
        processes.removeAll()
        for group in leftoverGroups {
            kill(-group.pgid, SIGKILL)
        }
        leftoverGroups.removeAll()
    }
}
