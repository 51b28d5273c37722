import Foundation
import XCTest
@testable import Engine

/// The train and evaluate builtins called directly: model quality against
/// the true label rule, and reloading the stored artifact.
final class TrainBuiltinQualityTests: XCTestCase {
    private func context(_ spec: ProjectSpec, directory: String, state: BuiltinRunState, step: String, seed: UInt64) -> BuiltinContext {
        BuiltinContext(key: AttemptKey(run: RunID(1), step: step, attempt: 1), pipeline: "retrain",
                       params: [ParamBinding(name: "rows", value: "20000")], now: SimTime(milliseconds: 3_600_000),
                       random: Xoshiro256StarStar(seed: seed), data: spec.data, models: ["fraud"],
                       workingDirectory: directory, runState: state)
    }

    func testTrainedAUCIsWithinOneHundredthOfTheTrueRuleAndTheArtifactReloadsBitForBit() throws {
        let spec = try BT.project(BT.yaml(rows: 20_000))
        let directory = try BT.directory()
        let sampled = SampleBuiltin().run(context(spec, directory: directory, state: BuiltinRunState(), step: "sample", seed: 11))
        XCTAssertTrue(sampled.succeeded, sampled.reason)
        let trained = TrainBuiltin().run(context(spec, directory: directory, state: try XCTUnwrap(sampled.runState), step: "train", seed: 12))
        XCTAssertTrue(trained.succeeded, trained.reason)
        let evaluated = EvaluateBuiltin().run(context(spec, directory: directory, state: try XCTUnwrap(trained.runState), step: "evaluate", seed: 13))
        XCTAssertTrue(evaluated.succeeded, evaluated.reason)
        let state = try XCTUnwrap(evaluated.runState)
        let dataset = try XCTUnwrap(state.dataset).dataset
        let stored = try XCTUnwrap(state.model)
        XCTAssertEqual(dataset.rowCount, 20_000)
        XCTAssertEqual(stored.holdoutRows.count, 4000)

        let trueScores = DataGenerator(spec: try XCTUnwrap(spec.data)).trueScores(of: dataset, at: dataset.drawnAt)
        let holdoutLabels = stored.holdoutRows.map { dataset.labels[$0] }
        let trueAUC = try XCTUnwrap(ClassificationMetrics.auc(scores: stored.holdoutRows.map { trueScores[$0] }, labels: holdoutLabels))
        let modelAUC = try XCTUnwrap(state.evaluation?.candidate.first { $0.name == "auc" }?.value)
        XCTAssertEqual(modelAUC, trueAUC, accuracy: 0.01)

        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory + "/" + stored.artifact.path))
        XCTAssertEqual(SHA256.hexDigest(of: [UInt8](bytes)), stored.artifact.sha256)
        let reloaded = try TrainedModel(serialized: [UInt8](bytes))
        let holdout = try TrainingMatrix(dataset: dataset).subset(rows: stored.holdoutRows)
        let original = try stored.model.predictProbability(holdout).map(\.bitPattern)
        XCTAssertEqual(try reloaded.predictProbability(holdout).map(\.bitPattern), original)
    }

    func testDatasetAdapterKeepsColumnsKindsAndLabels() throws {
        let spec = try XCTUnwrap(try BT.project(BT.yaml()).data)
        var random = Xoshiro256StarStar(seed: 3)
        let dataset = DataGenerator(spec: spec).sample(rows: 50, at: .zero, using: &random)
        let matrix = try TrainingMatrix(dataset: dataset)
        XCTAssertEqual(matrix.featureNames, ["amount", "merchant", "hour", "card_age"])
        XCTAssertEqual(matrix.kinds, dataset.schema.features.map(\.kind))
        XCTAssertEqual(matrix.labels, dataset.labels)
        guard case .numeric(let amounts) = dataset.columns[0], case .categorical(let merchants) = dataset.columns[1] else {
            return XCTFail("unexpected column kinds")
        }
        XCTAssertEqual(matrix.numericValues(feature: 0).map(\.bitPattern), amounts.map(\.bitPattern))
        XCTAssertEqual(matrix.categoryCodes(feature: 1), merchants)
    }
}
