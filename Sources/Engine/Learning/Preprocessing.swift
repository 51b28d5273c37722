/// The feature transforms of a model, in feature order: standardisation of
/// numeric features and one-hot encoding of categorical ones, learned from
/// training data and applied unchanged at prediction time.
///
/// Learned statistics: a numeric feature's mean and population standard
/// deviation over its non-missing training values (two passes, summed in row
/// order). A feature with no present values gets mean 0; a standard
/// deviation that is 0 (a constant feature) or undefined becomes 1, so the
/// column is centred but not scaled. A categorical feature keeps the
/// categories that occur at least once in training.
///
/// Applying: features are found by name, so the scored data may have its
/// features in another order, extra features, or a longer category list
/// (categories are matched by name). See ``FeatureTransform`` for missing
/// values and unseen categories.
public struct Preprocessing: Sendable, Equatable {
    public let transforms: [FeatureTransform]

    public init(transforms: [FeatureTransform]) {
        self.transforms = transforms
    }

    /// Learns the transforms of every feature of `matrix`.
    public init(fitting matrix: TrainingMatrix) {
        var transforms: [FeatureTransform] = []
        for (index, name) in matrix.featureNames.enumerated() {
            switch matrix.kinds[index] {
            case .numeric:
                let (mean, deviation) = Self.moments(matrix.numericValues(feature: index))
                transforms.append(.standardize(feature: name, mean: mean, standardDeviation: deviation))
            case .categorical(let categories):
                var present = [Bool](repeating: false, count: categories.count)
                for code in matrix.categoryCodes(feature: index) where code >= 0 { present[Int(code)] = true }
                let seen = categories.indices.filter { present[$0] }.map { categories[$0] }
                transforms.append(.oneHot(feature: name, categories: seen))
            }
        }
        self.transforms = transforms
    }

    /// The number of design-matrix columns.
    public var width: Int { transforms.reduce(0) { $0 + $1.width } }

    /// The names of the design-matrix columns, in order.
    public var columnNames: [String] { transforms.flatMap(\.columnNames) }

    /// The design matrix of `matrix`: every transform applied, row-major.
    public func designMatrix(for matrix: TrainingMatrix) throws(LearningError) -> DesignMatrix {
        let rows = matrix.rowCount
        let width = self.width
        var values = [Double](repeating: 0, count: rows * width)
        var offset = 0
        for transform in transforms {
            guard let index = matrix.featureIndex(named: transform.feature) else {
                throw .missingFeature(transform.feature)
            }
            switch transform {
            case .standardize(_, let mean, let deviation):
                guard matrix.kinds[index].isNumeric else { throw .featureKindMismatch(transform.feature) }
                let column = matrix.numericValues(feature: index)
                values.withUnsafeMutableBufferPointer { out in
                    for row in 0..<rows {
                        let x = column[row]
                        out[row * width + offset] = x.isNaN ? 0 : (x - mean) / deviation
                    }
                }
            case .oneHot(_, let categories):
                guard case .categorical(let dataCategories) = matrix.kinds[index] else {
                    throw .featureKindMismatch(transform.feature)
                }
                var position: [String: Int] = [:]
                for (slot, category) in categories.enumerated() { position[category] = slot }
                // Data code -> one-hot slot, or -1 for a category unseen in training.
                let slotOfCode = dataCategories.map { position[$0] ?? -1 }
                let codes = matrix.categoryCodes(feature: index)
                values.withUnsafeMutableBufferPointer { out in
                    for row in 0..<rows {
                        let code = Int(codes[row])
                        guard code >= 0 else { continue }
                        let slot = slotOfCode[code]
                        if slot >= 0 { out[row * width + offset + slot] = 1 }
                    }
                }
            }
            offset += transform.width
        }
        return DesignMatrix(rows: rows, columns: width, values: values)
    }

    /// Mean and population standard deviation of the non-NaN values, with
    /// the fallbacks described on the type.
    static func moments(_ values: [Double]) -> (mean: Double, standardDeviation: Double) {
        var sum = 0.0
        var count = 0
        for x in values where !x.isNaN {
            sum += x
            count += 1
        }
        guard count > 0 else { return (0, 1) }
        let mean = sum / Double(count)
        var squares = 0.0
        for x in values where !x.isNaN {
            let d = x - mean
            squares += d * d
        }
        let deviation = (squares / Double(count)).squareRoot()
        return (mean, deviation > 0 && deviation.isFinite ? deviation : 1)
    }
}
