import SimKernel

/// The `data:` section of a project, validated: the features rows are drawn
/// from, the rule that labels them and how both drift on simulated time.
///
/// A spec from ``ProjectLoader`` is consistent (every name it uses is
/// declared, every parameter in its domain). One built in code must be too:
/// ``DataGenerator`` checks names with preconditions.
public struct DataSpec: Sendable, Equatable {
    /// The feature columns, in file order.
    public var features: [FeatureSpec]
    /// How a row's label is drawn from its features.
    public var label: LabelRule
    /// Drift scenarios, applied in this order (see ``DataGenerator/parameters(at:)``).
    public var drift: [DriftSpec]

    public init(features: [FeatureSpec], label: LabelRule, drift: [DriftSpec] = []) {
        self.features = features
        self.label = label
        self.drift = drift
    }

    public func feature(_ name: String) -> FeatureSpec? { features.first { $0.name == name } }

    /// The columns a sampled dataset has. A categorical feature's categories
    /// are its declared ones followed by those that `new_category` drift
    /// introduces, in drift order.
    public var schema: DatasetSchema {
        DatasetSchema(features: features.map { feature in
            switch feature.distribution {
            case .numeric:
                return FeatureSchema(name: feature.name, kind: .numeric)
            case .categorical(let distribution):
                var categories = distribution.categories
                for case .newCategory(let name, let category, _, _) in drift where name == feature.name && !categories.contains(category) {
                    categories.append(category)
                }
                return FeatureSchema(name: feature.name, kind: .categorical(categories))
            }
        })
    }
}

/// One feature: its distribution, an optional clip range and a share of
/// missing values.
public struct FeatureSpec: Sendable, Equatable {
    public var name: String
    public var distribution: FeatureDistribution
    /// Numeric values below are raised to it (clipping, not rejection).
    public var min: Double?
    /// Numeric values above are lowered to it.
    public var max: Double?
    /// The share of rows whose value is missing (NaN, or category -1).
    public var nulls: Double

    public init(name: String, distribution: FeatureDistribution, min: Double? = nil, max: Double? = nil, nulls: Double = 0) {
        self.name = name
        self.distribution = distribution
        self.min = min
        self.max = max
        self.nulls = nulls
    }

    /// `value` clipped to `min`/`max` (NaN stays NaN).
    public func clip(_ value: Double) -> Double {
        var result = value
        if let min, result < min { result = min }
        if let max, result > max { result = max }
        return result
    }
}

/// The label rule: `P(y = 1) = sigmoid(intercept + Σ weight · x + ε)` with
/// `ε ~ N(0, noise)` on the logit. Numeric features enter with their raw
/// value (choose weights on the feature's scale); a categorical weight
/// `feature=category` adds its weight when the row has that category.
public struct LabelRule: Sendable, Equatable {
    public var intercept: Double
    /// In file order; each key (feature or feature=category) once.
    public var weights: [LabelWeight]
    /// Standard deviation of the normal noise on the logit (0: none).
    public var noise: Double

    public init(intercept: Double, weights: [LabelWeight] = [], noise: Double = 0) {
        self.intercept = intercept
        self.weights = weights
        self.noise = noise
    }

    /// The weight for `key` (`amount`, `merchant=online`), 0 when absent.
    public func weight(_ key: String) -> Double {
        weights.first { $0.key == key }?.weight ?? 0
    }
}

/// One term of a label rule.
public struct LabelWeight: Sendable, Equatable {
    public var feature: String
    /// For a categorical feature, the category the weight applies to.
    public var category: String?
    public var weight: Double

    public init(feature: String, category: String? = nil, weight: Double) {
        self.feature = feature
        self.category = category
        self.weight = weight
    }

    /// `amount` or `merchant=online`, as in the file.
    public var key: String { category.map { "\(feature)=\($0)" } ?? feature }
}

/// A change of the label rule by concept drift: listed values replace the
/// ones before (a weight not in the rule starts from 0).
public struct LabelChange: Sendable, Equatable {
    public var intercept: Double?
    public var weights: [LabelWeight]
    public var noise: Double?

    public init(intercept: Double? = nil, weights: [LabelWeight] = [], noise: Double? = nil) {
        self.intercept = intercept
        self.weights = weights
        self.noise = noise
    }
}

/// A named parameter value: a distribution parameter (`mean`, `sd`, ...),
/// a category's probability (by category name) or `nulls`.
public struct ParameterValue: Sendable, Equatable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// When concept drift happens.
public enum DriftTiming: Sendable, Equatable {
    /// All at once at this time since the start.
    case at(SimDuration)
    /// Linearly between the two times since the start.
    case between(SimDuration, SimDuration)

    /// How far the change has gone at `time`: 0 before, 1 after, linear in
    /// between.
    public func fraction(at time: SimTime) -> Double {
        let now = time.milliseconds
        switch self {
        case .at(let at):
            return now >= at.milliseconds ? 1 : 0
        case .between(let from, let to):
            if now <= from.milliseconds { return 0 }
            if now >= to.milliseconds { return 1 }
            return Double(now - from.milliseconds) / Double(to.milliseconds - from.milliseconds)
        }
    }
}

/// One drift scenario. Times are durations since the start of the
/// simulation (`at: 2h`).
public enum DriftSpec: Sendable, Equatable {
    /// The feature's parameters move linearly from their values before this
    /// drift to `targets` between `from` and `to`.
    case gradual(feature: String, from: SimDuration, to: SimDuration, targets: [ParameterValue])
    /// The feature's parameters switch to `targets` at `at`.
    case sudden(feature: String, at: SimDuration, targets: [ParameterValue])
    /// Each named parameter gets `amplitude · sin(2π · t / period + phase)`
    /// added (t since the start; `phase` in radians).
    case seasonal(feature: String, amplitudes: [ParameterValue], period: SimDuration, phase: Double)
    /// From `at` on, `category` is drawn with `probability`; the other
    /// categories' probabilities are scaled by `1 - probability`.
    case newCategory(feature: String, category: String, at: SimDuration, probability: Double)
    /// The label rule changes.
    case concept(LabelChange, DriftTiming)

    /// The feature it changes (nil for concept drift).
    public var feature: String? {
        switch self {
        case .gradual(let feature, _, _, _), .sudden(let feature, _, _), .seasonal(let feature, _, _, _),
             .newCategory(let feature, _, _, _):
            feature
        case .concept:
            nil
        }
    }
}
