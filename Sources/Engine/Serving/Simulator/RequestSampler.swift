import SimKernel

/// Draws serving requests one at a time from a ``DataGenerator``'s
/// distribution at a simulated time: the features (packed, see
/// ``RowLayout``), the true label and the user who sent it.
///
/// The distribution is ``DataGenerator/parameters(at:)`` at the start of
/// the simulated second, recomputed at most once per simulated second
/// (drift is smooth), and only while some drift is changing it: between
/// the breakpoints of sudden, new-category and step concept drift, and
/// outside the intervals of gradual drift, with no seasonal drift, the
/// parameters stay as they are and are not recomputed. Per request, in this order from the generator passed in: the
/// user id (uniform over `0..<userPopulation`, one output), then per schema
/// feature its value (clipped to min/max) and, when the feature has
/// `nulls`, the missing-value draw; then the label's logit noise (when the
/// rule has noise) and its Bernoulli draw. The label is drawn from the
/// clipped values, a missing value hides a value only from the model (as
/// ``DataGenerator/sample(rows:at:using:)`` does). Normal and lognormal
/// features use a ziggurat normal sampler and the label's sigmoid a
/// table-driven exponential (``FastExp``), so the values are not those of
/// `sample(rows:)` for the same stream, but have the same distribution.
public struct RequestSampler: Sendable {
    /// How one feature is drawn (parameters in `a`, `b` of its plan).
    enum Draw: UInt8, Sendable {
        /// a = mean, b = sd.
        case normal
        /// a = mu, b = sigma.
        case lognormal
        /// a = min, b = width.
        case uniform
        /// a = mean.
        case exponential
        /// a, b = shapes.
        case beta
        /// Cumulative weights at `categoryStart ..< categoryStart + categoryCount`.
        case categorical
    }

    /// One feature's draw, where it goes and what it adds to the label
    /// logit. Plain values only, so reading one costs no reference counting.
    struct FeaturePlan: Sendable {
        var draw: Draw
        var a: Double
        var b: Double
        var position: Int
        var lower: Double
        var upper: Double
        var nulls: Double
        /// Numeric: the label weight of the value.
        var labelWeight: Double
        /// Categorical: where its cumulative weights and per-category label
        /// weights start in `cumulative` and `categoryWeights`, and how many.
        var categoryStart: Int
        var categoryCount: Int
    }

    public let data: DataGenerator
    public let layout: RowLayout
    /// Users are `0..<userPopulation`.
    public let userPopulation: Int
    let normal = ZigguratNormal.shared
    let exp = FastExp.shared
    var plans: [FeaturePlan] = []
    var categoryWeights: [Double] = []
    /// Per categorical feature, its cumulative category probabilities (the
    /// last is the total).
    var cumulative: [Double] = []
    var intercept = 0.0
    var noise = 0.0
    /// The simulated second the plans were computed for (nil: never).
    var preparedSecond: Int64?
    /// The first second whose parameters may differ from the prepared ones.
    var validUntil: Int64 = .min

    public init(data: DataGenerator, userPopulation: Int = 100_000) {
        precondition(userPopulation > 0, "user population must be positive")
        self.data = data
        layout = RowLayout(schema: data.schema)
        self.userPopulation = userPopulation
    }

    /// Makes the distribution the one at `time` (rounded down to the second).
    public mutating func prepare(at time: SimTime) {
        let second = time.milliseconds >= 0 ? time.milliseconds / 1000 : (time.milliseconds - 999) / 1000
        if let preparedSecond, second >= preparedSecond && second < validUntil { return }
        preparedSecond = second
        validUntil = Self.nextChange(after: second, drift: data.spec.drift)
        let parameters = data.parameters(at: SimTime(milliseconds: second * 1000))
        let weights = ResolvedWeights(parameters.label, schema: data.schema)
        intercept = parameters.label.intercept
        noise = parameters.label.noise
        categoryWeights = []
        cumulative = []
        plans = parameters.features.enumerated().map { index, feature in
            var plan = FeaturePlan(draw: .normal, a: 0, b: 0, position: layout.position[index], lower: feature.min ?? -.infinity,
                                   upper: feature.max ?? .infinity, nulls: feature.nulls, labelWeight: weights.numeric[index],
                                   categoryStart: 0, categoryCount: 0)
            switch feature.distribution {
            case .numeric(let distribution):
                let p = distribution.parameters
                switch distribution.family {
                case .normal: (plan.draw, plan.a, plan.b) = (.normal, p[0], p[1])
                case .lognormal: (plan.draw, plan.a, plan.b) = (.lognormal, p[0], p[1])
                case .uniform: (plan.draw, plan.a, plan.b) = (.uniform, p[0], p[1] - p[0])
                case .exponential: (plan.draw, plan.a) = (.exponential, p[0])
                case .beta: (plan.draw, plan.a, plan.b) = (.beta, p[0], p[1])
                }
            case .categorical(let distribution):
                guard let sampler = CategoricalSampler(weights: distribution.probabilities) else {
                    preconditionFailure("feature \(feature.name) has no category with a positive probability")
                }
                plan.draw = .categorical
                plan.categoryStart = cumulative.count
                plan.categoryCount = sampler.count
                cumulative.append(contentsOf: sampler.cumulativeWeights)
                categoryWeights.append(contentsOf: weights.categorical[index])
            }
            return plan
        }
    }

    /// The first second after `second` at which `drift` may change the
    /// parameters (`Int64.max`: never).
    static func nextChange(after second: Int64, drift: [DriftSpec]) -> Int64 {
        let now = second * 1000
        var next = Int64.max
        func breakpoint(_ at: SimDuration) {
            if at.milliseconds > now { next = min(next, (at.milliseconds + 999) / 1000) }
        }
        func interval(_ from: SimDuration, _ to: SimDuration) {
            if now >= from.milliseconds && now < to.milliseconds { next = second + 1 } else { breakpoint(from) }
        }
        for item in drift {
            switch item {
            case .gradual(_, let from, let to, _): interval(from, to)
            case .sudden(_, let at, _), .newCategory(_, _, let at, _): breakpoint(at)
            case .seasonal: next = second + 1
            case .concept(_, .at(let at)): breakpoint(at)
            case .concept(_, .between(let from, let to)): interval(from, to)
            }
        }
        return max(next, second + 1)
    }

    /// Draws the request at `time` into `row` (which must have this
    /// sampler's layout).
    @inline(__always)
    public mutating func draw(into row: inout RequestRow, at time: SimTime, using generator: inout Xoshiro256StarStar) {
        prepare(at: time)
        draw(into: &row, using: &generator)
    }

    /// Draws a request from the distribution last prepared.
    @inline(__always)
    public func draw(into row: inout RequestRow, using generator: inout Xoshiro256StarStar) {
        precondition(preparedSecond != nil, "prepare(at:) before drawing")
        row.userID = Int(truncatingIfNeeded: generator.next().multipliedFullWidth(by: UInt64(userPopulation)).high)
        var logit = intercept
        mutableBuffer(&row.numeric) { numeric in
            mutableBuffer(&row.categorical) { categorical in
                plans.withUnsafeBufferPointer { plans in
                    for plan in plans {
                        var value: Double
                        switch plan.draw {
                        case .normal:
                            value = plan.a + plan.b * normal.next(using: &generator)
                        case .lognormal:
                            value = exp(plan.a + plan.b * normal.next(using: &generator))
                        case .uniform:
                            value = plan.a + plan.b * Sampling.unitInterval(using: &generator)
                        case .exponential:
                            value = Sampling.exponential(mean: plan.a, using: &generator)
                        case .beta:
                            value = Sampling.beta(plan.a, plan.b, using: &generator)
                        case .categorical:
                            let code = drawCategory(start: plan.categoryStart, count: plan.categoryCount, using: &generator)
                            logit += categoryWeights.withUnsafeBufferPointer { $0[plan.categoryStart + code] }
                            let missing = plan.nulls > 0 && Sampling.unitInterval(using: &generator) < plan.nulls
                            categorical[plan.position] = missing ? -1 : Int32(truncatingIfNeeded: code)
                            continue
                        }
                        if value < plan.lower { value = plan.lower }
                        if value > plan.upper { value = plan.upper }
                        logit += plan.labelWeight * value
                        let missing = plan.nulls > 0 && Sampling.unitInterval(using: &generator) < plan.nulls
                        numeric[plan.position] = missing ? .nan : value
                    }
                }
            }
        }
        if noise > 0 { logit += noise * normal.next(using: &generator) }
        row.label = Sampling.unitInterval(using: &generator) < 1 / (1 + exp(-logit)) ? 1 : 0
    }

    /// `array`'s storage, or an empty buffer for an empty array (an empty
    /// array is never unique: asking it for a mutable buffer would allocate
    /// a new one on every request).
    @inline(__always)
    func mutableBuffer<Element>(_ array: inout [Element], _ body: (UnsafeMutableBufferPointer<Element>) -> Void) {
        if array.isEmpty {
            body(UnsafeMutableBufferPointer(start: nil, count: 0))
        } else {
            array.withUnsafeMutableBufferPointer { body($0) }
        }
    }

    /// A category by inversion of its cumulative weights, as
    /// ``CategoricalSampler/sample(using:)`` does (one uniform; a
    /// zero-weight category is never picked).
    @inline(__always)
    func drawCategory(start: Int, count: Int, using generator: inout Xoshiro256StarStar) -> Int {
        cumulative.withUnsafeBufferPointer { sums in
            let total = sums[start + count - 1]
            let target = Sampling.unitInterval(using: &generator) * total
            var index = 0
            while index < count - 1 && sums[start + index] <= target { index += 1 }
            while index > 0 && sums[start + index] == sums[start + index - 1] { index -= 1 }
            return index
        }
    }
}
