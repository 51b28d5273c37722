import XCTest
@testable import TUICore
final class TUICoreSmokeTests: XCTestCase { func testModuleLoads() {} }
