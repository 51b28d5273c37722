import XCTest
@testable import Engine

/// A model's stored bytes: exact round trip, bit-identical predictions, a
/// stable hash, and clear errors for damaged artifacts.
final class ModelArtifactTests: XCTestCase {
    private func smallModel() throws -> TrainedModel {
        let summary = TrainingSummary(rowCount: 10, positiveCount: 4, parameters: .standard, iterations: 3, evaluations: 5,
                                      objective: 0.5, gradientMaxNorm: 1e-7, stopReason: .converged)
        return TrainedModel(schema: [ModelFeature(name: "x", kind: .numeric),
                                     ModelFeature(name: "c", kind: .categorical(["a", "b"]))],
                            preprocessing: Preprocessing(transforms: [.standardize(feature: "x", mean: 1, standardDeviation: 2),
                                                                      .oneHot(feature: "c", categories: ["b"])]),
                            weights: [0.25, -1], bias: 0.1, summary: summary)
    }

    func testSerializedFormIsCanonicalAndPinned() throws {
        let text = String(decoding: try smallModel().serialized(), as: UTF8.self)
        XCTAssertEqual(text, """
        {"bias":"3fb999999999999a","features":[{"kind":"numeric","name":"x"},{"categories":["a","b"],"kind":"categorical","name":"c"}],\
        "format":"flightdeck-logistic-regression/1","summary":{"evaluations":5,"gradient_max_norm":"3e7ad7f29abcaf48",\
        "iterations":3,"objective":"3fe0000000000000","parameters":{"l2":"3f1a36e2eb1c432d","learning_rate":"3fe0000000000000",\
        "max_iterations":200,"optimizer":"lbfgs","tolerance":"3eb0c6f7a0b5ed8d"},"positive_count":4,"row_count":10,\
        "stop_reason":"converged"},"transforms":[{"feature":"x","mean":"3ff0000000000000","standard_deviation":"4000000000000000",\
        "type":"standardize"},{"categories":["b"],"feature":"c","type":"one_hot"}],"weights":["3fd0000000000000","bff0000000000000"]}
        """)
        XCTAssertEqual(try smallModel().contentHash, SHA256.hexDigest(of: text.utf8))
    }

    func testRoundTripGivesAnEqualModelAndBitIdenticalPredictions() throws {
        let data = SyntheticLogisticData.make(rows: 5_000, seed: 8)
        let model = try LogisticRegression.fit(data.matrix)
        let bytes = model.serialized()
        let reloaded = try TrainedModel(serialized: bytes)
        XCTAssertEqual(reloaded, model)
        XCTAssertEqual(reloaded.serialized(), bytes)
        XCTAssertEqual(reloaded.contentHash, model.contentHash)
        let before = try model.predictProbability(data.matrix).map(\.bitPattern)
        let after = try reloaded.predictProbability(data.matrix).map(\.bitPattern)
        XCTAssertEqual(before, after)
        // A different model has a different hash.
        let other = try LogisticRegression.fit(data.matrix, parameters: TrainingParameters(l2: 1e-2))
        XCTAssertNotEqual(other.contentHash, model.contentHash)
    }

    func testNamesWithQuotesControlCharactersAndUnicodeSurvive() throws {
        let names = ["plan \"tier\"", "back\\slash", "line\nbreak\u{01}", "größe ✈︎"]
        let matrix = try TrainingMatrix(featureNames: names, kinds: [.numeric, .numeric, .numeric, .categorical(["ä", "\"q\""])],
                                        numericColumns: [[1, 2, 3, 4], [0, 1, 0, 1], [5, 3, 2, 1]], categoricalColumns: [[0, 1, 1, 0]],
                                        labels: [0, 1, 1, 0])
        let model = try LogisticRegression.fit(matrix, parameters: TrainingParameters(l2: 0.1))
        XCTAssertEqual(try TrainedModel(serialized: model.serialized()), model)
    }

    func testDamagedArtifactsAreRefused() throws {
        let bytes = try smallModel().serialized()
        let text = String(decoding: bytes, as: UTF8.self)
        func reload(_ text: String) -> LearningError? {
            do {
                _ = try TrainedModel(serialized: Array(text.utf8))
                return nil
            } catch {
                return error
            }
        }
        XCTAssertNotNil(reload(String(text.dropLast())), "truncated")
        XCTAssertNotNil(reload(text + "x"), "trailing bytes")
        XCTAssertEqual(reload(text.replacingOccurrences(of: "regression/1", with: "regression/9")),
                       .corruptArtifact("unknown format flightdeck-logistic-regression/9"))
        XCTAssertEqual(reload(text.replacingOccurrences(of: ",\"bff0000000000000\"", with: "")),
                       .corruptArtifact("1 weights for 2 design columns"))
        XCTAssertEqual(reload(text.replacingOccurrences(of: "3fd0000000000000", with: "3fd00000000000")),
                       .corruptArtifact("weight is not a 16-digit bit pattern"))
        XCTAssertEqual(reload(text.replacingOccurrences(of: "\"max_iterations\":200", with: "\"max_iterations\":0")),
                       .corruptArtifact("parameter max_iterations: must be at least 1"))
        XCTAssertEqual(reload(text.replacingOccurrences(of: "\"stop_reason\":\"converged\"", with: "\"stop_reason\":\"bored\"")),
                       .corruptArtifact("unknown stop reason bored"))
        XCTAssertEqual(reload("{}"), .corruptArtifact("missing format"))
    }
}
