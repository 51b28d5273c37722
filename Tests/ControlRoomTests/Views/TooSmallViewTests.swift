import Engine
import TUICore
import XCTest
@testable import ControlRoom

/// The "too small" notice at every size below the minimum, down to 1x1.
final class TooSmallViewTests: XCTestCase {
    private func render(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(
            snapshot: Engine(configuration: EngineConfiguration(projectName: "tiny", seed: 1)).snapshot(),
            state: UIState(),
            context: RenderContext(palette: .monochrome, glyphs: glyphs),
            width: width,
            height: height
        )
    }

    func testNarrowTerminalsGetShorterWordings() {
        XCTAssertTrue(render(width: 79, height: 23).lines.contains { $0.contains("Terminal too small: 79x23") })
        let medium = render(width: 20, height: 5).lines
        XCTAssertTrue(medium.contains { $0.contains("Too small: 20x5") }, "\(medium)")
        XCTAssertTrue(medium.contains { $0.contains("Needs 80x24.") }, "\(medium)")
        XCTAssertTrue(medium.contains { $0.contains("q quits") }, "\(medium)")
        let narrow = render(width: 10, height: 3).lines
        XCTAssertEqual(narrow, ["Too small ", "Needs 80x…", " q quits  "])
    }

    func testOneRowShowsTheFirstLine() {
        XCTAssertEqual(render(width: 12, height: 1).lines, [" Too small  "])
    }

    func testTinySizesDrawWithinTheBuffer() {
        for (width, height) in [(1, 1), (2, 1), (1, 3), (3, 2)] {
            for glyphs in [GlyphSet.unicode, .ascii] {
                let lines = render(width: width, height: height, glyphs: glyphs).lines
                XCTAssertEqual(lines.count, height)
                for line in lines { XCTAssertEqual(line.count, width, "\(width)x\(height): '\(line)'") }
            }
        }
        XCTAssertEqual(render(width: 2, height: 1, glyphs: .ascii).lines, ["s~"])
    }

    func testFittingPicksTheLongestWordingThatFits() {
        let variants = ["a long wording", "short", "s"]
        XCTAssertEqual(TooSmallView.fitting(variants, width: 20, ellipsis: "…"), "a long wording")
        XCTAssertEqual(TooSmallView.fitting(variants, width: 6, ellipsis: "…"), "short")
        XCTAssertEqual(TooSmallView.fitting(variants, width: 1, ellipsis: "…"), "s")
        XCTAssertEqual(TooSmallView.fitting(["abc"], width: 2, ellipsis: "…"), "a…")
    }
}
