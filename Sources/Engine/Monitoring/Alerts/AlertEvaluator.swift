import SimKernel

/// One alert rule's state machine, fed with the rule's signal at each
/// evaluation.
///
/// - `ok`/`resolved` → `pending` when the value is at or past a level
///   (`>=` for `above` rules, `<=` for `below`); with no minimum duration it
///   fires at once.
/// - `pending` → `firing(severity)` once the value has stayed past a level
///   for the rule's minimum duration (checked at each observation); a
///   pending alert whose value falls back returns to `ok`/`resolved`
///   without firing and without a history entry.
/// - `firing(warning)` → `firing(critical)` (escalated) as soon as the value
///   is past the critical level; `firing(critical)` → `firing(warning)`
///   (deescalated) once it is back inside the critical level by the rule's
///   hysteresis.
/// - `firing` → `resolved` only once the value is back inside the lowest
///   level (warning, else critical) by the hysteresis; so a value
///   oscillating around a level does not flap.
/// - A nil value (insufficient data) keeps the state as it is: a pending
///   alert stays pending (its timer runs on; it fires at the next value past
///   a level once the minimum duration has passed), a firing one keeps firing.
///
/// The operator's commands lie on top: ``acknowledge(by:at:)`` marks a
/// firing alert as owned until it resolves (a new firing after that is
/// unacknowledged again); ``silence(until:by:at:reason:)`` hides the alert
/// in any state until a time. While silenced the condition is still
/// evaluated and its transitions recorded; when the silence ends (noticed at
/// the next observation) an `unsilenced` entry records the state the
/// condition gives. A new silence replaces the current one.
///
/// Deduplicated: a rule has one alert; each firing counts in `occurrences`.
public struct AlertEvaluator: Sendable, Hashable {
    public let rule: AlertRuleSpec
    /// The levels evaluated (the runtime may update them when the monitor's
    /// thresholds change).
    public var levels: AlertLevels
    /// The state to persist.
    public private(set) var state: AlertEvaluatorState
    /// Whether the latest ``observe(_:at:)`` fired the alert (the engine's
    /// cue for `on_alert` pipelines).
    public private(set) var firedNow = false

    /// A fresh evaluator (`restoring: nil`) or one restored from persisted state.
    public init(rule: AlertRuleSpec, levels: AlertLevels? = nil, restoring state: AlertEvaluatorState? = nil) {
        self.rule = rule
        self.levels = levels ?? AlertLevels(rule: rule)
        self.state = state ?? AlertEvaluatorState()
    }

    /// The rule's id.
    public var id: String { rule.id }

    /// Feeds the signal's value at `time` (nil or NaN: insufficient data); returns
    /// the history entries of the transitions it causes, oldest first.
    public mutating func observe(_ value: Double?, at time: SimTime) -> [AlertHistoryEntry] {
        firedNow = false
        let value = value.flatMap { $0.isNaN ? nil : $0 }
        var entries: [AlertHistoryEntry] = []
        if let until = state.silencedUntil, time >= until {
            state.silencedUntil = nil
            state.silencedAt = nil
            let entryTime = max(until, state.lastEntryAt ?? until)
            entries.append(entry(.unsilenced, at: entryTime, severity: state.condition == .firing ? state.severity : nil,
                                 value: state.value, threshold: currentThreshold,
                                 message: "silence ended: \(conditionText)"))
        }
        state.observedAt = time
        state.value = value
        guard let value else { return entries }
        let severity = levels.severity(of: value)
        switch state.condition {
        case .ok, .resolved:
            guard let severity else { break }
            if rule.minimumDuration <= .zero {
                fire(severity, value: value, at: time, pastSince: time, into: &entries)
            } else {
                state.conditionBeforePending = state.condition
                state.sinceBeforePending = state.conditionSince
                state.condition = .pending
                state.conditionSince = time
                state.pastSince = time
            }
        case .pending:
            let pastSince = state.pastSince ?? time
            if let severity {
                if time - pastSince >= rule.minimumDuration {
                    fire(severity, value: value, at: time, pastSince: pastSince, into: &entries)
                }
            } else {
                state.condition = state.conditionBeforePending ?? .ok
                state.conditionSince = state.sinceBeforePending ?? time
                state.conditionBeforePending = nil
                state.sinceBeforePending = nil
                state.pastSince = nil
            }
        case .firing:
            evaluateFiring(value: value, severity: severity, at: time, into: &entries)
        }
        return entries
    }

    private mutating func evaluateFiring(value: Double, severity: AlertSeverity?, at time: SimTime, into entries: inout [AlertHistoryEntry]) {
        let current = state.severity ?? .warning
        guard let lowest = levels.lowest, !levels.isBack(value, from: lowest, hysteresis: rule.hysteresis) else {
            let threshold = levels.lowest
            let clear = threshold.map { levels.direction == .above ? $0 - rule.hysteresis : $0 + rule.hysteresis }
            let firedFor = state.firedAt.map { " after \((time - $0).description)" } ?? ""
            let bound = clear.map { " \(levels.insideSymbol) \(Self.format($0))" } ?? ""
            state.condition = .resolved
            state.conditionSince = time
            state.resolvedAt = time
            state.severity = nil
            state.pastSince = nil
            state.acknowledgedBy = nil
            state.acknowledgedAt = nil
            entries.append(entry(.resolved, at: time, severity: nil, value: value, threshold: threshold,
                                 message: "\(rule.metric) \(Self.format(value))\(bound): resolved\(firedFor)"))
            return
        }
        if current == .warning && severity == .critical {
            state.severity = .critical
            let level = levels.critical
            entries.append(entry(.escalated, at: time, severity: .critical, value: value, threshold: level,
                                 message: "\(rule.metric) \(Self.format(value)) \(levels.pastSymbol) \(level.map(Self.format) ?? "?") (critical), was warning"))
        } else if current == .critical && levels.warning != nil {
            let backInside: Bool
            if let critical = levels.critical {
                backInside = levels.isBack(value, from: critical, hysteresis: rule.hysteresis)
            } else {
                backInside = true
            }
            if backInside {
                state.severity = .warning
                entries.append(entry(.deescalated, at: time, severity: .warning, value: value, threshold: levels.warning,
                                     message: "\(rule.metric) \(Self.format(value)) \(levels.pastSymbol) \(levels.warning.map(Self.format) ?? "?") (warning), was critical"))
            }
        }
    }

    private mutating func fire(_ severity: AlertSeverity, value: Double, at time: SimTime, pastSince: SimTime,
                               into entries: inout [AlertHistoryEntry]) {
        state.condition = .firing
        state.severity = severity
        state.conditionSince = time
        state.pastSince = pastSince
        state.conditionBeforePending = nil
        state.sinceBeforePending = nil
        state.firedAt = time
        state.acknowledgedBy = nil
        state.acknowledgedAt = nil
        state.occurrences += 1
        firedNow = true
        let threshold = levels.level(severity)
        let duration = time - pastSince
        let forText = duration > .zero ? " for \(duration.description)" : ""
        entries.append(entry(.fired, at: time, severity: severity, value: value, threshold: threshold,
                             message: "\(rule.metric) \(Self.format(value)) \(levels.pastSymbol) \(threshold.map(Self.format) ?? "?") (\(severity.rawValue))\(forText)"))
    }

    /// Marks the firing alert as owned by `actor` until it resolves.
    public mutating func acknowledge(by actor: String, at time: SimTime) -> Result<AlertHistoryEntry, AlertCommandError> {
        guard state.condition == .firing else { return .failure(.notFiring(alert: rule.id, state: alertState(now: time))) }
        if let owner = state.acknowledgedBy { return .failure(.alreadyAcknowledged(alert: rule.id, by: owner)) }
        state.acknowledgedBy = actor
        state.acknowledgedAt = time
        let made = entry(.acknowledged, at: max(time, state.lastEntryAt ?? time), severity: state.severity, value: state.value,
                         threshold: currentThreshold, actor: actor, message: "acknowledged by \(actor)")
        return .success(made)
    }

    /// Hides the alert until `until` (whatever its state); the condition is
    /// still evaluated meanwhile.
    public mutating func silence(until: SimTime, by actor: String, at time: SimTime, reason: String? = nil)
        -> Result<AlertHistoryEntry, AlertCommandError> {
        guard until > time else { return .failure(.silenceEndsTooSoon(alert: rule.id, until: until, at: time)) }
        state.silencedUntil = until
        state.silencedAt = time
        let reasonText = reason.map { $0.isEmpty ? "" : ": \($0)" } ?? ""
        let made = entry(.silenced, at: max(time, state.lastEntryAt ?? time), severity: state.condition == .firing ? state.severity : nil,
                         value: state.value, threshold: currentThreshold, actor: actor,
                         message: "silenced for \((until - time).description)\(reasonText)")
        return .success(made)
    }

    /// The state shown at `now`: silenced while a silence lasts, acknowledged
    /// while firing and owned, else the condition's.
    public func alertState(now: SimTime) -> AlertState {
        if let until = state.silencedUntil, now < until { return .silenced }
        switch state.condition {
        case .ok: return .ok
        case .pending: return .pending
        case .resolved: return .resolved
        case .firing: return state.acknowledgedBy == nil ? .firing : .acknowledged
        }
    }

    /// Whether the condition is firing (silenced or not).
    public var isFiring: Bool { state.condition == .firing }

    /// The severity the condition gives: the firing severity, or while
    /// pending the one the latest value reaches.
    public var severity: AlertSeverity? {
        switch state.condition {
        case .firing: state.severity
        case .pending: state.value.flatMap { levels.severity(of: $0) }
        case .ok, .resolved: nil
        }
    }

    /// What the Events and Overview screens show at `now`.
    public func summary(deployment: String, now: SimTime, subject: EventSubject? = nil) -> AlertSummary {
        let shown = alertState(now: now)
        let since: SimTime
        switch shown {
        case .silenced: since = state.silencedAt ?? state.conditionSince
        case .acknowledged: since = state.acknowledgedAt ?? state.conditionSince
        default: since = state.conditionSince
        }
        return AlertSummary(id: rule.id, description: rule.description, monitor: rule.monitor, deployment: deployment,
                            metric: rule.metric.description, state: shown, severity: severity, value: state.value,
                            threshold: currentThreshold, direction: levels.direction, since: since, firedAt: state.firedAt,
                            resolvedAt: state.resolvedAt, acknowledgedBy: state.acknowledgedBy,
                            silencedUntil: shown == .silenced ? state.silencedUntil : nil, occurrences: state.occurrences,
                            message: message(now: now), subject: subject)
    }

    /// `drift.amount 0.231 >= 0.2 (critical) for 2m`, `drift.amount 0.05 < 0.1`,
    /// `drift.amount: no data`.
    public func message(now: SimTime) -> String {
        let metric = rule.metric.description
        guard let value = state.value else { return "\(metric): no data" }
        let text = Self.format(value)
        switch state.condition {
        case .pending, .firing:
            if let severity = levels.severity(of: value), let level = levels.level(severity) {
                let since = state.pastSince.map { now - $0 } ?? .zero
                var message = "\(metric) \(text) \(levels.pastSymbol) \(Self.format(level)) (\(severity.rawValue))"
                if since > .zero { message += " for \(since.description)" }
                if state.condition == .pending { message += ", fires after \(rule.minimumDuration.description)" }
                return message
            }
            let clear = levels.lowest.map { levels.direction == .above ? $0 - rule.hysteresis : $0 + rule.hysteresis }
            let severity = (state.severity ?? .warning).rawValue
            return "\(metric) \(text), firing (\(severity)); clears \(levels.insideSymbol) \(clear.map(Self.format) ?? "?")"
        case .ok, .resolved:
            guard let lowest = levels.lowest else { return "\(metric) \(text)" }
            return "\(metric) \(text) \(levels.insideSymbol) \(Self.format(lowest))"
        }
    }

    /// The level matching the current severity, or the lowest one.
    private var currentThreshold: Double? {
        severity.flatMap { levels.level($0) } ?? levels.lowest
    }

    private var conditionText: String {
        switch state.condition {
        case .firing: "firing (\((state.severity ?? .warning).rawValue))" + (state.acknowledgedBy.map { ", acknowledged by \($0)" } ?? "")
        case .pending: "pending"
        case .resolved: "resolved"
        case .ok: "ok"
        }
    }

    private mutating func entry(_ transition: AlertTransition, at time: SimTime, severity: AlertSeverity?, value: Double?,
                                threshold: Double?, actor: String? = nil, message: String) -> AlertHistoryEntry {
        state.lastEntryAt = max(time, state.lastEntryAt ?? time)
        return AlertHistoryEntry(alert: rule.id, time: time, transition: transition, severity: severity, value: value,
                                 threshold: threshold, actor: actor, message: message)
    }

    static func format(_ value: Double) -> String { NumberText.format(value, decimals: 3) }
}
