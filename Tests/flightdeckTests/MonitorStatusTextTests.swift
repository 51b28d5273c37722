import Engine
import XCTest
@testable import flightdeck

/// `flightdeck drift` (status): a monitor's features, dataset and concept
/// drift, SLOs, performance and health as text.
final class MonitorStatusTextTests: XCTestCase {
    private typealias F = MonitoringCLIFixtures

    func testAWholeMonitor() {
        XCTAssertEqual(MonitorStatusText.render(F.monitor()), """
            fraud-monitor  deployment fraud-api  serving v3  evaluated d0 00:10:00
              reference: training data of fraud v3 (20,000 rows)
              window: last 30m
              FEATURE  METHOD       VALUE               THRESHOLDS     REF    CUR   STATE         NOTE
              amount   psi          0.231               >=0.1 / >=0.2  20000  4210  drift         -
              age      ks           p 0.0031 (D 0.041)  <0.05 / <0.01  20000  4210  warning       significant but tiny: D 0.041 on 20000 vs 4210
              balance  wasserstein  0.12 (raw 3.4)      >=0.1 / >=0.2  20000  4210  warning       -
              country  chi_square   -                   <0.05 / <0.01  20000  12    insufficient  insufficient: 12 < 100 values
              dataset drift: 1 of 4 features (25.0%), threshold 50.0%: not drifting
              concept drift (labels 10m late): drift, accuracy 0.912 at d0 00:02:00
                ddm: warning, 3912 samples, p+s 0.214 (min 0.151+3*0.011)
                page_hinkley: drift, detected d0 00:09:00, 3912 samples, PH 62.4 / 50
              SLOs:
                p99-latency: latency < 150 ms, target 99.9% over 30d (99950/100000 good), budget left 50.0%; burn 5m 15.2x, 1h 14.5x; fast burn (14.4x over 1h and 5m); promotions frozen
              VERSION  P50     P95     P99    MAX    ERR%   REQ/S  ACCURACY
              v3       12.0ms  48.2ms  131ms  240ms  0.20%  40.0   0.912
              v4       -       -       -      -      -      0.0    -
              health: replicas 42.0% busy, streaming lag -, pipeline failures in the last hour 1, scheduler backlog 0
            """)
    }

    func testAMonitorBeforeItsFirstEvaluation() {
        var summary = F.monitor()
        summary.servingVersion = nil
        summary.evaluatedAt = nil
        summary.reference = "waiting for the serving version's training data"
        summary.features = []
        summary.datasetDrift = nil
        summary.concept = nil
        summary.slos = []
        summary.performance = []
        summary.health.streamingLag = 12
        XCTAssertEqual(MonitorStatusText.render(summary), """
            fraud-monitor  deployment fraud-api  serving no serving version  not evaluated yet
              reference: waiting for the serving version's training data
              window: last 30m
              no features watched
              health: replicas 42.0% busy, streaming lag 12, pipeline failures in the last hour 1, scheduler backlog 0
            """)
    }

    func testUntrustedTextIsSanitized() {
        var summary = F.monitor()
        summary.features = [F.feature("amo\u{1B}]0;owned\u{07}unt", method: .psi, value: 0.1, thresholds: DriftThresholds(warn: 0.1, alert: 0.2),
                                      state: .warning)]
        XCTAssertFalse(MonitorStatusText.render(summary).contains("\u{1B}"))
        XCTAssertTrue(MonitorStatusText.render(summary).contains("  amount   psi "))
    }

    func testTargetsAndThresholds() {
        XCTAssertEqual(MonitorStatusText.percentTrimmed(0.999), "99.9%")
        XCTAssertEqual(MonitorStatusText.percentTrimmed(0.99), "99%")
        XCTAssertEqual(MonitorStatusText.percentTrimmed(0.9995), "99.95%")
        XCTAssertEqual(MonitorStatusText.thresholds(.jensenShannon, DriftThresholds(warn: 0.1, alert: 0.2)), ">=0.1 / >=0.2")
        XCTAssertEqual(MonitorStatusText.thresholds(.chiSquare, DriftThresholds(warn: 0.05, alert: 0.01)), "<0.05 / <0.01")
    }

    func testTheLatestPersistedRollupOfEachFeature() {
        let rollups = [DriftRollup(monitor: "m", feature: "amount", time: F.time(60), method: .psi, value: 0.05, state: .ok, referenceCount: 10, currentCount: 5),
                       DriftRollup(monitor: "m", feature: "age", time: F.time(60), method: .ks, value: nil, state: .insufficient, referenceCount: 10, currentCount: 2),
                       DriftRollup(monitor: "m", feature: "amount", time: F.time(120), method: .psi, value: 0.25, state: .drift, referenceCount: 10, currentCount: 9)]
        let latest = MonitorStatusText.latestPerFeature(rollups)
        XCTAssertEqual(latest, [rollups[2], rollups[1]])
        XCTAssertEqual(MonitorStatusText.rollupTable(latest), """
            MONITOR  FEATURE  TIME         METHOD  VALUE  REF  CUR  STATE
            m        amount   d0 00:02:00  psi     0.25   10   9    drift
            m        age      d0 00:01:00  ks      -      10   2    insufficient
            """)
    }
}
