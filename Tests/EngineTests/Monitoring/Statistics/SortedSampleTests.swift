import XCTest
import SimKernel
@testable import Engine

/// SortedSample: the radix sort agrees with the standard library's sort on
/// every kind of double, NaN is dropped, and the moments are NumPy's.
final class SortedSampleTests: XCTestCase {
    private func assertSortedLikeStandardLibrary(_ values: [Double], file: StaticString = #filePath, line: UInt = #line) {
        let expected = values.filter { !$0.isNaN }.sorted()
        let actual = SortedSample(values).values
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        XCTAssertTrue(actual == expected, "radix sort differs from sorted()", file: file, line: line)
        XCTAssertTrue(zip(actual, actual.dropFirst()).allSatisfy { $0.0 <= $0.1 }, file: file, line: line)
    }

    func testRadixSortEqualsSortedOnRandomNormals() {
        var generator = Xoshiro256StarStar(seed: 42)
        for count in [256, 257, 1000, 50_000] {
            let values = (0..<count).map { _ in Sampling.normal(mean: 3, standardDeviation: 100, using: &generator) }
            assertSortedLikeStandardLibrary(values)
        }
    }

    func testRadixSortEqualsSortedOnRandomBitPatterns() {
        // Any bit pattern: subnormals, huge magnitudes, infinities, NaNs.
        var generator = Xoshiro256StarStar(seed: 7)
        let values = (0..<20_000).map { _ in Double(bitPattern: generator.next()) }
        assertSortedLikeStandardLibrary(values)
    }

    func testNegativesZerosAndInfinities() {
        var values: [Double] = []
        for index in 0..<300 {
            values.append(-Double(index) * 0.5)
            values.append(index % 2 == 0 ? 0.0 : -0.0)
            values.append(Double(index % 7))
        }
        values += [.infinity, -.infinity, .nan, -.nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                   .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        assertSortedLikeStandardLibrary(values)
        let sorted = SortedSample(values).values
        XCTAssertEqual(sorted.first, -.infinity)
        XCTAssertEqual(sorted.last, .infinity)
        // -0.0 sorts before +0.0 among the zeros.
        let zeros = sorted.filter { $0 == 0 }
        XCTAssertEqual(zeros.count, values.filter { $0 == 0 }.count)
        XCTAssertGreaterThan(zeros.count, 300)
        let firstPositiveZero = zeros.firstIndex { $0.sign == .plus } ?? zeros.count
        XCTAssertTrue(zeros[..<firstPositiveZero].allSatisfy { $0.sign == .minus })
        XCTAssertTrue(zeros[firstPositiveZero...].allSatisfy { $0.sign == .plus })
    }

    func testSmallSamplesAndNaNDropped() {
        assertSortedLikeStandardLibrary([])
        assertSortedLikeStandardLibrary([3, .nan, -1, 2, -0.0, 0])
        let sample = SortedSample([Double.nan, .nan])
        XCTAssertTrue(sample.isEmpty)
        XCTAssertEqual(sample.count, 0)
        XCTAssertTrue(sample.mean.isNaN)
        XCTAssertEqual(sample, SortedSample([]), "empty samples are equal despite their NaN mean")
        XCTAssertEqual(SortedSample([2, 1]), SortedSample(presorted: [1, 2]))
    }

    func testTheOrderedKeyIsMonotone() {
        let ordered: [Double] = [-.infinity, -1e300, -1, -.leastNonzeroMagnitude, -0.0, 0.0, .leastNonzeroMagnitude, 1, 1e300, .infinity]
        let keys = ordered.map(SortedSample.orderedKey)
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertEqual(Set(keys).count, keys.count)
        for value in ordered { XCTAssertEqual(SortedSample.value(ofKey: SortedSample.orderedKey(value)).bitPattern, value.bitPattern) }
    }

    func testMeanAndPopulationStandardDeviation() {
        let sample = SortedSample([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(sample.mean, 5)
        XCTAssertEqual(sample.populationStandardDeviation, 2)
        XCTAssertEqual(SortedSample([3, 3, 3]).populationStandardDeviation, 0)
        // Stable for a large offset (a naive sum of squares would lose it all).
        let shifted = SortedSample((0..<1000).map { 1e9 + Double($0 % 2) })
        assertRelative(shifted.mean, 1e9 + 0.5, 1e-15, "mean")
        assertRelative(shifted.populationStandardDeviation, 0.5, 1e-9, "sd")
    }

    func testCountBelow() {
        let sample = SortedSample([1, 2, 2, 2, 3])
        XCTAssertEqual(sample.countBelow(2), 1)
        XCTAssertEqual(sample.countBelow(2.5), 4)
        XCTAssertEqual(sample.countBelow(0), 0)
        XCTAssertEqual(sample.countBelow(10), 5)
    }
}
