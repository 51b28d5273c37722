import Foundation
import XCTest
@testable import TUICore

/// Keeps the `themes/` folder and the compiled-in built-in themes in step.
final class ThemeFilesTests: XCTestCase {
    /// The repository's `themes/` folder, found from this file's location
    /// (Tests/TUICoreTests/ThemeFilesTests.swift).
    private let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    func testEachThemeFileEqualsItsCompiledInText() throws {
        for name in BuiltInThemes.names {
            let url = themesDirectory.appendingPathComponent("\(name).theme")
            let onDisk = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(onDisk, BuiltInThemes.text(named: name),
                           "themes/\(name).theme differs from its copy in BuiltInThemeTexts.swift")
        }
    }

    func testTheFolderHoldsExactlyTheBuiltIns() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".theme") }.sorted()
        XCTAssertEqual(files, BuiltInThemes.names.map { "\($0).theme" })
    }

    func testReadmeDocumentsEveryKey() throws {
        let readme = try String(contentsOf: themesDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        for key in ThemeParser.knownKeys {
            XCTAssertTrue(readme.contains("`\(key)`"), "themes/README.md does not mention `\(key)`")
        }
        for name in ThemeColorSyntax.names {
            XCTAssertTrue(readme.contains(name), "themes/README.md does not mention the colour name \(name)")
        }
        XCTAssertTrue(readme.contains("NO_COLOR"))
        XCTAssertTrue(readme.contains("XDG_CONFIG_HOME"))
    }
}
