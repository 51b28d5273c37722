import SimKernel

/// Maps simulated time to UTC calendar fields without reading any clock:
/// `SimTime.zero` is the project's start instant, by default
/// 2026-01-01 00:00:00 UTC. Pure integer arithmetic (days-from-civil), so
/// the result never depends on the machine's time zone.
public struct SimCalendar: Sendable, Equatable {
    /// Days from 1970-01-01 to the instant `SimTime.zero` stands for.
    public var epochDay: Int64

    public init(epochDay: Int64 = SimCalendar.daysFromCivil(year: 2026, month: 1, day: 1)) {
        self.epochDay = epochDay
    }

    /// The UTC fields of a simulated instant.
    public struct Fields: Sendable, Equatable {
        public var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// 0 = Sunday ... 6 = Saturday.
        public var weekday: Int
    }

    public func fields(of time: SimTime) -> Fields {
        let ms = time.milliseconds
        let daysSinceStart = floorDiv(ms, 86_400_000)
        let msOfDay = ms - daysSinceStart * 86_400_000
        let day = epochDay + daysSinceStart
        let (y, m, d) = SimCalendar.civilFromDays(day)
        let secondsOfDay = Int(msOfDay / 1000)
        let weekday = Int(((day % 7) + 7 + 4) % 7) // 1970-01-01 was a Thursday
        return Fields(year: y, month: m, day: d, hour: secondsOfDay / 3600, minute: (secondsOfDay / 60) % 60, second: secondsOfDay % 60, weekday: weekday)
    }

    /// The simulated instant of a UTC date and time.
    public func time(year: Int64, month: Int, day: Int, hour: Int = 0, minute: Int = 0) -> SimTime {
        let days = SimCalendar.daysFromCivil(year: year, month: month, day: day) - epochDay
        return SimTime(milliseconds: days * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000)
    }

    /// `2026-01-01 06:00` for screens and CLI output.
    public func label(_ time: SimTime) -> String {
        let f = fields(of: time)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(f.year)-\(two(f.month))-\(two(f.day)) \(two(f.hour)):\(two(f.minute))"
    }

    public static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civilFromDays(_ z: Int64) -> (Int64, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
