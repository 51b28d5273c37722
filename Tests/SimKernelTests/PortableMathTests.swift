import XCTest
import Foundation
import SimKernel

final class PortableMathTests: XCTestCase {
    private func relativeError(_ value: Double, _ reference: Double) -> Double {
        reference == 0 ? abs(value) : abs(value - reference) / abs(reference)
    }

    func testLogAgreesWithLibm() {
        var generator = Xoshiro256StarStar(seed: 1)
        var worst = 0.0
        for _ in 0..<20_000 {
            let exponent = Sampling.uniform(-300, 300, using: &generator)
            let x = Foundation.pow(10, exponent)
            worst = max(worst, relativeError(PortableMath.log(x), Foundation.log(x)))
        }
        for x in [0x1p-1030, 0.5, 0.7071067811865476, 1.4142135623730951, 1 + 1e-12, 2, 10, Double.greatestFiniteMagnitude] {
            worst = max(worst, relativeError(PortableMath.log(x), Foundation.log(x)))
        }
        XCTAssertLessThan(worst, 1e-15)
        XCTAssertEqual(PortableMath.log(1), 0)
        XCTAssertEqual(PortableMath.log(0), -.infinity)
        XCTAssertTrue(PortableMath.log(-1).isNaN)
        let nearOne = 1 + 0x1p-40
        XCTAssertLessThan(relativeError(PortableMath.log(nearOne), 0x1p-40 - 0x1p-81), 1e-15)
    }

    func testExpAgreesWithLibm() {
        var generator = Xoshiro256StarStar(seed: 2)
        var worst = 0.0
        for _ in 0..<20_000 {
            let x = Sampling.uniform(-700, 700, using: &generator)
            worst = max(worst, relativeError(PortableMath.exp(x), Foundation.exp(x)))
        }
        for x in [0.0, 1e-10, -1e-10, 0.5, -0.5, 1, -1, 709.7, -708] {
            worst = max(worst, relativeError(PortableMath.exp(x), Foundation.exp(x)))
        }
        XCTAssertLessThan(worst, 1e-15)
        XCTAssertEqual(PortableMath.exp(0), 1)
        XCTAssertEqual(PortableMath.exp(1000), .infinity)
        XCTAssertEqual(PortableMath.exp(-1000), 0)
    }

    func testLogGammaAgreesWithLibm() {
        for x in [0.5, 1, 1.5, 2, 3, 7, 7.5, 10, 11, 101, 1001, 12345.5] {
            XCTAssertLessThan(abs(PortableMath.logGamma(x) - Foundation.lgamma(x)), 1e-12 * max(1, abs(Foundation.lgamma(x))), "x = \(x)")
        }
    }

    func testPow() {
        XCTAssertLessThan(relativeError(PortableMath.pow(2, 10), 1024), 1e-15)
        XCTAssertLessThan(relativeError(PortableMath.pow(0.3, 1 / 0.7), Foundation.pow(0.3, 1 / 0.7)), 1e-14)
        XCTAssertEqual(PortableMath.pow(0, 2), 0)
    }
}
