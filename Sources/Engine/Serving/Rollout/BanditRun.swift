import SimKernel

/// A running multi-armed bandit over the stable and the candidate version.
///
/// A pull is a labelled request an arm answered; its reward is a correct
/// prediction, counted from the arm's totals since the bandit started. Each
/// arm's posterior is Beta(1 + rewards, 1 + misses). Every update estimates
/// each arm's probability of being the best from ``drawsPerUpdate`` seeded
/// posterior draws and sets the traffic split: Thompson sampling sends each
/// arm its probability of being best; epsilon-greedy sends 1 - epsilon to
/// the arm with the best posterior mean and epsilon to the other. A pinned
/// arm gets all traffic; a frozen arm keeps its share while the other adapts.
/// Until an arm has `minPulls` pulls it keeps at least ``explorationFloor``
/// percent of the traffic (else a quick early lead starves it for good).
public struct BanditRun: Sendable, Hashable, Codable {
    /// One arm's state.
    public struct Arm: Sendable, Hashable, Codable {
        public var version: Int
        public var rewards = 0
        public var pulls = 0
        public var probabilityBest = 0.5
        public var percent = 50.0
        public var pinned = false
        public var frozen = false

        public var alpha: Double { 1 + Double(rewards) }
        public var beta: Double { 1 + Double(pulls - rewards) }
        public var mean: Double { alpha / (alpha + beta) }
    }

    /// The least share, in percent, of an arm that has fewer than `minPulls` pulls.
    public static let explorationFloor = 10.0

    /// Posterior draws per arm and update.
    public static let drawsPerUpdate = 1000

    public let spec: BanditStrategy
    /// Stable arm first, then the candidate.
    public private(set) var arms: [Arm]
    public private(set) var startedAt: SimTime
    public private(set) var nextUpdateAt: SimTime
    var baselines: [VersionTotals]?
    /// The version that won, once decided.
    public private(set) var winner: Int?
    public private(set) var updates = 0

    public init(spec: BanditStrategy, stable: Int, candidate: Int, at time: SimTime) {
        self.spec = spec
        self.arms = [Arm(version: stable), Arm(version: candidate)]
        self.startedAt = time
        self.nextUpdateAt = time
    }

    /// Expected rewards lost against always pulling the arm with the best
    /// posterior mean.
    public var regret: Double {
        let best = arms.map(\.mean).max() ?? 0
        return arms.reduce(0) { $0 + Double($1.pulls) * (best - $1.mean) }
    }

    /// The live split the arms ask for, ordered by version number.
    public var live: [VersionWeight] {
        arms.sorted { $0.version < $1.version }.map { VersionWeight(version: $0.version, percent: $0.percent) }
    }

    /// Why the run ended: `bandit: v3 best with P 0.97 after 1,204 pulls (mean 0.89 vs 0.76)`.
    public var outcomeText: String {
        guard let winner, let best = arms.first(where: { $0.version == winner }),
              let other = arms.first(where: { $0.version != winner }) else { return "bandit running" }
        return "bandit: v\(winner) best with P \(NumberText.format(best.probabilityBest, decimals: 3)) "
            + "(mean \(NumberText.format(best.mean, decimals: 3)) vs \(NumberText.format(other.mean, decimals: 3)), "
            + "\(best.pulls) vs \(other.pulls) pulls)"
    }

    /// Reads the rewards and re-splits the traffic when an update is due;
    /// returns whether it did.
    @discardableResult
    public mutating func update(at now: SimTime, metrics: some ServingMetricsReading,
                                using generator: inout some RandomNumberGenerator) -> Bool {
        guard winner == nil, now >= nextUpdateAt else { return false }
        let totals = arms.map { metrics.totals(version: $0.version) }
        guard let baselines else {
            self.baselines = totals
            nextUpdateAt = now + max(spec.updateEvery, .seconds(1))
            return false
        }
        for index in arms.indices {
            arms[index].pulls = max(0, totals[index].labelled - baselines[index].labelled)
            arms[index].rewards = min(arms[index].pulls, max(0, totals[index].correct - baselines[index].correct))
        }
        estimateProbabilityBest(using: &generator)
        split()
        updates += 1
        let best = arms.indices.max { arms[$0].probabilityBest < arms[$1].probabilityBest } ?? 0
        if arms.allSatisfy({ $0.pulls >= spec.minPulls }), arms[best].probabilityBest >= spec.confidence {
            winner = arms[best].version
        } else if now >= startedAt + spec.maxDuration {
            let byMean = arms.indices.max { arms[$0].mean < arms[$1].mean } ?? 0
            winner = arms[byMean].version
        }
        nextUpdateAt = min(now + max(spec.updateEvery, .seconds(1)), max(startedAt + spec.maxDuration, now + .seconds(1)))
        return true
    }

    /// P(arm is best) from seeded posterior draws (ties go to the first arm).
    mutating func estimateProbabilityBest(using generator: inout some RandomNumberGenerator) {
        var wins = [Int](repeating: 0, count: arms.count)
        for _ in 0..<Self.drawsPerUpdate {
            var bestIndex = 0
            var bestDraw = -1.0
            for index in arms.indices {
                let draw = Sampling.beta(arms[index].alpha, arms[index].beta, using: &generator)
                if draw > bestDraw {
                    bestDraw = draw
                    bestIndex = index
                }
            }
            wins[bestIndex] += 1
        }
        for index in arms.indices {
            arms[index].probabilityBest = Double(wins[index]) / Double(Self.drawsPerUpdate)
        }
    }

    /// Sets each arm's percent from the algorithm and the holds.
    mutating func split() {
        if let pinned = arms.firstIndex(where: \.pinned) {
            for index in arms.indices { arms[index].percent = index == pinned ? 100 : 0 }
            return
        }
        var wanted: [Double]
        switch spec.algorithm {
        case .thompson:
            wanted = arms.map { $0.probabilityBest * 100 }
        case .epsilonGreedy(let epsilon):
            let best = arms.indices.max { arms[$0].mean < arms[$1].mean } ?? 0
            let others = Double(max(1, arms.count - 1))
            wanted = arms.indices.map { $0 == best ? (1 - epsilon) * 100 : epsilon * 100 / others }
        }
        liftStarvingArms(&wanted)
        let frozenShare = arms.filter(\.frozen).reduce(0) { $0 + $1.percent }
        let freeWanted = arms.indices.filter { !arms[$0].frozen }.reduce(0) { $0 + wanted[$1] }
        let freeIndices = arms.indices.filter { !arms[$0].frozen }
        guard !freeIndices.isEmpty else { return }
        let remaining = max(0, 100 - frozenShare)
        var assigned = 0.0
        for (position, index) in freeIndices.enumerated() {
            if position == freeIndices.count - 1 {
                arms[index].percent = max(0, remaining - assigned)
            } else {
                let share = freeWanted > 0 ? wanted[index] / freeWanted : 1 / Double(freeIndices.count)
                arms[index].percent = (remaining * share * 100).rounded() / 100
                assigned += arms[index].percent
            }
        }
    }

    /// An arm below `minPulls` keeps at least ``explorationFloor`` percent,
    /// so the stopping rule (minimum pulls on every arm) can be reached.
    private func liftStarvingArms(_ wanted: inout [Double]) {
        let starving = arms.indices.filter { arms[$0].pulls < spec.minPulls && wanted[$0] < Self.explorationFloor }
        let rest = arms.indices.filter { !starving.contains($0) }
        guard !starving.isEmpty, !rest.isEmpty else { return }
        let restTotal = rest.reduce(0) { $0 + wanted[$1] }
        let restShare = 100 - Double(starving.count) * Self.explorationFloor
        for index in starving { wanted[index] = Self.explorationFloor }
        for index in rest { wanted[index] = restTotal > 0 ? wanted[index] / restTotal * restShare : restShare / Double(rest.count) }
    }

    /// Applies an operator's hold to `version`'s arm; false for an unknown arm.
    mutating func hold(_ version: Int, _ hold: BanditArmHold) -> Bool {
        guard let index = arms.firstIndex(where: { $0.version == version }) else { return false }
        switch hold {
        case .pin:
            for other in arms.indices { arms[other].pinned = other == index }
            arms[index].frozen = false
        case .freeze:
            arms[index].frozen = true
            arms[index].pinned = false
        case .release:
            arms[index].pinned = false
            arms[index].frozen = false
        }
        split()
        return true
    }

    /// When the next update is due (nil once decided).
    var nextWakeTime: SimTime? { winner == nil ? nextUpdateAt : nil }

    mutating func shift(by duration: SimDuration) {
        startedAt += duration
        nextUpdateAt += duration
    }
}
