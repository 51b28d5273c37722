import XCTest
import SimKernel
@testable import Engine

/// A monitor's `drift:`: reference, window, sampling and per-feature
/// overrides checked against the `data:` features and the methods.
final class MonitorDriftTests: XCTestCase {
    private typealias S = MonitorTestSupport

    /// The errors of `drift: VALUE` (the value starts at 14:12).
    private func errors(_ drift: String) -> [String] {
        S.errors("    deployment: fraud-api\n    drift: \(drift)")
    }

    private func drift(_ drift: String, file: StaticString = #filePath, line: UInt = #line) -> DriftMonitorSpec? {
        S.monitor("    deployment: fraud-api\n    drift: \(drift)", file: file, line: line)?.drift
    }

    func testReferenceAndWindow() {
        XCTAssertEqual(drift("{reference: training, window: 1h}")?.window, .time(.hours(1)))
        XCTAssertEqual(drift("{window: {requests: 30}}")?.window, .count(30))
        XCTAssertEqual(errors("{reference: trainig}"), ["14:24: reference: unknown reference 'trainig'; did you mean 'training'? expected training or {window: {from: 0s, to: 30m}}"])
        XCTAssertEqual(errors("{reference: {window: {from: 30m, to: 30m}}}"),
                       ["14:49: to: expected the end of the reference window after its start (30m), found '30m'"])
        XCTAssertEqual(errors("{reference: {window: {from: 0s}}}"),
                       ["14:33: reference.window: missing to; expected a mapping like {from: 0s, to: 30m}"])
        XCTAssertEqual(errors("{reference: {windw: {from: 0s, to: 1m}}}"), ["14:25: unknown key 'windw' in reference; did you mean 'window'?"])
        XCTAssertEqual(errors("{window: 0s}"), ["14:21: window: expected a duration above 0s, found '0s'"])
        XCTAssertEqual(errors("{window: 5000}"),
                       ["14:21: window: expected a duration like 30m or {requests: 5000} (a count of requests is written {requests: N}), found '5000'"])
        XCTAssertEqual(errors("{window: {requests: 29}}"), ["14:32: requests: expected an integer >= 30, found 29"])
    }

    func testSamplingSettings() {
        XCTAssertEqual(drift("{dataset_share: 0.3, every: 30s, max_sample: 100}"),
                       DriftMonitorSpec(every: .seconds(30), datasetShare: 0.3, maxSample: 100))
        XCTAssertEqual(errors("{every: 0s, dataset_share: 0, max_sample: 99}"), [
            "14:20: every: expected a duration above 0s, found '0s'",
            "14:39: dataset_share: expected a share above 0 and up to 1 (like 0.8) or a percentage like 80%, found '0'",
            "14:54: max_sample: expected an integer >= 100, found 99",
        ])
        XCTAssertEqual(errors("{dataset_share: 150%}"),
                       ["14:28: dataset_share: expected a share above 0 and up to 1 (like 0.8) or a percentage like 80%, found '150%'"])
        XCTAssertEqual(errors("{evry: 1m}"), ["14:13: unknown key 'evry' in drift; did you mean 'every'?"])
    }

    func testDriftNeedsTheDataSection() {
        let text = "project: demo\nmonitors:\n  watch: {deployment: api, drift: {}}\n"
        XCTAssertEqual(ProjectTestSupport.errors(text), [
            "3:23: deployment: unknown deployment 'api'; no deployments are declared (add one under deployments:)",
            "3:35: drift: compares the deployment's request features, which come from the data: section, but the project has none; "
                + "expected a data: section (see docs/project-file.md) with drift",
        ])
    }

    func testFeatureOverridesNameDataFeatures() {
        XCTAssertEqual(errors("{features: {amout: {method: psi}, label: {ignore: true}}}"), [
            "14:24: features: unknown feature 'amout'; did you mean 'amount'?",
            "14:46: features: unknown feature 'label'; declared features: amount, hour, merchant",
        ])
        XCTAssertEqual(errors("{features: {amount: {methd: psi}}}"), ["14:33: unknown key 'methd' in features.amount; did you mean 'method'?"])
        XCTAssertEqual(errors("{features: {amount: psi}}"),
                       ["14:32: features.amount: expected a mapping like {method: psi, warn: 0.1, alert: 0.2} or {ignore: true}, found 'psi'"])
    }

    func testMethodMustApplyToTheFeatureKind() {
        XCTAssertEqual(errors("{features: {amount: {method: chi_square}, merchant: {method: psi}}}"), [
            "14:41: method: chi_square compares category counts, but 'amount' is numeric; expected psi, ks, wasserstein or js",
            "14:73: method: psi needs numbers, but 'merchant' is categorical; expected chi_square or js",
        ])
        XCTAssertEqual(errors("{features: {merchant: {method: ks}, hour: {method: chi}}}"), [
            "14:43: method: ks needs numbers, but 'merchant' is categorical; expected chi_square or js",
            "14:63: method: unknown method 'chi'; expected psi, ks, wasserstein, js or chi_square",
        ])
        let methods = drift("{features: {amount: {method: wasserstein}, hour: {method: js}, merchant: {method: js}}}")?.features.map(\.method)
        XCTAssertEqual(methods, [.wasserstein, .jensenShannon, .jensenShannon])
        XCTAssertEqual(drift("{features: {merchant: {method: chi_square, warn: 0.05, alert: 0.01}}}")?.features,
                       [FeatureDriftSpec(feature: "merchant", method: .chiSquare, thresholds: DriftThresholds(warn: 0.05, alert: 0.01))])
    }

    func testThresholdsAreOrderedForTheMethod() {
        XCTAssertEqual(errors("{features: {amount: {method: psi, warn: 0.2, alert: 0.1}}}"),
                       ["14:64: features.amount: alert 0.1 is below warn 0.2; expected 0 <= warn <= alert for psi (a distance: drift is above)"])
        XCTAssertEqual(errors("{features: {amount: {method: psi, warn: -0.1, alert: 0.1}}}"),
                       ["14:52: features.amount.warn: expected a threshold, a number >= 0, found '-0.1'"])
        XCTAssertEqual(errors("{features: {hour: {method: ks, warn: 0.01, alert: 0.05}}}"),
                       ["14:62: features.hour: alert 0.05 is above warn 0.01; expected 1 >= warn >= alert > 0 for ks (a p-value: drift is below)"])
        XCTAssertEqual(errors("{features: {hour: {method: ks, warn: 1.5, alert: 0.05}}}"),
                       ["14:49: features.hour: warn 1.5 is not a p-value; expected 1 >= warn >= alert > 0 for ks"])
        XCTAssertEqual(errors("{features: {hour: {method: ks, warn: 0.05, alert: 0}}}"),
                       ["14:62: features.hour: alert 0 can never be reached; expected 1 >= warn >= alert > 0 for ks (a p-value: drift is below)"])
        // Equal levels are allowed.
        XCTAssertEqual(drift("{features: {amount: {method: psi, warn: 0.2, alert: 0.2}}}")?.features.first?.thresholds, DriftThresholds(warn: 0.2, alert: 0.2))
    }

    func testThresholdsNeedAMethodAndEachOther() {
        XCTAssertEqual(errors("{features: {amount: {warn: 0.1, alert: 0.2}}}"), [
            "14:39: features.amount: thresholds are in the method's unit, but no method is given; expected method: with warn and alert "
                + "(like {method: psi, warn: 0.1, alert: 0.2})",
        ])
        XCTAssertEqual(errors("{features: {amount: {method: psi, warn: 0.1}}}"),
                       ["14:52: features.amount: warn without alert; expected both warn and alert (or neither, for the method's defaults)"])
    }

    func testIgnore() {
        XCTAssertEqual(errors("{features: {amount: {ignore: true, method: psi}}}"), [
            "14:41: ignore: true leaves 'amount' out, so its method and thresholds would never be used; expected either ignore: true or them",
        ])
        XCTAssertEqual(errors("{features: {amount: {ignore: true}, hour: {ignore: true}, merchant: {ignore: true}}}"),
                       ["14:23: features: every feature of data: is ignored, so drift watches nothing; expected at least one feature without ignore: true"])
        XCTAssertEqual(drift("{features: {amount: {ignore: false}}}")?.features, [FeatureDriftSpec(feature: "amount")])
        XCTAssertEqual(errors("{features: {amount: {ignore: 1}}}"), ["14:41: ignore: expected true or false, found '1'"])
    }
}
