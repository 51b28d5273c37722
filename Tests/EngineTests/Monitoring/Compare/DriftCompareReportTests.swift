import Foundation
import XCTest
@testable import Engine

/// `drift compare` on the SciPy reference sets and on small tables: kinds,
/// methods, missing values, the dataset verdict and the input errors.
final class DriftCompareReportTests: XCTestCase {
    private func table(_ set: String, _ file: String) throws -> CSVTable {
        try CSVTable.read(path: DriftReferenceData.directory(set).appendingPathComponent(file).path)
    }

    private func compare(_ reference: String, _ current: String, method: DriftMethod? = nil, categorical: [String] = []) throws -> DriftCompareReport {
        try DriftCompareReport.compare(reference: CSVTable.parse(reference, source: "reference.csv"),
                                       current: CSVTable.parse(current, source: "current.csv"), method: method, categorical: categorical)
    }

    private func error(_ reference: String, _ current: String, method: DriftMethod? = nil, categorical: [String] = []) -> String? {
        do {
            _ = try compare(reference, current, method: method, categorical: categorical)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    func testMixedSetAgreesWithSciPy() throws {
        let values = try DriftReferenceData.values("mixed_4k_6k")
        let columns = try XCTUnwrap(values["columns"] as? [String: [String: Any]])
        let reference = try table("mixed_4k_6k", "reference.csv"), current = try table("mixed_4k_6k", "current.csv")
        // Defaults: 4,000 and 6,000 values are a large window: PSI and JS.
        let report = try DriftCompareReport.compare(reference: reference, current: current)
        XCTAssertEqual(report.columns.map(\.name), ["amount", "score", "country"])
        XCTAssertEqual(report.columns.map(\.kind), ["numeric", "numeric", "categorical"])
        XCTAssertEqual(report.columns.map(\.method), [.psi, .psi, .jensenShannon])
        XCTAssertEqual(report.referenceRows, 4000)
        XCTAssertEqual(report.currentRows, 6000)
        for column in report.columns {
            let expected = try XCTUnwrap(columns[column.name])
            XCTAssertEqual(column.referenceCount, expected["n_ref"] as? Int)
            XCTAssertEqual(column.currentCount, expected["n_cur"] as? Int)
            let key = column.method == .psi ? "psi" : "js_distance"
            assertRelative(try XCTUnwrap(column.value), try DriftReferenceData.double(expected[key]), 1e-9, column.name)
            XCTAssertEqual(column.statistic, column.value)
            XCTAssertNil(column.pValue)
            XCTAssertEqual(column.thresholds, DriftThresholds(warn: 0.1, alert: 0.2))
            XCTAssertEqual(column.verdict, .ok, column.name)
        }
        XCTAssertEqual(report.dataset, DatasetDriftSummary(drifting: 0, watched: 3, threshold: 0.5, isDrifting: false))

        // --method ks on the numeric columns (country keeps JS); the p-values are far below 0.01: drift.
        let ks = try DriftCompareReport.compare(reference: reference, current: current, method: .ks)
        XCTAssertEqual(ks.columns.map(\.method), [.ks, .ks, .jensenShannon])
        for column in ks.columns.prefix(2) {
            let expected = try XCTUnwrap(columns[column.name])
            assertRelative(try XCTUnwrap(column.pValue), try DriftReferenceData.double(expected["ks_pvalue"]), 1e-6, column.name)
            assertRelative(try XCTUnwrap(column.statistic), try DriftReferenceData.double(expected["ks_statistic"]), 1e-9, column.name)
            XCTAssertEqual(column.verdict, .drift)
        }
        XCTAssertEqual(ks.dataset, DatasetDriftSummary(drifting: 2, watched: 3, threshold: 0.5, isDrifting: true))
        XCTAssertEqual(ks.forcedMethod, .ks)

        // chi_square applies to the categorical column only.
        let chi = try DriftCompareReport.compare(reference: reference, current: current, method: .chiSquare)
        XCTAssertEqual(chi.columns.map(\.method), [.psi, .psi, .chiSquare])
        let country = try XCTUnwrap(columns["country"])
        assertRelative(try XCTUnwrap(chi.columns[2].pValue), try DriftReferenceData.double(country["chi2_pvalue"]), 1e-6, "country")
        assertRelative(try XCTUnwrap(chi.columns[2].statistic), try DriftReferenceData.double(country["chi2_statistic"]), 1e-9, "country")

        // Wasserstein: the normalised distance is compared; the raw one is kept.
        let wasserstein = try DriftCompareReport.compare(reference: reference, current: current, method: .wasserstein)
        let amount = try XCTUnwrap(columns["amount"])
        assertRelative(try XCTUnwrap(wasserstein.columns[0].value), try DriftReferenceData.double(amount["wasserstein_normed"]), 1e-9, "amount")
        assertRelative(try XCTUnwrap(wasserstein.columns[0].rawDistance), try DriftReferenceData.double(amount["wasserstein"]), 1e-9, "amount")
        XCTAssertEqual(wasserstein.columns[0].verdict, .drift, "0.31 normalised is past 0.2")
    }

    func testNoDriftSetIsNotCalledDrift() throws {
        let reference = try table("no_drift_20k_25k", "reference.csv"), current = try table("no_drift_20k_25k", "current.csv")
        for method in [nil, DriftMethod.psi, .ks, .wasserstein, .jensenShannon] {
            let report = try DriftCompareReport.compare(reference: reference, current: current, method: method)
            XCTAssertFalse(report.dataset.isDrifting, "\(String(describing: method))")
            XCTAssertTrue(report.columns.allSatisfy { $0.verdict == .ok }, "\(String(describing: method)): \(report.columns)")
            XCTAssertEqual(report.columns.first?.referenceCount, 20000)
            XCTAssertEqual(report.columns.first?.currentCount, 25000)
        }
    }

    func testKindsMissingValuesAndSmallSamples() throws {
        let reference = "n,c,code\n" + (0..<40).map { "\($0),\($0 % 2 == 0 ? "x" : "y"),\($0 % 3)" }.joined(separator: "\n") + "\n,,\n"
        let current = "code,n,c\n" + (0..<40).map { "\($0 % 3),\($0 + 5),\($0 % 4 == 0 ? "x" : "y")" }.joined(separator: "\n") + "\n1,,\n"
        let report = try compare(reference, current, categorical: ["code"])
        XCTAssertEqual(report.columns.map(\.name), ["n", "c", "code"], "the reference's order")
        XCTAssertEqual(report.columns.map(\.kind), ["numeric", "categorical", "categorical"])
        XCTAssertEqual(report.columns.map(\.declared), [false, false, true])
        XCTAssertEqual(report.columns.map(\.method), [.ks, .chiSquare, .chiSquare], "small samples: p-value tests")
        XCTAssertEqual(report.columns.map(\.referenceMissing), [1, 1, 1])
        XCTAssertEqual(report.columns.map(\.currentMissing), [1, 1, 0])
        XCTAssertEqual(report.columns.map(\.referenceCount), [40, 40, 40])
        XCTAssertEqual(report.columns.map(\.currentCount), [40, 40, 41])
        // Under 30 values a side: insufficient, not counted in the dataset verdict.
        let tiny = try compare("v\n1\n2\n3\n", "v\n1\n2\n")
        XCTAssertEqual(tiny.columns.first?.verdict, .insufficient)
        XCTAssertNil(tiny.columns.first?.value)
        XCTAssertEqual(tiny.dataset.watched, 0)
    }

    func testMixedNumbersAndTextInOneColumn() {
        let numbers = "a\n" + (1...40).map(String.init).joined(separator: "\n") + "\n"
        let mixed = "a\n1\n2\nthree\n4\n"
        XCTAssertEqual(error(numbers, mixed),
                       "current.csv:4: column 'a': 'three' is not a number, but every value of the column in reference.csv is; "
                        + "expected a number (or --categorical a to compare the values as categories)")
        XCTAssertEqual(error(mixed, numbers)?.hasPrefix("reference.csv:4: column 'a': 'three' is not a number"), true)
        XCTAssertNil(error(numbers, mixed, categorical: ["a"]))
        // inf and nan are not finite numbers.
        XCTAssertEqual(error(numbers, "a\ninf\n")?.hasPrefix("current.csv:2: column 'a': 'inf' is not a number"), true)
    }

    func testHeadersMustMatch() {
        XCTAssertEqual(error("a,b\n1,2\n", "a,c\n1,2\n"),
                       "current.csv:1: the header does not match reference.csv: no column 'b' of reference.csv; column 'c' not in reference.csv; "
                        + "expected the same columns in both files")
        XCTAssertEqual(error("a,b\n1,2\n", "a\n1\n"),
                       "current.csv:1: the header does not match reference.csv: no column 'b' of reference.csv; expected the same columns in both files")
    }

    func testOptions() {
        XCTAssertEqual(error("a\n1\n", "a\n1\n", categorical: ["b"]), "--categorical b: no such column; the columns are a")
        XCTAssertEqual(error("amount\n1\n", "amount\n1\n", categorical: ["amout"]),
                       "--categorical amout: no such column; did you mean 'amount'? the columns are amount")
        XCTAssertEqual(error("c\nx\n", "c\ny\n", method: .psi),
                       "--method psi applies only to numeric columns, and there is none (reference.csv:2: 'x' in column 'c' is not a number); "
                        + "expected another --method or none")
        XCTAssertEqual(error("v\n1\n", "v\n2\n", method: .chiSquare),
                       "--method chi_square applies only to categorical columns, and there is none; expected another --method or none")
    }
}
