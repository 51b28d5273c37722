import XCTest
@testable import Engine

/// Helpers for data tests: small specs, seeded sampling, column access.
enum DataTestSupport {
    static func numericSpec(_ distribution: NumericDistribution, min: Double? = nil, max: Double? = nil, nulls: Double = 0,
                            drift: [DriftSpec] = []) -> DataSpec {
        DataSpec(features: [FeatureSpec(name: "x", distribution: .numeric(distribution), min: min, max: max, nulls: nulls)],
                 label: LabelRule(intercept: 0), drift: drift)
    }

    static func merchantSpec(drift: [DriftSpec] = [], nulls: Double = 0) -> DataSpec {
        DataSpec(features: [FeatureSpec(name: "merchant",
                                        distribution: .categorical(CategoricalDistribution(categories: ["online", "store", "atm"],
                                                                                            probabilities: [0.6, 0.3, 0.1])),
                                        nulls: nulls)],
                 label: LabelRule(intercept: 0), drift: drift)
    }

    /// The fraud-like spec used across tests: a numeric and a categorical
    /// feature and a label rule on both.
    static let fraudSpec = DataSpec(
        features: [
            FeatureSpec(name: "amount", distribution: .numeric(.normal(mean: 50, sd: 20)), min: 0),
            FeatureSpec(name: "merchant", distribution: .categorical(CategoricalDistribution(categories: ["online", "store", "atm"],
                                                                                               probabilities: [0.6, 0.3, 0.1]))),
        ],
        label: LabelRule(intercept: -3, weights: [LabelWeight(feature: "amount", weight: 0.02),
                                                  LabelWeight(feature: "merchant", category: "online", weight: 1.0)],
                         noise: 0.2))

    static func sample(_ spec: DataSpec, rows: Int, at time: SimTime = .zero, seed: UInt64 = 7) -> Dataset {
        var generator = Xoshiro256StarStar(seed: seed)
        return DataGenerator(spec: spec).sample(rows: rows, at: time, using: &generator)
    }

    static func numbers(_ dataset: Dataset, _ name: String) -> [Double] {
        guard case .numeric(let values)? = dataset.column(named: name) else { return [] }
        return values
    }

    static func codes(_ dataset: Dataset, _ name: String) -> [Int32] {
        guard case .categorical(let codes)? = dataset.column(named: name) else { return [] }
        return codes
    }

    /// The share of rows with `category`.
    static func share(_ dataset: Dataset, _ name: String, _ category: String) -> Double {
        Double(dataset.summary(of: name)?.count(of: category) ?? 0) / Double(dataset.rowCount)
    }

    static func time(_ text: String) -> SimTime {
        SimTime(sinceEpoch: (try? SimDuration(parsing: text)) ?? .zero)
    }
}
