import XCTest
import SimKernel
@testable import Engine

/// `monitors:`: the monitor's own keys, its deployment, concept drift and
/// what a monitor must watch (drift and SLOs have their own tests).
final class MonitorSectionTests: XCTestCase {
    private typealias S = MonitorTestSupport

    func testFullMonitor() throws {
        let monitor = try XCTUnwrap(S.monitor("""
            description: Inputs and health of the fraud API
            deployment: fraud-api
            drift:
              reference: {window: {from: 0s, to: 30m}}
              window: {requests: 5000}
              every: 2m
              dataset_share: 40%
              max_sample: 2000
              features:
                amount: {method: psi, warn: 0.1, alert: 0.25}
                hour: {method: ks}
                merchant: {ignore: true}
            concept: {detectors: [page_hinkley, ddm], page_hinkley: {delta: 0.01, lambda: 20}, ddm: {min_samples: 50}}
            slos:
              latency: {latency: "p99.9 < 0.2s", period: 7d}
              availability: {availability: 0.995}
            freeze_promotions: true
        """))
        XCTAssertEqual(monitor, MonitorSpec(
            id: "watch", description: "Inputs and health of the fraud API", deployment: "fraud-api",
            drift: DriftMonitorSpec(reference: .window(from: .zero, to: .minutes(30)), window: .count(5000), every: .minutes(2),
                                    features: [FeatureDriftSpec(feature: "amount", method: .psi, thresholds: DriftThresholds(warn: 0.1, alert: 0.25)),
                                               FeatureDriftSpec(feature: "hour", method: .ks),
                                               FeatureDriftSpec(feature: "merchant", ignored: true)],
                                    datasetShare: 0.4, maxSample: 2000),
            concept: ConceptMonitorSpec(detectors: [.pageHinkley, .ddm], pageHinkleyDelta: 0.01, pageHinkleyLambda: 20, ddmMinimumSamples: 50),
            slos: [SLOSpec(id: "latency", objective: .latency(thresholdMs: 200), target: 0.999, period: .days(7)),
                   SLOSpec(id: "availability", objective: .availability, target: 0.995)],
            freezePromotionsWhenBudgetExhausted: true))
    }

    func testDefaults() throws {
        let monitor = try XCTUnwrap(S.monitor("    deployment: fraud-api\n    drift: {}\n    concept: true"))
        XCTAssertEqual(monitor.drift, DriftMonitorSpec())
        XCTAssertEqual(monitor.drift?.reference, .training)
        XCTAssertEqual(monitor.drift?.window, .time(.minutes(30)))
        XCTAssertEqual(monitor.concept, ConceptMonitorSpec())
        XCTAssertEqual(monitor.concept?.detectors, [.ddm, .pageHinkley, .adwin])
        XCTAssertEqual(monitor.slos, [])
        XCTAssertFalse(monitor.freezePromotionsWhenBudgetExhausted)
        XCTAssertNil(monitor.description)
        // concept given as a mapping without detectors: all three.
        XCTAssertEqual(S.monitor("    deployment: fraud-api\n    concept: {adwin: {delta: 0.01}}")?.concept,
                       ConceptMonitorSpec(adwinDelta: 0.01))
    }

    func testSectionShapeAndIDs() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nmonitors: [a]\n"),
                       ["2:11: monitors: expected a mapping of monitor ids to monitors, found a list"])
        XCTAssertEqual(S.errors("    - x"),
                       ["13:5: monitor 'watch': expected a mapping with deployment and at least one of drift, concept or slos, found a list"])
        XCTAssertEqual(ProjectTestSupport.errors(S.head.replacingOccurrences(of: "  watch:\n", with: "  Watch: {deployment: fraud-api, concept: true}\n")),
                       ["12:3: invalid monitor id 'Watch'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
    }

    func testUnknownMissingKeysAndDeployment() {
        XCTAssertEqual(S.errors("    deploymen: fraud-api\n    concept: true\n    freeze: true"), [
            "13:5: unknown key 'deploymen' in monitor 'watch'; did you mean 'deployment'?",
            "15:5: unknown key 'freeze' in monitor 'watch'; expected one of: description, deployment, drift, concept, slos, freeze_promotions",
        ])
        XCTAssertEqual(S.errors("    concept: true"), ["12:3: monitor 'watch' has no deployment; expected deployment: ID (a key of deployments:)"])
        XCTAssertEqual(S.errors("    deployment: fraud-apj\n    concept: true"),
                       ["13:17: deployment: unknown deployment 'fraud-apj'; did you mean 'fraud-api'?"])
        XCTAssertEqual(S.errors("    deployment: checkout\n    concept: true"),
                       ["13:17: deployment: unknown deployment 'checkout'; declared deployments: fraud-api"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nmonitors:\n  watch: {deployment: api, concept: true}\n"),
                       ["3:23: deployment: unknown deployment 'api'; no deployments are declared (add one under deployments:)"])
    }

    func testAnInvalidDeploymentGetsNoSecondError() {
        let text = S.head.replacingOccurrences(of: "strategy: basic}", with: "strategy: basik}") + "    deployment: fraud-api\n    concept: true\n"
        let errors = ProjectTestSupport.errors(text)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.hasPrefix("10:") == true, "\(errors)")
    }

    func testAMonitorMustWatchSomething() {
        XCTAssertEqual(S.errors("    deployment: fraud-api"), ["12:3: monitor 'watch' watches nothing; expected at least one of drift, concept or slos"])
        XCTAssertEqual(S.errors("    deployment: fraud-api\n    concept: false"),
                       ["12:3: monitor 'watch' watches nothing; expected at least one of drift, concept or slos"])
        XCTAssertEqual(S.errors("    deployment: fraud-api\n    concept: true\n    freeze_promotions: true"), [
            "15:24: freeze_promotions: promotions freeze when an SLO's error budget is exhausted, but monitor 'watch' has no slos; "
                + "expected slos: with it (or no freeze_promotions)",
        ])
        XCTAssertEqual(S.errors("    deployment: fraud-api\n    concept: true\n    freeze_promotions: 1"),
                       ["15:24: freeze_promotions: expected true or false, found '1'"])
    }

    func testConceptErrors() {
        func errors(_ concept: String) -> [String] { S.errors("    deployment: fraud-api\n    concept: \(concept)") }
        XCTAssertEqual(errors("yes please"), [
            "14:14: concept: expected {detectors: [ddm, page_hinkley, adwin], page_hinkley: {delta: 0.005, lambda: 50}} or true, found 'yes please'",
        ])
        XCTAssertEqual(errors("{detectors: [ddm, adwn, ddm]}"), [
            "14:32: detectors: unknown detector 'adwn'; did you mean 'adwin'? expected ddm, page_hinkley or adwin",
            "14:38: detectors: 'ddm' is listed twice; expected each detector once",
        ])
        XCTAssertEqual(errors("{detectors: []}"), [
            "14:26: detectors: expected at least one of ddm, page_hinkley or adwin, found an empty list (leave concept out to watch no concept drift)",
        ])
        XCTAssertEqual(errors("{detectors: [ddm], adwin: {delta: 0.01}}"), [
            "14:33: adwin: settings for a detector that is not in detectors (ddm); expected adwin in detectors, or no settings for it",
        ])
        XCTAssertEqual(errors("{page_hinkley: {delta: -1, lambda: 0, alpha: 1}, adwin: {delta: 1}, ddm: {min_samples: 0}}"), [
            "14:37: page_hinkley.delta: expected the tolerated change, a number >= 0, found '-1'",
            "14:49: page_hinkley.lambda: expected the alarm threshold, a number above 0, found 0",
            "14:52: unknown key 'alpha' in page_hinkley; expected one of: delta, lambda",
            "14:78: adwin.delta: expected a confidence above 0 and below 1 (like 0.002), found '1'",
            "14:101: ddm.min_samples: expected an integer >= 1, found 0",
        ])
        XCTAssertEqual(errors("{detector: [ddm]}"), ["14:15: unknown key 'detector' in concept; did you mean 'detectors'?"])
    }
}
