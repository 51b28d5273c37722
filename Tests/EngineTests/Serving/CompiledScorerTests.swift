import XCTest
@testable import Engine

/// The compiled scorer gives the trained model's own probabilities.
final class CompiledScorerTests: XCTestCase {
    func testEqualsPredictProbabilityOnSampledRowsWithMissingValuesAndAnUnseenCategory() throws {
        let model = ServingFixtures.goodModel
        let scorer = try CompiledScorer(model: model, schema: ServingFixtures.data.schema)
        // At 2h a quarter of the rows are `kiosk`, a category the model never saw.
        var random = Xoshiro256StarStar(seed: 99)
        let dataset = ServingFixtures.data.sample(rows: 5000, at: SimTime(sinceEpoch: .hours(2)), using: &random)
        guard case .categorical(let codes) = dataset.column(named: "channel"),
              case .numeric(let ages) = dataset.column(named: "age") else { return XCTFail("unexpected columns") }
        XCTAssertTrue(codes.contains(3), "kiosk rows present")
        XCTAssertTrue(codes.contains(-1), "missing categories present")
        XCTAssertTrue(ages.contains { $0.isNaN }, "missing numbers present")
        let expected = try model.predictProbability(TrainingMatrix(dataset: dataset))
        let actual = scorer.probabilities(of: dataset)
        XCTAssertEqual(actual.count, expected.count)
        for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: 1e-12) }
    }

    func testAModelOnSomeColumnsIgnoresTheOthers() throws {
        let model = ServingFixtures.weakModel
        let scorer = try CompiledScorer(model: model, schema: ServingFixtures.data.schema)
        var random = Xoshiro256StarStar(seed: 5)
        let dataset = ServingFixtures.data.sample(rows: 2000, at: .zero, using: &random)
        let ages = dataset.column(named: "age")!, ratios = dataset.column(named: "ratio")!
        guard case .numeric(let a) = ages, case .numeric(let r) = ratios else { return XCTFail("unexpected columns") }
        let matrix = try TrainingMatrix(featureNames: ["age", "ratio"], kinds: [.numeric, .numeric], numericColumns: [a, r],
                                        categoricalColumns: [], labels: [])
        let expected = try model.predictProbability(matrix)
        for (actual, wanted) in zip(scorer.probabilities(of: dataset), expected) { XCTAssertEqual(actual, wanted, accuracy: 1e-12) }
    }

    func testDecisionIsProbabilityAtLeastHalf() {
        for z in [-3.0, -1e-9, -1e-17, 0, 1e-17, 2] {
            XCTAssertEqual(CompiledScorer.decision(logit: z), TrainedModel.sigmoid(z) >= 0.5, "z = \(z)")
        }
    }

    func testMissingOrMismatchedFeatureIsRejected() {
        let narrow = DatasetSchema(features: [FeatureSchema(name: "age", kind: .numeric)])
        XCTAssertThrowsError(try CompiledScorer(model: ServingFixtures.weakModel, schema: narrow)) { error in
            XCTAssertEqual(error as? LearningError, .missingFeature("ratio"))
        }
        let wrongKind = DatasetSchema(features: [FeatureSchema(name: "age", kind: .categorical(["a"])),
                                                 FeatureSchema(name: "ratio", kind: .numeric)])
        XCTAssertThrowsError(try CompiledScorer(model: ServingFixtures.weakModel, schema: wrongKind)) { error in
            XCTAssertEqual(error as? LearningError, .featureKindMismatch("age"))
        }
    }
}
