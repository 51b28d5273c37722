import XCTest
@testable import Engine

/// The text of `drift compare`: title, table rows and the dataset line; and its JSON round trip.
final class DriftCompareTextTests: XCTestCase {
    private func report() throws -> DriftCompareReport {
        let reference = "x,kind\n" + (0..<200).map { "\($0),\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: "\n") + "\n,a\n"
        let current = "x,kind\n" + (0..<200).map { "\($0 + 100),\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: "\n") + "\n"
        return try DriftCompareReport.compare(reference: CSVTable.parse(reference, source: "ref.csv"), current: CSVTable.parse(current, source: "cur.csv"))
    }

    func testRows() throws {
        let report = try report()
        XCTAssertEqual(report.titleLine, "ref.csv (201 rows) vs cur.csv (200 rows)")
        let rows = report.tableRows
        XCTAssertEqual(rows.first, DriftCompareReport.tableHeader)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1][0...2], ["x", "numeric", "ks"])
        XCTAssertEqual(rows[1][5...10], ["200", "200", "1 / 0", "p < 0.01 (warn 0.05)", "drift", ""])
        XCTAssertTrue(rows[1][4].contains("e-"), "a tiny p-value in scientific notation: \(rows[1][4])")
        XCTAssertEqual(rows[1][3], "0.5", "KS D: half the values shifted past the reference")
        XCTAssertEqual(rows[2][0...2], ["kind", "categorical", "chi_square"])
        XCTAssertEqual(rows[2][4], "0.9603", "101 a / 100 b against 100 / 100")
        XCTAssertEqual(rows[2][7...9], ["-", "p < 0.01 (warn 0.05)", "ok"], "the extra row's kind is not missing")
        XCTAssertEqual(report.datasetLine, "dataset: drift (1 of 2 columns drifting, 50% >= 50%)")
    }

    func testNumbersAndDatasetLineVariants() {
        XCTAssertEqual(DriftCompareReport.number(4.018127334505908e-20), "4.02e-20")
        XCTAssertEqual(DriftCompareReport.number(0.0000999999), "1e-4")
        XCTAssertEqual(DriftCompareReport.number(0.06258215277807681), "0.0626")
        XCTAssertEqual(DriftCompareReport.number(0), "0")
        var report = DriftCompareReport(reference: "a", current: "b", referenceRows: 1, currentRows: 1, forcedMethod: .psi, columns: [],
                                        dataset: DatasetDriftSummary(drifting: 0, watched: 1, threshold: 0.5, isDrifting: false))
        XCTAssertEqual(report.datasetLine, "dataset: no drift (0 of 1 column drifting, 0% < 50%)")
        XCTAssertEqual(report.titleLine, "a (1 rows) vs b (1 rows), --method psi")
        report.dataset.watched = 0
        XCTAssertEqual(report.datasetLine, "dataset: no drift (0 of 0 columns drifting, 0% < 50%)")
    }

    func testJSONRoundTrip() throws {
        let report = try report()
        let data = try JSONEncoder().encode(report)
        XCTAssertEqual(try JSONDecoder().decode(DriftCompareReport.self, from: data), report)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["reference", "current", "referenceRows", "currentRows", "columns", "dataset"])
    }
}
