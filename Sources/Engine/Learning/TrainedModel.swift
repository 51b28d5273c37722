import SimKernel

/// A fitted logistic model, complete enough to score new data and to be
/// stored as an artifact: the training feature schema, the learned
/// preprocessing, one weight per design-matrix column, the bias, and how
/// training went.
///
/// `P(label = 1 | x) = sigmoid(bias + w . preprocess(x))`, computed with
/// ``PortableMath/exp(_:)`` in a fixed order, so a model reloaded from its
/// ``serialized()`` bytes gives bit-identical predictions on every platform.
public struct TrainedModel: Sendable, Equatable {
    /// The features the model was trained on, in training order.
    public let schema: [ModelFeature]
    public let preprocessing: Preprocessing
    /// One weight per ``Preprocessing/columnNames`` entry.
    public let weights: [Double]
    public let bias: Double
    public let summary: TrainingSummary

    public init(schema: [ModelFeature], preprocessing: Preprocessing, weights: [Double], bias: Double,
                summary: TrainingSummary) {
        precondition(weights.count == preprocessing.width, "one weight per design-matrix column")
        self.schema = schema
        self.preprocessing = preprocessing
        self.weights = weights
        self.bias = bias
        self.summary = summary
    }

    /// The probability of label 1 for every row of `matrix` (labels, if
    /// any, are ignored). Features are matched by name; see
    /// ``Preprocessing`` for missing values and unseen categories.
    public func predictProbability(_ matrix: TrainingMatrix) throws(LearningError) -> [Double] {
        predictProbability(design: try preprocessing.designMatrix(for: matrix))
    }

    /// The probability of label 1 for every row of an already preprocessed design matrix.
    public func predictProbability(design: DesignMatrix) -> [Double] {
        precondition(design.columns == weights.count, "design matrix width differs from the model's")
        let columns = design.columns
        var result = [Double](repeating: 0, count: design.rows)
        design.values.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                result.withUnsafeMutableBufferPointer { out in
                    var base = 0
                    for row in 0..<design.rows {
                        var z = bias
                        for j in 0..<columns { z += x[base + j] * w[j] }
                        out[row] = Self.sigmoid(z)
                        base += columns
                    }
                }
            }
        }
        return result
    }

    /// The logistic function, evaluated without overflow on either side.
    static func sigmoid(_ z: Double) -> Double {
        let t = PortableMath.exp(-Swift.abs(z))
        return z >= 0 ? 1 / (1 + t) : t / (1 + t)
    }
}
