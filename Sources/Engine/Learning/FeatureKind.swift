/// What kind of values a feature column holds.
public enum FeatureKind: Sendable, Hashable {
    /// Real values; `NaN` marks a missing value.
    case numeric
    /// Codes into `categories` (`0..<categories.count`); `-1` marks a
    /// missing value.
    case categorical(categories: [String])

    /// The categories of a categorical feature; empty for a numeric one.
    public var categories: [String] {
        switch self {
        case .numeric: return []
        case .categorical(let categories): return categories
        }
    }

    /// Whether this is a numeric feature.
    public var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }
}
