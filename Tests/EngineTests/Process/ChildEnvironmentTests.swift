#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import Engine

/// The environment block handed to `posix_spawn`: the inherited entries
/// as they are, overrides replacing a variable of exactly their name in
/// place or added at the end, later overrides winning.
final class ChildEnvironmentTests: XCTestCase {
    private func lines(_ overrides: [EnvironmentEntry]) -> [String] {
        let environment = Posix.childEnvironment(overrides)
        defer { Posix.releaseEnvironment(environment.owned) }
        XCTAssertNil(environment.block.last ?? nil, "NULL-terminated")
        return environment.block.compactMap { $0.map { String(cString: $0) } }
    }

    func testOverridesReplaceInPlaceOnlyTheirOwnName() {
        setenv("FLIGHTDECK_TEST_AB", "inherited-ab", 1)
        setenv("FLIGHTDECK_TEST_A", "inherited-a", 1)
        defer {
            unsetenv("FLIGHTDECK_TEST_AB")
            unsetenv("FLIGHTDECK_TEST_A")
        }
        let inherited = lines([])
        let result = lines([EnvironmentEntry(name: "FLIGHTDECK_TEST_A", value: "step"),
                            EnvironmentEntry(name: "FLIGHTDECK_TEST_NEW", value: "1"),
                            EnvironmentEntry(name: "FLIGHTDECK_TEST_NEW", value: "2")])
        XCTAssertEqual(result.count, inherited.count + 1)
        let position = inherited.firstIndex(of: "FLIGHTDECK_TEST_A=inherited-a")
        XCTAssertNotNil(position)
        XCTAssertEqual(position.map { result[$0] }, "FLIGHTDECK_TEST_A=step", "replaced where it was")
        XCTAssertTrue(result.contains("FLIGHTDECK_TEST_AB=inherited-ab"), "a longer name is another variable")
        XCTAssertEqual(result.last, "FLIGHTDECK_TEST_NEW=2", "added at the end, the later value winning")
        XCTAssertEqual(result.filter { $0.hasPrefix("FLIGHTDECK_TEST_NEW=") }.count, 1)
    }
}
