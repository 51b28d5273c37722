import XCTest
import SimKernel

/// Reference values computed independently with a Python transcription of
/// the reference C code of SplitMix64 and xoshiro256** (Vigna).
final class RandomGeneratorTests: XCTestCase {
    func testSplitMix64MatchesReference() {
        var generator = SplitMix64(seed: 42)
        let outputs = (0..<4).map { _ in generator.next() }
        XCTAssertEqual(outputs, [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52, 0x581C_E1FF_0E4A_E394])
    }

    func testXoshiro256StarStarFirstEightOutputsForSeed42() {
        var generator = Xoshiro256StarStar(seed: 42)
        let outputs = (0..<8).map { _ in generator.next() }
        XCTAssertEqual(outputs, [
            0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1,
            0xFDE6_DC7F_E2EC_5E64, 0xC50D_A531_0179_5238, 0xB821_5485_5A65_DDB2, 0xD99A_2743_EBE6_0087,
        ])
    }

    func testXoshiroIsSeededFromSplitMix() {
        let generator = Xoshiro256StarStar(seed: 42)
        XCTAssertEqual(generator.state.0, 0xBDD7_3226_2FEB_6E95)
        XCTAssertEqual(generator.state.3, 0x581C_E1FF_0E4A_E394)
    }

    func testCopiesContinueIdentically() {
        var original = Xoshiro256StarStar(seed: 7)
        _ = original.next()
        var copy = original
        XCTAssertEqual(original, copy)
        XCTAssertEqual((0..<5).map { _ in original.next() }, (0..<5).map { _ in copy.next() })
    }

    func testFNV1a64MatchesPublishedVectors() {
        XCTAssertEqual(FNV1a64.hash(""), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(FNV1a64.hash("a"), 0xAF63_DC4C_8601_EC8C)
        XCTAssertEqual(FNV1a64.hash("serving"), 0xCC5D_0394_6465_F887)
    }
}
