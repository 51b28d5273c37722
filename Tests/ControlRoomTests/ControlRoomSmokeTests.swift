import XCTest
@testable import ControlRoom
final class ControlRoomSmokeTests: XCTestCase { func testModuleLoads() {} }
