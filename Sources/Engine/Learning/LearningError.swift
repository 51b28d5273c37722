/// Why a learning operation (building a matrix, fitting, predicting,
/// reloading a model) could not be done. The description is one line,
/// suitable as a step's failure reason.
public enum LearningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The columns, kinds, names or labels of a matrix do not fit together.
    case shapeMismatch(String)
    /// A categorical code outside `-1..<categories.count`.
    case categoryCodeOutOfRange(feature: String, row: Int, code: Int32)
    /// An infinite numeric value (missing values are `NaN`).
    case infiniteValue(feature: String, row: Int)
    /// A label other than 0 or 1.
    case invalidLabel(row: Int, value: UInt8)
    /// Fitting needs labels, and the matrix has none.
    case missingLabels
    /// Fitting or splitting needs rows, and there are none (or too few).
    case notEnoughRows(needed: Int, found: Int)
    /// All training labels are the same; a logistic model is undefined.
    case singleClass(label: UInt8)
    /// A model feature is absent from the matrix it is asked to score.
    case missingFeature(String)
    /// A model feature is present with a different kind (numeric versus categorical).
    case featureKindMismatch(String)
    /// A hyperparameter out of range or unparsable.
    case invalidParameter(name: String, reason: String)
    /// The optimiser produced a non-finite loss (for example, gradient
    /// descent with too large a learning rate).
    case diverged(iteration: Int)
    /// Serialized model bytes that cannot be read back.
    case corruptArtifact(String)

    public var description: String {
        switch self {
        case .shapeMismatch(let detail): return "matrix shape mismatch: \(detail)"
        case .categoryCodeOutOfRange(let feature, let row, let code):
            return "feature \(feature): category code \(code) out of range at row \(row)"
        case .infiniteValue(let feature, let row): return "feature \(feature): infinite value at row \(row)"
        case .invalidLabel(let row, let value): return "label \(value) at row \(row) is not 0 or 1"
        case .missingLabels: return "training needs labels"
        case .notEnoughRows(let needed, let found): return "needs at least \(needed) rows, found \(found)"
        case .singleClass(let label): return "all labels are \(label); need both classes to train"
        case .missingFeature(let name): return "feature \(name) missing from the data"
        case .featureKindMismatch(let name): return "feature \(name) has a different kind than the model expects"
        case .invalidParameter(let name, let reason): return "parameter \(name): \(reason)"
        case .diverged(let iteration): return "optimiser diverged at iteration \(iteration) (non-finite loss)"
        case .corruptArtifact(let detail): return "model artifact unreadable: \(detail)"
        }
    }
}
