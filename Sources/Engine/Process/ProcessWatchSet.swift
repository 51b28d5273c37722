#if canImport(Glibc)
import Glibc
#endif

/// Processes watched by one thread at a time: their stdout, stderr and
/// pidfd for `poll`, output split into lines, timeouts and cancellations
/// enforced by signalling process groups, children reaped as soon as they
/// exit, and the process groups they leave behind killed after the grace
/// period.
///
/// Not thread-safe: whoever owns a set (the launcher's I/O thread, or the
/// thread waiting for results, see ``ProcessIOLoop``) is the only one to
/// touch it; sets hand processes over with ``moveAll(to:)``.
final class ProcessWatchSet {
    /// One watched child.
    final class Tracked {
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

    /// What a polled descriptor after the wake-up one stands for.
    private enum Slot {
        case stdout(Tracked)
        case stderr(Tracked)
        case exit(Tracked)
    }

    private var processes: [Tracked] = []
    private var leftoverGroups: [(pgid: pid_t, killAt: UInt64)] = []
    // Scratch space of `poll(wake:limit:into:)`.
    private var descriptors: [pollfd] = []
    private var slots: [Slot] = []
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    deinit {
        buffer.deallocate()
    }

    /// Nothing to watch and no leftover group to kill.
    var isEmpty: Bool { processes.isEmpty && leftoverGroups.isEmpty }

    func watch(_ process: SpawnedProcess, _ request: ShellRequest) {
        processes.append(Tracked(process: process, request: request))
    }

    /// Hands every process and leftover group over to `other`.
    func moveAll(to other: ProcessWatchSet) {
        other.processes += processes
        other.leftoverGroups += leftoverGroups
        processes.removeAll()
        leftoverGroups.removeAll()
    }

    /// Cancels the attempt if this set watches it; true when it does.
    func cancel(_ key: AttemptKey, now: UInt64) -> Bool {
        var found = false
        for tracked in processes where tracked.key == key {
            found = true
            if !tracked.timedOut && !tracked.cancelled {
                tracked.cancelled = true
                tracked.terminate(now: now)
            }
        }
        return found
    }

    /// Polls `wake` and every watched stream and pidfd for up to `limit`
    /// milliseconds (-1: no limit; less when a signal deadline comes
    /// first), then handles what is ready and the deadlines that have
    /// passed; true when `wake` was readable.
    func poll(wake: Int32, limit: Int32, into events: inout [ShellEvent]) -> Bool {
        descriptors.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        descriptors.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
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
        let due = pollTimeout(now: Posix.monotonicNanoseconds())
        let timeout = limit < 0 ? due : due < 0 ? limit : min(limit, due)
        let ready = Glibc.poll(&descriptors, nfds_t(descriptors.count), timeout)
        if ready < 0 && errno != EINTR { fatalError("poll failed: \(Posix.errorText(errno))") }
        let now = Posix.monotonicNanoseconds()
        var exited: [Tracked] = []
        for (index, slot) in slots.enumerated() where descriptors[1 + index].revents != 0 {
            switch slot {
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
        return descriptors[0].revents != 0
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

    private enum ReadResult { case data, wouldBlock, end }

    /// One read from a ready pipe (one per poll round keeps 50 busy
    /// processes fair); end of file or an error closes the descriptor.
    @discardableResult
    private func readOnce(_ tracked: Tracked, stream: LogStream, now: UInt64, into events: inout [ShellEvent]) -> ReadResult {
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
    private func closeStream(_ tracked: Tracked, stream: LogStream, now: UInt64, into events: inout [ShellEvent]) {
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

    /// The child has exited: read what its pipes still hold, reap it, and
    /// terminate whatever it left running in its process group.
    private func finish(_ tracked: Tracked, now: UInt64, into events: inout [ShellEvent]) {
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

    /// SIGKILL every group, reap every child, close everything.
    func killEverything() {
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
