import XCTest
@testable import TUICore

final class ThemeParserTests: XCTestCase {
    private func parse(_ text: String, source: String = "my.theme") throws -> ParsedTheme {
        try ThemeParser.parse(text, source: source)
    }

    private func parseError(_ text: String, source: String = "my.theme") -> ThemeError? {
        do {
            _ = try ThemeParser.parse(text, source: source)
            return nil
        } catch {
            return error
        }
    }

    func testEveryBuiltInTextParsesWithoutWarnings() throws {
        for name in BuiltInThemes.names {
            let parsed = try parse(XCTUnwrap(BuiltInThemes.text(named: name)), source: "\(name).theme")
            XCTAssertEqual(parsed.warnings, [], name)
            XCTAssertEqual(parsed.theme.name, name)
            XCTAssertEqual(parsed.theme, BuiltInThemes.theme(named: name), name)
        }
    }

    func testColourBuiltInsSetEveryRoleThemselves() throws {
        for name in ["default", "light", "high-contrast"] {
            let parsed = try parse(XCTUnwrap(BuiltInThemes.text(named: name)))
            XCTAssertEqual(parsed.assignedRoles, ThemeRole.allCases, name)
            XCTAssertFalse(parsed.theme.isMonochrome, name)
            for role in ThemeRole.allCases {
                guard case .rgb = parsed.theme.color(role) else {
                    return XCTFail("\(name): \(role.key) is \(parsed.theme.color(role)), expected an RGB colour")
                }
            }
        }
    }

    func testMonoBuiltInIsMonochrome() {
        let mono = BuiltInThemes.mono
        XCTAssertTrue(mono.isMonochrome)
        XCTAssertEqual(mono.name, "mono")
        for role in ThemeRole.allCases { XCTAssertEqual(mono.color(role), .default, role.key) }
    }

    func testHighContrastIsBlackAndWhite() {
        let theme = BuiltInThemes.highContrast
        XCTAssertEqual(theme.color(.background), .rgb(0, 0, 0))
        XCTAssertEqual(theme.color(.text), .rgb(255, 255, 255))
        XCTAssertEqual(theme.color(.critical), .rgb(255, 0, 0))
        XCTAssertEqual(theme.color(.ok), .rgb(0, 255, 0))
    }

    func testUnknownKeyWarnsWithLineAndSuggestionAndTheRestApplies() throws {
        let parsed = try parse("""
            # my colours
            background = #000000
            acent = #ff0000
            text = #ffffff
            frobnicate = 3
            """)
        XCTAssertEqual(parsed.warnings.map(\.description), [
            "my.theme:3: unknown key 'acent' (did you mean 'accent'?)",
            "my.theme:5: unknown key 'frobnicate'",
        ])
        XCTAssertEqual(parsed.theme.color(.background), .rgb(0, 0, 0))
        XCTAssertEqual(parsed.theme.color(.text), .rgb(255, 255, 255))
        XCTAssertEqual(parsed.theme.color(.accent), BuiltInThemes.default.color(.accent))
        XCTAssertEqual(parsed.assignedRoles, [.background, .text])
    }

    func testSuggestionsForCommonSlips() throws {
        let parsed = try parse("""
            selection-bg = red
            Accent = red
            selection = red
            background_colour = red
            """)
        XCTAssertEqual(parsed.warnings.map(\.message), [
            "unknown key 'selection-bg' (did you mean 'selection_bg'?)",
            "unknown key 'Accent' (did you mean 'accent'?)",
            "unknown key 'selection' (did you mean 'selection_fg'?)",
            "unknown key 'background_colour' (did you mean 'background'?)",
        ])
    }

    func testBadColourIsAnErrorAtTheValue() {
        let error = parseError("""
            background = #000000

              text = #zzzzzz
            """)
        XCTAssertEqual(error, .syntax(source: "my.theme", line: 3, column: 10,
                                      message: "expected a colour like #1e1e2e or #fff (6 or 3 hex digits), got '#zzzzzz'"))
        XCTAssertEqual(error?.description,
                       "my.theme:3:10: expected a colour like #1e1e2e or #fff (6 or 3 hex digits), got '#zzzzzz'")
    }

    func testUnknownColourNameSaysWhatWasExpected() {
        XCTAssertEqual(parseError("ok = gren")?.description,
                       "my.theme:1:6: expected a colour like #1e1e2e, a name such as red, or 0-255, got 'gren' (did you mean 'green'?)")
        XCTAssertEqual(parseError("ok = 300")?.description,
                       "my.theme:1:6: expected a palette index 0-255, got 300")
        XCTAssertEqual(parseError("ok =   ")?.description,
                       "my.theme:1:8: expected a colour like #1e1e2e, a name such as red, or 0-255 after '='")
    }

    func testLineWithoutEqualsIsAnError() {
        XCTAssertEqual(parseError("text = white\n  accent #ff0000")?.description,
                       "my.theme:2:3: expected 'key = value', got 'accent #ff0000'")
        XCTAssertEqual(parseError(" = red")?.description, "my.theme:1:2: expected a key before '='")
    }

    func testColourForms() throws {
        let parsed = try parse("""
            background = #1E1E2E
            text = #f80
            muted = bright_black
            accent = RED
            border = 244
            title = default
            ok = #00ff00   # trailing comment
            """)
        let t = parsed.theme
        XCTAssertEqual(t.color(.background), .rgb(0x1e, 0x1e, 0x2e))
        XCTAssertEqual(t.color(.text), .rgb(0xff, 0x88, 0x00))
        XCTAssertEqual(t.color(.muted), .brightBlack)
        XCTAssertEqual(t.color(.accent), .red)
        XCTAssertEqual(t.color(.border), .indexed(244))
        XCTAssertEqual(t.color(.title), .default)
        XCTAssertEqual(t.color(.ok), .rgb(0, 255, 0))
    }

    func testColourTextRoundTrips() {
        let colors: [Color] = [.default, .red, .brightWhite, .indexed(244), .rgb(0x1e, 0x1e, 0x2e)]
        for color in colors {
            XCTAssertEqual(try ThemeColorSyntax.parse(ThemeColorSyntax.text(for: color)).get(), color)
        }
        XCTAssertEqual(ThemeColorSyntax.text(for: .rgb(0x1e, 0x1e, 0x2e)), "#1e1e2e")
    }

    func testMissingKeysFallBackToDefault() throws {
        let parsed = try parse("accent = #ff00ff\n")
        for role in ThemeRole.allCases where role != .accent {
            XCTAssertEqual(parsed.theme.color(role), BuiltInThemes.default.color(role), role.key)
        }
        XCTAssertEqual(parsed.theme.color(.accent), .rgb(255, 0, 255))
        XCTAssertFalse(parsed.theme.isMonochrome)
    }

    func testNameDefaultsToTheFileStem() throws {
        XCTAssertEqual(try parse("", source: "/home/me/.config/flightdeck/themes/ocean.theme").theme.name, "ocean")
        XCTAssertEqual(try parse("name = Deep Ocean # mine", source: "x.theme").theme.name, "Deep Ocean")
    }

    func testInheritsTakesUnsetRolesFromThatBuiltIn() throws {
        let parsed = try parse("accent = #123456\ninherits = light\n")
        XCTAssertEqual(parsed.theme.color(.background), BuiltInThemes.light.color(.background))
        XCTAssertEqual(parsed.theme.color(.accent), .rgb(0x12, 0x34, 0x56))
        XCTAssertEqual(parsed.theme.name, "my")

        XCTAssertEqual(parseError("inherits = solarized")?.description,
                       "my.theme:1:12: expected the name of a built-in theme (default, high-contrast, light, mono), got 'solarized'")
    }

    func testMonochromeKey() throws {
        XCTAssertTrue(try parse("monochrome = yes").theme.isMonochrome)
        XCTAssertFalse(try parse("inherits = mono\nmonochrome = false\ntext = red").theme.isMonochrome)
        XCTAssertEqual(try parse("inherits = mono\nmonochrome = false\ntext = red").theme.color(.text), .red)
        XCTAssertEqual(parseError("monochrome = maybe")?.description, "my.theme:1:14: expected true or false, got 'maybe'")
    }

    func testKeySetTwiceWarnsAndLastWins() throws {
        let parsed = try parse("ok = red\nok = green\n")
        XCTAssertEqual(parsed.warnings.map(\.description), ["my.theme:2: key 'ok' is set again (overrides line 1)"])
        XCTAssertEqual(parsed.theme.color(.ok), .green)
    }

    func testWindowsLineEndingsCountLinesCorrectly() throws {
        let parsed = try parse("text = red\r\n\r\nbogus = 1\r\nok = green\r\n")
        XCTAssertEqual(parsed.warnings.map(\.line), [3])
        XCTAssertEqual(parsed.theme.color(.ok), .green)
        XCTAssertEqual(parseError("text = red\r\nok = nope\r\n")?.description.hasPrefix("my.theme:2:6:"), true)
    }
}
