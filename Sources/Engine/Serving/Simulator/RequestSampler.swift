import SimKernel

/// Draws serving requests one at a time from a ``DataGenerator``'s
/// distribution at a simulated time: the features (packed, see
/// ``RowLayout``), the true label and the user who sent it.
///
/// The distribution is ``DataGenerator/parameters(at:)`` recomputed at most
/// once per simulated second (drift is smooth; never, when the data has no
/// drift). Per request, in this order from the generator passed in: the
/// user id (uniform over `0..<userPopulation`, one output), then per schema
/// feature its value (clipped to min/max) and, when the feature has
/// `nulls`, the missing-value draw; then the label's logit noise (when the
/// rule has noise) and its Bernoulli draw. The label is drawn from the
/// clipped values, a missing value hides a value only from the model (as
/// ``DataGenerator/sample(rows:at:using:)`` does). Normal and lognormal
/// features use a ziggurat normal sampler, so the values are not those of
/// `sample(rows:)` for the same stream, but have the same distribution.
public struct RequestSampler: Sendable {
    /// How one feature is drawn.
    enum Draw: Sendable {
        case normal(mean: Double, sd: Double)
        case lognormal(mu: Double, sigma: Double)
        case uniform(min: Double, width: Double)
        case exponential(mean: Double)
        case beta(a: Double, b: Double)
        case categorical(CategoricalSampler)
    }

    /// One feature's draw, where it goes and what it adds to the label logit.
    struct FeaturePlan: Sendable {
        var draw: Draw
        var position: Int
        var lower: Double
        var upper: Double
        var nulls: Double
        /// Numeric: the label weight of the value. Categorical: where its
        /// per-category label weights start in `categoryWeights`.
        var labelWeight: Double
        var categoryStart: Int
    }

    public let data: DataGenerator
    public let layout: RowLayout
    /// Users are `0..<userPopulation`.
    public let userPopulation: Int
    let normal = ZigguratNormal.shared
    var plans: [FeaturePlan] = []
    var categoryWeights: [Double] = []
    var intercept = 0.0
    var noise = 0.0
    /// The simulated second the plans were computed for (nil: never).
    var preparedSecond: Int64?

    public init(data: DataGenerator, userPopulation: Int = 100_000) {
        precondition(userPopulation > 0, "user population must be positive")
        self.data = data
        layout = RowLayout(schema: data.schema)
        self.userPopulation = userPopulation
    }

    /// Makes the distribution the one at `time` (rounded down to the second).
    public mutating func prepare(at time: SimTime) {
        let second = time.milliseconds >= 0 ? time.milliseconds / 1000 : (time.milliseconds - 999) / 1000
        if let preparedSecond, preparedSecond == second || data.spec.drift.isEmpty { return }
        preparedSecond = second
        let parameters = data.parameters(at: SimTime(milliseconds: second * 1000))
        let weights = ResolvedWeights(parameters.label, schema: data.schema)
        intercept = parameters.label.intercept
        noise = parameters.label.noise
        categoryWeights = []
        plans = parameters.features.enumerated().map { index, feature in
            let draw: Draw
            var start = 0
            switch feature.distribution {
            case .numeric(let distribution):
                let p = distribution.parameters
                switch distribution.family {
                case .normal: draw = .normal(mean: p[0], sd: p[1])
                case .lognormal: draw = .lognormal(mu: p[0], sigma: p[1])
                case .uniform: draw = .uniform(min: p[0], width: p[1] - p[0])
                case .exponential: draw = .exponential(mean: p[0])
                case .beta: draw = .beta(a: p[0], b: p[1])
                }
            case .categorical(let distribution):
                guard let sampler = CategoricalSampler(weights: distribution.probabilities) else {
                    preconditionFailure("feature \(feature.name) has no category with a positive probability")
                }
                draw = .categorical(sampler)
                start = categoryWeights.count
                categoryWeights.append(contentsOf: weights.categorical[index])
            }
            return FeaturePlan(draw: draw, position: layout.position[index], lower: feature.min ?? -.infinity,
                               upper: feature.max ?? .infinity, nulls: feature.nulls,
                               labelWeight: weights.numeric[index], categoryStart: start)
        }
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
        row.numeric.withUnsafeMutableBufferPointer { numeric in
            row.categorical.withUnsafeMutableBufferPointer { categorical in
                plans.withUnsafeBufferPointer { plans in
                    for plan in plans {
                        var value: Double
                        switch plan.draw {
                        case .normal(let mean, let sd):
                            value = mean + sd * normal.next(using: &generator)
                        case .lognormal(let mu, let sigma):
                            value = PortableMath.exp(mu + sigma * normal.next(using: &generator))
                        case .uniform(let min, let width):
                            value = min + width * Sampling.unitInterval(using: &generator)
                        case .exponential(let mean):
                            value = Sampling.exponential(mean: mean, using: &generator)
                        case .beta(let a, let b):
                            value = Sampling.beta(a, b, using: &generator)
                        case .categorical(let sampler):
                            let code = sampler.sample(using: &generator)
                            logit += categoryWeights[plan.categoryStart + code]
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
        row.label = Sampling.unitInterval(using: &generator) < DataGenerator.sigmoid(logit) ? 1 : 0
    }
}
