import XCTest
@testable import SimKernel
final class SimKernelSmokeTests: XCTestCase { func testModuleLoads() {} }
