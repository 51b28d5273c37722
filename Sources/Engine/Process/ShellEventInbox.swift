#if canImport(Glibc)
import Glibc
#endif

/// The thread-safe inbox between the process I/O thread and the engine:
/// events in posting order, the count of attempts not yet reported
/// finished, and a condition variable so a waiter sleeps until something is
/// posted.
///
/// `@unchecked Sendable`: every stored property except the mutex and the
/// condition themselves is read and written only while `mutex` is held;
/// the mutex and condition live in heap cells that never move and are
/// destroyed in `deinit`, when no other reference exists.
final class ShellEventInbox: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var events: [ShellEvent] = []
    private var running = 0
    /// Written to on every post while a thread polls for events itself
    /// (see ``beginPolling(notifying:)``), else -1.
    private var pollerNotification: Int32 = -1

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Counts a launched attempt as running.
    func attemptStarted() {
        locked { running += 1 }
    }

    /// Posts events; a `.finished` among them ends one running attempt in
    /// the same critical section, so `runningCount` and the events agree.
    /// `byPoller`: posted by the thread polling for events itself, which
    /// needs no notification.
    func post(_ newEvents: [ShellEvent], byPoller: Bool = false) {
        guard !newEvents.isEmpty else { return }
        locked {
            for event in newEvents {
                if case .finished = event { running -= 1 }
            }
            events.append(contentsOf: newEvents)
            pthread_cond_broadcast(condition)
            if pollerNotification >= 0 && !byPoller {
                var byte: UInt8 = 1
                _ = write(pollerNotification, &byte, 1)
            }
        }
    }

    /// From now on every post also writes a byte to `descriptor` (the
    /// write end of a non-blocking pipe the caller polls); false when
    /// events are waiting already, in which case nothing changes.
    func beginPolling(notifying descriptor: Int32) -> Bool {
        locked {
            guard events.isEmpty else { return false }
            pollerNotification = descriptor
            return true
        }
    }

    func endPolling() {
        locked { pollerNotification = -1 }
    }

    var hasEvents: Bool { locked { !events.isEmpty } }

    func drain() -> [ShellEvent] {
        locked {
            defer { events.removeAll() }
            return events
        }
    }

    var runningCount: Int { locked { running } }

    /// Blocks until an event is waiting or `milliseconds` pass.
    func waitForEvent(milliseconds: Int) -> Bool {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let total = Int(deadline.tv_nsec) + max(0, milliseconds) % 1000 * 1_000_000
        deadline.tv_sec += max(0, milliseconds) / 1000 + total / 1_000_000_000
        deadline.tv_nsec = total % 1_000_000_000
        return locked {
            while events.isEmpty {
                if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
            }
            return !events.isEmpty
        }
    }
}
