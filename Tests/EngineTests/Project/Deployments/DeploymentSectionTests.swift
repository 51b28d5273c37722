import XCTest
import SimKernel
@testable import Engine

/// The deployment keys: model, mode, replicas, latency, error rate, label
/// delay, candidate and promotion alias (strategies have their own tests).
final class DeploymentSectionTests: XCTestCase {
    private typealias S = DeploymentTestSupport

    func testEveryDeploymentKey() throws {
        let deployment = try XCTUnwrap(S.deployment("""
            description: Real-time fraud scoring
            model: fraud
            mode: {realtime: {rate: 50, daily: {amplitude: 0.5, peak: "09:30"}}}
            replicas: {count: 3, capacity: 40}
            latency: {median: 20ms, p99: 0.06s}
            error_rate: 0.1%
            label_delay: 10m
            candidate: {alias: challenger}
            promote_alias: champion
            strategy: basic
        """))
        XCTAssertEqual(deployment, DeploymentSpec(
            id: "api", description: "Real-time fraud scoring", model: "fraud",
            mode: .realTime(RealTimeTraffic(ratePerSecond: 50, dailyAmplitude: 0.5, dailyPeak: .hours(9) + .minutes(30))),
            replicas: ReplicaSpec(count: 3, capacityPerSecond: 40),
            profile: ServingProfile(medianLatencyMs: 20, p99LatencyMs: 60, errorRate: 0.001),
            labelDelay: .minutes(10), candidate: .alias("challenger"), promoteAlias: "champion", strategy: .basic(BasicStrategy())))
    }

    func testDefaults() throws {
        let deployment = try XCTUnwrap(S.deployment(S.body(strategy: "    strategy: basic")))
        XCTAssertEqual(deployment.replicas, ReplicaSpec())
        XCTAssertEqual(deployment.profile, ServingProfile())
        XCTAssertEqual(deployment.labelDelay, .zero)
        XCTAssertEqual(deployment.candidate, .latest)
        XCTAssertNil(deployment.promoteAlias)
        XCTAssertNil(deployment.description)
        XCTAssertEqual(deployment.mode, .realTime(RealTimeTraffic(ratePerSecond: 50)))
    }

    func testEveryServingMode() throws {
        func mode(_ text: String) throws -> ServingMode {
            try XCTUnwrap(S.deployment("    model: fraud\n    mode: \(text)\n    strategy: basic")).mode
        }
        XCTAssertEqual(try mode("{batch: {every: 1h, rows: 10000, throughput: 2000}}"),
                       .batch(BatchTraffic(every: .hours(1), rows: 10000, rowsPerSecond: 2000)))
        XCTAssertEqual(try mode("{streaming: {rate: 200, consumer: 80.5}}"),
                       .streaming(StreamingTraffic(ratePerSecond: 200, consumerPerSecond: 80.5)))
        XCTAssertEqual(try mode("{edge: {devices: 500, online: 80%, sync_every: 15m, rate: 0.05}}"),
                       .edge(EdgeFleet(devices: 500, onlineShare: 0.8, syncEvery: .minutes(15), requestsPerSecond: 0.05)))
        XCTAssertEqual(try mode("{edge: {devices: 5, sync_every: 1m, rate: 1}}"),
                       .edge(EdgeFleet(devices: 5, onlineShare: 1, syncEvery: .minutes(1), requestsPerSecond: 1)))
        // Block style and an unquoted time of day.
        XCTAssertEqual(try mode("\n      realtime:\n        rate: 2.5\n        daily: {amplitude: 1, peak: 14:00}"),
                       .realTime(RealTimeTraffic(ratePerSecond: 2.5, dailyAmplitude: 1, dailyPeak: .hours(14))))
    }

    func testDeploymentsSectionShape() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\ndeployments: [a]\n"),
                       ["2:14: deployments: expected a mapping of deployment ids to deployments, found a list"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nmodels: {fraud: {}}\ndeployments:\n  Api: {model: fraud, mode: {realtime: {rate: 1}}, strategy: basic}\n" + S.data),
                       ["4:3: invalid deployment id 'Api'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
        XCTAssertEqual(S.errors("    - x"), ["6:5: deployment 'api': expected a mapping with model, mode and strategy (and optionally replicas, latency, ...), found a list"])
    }

    func testDeploymentsNeedADataSection() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nmodels: {fraud: {}}\ndeployments:\n  api: {model: fraud, mode: {realtime: {rate: 1}}, strategy: basic}\n"),
                       ["4:3: deployments: requests draw their features from the data: section, but the project has none; "
                        + "expected a data: section (see docs/project-file.md) with deployments"])
    }

    func testMissingAndUnknownKeys() {
        XCTAssertEqual(S.errors("    description: x"), [
            "5:3: deployment 'api' has no model; expected model: ID (a key of models:)",
            "5:3: deployment 'api' has no mode; expected mode: {realtime: {rate: 50}}, {batch: {every: 1h, rows: 10000, throughput: 2000}}, "
                + "{streaming: {rate: 200, consumer: 80}} or {edge: {devices: 500, online: 0.8, sync_every: 15m, rate: 0.05}}",
            "5:3: deployment 'api' has no strategy; expected strategy: one of basic, shadow, canary, ab_test, blue_green, bandit, rolling or feature_flag "
                + "(like {canary: {steps: [...]}})",
        ])
        // A misspelt key is reported once, with a suggestion, not also as missing.
        XCTAssertEqual(S.errors("    model: fraud\n    mode: {realtime: {rate: 5}}\n    stratgy: basic"),
                       ["8:5: unknown key 'stratgy' in deployment 'api'; did you mean 'strategy'?"])
    }

    func testUnknownModel() {
        XCTAssertEqual(S.errors(S.body(strategy: "    strategy: basic").replacingOccurrences(of: "model: fraud", with: "model: fraudd")),
                       ["6:12: model: unknown model 'fraudd'; did you mean 'fraud'?"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\ndeployments:\n  api: {model: fraud, mode: {realtime: {rate: 1}}, strategy: basic}\n" + S.data),
                       ["3:16: model: unknown model 'fraud'; no models are declared (add one under models:)"])
    }

    func testModeErrors() {
        func errors(_ mode: String) -> [String] { S.errors("    model: fraud\n    mode: \(mode)\n    strategy: basic") }
        XCTAssertEqual(errors("{realtme: {rate: 5}}"), ["7:12: unknown key 'realtme' in mode; did you mean 'realtime'?"])
        XCTAssertEqual(errors("realtime"), ["7:11: mode: realtime needs its traffic; expected a mapping like {realtime: {rate: 50}}, "
            + "{batch: {every: 1h, rows: 10000, throughput: 2000}}, {streaming: {rate: 200, consumer: 80}} or "
            + "{edge: {devices: 500, online: 0.8, sync_every: 15m, rate: 0.05}}"])
        XCTAssertEqual(errors("stream").first?.hasPrefix("7:11: mode: unknown mode 'stream'; expected {realtime"), true)
        XCTAssertEqual(errors("streeming").first?.hasPrefix("7:11: mode: unknown mode 'streeming'; did you mean 'streaming'? expected"), true)
        XCTAssertEqual(errors("{realtime: {rate: 5}, batch: {every: 1h, rows: 1, throughput: 1}}"),
                       ["7:33: batch: mode already is realtime (at 7:12); expected exactly one serving mode"])
        XCTAssertEqual(errors("{realtime: {rate: 0}}"), ["7:29: rate: expected requests per second, a number above 0, found 0"])
        XCTAssertEqual(errors("{realtime: {rate: -3}}"), ["7:29: rate: expected requests per second, a number above 0, found -3"])
        XCTAssertEqual(errors("{realtime: {daily: {amplitude: 1.5, peak: \"25:00\"}}}"), [
            "7:22: realtime: missing rate; expected a mapping like {rate: 50, daily: {amplitude: 0.5, peak: \"14:00\"}}",
            "7:42: amplitude: expected a number from 0 to 1, found 1.5",
            "7:53: peak: expected a time of day like \"14:00\" (HH:MM, UTC), found '25:00'",
        ])
        XCTAssertEqual(errors("{batch: {every: 0s, rows: 0, throughput: 10}}"), [
            "7:27: every: expected a duration above 0s, found '0s'",
            "7:37: rows: expected an integer >= 1, found 0",
        ])
        XCTAssertEqual(errors("{batch: {every: 1h}}"),
                       ["7:19: batch: missing rows and throughput; expected a mapping like {every: 1h, rows: 10000, throughput: 2000}"])
        XCTAssertEqual(errors("{streaming: {rate: 10, consumer: 0}}"), ["7:44: consumer: expected events per second per replica, a number above 0, found 0"])
        XCTAssertEqual(errors("{edge: {devices: 0, online: 0, sync_every: 1m, rate: 1}}"), [
            "7:28: devices: expected an integer >= 1, found 0",
            "7:39: online: expected a share above 0 and up to 1 (like 0.8) or a percentage like 80%, found '0'",
        ])
    }

    func testReplicasLatencyAndErrorRate() {
        func errors(_ extra: String) -> [String] { S.errors(S.body(strategy: "    strategy: basic", extra: extra + "\n")) }
        XCTAssertEqual(errors("    replicas: {count: 0, capacity: 0}"), [
            "8:23: count: expected an integer >= 1, found 0",
            "8:36: capacity: expected requests per second per replica, a number above 0, found 0",
        ])
        XCTAssertEqual(errors("    replicas: {cont: 2}"), ["8:16: unknown key 'cont' in replicas; did you mean 'count'?"])
        XCTAssertEqual(errors("    latency: {median: 20, p99: 5ms}"), [
            "8:23: median: expected a latency like 20ms or 0.2s (a number above 0 with ms or s), found '20'",
        ])
        XCTAssertEqual(errors("    latency: {median: 20ms, p99: 15ms}"), ["8:34: p99: expected a latency at least the median (20ms), found '15ms'"])
        XCTAssertEqual(errors("    latency: {median: 20ms}"), ["8:14: latency: missing p99; expected a mapping like {median: 20ms, p99: 60ms}"])
        XCTAssertEqual(errors("    error_rate: 150%"), ["8:17: error_rate: expected a share from 0 to 1 (like 0.001) or a percentage like 0.1%, found '150%'"])
        XCTAssertEqual(errors("    error_rate: 2"), ["8:17: error_rate: expected a share from 0 to 1 (like 0.001) or a percentage like 0.1%, found '2'"])
        XCTAssertEqual(errors("    label_delay: 1.5h").first?.hasPrefix("8:19: label_delay: invalid duration '1.5h'"), true)
        XCTAssertEqual(S.deployment(S.body(strategy: "    strategy: basic", extra: "    error_rate: 0.002\n"))?.profile.errorRate, 0.002)
    }

    func testCandidateAndPromoteAlias() {
        func errors(_ extra: String) -> [String] { S.errors(S.body(strategy: "    strategy: basic", extra: extra + "\n")) }
        XCTAssertEqual(errors("    candidate: latests"), ["8:16: candidate: unknown candidate 'latests'; did you mean 'latest'? expected latest or {alias: NAME}"])
        XCTAssertEqual(errors("    candidate: {alias: Chal}"),
                       ["8:24: invalid alias id 'Chal'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
        XCTAssertEqual(errors("    promote_alias: \"Champion!\""),
                       ["8:20: invalid alias id 'Champion!'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
        XCTAssertEqual(errors("    candidate: {alias: champion}\n    promote_alias: champion"), [
            "8:16: candidate: the candidate alias 'champion' is also the promote_alias (at 9:20), so the candidate would already be the promoted "
                + "version; expected another alias (like challenger) or candidate: latest",
        ])
    }

    func testAllErrorsOfSeveralDeploymentsAtOnce() {
        let text = """
        project: demo
        models: {fraud: {}}
        deployments:
          a: {model: fraud, mode: {realtime: {rate: 0}}, strategy: basic}
          b: {model: frod, mode: {realtime: {rate: 1}}, strategy: canery}

        """ + S.data
        XCTAssertEqual(ProjectTestSupport.errors(text), [
            "4:45: rate: expected requests per second, a number above 0, found 0",
            "5:14: model: unknown model 'frod'; did you mean 'fraud'?",
            "5:59: strategy: unknown strategy 'canery'; did you mean 'canary'? expected one of basic, shadow, canary, ab_test, blue_green, "
                + "bandit, rolling or feature_flag, like {canary: {steps: [{weight: 10}, {pause: 10m}, {weight: 100}]}}",
        ])
        guard case .failure(let errors) = ProjectTestSupport.parse(text) else { return XCTFail("expected errors") }
        XCTAssertEqual(errors.errors.first?.description, "flightdeck.yaml:4:45: error: rate: expected requests per second, a number above 0, found 0")
    }
}
