import SimKernel

/// Draws labelled datasets from a ``DataSpec`` at a simulated time.
///
/// Every draw comes from the generator passed in, row by row and within a
/// row feature by feature in schema order (value, then the missing-value
/// draw when the feature has `nulls`), then the label's noise and its
/// Bernoulli draw, so the same generator state gives the same dataset.
public struct DataGenerator: Sendable {
    public let spec: DataSpec
    /// The columns of every dataset it draws (``DataSpec/schema``).
    public let schema: DatasetSchema
    /// The spec's features over all schema categories (new ones at 0).
    let baseFeatures: [FeatureSpec]

    /// A generator for `spec`. Names used by the label rule and drift must
    /// be declared features and categories (always so for a loaded spec).
    public init(spec: DataSpec) {
        self.spec = spec
        let schema = spec.schema
        self.schema = schema
        baseFeatures = zip(spec.features, schema.features).map { feature, column in
            guard case .categorical(let declared) = feature.distribution, case .categorical(let categories) = column.kind else { return feature }
            let sum = declared.probabilities.reduce(0, +)
            let total = sum > 0 && abs(sum - 1) > 1e-9 ? sum : 1
            var expanded = feature
            expanded.distribution = .categorical(CategoricalDistribution(
                categories: categories,
                probabilities: categories.map { declared.probability(of: $0) / total }))
            return expanded
        }
        for drift in spec.drift {
            if let name = drift.feature { precondition(schema.index(of: name) != nil, "drift names unknown feature '\(name)'") }
            if case .concept(let change, _) = drift { Self.checkWeights(change.weights, schema: schema) }
        }
        Self.checkWeights(spec.label.weights, schema: schema)
    }

    private static func checkWeights(_ weights: [LabelWeight], schema: DatasetSchema) {
        for weight in weights {
            guard let index = schema.index(of: weight.feature) else { preconditionFailure("label weight names unknown feature '\(weight.feature)'") }
            switch (schema.features[index].kind, weight.category) {
            case (.numeric, nil): break
            case (.categorical(let categories), let category?):
                precondition(categories.contains(category), "label weight names unknown category '\(weight.key)'")
            default: preconditionFailure("label weight '\(weight.key)' does not match the kind of its feature")
            }
        }
    }

    func featureIndex(_ name: String) -> Int {
        guard let index = schema.index(of: name) else { preconditionFailure("unknown feature '\(name)'") }
        return index
    }

    /// `rows` labelled rows drawn from the distribution at `time`.
    ///
    /// A numeric value is drawn from its distribution, then clipped to the
    /// feature's min/max; the label is drawn from the clipped value (a
    /// missing value hides it only in the dataset, like a field that was
    /// not recorded).
    public func sample(rows: Int, at time: SimTime, using generator: inout some RandomNumberGenerator) -> Dataset {
        precondition(rows >= 0, "rows must be >= 0")
        let parameters = parameters(at: time)
        let weights = ResolvedWeights(parameters.label, schema: schema)
        var numeric: [[Double]] = parameters.features.map { _ in [] }
        var categorical: [[Int32]] = parameters.features.map { _ in [] }
        let samplers: [CategoricalSampler?] = parameters.features.map { feature in
            guard case .categorical(let distribution) = feature.distribution else { return nil }
            return CategoricalSampler(weights: distribution.probabilities)
        }
        for index in parameters.features.indices {
            if samplers[index] == nil { numeric[index].reserveCapacity(rows) } else { categorical[index].reserveCapacity(rows) }
        }
        var labels: [UInt8] = []
        labels.reserveCapacity(rows)
        for _ in 0..<rows {
            var logit = parameters.label.intercept
            for (index, feature) in parameters.features.enumerated() {
                if let sampler = samplers[index] {
                    let category = sampler.sample(using: &generator)
                    logit += weights.categorical[index][category]
                    let missing = feature.nulls > 0 && Sampling.unitInterval(using: &generator) < feature.nulls
                    categorical[index].append(missing ? -1 : Int32(category))
                } else if case .numeric(let distribution) = feature.distribution {
                    let value = feature.clip(distribution.draw(using: &generator))
                    logit += weights.numeric[index] * value
                    let missing = feature.nulls > 0 && Sampling.unitInterval(using: &generator) < feature.nulls
                    numeric[index].append(missing ? .nan : value)
                }
            }
            if parameters.label.noise > 0 {
                logit += Sampling.normal(mean: 0, standardDeviation: parameters.label.noise, using: &generator)
            }
            labels.append(Sampling.unitInterval(using: &generator) < Self.sigmoid(logit) ? 1 : 0)
        }
        let columns: [DatasetColumn] = parameters.features.indices.map { index in
            samplers[index] == nil ? .numeric(numeric[index]) : .categorical(categorical[index])
        }
        return Dataset(checkedSchema: schema, columns: columns, labels: labels, drawnAt: time)
    }

    /// For each row of `dataset`, the probability of label 1 by the label
    /// rule at `time` without noise: the best any model can know. Columns
    /// are matched by name (categories too); a missing value, or a column
    /// the dataset lacks, counts as its expectation at `time` (the clipped
    /// distribution mean; for a category, the probability-weighted weight).
    public func trueScores(of dataset: Dataset, at time: SimTime) -> [Double] {
        let parameters = parameters(at: time)
        let weights = ResolvedWeights(parameters.label, schema: schema)
        var logits = [Double](repeating: parameters.label.intercept, count: dataset.rowCount)
        for (index, feature) in parameters.features.enumerated() {
            let column = dataset.column(named: feature.name)
            switch feature.distribution {
            case .numeric(let distribution):
                let weight = weights.numeric[index]
                guard weight != 0 else { continue }
                let expected = feature.clip(distribution.mean)
                let values: [Double]
                if case .numeric(let present)? = column { values = present } else { values = [] }
                for row in logits.indices {
                    let value = row < values.count && !values[row].isNaN ? values[row] : expected
                    logits[row] += weight * value
                }
            case .categorical(let distribution):
                let categoryWeights = weights.categorical[index]
                guard categoryWeights.contains(where: { $0 != 0 }) else { continue }
                var expected = 0.0
                for (probability, weight) in zip(distribution.probabilities, categoryWeights) { expected += probability * weight }
                // The dataset's category indices mapped to this schema's.
                var mapped: [Double] = []
                var codes: [Int32] = []
                if case .categorical(let present)? = column, let datasetIndex = dataset.schema.index(of: feature.name),
                   case .categorical(let datasetCategories) = dataset.schema.features[datasetIndex].kind {
                    codes = present
                    mapped = datasetCategories.map { name in distribution.categories.firstIndex(of: name).map { categoryWeights[$0] } ?? expected }
                }
                for row in logits.indices {
                    let code = row < codes.count ? Int(codes[row]) : -1
                    logits[row] += code >= 0 && code < mapped.count ? mapped[code] : expected
                }
            }
        }
        return logits.map(Self.sigmoid)
    }

    /// The label probability for one logit.
    public static func sigmoid(_ logit: Double) -> Double {
        1 / (1 + PortableMath.exp(-logit))
    }
}

/// A label rule's weights by schema position: one per numeric feature, one
/// per category of a categorical one (0 where the rule has none).
struct ResolvedWeights {
    var numeric: [Double]
    var categorical: [[Double]]

    init(_ rule: LabelRule, schema: DatasetSchema) {
        numeric = schema.features.map { _ in 0 }
        categorical = schema.features.map { feature in
            if case .categorical(let categories) = feature.kind { return categories.map { _ in 0 } }
            return []
        }
        for weight in rule.weights {
            guard let index = schema.index(of: weight.feature) else { continue }
            if let category = weight.category {
                if case .categorical(let categories) = schema.features[index].kind, let position = categories.firstIndex(of: category) {
                    categorical[index][position] += weight.weight
                }
            } else {
                numeric[index] += weight.weight
            }
        }
    }
}
