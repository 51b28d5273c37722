import Foundation

/// The text of `flightdeck drift compare`: a line naming the files, one
/// table row per column, then the dataset verdict. Cells hold text from
/// the files (column names), which the command sanitizes before printing.
extension DriftCompareReport {
    /// The table's header.
    public static let tableHeader = ["column", "kind", "method", "statistic", "p-value", "n ref", "n cur", "missing", "threshold", "verdict", "note"]

    /// `reference.csv (4,000 rows) vs current.csv (6,000 rows)`, plus the forced method.
    public var titleLine: String {
        "\(reference) (\(groupedInteger(referenceRows)) rows) vs \(current) (\(groupedInteger(currentRows)) rows)"
            + (forcedMethod.map { ", --method \($0.rawValue)" } ?? "")
    }

    /// The header and one row per column.
    public var tableRows: [[String]] {
        [Self.tableHeader] + columns.map { column in
            let kind = column.kind + (column.declared ? " (declared)" : "")
            let missing = column.referenceMissing + column.currentMissing == 0 ? "-"
                : "\(groupedInteger(column.referenceMissing)) / \(groupedInteger(column.currentMissing))"
            let thresholds = column.method.isPValueTest
                ? "p < \(Self.number(column.thresholds.alert)) (warn \(Self.number(column.thresholds.warn)))"
                : ">= \(Self.number(column.thresholds.alert)) (warn \(Self.number(column.thresholds.warn)))"
            return [column.name, kind, column.method.rawValue, column.statistic.map(Self.number) ?? "-", column.pValue.map(Self.number) ?? "-",
                    groupedInteger(column.referenceCount), groupedInteger(column.currentCount), missing, thresholds, column.verdict.rawValue,
                    column.note ?? ""]
        }
    }

    /// `dataset: drift (2 of 3 columns drifting, 67% >= 50%)`.
    public var datasetLine: String {
        let verdict = dataset.isDrifting ? "drift" : "no drift"
        let comparison = dataset.isDrifting ? ">=" : "<"
        let columns = dataset.watched == 1 ? "column" : "columns"
        let insufficient = self.columns.count - dataset.watched
        return "dataset: \(verdict) (\(dataset.drifting) of \(dataset.watched) \(columns) drifting, "
            + "\(NumberText.percent(dataset.share)) \(comparison) \(NumberText.percent(dataset.threshold)))"
            + (insufficient > 0 ? "; \(insufficient) with too few values" : "")
    }

    /// At most four decimals; below 0.0001 three significant digits in
    /// scientific notation (`4.02e-20`), without `String(format:)`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return NumberText.format(value) }
        guard abs(value) < 1e-4 else { return NumberText.format(value, decimals: 4) }
        var exponent = 0
        var mantissa = abs(value)
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        mantissa = (mantissa * 100).rounded() / 100
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        return (value < 0 ? "-" : "") + NumberText.format(mantissa, decimals: 2) + "e\(exponent)"
    }
}
