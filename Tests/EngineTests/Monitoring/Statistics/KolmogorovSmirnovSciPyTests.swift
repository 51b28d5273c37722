import XCTest
@testable import Engine

/// The null distributions and p-values against values SciPy 1.17.1 printed
/// (`kstwo.sf`, `chi2.sf`, `ks_2samp`, `wasserstein_distance`), chosen so
/// every branch of SciPy's `_kolmogn` is reached.
final class KolmogorovSmirnovSciPyTests: XCTestCase {
    /// (n, x, kstwo.sf(x, n)) with the branch SciPy takes.
    private let kolmogorovCases: [(Int, Double, Double, String)] = [
        (10, 0.07, 0.9999999619492741, "Ruben-Gambino, n <= 140"),
        (200, 0.004, 1.0, "Ruben-Gambino, Stirling"),
        (50, 0.985, 1.2752430004281557e-91, "t >= n - 1"),
        (20, 0.6, 2.0483011649719853e-07, "x >= 0.5: 2 smirnov"),
        (100, 0.05, 0.9532159710635725, "Durbin matrix, n <= 140"),
        (100, 0.15, 0.019839242125641813, "Pomeranz"),
        (140, 0.1, 0.11353657290090946, "Pomeranz"),
        (30, 0.2, 0.15796916101547398, "Pomeranz"),
        (100, 0.25, 5.408871776434847e-06, "2 smirnov, n <= 140"),
        (5000, 0.01, 0.6954557253913853, "Pelz-Good"),
        (5000, 0.03, 0.00024159234422666817, "2 smirnov"),
        (11111, 0.02, 0.00027202945952761005, "2 smirnov"),
        (5000, 0.3, 0.0, "n x^2 >= 370"),
        (100000, 0.0005, 1.0, "Durbin matrix, large n"),
        (500000, 0.003, 0.00024632301239186754, "2 smirnov, n = 500,000"),
        (2000000, 0.0015, 0.00024657290508461606, "2 smirnov, n > 1,000,000 approximation"),
    ]

    func testKolmogorovSurvivalMatchesSciPyOnEveryBranch() {
        for (n, x, expected, branch) in kolmogorovCases {
            let actual = KolmogorovSmirnovDistribution.kolmogorov(n: n, x: x, cdf: false)
            assertRelative(actual, expected, 1e-8, "kstwo.sf(\(x), \(n)) [\(branch)]")
        }
    }

    func testDurbinMatrixAgreesWithPomeranzWhereBothApply() {
        // Two independent exact methods for Pr(D_n <= x).
        for (n, x) in [(50, 0.1), (100, 0.08), (120, 0.07)] {
            let durbin = KolmogorovSmirnovDistribution.durbinMatrix(n: n, d: x)
            let pomeranz = KolmogorovSmirnovDistribution.pomeranz(n: n, x: x)
            assertRelative(durbin, pomeranz, 1e-10, "n \(n) x \(x)")
        }
    }

    func testChiSquareSurvivalMatchesSciPy() {
        let cases: [(Int, Double, Double)] = [
            (1, 0.5, 0.47950012218695337),
            (2, 81.31263659542003, 2.2038666287377973e-18),
            (3, 2.0, 0.5724067044708798),
            (5, 30.0, 1.4748581038443073e-05),
            (10, 0.3, 0.9999994414192152),
            (4, 200.0, 3.75727673578106e-42),
            (60, 55.0, 0.6585210814081093),
            (1, 0.001, 0.9747728793699604),
            (7, 7.0, 0.42887985755305486),
        ]
        for (dof, x, expected) in cases {
            let actual = IncompleteGamma.upperRegularized(a: Double(dof) / 2, x: x / 2)
            assertRelative(actual, expected, 1e-10, "chi2.sf(\(x), \(dof))")
        }
    }

    /// `((i * multiplier) % modulus) / divisor + offset` for i in 0..<n: the
    /// same doubles in Python, with many ties.
    private func sample(_ n: Int, _ multiplier: Int, _ modulus: Int, _ divisor: Double, _ offset: Double = 0) -> SortedSample {
        SortedSample((0..<n).map { Double(($0 * multiplier) % modulus) / divisor + offset })
    }

    func testTwoSampleTestsWithTiesMatchSciPy() {
        // (reference, current, ks statistic, ks p-value, wasserstein_distance, exact)
        let cases: [(SortedSample, SortedSample, Double, Double, Double, Bool, String)] = [
            (sample(40, 7919, 1000, 100), sample(55, 104729, 1000, 100, 0.5),
             0.09772727272727273, 0.9602439110494781, 0.5568181818181819, true, "40 vs 55, exact inside method"),
            (sample(300, 7919, 97, 10), sample(300, 31, 89, 10),
             0.08333333333333333, 0.2488247843957968, 0.42733333333333334, true, "300 vs 300 with ties, outside square"),
            (sample(10001, 7919, 100003, 1000), sample(50, 104729, 100003, 1000, 10),
             0.11208679132086792, 0.5199990345686658, 5.795578560143984, false, "10,001 vs 50: asymptotic, n = 50"),
            (sample(12000, 7919, 100003, 1000), sample(15000, 104729, 100003, 1000, 1),
             0.010333333333333333, 0.47177173061579114, 0.9951777666666668, false, "12,000 vs 15,000: asymptotic"),
            (sample(8, 3, 5, 1), sample(6, 2, 5, 1),
             0.08333333333333333, 1.0, 0.16666666666666657, true, "tiny, all ties"),
            (sample(1000, 7919, 1009, 100), sample(999, 104729, 1013, 100),
             0.004004004004004004, 0.9999999999999998, 0.011477517517517506, true, "1,000 vs 999"),
        ]
        for (reference, current, statistic, pValue, wasserstein, exact, label) in cases {
            let ks = DriftStatistics.ks(reference, current)
            XCTAssertEqual(ks.isExact, exact, label)
            assertRelative(ks.statistic, statistic, 1e-9, "\(label): D")
            assertRelative(ks.pValue, pValue, 1e-6, "\(label): p")
            assertRelative(DriftStatistics.wasserstein(reference, current).distance, wasserstein, 1e-9, "\(label): Wasserstein")
        }
    }
}
