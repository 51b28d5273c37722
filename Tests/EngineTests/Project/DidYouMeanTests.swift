import XCTest
@testable import Engine

final class DidYouMeanTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(DidYouMean.editDistance("", "abc"), 3)
        XCTAssertEqual(DidYouMean.editDistance("retires", "retries"), 2)
        XCTAssertEqual(DidYouMean.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(DidYouMean.editDistance("pool", "pool"), 0)
    }

    func testSuggestion() {
        let keys = ["needs", "run", "retries", "retry_delay", "pool"]
        XCTAssertEqual(DidYouMean.suggestion(for: "retires", among: keys), "retries")
        XCTAssertEqual(DidYouMean.suggestion(for: "pol", among: keys), "pool")
        XCTAssertEqual(DidYouMean.suggestion(for: "colour", among: keys), nil, "more than 2 edits away")
        XCTAssertEqual(DidYouMean.suggestion(for: "zz", among: ["a"]), nil, "short words need a closer match")
        XCTAssertEqual(DidYouMean.suggestion(for: "ab", among: ["xb", "ay"]), "xb", "ties go to the earlier candidate")
    }
}
