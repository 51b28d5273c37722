import XCTest
@testable import Engine

final class InputWindowTests: XCTestCase {
    private let layout = RowLayout(schema: DatasetSchema(features: [
        FeatureSchema(name: "amount", kind: .numeric),
        FeatureSchema(name: "merchant", kind: .categorical(["online", "store"])),
    ]))

    private func offer(_ window: inout InputWindow, _ value: Double, code: Int32, at time: SimTime) {
        window.begin(at: time)
        [value].withUnsafeBufferPointer { numeric in
            [code].withUnsafeBufferPointer { window.record(numeric: numeric, categorical: $0) }
        }
    }

    func testCountWindowKeepsExactlyTheLastRequests() {
        var window = InputWindow(kind: .count(5), layout: layout, maxSample: 100, random: Xoshiro256StarStar(seed: 1))
        for value in 1...12 { offer(&window, Double(value), code: Int32(value % 2), at: .zero) }
        XCTAssertEqual(window.numericValues(0, at: .zero).sorted(), [8, 9, 10, 11, 12])
        XCTAssertEqual(window.categoryCounts(0, categories: 2, at: .zero), [3, 2])
        XCTAssertEqual(window.requests(at: .zero), 12)
    }

    func testTimeWindowDropsSlicesOlderThanTheWindow() {
        // 12 minutes in 1-minute slices.
        let kind = InputWindow.Kind.time(window: SimDuration.minutes(12).milliseconds, slice: InputWindow.sliceLength(window: SimDuration.minutes(12).milliseconds))
        var window = InputWindow(kind: kind, layout: layout, maxSample: 1200, random: Xoshiro256StarStar(seed: 2))
        for minute in 0..<30 {
            offer(&window, Double(minute), code: 0, at: SimTime(milliseconds: Int64(minute) * 60_000 + 1))
        }
        let now = SimTime(milliseconds: 29 * 60_000 + 2)
        // The window [17m, 29m] rounded out to whole slices: minutes 17...29.
        XCTAssertEqual(window.numericValues(0, at: now).sorted(), (17...29).map(Double.init))
    }

    func testReservoirKeepsAUniformSampleOfABusySlice() {
        let kind = InputWindow.Kind.fixed(from: 0, to: 60_000)
        var window = InputWindow(kind: kind, layout: layout, maxSample: 1000, random: Xoshiro256StarStar(seed: 3))
        for index in 0..<100_000 { offer(&window, Double(index), code: Int32(index % 2), at: SimTime(milliseconds: 10)) }
        let kept = window.numericValues(0, at: SimTime(milliseconds: 10))
        XCTAssertEqual(kept.count, 1000)
        XCTAssertEqual(window.requests(at: .zero), 100_000)
        // A uniform sample of 0..<100,000 has a mean near 50,000 (sd of the mean ≈ 913).
        let mean = kept.reduce(0, +) / Double(kept.count)
        XCTAssertEqual(mean, 50_000, accuracy: 4_000)
        // Rows stay whole: the code is the value's parity.
        XCTAssertEqual(window.categoryCounts(0, categories: 2, at: .zero), [kept.filter { Int($0) % 2 == 0 }.count, kept.filter { Int($0) % 2 == 1 }.count])
    }

    func testFixedWindowStopsAtItsEnd() {
        var window = InputWindow(kind: .fixed(from: 1_000, to: 2_000), layout: layout, maxSample: 10, random: Xoshiro256StarStar(seed: 4))
        offer(&window, 1, code: 0, at: SimTime(milliseconds: 500))
        offer(&window, 2, code: 0, at: SimTime(milliseconds: 1_500))
        offer(&window, 3, code: 0, at: SimTime(milliseconds: 2_000))
        XCTAssertEqual(window.numericValues(0, at: SimTime(milliseconds: 2_000)), [2])
        XCTAssertFalse(window.isClosed(at: SimTime(milliseconds: 1_999)))
        XCTAssertTrue(window.isClosed(at: SimTime(milliseconds: 2_000)))
    }

    func testSameSeedSameSample() {
        func run() -> [Double] {
            var window = InputWindow(kind: .fixed(from: 0, to: 10), layout: layout, maxSample: 50, random: Xoshiro256StarStar(seed: 9))
            for index in 0..<5_000 { offer(&window, Double(index), code: 0, at: .zero) }
            return window.numericValues(0, at: .zero)
        }
        XCTAssertEqual(run(), run())
    }
}

final class OutcomeQueueTests: XCTestCase {
    func testDrainsInOrderThroughATimeAndKeepsTheRest() {
        var queue = OutcomeQueue()
        for index in 0..<200 { queue.append(time: Int64(index) * 10, error: index % 3 == 0) }
        var seen: [(SimTime, Bool)] = []
        queue.drain(through: SimTime(milliseconds: 995)) { seen.append(($0, $1)) }
        XCTAssertEqual(seen.map(\.0.milliseconds), (0..<100).map { Int64($0) * 10 })
        XCTAssertEqual(seen.filter(\.1).count, 34)
        XCTAssertEqual(queue.count, 100)
        // Appending after a partial drain wraps around and keeps the order.
        for index in 200..<300 { queue.append(time: Int64(index) * 10, error: false) }
        var rest: [Int64] = []
        queue.drain(through: SimTime(milliseconds: 10_000)) { time, _ in rest.append(time.milliseconds) }
        XCTAssertEqual(rest, (100..<300).map { Int64($0) * 10 })
        XCTAssertEqual(queue.count, 0)
    }
}
