import Foundation

/// `flightdeck drift compare`: the drift of every column between a
/// reference and a current CSV table, with the methods, defaults and
/// thresholds of the monitors (``FeatureDriftEvaluator``), then the dataset
/// verdict (at least half of the columns in drift).
public struct DriftCompareReport: Sendable, Hashable, Codable {
    /// The file names as given.
    public var reference: String
    public var current: String
    public var referenceRows: Int
    public var currentRows: Int
    /// The method forced with `--method`, if any.
    public var forcedMethod: DriftMethod?
    /// In the reference file's column order.
    public var columns: [DriftCompareColumn]
    public var dataset: DatasetDriftSummary

    /// The share of drifting columns from which the dataset drifts.
    public static let datasetShare = 0.5

    public init(reference: String, current: String, referenceRows: Int, currentRows: Int, forcedMethod: DriftMethod?,
                columns: [DriftCompareColumn], dataset: DatasetDriftSummary) {
        self.reference = reference
        self.current = current
        self.referenceRows = referenceRows
        self.currentRows = currentRows
        self.forcedMethod = forcedMethod
        self.columns = columns
        self.dataset = dataset
    }
}

/// One column's result.
public struct DriftCompareColumn: Sendable, Hashable, Codable {
    public var name: String
    /// `numeric` or `categorical`.
    public var kind: String
    /// Whether `--categorical` declared it (rather than detection).
    public var declared: Bool
    public var method: DriftMethod
    /// The value compared with the thresholds: the p-value of `ks` and
    /// `chi_square`, the distance of the others; nil when insufficient.
    public var value: Double?
    /// The test statistic: KS D or chi-square for p-value tests, else the
    /// distance itself (for Wasserstein, the normalised one).
    public var statistic: Double?
    /// The p-value of `ks` and `chi_square`.
    public var pValue: Double?
    /// Wasserstein in the column's own unit.
    public var rawDistance: Double?
    /// Non-missing values compared on each side.
    public var referenceCount: Int
    public var currentCount: Int
    /// Empty cells left out on each side.
    public var referenceMissing: Int
    public var currentMissing: Int
    public var thresholds: DriftThresholds
    public var verdict: DriftState
    public var note: String?

    public init(name: String, kind: String, declared: Bool, method: DriftMethod, value: Double?, statistic: Double?, pValue: Double?,
                rawDistance: Double?, referenceCount: Int, currentCount: Int, referenceMissing: Int, currentMissing: Int,
                thresholds: DriftThresholds, verdict: DriftState, note: String?) {
        self.name = name
        self.kind = kind
        self.declared = declared
        self.method = method
        self.value = value
        self.statistic = statistic
        self.pValue = pValue
        self.rawDistance = rawDistance
        self.referenceCount = referenceCount
        self.currentCount = currentCount
        self.referenceMissing = referenceMissing
        self.currentMissing = currentMissing
        self.thresholds = thresholds
        self.verdict = verdict
        self.note = note
    }
}

extension DriftCompareReport {
    /// Compares two tables. Columns are matched by name (the current file
    /// may order them differently); a column is numeric when every
    /// non-empty cell on both sides is a finite number, categorical when
    /// declared in `categorical` or when neither side is all numbers. A
    /// column whose cells are all numbers on one side but not on the other
    /// is an error at the first non-number. `method` forces one method on
    /// every column it applies to (the others keep the defaults); it is an
    /// error when it applies to none.
    public static func compare(reference: CSVTable, current: CSVTable, method: DriftMethod? = nil, categorical: [String] = [],
                               evaluator: FeatureDriftEvaluator = FeatureDriftEvaluator()) throws(DriftCompareError) -> DriftCompareReport {
        try checkHeaders(reference, current)
        for name in categorical where !reference.header.contains(name) {
            let hint = DidYouMean.suggestion(for: name, among: reference.header).map { "did you mean '\($0)'? " } ?? ""
            throw DriftCompareError(file: nil, line: nil,
                                    message: "--categorical \(name): no such column; \(hint)the columns are \(reference.header.joined(separator: ", "))")
        }
        var prepared: [PreparedColumn] = []
        for (index, name) in reference.header.enumerated() {
            let currentIndex = current.header.firstIndex(of: name) ?? index
            prepared.append(try PreparedColumn(name: name, declared: categorical.contains(name),
                                               reference: Side(table: reference, column: index),
                                               current: Side(table: current, column: currentIndex)))
        }
        if let method {
            let applies = prepared.contains { $0.isCategorical ? method.appliesToCategorical : method.appliesToNumeric }
            if !applies {
                let kind = method.appliesToNumeric ? "numeric" : "categorical"
                var message = "--method \(method.rawValue) applies only to \(kind) columns, and there is none"
                if let example = prepared.lazy.compactMap(\.firstNonNumber).first {
                    message += " (\(example.file):\(example.line): '\(example.text)' in column '\(example.column)' is not a number)"
                }
                throw DriftCompareError(file: nil, line: nil, message: message + "; expected another --method or none")
            }
        }
        var columns: [DriftCompareColumn] = []
        var summaries: [FeatureDriftSummary] = []
        for column in prepared {
            let applies = method.map { column.isCategorical ? $0.appliesToCategorical : $0.appliesToNumeric } ?? false
            let spec = applies ? FeatureDriftSpec(feature: column.name, method: method) : nil
            let summary: FeatureDriftSummary
            do {
                if column.isCategorical {
                    let categories = Array(Set(column.reference.values + column.current.values)).sorted()
                    summary = try evaluator.evaluate(feature: column.name, categories: categories,
                                                     referenceCounts: counts(column.reference.values, categories),
                                                     currentCounts: counts(column.current.values, categories), spec: spec)
                } else {
                    summary = try evaluator.evaluate(feature: column.name, reference: SortedSample(column.reference.values.compactMap(Double.init)),
                                                     current: SortedSample(column.current.values.compactMap(Double.init)), spec: spec)
                }
            } catch {
                throw DriftCompareError(file: nil, line: nil, message: error.description)
            }
            summaries.append(summary)
            let isPValue = summary.method.isPValueTest
            columns.append(DriftCompareColumn(
                name: column.name, kind: column.isCategorical ? "categorical" : "numeric", declared: column.declared, method: summary.method,
                value: summary.value, statistic: isPValue ? summary.statistic : summary.value, pValue: isPValue ? summary.value : nil,
                rawDistance: summary.rawDistance, referenceCount: summary.referenceCount, currentCount: summary.currentCount,
                referenceMissing: column.reference.missing, currentMissing: column.current.missing, thresholds: summary.thresholds,
                verdict: summary.state, note: summary.note))
        }
        return DriftCompareReport(reference: reference.source, current: current.source, referenceRows: reference.rows.count,
                                  currentRows: current.rows.count, forcedMethod: method, columns: columns,
                                  dataset: evaluator.datasetDrift(summaries, share: datasetShare))
    }

    /// The same column names on both sides, each once (duplicates within a
    /// file are reported by ``CSVTable``).
    private static func checkHeaders(_ reference: CSVTable, _ current: CSVTable) throws(DriftCompareError) {
        let missing = reference.header.filter { !current.header.contains($0) }
        let extra = current.header.filter { !reference.header.contains($0) }
        guard missing.isEmpty, extra.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("no column \(missing.map { "'\($0)'" }.joined(separator: ", ")) of \(reference.source)") }
            if !extra.isEmpty { parts.append("column \(extra.map { "'\($0)'" }.joined(separator: ", ")) not in \(reference.source)") }
            throw DriftCompareError(file: current.source, line: 1,
                                    message: "the header does not match \(reference.source): \(parts.joined(separator: "; ")); expected the same columns in both files")
        }
    }

    private static func counts(_ values: [String], _ categories: [String]) -> [Int] {
        var index: [String: Int] = [:]  // lookups only
        for (position, category) in categories.enumerated() { index[category] = position }
        var counts = Array(repeating: 0, count: categories.count)
        for value in values { if let position = index[value] { counts[position] += 1 } }
        return counts
    }

    /// One side of one column: its non-empty cells and where the first
    /// non-number is.
    private struct Side {
        var values: [String] = []
        var missing = 0
        var firstNonNumber: (line: Int, text: String)?
        var file: String

        init(table: CSVTable, column: Int) {
            file = table.source
            for (row, line) in zip(table.rows, table.rowLines) {
                let cell = row[column]
                if cell.isEmpty {
                    missing += 1
                    continue
                }
                values.append(cell)
                if firstNonNumber == nil, !(Double(cell)?.isFinite ?? false) { firstNonNumber = (line, cell) }
            }
        }
    }

    private struct PreparedColumn {
        var name: String
        var declared: Bool
        var reference: Side
        var current: Side
        var isCategorical: Bool

        init(name: String, declared: Bool, reference: Side, current: Side) throws(DriftCompareError) {
            self.name = name
            self.declared = declared
            self.reference = reference
            self.current = current
            switch (reference.firstNonNumber, current.firstNonNumber) {
            case (nil, nil):
                isCategorical = declared
            case (.some, .some):
                isCategorical = true
            case (nil, .some(let bad)):
                guard declared else { throw Self.mixed(name, bad, file: current.file, numericSide: reference.file) }
                isCategorical = true
            case (.some(let bad), nil):
                guard declared else { throw Self.mixed(name, bad, file: reference.file, numericSide: current.file) }
                isCategorical = true
            }
        }

        var firstNonNumber: (file: String, line: Int, text: String, column: String)? {
            if let bad = reference.firstNonNumber { return (reference.file, bad.line, bad.text, name) }
            if let bad = current.firstNonNumber { return (current.file, bad.line, bad.text, name) }
            return nil
        }

        static func mixed(_ name: String, _ bad: (line: Int, text: String), file: String, numericSide: String) -> DriftCompareError {
            DriftCompareError(file: file, line: bad.line,
                              message: "column '\(name)': '\(bad.text)' is not a number, but every value of the column in \(numericSide) is; "
                                + "expected a number (or --categorical \(name) to compare the values as categories)")
        }
    }
}
