import XCTest
import SimKernel

/// Checks every sampler's mean and variance over 200 000 draws from a fixed
/// seed. The mean must be within five standard errors; the variance within a
/// relative tolerance that is about five standard errors of the sample
/// variance for that distribution.
final class SamplingTests: XCTestCase {
    private static let draws = 200_000

    private struct Moments {
        var mean: Double
        var variance: Double
    }

    private func moments(seed: UInt64, _ draw: (inout Xoshiro256StarStar) -> Double) -> Moments {
        var generator = Xoshiro256StarStar(seed: seed)
        var sum = 0.0
        var sumOfSquares = 0.0
        for _ in 0..<Self.draws {
            let value = draw(&generator)
            sum += value
            sumOfSquares += value * value
        }
        let mean = sum / Double(Self.draws)
        let variance = (sumOfSquares - Double(Self.draws) * mean * mean) / Double(Self.draws - 1)
        return Moments(mean: mean, variance: variance)
    }

    private func assertMoments(
        _ observed: Moments, mean: Double, variance: Double, varianceTolerance: Double,
        _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let standardError = (variance / Double(Self.draws)).squareRoot()
        XCTAssertLessThan(abs(observed.mean - mean), 5 * standardError, "\(name) mean \(observed.mean), expected \(mean)", file: file, line: line)
        XCTAssertLessThan(abs(observed.variance - variance) / variance, varianceTolerance, "\(name) variance \(observed.variance), expected \(variance)", file: file, line: line)
    }

    func testUnitIntervalIsMadeOf53Bits() {
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<1_000 {
            let value = Sampling.unitInterval(using: &generator)
            XCTAssertTrue(value >= 0 && value < 1)
            XCTAssertEqual(value * 0x1p53, (value * 0x1p53).rounded())
        }
        var copy = Xoshiro256StarStar(seed: 42)
        XCTAssertEqual(Sampling.unitInterval(using: &copy), Double(0x1578_0B2E_0C2E_C716 as UInt64 >> 11) * 0x1p-53)
        XCTAssertGreaterThan(Sampling.openUnitInterval(using: &copy), 0)
    }

    func testUniform() {
        let observed = moments(seed: 10) { Sampling.uniform(3, 7, using: &$0) }
        assertMoments(observed, mean: 5, variance: 16.0 / 12.0, varianceTolerance: 0.01, "uniform(3, 7)")
    }

    func testNormal() {
        let observed = moments(seed: 11) { Sampling.normal(mean: -2, standardDeviation: 3, using: &$0) }
        assertMoments(observed, mean: -2, variance: 9, varianceTolerance: 0.02, "normal(-2, 3)")
    }

    func testLognormalByMuAndSigma() {
        let mu = 1.0, sigma = 0.5
        let observed = moments(seed: 12) { Sampling.lognormal(mu: mu, sigma: sigma, using: &$0) }
        let mean = PortableMath.exp(mu + sigma * sigma / 2)
        let variance = (PortableMath.exp(sigma * sigma) - 1) * PortableMath.exp(2 * mu + sigma * sigma)
        assertMoments(observed, mean: mean, variance: variance, varianceTolerance: 0.04, "lognormal(mu 1, sigma 0.5)")
    }

    func testLognormalByMedianHasThatMedian() {
        var generator = Xoshiro256StarStar(seed: 13)
        let samples = (0..<Self.draws).map { _ in Sampling.lognormal(median: 30, sigma: 0.5, using: &generator) }.sorted()
        let median = samples[samples.count / 2]
        XCTAssertLessThan(abs(median - 30), 0.3, "median \(median)")
        let observedMean = samples.reduce(0, +) / Double(samples.count)
        XCTAssertLessThan(abs(observedMean - 30 * PortableMath.exp(0.125)) / (30 * PortableMath.exp(0.125)), 0.01)
    }

    func testExponentialByMeanAndByRate() {
        let byMean = moments(seed: 14) { Sampling.exponential(mean: 2, using: &$0) }
        assertMoments(byMean, mean: 2, variance: 4, varianceTolerance: 0.04, "exponential(mean 2)")
        let byRate = moments(seed: 15) { Sampling.exponential(rate: 4, using: &$0) }
        assertMoments(byRate, mean: 0.25, variance: 0.0625, varianceTolerance: 0.04, "exponential(rate 4)")
    }

    func testPoissonSmallMediumAndLarge() {
        for (seed, lambda) in [(16, 0.5), (17, 3.7), (18, 9.99), (19, 10.0), (20, 47.5), (21, 1000.0)] as [(UInt64, Double)] {
            let observed = moments(seed: seed) { Double(Sampling.poisson(lambda: lambda, using: &$0)) }
            // Relative SE of the sample variance is about sqrt((2 + 1/lambda) / n).
            let tolerance = 5 * ((2 + 1 / lambda) / Double(Self.draws)).squareRoot()
            assertMoments(observed, mean: lambda, variance: lambda, varianceTolerance: tolerance, "poisson(\(lambda))")
        }
        var generator = Xoshiro256StarStar(seed: 0)
        XCTAssertEqual(Sampling.poisson(lambda: 0, using: &generator), 0)
    }

    /// Pearson's chi-square statistic of Poisson(lambda) draws against the
    /// exact probability mass, over the bins `[edges[i], edges[i+1])` plus
    /// both tails; returns the statistic and its degrees of freedom.
    private func poissonChiSquare(lambda: Double, seed: UInt64, edges: [Int]) -> (statistic: Double, degrees: Int) {
        var generator = Xoshiro256StarStar(seed: seed)
        var observed = [Int](repeating: 0, count: edges.count + 1)
        for _ in 0..<Self.draws {
            let value = Sampling.poisson(lambda: lambda, using: &generator)
            observed[edges.lastIndex { $0 <= value }.map { $0 + 1 } ?? 0] += 1
        }
        var expected = [Double](repeating: 0, count: edges.count + 1)
        for k in 0..<(Int(lambda) * 3 + 50) {
            let mass = PortableMath.exp(-lambda + Double(k) * PortableMath.log(lambda) - PortableMath.logGamma(Double(k) + 1))
            expected[edges.lastIndex { $0 <= k }.map { $0 + 1 } ?? 0] += mass * Double(Self.draws)
        }
        var statistic = 0.0
        for (count, expectation) in zip(observed, expected) {
            statistic += (Double(count) - expectation) * (Double(count) - expectation) / expectation
        }
        return (statistic, edges.count)
    }

    func testPoissonHasTheExactShape() {
        // Two moments are not enough for the rejection sampler: compare the
        // whole distribution. The bound is the mean plus five standard
        // deviations of a chi-square variable (p < 1e-4).
        let cases: [(Double, UInt64, [Int])] = [
            (0.5, 34, [1, 2, 3, 4]),
            (10, 35, Array(3...22)),
            (1000, 36, Array(stride(from: 900, through: 1100, by: 10))),
        ]
        for (lambda, seed, edges) in cases {
            let (statistic, degrees) = poissonChiSquare(lambda: lambda, seed: seed, edges: edges)
            let bound = Double(degrees) + 5 * (2 * Double(degrees)).squareRoot()
            XCTAssertLessThan(statistic, bound, "poisson(\(lambda)) chi-square \(statistic) with \(degrees) degrees of freedom")
        }
    }

    func testGammaIncludingShapeBelowOne() {
        for (seed, shape, scale) in [(23, 0.5, 2.0), (24, 1.0, 1.0), (25, 2.5, 3.0), (26, 9.0, 0.5)] as [(UInt64, Double, Double)] {
            let observed = moments(seed: seed) { Sampling.gamma(shape: shape, scale: scale, using: &$0) }
            // Excess kurtosis of a gamma is 6 / shape.
            let tolerance = 5 * ((2 + 6 / shape) / Double(Self.draws)).squareRoot()
            assertMoments(observed, mean: shape * scale, variance: shape * scale * scale, varianceTolerance: tolerance, "gamma(\(shape), \(scale))")
        }
    }

    func testBeta() {
        for (seed, a, b) in [(27, 2.0, 5.0), (28, 0.5, 0.5), (29, 30.0, 3.0)] as [(UInt64, Double, Double)] {
            let observed = moments(seed: seed) { Sampling.beta(a, b, using: &$0) }
            let mean = a / (a + b)
            let variance = a * b / ((a + b) * (a + b) * (a + b + 1))
            assertMoments(observed, mean: mean, variance: variance, varianceTolerance: 0.03, "beta(\(a), \(b))")
        }
    }

    func testSamplersAreDeterministicForASeed() {
        var first = Xoshiro256StarStar(seed: 5)
        var second = Xoshiro256StarStar(seed: 5)
        for _ in 0..<100 {
            XCTAssertEqual(Sampling.gamma(shape: 0.7, using: &first), Sampling.gamma(shape: 0.7, using: &second))
            XCTAssertEqual(Sampling.poisson(lambda: 50, using: &first), Sampling.poisson(lambda: 50, using: &second))
        }
        XCTAssertEqual(first, second)
    }
}
