import TUICore
import XCTest

final class CharacterWidthTests: XCTestCase {
    func testScalars() {
        XCTAssertEqual(CharacterWidth.of("a" as Unicode.Scalar), 1)
        XCTAssertEqual(CharacterWidth.of("é" as Unicode.Scalar), 1)
        XCTAssertEqual(CharacterWidth.of("─" as Unicode.Scalar), 1)
        XCTAssertEqual(CharacterWidth.of("…" as Unicode.Scalar), 1)
        XCTAssertEqual(CharacterWidth.of("日" as Unicode.Scalar), 2)
        XCTAssertEqual(CharacterWidth.of("한" as Unicode.Scalar), 2)
        XCTAssertEqual(CharacterWidth.of("Ａ" as Unicode.Scalar), 2)
        XCTAssertEqual(CharacterWidth.of("🚀" as Unicode.Scalar), 2)
        XCTAssertEqual(CharacterWidth.of("\u{301}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{200B}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{FE0F}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{0}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{1B}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{7F}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{9B}" as Unicode.Scalar), 0)
        XCTAssertEqual(CharacterWidth.of("\u{A0}" as Unicode.Scalar), 1)
    }

    func testStrings() {
        XCTAssertEqual(CharacterWidth.of(""), 0)
        XCTAssertEqual(CharacterWidth.of("abc"), 3)
        XCTAssertEqual(CharacterWidth.of("日本語"), 6)
        XCTAssertEqual(CharacterWidth.of("e\u{301}"), 1)
        XCTAssertEqual(CharacterWidth.of("v3 ✓ 🚀"), 7)
        XCTAssertEqual(CharacterWidth.of("ab"[...]), 2)
    }

    func testGlyphSetsAreSingleWidthAndASCIIIsPureASCII() {
        for set in [GlyphSet.unicode, GlyphSet.ascii] {
            let scalars: [Unicode.Scalar] = [set.horizontal, set.vertical, set.topLeft, set.topRight, set.bottomLeft,
                                             set.bottomRight, set.teeRight, set.teeLeft, set.teeDown, set.teeUp, set.cross,
                                             set.dashed, set.arrowUp, set.arrowDown, set.arrowRight, set.check,
                                             set.crossMark, set.bullet, set.shade]
                + set.horizontalEighths + set.verticalLevels + set.ramp
            for s in scalars { XCTAssertEqual(CharacterWidth.of(s), 1, "U+\(String(s.value, radix: 16))") }
            XCTAssertEqual(CharacterWidth.of(set.ellipsis), 1)
        }
        let ascii = GlyphSet.ascii
        XCTAssertTrue(([ascii.horizontal, ascii.vertical, ascii.topLeft, ascii.arrowDown, ascii.check, ascii.bullet]
            + ascii.horizontalEighths + ascii.verticalLevels + ascii.ramp).allSatisfy(\.isASCII))
        XCTAssertTrue(ascii.ellipsis.unicodeScalars.allSatisfy(\.isASCII))
    }
}
