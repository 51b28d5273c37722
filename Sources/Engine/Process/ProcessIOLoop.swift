#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Watches a launcher's processes (see ``ProcessWatchSet``) on whichever
/// thread is waiting for them.
///
/// A new process is watched by the thread that launched it when that
/// thread waits for results (``waitOnCallingThread(milliseconds:)``; it
/// has done so within ``callerWaitMemory`` milliseconds): a headless run
/// launching a step and waiting for it. Otherwise (the control room, which
/// never waits) the I/O thread watches it from the start. Its exit then wakes
/// the waiting thread directly, as `waitpid` would, instead of waking an
/// I/O thread that wakes the waiter. On this 2-core VM that second hop,
/// with the moves between cores it brings (a C replica of both designs:
/// 1.9 CPU migrations and 2.4 inter-processor interrupts per process
/// against 0.1 and 0.2), cost 0.3-0.5 ms per process, half the price of
/// starting one: a chain of `true` steps took 1.23-1.42 ms per step
/// before, and 0.93-1.13 ms since (BENCHMARKS.md, shell steps).
///
/// The I/O thread takes over what the launching thread stops watching:
/// while that thread waits now and then, it checks every ``handoverTick``
/// milliseconds and adopts the caller's processes once the caller has
/// neither launched nor waited for that long (a headless run busy with
/// something else). Adopted processes stay with the I/O thread, which
/// also wakes at once for cancellations.
///
/// `watch`, `cancel` and `waitOnCallingThread` are called by one thread at a
/// time (the engine's).
///
/// `@unchecked Sendable`: `caller`, `callerWatching`, `lastCallerWait`,
/// `lastCallerActivity` and `ticking` are touched only while `lock` is held,
/// except that the caller's set is used without the lock by the launching
/// thread while `callerWatching` is true (the I/O thread leaves it alone
/// then). `commands` is a `Mutex`; the wake-up pipes' write ends are
/// written atomically; `inbox` locks itself; `threadSet` belongs to the I/O
/// thread; `thread` and `joined` to `init` and the owner's single
/// `shutdown()`.
final class ProcessIOLoop: @unchecked Sendable {
    enum Command: Sendable {
        case watch(SpawnedProcess, ShellRequest)
        case cancel(AttemptKey)
        case shutdown
    }

    /// How often the I/O thread looks for processes the launching thread
    /// no longer watches, and how long that thread may be away first.
    static let handoverTick: Int32 = 10
    /// Milliseconds since its last wait during which the launching thread
    /// counts as one that waits.
    static let callerWaitMemory: UInt64 = 1000

    let inbox: ShellEventInbox
    private let commands = Mutex<[Command]>([])
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Posts to the inbox write here while the caller polls.
    private let callerWakeRead: Int32
    private let callerWakeWrite: Int32
    private var thread = pthread_t()
    private var joined = false

    // Under `lock`.
    private let lock = Mutex<Void>(())
    private let caller = ProcessWatchSet()
    private var callerWatching = false
    /// When the launching thread last launched or stopped waiting.
    /// When the launching thread last waited; nil before its first wait.
    private var lastCallerWait: UInt64?
    /// When it last launched or stopped waiting.
    private var lastCallerActivity: UInt64 = 0
    private var ticking = false

    // I/O thread only.
    private let threadSet = ProcessWatchSet()

    init(inbox: ShellEventInbox) throws(LaunchFailure) {
        self.inbox = inbox
        let wake = try Posix.closeOnExecPipe()
        let callerWake: (read: Int32, write: Int32)
        do {
            callerWake = try Posix.closeOnExecPipe()
        } catch {
            close(wake.read)
            close(wake.write)
            throw error
        }
        wakeRead = wake.read
        wakeWrite = wake.write
        callerWakeRead = callerWake.read
        callerWakeWrite = callerWake.write
        for fd in [wakeRead, wakeWrite, callerWakeRead, callerWakeWrite] { Posix.setNonBlocking(fd) }
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            let loop = Unmanaged<ProcessIOLoop>.fromOpaque(context!).takeRetainedValue()
            loop.run()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<ProcessIOLoop>.fromOpaque(context).release()
            for fd in [wakeRead, wakeWrite, callerWakeRead, callerWakeWrite] { close(fd) }
            joined = true
            throw LaunchFailure("cannot start the process I/O thread: \(Posix.errorText(status))")
        }
    }

    deinit {
        for fd in [wakeRead, wakeWrite, callerWakeRead, callerWakeWrite] { close(fd) }
    }

    // MARK: - The launching thread

    /// Watches a process just started: on the launching thread if it
    /// waits for results, else on the I/O thread.
    func watch(_ process: SpawnedProcess, _ request: ShellRequest) {
        enum Route { case caller, callerStartingTicks, ioThread }
        let route = lock.withLock { _ -> Route in
            assert(!callerWatching, "watch called while another thread waits")
            let now = Posix.monotonicNanoseconds()
            guard let waited = lastCallerWait, now &- waited < Self.callerWaitMemory * 1_000_000 else { return .ioThread }
            caller.watch(process, request)
            lastCallerActivity = now
            guard !ticking else { return .caller }
            ticking = true
            return .callerStartingTicks
        }
        switch route {
        case .caller: break
        case .callerStartingTicks: wake(wakeWrite)
        case .ioThread: send(.watch(process, request))
        }
    }

    /// Ends the attempt's process group, wherever it is watched.
    func cancel(_ key: AttemptKey) {
        let found = lock.withLock { _ in
            assert(!callerWatching, "cancel called while another thread waits")
            return caller.cancel(key, now: Posix.monotonicNanoseconds())
        }
        if !found { send(.cancel(key)) }
    }

    /// Waits up to `milliseconds` for an event, watching the processes
    /// this thread launched meanwhile; true when an event is waiting.
    func waitOnCallingThread(milliseconds: Int) -> Bool {
        let deadline = Posix.monotonicNanoseconds() + UInt64(max(0, milliseconds)) * 1_000_000
        let watching = lock.withLock { _ -> Bool in
            guard !caller.isEmpty else {
                lastCallerWait = Posix.monotonicNanoseconds()
                return false
            }
            callerWatching = true
            return true
        }
        guard watching else { return inbox.waitForEvent(milliseconds: milliseconds) }
        defer {
            lock.withLock { _ in
                callerWatching = false
                lastCallerActivity = Posix.monotonicNanoseconds()
                lastCallerWait = lastCallerActivity
            }
        }
        guard inbox.beginPolling(notifying: callerWakeWrite) else { return true }
        defer { inbox.endPolling() }
        while true {
            let now = Posix.monotonicNanoseconds()
            let left = deadline > now ? Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max))) : 0
            var events: [ShellEvent] = []
            if caller.poll(wake: callerWakeRead, limit: left, into: &events) { drain(callerWakeRead) }
            inbox.post(events, byPoller: true)
            if !events.isEmpty || inbox.hasEvents { return true }
            if Posix.monotonicNanoseconds() >= deadline { return false }
            if caller.isEmpty {
                // Only leftover groups were due; the rest is the I/O thread's.
                let rest = deadline - min(deadline, Posix.monotonicNanoseconds())
                return inbox.waitForEvent(milliseconds: Int(rest / 1_000_000))
            }
        }
    }

    /// Kills every process still running, reaps it and joins the thread.
    /// Call once, from the owner.
    func shutdown() {
        guard !joined else { return }
        joined = true
        send(.shutdown)
        pthread_join(thread, nil)
    }

    private func send(_ command: Command) {
        commands.withLock { $0.append(command) }
        wake(wakeWrite)
    }

    private func wake(_ descriptor: Int32) {
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
    }

    private func drain(_ descriptor: Int32) {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while read(descriptor, &bytes, MemoryLayout.size(ofValue: bytes)) > 0 {}
    }

    // MARK: - I/O thread

    private func run() {
        while true {
            let tick = lock.withLock { _ in ticking } ? Self.handoverTick : -1
            var events: [ShellEvent] = []
            let woken = threadSet.poll(wake: wakeRead, limit: tick, into: &events)
            inbox.post(events)
            let now = Posix.monotonicNanoseconds()
            adoptUnwatched(now: now)
            if woken {
                drain(wakeRead)
                if applyCommands(now: now) {
                    lock.withLock { _ in caller.killEverything() }
                    threadSet.killEverything()
                    return
                }
            }
        }
    }

    /// Takes over the caller's processes when it has neither launched nor
    /// waited for a tick; stops ticking once the caller has nothing and has
    /// not waited for a while.
    private func adoptUnwatched(now: UInt64) {
        lock.withLock { _ in
            guard ticking, !callerWatching else { return }
            if caller.isEmpty {
                if now &- (lastCallerWait ?? 0) >= Self.callerWaitMemory * 1_000_000 { ticking = false }
                return
            }
            guard now &- lastCallerActivity >= UInt64(Self.handoverTick) * 1_000_000 else { return }
            caller.moveAll(to: threadSet)
        }
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
                threadSet.watch(process, request)
            case .cancel(let key):
                _ = threadSet.cancel(key, now: now)
            case .shutdown:
                shutdown = true
            }
        }
        return shutdown
    }
}
