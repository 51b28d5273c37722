/// A ``TrainedModel`` compiled against the columns of the data it will
/// score, so that scoring one packed row (``RowLayout``) is one pass with
/// no lookups by name.
///
/// Model features are matched to data columns by name and categories by
/// name. Standardisation is folded into the weights: a numeric term is
/// `(x - mean) * (weight / sd)`, and a missing value (NaN) contributes 0,
/// exactly as the model's preprocessing imputes the training mean. One-hot
/// encoding becomes a lookup table per categorical column indexed by the
/// data's category code: a missing value (-1) or a data category the model
/// did not see in training contributes 0, as an all-zero one-hot does.
/// Data columns the model does not use are skipped.
///
/// The logit is `bias` plus the numeric terms, then the categorical ones,
/// each in model feature order; the probability is the model's own sigmoid, so it matches
/// ``TrainedModel/predictProbability(_:)`` to rounding (within 1e-12).
public struct CompiledScorer: Sendable {
    /// One numeric term: buffer index, training mean, weight / sd.
    struct NumericTerm: Sendable {
        var column: Int
        var mean: Double
        var slope: Double
    }

    /// The data layout rows must have.
    public let layout: RowLayout
    let bias: Double
    let numericTerms: [NumericTerm]
    /// Per categorical term: its buffer index and where its table starts in
    /// `categoryTable` (entry `start + code + 1`; entry `start` is the
    /// missing value's 0).
    let categoricalTerms: [(column: Int, start: Int)]
    let categoryTable: [Double]

    /// Compiles `model` for rows of `schema`.
    /// - Throws: ``LearningError/missingFeature(_:)`` when the data lacks a
    ///   model feature, ``LearningError/featureKindMismatch(_:)`` when its
    ///   kind differs.
    public init(model: TrainedModel, schema: DatasetSchema) throws(LearningError) {
        let layout = RowLayout(schema: schema)
        self.layout = layout
        bias = model.bias
        var numericTerms: [NumericTerm] = []
        var categoricalTerms: [(column: Int, start: Int)] = []
        var table: [Double] = []
        var offset = 0
        for transform in model.preprocessing.transforms {
            guard let index = schema.index(of: transform.feature) else { throw .missingFeature(transform.feature) }
            let kind = schema.features[index].kind
            switch transform {
            case .standardize(_, let mean, let deviation):
                guard kind.isNumeric else { throw .featureKindMismatch(transform.feature) }
                numericTerms.append(NumericTerm(column: layout.position[index], mean: mean, slope: model.weights[offset] / deviation))
            case .oneHot(_, let categories):
                guard case .categorical(let dataCategories) = kind else { throw .featureKindMismatch(transform.feature) }
                categoricalTerms.append((column: layout.position[index], start: table.count))
                table.append(0)
                for category in dataCategories {
                    table.append(categories.firstIndex(of: category).map { model.weights[offset + $0] } ?? 0)
                }
            }
            offset += transform.width
        }
        self.numericTerms = numericTerms
        self.categoricalTerms = categoricalTerms
        categoryTable = table
    }

    /// The model's logit for one packed row.
    @inline(__always)
    public func logit(numeric: UnsafeBufferPointer<Double>, categorical: UnsafeBufferPointer<Int32>) -> Double {
        var z = bias
        numericTerms.withUnsafeBufferPointer { terms in
            for term in terms {
                let x = numeric[term.column]
                if !x.isNaN { z += (x - term.mean) * term.slope }
            }
        }
        if !categoricalTerms.isEmpty {
            categoryTable.withUnsafeBufferPointer { table in
                for term in categoricalTerms {
                    z += table[term.start + Int(categorical[term.column]) + 1]
                }
            }
        }
        return z
    }

    /// The probability of label 1 for one packed row.
    public func probability(numeric: UnsafeBufferPointer<Double>, categorical: UnsafeBufferPointer<Int32>) -> Double {
        TrainedModel.sigmoid(logit(numeric: numeric, categorical: categorical))
    }

    /// The probability of label 1 for one request row.
    public func probability(of row: RequestRow) -> Double {
        row.numeric.withUnsafeBufferPointer { numeric in
            row.categorical.withUnsafeBufferPointer { probability(numeric: numeric, categorical: $0) }
        }
    }

    /// The decision `probability >= 0.5` from the logit, without the
    /// exponential unless the logit is within rounding of 0.
    @inline(__always)
    public static func decision(logit z: Double) -> Bool {
        if z >= 0 { return true }
        if z < -1e-9 { return false }
        return TrainedModel.sigmoid(z) >= 0.5
    }

    /// The probability of label 1 for every row of `dataset`, which must
    /// have this scorer's schema.
    public func probabilities(of dataset: Dataset) -> [Double] {
        precondition(dataset.schema == layout.schema, "dataset schema differs from the scorer's")
        var numeric = [Double](repeating: 0, count: layout.numericCount)
        var categorical = [Int32](repeating: -1, count: layout.categoricalCount)
        var result: [Double] = []
        result.reserveCapacity(dataset.rowCount)
        for row in 0..<dataset.rowCount {
            for (index, column) in dataset.columns.enumerated() {
                switch column {
                case .numeric(let values): numeric[layout.position[index]] = values[row]
                case .categorical(let codes): categorical[layout.position[index]] = codes[row]
                }
            }
            result.append(numeric.withUnsafeBufferPointer { n in
                categorical.withUnsafeBufferPointer { probability(numeric: n, categorical: $0) }
            })
        }
        return result
    }
}
