import SimKernel

/// One step of a compiled rollout plan.
enum RolloutStep: Sendable, Hashable, Codable {
    /// Basic: the candidate replaces the stable version (requests fail
    /// during the downtime).
    case replace(downtime: SimDuration)
    /// Shadow: copy `percent` of live requests to the candidate for the
    /// following analysis (`duration` long).
    case mirror(percent: Int, duration: SimDuration)
    /// Blue/green: start the preview environment, copying `mirror` percent
    /// of live requests to it.
    case preview(mirror: Int)
    /// Canary: the candidate's live share.
    case weight(Int)
    /// Feature flag: the candidate runs with no users.
    case dormant
    /// Feature flag: the candidate is on for this share of users.
    case cohort(Int)
    case pause(SimDuration)
    case approval
    /// An analysis; `label` starts its plan line.
    case analysis(AnalysisSpec, label: String)
    /// All live traffic to the candidate; `keepWarm` keeps the stable
    /// replicas running (blue/green).
    case switchOver(keepWarm: Bool)
    /// Blue/green: the old environment stops `delay` after the switch.
    case scaleDown(delay: SimDuration)
    /// Rolling: `size` new replicas; `ready` of all are new once it is done.
    case batch(size: Int, ready: Int)
    case abTest
    case bandit
    /// The candidate takes all traffic.
    case promote

    /// The plan line.
    func text(stable: Int, candidate: Int, replicas: Int, strategy: StrategySpec) -> String {
        switch self {
        case .replace(let downtime):
            return "replace v\(stable) with v\(candidate)" + (downtime > .zero ? " (downtime \(downtime))" : "")
        case .mirror(let percent, let duration):
            return "mirror \(percent)% for \(duration)"
        case .preview(let mirror):
            return "deploy preview v\(candidate) (\(replicas) replicas)" + (mirror > 0 ? ", mirror \(mirror)%" : "")
        case .weight(let percent):
            return "set weight \(percent)%"
        case .dormant:
            return "deploy v\(candidate) dormant (0% of users)"
        case .cohort(let percent):
            return "cohort \(percent)%"
        case .pause(let duration):
            return "pause \(duration)"
        case .approval:
            return "wait for approval"
        case .analysis(let spec, let label):
            return spec.conditions.isEmpty ? "\(label): no conditions" : MetricText.analysis(spec, label: label)
        case .switchOver(let keepWarm):
            return "switch to v\(candidate)" + (keepWarm ? " (v\(stable) kept warm)" : "")
        case .scaleDown(let delay):
            return "scale down v\(stable) \(delay) after the switch"
        case .batch(let size, let ready):
            return "replace \(size) replica\(size == 1 ? "" : "s") (\(ready)/\(replicas))"
        case .abTest:
            guard case .abTest(let ab) = strategy else { return "A/B test" }
            return "A/B test: \(ab.candidatePercent)% of users on v\(candidate), \(ab.kpi.rawValue), "
                + "min \(ab.minSamples) per arm, alpha \(NumberText.format(ab.alpha)), max \(ab.maxDuration)"
        case .bandit:
            guard case .bandit(let bandit) = strategy else { return "bandit" }
            return "bandit (\(Self.algorithmName(bandit.algorithm))): update every \(bandit.updateEvery), "
                + "min \(bandit.minPulls) pulls per arm, confidence \(NumberText.format(bandit.confidence)), max \(bandit.maxDuration)"
        case .promote:
            return "promote v\(candidate) (100%)"
        }
    }

    /// `thompson` or `epsilon-greedy 0.1`.
    static func algorithmName(_ algorithm: BanditAlgorithm) -> String {
        switch algorithm {
        case .thompson: return "thompson"
        case .epsilonGreedy(let epsilon): return "epsilon-greedy \(NumberText.format(epsilon))"
        }
    }

    /// The plan of `strategy` for `replicas` replicas per version.
    static func plan(for strategy: StrategySpec, replicas: Int) -> [RolloutStep] {
        switch strategy {
        case .basic(let basic):
            return [.replace(downtime: basic.downtime)] + (basic.analysis.map { [.analysis($0, label: "analysis")] } ?? [])
        case .shadow(let shadow):
            return [.mirror(percent: shadow.mirrorPercent, duration: shadow.analysis.duration),
                    .analysis(shadow.analysis, label: "analysis")]
                + (shadow.requiresApproval ? [.approval] : []) + [.switchOver(keepWarm: false)]
        case .canary(let canary):
            var steps = canary.steps.map { step(of: $0, analysis: canary.analysis, weight: RolloutStep.weight) }
            if lastWeight(of: canary.steps) != 100 { steps.append(.promote) }
            return steps
        case .abTest(let ab):
            return [.abTest] + (ab.requiresApproval ? [.approval] : []) + [.promote]
        case .blueGreen(let blueGreen):
            var steps: [RolloutStep] = [.preview(mirror: blueGreen.previewMirrorPercent)]
            if let pre = blueGreen.prePromotionAnalysis { steps.append(.analysis(pre, label: "pre-promotion analysis")) }
            if !blueGreen.autoPromote { steps.append(.approval) }
            steps.append(.switchOver(keepWarm: true))
            if let post = blueGreen.postPromotionAnalysis { steps.append(.analysis(post, label: "post-promotion analysis")) }
            steps.append(.scaleDown(delay: blueGreen.scaleDownDelay))
            return steps
        case .bandit(let bandit):
            return [.bandit] + (bandit.requiresApproval ? [.approval] : []) + [.promote]
        case .rolling(let rolling):
            let batch = max(1, rolling.maxSurge + rolling.maxUnavailable)
            var steps: [RolloutStep] = []
            var ready = 0
            while ready < max(1, replicas) {
                let size = min(batch, max(1, replicas) - ready)
                ready += size
                steps.append(.batch(size: size, ready: ready))
                if let analysis = rolling.analysis { steps.append(.analysis(analysis, label: "analysis")) }
            }
            return steps
        case .featureFlag(let flag):
            var steps: [RolloutStep] = [.dormant]
            steps += flag.steps.map { step(of: $0, analysis: flag.analysis, weight: RolloutStep.cohort) }
            if lastWeight(of: flag.steps) != 100 { steps.append(.cohort(100)) }
            return steps
        }
    }

    private static func step(of spec: RolloutStepSpec, analysis: AnalysisSpec?, weight: (Int) -> RolloutStep) -> RolloutStep {
        switch spec {
        case .weight(let percent): return weight(percent)
        case .pause(let duration): return .pause(duration)
        case .approval: return .approval
        case .analysis(let own):
            return .analysis(own ?? analysis ?? AnalysisSpec(conditions: [], count: 0), label: "analysis")
        }
    }

    private static func lastWeight(of steps: [RolloutStepSpec]) -> Int? {
        for step in steps.reversed() {
            if case .weight(let percent) = step { return percent }
        }
        return nil
    }
}
