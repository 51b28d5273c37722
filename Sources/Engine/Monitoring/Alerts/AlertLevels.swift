/// An alert rule's levels as evaluated: the rule's own, or for a drift
/// metric without levels of its own, the monitor's thresholds for the
/// feature (warn → warning, alert → critical).
public struct AlertLevels: Sendable, Hashable, Codable {
    public var warning: Double?
    public var critical: Double?
    public var direction: AlertDirection

    public init(warning: Double?, critical: Double?, direction: AlertDirection) {
        self.warning = warning
        self.critical = critical
        self.direction = direction
    }

    /// The rule's own levels and direction.
    public init(rule: AlertRuleSpec) {
        self.init(warning: rule.warning, critical: rule.critical, direction: rule.direction)
    }

    /// The rule's own levels when it has any; otherwise the monitor's
    /// thresholds, with the method's direction (below for p-value tests,
    /// above for distances and PSI).
    public init(rule: AlertRuleSpec, monitorThresholds: DriftThresholds?, method: DriftMethod?) {
        if rule.warning != nil || rule.critical != nil || monitorThresholds == nil {
            self.init(rule: rule)
        } else {
            let thresholds = monitorThresholds ?? DriftThresholds(warn: 0, alert: 0)
            self.init(warning: thresholds.warn, critical: thresholds.alert,
                      direction: (method?.isPValueTest ?? false) ? .below : .above)
        }
    }

    /// The level crossed first on the way out: warning, or critical when
    /// there is no warning level.
    public var lowest: Double? { warning ?? critical }

    /// The level of a severity.
    public func level(_ severity: AlertSeverity) -> Double? {
        severity == .critical ? critical : warning
    }

    /// Whether `value` is at or past `level` (`>=` above, `<=` below).
    public func isPast(_ value: Double, _ level: Double) -> Bool {
        direction == .above ? value >= level : value <= level
    }

    /// The severity `value` reaches without hysteresis (nil: inside the levels).
    public func severity(of value: Double) -> AlertSeverity? {
        if let critical, isPast(value, critical) { return .critical }
        if let warning, isPast(value, warning) { return .warning }
        return nil
    }

    /// Whether `value` is back inside `level` by at least `hysteresis`
    /// (`<  level - hysteresis` above, `> level + hysteresis` below).
    public func isBack(_ value: Double, from level: Double, hysteresis: Double) -> Bool {
        direction == .above ? value < level - hysteresis : value > level + hysteresis
    }

    /// `>=` or `<=`.
    public var pastSymbol: String { direction == .above ? ">=" : "<=" }
    /// `<` or `>`.
    public var insideSymbol: String { direction == .above ? "<" : ">" }
}
