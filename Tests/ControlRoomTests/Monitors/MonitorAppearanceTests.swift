import Engine
import TUICore
import XCTest
@testable import ControlRoom

final class MonitorAppearanceTests: XCTestCase {
    func testNumbers() {
        XCTAssertEqual(MonitorAppearance.number(nil), "-")
        XCTAssertEqual(MonitorAppearance.number(0), "0")
        XCTAssertEqual(MonitorAppearance.number(0.274), "0.274")
        XCTAssertEqual(MonitorAppearance.number(0.0031), "0.0031")
        XCTAssertEqual(MonitorAppearance.number(0.000032), "3.2e-5")
        XCTAssertEqual(MonitorAppearance.number(0.0000999), "1.0e-4", "a mantissa rounding to 10 moves the exponent")
        XCTAssertEqual(MonitorAppearance.number(1234.6), "1235")
        XCTAssertEqual(MonitorAppearance.number(.nan), "-")
        XCTAssertEqual(MonitorAppearance.threshold(0.05), "0.05")
        XCTAssertEqual(MonitorAppearance.threshold(0.2), "0.2")
        XCTAssertEqual(MonitorAppearance.threshold(0.001), "0.001")
        XCTAssertEqual(MonitorAppearance.percent(0.999), "99.9%")
        XCTAssertEqual(MonitorAppearance.percent(0.5), "50%")
        XCTAssertEqual(MonitorAppearance.percent(-0.35), "-35%")
        XCTAssertEqual(MonitorAppearance.rate(22), "22x")
        XCTAssertEqual(MonitorAppearance.rate(8.24), "8.2x")
        XCTAssertEqual(MonitorAppearance.rate(0.4), "0.40x")
    }

    func testMinusLog10() {
        XCTAssertEqual(MonitorAppearance.minusLog10(0.01), 2, accuracy: 1e-9)
        XCTAssertEqual(MonitorAppearance.minusLog10(1), 0, accuracy: 1e-12)
        XCTAssertEqual(MonitorAppearance.minusLog10(0), 12)
        XCTAssertTrue(MonitorAppearance.minusLog10(.nan).isNaN)
    }

    func testFeatureTexts() {
        let features = MonitorsFixture.features()
        XCTAssertEqual(MonitorAppearance.value(features[0]), "0.274")
        XCTAssertEqual(MonitorAppearance.value(features[1]), "p 0.0031")
        XCTAssertEqual(MonitorAppearance.thresholds(features[0]), "0.1/0.2")
        XCTAssertEqual(MonitorAppearance.thresholds(features[1]), "p<0.05/0.001")
        XCTAssertEqual(MonitorAppearance.value(features[3]), "-")
        XCTAssertEqual(MonitorAppearance.counts(features[0]), "20k/4.2k")
        XCTAssertEqual(MonitorAppearance.datasetLine(DatasetDriftSummary(drifting: 1, watched: 4, threshold: 0.5, isDrifting: false)),
                       "1/4 features drifting (>= 50%)")
    }

    func testWorstState() {
        XCTAssertEqual(MonitorAppearance.worstState(MonitorsFixture.fraud()), .drift)
        XCTAssertEqual(MonitorAppearance.worstState(MonitorsFixture.ranker()), .insufficient)
        var calm = MonitorsFixture.fraud()
        calm.features = [calm.features[2], calm.features[3]]
        calm.datasetDrift = nil
        calm.concept = nil
        calm.slos = []
        XCTAssertEqual(MonitorAppearance.worstState(calm), .ok, "an insufficient feature does not hide an ok one")
        calm.slos = [MonitorsFixture.fraud().slos[0]]
        calm.slos[0].alert = .slow
        XCTAssertEqual(MonitorAppearance.worstState(calm), .warning, "a slow burn is a warning")
    }

    func testGlyphsDifferPerStateInBothSets() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            let all = DriftState.allCases.map { MonitorAppearance.glyph($0, glyphs) }
            XCTAssertEqual(Set(all).count, all.count)
            if !glyphs.hasBraille { XCTAssertTrue(all.allSatisfy(\.isASCII)) }
        }
    }
}
