/// How fast simulated time runs compared with wall time: a whole multiplier
/// (`60x`: a simulated hour per real minute) or `max` (fast-forward: the run
/// loop advances as fast as it can). Mapping wall time to simulated time is
/// the run loop's job; the engine only stores the setting.
public enum SimSpeed: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Simulated time runs this many times faster than wall time (at least 1).
    case multiplier(Int)
    /// As fast as possible.
    case max

    /// The steps ``faster()`` and ``slower()`` move through:
    /// 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, then max.
    public static let ladder: [SimSpeed] =
        [1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600].map { .multiplier($0) } + [.max]

    /// Real time (1x).
    public static let realTime = SimSpeed.multiplier(1)

    /// Reads `60x`, `60` or `max` (as given to `--speed`); `nil` for anything
    /// else, including multipliers below 1.
    public init?(parsing text: String) {
        if text == "max" {
            self = .max
            return
        }
        let digits = text.hasSuffix("x") ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(digits), value >= 1 else { return nil }
        self = .multiplier(value)
    }

    /// The multiplier, or `nil` for `max`.
    public var multiplier: Int? {
        if case .multiplier(let value) = self { return value }
        return nil
    }

    /// Whether this is a usable speed (`max` or a multiplier of at least 1).
    public var isValid: Bool {
        guard let multiplier else { return true }
        return multiplier >= 1
    }

    /// The next step up the ``ladder`` (from a speed between steps, the next
    /// larger step); `max` stays `max`.
    public func faster() -> SimSpeed {
        Self.ladder.first { $0 > self } ?? .max
    }

    /// The next step down the ``ladder`` (from a speed between steps, the next
    /// smaller step); 1x stays 1x.
    public func slower() -> SimSpeed {
        Self.ladder.last { $0 < self } ?? Self.realTime
    }

    public static func < (lhs: SimSpeed, rhs: SimSpeed) -> Bool {
        switch (lhs, rhs) {
        case (.multiplier(let left), .multiplier(let right)): left < right
        case (.multiplier, .max): true
        case (.max, _): false
        }
    }

    /// `60x` or `max`.
    public var description: String {
        switch self {
        case .multiplier(let value): "\(value)x"
        case .max: "max"
        }
    }
}
