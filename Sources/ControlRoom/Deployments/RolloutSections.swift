import Engine
import TUICore

/// The selected deployment's parts as panel lines: the state summary, the
/// step plan, the analysis checks, the bandit's arms and the A/B test.
enum RolloutSections {
    /// Phase and reason; versions and the serving mode's status; the
    /// strategy's comparison from the slides.
    static func summary(_ d: DeploymentSummary, width: Int, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        let g = context.glyphs
        // The phase words in the phase's style, the reason after them dimmer.
        let text = DeploymentAppearance.reasonText(d)
        let head = text.range(of: ": ").map { String(text[..<$0.lowerBound]) } ?? text
        let phase = PanelLine(spans: [("\(DeploymentAppearance.glyph(d.phase, g)) " + head, DeploymentAppearance.style(d.phase, p)),
                                      (String(text.dropFirst(head.count)), DeploymentAppearance.reasonStyle(d.phase, p))])
        let arrow = g.hasBraille ? " → " : " -> "
        var versions: [(text: String, style: Style)] = []
        if let stable = d.stableVersion { versions.append(("v\(stable)", p.version(stable).bold())) }
        if let candidate = d.candidateVersion {
            versions.append((versions.isEmpty ? "" : arrow, p.muted))
            versions.append(("v\(candidate)", p.version(candidate).bold()))
        }
        if versions.isEmpty { versions.append(("no version", p.muted)) }
        var mode = "\(context.separator)\(TextSanitizer.clean(d.mode))"
        if !d.modeStatus.isEmpty { mode += ": " + TextSanitizer.clean(d.modeStatus) }
        versions.append((mode, p.text))
        if let description = d.description, !description.isEmpty {
            versions.append(("\(context.separator)\(TextSanitizer.clean(description))", p.muted))
        }
        let traits = PanelLine(DeploymentAppearance.traits(d.traits, glyphs: g, width: width), p.muted)
        return [phase, PanelLine(spans: versions), traits]
    }

    /// The plan's steps with done/current/failed glyphs; the current step
    /// is highlighted. Returns the lines and the current step's index.
    static func plan(_ d: DeploymentSummary, context: RenderContext) -> (lines: [PanelLine], current: Int?) {
        let p = context.palette
        guard !d.plan.isEmpty else {
            return ([PanelLine(d.strategy == "bandit" ? "No steps: traffic follows the arms' posteriors." : "No step plan.", p.muted)], nil)
        }
        let lines = d.plan.enumerated().map { index, step -> PanelLine in
            let current = step.status == .current || (step.status != .done && index == d.stepIndex)
            let style = DeploymentAppearance.style(step.status, p)
            return PanelLine(spans: [(String(format3(index + 1)) + " ", p.muted),
                                     ("\(DeploymentAppearance.glyph(step.status, context.glyphs)) ", style),
                                     (TextSanitizer.clean(step.text), step.status == .pending || step.status == .skipped ? p.muted : (current ? style : p.text))],
                             highlight: current ? p.selection.dim() : nil)
        }
        let current = d.plan.firstIndex { $0.status == .current } ?? d.stepIndex
        return (lines, current)
    }

    private static func format3(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }

    /// The latest measurement: each condition with its glyph, value and
    /// threshold, then the verdict.
    static func analysis(_ d: DeploymentSummary, width: Int, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        var lines: [PanelLine] = []
        for check in d.analysis {
            let value = DeploymentAppearance.analysisValue(check.value, condition: check.condition)
            let threshold = DeploymentAppearance.analysisValue(check.threshold, condition: check.condition)
            let right = check.value == nil && check.outcome == .inconclusive ? TextSanitizer.clean(check.detail) : "\(value) vs \(threshold)"
            let style = DeploymentAppearance.style(check.outcome, p)
            let condition = TextSanitizer.clean(check.condition)
            let left: [(text: String, style: Style)] = [("\(DeploymentAppearance.glyph(check.outcome, context.glyphs)) ", style), (condition, p.text)]
            let fits = { (text: String) in 2 + CharacterWidth.of(condition) + 1 + CharacterWidth.of(text) <= width }
            if fits(right) {
                lines.append(PanelLine(spans: left, right: (right, style)))
            } else if check.value != nil, !condition.contains("stable"), fits(value) {
                // Narrow: the threshold is in the condition as written.
                lines.append(PanelLine(spans: left, right: (value, style)))
            } else {
                // Too narrow for one line: the value against the threshold below.
                lines.append(PanelLine(spans: left))
                lines.append(PanelLine("", p.text, right: (right, style)))
            }
        }
        if let verdict = d.analysisVerdict, !verdict.isEmpty {
            let worst: AnalysisCheck.Outcome? = d.analysis.contains { $0.outcome == .fail } ? .fail
                : d.analysis.contains { $0.outcome == .inconclusive } ? .inconclusive : (d.analysis.isEmpty ? nil : .pass)
            lines.append(PanelLine(spans: [("verdict: ", p.muted), (TextSanitizer.clean(verdict), worst.map { DeploymentAppearance.style($0, p) } ?? p.text)]))
        }
        return lines
    }

    /// Per arm: posterior mean, alpha/beta, pulls, P(best), live share and
    /// pinned/frozen; the selected arm (for i, f, u) is highlighted.
    static func bandit(_ d: DeploymentSummary, selectedArm: Int?, width: Int, context: RenderContext) -> [PanelLine] {
        guard let bandit = d.bandit else { return [] }
        let p = context.palette
        let unicode = context.glyphs.hasBraille
        var lines = [PanelLine(spans: [(TextSanitizer.clean(bandit.algorithm), p.text),
                                       ("\(context.separator)regret \(VersionAppearance.fixed(bandit.regret, decimals: 1))", p.muted)])]
        for arm in bandit.arms {
            let selected = arm.version == selectedArm
            let holds = [arm.pinned ? "pinned" : nil, arm.frozen ? "frozen" : nil].compactMap { $0 }.joined(separator: ",")
            let marker = selected ? String(context.glyphs.arrowRight) : " "
            let highlight = selected ? p.selection.dim() : nil
            let name: [(text: String, style: Style)] = [(marker, p.accent), ("v\(arm.version)", p.version(arm.version).bold())]
            let posterior = "mean \(DeploymentAppearance.ratio(arm.mean))  \(unicode ? "α/β" : "a/b") \(count(arm.alpha))/\(count(arm.beta))"
            let best = "P(best) \(DeploymentAppearance.percent(arm.probabilityBest * 100))"
            let share = "share \(DeploymentAppearance.percent(arm.percent))"
            let hold: (text: String, style: Style)? = holds.isEmpty ? nil : (holds, p.warn)
            if width >= 36 {
                lines.append(PanelLine(spans: name + [(" " + posterior, p.text)], right: hold, highlight: highlight))
                lines.append(PanelLine("   \(arm.pulls) pulls  \(best)  \(share)", p.muted, highlight: highlight))
            } else {
                // Narrow: three lines per arm.
                lines.append(PanelLine(spans: name + [(" " + share, p.text)], right: hold, highlight: highlight))
                lines.append(PanelLine("   " + posterior, p.muted, highlight: highlight))
                lines.append(PanelLine("   \(arm.pulls) pulls  \(best)", p.muted, highlight: highlight))
            }
        }
        return lines
    }

    /// `421` or `421.5` (posterior parameters are counts plus a prior).
    private static func count(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : VersionAppearance.fixed(value, decimals: 1)
    }

    /// Samples and KPI per arm, the p-value and the verdict.
    static func abTest(_ d: DeploymentSummary, width: Int, context: RenderContext) -> [PanelLine] {
        guard let ab = d.abTest else { return [] }
        let p = context.palette
        func arm(_ label: String, _ version: Int?, samples: Int, value: Double?) -> PanelLine {
            let name = version.map { "v\($0)" } ?? label
            let progress = ab.minSamples > 0 ? " (\(min(100, samples * 100 / ab.minSamples))%)" : ""
            let role = width >= 36 || version == nil ? " \(label):" : ""
            return PanelLine(spans: [(name, version.map { p.version($0).bold() } ?? p.text),
                                     ("\(role) \(samples) samples\(progress)", p.text)],
                             right: (DeploymentAppearance.ratio(value), p.text))
        }
        var lines = [
            PanelLine(spans: [("A/B test ", p.title), (TextSanitizer.clean(ab.kpi), p.text), ("\(context.separator)min \(ab.minSamples) per arm", p.muted)]),
            arm("stable", d.stableVersion, samples: ab.stableSamples, value: ab.stableValue),
            arm("candidate", d.candidateVersion, samples: ab.candidateSamples, value: ab.candidateValue),
        ]
        lines.append(PanelLine(spans: [("p-value ", p.muted), (ab.pValue.map { VersionAppearance.fixed($0, decimals: 4) } ?? "- (too few samples)", p.text)]))
        let verdict = TextSanitizer.clean(ab.verdict)
        let style = verdict.hasPrefix("winner") ? p.ok : (verdict.hasPrefix("inconclusive") ? p.warn : p.text)
        lines.append(PanelLine(spans: [("verdict: ", p.muted), (verdict, style)]))
        return lines
    }

    /// Analysis, bandit and A/B lines together (blank lines between).
    static func decision(_ d: DeploymentSummary, selectedArm: Int?, width: Int, context: RenderContext) -> [PanelLine] {
        var groups = [analysis(d, width: width, context: context), bandit(d, selectedArm: selectedArm, width: width, context: context),
                      abTest(d, width: width, context: context)]
        groups = groups.filter { !$0.isEmpty }
        var lines: [PanelLine] = []
        for (index, group) in groups.enumerated() {
            if index > 0 { lines.append(PanelLine("", context.palette.text)) }
            lines += group
        }
        return lines
    }

    /// The title of the decision panel for what it shows.
    static func decisionTitle(_ d: DeploymentSummary) -> String {
        if d.bandit != nil { return "Bandit" }
        if d.abTest != nil { return "A/B test" }
        return "Analysis"
    }
}
