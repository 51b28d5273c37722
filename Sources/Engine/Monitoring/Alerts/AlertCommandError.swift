import SimKernel

/// Why an operator command on an alert was refused.
public enum AlertCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Only a firing alert can be acknowledged.
    case notFiring(alert: String, state: AlertState)
    /// It is already acknowledged (by whom).
    case alreadyAcknowledged(alert: String, by: String)
    /// A silence must end after it starts.
    case silenceEndsTooSoon(alert: String, until: SimTime, at: SimTime)

    public var description: String {
        switch self {
        case .notFiring(let alert, let state): "alert \(alert) is not firing (\(state.rawValue))"
        case .alreadyAcknowledged(let alert, let by): "alert \(alert) is already acknowledged by \(by)"
        case .silenceEndsTooSoon(let alert, let until, let at):
            "a silence of alert \(alert) must end after it starts (\(until.clockLabel) is not after \(at.clockLabel))"
        }
    }
}
