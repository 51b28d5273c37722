import Foundation
import XCTest
@testable import TUICore

final class ThemeLoaderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("flightdeck-theme-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `text` to `relativePath` under the temporary root; returns the full path.
    @discardableResult
    private func write(_ text: String, to relativePath: String) throws -> String {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func loadError(_ nameOrPath: String?, _ environment: [String: String]) -> ThemeError? {
        do {
            _ = try ThemeLoader.load(nameOrPath, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    func testNilLoadsTheDefault() throws {
        XCTAssertEqual(try ThemeLoader.load(nil, environment: [:]), ParsedTheme(theme: BuiltInThemes.default))
    }

    func testBuiltInsLoadByName() throws {
        for name in BuiltInThemes.names {
            XCTAssertEqual(try ThemeLoader.load(name, environment: ["HOME": root.path]).theme, BuiltInThemes.theme(named: name))
        }
    }

    func testUnknownNameListsTheAvailableThemes() throws {
        try write("accent = red\n", to: "xdg/flightdeck/themes/ocean.theme")
        let error = loadError("solarized", ["XDG_CONFIG_HOME": root.path + "/xdg"])
        XCTAssertEqual(error, .unknownTheme(name: "solarized", available: ["default", "high-contrast", "light", "mono", "ocean"]))
        XCTAssertEqual(error?.description,
                       "unknown theme 'solarized'; available themes: default, high-contrast, light, mono, ocean (or give the path of a .theme file)")
    }

    func testMissingFileNamesThePathAndReason() {
        let path = root.path + "/nowhere/missing.theme"
        XCTAssertEqual(loadError(path, [:]), .unreadableFile(path: path, reason: "No such file or directory"))
        XCTAssertEqual(loadError(path, [:])?.description,
                       "cannot read theme file '\(path)': No such file or directory")
    }

    func testDirectoryIsNotAThemeFile() throws {
        let path = root.path + "/dir.theme"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        XCTAssertEqual(loadError(path, [:]), .unreadableFile(path: path, reason: "Is a directory"))
    }

    func testNonUTF8FileIsRejected() throws {
        let path = root.path + "/latin1.theme"
        try Data([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xe9, 0x0a]).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(loadError(path, [:]), .unreadableFile(path: path, reason: "not UTF-8 text"))
    }

    func testPathLoadsAndReportsWarningsAgainstThePath() throws {
        let path = try write("ok = #00ff00\nokay = red\n", to: "mine/custom.theme")
        let parsed = try ThemeLoader.load(path, environment: [:])
        XCTAssertEqual(parsed.theme.name, "custom")
        XCTAssertEqual(parsed.theme.color(.ok), .rgb(0, 255, 0))
        XCTAssertEqual(parsed.warnings.map(\.description), ["\(path):2: unknown key 'okay' (did you mean 'ok'?)"])
    }

    func testSyntaxErrorsNameTheFile() throws {
        let path = try write("ok = #00ff00\nwarn = orange\n", to: "bad.theme")
        guard case .syntax(let source, let line, let column, _)? = loadError(path, [:]) else {
            return XCTFail("expected a syntax error")
        }
        XCTAssertEqual([source, "\(line)", "\(column)"], [path, "2", "8"])
    }

    func testNamesAreLookedUpUnderXDGConfigHomeFirst() throws {
        try write("name = ocean\naccent = #0077be\n", to: "xdg/flightdeck/themes/ocean.theme")
        try write("background = #ffffff\n", to: "xdg/flightdeck/themes/light.theme")
        let environment = ["XDG_CONFIG_HOME": root.path + "/xdg", "HOME": root.path + "/home"]

        let ocean = try ThemeLoader.load("ocean", environment: environment)
        XCTAssertEqual(ocean.theme.name, "ocean")
        XCTAssertEqual(ocean.theme.color(.accent), .rgb(0, 0x77, 0xbe))

        let light = try ThemeLoader.load("light", environment: environment)
        XCTAssertEqual(light.theme.color(.background), .rgb(255, 255, 255))
        XCTAssertNotEqual(light.theme, BuiltInThemes.light)

        XCTAssertEqual(ThemeLoader.availableThemes(environment: environment),
                       ["default", "high-contrast", "light", "mono", "ocean"])
    }

    func testXDGConfigHomeDefaultsToHomeDotConfig() throws {
        try write("accent = red\n", to: "home/.config/flightdeck/themes/dusk.theme")
        for environment in [["HOME": root.path + "/home"],
                            ["HOME": root.path + "/home", "XDG_CONFIG_HOME": ""],
                            ["HOME": root.path + "/home", "XDG_CONFIG_HOME": "relative/dir"]] {
            XCTAssertEqual(try ThemeLoader.load("dusk", environment: environment).theme.color(.accent), .red)
            XCTAssertEqual(ThemeLoader.userThemeDirectory(environment: environment),
                           root.path + "/home/.config/flightdeck/themes")
        }
        XCTAssertNil(ThemeLoader.userThemeDirectory(environment: [:]))
        XCTAssertEqual(ThemeLoader.availableThemes(environment: [:]), BuiltInThemes.names)
    }

    func testWhatCountsAsAPath() {
        XCTAssertTrue(ThemeLoader.isPath("./x"))
        XCTAssertTrue(ThemeLoader.isPath("ocean.theme"))
        XCTAssertFalse(ThemeLoader.isPath("ocean"))
    }
}
