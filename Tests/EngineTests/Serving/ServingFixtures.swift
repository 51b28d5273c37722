import SimKernel
@testable import Engine

/// A small world for serving tests: a data spec with numeric features of
/// every family (one with missing values), a categorical one that gains a
/// category by drift, two models trained on it (a good one on all features
/// and a weak one on two), and deployment specs.
enum ServingFixtures {
    static let data: DataGenerator = {
        let spec = DataSpec(
            features: [
                FeatureSpec(name: "amount", distribution: .numeric(.lognormal(mu: 3, sigma: 0.6)), max: 200),
                FeatureSpec(name: "age", distribution: .numeric(.normal(mean: 40, sd: 12)), min: 18, nulls: 0.05),
                FeatureSpec(name: "score", distribution: .numeric(.uniform(min: 0, max: 1))),
                FeatureSpec(name: "ratio", distribution: .numeric(.beta(a: 2, b: 5))),
                FeatureSpec(name: "wait", distribution: .numeric(.exponential(mean: 3))),
                FeatureSpec(name: "channel", distribution: .categorical(CategoricalDistribution(
                    categories: ["web", "app", "store"], probabilities: [0.5, 0.3, 0.2])), nulls: 0.02),
            ],
            label: LabelRule(intercept: -2, weights: [
                LabelWeight(feature: "amount", weight: 0.03),
                LabelWeight(feature: "age", weight: -0.02),
                LabelWeight(feature: "score", weight: 2),
                LabelWeight(feature: "ratio", weight: 1),
                LabelWeight(feature: "wait", weight: 0.1),
                LabelWeight(feature: "channel", category: "app", weight: 0.8),
                LabelWeight(feature: "channel", category: "kiosk", weight: -1),
            ], noise: 0.3),
            drift: [.newCategory(feature: "channel", category: "kiosk", at: .hours(1), probability: 0.25)])
        return DataGenerator(spec: spec)
    }()

    /// A model trained at time 0 (before `kiosk` exists) on all features.
    static let goodModel: TrainedModel = train(features: nil, seed: 1)
    /// A model trained on `age` and `ratio` only.
    static let weakModel: TrainedModel = train(features: ["age", "ratio"], seed: 2)

    static func train(features: [String]?, seed: UInt64) -> TrainedModel {
        var random = Xoshiro256StarStar(seed: seed)
        let dataset = data.sample(rows: 4000, at: .zero, using: &random)
        var matrix = try! TrainingMatrix(dataset: dataset)
        if let features {
            let indices = features.map { dataset.schema.index(of: $0)! }
            let kinds = indices.map { dataset.schema.features[$0].kind }
            let numeric = indices.compactMap { index -> [Double]? in
                if case .numeric(let values) = dataset.columns[index] { return values }
                return nil
            }
            matrix = try! TrainingMatrix(featureNames: features, kinds: kinds, numericColumns: numeric, categoricalColumns: [],
                                         labels: dataset.labels)
        }
        return try! LogisticRegression.fit(matrix)
    }

    static func scorer(_ model: TrainedModel) -> CompiledScorer {
        try! CompiledScorer(model: model, schema: data.schema)
    }

    static func spec(_ mode: ServingMode, id: String = "svc", replicas: ReplicaSpec = ReplicaSpec(count: 2, capacityPerSecond: 100_000),
                     labelDelay: SimDuration = .zero) -> DeploymentSpec {
        DeploymentSpec(id: id, model: "fraud", mode: mode, replicas: replicas, labelDelay: labelDelay,
                       strategy: .basic(BasicStrategy()))
    }

    /// A simulator with v1 (good model) and v2 (weak model, slower) deployed.
    static func simulator(_ mode: ServingMode = .realTime(RealTimeTraffic(ratePerSecond: 1000)), seed: UInt64 = 7,
                          replicas: ReplicaSpec = ReplicaSpec(count: 2, capacityPerSecond: 100_000),
                          labelDelay: SimDuration = .zero, id: String = "svc") -> ServingSimulator {
        let simulator = ServingSimulator(spec: spec(mode, id: id, replicas: replicas, labelDelay: labelDelay), data: data,
                                         seed: seed, start: .zero)
        simulator.deploy(version: 1, scorer: scorer(goodModel), profile: ServingProfile(medianLatencyMs: 20, p99LatencyMs: 60, errorRate: 0.001))
        simulator.deploy(version: 2, scorer: scorer(weakModel), profile: ServingProfile(medianLatencyMs: 40, p99LatencyMs: 120, errorRate: 0.001))
        return simulator
    }

    static func split(_ stable: Double, _ candidate: Double, by key: SplitKey = .request) -> RoutingTable {
        RoutingTable(live: [VersionWeight(version: 1, percent: stable), VersionWeight(version: 2, percent: candidate)], split: key)
    }
}

extension SimTime {
    static func at(seconds count: Int64) -> SimTime { SimTime(sinceEpoch: .seconds(count)) }
    static func at(minutes count: Int64) -> SimTime { SimTime(sinceEpoch: .minutes(count)) }
}
