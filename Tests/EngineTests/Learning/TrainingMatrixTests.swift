import XCTest
@testable import Engine

/// Shape checks of `TrainingMatrix` and row subsets.
final class TrainingMatrixTests: XCTestCase {
    private func make(names: [String] = ["x", "c"], kinds: [FeatureKind] = [.numeric, .categorical(["a", "b"])],
                      numeric: [[Double]] = [[1, 2, 3]], codes: [[Int32]] = [[0, 1, -1]],
                      labels: [UInt8] = [0, 1, 1]) throws -> TrainingMatrix {
        try TrainingMatrix(featureNames: names, kinds: kinds, numericColumns: numeric, categoricalColumns: codes, labels: labels)
    }

    func testAValidMatrixAndItsAccessors() throws {
        let matrix = try make()
        XCTAssertEqual(matrix.rowCount, 3)
        XCTAssertEqual(matrix.numericValues(feature: 0), [1, 2, 3])
        XCTAssertEqual(matrix.categoryCodes(feature: 1), [0, 1, -1])
        XCTAssertEqual(matrix.featureIndex(named: "c"), 1)
        XCTAssertTrue(matrix.isLabelled)
        XCTAssertFalse(matrix.withoutLabels().isLabelled)
        let subset = matrix.subset(rows: [2, 0])
        XCTAssertEqual(subset.numericValues(feature: 0), [3, 1])
        XCTAssertEqual(subset.categoryCodes(feature: 1), [-1, 0])
        XCTAssertEqual(subset.labels, [1, 0])
    }

    func testMissingNumericValuesCompareEqual() throws {
        XCTAssertEqual(try make(numeric: [[1, .nan, 3]]), try make(numeric: [[1, .nan, 3]]))
        XCTAssertNotEqual(try make(numeric: [[1, .nan, 3]]), try make(numeric: [[1, 2, 3]]))
    }

    func testShapeErrors() {
        XCTAssertThrowsError(try make(names: ["x"])) { XCTAssertEqual($0 as? LearningError, .shapeMismatch("1 names but 2 kinds")) }
        XCTAssertThrowsError(try make(names: ["x", "x"])) {
            XCTAssertEqual($0 as? LearningError, .shapeMismatch("feature x appears twice"))
        }
        XCTAssertThrowsError(try make(numeric: [])) {
            XCTAssertEqual($0 as? LearningError, .shapeMismatch("1 numeric features but 0 numeric columns"))
        }
        XCTAssertThrowsError(try make(codes: [[0, 1]])) {
            XCTAssertEqual($0 as? LearningError, .shapeMismatch("feature c has 2 rows, expected 3"))
        }
        XCTAssertThrowsError(try make(labels: [0, 1])) {
            XCTAssertEqual($0 as? LearningError, .shapeMismatch("2 labels for 3 rows"))
        }
    }

    func testValueErrors() {
        XCTAssertThrowsError(try make(codes: [[0, 2, 1]])) {
            XCTAssertEqual($0 as? LearningError, .categoryCodeOutOfRange(feature: "c", row: 1, code: 2))
        }
        XCTAssertThrowsError(try make(codes: [[0, -2, 1]])) {
            XCTAssertEqual($0 as? LearningError, .categoryCodeOutOfRange(feature: "c", row: 1, code: -2))
        }
        XCTAssertThrowsError(try make(labels: [0, 2, 1])) { XCTAssertEqual($0 as? LearningError, .invalidLabel(row: 1, value: 2)) }
        XCTAssertThrowsError(try make(numeric: [[1, 2, -.infinity]])) {
            XCTAssertEqual($0 as? LearningError, .infiniteValue(feature: "x", row: 2))
        }
    }
}
