import XCTest
import SimKernel

final class CategoricalSamplerTests: XCTestCase {
    func testFrequenciesFollowTheWeights() throws {
        let weights = [0.1, 0.0, 0.6, 0.3]
        let sampler = try XCTUnwrap(CategoricalSampler(weights: weights))
        var generator = Xoshiro256StarStar(seed: 31)
        var counts = [Int](repeating: 0, count: weights.count)
        let draws = 200_000
        for _ in 0..<draws { counts[sampler.sample(using: &generator)] += 1 }
        XCTAssertEqual(counts[1], 0, "zero weight is never picked")
        for (index, weight) in weights.enumerated() where weight > 0 {
            let expected = weight * Double(draws)
            let standardError = (Double(draws) * weight * (1 - weight)).squareRoot()
            XCTAssertLessThan(abs(Double(counts[index]) - expected), 5 * standardError, "category \(index): \(counts[index])")
        }
    }

    func testUnnormalisedWeights() throws {
        let sampler = try XCTUnwrap(CategoricalSampler(weights: [1, 3]))
        XCTAssertEqual(sampler.probability(of: 0), 0.25)
        XCTAssertEqual(sampler.probability(of: 1), 0.75)
        var generator = Xoshiro256StarStar(seed: 32)
        var ones = 0
        for _ in 0..<100_000 where Sampling.categorical([1, 3], using: &generator) == 1 { ones += 1 }
        XCTAssertLessThan(abs(Double(ones) - 75_000), 5 * (100_000 * 0.25 * 0.75).squareRoot())
    }

    func testRejectsInvalidWeights() {
        XCTAssertNil(CategoricalSampler(weights: []))
        XCTAssertNil(CategoricalSampler(weights: [0, 0]))
        XCTAssertNil(CategoricalSampler(weights: [0.5, -0.1]))
        XCTAssertNil(CategoricalSampler(weights: [.nan, 1]))
        XCTAssertNil(CategoricalSampler(weights: [.infinity]))
    }

    func testSingleCategory() throws {
        let sampler = try XCTUnwrap(CategoricalSampler(weights: [0, 2, 0]))
        var generator = Xoshiro256StarStar(seed: 33)
        for _ in 0..<1_000 { XCTAssertEqual(sampler.sample(using: &generator), 1) }
    }
}
