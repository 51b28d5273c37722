import XCTest
import Yams
@testable import Engine

/// The hand-written plain-scalar typing agrees with Yams' default resolver
/// (regular expressions) on crafted and random inputs.
final class PlainScalarResolverTests: XCTestCase {
    private func yamsTag(_ text: String) -> Tag.Name {
        let name = Resolver.default.resolveTag(of: Node(text, Tag(.implicit), .plain))
        return [.bool, .int, .float, .null].contains(name) ? name : .str
    }

    func testCraftedScalarsAgreeWithYams() {
        let corpus = ["", "~", "null", "Null", "NULL", "nul", "yes", "Yes", "YES", "yEs", "no", "on", "OFF", "true", "False", "y", "n",
                      "0", "-0", "+0", "00", "007", "08", "0o7", "0o", "0o8", "0b101", "0b", "0b102", "0x1F", "0xg", "0x", "-0x1f",
                      "1", "12", "1_000", "-12", "+12", "1:20", "1:2:3", "190:20:30", "1:60", "1:5", "1:", "01:20",
                      "1.5", "1.", ".5", "-.5", "1e5", "1e+5", "1.5e-3", ".5e+3", ".5e3", "1_0.5", "1:20.5", "1:20.", "1:20",
                      ".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", "-.nan", "inf", "nan", "1.2.3", "1e", "e5", "-", "+", ".", "..",
                      "12ms", "20ms", "10m", "6h", "0.1%", "5%", "lognormal(30s, 0.5)", "v1", "14:00", "2026-01-01", "<<", "=",
                      "fraud-api", "0.05", "99.9", "-1", "1e100", "2000000"]
        for text in corpus {
            XCTAssertEqual(PlainScalarResolver.tag(of: text), yamsTag(text), "'\(text)'")
        }
    }

    func testRandomScalarsAgreeWithYams() {
        var generator = Xoshiro256StarStar(seed: 5)
        let alphabet = Array("0123456789_.:+-eExXbBoO~abfinNItTyYsSlLu%")
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 7)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            XCTAssertEqual(PlainScalarResolver.tag(of: text), yamsTag(text), "'\(text)'")
        }
    }
}
