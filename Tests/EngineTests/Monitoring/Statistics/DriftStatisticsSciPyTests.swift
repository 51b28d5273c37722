import XCTest
@testable import Engine

/// The drift statistics against SciPy 1.17.1 / NumPy 2.4.6 on the shared
/// reference sets: statistics to 1e-9 relative, p-values to 1e-6 relative,
/// bin edges and counts exactly.
final class DriftStatisticsSciPyTests: XCTestCase {
    private let statisticTolerance = 1e-9
    private let pValueTolerance = 1e-6

    // MARK: normal_10k

    func testNormal10kAllStatistics() throws {
        let reference = SortedSample(try DriftReferenceData.float64s("normal_10k", "ref.f64"))
        let current = SortedSample(try DriftReferenceData.float64s("normal_10k", "cur.f64"))
        XCTAssertEqual(reference.count, 10_000)
        XCTAssertEqual(current.count, 10_000)
        let json = try DriftReferenceData.values("normal_10k")
        let expected = try XCTUnwrap(json["values_repr"] as? [String: Any])

        let report = DriftStatistics.numeric(reference, current)
        XCTAssertTrue(report.ks.isExact, "10,000 vs 10,000 takes the exact p-value")
        assertRelative(report.ks.statistic, try DriftReferenceData.double(expected["ks_statistic"]), statisticTolerance, "KS D")
        assertRelative(report.ks.pValue, try DriftReferenceData.double(expected["ks_pvalue"]), pValueTolerance, "KS p")
        assertRelative(report.psi.value, try DriftReferenceData.double(expected["psi"]), statisticTolerance, "PSI")
        assertRelative(report.wasserstein.distance, try DriftReferenceData.double(expected["wasserstein"]), statisticTolerance, "Wasserstein")
        assertRelative(report.wasserstein.normalised, report.wasserstein.distance / reference.populationStandardDeviation, 1e-15, "normalised")
        assertRelative(report.jensenShannon.value, try DriftReferenceData.double(expected["js_distance_ln"]), statisticTolerance, "JS")

        // The same values from the single-statistic entry points.
        XCTAssertEqual(DriftStatistics.ks(reference, current), report.ks)
        XCTAssertEqual(DriftStatistics.psi(reference, current), report.psi)
        XCTAssertEqual(DriftStatistics.wasserstein(reference, current), report.wasserstein)
        XCTAssertEqual(DriftStatistics.jensenShannon(reference, current), report.jensenShannon)

        // SciPy's asymptotic p-value for the same D (method='asymp').
        let asymptotic = KolmogorovSmirnovDistribution.kolmogorov(n: 5000, x: report.ks.statistic, cdf: false)
        assertRelative(asymptotic, try DriftReferenceData.double(expected["ks_pvalue_asymp"]), pValueTolerance, "KS asymptotic p")
    }

    func testNormal10kIntermediateBinsExactly() throws {
        let reference = SortedSample(try DriftReferenceData.float64s("normal_10k", "ref.f64"))
        let current = SortedSample(try DriftReferenceData.float64s("normal_10k", "cur.f64"))
        let json = try DriftReferenceData.values("normal_10k")
        let psiExpected = try XCTUnwrap(json["psi_intermediates"] as? [String: Any])
        let psi = DriftStatistics.psi(reference, current)
        XCTAssertEqual(psi.edges, try DriftReferenceData.doubles(psiExpected["inner_edges"]))
        XCTAssertEqual(psi.referenceCounts, try DriftReferenceData.ints(psiExpected["ref_counts"]))
        XCTAssertEqual(psi.currentCounts, try DriftReferenceData.ints(psiExpected["cur_counts"]))

        let jsExpected = try XCTUnwrap(json["js_intermediates"] as? [String: Any])
        let js = DriftStatistics.jensenShannon(reference, current)
        XCTAssertEqual(js.edges, try DriftReferenceData.doubles(jsExpected["edges"]))
        XCTAssertEqual(js.referenceCounts, try DriftReferenceData.ints(jsExpected["ref_counts"]))
        XCTAssertEqual(js.currentCounts, try DriftReferenceData.ints(jsExpected["cur_counts"]))
    }

    // MARK: mixed_4k_6k

    func testMixedNumericColumns() throws {
        let reference = try DriftReferenceData.csvColumns("mixed_4k_6k", "reference.csv")
        let current = try DriftReferenceData.csvColumns("mixed_4k_6k", "current.csv")
        let columns = try XCTUnwrap(DriftReferenceData.values("mixed_4k_6k")["columns"] as? [String: Any])
        for name in ["amount", "score"] {
            let expected = try XCTUnwrap(columns[name] as? [String: Any])
            let r = SortedSample(try DriftReferenceData.numbers(reference[name]))
            let c = SortedSample(try DriftReferenceData.numbers(current[name]))
            XCTAssertEqual(r.count, (expected["n_ref"] as? NSNumber)?.intValue)
            XCTAssertEqual(c.count, (expected["n_cur"] as? NSNumber)?.intValue)
            let report = DriftStatistics.numeric(r, c)
            XCTAssertTrue(report.ks.isExact, name)
            assertRelative(report.ks.statistic, try DriftReferenceData.double(expected["ks_statistic"]), statisticTolerance, "\(name) KS D")
            assertRelative(report.ks.pValue, try DriftReferenceData.double(expected["ks_pvalue"]), pValueTolerance, "\(name) KS p")
            assertRelative(report.psi.value, try DriftReferenceData.double(expected["psi"]), statisticTolerance, "\(name) PSI")
            assertRelative(report.wasserstein.distance, try DriftReferenceData.double(expected["wasserstein"]), statisticTolerance,
                           "\(name) Wasserstein")
            assertRelative(report.wasserstein.normalised, try DriftReferenceData.double(expected["wasserstein_normed"]), statisticTolerance,
                           "\(name) Wasserstein normalised")
            assertRelative(report.jensenShannon.value, try DriftReferenceData.double(expected["js_distance"]), statisticTolerance, "\(name) JS")
        }
    }

    func testMixedCategoricalColumn() throws {
        let reference = try DriftReferenceData.csvColumns("mixed_4k_6k", "reference.csv")
        let current = try DriftReferenceData.csvColumns("mixed_4k_6k", "current.csv")
        let columns = try XCTUnwrap(DriftReferenceData.values("mixed_4k_6k")["columns"] as? [String: Any])
        let expected = try XCTUnwrap(columns["country"] as? [String: Any])
        let referenceValues = try XCTUnwrap(reference["country"])
        let currentValues = try XCTUnwrap(current["country"])
        let categories = Set(referenceValues + currentValues).sorted()
        XCTAssertEqual(categories, try XCTUnwrap(expected["categories"] as? [String]))
        let referenceCounts = categories.map { category in referenceValues.filter { $0 == category }.count }
        let currentCounts = categories.map { category in currentValues.filter { $0 == category }.count }
        XCTAssertEqual(referenceCounts, try DriftReferenceData.ints(expected["ref_counts"]))
        XCTAssertEqual(currentCounts, try DriftReferenceData.ints(expected["cur_counts"]))

        let test = DriftStatistics.chiSquare(referenceCounts: referenceCounts, currentCounts: currentCounts)
        assertRelative(test.statistic, try DriftReferenceData.double(expected["chi2_statistic"]), statisticTolerance, "chi-square")
        assertRelative(test.pValue, try DriftReferenceData.double(expected["chi2_pvalue"]), 1e-10, "chi-square p")
        XCTAssertEqual(test.degreesOfFreedom, (expected["chi2_dof"] as? NSNumber)?.intValue)
        let js = DriftStatistics.jensenShannon(referenceCounts: referenceCounts, currentCounts: currentCounts)
        assertRelative(js, try DriftReferenceData.double(expected["js_distance"]), statisticTolerance, "categorical JS")
    }

    // MARK: no_drift_20k_25k

    func testNoDriftLargeSamplesUseTheAsymptoticPValue() throws {
        let reference = SortedSample(try DriftReferenceData.numbers(DriftReferenceData.csvColumns("no_drift_20k_25k", "reference.csv")["x"]))
        let current = SortedSample(try DriftReferenceData.numbers(DriftReferenceData.csvColumns("no_drift_20k_25k", "current.csv")["x"]))
        let columns = try XCTUnwrap(DriftReferenceData.values("no_drift_20k_25k")["columns"] as? [String: Any])
        let expected = try XCTUnwrap(columns["x"] as? [String: Any])
        XCTAssertEqual(reference.count, 20_000)
        XCTAssertEqual(current.count, 25_000)
        let report = DriftStatistics.numeric(reference, current)
        XCTAssertFalse(report.ks.isExact, "above 10,000 values SciPy's auto method is asymptotic")
        assertRelative(report.ks.statistic, try DriftReferenceData.double(expected["ks_statistic"]), statisticTolerance, "KS D")
        assertRelative(report.ks.pValue, try DriftReferenceData.double(expected["ks_pvalue"]), pValueTolerance, "KS p")
        assertRelative(report.psi.value, try DriftReferenceData.double(expected["psi"]), statisticTolerance, "PSI")
        assertRelative(report.wasserstein.distance, try DriftReferenceData.double(expected["wasserstein"]), statisticTolerance, "Wasserstein")
        assertRelative(report.wasserstein.normalised, try DriftReferenceData.double(expected["wasserstein_normed"]), statisticTolerance,
                       "Wasserstein normalised")
        assertRelative(report.jensenShannon.value, try DriftReferenceData.double(expected["js_distance"]), statisticTolerance, "JS")
    }
}
