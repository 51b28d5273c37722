/// How one input feature becomes columns of the design matrix, learned from
/// the training data.
public enum FeatureTransform: Sendable, Equatable {
    /// One column `(x - mean) / standardDeviation`. A missing value (`NaN`)
    /// is imputed with the training mean, so it becomes exactly 0.
    case standardize(feature: String, mean: Double, standardDeviation: Double)
    /// One column per category seen in training, in the order of the
    /// training data's category list; the row's category gets 1, the others
    /// 0. A missing value (`-1`) or a category not seen in training gives
    /// all zeros, so it contributes only the bias.
    case oneHot(feature: String, categories: [String])

    /// The input feature's name.
    public var feature: String {
        switch self {
        case .standardize(let feature, _, _), .oneHot(let feature, _): return feature
        }
    }

    /// How many design-matrix columns this transform produces.
    public var width: Int {
        switch self {
        case .standardize: return 1
        case .oneHot(_, let categories): return categories.count
        }
    }

    /// Names of the produced columns: the feature name, or `feature=category`.
    public var columnNames: [String] {
        switch self {
        case .standardize(let feature, _, _): return [feature]
        case .oneHot(let feature, let categories): return categories.map { "\(feature)=\($0)" }
        }
    }
}
