import SimKernel

/// One SLO's error budget and burn rates, from good and bad request counts.
///
/// Fixed memory: good/bad counts per minute for the last 6 hours (360
/// slots, for the 5m, 30m, 1h and 6h burn windows) and per hour for the SLO
/// period (720 slots for 30 days).
///
/// Windows are whole slots: a window of `W` at `now` is the slot holding
/// `now` (partly elapsed) and the `W/slot - 1` slots before it. Windows up to
/// 6 hours use the minute slots, longer ones the hour slots; the period is
/// the current hour and the `period/1h - 1` hours before it.
///
/// At the start, and after a pause, a window holds only the requests there
/// are: a window with some requests has a rate from those alone (so 10
/// minutes of traffic at 2% errors burn at 20x "over the last hour"), and a
/// window with no requests has no rate at all (nil, and no alert from it).
///
/// Burn rate over a window = (bad / total) / (1 - target). The alerts are the
/// Google SRE workbook's multiwindow, multi-burn-rate pair: `fast` when the
/// 1h and the 5m rates are both at least 14.4 (2% of a 30-day budget in an
/// hour), `slow` when the 6h and the 30m rates are both at least 6 (5% in
/// 6 hours); the short window makes an alert clear soon after the errors stop.
///
/// The budget left is `1 - bad / (budget · total)` over the period so far:
/// the share of the allowed bad requests *for the traffic seen* that is not
/// yet spent (1 untouched, 0 spent, negative overspent). It does not project
/// the rest of the period's traffic.
public struct SLOTracker: Sendable, Hashable {
    /// The burn windows the summary shows, shortest first.
    public static let burnWindows: [SimDuration] = [.minutes(5), .minutes(30), .hours(1), .hours(6)]
    /// Fast burn: 14.4x over 1h and 5m.
    public static let fastBurnRate = 14.4
    /// Slow burn: 6x over 6h and 30m.
    public static let slowBurnRate = 6.0

    public let spec: SLOSpec
    private var minutes: GoodBadRing
    private var hours: GoodBadRing
    /// The time of the latest counts recorded.
    public private(set) var latestTime: SimTime?

    public init(spec: SLOSpec) {
        self.spec = spec
        minutes = GoodBadRing(slotLength: .minutes(1), capacity: 360)
        let hour = SimDuration.hours(1).milliseconds
        let periodHours = (max(spec.period.milliseconds, 1) + hour - 1) / hour
        hours = GoodBadRing(slotLength: .hours(1), capacity: Int(periodHours))
    }

    /// Adds the good and bad requests of a bin (or batch) ending at `time`.
    /// Times are non-decreasing; counts for slots the rings no longer hold
    /// are dropped.
    public mutating func record(good: Int, bad: Int, at time: SimTime) {
        guard good > 0 || bad > 0 else { return }
        minutes.add(good: good, bad: bad, at: time)
        hours.add(good: good, bad: bad, at: time)
        if latestTime.map({ time > $0 }) ?? true { latestTime = time }
    }

    /// Good and bad requests over the window ending at `now`.
    public func counts(over window: SimDuration, now: SimTime) -> (good: Int, bad: Int) {
        let ring = window <= .hours(6) ? minutes : hours
        let slots = max(1, (window.milliseconds + ring.slotLength - 1) / ring.slotLength)
        let last = ring.slot(of: now)
        return ring.sums(from: last - slots + 1, through: last)
    }

    /// `(bad / total) / (1 - target)` over the window ending at `now`; nil
    /// when the window holds no requests.
    public func burnRate(over window: SimDuration, now: SimTime) -> Double? {
        let (good, bad) = counts(over: window, now: now)
        let total = good + bad
        guard total > 0 else { return nil }
        let badShare = Double(bad) / Double(total)
        guard spec.budget > 0 else { return bad > 0 ? .infinity : 0 }
        return badShare / spec.budget
    }

    /// The burn rates of ``burnWindows`` at `now`; windows with no requests are left out.
    public func burnRates(now: SimTime) -> [BurnRate] {
        Self.burnWindows.compactMap { window in burnRate(over: window, now: now).map { BurnRate(window: window, rate: $0) } }
    }

    /// Which multiwindow burn-rate alert holds at `now`.
    public func alert(now: SimTime) -> BurnAlert {
        func atLeast(_ rate: Double, _ window: SimDuration) -> Bool {
            (burnRate(over: window, now: now) ?? 0) >= rate
        }
        if atLeast(Self.fastBurnRate, .hours(1)) && atLeast(Self.fastBurnRate, .minutes(5)) { return .fast }
        if atLeast(Self.slowBurnRate, .hours(6)) && atLeast(Self.slowBurnRate, .minutes(30)) { return .slow }
        return .none
    }

    /// Good and bad requests over the period ending at `now`.
    public func periodCounts(now: SimTime) -> (good: Int, bad: Int) {
        let last = hours.slot(of: now)
        return hours.sums(from: last - Int64(hours.capacity) + 1, through: last)
    }

    /// The share of the error budget left over the period ending at `now`:
    /// `1 - bad / (budget · total)`; 1 with no requests.
    public func budgetRemaining(now: SimTime) -> Double {
        let (good, bad) = periodCounts(now: now)
        let total = good + bad
        guard total > 0 else { return 1 }
        let allowed = spec.budget * Double(total)
        guard allowed > 0 else { return bad > 0 ? -.infinity : 1 }
        return 1 - Double(bad) / allowed
    }

    /// Whether the budget is spent (`<= 0`) at `now`.
    public func isBudgetExhausted(now: SimTime) -> Bool { budgetRemaining(now: now) <= 0 }

    /// The budget left as of the latest counts.
    public var budgetRemaining: Double { latestTime.map { budgetRemaining(now: $0) } ?? 1 }
    /// Whether the budget is spent as of the latest counts.
    public var isBudgetExhausted: Bool { budgetRemaining <= 0 }

    /// The SLO panel's figures at `now`. `freezesPromotions` is whether the
    /// monitor is configured to freeze promotions; the summary's flag is set
    /// only when that is so *and* the budget is exhausted.
    public func summary(now: SimTime, freezesPromotions: Bool) -> SLOSummary {
        let (good, bad) = periodCounts(now: now)
        let remaining = budgetRemaining(now: now)
        return SLOSummary(id: spec.id, objective: spec.objective, target: spec.target, period: spec.period, good: good,
                          total: good + bad, budgetRemaining: remaining, burnRates: burnRates(now: now), alert: alert(now: now),
                          freezesPromotions: freezesPromotions && remaining <= 0)
    }
}
