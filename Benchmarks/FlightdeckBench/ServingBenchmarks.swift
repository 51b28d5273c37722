@_spi(Benchmarks) import Engine
import Foundation

/// Requests routed, scored and measured per second on one core in
/// fast-forward: real-time mode, a 10-feature model, two versions at
/// 90/10, plus the per-request cost by stage in CPU time (each stage timed
/// as a variant that stops after it; recording = the full run's CPU time
/// minus the draws stage). Wall time is shown too: on a shared machine it
/// includes waiting for a core.
enum ServingBenchmarks {
    static let features = 10

    static func run(into table: inout ResultTable) {
        let rate = 2_000_000.0
        let simulator = makeSimulator(rate: rate)
        // Warm up (first bins, histograms, tables).
        var time = SimTime.zero + .seconds(1)
        simulator.advance(to: time)
        var perRequest: [Double] = []
        var cpuPerRequest: [Double] = []
        for _ in 0..<7 {
            let before = totalRequests(simulator)
            let cpu = processCPUNanoseconds()
            let start = monotonicNanoseconds()
            time = time + .seconds(2)
            simulator.advance(to: time)
            let elapsed = Double(monotonicNanoseconds() - start)
            let cpuElapsed = processCPUNanoseconds() - cpu
            let served = Double(totalRequests(simulator) - before)
            perRequest.append(elapsed / served)
            cpuPerRequest.append(cpuElapsed / served)
        }
        let full = median(perRequest)
        let cpu = median(cpuPerRequest)

        var stages: [(ServingCostStage, Double)] = []
        var sink = 0.0
        let probeRequests = 1_000_000
        for stage in ServingCostStage.allCases {
            var samples: [Double] = []
            for _ in 0..<5 {
                let start = processCPUNanoseconds()
                sink += simulator.probeCost(requests: probeRequests, upTo: stage)
                samples.append((processCPUNanoseconds() - start) / Double(probeRequests))
            }
            stages.append((stage, median(samples)))
        }
        precondition(sink != 0)
        var previous = 0.0
        var parts: [String] = []
        for (stage, cost) in stages {
            parts.append(String(format: "%@ %.0f", "\(stage)", max(0, cost - previous)))
            previous = cost
        }
        parts.append(String(format: "recording %.0f", max(0, cpu - previous)))
        table.add("serving: requests routed, scored, measured (real-time, 10 features, 2 versions 90/10, 1 core)",
                  String(format: "%.2f M req/s (%.0f ns/req; CPU %.0f ns/req)", 1e3 / full, full, cpu),
                  "CPU ns/req by stage: " + parts.joined(separator: ", "),
                  "-", ">= 2 M req/s")

        // A long fast-forward at a low rate: the per-slice cost dominates.
        let quiet = makeSimulator(rate: 10)
        let start = monotonicNanoseconds()
        quiet.advance(to: SimTime.zero + .days(1))
        let day = Double(monotonicNanoseconds() - start)
        table.add("serving: fast-forward one simulated day at 10 req/s (86,400 slices, ~864,000 requests)",
                  formatNanoseconds(day), String(format: "%.1f µs per 1 s slice", day / 86_400 / 1000), "-", "-")
    }

    static func totalRequests(_ simulator: ServingSimulator) -> Int {
        simulator.totals(version: 1).requests + simulator.totals(version: 2).requests
    }

    /// 10 normal features, a label rule on them, two models trained on samples.
    static func makeSimulator(rate: Double) -> ServingSimulator {
        let names = (0..<features).map { "x\($0)" }
        let spec = DataSpec(
            features: names.enumerated().map { index, name in
                FeatureSpec(name: name, distribution: .numeric(.normal(mean: Double(index), sd: 1 + Double(index) / 10)))
            },
            label: LabelRule(intercept: -0.5, weights: names.enumerated().map { LabelWeight(feature: $1, weight: Double($0 % 5) * 0.3 - 0.6) },
                             noise: 0.2))
        let data = DataGenerator(spec: spec)
        func model(seed: UInt64) -> TrainedModel {
            var random = Xoshiro256StarStar(seed: seed)
            let dataset = data.sample(rows: 5000, at: .zero, using: &random)
            guard let matrix = try? TrainingMatrix(dataset: dataset), let model = try? LogisticRegression.fit(matrix) else {
                fatalError("benchmark: cannot train the serving model")
            }
            return model
        }
        let deployment = DeploymentSpec(id: "bench", model: "bench", mode: .realTime(RealTimeTraffic(ratePerSecond: rate)),
                                        replicas: ReplicaSpec(count: 100, capacityPerSecond: 1e6), strategy: .canary(CanaryStrategy(steps: [])))
        let simulator = ServingSimulator(spec: deployment, data: data, seed: 42, start: .zero)
        for (version, seed) in [(1, UInt64(1)), (2, UInt64(2))] {
            guard let scorer = try? CompiledScorer(model: model(seed: seed), schema: data.schema) else { fatalError("benchmark: scorer") }
            simulator.deploy(version: version, scorer: scorer, profile: ServingProfile())
        }
        simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 90), VersionWeight(version: 2, percent: 10)])
        return simulator
    }
}
