import SimKernel

extension Rollout {
    /// The plan as listed on screen, with each step's status.
    public var plan: [PlanStepSummary] {
        steps.indices.map { index in
            let status: PlanStepSummary.Status
            switch marks[index] {
            case .pending: status = .pending
            case .current: status = .current
            case .done: status = .done
            case .failed: status = .failed
            case .skipped: status = .skipped
            }
            return PlanStepSummary(text: stepText(index), status: status)
        }
    }

    /// The checks of the latest analysis measurement (empty before any).
    public var analysisChecks: [AnalysisCheck] { lastAnalysis?.checks ?? [] }

    /// The latest analysis's verdict (`passed 2/3 measurements`, ...).
    public var analysisVerdict: String? { lastAnalysis?.verdict }

    /// The bandit's arms (bandit strategy, once started).
    public var banditSummary: BanditSummary? {
        guard let bandit else { return nil }
        let arms = bandit.arms.sorted { $0.version < $1.version }.map {
            BanditArm(version: $0.version, alpha: $0.alpha, beta: $0.beta, pulls: $0.pulls, probabilityBest: $0.probabilityBest,
                      percent: $0.percent, pinned: $0.pinned, frozen: $0.frozen)
        }
        return BanditSummary(algorithm: RolloutStep.algorithmName(bandit.spec.algorithm), arms: arms, regret: bandit.regret)
    }

    /// The A/B test's state (A/B strategy, once started).
    public var abTestSummary: ABTestSummary? {
        guard let abTest else { return nil }
        return ABTestSummary(kpi: abTest.spec.kpi.rawValue, stableSamples: abTest.stableSamples, stableValue: abTest.stableValue,
                             candidateSamples: abTest.candidateSamples, candidateValue: abTest.candidateValue, pValue: abTest.pValue,
                             minSamples: abTest.spec.minSamples, verdict: abTest.verdict)
    }

    /// The slides' comparison for this rollout's strategy.
    public var traits: StrategyTraits { Self.traits(of: strategy) }

    /// The comparison of deployment strategies from the course slides
    /// (shadow ✓ ✗ n/a medium; canary ✓ ✗ fast low; A/B ✓ ✓ fast low;
    /// blue/green ✓ ✗ instant high), extended: basic has downtime unless
    /// it is 0 and rolls back by redeploying (slow); a bandit routes by
    /// reward (fast, low); rolling replaces replicas (slow, none without
    /// surge); a feature flag routes a user cohort and switches off at
    /// once, its dormant replicas costing medium.
    public static func traits(of strategy: StrategySpec) -> StrategyTraits {
        switch strategy {
        case .basic(let basic):
            return StrategyTraits(noDowntime: basic.downtime == .zero, conditionBased: false, rollbackTime: "slow", additionalCost: "none")
        case .shadow:
            return StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "n/a", additionalCost: "medium")
        case .canary:
            return StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "fast", additionalCost: "low")
        case .abTest:
            return StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "fast", additionalCost: "low")
        case .blueGreen:
            return StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "instant", additionalCost: "high")
        case .bandit:
            return StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "fast", additionalCost: "low")
        case .rolling(let rolling):
            return StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "slow",
                                  additionalCost: rolling.maxSurge > 0 ? "low" : "none")
        case .featureFlag:
            return StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "instant", additionalCost: "medium")
        }
    }
}
