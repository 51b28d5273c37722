import XCTest
@testable import Engine

/// Requests drawn one at a time follow the data generator's distribution.
final class RequestSamplerTests: XCTestCase {
    func testRowsFollowTheGeneratorsDistributionAndLabelRule() {
        let data = ServingFixtures.data
        var sampler = RequestSampler(data: data, userPopulation: 1000)
        var row = RequestRow(layout: sampler.layout)
        var random = Xoshiro256StarStar(seed: 3)
        let rows = 40_000
        var positives = 0, missingAges = 0, ageSum = 0.0, ages = 0, users = Set<Int>()
        let agePosition = sampler.layout.position[data.schema.index(of: "age")!]
        for _ in 0..<rows {
            sampler.draw(into: &row, at: .zero, using: &random)
            positives += Int(row.label)
            users.insert(row.userID)
            XCTAssertTrue((0..<1000).contains(row.userID))
            let age = row.numeric[agePosition]
            if age.isNaN { missingAges += 1 } else { ageSum += age; ages += 1; XCTAssertGreaterThanOrEqual(age, 18) }
        }
        var reference = Xoshiro256StarStar(seed: 4)
        let batch = data.sample(rows: rows, at: .zero, using: &reference)
        XCTAssertEqual(Double(positives) / Double(rows), batch.positiveRate, accuracy: 0.01)
        XCTAssertEqual(Double(missingAges) / Double(rows), 0.05, accuracy: 0.005)
        guard case .numeric(let batchAges) = batch.column(named: "age") else { return XCTFail("age column") }
        let present = batchAges.filter { !$0.isNaN }
        XCTAssertEqual(ageSum / Double(ages), present.reduce(0, +) / Double(present.count), accuracy: 0.3)
        XCTAssertEqual(users.count, 1000)
    }

    func testTheDistributionFollowsDriftAtTheSimulatedTime() {
        var sampler = RequestSampler(data: ServingFixtures.data)
        var row = RequestRow(layout: sampler.layout)
        var random = Xoshiro256StarStar(seed: 8)
        let position = sampler.layout.position[ServingFixtures.data.schema.index(of: "channel")!]
        func kioskShare(at time: SimTime) -> Double {
            var kiosk = 0
            for _ in 0..<10_000 {
                sampler.draw(into: &row, at: time, using: &random)
                if row.categorical[position] == 3 { kiosk += 1 }
            }
            return Double(kiosk) / 10_000
        }
        XCTAssertEqual(kioskShare(at: .at(minutes: 59)), 0)
        XCTAssertEqual(kioskShare(at: .at(minutes: 61)), 0.25 * 0.98, accuracy: 0.015)
    }

    func testZigguratNormalHasStandardMomentsAndTails() {
        var random = Xoshiro256StarStar(seed: 21)
        let normal = ZigguratNormal.shared
        let count = 400_000
        var sum = 0.0, squares = 0.0, beyondThree = 0, beyondR = 0
        for _ in 0..<count {
            let z = normal.next(using: &random)
            sum += z
            squares += z * z
            if abs(z) > 3 { beyondThree += 1 }
            if abs(z) > ZigguratNormal.tailStart { beyondR += 1 }
        }
        XCTAssertEqual(sum / Double(count), 0, accuracy: 0.006)
        XCTAssertEqual(squares / Double(count), 1, accuracy: 0.01)
        XCTAssertEqual(Double(beyondThree) / Double(count), 0.0026998, accuracy: 0.0004)
        XCTAssertGreaterThan(beyondR, 0, "the tail is sampled")
    }

    func testParametersAreRecomputedOnlyWhileDriftChangesThem() {
        let drift: [DriftSpec] = [
            .sudden(feature: "age", at: .minutes(10), targets: []),
            .gradual(feature: "score", from: .minutes(20), to: .minutes(30), targets: []),
        ]
        XCTAssertEqual(RequestSampler.nextChange(after: 0, drift: drift), 600)
        XCTAssertEqual(RequestSampler.nextChange(after: 600, drift: drift), 1200)
        XCTAssertEqual(RequestSampler.nextChange(after: 1200, drift: drift), 1201)
        XCTAssertEqual(RequestSampler.nextChange(after: 1799, drift: drift), 1800)
        XCTAssertEqual(RequestSampler.nextChange(after: 1800, drift: drift), .max)
        XCTAssertEqual(RequestSampler.nextChange(after: 5, drift: []), .max)
        XCTAssertEqual(RequestSampler.nextChange(after: 5, drift: [.seasonal(feature: "age", amplitudes: [], period: .hours(1), phase: 0)]), 6)
    }
}
