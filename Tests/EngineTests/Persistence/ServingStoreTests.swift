import XCTest
@testable import Engine

/// Both serving stores answer the same questions the same way; the SQLite
/// one keeps everything across a reopen.
final class ServingStoreTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary.remove()
    }

    private func change(_ at: Int64, candidate: Double, why: String, deployment: String = "api") -> TrafficChange {
        let routing = RoutingTable(live: [VersionWeight(version: 1, percent: 100 - candidate), VersionWeight(version: 2, percent: candidate)],
                                   replicas: [VersionReplicas(version: 1, count: 2), VersionReplicas(version: 2, count: 1)])
        return TrafficChange(deployment: deployment, time: SimTime(milliseconds: at), routing: routing, why: why, who: "rollout")
    }

    private func exercise(_ store: any ServingStore) throws {
        try store.append([.traffic(change(1_000, candidate: 10, why: "canary step 1/3: weight 10%")),
                          .traffic(change(5_000, candidate: 50, why: "canary step 3/3: weight 50%")),
                          .traffic(change(2_000, candidate: 0, why: "other", deployment: "batch")),
                          .deployment(DeploymentState(deployment: "api", stableVersion: 1, triedVersions: [2], rolloutJSON: "{}",
                                                      updatedAt: SimTime(milliseconds: 5_000)))])
        try store.append([.deployment(DeploymentState(deployment: "api", stableVersion: 2, triedVersions: [2], rolloutJSON: nil,
                                                      updatedAt: SimTime(milliseconds: 9_000)))])
        XCTAssertEqual(try store.trafficChanges(deployment: "api", limit: nil).map(\.why),
                       ["canary step 1/3: weight 10%", "canary step 3/3: weight 50%"])
        XCTAssertEqual(try store.trafficChanges(deployment: "api", limit: 1).map(\.why), ["canary step 3/3: weight 50%"])
        XCTAssertNil(try store.trafficChange(deployment: "api", at: SimTime(milliseconds: 999)))
        XCTAssertEqual(try store.trafficChange(deployment: "api", at: SimTime(milliseconds: 4_999))?.routing.percent(of: 2), 10)
        XCTAssertEqual(try store.trafficChange(deployment: "api", at: SimTime(milliseconds: 5_000))?.routing.percent(of: 2), 50)
        let states = try store.deploymentStates()
        XCTAssertEqual(states.map(\.deployment), ["api"])
        XCTAssertEqual(states.first?.stableVersion, 2)
        XCTAssertNil(states.first?.rolloutJSON)
    }

    func testInMemoryStoreAnswersHistoryQueries() throws {
        try exercise(InMemoryServingStore())
    }

    func testSQLiteStoreAnswersHistoryQueriesAndKeepsThemAcrossAReopen() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        do {
            let runs = try SQLiteRunStore(directory: directory)
            try exercise(SQLiteServingStore(sharing: runs))
            try runs.close()
        }
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        let reopened = SQLiteServingStore(sharing: runs)
        XCTAssertEqual(try reopened.trafficChanges(deployment: "api", limit: nil).count, 2)
        XCTAssertEqual(try reopened.trafficChange(deployment: "api", at: SimTime(milliseconds: 60_000))?.routing.replicas,
                       [VersionReplicas(version: 1, count: 2), VersionReplicas(version: 2, count: 1)])
        XCTAssertEqual(try reopened.deploymentStates().first?.triedVersions, [2])
    }

    private func summary(_ id: String, reason: String) -> DeploymentSummary {
        DeploymentSummary(id: id, model: "fraud", mode: "realtime", modeStatus: "40 req/s", strategy: "canary", stableVersion: 1,
                          candidateVersion: 2, phase: .progressing, reason: reason, stepIndex: 1,
                          plan: [PlanStepSummary(text: "set weight 10%", status: .done), PlanStepSummary(text: "pause 10m", status: .current)],
                          routing: change(0, candidate: 10, why: "").routing, trafficHistory: [TrafficPoint(time: .zero, candidatePercent: 10)],
                          versions: [], analysis: [AnalysisCheck(condition: "error_rate < 1%", value: 0.002, threshold: 0.01, outcome: .pass,
                                                                 detail: "0.002 < 0.01")],
                          analysisVerdict: "passed 1/1", bandit: nil, abTest: nil,
                          traits: StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "fast", additionalCost: "low"),
                          recentChanges: [])
    }

    func testThePublishedStatusIsReplacedAndReadBackInOrder() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        let store = SQLiteServingStore(sharing: runs)
        XCTAssertNil(try store.publishedStatus())
        try store.publish([summary("zeta", reason: "old"), summary("alpha", reason: "old")], at: SimTime(milliseconds: 1_000))
        try store.publish([summary("zeta", reason: "paused: waiting 10m (4m left)"), summary("alpha", reason: "new")],
                          at: SimTime(milliseconds: 2_000))
        let reader = try SQLiteServingStore(readingDatabaseAt: runs.path)
        let status = try XCTUnwrap(try reader.publishedStatus())
        XCTAssertEqual(status.at, SimTime(milliseconds: 2_000))
        XCTAssertEqual(status.deployments.map(\.id), ["zeta", "alpha"])
        XCTAssertEqual(status.deployments.first, summary("zeta", reason: "paused: waiting 10m (4m left)"))
    }

    func testAFailedAppendStoresNothing() throws {
        let store = InMemoryServingStore()
        store.failNextAppend = StoreError(path: "", operation: "append", message: "disk full")
        XCTAssertThrowsError(try store.append([.traffic(change(1, candidate: 5, why: "x"))]))
        XCTAssertEqual(try store.trafficChanges(deployment: "api", limit: nil).count, 0)
    }
}
