import Engine
import Foundation
import TUICore

/// The text of `flightdeck rollout status`: a few lines per deployment, and
/// with `detailed` the plan, the analysis, bandit or A/B state and the
/// recent traffic changes. All user text is sanitized.
enum RolloutStatusText {
    static func render(_ summary: DeploymentSummary, detailed: Bool) -> String {
        var lines: [String] = []
        let step = summary.stepIndex.map { "step \($0 + 1)/\(summary.plan.count)" } ?? "no rollout"
        lines.append("\(summary.id)  \(summary.strategy)  \(summary.mode)  \(step)  \(summary.phase.rawValue)  \(summary.routing.splitText)")
        lines.append("  reason: \(summary.reason)")
        lines.append("  \(summary.mode): \(summary.modeStatus)")
        if !summary.versions.isEmpty {
            var rows = [["", "VERSION", "ROLE", "LIVE", "MIRROR", "REQUESTS", "ERR%", "P50", "P95", "P99", "ACCURACY", "AGREE", "REPLICAS", "REPLICA-H"]]
            for version in summary.versions {
                let window = version.window
                rows.append(["", "v\(version.version)", version.role.rawValue, RoutingTable.percentText(version.livePercent), RoutingTable.percentText(version.mirrorPercent),
                             String(window.requests), window.errorRate.map { fixed($0 * 100, 2) + "%" } ?? "-",
                             milliseconds(window.p50LatencyMs), milliseconds(window.p95LatencyMs), milliseconds(window.p99LatencyMs),
                             window.accuracy.map { fixed($0, 3) } ?? "-", window.agreement.map { fixed($0, 3) } ?? "-",
                             String(version.replicas), fixed(version.totals.replicaHours, 1)])
            }
            lines.append(contentsOf: TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        if detailed {
            lines.append(contentsOf: details(summary))
        }
        return lines.map { TextSanitizer.clean($0) }.joined(separator: "\n")
    }

    private static func details(_ summary: DeploymentSummary) -> [String] {
        var lines: [String] = []
        if !summary.plan.isEmpty {
            lines.append("  plan:")
            for (index, step) in summary.plan.enumerated() {
                let marker = index == summary.stepIndex ? ">" : " "
                lines.append("   \(marker) \(index + 1). [\(step.status.rawValue)] \(step.text)")
            }
        }
        if !summary.analysis.isEmpty {
            lines.append("  analysis\(summary.analysisVerdict.map { ": \($0)" } ?? ""):")
            for check in summary.analysis {
                lines.append("    [\(check.outcome.rawValue)] \(check.condition): \(check.detail)")
            }
        }
        if let bandit = summary.bandit {
            lines.append("  bandit (\(bandit.algorithm)), regret \(fixed(bandit.regret, 1)):")
            for arm in bandit.arms {
                let holds = [arm.pinned ? "pinned" : nil, arm.frozen ? "frozen" : nil].compactMap { $0 }.joined(separator: ", ")
                lines.append("    v\(arm.version): mean \(fixed(arm.mean, 3)) (alpha \(fixed(arm.alpha, 0)), beta \(fixed(arm.beta, 0))), "
                             + "\(arm.pulls) pulls, P(best) \(fixed(arm.probabilityBest, 3)), share \(RoutingTable.percentText(arm.percent))"
                             + (holds.isEmpty ? "" : ", \(holds)"))
            }
        }
        if let test = summary.abTest {
            lines.append("  A/B on \(test.kpi): stable \(test.stableValue.map { fixed($0, 4) } ?? "-") (n \(test.stableSamples)), "
                         + "candidate \(test.candidateValue.map { fixed($0, 4) } ?? "-") (n \(test.candidateSamples)), "
                         + "p \(test.pValue.map { fixed($0, 4) } ?? "-"), min \(test.minSamples): \(test.verdict)")
        }
        let traits = summary.traits
        lines.append("  strategy: no downtime \(traits.noDowntime ? "yes" : "no"), condition-based \(traits.conditionBased ? "yes" : "no"), "
                     + "rollback \(traits.rollbackTime), additional cost \(traits.additionalCost)")
        if !summary.recentChanges.isEmpty {
            lines.append("  traffic changes:")
            for change in summary.recentChanges {
                lines.append("    \(change.time.clockLabel)  \(change.routing.splitText)  \(change.who): \(change.why)")
            }
        }
        return lines
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func milliseconds(_ value: Double?) -> String {
        value.map { $0 >= 100 ? "\(Int($0.rounded()))ms" : String(format: "%.1fms", $0) } ?? "-"
    }
}
