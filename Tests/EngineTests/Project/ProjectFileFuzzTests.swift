import Foundation
import XCTest
@testable import Engine

/// Hostile and broken project files: seeded mutations of the embedded demo,
/// random YAML, deep nesting and alias bombs. Every outcome must be a
/// success or positioned errors (`file:line:col: error: ...` with the line
/// inside the file); nothing may crash or hang.
final class ProjectFileFuzzTests: XCTestCase {
    private let builtins = BuiltinRegistry.standard.names
    private let source = "fuzz.yaml"

    /// The demo's lines, with the mutations applied line by line.
    private var demoLines: [String] { EmbeddedDemo.text.components(separatedBy: "\n") }

    func testMutatedDemoGivesSuccessOrPositionedErrors() throws {
        var random = Xoshiro256StarStar(seed: 7_000_001)
        var failures = 0
        for index in 0..<1500 {
            var lines = demoLines
            let mutations = Int.random(in: 1...3, using: &random)
            var invalidBytes: [(line: Int, byte: UInt8)] = []
            for _ in 0..<mutations {
                mutate(&lines, invalidBytes: &invalidBytes, random: &random)
            }
            var bytes = Array(lines.joined(separator: "\n").utf8)
            if !invalidBytes.isEmpty {
                // Raw bytes that are not UTF-8, spliced in at the start of a line.
                bytes = []
                for (number, line) in lines.enumerated() {
                    bytes += invalidBytes.filter { $0.line == number }.map(\.byte)
                    bytes += Array(line.utf8) + [0x0A]
                }
            }
            if try check(bytes, case: "mutation \(index)") { failures += 1 }
        }
        // The mutations must reach the validation: most of them break the file.
        XCTAssertGreaterThan(failures, 500)
    }

    func testHostileScalarsInEveryValueOfTheDemo() throws {
        var random = Xoshiro256StarStar(seed: 7_000_002)
        let lines = demoLines
        let valueLines = lines.indices.filter { lines[$0].contains(": ") && !lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        for (index, scalar) in Self.hostileScalars.enumerated() {
            for _ in 0..<12 {
                var mutated = lines
                let line = valueLines[Int.random(in: 0..<valueLines.count, using: &random)]
                mutated[line] = replacingValue(of: mutated[line], with: scalar)
                _ = try check(Array(mutated.joined(separator: "\n").utf8), case: "hostile scalar \(index) at line \(line + 1)")
            }
        }
    }

    func testMegabyteStrings() throws {
        let huge = String(repeating: "x", count: 1 << 20)
        let lines = demoLines
        // A 1 MB project name, step command, key, comment and quoted reason-like string.
        let variants: [String] = [
            EmbeddedDemo.text.replacingOccurrences(of: "project: fraud-detection", with: "project: \(huge)"),
            EmbeddedDemo.text.replacingOccurrences(of: "project: fraud-detection", with: "project: \"\(huge)\""),
            EmbeddedDemo.text.replacingOccurrences(of: "seed: 42", with: "seed: \(String(repeating: "9", count: 1 << 20))"),
            EmbeddedDemo.text + "\n\(huge): 1\n",
            EmbeddedDemo.text + "\n# \(huge)\n",
            lines.map { $0.hasPrefix("pools:") ? "pools:\n  \(huge): 2" : $0 }.joined(separator: "\n"),
            "project: a\nx: |\n  " + huge + "\n",
        ]
        for (index, text) in variants.enumerated() {
            _ = try check(Array(text.utf8), case: "1 MB variant \(index)")
        }
    }

    func testRandomYAML() throws {
        var random = Xoshiro256StarStar(seed: 7_000_003)
        for index in 0..<1500 {
            let text: String
            if index % 3 == 0 {
                // Soup of YAML indicators, words and controls.
                let alphabet = Array("abc:-?[]{},#&*!|>'\"%@` \n\n  \t\u{0}\u{1B}\u{7F}\u{85}\u{2028}\u{FEFF}0123.e+~")
                text = String((0..<Int.random(in: 0...200, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
            } else {
                var lines: [String] = []
                emitRandomNode(depth: 0, indent: 0, into: &lines, random: &random)
                text = lines.joined(separator: "\n")
            }
            _ = try check(Array(text.utf8), case: "random YAML \(index)")
        }
    }

    func testDeepNestingIsAClearError() throws {
        var cases: [(String, String)] = []
        for depth in [10_000, 100_000] {
            cases.append(("[ x\(depth)", String(repeating: "[", count: depth)))
            cases.append(("[ closed x\(depth)", String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
            cases.append(("{ x\(depth)", String(repeating: "{", count: depth)))
            cases.append(("{a: x\(depth)", "project: x\npools: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)))
            cases.append(("- x\(depth)", "project: x\npools:\n  " + String(repeating: "- ", count: depth) + "1"))
        }
        // Indented mappings, one space deeper per level (10,000 levels is 50 MB of text).
        for depth in [2_000, 10_000] {
            var text = "project: x\n"
            text.reserveCapacity(depth * depth / 2 + depth * 4)
            for level in 0..<depth { text += String(repeating: " ", count: level) + "k\(level % 10):\n" }
            cases.append(("indented x\(depth)", text))
        }
        for (name, text) in cases {
            let errors = try XCTUnwrap(failure(of: Array(text.utf8), case: name), "\(name): accepted")
            XCTAssertTrue(errors.errors.contains { $0.message.contains("nested more than") || $0.message.contains("expected at most") },
                          "\(name): \(errors.description.prefix(300))")
        }
    }

    func testAliasBombIsAClearError() throws {
        // Billion laughs: ten levels of ten aliases each.
        var text = "project: x\nlol0: &l0 [lol]\n"
        for level in 1...9 {
            text += "lol\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let errors = try XCTUnwrap(failure(of: Array(text.utf8), case: "billion laughs"))
        let bomb = try XCTUnwrap(errors.errors.first { $0.message.contains("aliases expanded") }, errors.description)
        XCTAssertEqual(bomb.line, 8, bomb.description)  // lol7 expands past 250,000 values
        // A deep alias: an anchor 60 levels deep used inside 60 more levels.
        let deep = "project: x\na: &d " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
            + "\nb: " + String(repeating: "[", count: 60) + "*d" + String(repeating: "]", count: 60) + "\n"
        let deepErrors = try XCTUnwrap(failure(of: Array(deep.utf8), case: "deep alias"))
        XCTAssertTrue(deepErrors.errors.contains { $0.message.contains("nested more than") && $0.line == 3 }, deepErrors.description)
        // Ordinary anchors and aliases still compose.
        let fine = "project: x\npools: &p {cpu: 2}\ncopy: *p\n"
        let ordinary = try XCTUnwrap(failure(of: Array(fine.utf8), case: "ordinary alias"))
        XCTAssertEqual(ordinary.errors.map(\.message).filter { $0.contains("aliases expanded") || $0.contains("nested") }, [])
    }

    func testGuardLetsTheDemoThrough() throws {
        XCTAssertNil(YAMLStructureGuard.problem(in: EmbeddedDemo.text))
        XCTAssertNoThrow(try ProjectLoader.embeddedDemo(builtins: builtins).get())
    }

    // MARK: - Checking one case

    /// Loads `bytes` (through a file when they are not UTF-8) and checks the
    /// outcome's form; returns whether it failed.
    @discardableResult
    private func check(_ bytes: [UInt8], case name: String) throws -> Bool {
        try failure(of: bytes, case: name) != nil
    }

    private func failure(of bytes: [UInt8], case name: String) throws -> ProjectErrors? {
        let result: Result<ProjectSpec, ProjectErrors>
        let text = String(validating: bytes, as: UTF8.self)
        if let text {
            result = ProjectLoader.parse(text: text, source: source, directory: "/project", builtins: builtins)
        } else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(getpid()).yaml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            result = ProjectLoader.load(path: path, builtins: builtins)
        }
        guard case .failure(let errors) = result else { return nil }
        let lineCount = YAMLComposer.lines(of: text ?? String(decoding: bytes, as: UTF8.self)).count
        XCTAssertFalse(errors.errors.isEmpty, "\(name): a failure without errors")
        for error in errors.errors {
            let file = text == nil ? error.file : source
            XCTAssertTrue(error.description.hasPrefix("\(file):\(error.line):\(error.column): error: "), "\(name): \(error.description.prefix(300))")
            XCTAssertTrue((1...max(lineCount, 1)).contains(error.line), "\(name): line \(error.line) outside 1...\(lineCount): \(error.description.prefix(300))")
            XCTAssertGreaterThanOrEqual(error.column, 1, "\(name): \(error.description.prefix(300))")
            XCTAssertFalse(error.message.isEmpty, name)
        }
        return errors
    }

    // MARK: - Mutations

    static let hostileScalars: [String] = [
        "1e400", "-1e400", "99999999999999999999999", "-99999999999999999999999", "-0", "-0.0", ".nan", ".NaN", ".inf", "-.inf",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "0x7FFFFFFFFFFFFFFF", "0b1111", "0o777", "1_000_000",
        "1:30:00", "''", "~", "null", "true", "[]", "{}", "[[[]]]", "{a: {b: {c: []}}}", "\"\\u0000\\u001b[2J\"", "'\u{202E}evil'",
        String(repeating: "y", count: 10_000), "99999999999999999999999d", "1e400s", "-5s", "0s", "lognormal(1e400s, 1e400)",
        "uniform(9999999999999999d, 1s)", "\"${params.nope}\"", "!!binary aGVsbG8=", "!!int x", "!!float [1]", "!!map x", "!custom 5",
        "!!timestamp 2001-12-14", "&a 5", "*nowhere", "&b [*b]", "|\n  text", ">-", "\"unterminated", "'unterminated", "a: b: c",
        "- x", "? x", "%TAG", "@reserved", "`reserved", "\t5", "\u{0}", "\u{1B}[31mred", "\u{7F}", "\u{85}", "\u{FEFF}x",
    ]

    private func mutate(_ lines: inout [String], invalidBytes: inout [(line: Int, byte: UInt8)], random: inout Xoshiro256StarStar) {
        guard !lines.isEmpty else { lines = [""]; return }
        let at = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<12, using: &random) {
        case 0:
            lines.remove(at: at)
        case 1:
            lines.insert(lines[at], at: at)
        case 2:
            lines.swapAt(at, Int.random(in: 0..<lines.count, using: &random))
        case 3:
            let alphabet = Array(":-?[]{},#&*!|>'\"%@` \tax0.")
            lines[at] = replacingCharacter(in: lines[at], with: alphabet[Int.random(in: 0..<alphabet.count, using: &random)], random: &random)
        case 4:
            let controls: [Character] = ["\t", "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{1B}", "\r", "\u{7F}", "\u{85}", "\u{9B}",
                                         "\u{2028}", "\u{202E}", "\u{200B}", "\u{FEFF}"]
            lines[at] = inserting(controls[Int.random(in: 0..<controls.count, using: &random)], into: lines[at], random: &random)
        case 5:
            let bytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x9B, 0x80, 0xED]
            invalidBytes.append((at, bytes[Int.random(in: 0..<bytes.count, using: &random)]))
        case 6:
            let change = Int.random(in: -3...3, using: &random)
            if change > 0 {
                lines[at] = String(repeating: " ", count: change) + lines[at]
            } else {
                lines[at] = String(lines[at].dropFirst(min(-change, lines[at].prefix { $0 == " " }.count)))
            }
        case 7:
            let scalar = Self.hostileScalars[Int.random(in: 0..<Self.hostileScalars.count, using: &random)]
            lines[at] = replacingValue(of: lines[at], with: scalar)
        case 8:
            let tags = ["!!binary ", "!!str ", "!!int ", "!!seq ", "!foo ", "&anchor ", "*anchor "]
            lines[at] = replacingValue(of: lines[at], with: tags[Int.random(in: 0..<tags.count, using: &random)]
                                        + (lines[at].split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""))
        case 9:
            lines.insert(["---", "...", "--- !!map", "%YAML 1.1", "--- |"][Int.random(in: 0..<5, using: &random)], at: at)
        case 10:
            // A key duplicated at the same indentation.
            let indent = String(lines[at].prefix { $0 == " " })
            lines.insert(indent + "project: again", at: at)
        default:
            lines[at] = lines[at] + " " + String(repeating: "{", count: Int.random(in: 1...50, using: &random))
        }
    }

    private func replacingValue(of line: String, with value: String) -> String {
        guard let colon = line.range(of: ": ") else { return line + value }
        return String(line[..<colon.upperBound]) + value
    }

    private func replacingCharacter(in line: String, with character: Character, random: inout Xoshiro256StarStar) -> String {
        guard !line.isEmpty else { return String(character) }
        var characters = Array(line)
        characters[Int.random(in: 0..<characters.count, using: &random)] = character
        return String(characters)
    }

    private func inserting(_ character: Character, into line: String, random: inout Xoshiro256StarStar) -> String {
        var characters = Array(line)
        characters.insert(character, at: Int.random(in: 0...characters.count, using: &random))
        return String(characters)
    }

    // MARK: - Random YAML

    private static let keys = ["project", "seed", "pools", "data", "pipelines", "models", "deployments", "monitors", "alerts",
                               "steps", "needs", "run", "builtin", "simulate", "duration", "params", "features", "label", "x", "-", "a b"]

    private func emitRandomNode(depth: Int, indent: Int, into lines: inout [String], random: inout Xoshiro256StarStar) {
        let pad = String(repeating: " ", count: indent)
        let entries = Int.random(in: 1...(depth == 0 ? 8 : 4), using: &random)
        for _ in 0..<entries {
            let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]
            let prefix = Bool.random(using: &random) || depth == 0 ? "\(pad)\(key):" : "\(pad)- "
            switch depth < 5 ? Int.random(in: 0..<4, using: &random) : 3 {
            case 0:
                lines.append(prefix)
                emitRandomNode(depth: depth + 1, indent: indent + 2, into: &lines, random: &random)
            case 1:
                let items = (0..<Int.random(in: 0...4, using: &random)).map { _ in randomScalar(&random) }
                lines.append("\(prefix) [\(items.joined(separator: ", "))]")
            case 2:
                let items = (0..<Int.random(in: 0...4, using: &random)).map { _ in "\(Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]): \(randomScalar(&random))" }
                lines.append("\(prefix) {\(items.joined(separator: ", "))}")
            default:
                lines.append("\(prefix) \(randomScalar(&random))")
            }
        }
    }

    private func randomScalar(_ random: inout Xoshiro256StarStar) -> String {
        let plain = ["1", "0", "-1", "2.5", "42", "cpu", "train", "sample", "10s", "6h", "lognormal(30s, 0.5)", "true", "null", "echo hi",
                     "\"0 */6 * * *\"", "manual", "abc"]
        if Int.random(in: 0..<5, using: &random) == 0 {
            return Self.hostileScalars[Int.random(in: 0..<Self.hostileScalars.count, using: &random)]
                .replacingOccurrences(of: "\n", with: " ")
        }
        return plain[Int.random(in: 0..<plain.count, using: &random)]
    }
}
