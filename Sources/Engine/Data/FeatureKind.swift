/// What kind of values a feature column holds (datasets and models share it).
public enum FeatureKind: Sendable, Hashable, CustomStringConvertible {
    /// Real values; `NaN` marks a missing value.
    case numeric
    /// Codes into `categories` (`0..<categories.count`); `-1` marks a
    /// missing value.
    case categorical([String])

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

    /// `numeric` or `categorical`.
    public var description: String { isNumeric ? "numeric" : "categorical" }
}
