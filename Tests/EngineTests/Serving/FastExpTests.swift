import Foundation
import XCTest
@testable import Engine

/// The serving simulator's exponential agrees with the platform's to a few ulps.
final class FastExpTests: XCTestCase {
    func testMatchesLibmWithinAFewUlps() {
        let exp = FastExp.shared
        var random = Xoshiro256StarStar(seed: 1)
        for _ in 0..<100_000 {
            let x = Sampling.uniform(-50, 50, using: &random)
            let expected = Foundation.exp(x)
            XCTAssertLessThanOrEqual(abs(exp(x) - expected), 4 * expected.ulp, "x = \(x)")
        }
        XCTAssertEqual(exp(0), 1)
        XCTAssertEqual(exp(800), .infinity)
        XCTAssertEqual(exp(-800), 0)
    }
}
