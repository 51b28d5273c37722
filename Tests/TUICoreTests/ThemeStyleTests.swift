import XCTest
@testable import TUICore

final class ThemeStyleTests: XCTestCase {
    let dark = BuiltInThemes.default

    func testRoleStyleIsRoleColourOnBackground() {
        XCTAssertEqual(dark.style(.critical), Style(fg: .rgb(0xf3, 0x8b, 0xa8), bg: .rgb(0x1e, 0x1e, 0x2e)))
        XCTAssertEqual(dark.style(.background), Style(fg: dark.color(.text), bg: dark.color(.background)))
        XCTAssertEqual(dark.selectionStyle, Style(fg: dark.color(.selectionFg), bg: dark.color(.selectionBg)))
        XCTAssertEqual(dark.headerStyle, Style(fg: dark.color(.headerText), bg: dark.color(.header)))
    }

    func testVersionStylesCycleThroughEightColours() {
        XCTAssertEqual(dark.versionStyle(index: 0).fg, dark.color(.version1))
        XCTAssertEqual(dark.versionStyle(index: 7).fg, dark.color(.version8))
        XCTAssertEqual(dark.versionStyle(index: 8), dark.versionStyle(index: 0))
        XCTAssertEqual(dark.versionStyle(index: -1), dark.versionStyle(index: 7))
        XCTAssertEqual(Set((0..<8).map { dark.versionStyle(index: $0).fg }).count, 8)
    }

    func testGradientIsFourColoursLowToHigh() {
        XCTAssertEqual(dark.gradient, [dark.color(.chartGradient1), dark.color(.chartGradient2),
                                       dark.color(.chartGradient3), dark.color(.chartGradient4)])
    }

    func testMonochromeGivesMeaningThroughAttributes() {
        let mono = BuiltInThemes.mono
        XCTAssertEqual(mono.selectionStyle, Style(attributes: .reverse))
        XCTAssertEqual(mono.headerStyle, Style(attributes: .underline))
        XCTAssertEqual(mono.style(.critical), Style(attributes: [.bold, .underline]))
        XCTAssertEqual(mono.style(.warn), Style(attributes: .bold))
        XCTAssertEqual(mono.style(.muted), Style(attributes: .dim))
        XCTAssertEqual(mono.style(.accent), Style(attributes: .bold))
        XCTAssertEqual(mono.style(.ok), Style.plain)
        XCTAssertEqual((0..<5).map { mono.versionStyle(index: $0).attributes },
                       [[], .bold, .underline, .reverse, []])
        XCTAssertEqual(mono.gradient, [.default, .default, .default, .default])
    }

    func testSettingColoursIsIgnoredWhenMonochrome() {
        XCTAssertEqual(BuiltInThemes.mono.setting(.text, to: .red).color(.text), .default)
        XCTAssertEqual(dark.setting(.text, to: .red).color(.text), .red)
    }

    func testReductionTo256UsesThePalette() {
        let reduced = dark.reduced(to: .palette256)
        for role in ThemeRole.allCases {
            guard case .indexed = reduced.color(role) else { return XCTFail("\(role.key): \(reduced.color(role))") }
            XCTAssertEqual(reduced.color(role), ColorReduction.reduce(dark.color(role), to: .palette256), role.key)
        }
        XCTAssertEqual(reduced.color(.background), .indexed(235))
        XCTAssertFalse(reduced.isMonochrome)
        XCTAssertEqual(reduced.name, "default")
    }

    func testReductionTo8ColoursKeepsStatusHues() {
        let reduced = BuiltInThemes.highContrast.reduced(to: .ansi8)
        for role in ThemeRole.allCases {
            guard case .indexed(let i) = reduced.color(role), i < 8 else {
                return XCTFail("\(role.key): \(reduced.color(role))")
            }
        }
        XCTAssertEqual(reduced.color(.background), .black)
        XCTAssertEqual(reduced.color(.text), .white)
        XCTAssertEqual(reduced.color(.critical), .red)
        XCTAssertEqual(reduced.color(.ok), .green)
        XCTAssertEqual(reduced.color(.warn), .yellow)
    }

    func testFittingTo8ColoursKeepsTheHuesOfPastels() {
        let reduced = dark.reduced(to: .ansi8)
        XCTAssertEqual(reduced.color(.background), .black)
        XCTAssertEqual(reduced.color(.text), .white)
        XCTAssertEqual(reduced.color(.critical), .red)
        XCTAssertEqual(reduced.color(.ok), .green)
        XCTAssertEqual(reduced.color(.warn), .yellow)
        XCTAssertEqual(reduced.color(.accent), .blue)
        XCTAssertEqual(reduced.color(.info), .cyan)
        // A grey muted colour becomes the text colour, so it is dimmed instead.
        XCTAssertEqual(reduced.style(.muted), Style(fg: .white, bg: .black, attributes: .dim))
    }

    func testRolesThatVanishIntoTheBackgroundAt8ColoursUseTextColourAndAttributes() {
        let reduced = BuiltInThemes.light.reduced(to: .ansi8)
        XCTAssertEqual(reduced.color(.background), .white)
        XCTAssertEqual(reduced.color(.muted), .white)
        XCTAssertEqual(reduced.style(.muted), Style(fg: .black, bg: .white, attributes: .dim))
        XCTAssertEqual(reduced.style(.border), Style(fg: .black, bg: .white))
    }

    func testEveryColourBuiltInRoleStaysVisibleAt8Colours() {
        for name in ["default", "light", "high-contrast"] {
            let reduced = BuiltInThemes.theme(named: name)!.reduced(to: .ansi8)
            for role in ThemeRole.allCases where role != .background {
                let style = reduced.style(role)
                XCTAssertTrue(style.fg != style.bg || !style.attributes.isEmpty, "\(name) \(role.key): \(style)")
            }
        }
    }

    func testColourFittingTo8Colours() {
        XCTAssertEqual(ThemeColorFitting.fit(.indexed(196), to: .ansi8), .red)
        XCTAssertEqual(ThemeColorFitting.fit(.indexed(244), to: .ansi8), .white)
        XCTAssertEqual(ThemeColorFitting.fit(.indexed(236), to: .ansi8), .black)
        XCTAssertEqual(ThemeColorFitting.fit(.brightCyan, to: .ansi8), .cyan)
        XCTAssertEqual(ThemeColorFitting.fit(.rgb(0xf3, 0x8b, 0xa8), to: .ansi8), .red)
        XCTAssertEqual(ThemeColorFitting.fit(.rgb(0xf3, 0x8b, 0xa8), to: .palette256),
                       ColorReduction.reduce(.rgb(0xf3, 0x8b, 0xa8), to: .palette256))
        XCTAssertEqual(ThemeColorFitting.fit(.default, to: .ansi8), .default)
    }

    func testEveryBuiltInSelectionStaysVisibleAt8Colours() {
        for name in BuiltInThemes.names {
            let reduced = BuiltInThemes.theme(named: name)!.reduced(to: .ansi8)
            let selection = reduced.selectionStyle
            let distinct = selection.attributes.contains(.reverse)
                || (selection.fg != selection.bg && selection.bg != reduced.color(.background))
            XCTAssertTrue(distinct, "\(name): \(selection)")
        }
    }

    func testCollapsedSelectionFallsBackToReverse() {
        let flat = dark.setting(.selectionBg, to: dark.color(.background))
        XCTAssertEqual(flat.selectionStyle, Style(fg: dark.color(.text), bg: dark.color(.background), attributes: .reverse))
        let sameHeader = dark.setting(.header, to: .black).setting(.headerText, to: .black)
        XCTAssertEqual(sameHeader.headerStyle.attributes, .underline)
    }

    func testReductionToMonochromeUsesAttributes() {
        let reduced = BuiltInThemes.light.reduced(to: .monochrome)
        XCTAssertTrue(reduced.isMonochrome)
        XCTAssertEqual(reduced.name, "light")
        for role in ThemeRole.allCases { XCTAssertEqual(reduced.color(role), .default, role.key) }
        XCTAssertEqual(reduced.selectionStyle, Style(attributes: .reverse))
        XCTAssertEqual(reduced.style(.critical).attributes, [.bold, .underline])
        var renamed = reduced
        renamed.name = "mono"
        XCTAssertEqual(renamed, BuiltInThemes.mono)
    }

    func testTrueColourReductionKeepsColours() {
        XCTAssertEqual(dark.reduced(to: .trueColor), dark)
    }
}
