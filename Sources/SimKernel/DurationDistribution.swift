/// A duration as a project file writes it: either fixed (`45s`) or random
/// (`lognormal(30s, 0.5)`, `uniform(10s, 60s)`, `exponential(2m)`).
///
/// - `lognormal(median, sigma)`: median duration and the standard deviation
///   of its logarithm (see ``Sampling/lognormal(median:sigma:using:)``);
/// - `uniform(min, max)`: uniform between the two, `min <= max`;
/// - `exponential(mean)`: exponential with that **mean**.
///
/// ``description`` writes the same form back, and parsing it gives an equal
/// value. Samples are rounded to whole milliseconds and never negative.
public enum DurationDistribution: Hashable, Sendable, CustomStringConvertible {
    /// Always the same duration.
    case fixed(SimDuration)
    /// `median · exp(sigma · Z)`, Z standard normal.
    case lognormal(median: SimDuration, sigma: Double)
    /// Uniform in [min, max].
    case uniform(min: SimDuration, max: SimDuration)
    /// Exponential with the given mean.
    case exponential(mean: SimDuration)

    /// What a distribution looks like, for error messages.
    public static let expectedForm =
        "a duration like 45s or a distribution: lognormal(30s, 0.5), uniform(10s, 60s) or exponential(2m)"

    /// Reads a fixed duration or a distribution; spaces are allowed around
    /// the whole text, the parentheses and the commas.
    /// - Throws: ``DurationParseError`` with the offset of the first bad
    ///   character in `text`.
    public init(parsing text: String) throws(DurationParseError) {
        var scanner = DurationScanner(text: text)
        scanner.skipSpaces()
        if DurationScanner.isDigit(scanner.current) {
            self = .fixed(try scanner.readDuration())
        } else {
            self = try Self.readDistribution(&scanner)
        }
        scanner.skipSpaces()
        try scanner.expectEnd(expected: "the end of the duration")
    }

    private static func readDistribution(_ scanner: inout DurationScanner) throws(DurationParseError) -> DurationDistribution {
        let nameStart = scanner.position
        let name = scanner.readIdentifier()
        let arity: Int
        switch name {
        case "lognormal", "uniform": arity = 2
        case "exponential": arity = 1
        default: throw scanner.error(expectedForm, at: nameStart)
        }
        scanner.skipSpaces()
        try scanner.expect("(", expected: "( after \(name)")
        scanner.skipSpaces()
        let first = try scanner.readDuration()
        scanner.skipSpaces()
        let result: DurationDistribution
        if arity == 1 {
            result = .exponential(mean: first)
        } else {
            try scanner.expect(",", expected: "a comma and the second argument of \(name)")
            scanner.skipSpaces()
            let secondStart = scanner.position
            if name == "lognormal" {
                let sigma = try scanner.readDecimal(expected: "sigma, a number like 0.5")
                result = .lognormal(median: first, sigma: sigma)
            } else {
                let second = try scanner.readDuration()
                guard first <= second else {
                    throw scanner.error("a maximum not below the minimum \(first)", at: secondStart)
                }
                result = .uniform(min: first, max: second)
            }
            scanner.skipSpaces()
        }
        try scanner.expect(")", expected: arity == 1 ? ") after the mean of exponential" : ") after the second argument of \(name)")
        return result
    }

    /// The project-file form: `45s`, `lognormal(30s, 0.5)`,
    /// `uniform(10s, 1m)`, `exponential(2m)`.
    public var description: String {
        switch self {
        case .fixed(let duration): "\(duration)"
        case .lognormal(let median, let sigma): "lognormal(\(median), \(sigma))"
        case .uniform(let min, let max): "uniform(\(min), \(max))"
        case .exponential(let mean): "exponential(\(mean))"
        }
    }

    /// Whether every sample is the same duration.
    public var isFixed: Bool {
        if case .fixed = self { return true }
        return false
    }

    /// The expected duration in milliseconds (for estimates on screens).
    public var meanMilliseconds: Double {
        switch self {
        case .fixed(let duration): Double(duration.milliseconds)
        case .lognormal(let median, let sigma): Double(median.milliseconds) * PortableMath.exp(sigma * sigma / 2)
        case .uniform(let min, let max): (Double(min.milliseconds) + Double(max.milliseconds)) / 2
        case .exponential(let mean): Double(mean.milliseconds)
        }
    }

    /// Draws one duration (a fixed duration draws nothing from `generator`),
    /// rounded to the nearest millisecond, never negative, capped at
    /// `Int64.max` milliseconds.
    public func sample(using generator: inout some RandomNumberGenerator) -> SimDuration {
        let milliseconds: Double
        switch self {
        case .fixed(let duration):
            return duration
        case .lognormal(let median, let sigma):
            milliseconds = Sampling.lognormal(median: Double(median.milliseconds), sigma: sigma, using: &generator)
        case .uniform(let min, let max):
            milliseconds = Sampling.uniform(Double(min.milliseconds), Double(max.milliseconds), using: &generator)
        case .exponential(let mean):
            milliseconds = Sampling.exponential(mean: Double(mean.milliseconds), using: &generator)
        }
        let rounded = milliseconds.rounded()
        guard rounded > 0 else { return .zero }
        guard rounded < 9.2e18 else { return SimDuration(milliseconds: .max) }
        return SimDuration(milliseconds: Int64(rounded))
    }
}
