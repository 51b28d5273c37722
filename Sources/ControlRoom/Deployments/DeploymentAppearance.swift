import Engine
import TUICore

/// How rollout phases, plan steps, analysis outcomes and serving figures
/// look on the Deployments screen: a glyph per state (Unicode and ASCII)
/// and a palette style, so states stay distinguishable without colour.
enum DeploymentAppearance {

    static func glyph(_ phase: RolloutPhase, _ glyphs: GlyphSet) -> Unicode.Scalar {
        let unicode = glyphs.hasBraille
        switch phase {
        case .empty: return unicode ? "○" : "."
        case .stable: return unicode ? "●" : "o"
        case .progressing: return unicode ? "▶" : ">"
        case .paused: return unicode ? "‖" : "="
        case .awaitingApproval: return unicode ? "▲" : "^"
        case .inconclusive: return "?"
        case .promoted: return glyphs.check
        case .rolledBack: return unicode ? "↶" : "<"
        case .aborted: return unicode ? "■" : "#"
        }
    }

    static func style(_ phase: RolloutPhase, _ p: Palette) -> Style {
        switch phase {
        case .empty: return p.muted
        case .stable: return p.text
        case .progressing: return p.accent.bold()
        case .paused, .awaitingApproval, .inconclusive, .aborted: return p.warn
        case .promoted: return p.ok
        case .rolledBack: return p.critical
        }
    }

    /// The reason under a phase: muted unless it needs attention.
    static func reasonStyle(_ phase: RolloutPhase, _ p: Palette) -> Style {
        switch phase {
        case .rolledBack: return p.critical
        case .paused, .awaitingApproval, .inconclusive, .aborted: return p.warn
        case .empty, .stable, .progressing, .promoted: return p.muted
        }
    }

    /// The phase and its reason as one line, without what the line shows
    /// elsewhere: `paused: waiting 10m (4m left)`; a reason that starts with
    /// the phase (`promoted: v5 serves 100%`) keeps it once, and the
    /// engine's `canary step 4/8: ` prefix is dropped (the step has its own
    /// column). Sanitised.
    static func reasonText(_ d: DeploymentSummary) -> String {
        var reason = TextSanitizer.clean(d.reason)
        let stepPrefix = "\(TextSanitizer.clean(d.strategy)) step "
        if reason.hasPrefix(stepPrefix), let colon = reason.range(of: ": ") {
            let label = reason[reason.index(reason.startIndex, offsetBy: stepPrefix.count)..<colon.lowerBound]
            if !label.isEmpty && label.allSatisfy({ $0.isNumber || $0 == "/" }) { reason = String(reason[colon.upperBound...]) }
        }
        let phase = d.phase.rawValue
        if reason.isEmpty { return phase }
        let spoken = String(phase.map { $0 == "-" ? " " : $0 })
        if reason.hasPrefix(phase) || reason.hasPrefix(spoken) { return reason }
        return "\(phase): \(reason)"
    }

    static func glyph(_ status: PlanStepSummary.Status, _ glyphs: GlyphSet) -> Unicode.Scalar {
        let unicode = glyphs.hasBraille
        switch status {
        case .done: return glyphs.check
        case .current: return unicode ? "▶" : ">"
        case .pending: return unicode ? "○" : "."
        case .failed: return glyphs.crossMark
        case .skipped: return unicode ? "–" : "-"
        }
    }

    static func style(_ status: PlanStepSummary.Status, _ p: Palette) -> Style {
        switch status {
        case .done: return p.ok
        case .current: return p.accent.bold()
        case .pending, .skipped: return p.muted
        case .failed: return p.critical
        }
    }

    static func glyph(_ outcome: AnalysisCheck.Outcome, _ glyphs: GlyphSet) -> Unicode.Scalar {
        switch outcome {
        case .pass: return glyphs.check
        case .fail: return glyphs.crossMark
        case .inconclusive: return "?"
        }
    }

    static func style(_ outcome: AnalysisCheck.Outcome, _ p: Palette) -> Style {
        switch outcome {
        case .pass: return p.ok
        case .fail: return p.critical
        case .inconclusive: return p.warn
        }
    }

    /// `3/7` (the current step, 1-based, of the plan), `7/7` once promoted,
    /// `-` without a plan or a rollout.
    static func step(_ d: DeploymentSummary) -> String {
        guard !d.plan.isEmpty else { return "-" }
        if let index = d.stepIndex { return "\(min(index + 1, d.plan.count))/\(d.plan.count)" }
        if d.phase == .promoted { return "\(d.plan.count)/\(d.plan.count)" }
        return "-/\(d.plan.count)"
    }

    /// `v3 stable`, `v4 cand`, `v2 prev`.
    static func header(_ version: VersionServingSummary) -> String {
        switch version.role {
        case .stable: return "v\(version.version) stable"
        case .candidate: return "v\(version.version) cand"
        case .previous: return "v\(version.version) prev"
        }
    }

    /// `75%`, `37.5%`, `0.4%`: whole percents without decimals.
    static func percent(_ value: Double) -> String { RoutingTable.percentText(value) }

    /// `75`, `37.5`, `0.4`: a percent to one decimal, none when whole.
    static func percentNumber(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return "\(Int(rounded))" }
        return VersionAppearance.fixed(rounded, decimals: 1)
    }

    /// A fraction as a percent with two decimals: `0.41%`.
    static func fractionPercent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return VersionAppearance.fixed(value * 100, decimals: 2) + "%"
    }

    /// `18ms`, `182ms`, `1.2s`.
    static func latency(_ ms: Double?) -> String {
        guard let ms, ms.isFinite else { return "-" }
        if ms >= 1000 { return VersionAppearance.fixed(ms / 1000, decimals: 1) + "s" }
        if ms < 10 { return VersionAppearance.fixed(ms, decimals: 1) + "ms" }
        return VersionAppearance.fixed(ms, decimals: 0) + "ms"
    }

    /// A ratio in 0...1 with three decimals: `0.912`.
    static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return VersionAppearance.fixed(value, decimals: 3)
    }

    /// `12.5 rh` (replica-hours).
    static func replicaHours(_ hours: Double) -> String {
        guard hours.isFinite else { return "-" }
        return VersionAppearance.fixed(hours, decimals: hours >= 100 ? 0 : 1) + " rh"
    }

    /// An analysis value or threshold in the unit of its condition's metric:
    /// error rates as percents, latencies in ms, ratios with 3 decimals.
    static func analysisValue(_ value: Double?, condition: String) -> String {
        guard let value else { return "-" }
        let name = condition.drop { $0 == " " }
        let metric = AnalysisMetric.allCases.first { name.hasPrefix($0.rawValue) }
        switch metric {
        case .errorRate?: return fractionPercent(value)
        case .p50LatencyMs?, .p95LatencyMs?, .p99LatencyMs?: return latency(value)
        case .accuracy?, .agreement?: return ratio(value)
        case nil: return VersionAppearance.value(value)
        }
    }

    /// The live split in few cells for the Overview: `v1 90 | v2 10`, with
    /// ` +mirror v2 100` and ` DOWN`.
    static func compactSplit(_ routing: RoutingTable) -> String {
        var text = routing.live.map { "v\($0.version) \(percentNumber($0.percent))" }.joined(separator: " | ")
        if text.isEmpty { text = "no traffic" }
        if let mirror = routing.mirror { text += " +mirror v\(mirror.version) \(percentNumber(mirror.percent))" }
        if routing.down { text += " DOWN" }
        return text
    }

    /// The strategy's comparison from the slides, one line:
    /// `no downtime ✓  condition-based ✓  rollback fast  extra cost low`.
    /// Shorter (`no downtime ✓ conditions ✓ rollback fast cost low`) when
    /// the long form does not fit `width`.
    static func traits(_ traits: StrategyTraits, glyphs: GlyphSet, width: Int = .max) -> String {
        func mark(_ value: Bool) -> String { String(value ? glyphs.check : glyphs.crossMark) }
        let rollback = TextSanitizer.clean(traits.rollbackTime), cost = TextSanitizer.clean(traits.additionalCost)
        let long = "no downtime \(mark(traits.noDowntime))  condition-based \(mark(traits.conditionBased))  rollback \(rollback)  extra cost \(cost)"
        let middle = "no downtime \(mark(traits.noDowntime)) conditions \(mark(traits.conditionBased)) rollback \(rollback) cost \(cost)"
        let short = "no downtime \(mark(traits.noDowntime)) cond. \(mark(traits.conditionBased)) rollback \(rollback) cost \(cost)"
        return [long, middle].first { CharacterWidth.of($0) <= width } ?? short
    }
}
