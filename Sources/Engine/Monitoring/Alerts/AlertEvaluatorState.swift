import SimKernel

/// Everything an ``AlertEvaluator`` remembers, Codable so the engine can
/// persist it and restore the alert after a restart.
public struct AlertEvaluatorState: Sendable, Hashable, Codable {
    /// What the rule's condition gives, apart from the operator's
    /// acknowledgement and silence.
    public enum Condition: String, Sendable, Hashable, Codable {
        /// Never fired since the store began.
        case ok
        /// Past a level, waiting for the rule's minimum duration.
        case pending
        case firing
        /// Fired once, back inside the levels.
        case resolved
    }

    public var condition: Condition
    /// While firing: the severity reached.
    public var severity: AlertSeverity?
    /// While pending or firing: when the value went past a level in this
    /// episode (the start of the minimum duration, and of "for 2m").
    public var pastSince: SimTime?
    /// While pending: the condition (and its start) to go back to if the
    /// value falls back before the minimum duration.
    public var conditionBeforePending: Condition?
    public var sinceBeforePending: SimTime?
    /// When the condition began.
    public var conditionSince: SimTime
    public var firedAt: SimTime?
    public var resolvedAt: SimTime?
    public var acknowledgedBy: String?
    public var acknowledgedAt: SimTime?
    public var silencedUntil: SimTime?
    public var silencedAt: SimTime?
    public var occurrences: Int
    /// The latest value observed (nil: insufficient data) and when.
    public var value: Double?
    public var observedAt: SimTime?
    /// The time of the latest history entry (entries never go back in time).
    public var lastEntryAt: SimTime?

    public init(condition: Condition = .ok, severity: AlertSeverity? = nil, pastSince: SimTime? = nil,
                conditionBeforePending: Condition? = nil, sinceBeforePending: SimTime? = nil, conditionSince: SimTime = .zero,
                firedAt: SimTime? = nil, resolvedAt: SimTime? = nil, acknowledgedBy: String? = nil, acknowledgedAt: SimTime? = nil,
                silencedUntil: SimTime? = nil, silencedAt: SimTime? = nil, occurrences: Int = 0, value: Double? = nil,
                observedAt: SimTime? = nil, lastEntryAt: SimTime? = nil) {
        self.condition = condition
        self.severity = severity
        self.pastSince = pastSince
        self.conditionBeforePending = conditionBeforePending
        self.sinceBeforePending = sinceBeforePending
        self.conditionSince = conditionSince
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.silencedUntil = silencedUntil
        self.silencedAt = silencedAt
        self.occurrences = occurrences
        self.value = value
        self.observedAt = observedAt
        self.lastEntryAt = lastEntryAt
    }
}
