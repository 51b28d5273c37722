import SimKernel
import Engine

/// A seeded Bernoulli stream of per-request errors: the error rate is
/// `before` for the first `changeAt` outcomes and `after` from then on.
struct ErrorStream {
    var generator: Xoshiro256StarStar
    let before: Double
    let after: Double
    let changeAt: Int
    private(set) var index = 0

    init(seed: UInt64, before: Double, after: Double? = nil, changeAt: Int = .max) {
        generator = Xoshiro256StarStar(seed: seed)
        self.before = before
        self.after = after ?? before
        self.changeAt = changeAt
    }

    /// The next outcome (true: wrong).
    mutating func next() -> Bool {
        let rate = index < changeAt ? before : after
        index += 1
        return Sampling.unitInterval(using: &generator) < rate
    }

    /// Feeds `count` outcomes to `add`; returns the indices at which it
    /// returned `drift`.
    mutating func drifts(_ count: Int, _ add: (Bool) -> DetectorLevel) -> [Int] {
        var found: [Int] = []
        for _ in 0..<count {
            let position = index
            if add(next()) == .drift { found.append(position) }
        }
        return found
    }
}
