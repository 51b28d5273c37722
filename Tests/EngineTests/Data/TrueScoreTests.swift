import XCTest
@testable import Engine

/// The label rule's probabilities without noise: what the best model knows.
final class TrueScoreTests: XCTestCase {
    /// The AUC by ranks (ties count half).
    private func auc(_ scores: [Double], _ labels: [UInt8]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            for position in start...end { ranks[order[position]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        let positives = labels.filter { $0 == 1 }.count
        let negatives = labels.count - positives
        let rankSum = zip(ranks, labels).filter { $1 == 1 }.map(\.0).reduce(0, +)
        return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
    }

    func testScoresAreCalibratedAndRankTheLabels() {
        var spec = DataTestSupport.fraudSpec
        spec.label.noise = 0
        let dataset = DataTestSupport.sample(spec, rows: 20_000)
        let scores = DataGenerator(spec: spec).trueScores(of: dataset, at: .zero)
        XCTAssertEqual(scores.count, dataset.rowCount)
        XCTAssertEqual(scores.reduce(0, +) / Double(scores.count), dataset.positiveRate, accuracy: 0.01)
        XCTAssertGreaterThan(auc(scores, dataset.labels), 0.6)
        let shuffled = Array(scores.reversed())
        XCTAssertEqual(auc(shuffled, dataset.labels), 0.5, accuracy: 0.03, "unrelated scores rank at chance")
    }

    func testScoreOfARowIsTheRule() throws {
        let spec = DataTestSupport.fraudSpec
        let schema = spec.schema
        let dataset = try Dataset(schema: schema, columns: [.numeric([100, 10, .nan]), .categorical([0, 2, -1])], labels: [0, 0, 0], drawnAt: .zero)
        let scores = DataGenerator(spec: spec).trueScores(of: dataset, at: .zero)
        XCTAssertEqual(scores[0], DataGenerator.sigmoid(-3 + 0.02 * 100 + 1), accuracy: 1e-15)
        XCTAssertEqual(scores[1], DataGenerator.sigmoid(-3 + 0.02 * 10), accuracy: 1e-15)
        XCTAssertEqual(scores[2], DataGenerator.sigmoid(-3 + 0.02 * 50 + 0.6 * 1), accuracy: 1e-15,
                       "missing values count as their expectation")
    }

    func testScoresFollowConceptDriftAndMatchColumnsByName() throws {
        var spec = DataTestSupport.fraudSpec
        spec.drift = [.concept(LabelChange(intercept: 0), .at(.hours(1)))]
        // The same row, its categories listed in another order.
        let reordered = DatasetSchema(features: [FeatureSchema(name: "merchant", kind: .categorical(["atm", "online"])),
                                                 FeatureSchema(name: "amount", kind: .numeric)])
        let dataset = try Dataset(schema: reordered, columns: [.categorical([1]), .numeric([20])], labels: [1], drawnAt: .zero)
        let generator = DataGenerator(spec: spec)
        XCTAssertEqual(generator.trueScores(of: dataset, at: .zero)[0], DataGenerator.sigmoid(-3 + 0.4 + 1), accuracy: 1e-15)
        XCTAssertEqual(generator.trueScores(of: dataset, at: SimTime(sinceEpoch: .hours(2)))[0], DataGenerator.sigmoid(0.4 + 1), accuracy: 1e-15)
    }
}
