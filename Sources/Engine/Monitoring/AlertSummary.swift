import SimKernel

/// How bad an alert is.
public enum AlertSeverity: String, Sendable, Hashable, Codable, Comparable {
    case warning, critical
    public static func < (a: AlertSeverity, b: AlertSeverity) -> Bool { a == .warning && b == .critical }
}

/// An alert's state. `pending`: past a level but not yet for the rule's
/// minimum duration; `firing`; `acknowledged`: firing and someone owns it;
/// `silenced`: firing or not, hidden from the header until `silencedUntil`;
/// `resolved`: back inside the levels (past the hysteresis); `ok`: never
/// fired since the engine started.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    case ok, pending, firing, acknowledged, silenced, resolved

    /// Firing in some way (firing, acknowledged; silenced ones count when their condition holds).
    public var isActive: Bool { self == .firing || self == .acknowledged }
}

/// One alert rule's current state (a copy; part of ``EngineSnapshot``).
/// Deduplicated: a rule has one alert; repeated firings count in `occurrences`.
public struct AlertSummary: Sendable, Hashable, Codable {
    /// The rule's id (`amount-drift`).
    public var id: String
    public var description: String?
    public var monitor: String
    public var deployment: String
    /// `drift.amount`.
    public var metric: String
    public var state: AlertState
    /// The level reached (nil while ok).
    public var severity: AlertSeverity?
    /// The latest value of the signal (nil when unknown, e.g. insufficient data).
    public var value: Double?
    /// The level the value is compared with for `severity` (or warning when ok).
    public var threshold: Double?
    public var direction: AlertDirection
    /// When the current state began.
    public var since: SimTime
    /// When it last fired and resolved.
    public var firedAt: SimTime?
    public var resolvedAt: SimTime?
    /// `alice (10.0.0.5)` and when, while acknowledged.
    public var acknowledgedBy: String?
    public var silencedUntil: SimTime?
    /// How many times it has fired since the engine's store began.
    public var occurrences: Int
    /// `drift.amount 0.231 >= 0.2 (critical) for 2m`.
    public var message: String
    /// What it concerns (the deployment, or the run it triggered).
    public var subject: EventSubject?

    public init(id: String, description: String?, monitor: String, deployment: String, metric: String, state: AlertState,
                severity: AlertSeverity?, value: Double?, threshold: Double?, direction: AlertDirection, since: SimTime,
                firedAt: SimTime?, resolvedAt: SimTime?, acknowledgedBy: String?, silencedUntil: SimTime?, occurrences: Int,
                message: String, subject: EventSubject?) {
        self.id = id
        self.description = description
        self.monitor = monitor
        self.deployment = deployment
        self.metric = metric
        self.state = state
        self.severity = severity
        self.value = value
        self.threshold = threshold
        self.direction = direction
        self.since = since
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.acknowledgedBy = acknowledgedBy
        self.silencedUntil = silencedUntil
        self.occurrences = occurrences
        self.message = message
        self.subject = subject
    }
}

/// What happened to an alert.
public enum AlertTransition: String, Sendable, Hashable, Codable {
    case fired, escalated, deescalated, resolved, acknowledged, silenced, unsilenced
}

/// One line of the persisted alert history: the value and threshold at the
/// transition, and who did it for operator transitions.
public struct AlertHistoryEntry: Sendable, Hashable, Codable {
    public var alert: String
    public var time: SimTime
    public var transition: AlertTransition
    public var severity: AlertSeverity?
    public var value: Double?
    public var threshold: Double?
    /// `alice (10.0.0.5)` for acknowledge and silence; nil for the rule itself.
    public var actor: String?
    /// `drift.amount 0.231 >= 0.2 for 2m`, `silenced for 1h: known issue`.
    public var message: String

    public init(alert: String, time: SimTime, transition: AlertTransition, severity: AlertSeverity?, value: Double?,
                threshold: Double?, actor: String?, message: String) {
        self.alert = alert
        self.time = time
        self.transition = transition
        self.severity = severity
        self.value = value
        self.threshold = threshold
        self.actor = actor
        self.message = message
    }
}
