import Engine

/// Tries the engine's kept (unwritten) changes again at most once a second
/// while a store write is failing (a full disk), so they are written as soon
/// as space returns. The run loops call it every turn.
struct WriteRetry {
    /// Real time between two attempts.
    static let intervalNanoseconds: UInt64 = 1_000_000_000
    private var lastAttempt: UInt64?

    /// Retries when a write is failing and the last attempt is old enough;
    /// returns whether it tried.
    @discardableResult
    mutating func retryIfDue(_ engine: Engine, now: UInt64 = MonotonicClock.nanoseconds()) -> Bool {
        guard engine.pendingWriteError != nil else {
            lastAttempt = nil
            return false
        }
        if let lastAttempt, now - lastAttempt < Self.intervalNanoseconds { return false }
        lastAttempt = now
        engine.flushPendingWrites()
        return true
    }
}
