import SimKernel

/// The data distribution as it stands at one simulated time, after drift:
/// what ``DataGenerator`` draws from, and what screens show.
public struct DataParameters: Sendable, Equatable {
    public var time: SimTime
    /// The features with drifted parameters (in their domain), categorical
    /// ones over all their categories (``DataSpec/schema``) with
    /// probabilities summing to 1.
    public var features: [FeatureSpec]
    /// The label rule after concept drift.
    public var label: LabelRule

    public init(time: SimTime, features: [FeatureSpec], label: LabelRule) {
        self.time = time
        self.features = features
        self.label = label
    }

    public func feature(_ name: String) -> FeatureSpec? { features.first { $0.name == name } }
}

extension FeatureSpec {
    /// A parameter by the name drift uses: `nulls`, a distribution
    /// parameter, or a category's probability.
    func driftParameter(_ name: String) -> Double? {
        if name == "nulls" { return nulls }
        switch distribution {
        case .numeric(let numeric): return numeric.parameter(name)
        case .categorical(let categorical): return categorical.categories.firstIndex(of: name).map { categorical.probabilities[$0] }
        }
    }

    mutating func setDriftParameter(_ name: String, to value: Double) {
        if name == "nulls" {
            nulls = value
            return
        }
        switch distribution {
        case .numeric(var numeric):
            numeric.setParameter(name, to: value)
            distribution = .numeric(numeric)
        case .categorical(var categorical):
            if let index = categorical.categories.firstIndex(of: name) { categorical.probabilities[index] = value }
            distribution = .categorical(categorical)
        }
    }

    /// Parameters moved a `fraction` of the way to `targets`.
    mutating func move(toward targets: [ParameterValue], fraction: Double) {
        guard fraction > 0 else { return }
        for target in targets {
            guard let before = driftParameter(target.name) else { continue }
            setDriftParameter(target.name, to: fraction >= 1 ? target.value : before + fraction * (target.value - before))
        }
    }
}

extension DataGenerator {
    /// The distribution at `time`. Starting from the spec, the drift items
    /// apply in file order, each to the values the ones before it left:
    /// gradual and sudden drift move parameters toward their targets,
    /// seasonal drift adds its wave, a new category takes its share from the
    /// others, concept drift moves the label rule. Finally parameters are
    /// kept in their domain (``NumericDistribution/clampedToDomain()``,
    /// `nulls` and probabilities in [0, 1]); probabilities are renormalised
    /// when their sum is off 1 by more than 1e-9, and if every one was
    /// pushed to 0 the declared ones are used.
    public func parameters(at time: SimTime) -> DataParameters {
        var features = baseFeatures
        var label = spec.label
        for drift in spec.drift {
            switch drift {
            case .gradual(let name, let from, let to, let targets):
                features[featureIndex(name)].move(toward: targets, fraction: DriftTiming.between(from, to).fraction(at: time))
            case .sudden(let name, let at, let targets):
                features[featureIndex(name)].move(toward: targets, fraction: DriftTiming.at(at).fraction(at: time))
            case .seasonal(let name, let amplitudes, let period, let phase):
                let index = featureIndex(name)
                let wave = Self.wave(at: time, period: period, phase: phase)
                for amplitude in amplitudes {
                    if let before = features[index].driftParameter(amplitude.name) {
                        features[index].setDriftParameter(amplitude.name, to: before + amplitude.value * wave)
                    }
                }
            case .newCategory(let name, let category, let at, let probability):
                let index = featureIndex(name)
                guard time.milliseconds >= at.milliseconds, case .categorical(var categorical) = features[index].distribution,
                      let position = categorical.categories.firstIndex(of: category) else { continue }
                for other in categorical.probabilities.indices where other != position {
                    categorical.probabilities[other] *= 1 - probability
                }
                categorical.probabilities[position] = probability
                features[index].distribution = .categorical(categorical)
            case .concept(let change, let timing):
                label = Self.apply(change, to: label, fraction: timing.fraction(at: time))
            }
        }
        for index in features.indices {
            features[index] = Self.inDomain(features[index], fallback: baseFeatures[index])
        }
        return DataParameters(time: time, features: features, label: label)
    }

    /// `sin(2π · t / period + phase)` with t since the start.
    static func wave(at time: SimTime, period: SimDuration, phase: Double) -> Double {
        let length = period.milliseconds
        let offset = ((time.milliseconds % length) + length) % length
        return PortableSine.sin(turns: Double(offset) / Double(length) + phase / (2 * Double.pi))
    }

    static func apply(_ change: LabelChange, to rule: LabelRule, fraction: Double) -> LabelRule {
        guard fraction > 0 else { return rule }
        func moved(_ before: Double, _ target: Double) -> Double {
            fraction >= 1 ? target : before + fraction * (target - before)
        }
        var result = rule
        if let intercept = change.intercept { result.intercept = moved(rule.intercept, intercept) }
        if let noise = change.noise { result.noise = moved(rule.noise, noise) }
        for weight in change.weights {
            if let index = result.weights.firstIndex(where: { $0.key == weight.key }) {
                result.weights[index].weight = moved(result.weights[index].weight, weight.weight)
            } else {
                result.weights.append(LabelWeight(feature: weight.feature, category: weight.category, weight: moved(0, weight.weight)))
            }
        }
        result.noise = max(0, result.noise)
        return result
    }

    static func inDomain(_ feature: FeatureSpec, fallback: FeatureSpec) -> FeatureSpec {
        var result = feature
        result.nulls = min(1, max(0, feature.nulls))
        switch feature.distribution {
        case .numeric(let numeric):
            result.distribution = .numeric(numeric.clampedToDomain())
        case .categorical(var categorical):
            categorical.probabilities = categorical.probabilities.map { max(0, $0) }
            let total = categorical.probabilities.reduce(0, +)
            if total > 0 {
                if abs(total - 1) > 1e-9 { categorical.probabilities = categorical.probabilities.map { $0 / total } }
                result.distribution = .categorical(categorical)
            } else {
                result.distribution = fallback.distribution
            }
        }
        return result
    }
}
