import Foundation
import XCTest
import SimKernel
@testable import Engine

/// Properties every drift statistic must have, whatever SciPy says:
/// identical samples give no drift, ties and tiny samples behave, bins put
/// edge values in the upper bin.
final class DriftStatisticsPropertyTests: XCTestCase {
    private func normals(_ count: Int, mean: Double = 0, sd: Double = 1, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in Sampling.normal(mean: mean, standardDeviation: sd, using: &generator) }
    }

    func testIdenticalSamplesShowNoDrift() {
        for count in [5, 300, 12_000] {
            let values = normals(count, seed: UInt64(count))
            let report = DriftStatistics.numeric(SortedSample(values), SortedSample(values.reversed()))
            XCTAssertEqual(report.ks.statistic, 0, "\(count)")
            XCTAssertEqual(report.ks.pValue, 1, "\(count)")
            XCTAssertEqual(report.psi.value, 0, "\(count)")
            XCTAssertEqual(report.psi.referenceCounts, report.psi.currentCounts)
            XCTAssertEqual(report.wasserstein.distance, 0, "\(count)")
            XCTAssertEqual(report.wasserstein.normalised, 0, "\(count)")
            XCTAssertEqual(report.jensenShannon.value, 0, "\(count)")
        }
        let chi = DriftStatistics.chiSquare(referenceCounts: [10, 20, 30], currentCounts: [20, 40, 60])
        XCTAssertEqual(chi.statistic, 0)
        XCTAssertEqual(chi.pValue, 1)
        XCTAssertEqual(chi.degreesOfFreedom, 2)
        XCTAssertEqual(DriftStatistics.jensenShannon(referenceCounts: [10, 20, 30], currentCounts: [20, 40, 60]), 0)
    }

    func testKSIsSymmetricAndShiftsAreSeen() {
        let a = SortedSample(normals(3000, seed: 1))
        let b = SortedSample(normals(2000, mean: 0.3, seed: 2))
        let ab = DriftStatistics.ks(a, b)
        let ba = DriftStatistics.ks(b, a)
        XCTAssertEqual(ab.statistic, ba.statistic)
        assertRelative(ab.pValue, ba.pValue, 1e-12, "symmetric p")
        XCTAssertLessThan(ab.pValue, 1e-10)
        XCTAssertGreaterThan(ab.statistic, 0.08)
    }

    func testWassersteinOfAShiftIsTheShift() {
        let values = normals(5000, seed: 3)
        let shifted = values.map { $0 + 2.5 }
        let result = DriftStatistics.wasserstein(SortedSample(values), SortedSample(shifted))
        assertRelative(result.distance, 2.5, 1e-9, "shift")
        assertRelative(result.normalised, 2.5 / SortedSample(values).populationStandardDeviation, 1e-9, "normalised")
    }

    func testWassersteinNormalisedStaysFiniteForConstantReferences() {
        let constant = SortedSample([Double](repeating: 4, count: 50))
        let same = DriftStatistics.wasserstein(constant, constant)
        XCTAssertEqual(same.distance, 0)
        XCTAssertEqual(same.normalised, 0)
        let other = SortedSample([Double](repeating: 5, count: 50))
        let moved = DriftStatistics.wasserstein(constant, other)
        XCTAssertEqual(moved.distance, 1)
        XCTAssertEqual(moved.normalised, 1, "both constant: the raw distance")
        let spread = SortedSample([3, 5, 3, 5])
        let toSpread = DriftStatistics.wasserstein(constant, spread)
        XCTAssertEqual(toSpread.distance, 1)
        XCTAssertEqual(toSpread.normalised, 1, "divided by the current sd (1)")
        XCTAssertTrue(toSpread.normalised.isFinite)
    }

    func testTinySamples() {
        // SciPy: ks_2samp([0], [1]) = (1, 1.0); ks_2samp([0, 1, 2], [5, 6]) = (1, 0.2).
        let one = DriftStatistics.ks(SortedSample([0]), SortedSample([1]))
        XCTAssertEqual(one.statistic, 1)
        XCTAssertEqual(one.pValue, 1)
        let few = DriftStatistics.ks(SortedSample([0, 1, 2]), SortedSample([5, 6]))
        XCTAssertEqual(few.statistic, 1)
        assertRelative(few.pValue, 0.2, 1e-12, "3 vs 2")
        XCTAssertEqual(DriftStatistics.wasserstein(SortedSample([0]), SortedSample([1])).distance, 1)
        // One value on both sides: NumPy's histogram spans [v - 0.5, v + 0.5].
        let js = DriftStatistics.jensenShannon(SortedSample([7]), SortedSample([7]))
        XCTAssertEqual(js.edges.first, 6.5)
        XCTAssertEqual(js.edges.last, 7.5)
        XCTAssertEqual(js.value, 0)
        XCTAssertEqual(js.referenceCounts.reduce(0, +), 1)
    }

    func testPSIPutsEdgeValuesInTheUpperBin() {
        // Reference 0...100: NumPy's deciles are 10, 20, 30.000000000000004, ...
        // (the probabilities come from linspace), so 30 and 60 fall below their edges.
        let reference = SortedSample((0...100).map(Double.init))
        let current = SortedSample([5, 10, 10, 20, 89.999, 90, 100])
        let psi = DriftStatistics.psi(reference, current)
        XCTAssertEqual(psi.edges, [10, 20, 30.000000000000004, 40, 50, 60.00000000000001, 70, 80, 90])
        XCTAssertEqual(psi.currentCounts, [1, 2, 1, 0, 0, 0, 0, 0, 1, 2])
        XCTAssertEqual(psi.referenceCounts, [10, 10, 11, 9, 10, 11, 9, 10, 10, 11])
        // Empty bins are floored at 1e-4: every term is finite.
        XCTAssertTrue(psi.value.isFinite)
        XCTAssertGreaterThan(psi.value, 0)
    }

    func testJensenShannonOfDisjointHistogramsIsTheMaximum() {
        let value = DriftStatistics.jensenShannon(referenceCounts: [5, 0], currentCounts: [0, 7])
        assertRelative(value, log(2.0).squareRoot(), 1e-15, "disjoint")
        XCTAssertEqual(DriftStatistics.jensenShannon(referenceCounts: [0, 0], currentCounts: [0, 0]), 0)
    }

    func testChiSquareDropsCategoriesEmptyOnBothSides() {
        let withEmpty = DriftStatistics.chiSquare(referenceCounts: [10, 0, 20, 0], currentCounts: [15, 0, 25, 0])
        let without = DriftStatistics.chiSquare(referenceCounts: [10, 20], currentCounts: [15, 25])
        XCTAssertEqual(withEmpty, without)
        XCTAssertEqual(without.degreesOfFreedom, 1)
        // A category present on one side only is kept.
        let oneSided = DriftStatistics.chiSquare(referenceCounts: [10, 0], currentCounts: [10, 10])
        XCTAssertEqual(oneSided.degreesOfFreedom, 1)
        XCTAssertGreaterThan(oneSided.statistic, 0)
        // Nothing to test.
        XCTAssertEqual(DriftStatistics.chiSquare(referenceCounts: [10, 0], currentCounts: [5, 0]),
                       ChiSquareResult(statistic: 0, pValue: 1, degreesOfFreedom: 0))
        XCTAssertEqual(DriftStatistics.chiSquare(referenceCounts: [10, 3], currentCounts: [0, 0]).pValue, 1)
    }

    func testNumericEqualsTheSingleStatistics() {
        let a = SortedSample(normals(4000, seed: 11))
        let b = SortedSample(normals(4500, mean: 0.05, sd: 1.1, seed: 12))
        let report = DriftStatistics.numeric(a, b)
        XCTAssertEqual(report.ks, DriftStatistics.ks(a, b))
        XCTAssertEqual(report.psi, DriftStatistics.psi(a, b))
        XCTAssertEqual(report.wasserstein, DriftStatistics.wasserstein(a, b))
        XCTAssertEqual(report.jensenShannon, DriftStatistics.jensenShannon(a, b))
        XCTAssertEqual(report.jensenShannon.referenceCounts.reduce(0, +), 4000)
        XCTAssertEqual(report.jensenShannon.currentCounts.reduce(0, +), 4500)
    }
}
