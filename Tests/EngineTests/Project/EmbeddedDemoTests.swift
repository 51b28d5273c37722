import XCTest
@testable import Engine

final class EmbeddedDemoTests: XCTestCase {
    func testDemoParsesWithoutErrors() throws {
        let spec = try ProjectLoader.embeddedDemo(builtins: []).get()
        XCTAssertEqual(spec.name, "fraud-detection")
        XCTAssertEqual(spec.source, ProjectLoader.embeddedDemoSource)
        XCTAssertNil(spec.directory)
        XCTAssertEqual(spec.pools, [PoolSpec(id: "cpu", size: 2), PoolSpec(id: "io", size: 3)])
        XCTAssertEqual(spec.pipelines.map(\.id), ["retrain", "report", "nightly-backfill", "feature-build"])
    }
}
