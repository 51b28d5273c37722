import TUICore
import TUITestSupport
import XCTest

final class GaugeTests: XCTestCase {
    private let green = Style(fg: .green)

    func testPartialEighthsAndLabel() {
        var buffer = CellBuffer(width: 20, height: 1)
        // 0.53 * 160 = 84.8 -> 85 eighths: 10 full cells and 5/8 of the next.
        Gauge(ratio: 0.53, label: "53%", filledStyle: green).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "normal")
        XCTAssertEqual(buffer.text(ofRow: 0), "████████53%         ")
        // The label's last character sits on the partial cell (5/8 filled),
        // which counts as filled for readability.
        XCTAssertEqual(buffer[10, 0].style, green.reversed())
        XCTAssertEqual(buffer[11, 0].style, .plain)
        var bare = CellBuffer(width: 20, height: 1)
        Gauge(ratio: 0.53, filledStyle: green).render(into: &bare, area: bare.bounds)
        XCTAssertEqual(bare[9, 0].scalar, "█")
        XCTAssertEqual(bare[10, 0].scalar, "▋")
        XCTAssertEqual(bare[11, 0].scalar, " ")
        // Label over the filled part is readable: reverse video of the fill style.
        XCTAssertEqual(buffer[8, 0].scalar, "5")
        XCTAssertEqual(buffer[8, 0].style, green.reversed())
    }

    func testLabelOverEmptyPartUsesEmptyStyle() {
        var buffer = CellBuffer(width: 10, height: 3)
        Gauge(ratio: 0.1, label: "10%", filledStyle: green, emptyStyle: Style().dim()).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "tall")
        XCTAssertEqual(buffer.text(ofRow: 1), "█  10%    ")
        XCTAssertEqual(buffer[3, 1].style, Style().dim())
        XCTAssertEqual(buffer.text(ofRow: 0), "█         ")
    }

    func testClampingAndNaN() {
        for (ratio, expected) in [(Double.nan, 0.0), (-1, 0), (2, 1), (Double.infinity, 1), (0.25, 0.25)] {
            XCTAssertEqual(Gauge(ratio: ratio, filledStyle: green).clampedRatio, expected, "\(ratio)")
        }
        var buffer = CellBuffer(width: 6, height: 1)
        Gauge(ratio: .nan, filledStyle: green).render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer.text(ofRow: 0), "      ")
        Gauge(ratio: 7, filledStyle: green).render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer.text(ofRow: 0), "██████")
    }

    func testNarrowTruncatesLabel() {
        var buffer = CellBuffer(width: 5, height: 1)
        Gauge(ratio: 0.5, label: "accuracy 0.93", filledStyle: green).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
        XCTAssertEqual(buffer.text(ofRow: 0), "accu…")
    }

    func testASCII() {
        var buffer = CellBuffer(width: 12, height: 1)
        Gauge(ratio: 0.4, label: "40%", filledStyle: green, glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
        XCTAssertEqual(buffer.text(ofRow: 0), "####40%     ")
    }

    func testEmptyArea() {
        var buffer = CellBuffer(width: 3, height: 1)
        Gauge(ratio: 1, filledStyle: green).render(into: &buffer, area: .zero)
        XCTAssertEqual(buffer, CellBuffer(width: 3, height: 1))
    }
}
