import SimKernel

/// A 5-field cron expression (minute hour day-of-month month day-of-week),
/// evaluated in UTC on simulated time. Fields accept `*`, numbers, lists
/// (`1,15`), ranges (`1-5`), steps (`*/6`, `0-30/10`) and names (`jan`,
/// `mon`); day-of-week 0 and 7 are Sunday. `@hourly`, `@daily`, `@weekly`,
/// `@monthly` and `@yearly` are accepted. As in Vixie cron, when both
/// day-of-month and day-of-week are restricted a day matching either runs.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    public let source: String
    let minutes: [Bool]   // 60
    let hours: [Bool]     // 24
    let days: [Bool]      // 32, index 1...31
    let months: [Bool]    // 13, index 1...12
    let weekdays: [Bool]  // 7, 0 = Sunday
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool

    public var description: String { source }

    public init(parsing text: String) throws(CronParseError) {
        let trimmed = text.trimmingCharacters(in: " \t")
        let aliases = ["@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
                       "@weekly": "0 0 * * 0", "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *"]
        let expanded = aliases[trimmed.lowercased()] ?? trimmed
        let fields = expanded.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 5 else {
            throw CronParseError(text: text, column: 1, message: "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)")
        }
        // 1-based column of each field in the text as written (1 for an alias).
        let leading = text.prefix(while: { $0 == " " || $0 == "\t" }).count
        var columns: [Int] = []
        var previousWasSpace = true
        for (offset, character) in expanded.enumerated() {
            let isSpace = character == " " || character == "\t"
            if !isSpace && previousWasSpace { columns.append(aliases[trimmed.lowercased()] == nil ? leading + offset + 1 : 1) }
            previousWasSpace = isSpace
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        self.source = trimmed
        self.minutes = try CronExpression.parseField(String(fields[0]), name: "minute", range: 0...59, names: [], text: text, column: columns[0])
        self.hours = try CronExpression.parseField(String(fields[1]), name: "hour", range: 0...23, names: [], text: text, column: columns[1])
        self.days = try CronExpression.parseField(String(fields[2]), name: "day of month", range: 1...31, names: [], text: text, column: columns[2])
        self.months = try CronExpression.parseField(String(fields[3]), name: "month", range: 1...12, names: months, text: text, column: columns[3])
        var dow = try CronExpression.parseField(String(fields[4]), name: "day of week", range: 0...7, names: weekdays, text: text, column: columns[4])
        if dow[7] { dow[0] = true }
        self.weekdays = Array(dow[0..<7])
        self.dayOfMonthRestricted = !fields[2].hasPrefix("*")
        self.dayOfWeekRestricted = !fields[4].hasPrefix("*")
    }

    /// The first instant strictly after `time` (at a whole minute) that
    /// matches, or nil when none does within 5 years (e.g. `0 0 31 2 *`).
    public func next(after time: SimTime, calendar: SimCalendar = SimCalendar()) -> SimTime? {
        // Start at the next whole minute.
        let minuteMs: Int64 = 60_000
        var t = SimTime(milliseconds: (floorDiv(time.milliseconds, minuteMs) + 1) * minuteMs)
        let limit = t + SimDuration.days(366 * 5)
        while t < limit {
            let f = calendar.fields(of: t)
            if !months[f.month] || !dayMatches(f) {
                // Jump to the next day's midnight.
                let dayMs: Int64 = 86_400_000
                t = SimTime(milliseconds: (floorDiv(t.milliseconds, dayMs) + 1) * dayMs)
                continue
            }
            if !hours[f.hour] {
                t = SimTime(milliseconds: (floorDiv(t.milliseconds, 3_600_000) + 1) * 3_600_000)
                continue
            }
            if !minutes[f.minute] {
                t = t + SimDuration.minutes(1)
                continue
            }
            return t
        }
        return nil
    }

    private func dayMatches(_ f: SimCalendar.Fields) -> Bool {
        let dom = days[f.day], dow = weekdays[f.weekday]
        if dayOfMonthRestricted && dayOfWeekRestricted { return dom || dow }
        return dom && dow
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func parseField(_ field: String, name: String, range: ClosedRange<Int>, names: [String], text: String, column: Int) throws(CronParseError) -> [Bool] {
        var set = Array(repeating: false, count: range.upperBound + 1)
        func value(_ token: Substring) throws(CronParseError) -> Int {
            if let n = Int(token) {
                guard range.contains(n) else {
                    throw CronParseError(text: text, column: column, message: "\(name) \(n) is out of range \(range.lowerBound)-\(range.upperBound)")
                }
                return n
            }
            if let i = names.firstIndex(of: token.lowercased()) { return i + (range.lowerBound == 1 ? 1 : 0) }
            throw CronParseError(text: text, column: column, message: "'\(token)' is not a valid \(name) (expected \(range.lowerBound)-\(range.upperBound)\(names.isEmpty ? "" : " or a name such as \(names[0])"))")
        }
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { throw CronParseError(text: text, column: column, message: "empty list item in the \(name) field") }
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw CronParseError(text: text, column: column, message: "more than one '/' in the \(name) field") }
            var step = 1
            if pieces.count == 2 {
                guard let s = Int(pieces[1]), s > 0 else {
                    throw CronParseError(text: text, column: column, message: "step '\(pieces[1])' in the \(name) field must be a positive number")
                }
                step = s
            }
            let base = pieces[0]
            var low: Int, high: Int
            if base == "*" {
                low = range.lowerBound
                high = range.upperBound
            } else if let dash = base.firstIndex(of: "-") {
                low = try value(base[base.startIndex..<dash])
                high = try value(base[base.index(after: dash)...])
                guard low <= high else { throw CronParseError(text: text, column: column, message: "range \(base) in the \(name) field runs backwards") }
            } else {
                low = try value(base)
                high = pieces.count == 2 ? range.upperBound : low
            }
            var v = low
            while v <= high {
                set[v] = true
                v += step
            }
        }
        return set
    }
}

/// A cron expression that could not be parsed; `column` is 1-based within
/// the expression text.
public struct CronParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var column: Int
    public var message: String
    public var description: String { "bad cron expression '\(text)': \(message)" }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
