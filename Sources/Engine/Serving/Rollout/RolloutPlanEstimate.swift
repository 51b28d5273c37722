import SimKernel

/// How long a deployment's plan takes, for `flightdeck validate`.
public enum RolloutPlanEstimate {
    /// The suffix of `note` when full promotion also waits for an approval
    /// (a registry approval, or an operator's promote with a reason).
    public static let approvalWait = " + approval wait"

    /// Time to full promotion assuming every analysis passes at its first
    /// chance and approvals are immediate (the note says `+ approval wait`
    /// when the plan has gates; A/B tests and bandits are estimated from
    /// their minimum samples at `trafficPerSecond`, plus the label delay
    /// when the reward needs labels), and time to roll back.
    public static func estimate(_ spec: DeploymentSpec, trafficPerSecond: Double)
        -> (toFullPromotion: SimDuration, toRollback: SimDuration, note: String) {
        let approval = approvalWait
        switch spec.strategy {
        case .basic(let basic):
            let full = basic.downtime + (basic.analysis?.duration ?? .zero)
            let note = basic.downtime > .zero ? "redeploys; requests fail for \(basic.downtime) each way" : "redeploys; no downtime"
            return (full, basic.downtime, note)
        case .shadow(let shadow):
            return (shadow.analysis.duration, .zero,
                    "live traffic stays on the stable version: rollback stops the mirror" + (shadow.requiresApproval ? approval : ""))
        case .canary(let canary):
            let full = stepsDuration(canary.steps, analysis: canary.analysis)
            return (full, .zero, "one routing change" + (hasGate(canary.steps) ? approval : ""))
        case .featureFlag(let flag):
            let full = stepsDuration(flag.steps, analysis: flag.analysis)
            return (full, .zero, "the flag switches off at once" + (hasGate(flag.steps) ? approval : ""))
        case .abTest(let ab):
            let share = Double(min(ab.candidatePercent, 100 - ab.candidatePercent)) / 100
            let labels = ab.kpi == .accuracy ? spec.labelDelay : .zero
            let (time, capped) = sampling(ab.minSamples, ratePerSecond: trafficPerSecond * share, extra: labels,
                                          step: ABTestRun.checkEvery, cap: ab.maxDuration)
            var note = "\(ab.minSamples) samples per arm at \(NumberText.format(trafficPerSecond * share, decimals: 2))/s"
            if capped { note += "; max duration reached first (inconclusive)" }
            return (time, .zero, note + (ab.requiresApproval ? approval : ""))
        case .bandit(let bandit):
            let (time, capped) = sampling(bandit.minPulls, ratePerSecond: trafficPerSecond * 0.5, extra: spec.labelDelay,
                                          step: max(bandit.updateEvery, .seconds(1)), cap: bandit.maxDuration)
            var note = "at least \(bandit.minPulls) pulls per arm at an even split, until one arm is best with P >= \(NumberText.format(bandit.confidence))"
            if capped { note += "; max duration reached first" }
            return (time, .zero, note + (bandit.requiresApproval ? approval : ""))
        case .blueGreen(let blueGreen):
            let full = blueGreen.prePromotionAnalysis?.duration ?? .zero
            let warm = max(blueGreen.scaleDownDelay, blueGreen.postPromotionAnalysis?.duration ?? .zero)
            return (full, .zero, "instant rollback while the old environment is warm (\(warm) after the switch)"
                    + (blueGreen.autoPromote ? "" : approval))
        case .rolling(let rolling):
            let batch = max(1, rolling.maxSurge + rolling.maxUnavailable)
            let count = max(1, spec.replicas.count)
            let batches = Int64((count + batch - 1) / batch)
            let interval = max(rolling.interval, .seconds(1))
            let full = (interval + (rolling.analysis?.duration ?? .zero)) * batches
            return (full, interval * batches, "replica by replica: \(batches) batch\(batches == 1 ? "" : "es") of up to \(batch) every \(interval)")
        }
    }

    /// Pauses and analyses of a canary or feature-flag plan.
    static func stepsDuration(_ steps: [RolloutStepSpec], analysis: AnalysisSpec?) -> SimDuration {
        steps.reduce(.zero) { total, step in
            switch step {
            case .pause(let duration): return total + duration
            case .analysis(let own): return total + ((own ?? analysis).map { $0.conditions.isEmpty ? .zero : $0.duration } ?? .zero)
            case .weight, .approval: return total
            }
        }
    }

    static func hasGate(_ steps: [RolloutStepSpec]) -> Bool {
        steps.contains { if case .approval = $0 { return true } else { return false } }
    }

    /// Time to collect `samples` at `ratePerSecond`, plus `extra`, rounded
    /// up to whole `step`s and capped at `cap` (second value: capped).
    static func sampling(_ samples: Int, ratePerSecond: Double, extra: SimDuration, step: SimDuration,
                         cap: SimDuration) -> (SimDuration, Bool) {
        guard ratePerSecond > 0 else { return (cap, true) }
        let seconds = Double(samples) / ratePerSecond
        guard seconds < cap.seconds else { return (cap, true) }
        let raw = SimDuration(milliseconds: Int64((seconds * 1000).rounded(.up))) + extra
        let steps = (raw.milliseconds + step.milliseconds - 1) / step.milliseconds
        let time = step * steps
        return time >= cap ? (cap, true) : (time, false)
    }
}
