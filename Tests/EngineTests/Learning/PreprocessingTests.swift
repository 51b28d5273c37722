import XCTest
@testable import Engine

/// Standardisation, one-hot encoding, missing values and unseen categories.
final class PreprocessingTests: XCTestCase {
    private func matrix(_ x: [Double], _ codes: [Int32], categories: [String] = ["a", "b", "c"],
                        labels: [UInt8] = []) throws -> TrainingMatrix {
        try TrainingMatrix(featureNames: ["x", "c"], kinds: [.numeric, .categorical(categories)],
                           numericColumns: [x], categoricalColumns: [codes], labels: labels)
    }

    func testStandardisationUsesTrainingMeanAndPopulationDeviation() throws {
        // Values 1, 2, 3, 6 (and one missing): mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5.
        let training = try matrix([1, 2, .nan, 3, 6], [0, 0, 1, 1, 0])
        let preprocessing = Preprocessing(fitting: training)
        guard case .standardize("x", let mean, let deviation) = preprocessing.transforms[0] else {
            return XCTFail("expected standardisation of x, got \(preprocessing.transforms[0])")
        }
        XCTAssertEqual(mean, 3)
        XCTAssertEqual(deviation, 3.5.squareRoot())
        let design = try preprocessing.designMatrix(for: training)
        XCTAssertEqual(design.columns, 3)
        XCTAssertEqual(design[0, 0], -2 / 3.5.squareRoot())
        XCTAssertEqual(design[2, 0], 0, "a missing value is imputed with the mean")
        XCTAssertEqual(design[4, 0], 3 / 3.5.squareRoot())
    }

    func testOneHotKeepsSeenCategoriesOnly() throws {
        // Category "b" never occurs in training.
        let training = try matrix([0, 1, 2, 3], [0, 2, -1, 0])
        let preprocessing = Preprocessing(fitting: training)
        XCTAssertEqual(preprocessing.transforms[1], .oneHot(feature: "c", categories: ["a", "c"]))
        XCTAssertEqual(preprocessing.columnNames, ["x", "c=a", "c=c"])
        let design = try preprocessing.designMatrix(for: training)
        XCTAssertEqual(Array(design.values[1...2]), [1, 0])
        XCTAssertEqual(Array(design.values[4...5]), [0, 1])
        XCTAssertEqual(Array(design.values[7...8]), [0, 0], "a missing category gives all zeros")
        XCTAssertEqual(Array(design.values[10...11]), [1, 0])
    }

    func testUnseenCategoriesAndReorderedFeaturesAtPredictTime() throws {
        let preprocessing = Preprocessing(fitting: try matrix([0, 1, 2], [0, 1, 2]))
        // New data: features in the other order, a longer category list in a different order.
        let scored = try TrainingMatrix(featureNames: ["c", "x", "extra"],
                                        kinds: [.categorical(["new", "c", "a", "b"]), .numeric, .numeric],
                                        numericColumns: [[1, 1], [5, 5]], categoricalColumns: [[0, 1]], labels: [])
        let design = try preprocessing.designMatrix(for: scored)
        XCTAssertEqual(design.columns, 4)
        XCTAssertEqual(design[0, 0], 0, "x = mean standardises to 0")
        XCTAssertEqual(Array(design.values[1...3]), [0, 0, 0], "a category unseen in training gives all zeros")
        XCTAssertEqual(Array(design.values[5...7]), [0, 0, 1], "categories are matched by name, not code")
    }

    func testConstantAndAllMissingFeaturesAreCentredWithoutScaling() throws {
        let constant = Preprocessing.moments([4, 4, 4])
        XCTAssertEqual(constant.mean, 4)
        XCTAssertEqual(constant.standardDeviation, 1)
        let missing = Preprocessing.moments([.nan, .nan])
        XCTAssertEqual(missing.mean, 0)
        XCTAssertEqual(missing.standardDeviation, 1)
    }

    func testMissingOrMistypedFeaturesAreRefused() throws {
        let preprocessing = Preprocessing(fitting: try matrix([0, 1], [0, 1]))
        let withoutC = try TrainingMatrix(featureNames: ["x"], kinds: [.numeric], numericColumns: [[1]],
                                          categoricalColumns: [], labels: [])
        XCTAssertThrowsError(try preprocessing.designMatrix(for: withoutC)) {
            XCTAssertEqual($0 as? LearningError, .missingFeature("c"))
        }
        let numericC = try TrainingMatrix(featureNames: ["x", "c"], kinds: [.numeric, .numeric], numericColumns: [[1], [2]],
                                          categoricalColumns: [], labels: [])
        XCTAssertThrowsError(try preprocessing.designMatrix(for: numericC)) {
            XCTAssertEqual($0 as? LearningError, .featureKindMismatch("c"))
        }
    }
}
