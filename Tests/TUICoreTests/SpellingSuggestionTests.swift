import XCTest
@testable import TUICore

final class SpellingSuggestionTests: XCTestCase {
    func testSwappedNeighboursCountAsOneEdit() {
        XCTAssertEqual(SpellingSuggestion.editDistance("pasue", "pause"), 1)
        XCTAssertEqual(SpellingSuggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(SpellingSuggestion.closest(to: "acnent", among: ["accent", "muted"]), "accent")
    }
}
