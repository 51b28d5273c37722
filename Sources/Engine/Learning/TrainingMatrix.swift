/// Labelled (or unlabelled) tabular data in columns, the input of training,
/// evaluation and prediction.
///
/// Layout: `featureNames[i]` has kind `kinds[i]`. Numeric features' values
/// are in `numericColumns`, categorical features' codes in
/// `categoricalColumns`, each in feature order (the k-th numeric feature is
/// `numericColumns[k]`). Missing values: `NaN` in a numeric column, `-1` in a
/// categorical one. `labels` are 0 or 1, one per row, or empty for data to
/// be scored only.
public struct TrainingMatrix: Sendable, Equatable {
    public let featureNames: [String]
    public let kinds: [FeatureKind]
    public let numericColumns: [[Double]]
    public let categoricalColumns: [[Int32]]
    public let labels: [UInt8]
    /// The number of rows.
    public let rowCount: Int
    /// For feature `i`, its index in `numericColumns` or `categoricalColumns`.
    let columnIndex: [Int]

    /// Checks that the parts fit together: as many kinds as names, unique
    /// names, one column per feature of each kind, columns of equal length,
    /// numeric values finite or `NaN`, categorical codes in
    /// `-1..<categories.count`, labels 0/1 and one per
    /// row (or none).
    public init(featureNames: [String], kinds: [FeatureKind], numericColumns: [[Double]],
                categoricalColumns: [[Int32]], labels: [UInt8]) throws(LearningError) {
        guard featureNames.count == kinds.count else {
            throw .shapeMismatch("\(featureNames.count) names but \(kinds.count) kinds")
        }
        var seen = Set<String>()
        for name in featureNames where !seen.insert(name).inserted {
            throw .shapeMismatch("feature \(name) appears twice")
        }
        var columnIndex: [Int] = []
        var numericCount = 0
        var categoricalCount = 0
        for kind in kinds {
            if kind.isNumeric {
                columnIndex.append(numericCount)
                numericCount += 1
            } else {
                columnIndex.append(categoricalCount)
                categoricalCount += 1
            }
        }
        guard numericColumns.count == numericCount else {
            throw .shapeMismatch("\(numericCount) numeric features but \(numericColumns.count) numeric columns")
        }
        guard categoricalColumns.count == categoricalCount else {
            throw .shapeMismatch("\(categoricalCount) categorical features but \(categoricalColumns.count) categorical columns")
        }
        let rows = numericColumns.first?.count ?? categoricalColumns.first?.count ?? labels.count
        for (index, name) in featureNames.enumerated() {
            let count = kinds[index].isNumeric ? numericColumns[columnIndex[index]].count : categoricalColumns[columnIndex[index]].count
            guard count == rows else {
                throw .shapeMismatch("feature \(name) has \(count) rows, expected \(rows)")
            }
            if kinds[index].isNumeric {
                for (row, value) in numericColumns[columnIndex[index]].enumerated() where value.isInfinite {
                    throw .infiniteValue(feature: name, row: row)
                }
            } else if case .categorical(let categories) = kinds[index] {
                let limit = Int32(clamping: categories.count)
                for (row, code) in categoricalColumns[columnIndex[index]].enumerated() where code < -1 || code >= limit {
                    throw .categoryCodeOutOfRange(feature: name, row: row, code: code)
                }
            }
        }
        guard labels.isEmpty || labels.count == rows else {
            throw .shapeMismatch("\(labels.count) labels for \(rows) rows")
        }
        for (row, label) in labels.enumerated() where label > 1 {
            throw .invalidLabel(row: row, value: label)
        }
        self.featureNames = featureNames
        self.kinds = kinds
        self.numericColumns = numericColumns
        self.categoricalColumns = categoricalColumns
        self.labels = labels
        self.rowCount = rows
        self.columnIndex = columnIndex
    }

    /// Whether every row has a label.
    public var isLabelled: Bool { !labels.isEmpty || rowCount == 0 }

    /// The index of the feature called `name`.
    public func featureIndex(named name: String) -> Int? {
        featureNames.firstIndex(of: name)
    }

    /// The numeric values of feature `index` (which must be numeric).
    public func numericValues(feature index: Int) -> [Double] {
        precondition(kinds[index].isNumeric, "feature \(featureNames[index]) is not numeric")
        return numericColumns[columnIndex[index]]
    }

    /// The category codes of feature `index` (which must be categorical).
    public func categoryCodes(feature index: Int) -> [Int32] {
        precondition(!kinds[index].isNumeric, "feature \(featureNames[index]) is not categorical")
        return categoricalColumns[columnIndex[index]]
    }

    /// The rows at `rows` (each in `0..<rowCount`), in the order given.
    public func subset(rows: [Int]) -> TrainingMatrix {
        func pick<T>(_ column: [T]) -> [T] {
            var result: [T] = []
            result.reserveCapacity(rows.count)
            for row in rows { result.append(column[row]) }
            return result
        }
        return TrainingMatrix(validated: featureNames, kinds: kinds,
                              numericColumns: numericColumns.map(pick),
                              categoricalColumns: categoricalColumns.map(pick),
                              labels: labels.isEmpty ? [] : pick(labels),
                              rowCount: rows.count, columnIndex: columnIndex)
    }

    /// The same rows without labels.
    public func withoutLabels() -> TrainingMatrix {
        TrainingMatrix(validated: featureNames, kinds: kinds, numericColumns: numericColumns,
                       categoricalColumns: categoricalColumns, labels: [], rowCount: rowCount, columnIndex: columnIndex)
    }

    private init(validated featureNames: [String], kinds: [FeatureKind], numericColumns: [[Double]],
                 categoricalColumns: [[Int32]], labels: [UInt8], rowCount: Int, columnIndex: [Int]) {
        self.featureNames = featureNames
        self.kinds = kinds
        self.numericColumns = numericColumns
        self.categoricalColumns = categoricalColumns
        self.labels = labels
        self.rowCount = rowCount
        self.columnIndex = columnIndex
    }

    public static func == (lhs: TrainingMatrix, rhs: TrainingMatrix) -> Bool {
        guard lhs.featureNames == rhs.featureNames, lhs.kinds == rhs.kinds, lhs.labels == rhs.labels,
              lhs.categoricalColumns == rhs.categoricalColumns, lhs.numericColumns.count == rhs.numericColumns.count
        else { return false }
        // Bitwise comparison so that missing values (NaN) compare equal.
        for (left, right) in zip(lhs.numericColumns, rhs.numericColumns) {
            guard left.count == right.count else { return false }
            for (a, b) in zip(left, right) where a.bitPattern != b.bitPattern { return false }
        }
        return true
    }
}
