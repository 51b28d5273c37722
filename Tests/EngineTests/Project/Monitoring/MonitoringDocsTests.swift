import Foundation
import XCTest
@testable import Engine

/// The Monitor and Alert parts of docs/project-file.md stay in step with the loader.
final class MonitoringDocsTests: XCTestCase {
    private func docs() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/project-file.md"), encoding: .utf8)
    }

    func testEveryKeyHasARow() throws {
        let text = try docs()
        let keys = MonitorReader.keys + MonitorReader.conceptKeys + MonitorReader.pageHinkleyKeys + MonitorReader.adwinKeys + MonitorReader.ddmKeys
            + DriftMonitorReader.keys + DriftMonitorReader.referenceWindowKeys + DriftMonitorReader.windowKeys + DriftMonitorReader.featureKeys
            + SLOReader.keys + AlertReader.keys + ["monitors", "alerts"]
        for key in keys {
            XCTAssertTrue(text.contains("| `\(key)` |"), "docs/project-file.md has no row for '\(key)'")
        }
        let names = AlertReader.metricForms + DriftMethod.allCases.map(\.rawValue) + ConceptDetectorKind.allCases.map(\.rawValue)
        for name in names {
            XCTAssertTrue(text.contains("`\(name)`"), name)
        }
    }

    func testTopExampleDeclaresMonitorsAndAlerts() throws {
        let text = try docs()
        let start = try XCTUnwrap(text.range(of: "```yaml\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let spec = try ProjectTestSupport.parse(String(text[start.upperBound..<end.lowerBound]), builtins: []).get()
        XCTAssertEqual(spec.monitors.map(\.id), ["fraud-inputs"])
        XCTAssertEqual(spec.alerts.map(\.id), ["amount-drift"])
        XCTAssertEqual(spec.pipeline("retrain")?.triggers.contains(.onAlert("amount-drift")), true)
        XCTAssertEqual(spec.monitors.first?.slos.map(\.target), [0.99, 0.999])
    }
}
