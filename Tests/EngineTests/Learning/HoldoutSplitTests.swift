import XCTest
@testable import Engine

/// The seeded train/holdout split.
final class HoldoutSplitTests: XCTestCase {
    private func matrix(rows: Int) throws -> TrainingMatrix {
        try TrainingMatrix(featureNames: ["i"], kinds: [.numeric], numericColumns: [(0..<rows).map(Double.init)],
                           categoricalColumns: [], labels: (0..<rows).map { UInt8($0 % 2) })
    }

    func testSplitIsAPartitionInOriginalOrderWithTheRequestedShare() throws {
        var random = Xoshiro256StarStar(seed: 5)
        let split = try HoldoutSplit(try matrix(rows: 1_000), using: &random)
        XCTAssertEqual(split.holdoutRows.count, 200)
        XCTAssertEqual(split.trainingRows.count, 800)
        XCTAssertEqual((split.holdoutRows + split.trainingRows).sorted(), Array(0..<1_000))
        XCTAssertEqual(split.holdoutRows, split.holdoutRows.sorted())
        XCTAssertEqual(split.holdout.numericValues(feature: 0), split.holdoutRows.map(Double.init))
        XCTAssertEqual(split.training.labels, split.trainingRows.map { UInt8($0 % 2) })
        // Not simply the first or last rows.
        XCTAssertNotEqual(split.holdoutRows, Array(0..<200))
        XCTAssertNotEqual(split.holdoutRows, Array(800..<1_000))
    }

    func testSameSeedSameSplitOtherSeedOtherSplit() throws {
        let data = try matrix(rows: 500)
        var first = Xoshiro256StarStar(seed: 9)
        var second = Xoshiro256StarStar(seed: 9)
        var third = Xoshiro256StarStar(seed: 10)
        let a = try HoldoutSplit(data, holdoutShare: 0.3, using: &first)
        let b = try HoldoutSplit(data, holdoutShare: 0.3, using: &second)
        let c = try HoldoutSplit(data, holdoutShare: 0.3, using: &third)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.holdoutRows.count, 150)
        XCTAssertNotEqual(a.holdoutRows, c.holdoutRows)
    }

    func testSmallMatricesKeepBothSidesNonEmptyAndBadSharesAreRefused() throws {
        var random = Xoshiro256StarStar(seed: 1)
        let tiny = try HoldoutSplit(try matrix(rows: 2), holdoutShare: 0.01, using: &random)
        XCTAssertEqual(tiny.holdoutRows.count, 1)
        XCTAssertEqual(tiny.trainingRows.count, 1)
        XCTAssertThrowsError(try HoldoutSplit(try matrix(rows: 1), using: &random)) {
            XCTAssertEqual($0 as? LearningError, .notEnoughRows(needed: 2, found: 1))
        }
        for share in [0, 1, -0.5, Double.nan] {
            XCTAssertThrowsError(try HoldoutSplit(try matrix(rows: 10), holdoutShare: share, using: &random))
        }
    }

    func testBoundedRandomIsInRangeAndRoughlyUniform() {
        var random = Xoshiro256StarStar(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 {
            let value = HoldoutSplit.boundedRandom(7, using: &random)
            XCTAssertLessThan(value, 7)
            counts[Int(value)] += 1
        }
        for count in counts { XCTAssertEqual(Double(count), 10_000, accuracy: 400) }
        XCTAssertEqual(HoldoutSplit.boundedRandom(1, using: &random), 0)
    }
}
