import SimKernel

extension ScheduleSpec {
    /// The first scheduled instant strictly after `time`. Cron expressions
    /// follow the UTC calendar; `every` intervals are anchored at
    /// `SimTime.zero` (the project's start), so they fire at whole multiples
    /// of the interval: the first one an interval after the start. Nil when
    /// a cron expression never matches (e.g. `0 0 31 2 *`).
    public func next(after time: SimTime, calendar: SimCalendar = SimCalendar()) -> SimTime? {
        switch self {
        case .cron(let expression):
            return expression.next(after: time, calendar: calendar)
        case .every(let interval):
            guard interval.milliseconds > 0 else { return nil }
            let step = interval.milliseconds
            // Before the start, the first one is an interval after it.
            let count = time.milliseconds >= 0 ? time.milliseconds / step + 1 : 1
            let (product, overflow) = count.multipliedReportingOverflow(by: step)
            return overflow ? nil : SimTime(milliseconds: product)
        }
    }

    /// Up to `count` successive scheduled instants after `time`.
    public func upcoming(after time: SimTime, count: Int, calendar: SimCalendar = SimCalendar()) -> [SimTime] {
        var result: [SimTime] = []
        var cursor = time
        while result.count < count, let next = next(after: cursor, calendar: calendar) {
            result.append(next)
            cursor = next
        }
        return result
    }
}
