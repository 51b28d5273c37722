/// One problem `validate` found in a dataset.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case noRows, missingColumn, unexpectedColumn, wrongKind, belowMinimum, aboveMaximum, unknownCategory, tooManyNulls
    }

    /// The column concerned (nil for the dataset as a whole).
    public var feature: String?
    public var kind: Kind
    /// One line, e.g. `amount: 7.2% nulls (limit 5%)`.
    public var message: String

    public init(feature: String?, kind: Kind, message: String) {
        self.feature = feature
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// Checks a dataset against the data spec: the `validate` builtin's data side.
public enum DatasetValidator {
    /// The issues, in a fixed order: an empty dataset; then per feature of
    /// the spec, in its order: a missing column or one of the wrong kind,
    /// values outside the declared min/max, categories the spec does not
    /// know (counting rows), a null share above `maxNullShare`; then
    /// columns the spec does not declare. Empty when the dataset is fine.
    public static func validate(_ dataset: Dataset, against spec: DataSpec, maxNullShare: Double = 0.05) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if dataset.rowCount == 0 {
            issues.append(ValidationIssue(feature: nil, kind: .noRows, message: "the dataset has no rows"))
        }
        let expected = spec.schema
        let summaries = dataset.summaries()
        for (feature, declared) in zip(spec.features, expected.features) {
            let name = feature.name
            guard let index = dataset.schema.index(of: name) else {
                issues.append(ValidationIssue(feature: name, kind: .missingColumn, message: "\(name): missing column (expected \(declared.kind))"))
                continue
            }
            let actual = dataset.schema.features[index]
            guard actual.kind.isNumeric == declared.kind.isNumeric else {
                issues.append(ValidationIssue(feature: name, kind: .wrongKind, message: "\(name): expected a \(declared.kind) column, found \(actual.kind)"))
                continue
            }
            switch (declared.kind, dataset.columns[index]) {
            case (.numeric, .numeric(let values)):
                issues += rangeIssues(name: name, values: values, min: feature.min, max: feature.max)
            case (.categorical(let known), .categorical):
                if case .categorical(let counts) = summaries[index].statistics {
                    for entry in counts where entry.count > 0 && !known.contains(entry.category) {
                        let rows = entry.count == 1 ? "1 row" : "\(entry.count) rows"
                        issues.append(ValidationIssue(feature: name, kind: .unknownCategory,
                                                      message: "\(name): \(rows) with unknown category '\(entry.category)'"))
                    }
                }
            default:
                break
            }
            let share = summaries[index].nullShare
            if share > maxNullShare {
                issues.append(ValidationIssue(feature: name, kind: .tooManyNulls,
                                              message: "\(name): \(NumberText.percent(share)) nulls (limit \(NumberText.percent(maxNullShare)))"))
            }
        }
        for column in dataset.schema.features where spec.feature(column.name) == nil {
            issues.append(ValidationIssue(feature: column.name, kind: .unexpectedColumn, message: "\(column.name): unexpected column (not in the data spec)"))
        }
        return issues
    }

    private static func rangeIssues(name: String, values: [Double], min: Double?, max: Double?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let min {
            let below = values.filter { $0 < min }
            if let lowest = below.min() {
                let count = below.count == 1 ? "1 value" : "\(below.count) values"
                issues.append(ValidationIssue(feature: name, kind: .belowMinimum,
                                              message: "\(name): \(count) below min \(NumberText.format(min)) (lowest \(NumberText.format(lowest)))"))
            }
        }
        if let max {
            let above = values.filter { $0 > max }
            if let highest = above.max() {
                let count = above.count == 1 ? "1 value" : "\(above.count) values"
                issues.append(ValidationIssue(feature: name, kind: .aboveMaximum,
                                              message: "\(name): \(count) above max \(NumberText.format(max)) (highest \(NumberText.format(highest)))"))
            }
        }
        return issues
    }
}
