import Engine
import TUICore

/// The Deployments screen: deployments on the left (phase, strategy, step,
/// reason) above the selected one's step plan; on the right its state and
/// the strategy's comparison, the traffic split by version and its history,
/// the versions side by side, the analysis (or bandit arms, or A/B test)
/// and the recent traffic changes.
///
/// Below 110x30 cells of body the panels stack tighter: one line per
/// deployment, the split bar inside the state panel, no history chart or
/// change list, and the plan shares its panel with the analysis.
enum DeploymentsView {
    static func render(snapshot: EngineSnapshot, state: UIState, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let data = DeploymentsData(snapshot: snapshot, state: state.deployments, filter: state.filter(for: .deployments))
        guard data.total > 0 else {
            EmptyStateView.render(screen: .deployments, snapshot: snapshot, context: context, area: area, into: &buffer)
            return
        }
        let filter = state.filter(for: .deployments)
        if area.width >= 110 && area.height >= 30 {
            renderWide(data: data, filter: filter, context: context, area: area, into: &buffer)
        } else {
            renderCompact(data: data, filter: filter, context: context, area: area, into: &buffer)
        }
    }

    private static func renderWide(data: DeploymentsData, filter: String, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let leftWidth = max(36, area.width * 34 / 100)
        let columns = area.split(.horizontal, [.length(leftWidth), .fill()])
        let listHeight = min(max(1, data.deployments.count) * 2 + 2, max(6, area.height * 45 / 100))
        let left = columns[0].split(.vertical, [.length(listHeight), .fill()])
        DeploymentListPanel.render(data: data, filter: filter, twoLine: true, context: context, area: left[0], into: &buffer)
        guard let d = data.selected else {
            _ = PipelinesView.block("Plan", focused: false, context: context, area: left[1], into: &buffer)
            return
        }
        renderPlan(d, context: context, area: left[1], into: &buffer)

        let right = columns[1]
        let summaryHeight = 5
        let trafficHeight = min(TrafficPanel.barHeight(d) + 2 + 8, max(6, right.height - summaryHeight - 13 - 5))
        let middleHeight = min(13, max(6, right.height - summaryHeight - trafficHeight - 4))
        let rows = right.split(.vertical, [.length(summaryHeight), .length(trafficHeight), .length(middleHeight), .fill()])

        let summary = summaryBlock(d, context: context, area: rows[0], into: &buffer).inset(left: 1, right: 1)
        PanelLine.render(RolloutSections.summary(d, width: summary.width, context: context), into: &buffer, area: summary, glyphs: context.glyphs)

        let traffic = PipelinesView.block("Traffic", right: d.routing.split == .user ? "split by user" : nil, focused: false,
                                          context: context, area: rows[1], into: &buffer).inset(left: 1, right: 1)
        let barHeight = min(traffic.height, TrafficPanel.barHeight(d))
        TrafficPanel.renderBar(d, context: context, area: Rect(x: traffic.x, y: traffic.y, width: traffic.width, height: barHeight), into: &buffer)
        let chart = traffic.inset(top: barHeight + 1)
        if chart.height >= 4 { TrafficPanel.renderHistory(d, context: context, area: chart, into: &buffer) }

        let middle = rows[2].split(.horizontal, [.fill(), .length(d.versions.count > 2 ? max(38, rows[2].width / 2 - 2) : max(40, rows[2].width / 2 + 2))])
        VersionMetricsPanel.render(d, compact: false, context: context, area: middle[0], into: &buffer)
        renderDecision(d, selectedArm: data.selectedArm?.version, context: context, area: middle[1], into: &buffer)

        TrafficChangesPanel.render(d, context: context, area: rows[3], into: &buffer)
    }

    private static func renderCompact(data: DeploymentsData, filter: String, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let leftWidth = max(32, area.width * 40 / 100)
        let columns = area.split(.horizontal, [.length(leftWidth), .fill()])
        let listHeight = min(max(1, data.deployments.count) + 2, max(5, area.height * 2 / 5))
        let left = columns[0].split(.vertical, [.length(listHeight), .fill()])
        DeploymentListPanel.render(data: data, filter: filter, twoLine: false, context: context, area: left[0], into: &buffer)
        guard let d = data.selected else {
            _ = PipelinesView.block("Plan", focused: false, context: context, area: left[1], into: &buffer)
            return
        }
        // The plan, then the analysis / bandit / A/B lines, in one panel
        // (a bandit without steps gives it all to its arms).
        let hasPlan = !d.plan.isEmpty || (d.analysis.isEmpty && d.analysisVerdict == nil && d.bandit == nil && d.abTest == nil)
        let title = hasPlan ? "Plan" : RolloutSections.decisionTitle(d)
        let inner = PipelinesView.block(title, right: hasPlan ? DeploymentAppearance.step(d) : nil, focused: false, context: context, area: left[1], into: &buffer)
            .inset(left: 1, right: 1)
        let plan = RolloutSections.plan(d, context: context)
        let decision = RolloutSections.decision(d, selectedArm: data.selectedArm?.version, width: inner.width, context: context)
        let decisionRows: Int
        if !hasPlan {
            decisionRows = inner.height + 1
        } else {
            decisionRows = decision.isEmpty ? 0 : min(decision.count + 1, max(inner.height - min(plan.lines.count, 3), inner.height / 2))
        }
        let planRows = max(0, inner.height - decisionRows)
        if hasPlan {
            renderPlanLines(plan, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: planRows), context: context, into: &buffer)
        }
        if decisionRows > 1 {
            let decisionArea = Rect(x: inner.x, y: inner.maxY - (decisionRows - 1), width: inner.width, height: decisionRows - 1)
            PanelLine.render(decision, from: scrollToSelection(decision, height: decisionArea.height),
                             into: &buffer, area: decisionArea, glyphs: context.glyphs)
        }

        let right = columns[1]
        let summaryLines = RolloutSections.summary(d, width: right.width - 4, context: context)
        let summaryHeight = min(right.height - 5, summaryLines.count + TrafficPanel.barHeight(d) + 2)
        let rows = right.split(.vertical, [.length(summaryHeight), .fill()])
        let summary = summaryBlock(d, context: context, area: rows[0], into: &buffer).inset(left: 1, right: 1)
        let textRows = max(0, summary.height - TrafficPanel.barHeight(d))
        PanelLine.render(summaryLines, into: &buffer, area: Rect(x: summary.x, y: summary.y, width: summary.width, height: textRows), glyphs: context.glyphs)
        TrafficPanel.renderBar(d, context: context, area: summary.inset(top: textRows), into: &buffer)
        VersionMetricsPanel.render(d, compact: true, context: context, area: rows[1], into: &buffer)
    }

    /// The frame of the selected deployment's state: id, strategy, model; mode.
    private static func summaryBlock(_ d: DeploymentSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) -> Rect {
        var title = "\(TextSanitizer.clean(d.id))\(context.separator)\(TextSanitizer.clean(d.strategy))"
        let model = "\(context.separator)model \(TextSanitizer.clean(d.model))"
        if CharacterWidth.of(title + model) + 6 <= area.width { title += model }
        return PipelinesView.block(title, focused: false, context: context, area: area, into: &buffer)
    }

    private static func renderPlan(_ d: DeploymentSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let inner = PipelinesView.block("Plan", right: DeploymentAppearance.step(d), focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        renderPlanLines(RolloutSections.plan(d, context: context), area: inner, context: context, into: &buffer)
    }

    /// The plan scrolled so the current step shows with one step of context.
    private static func renderPlanLines(_ plan: (lines: [PanelLine], current: Int?), area: Rect, context: RenderContext, into buffer: inout CellBuffer) {
        guard area.height > 0 else { return }
        let first = plan.current.map { max(0, min($0 - 1, plan.lines.count - area.height)) } ?? 0
        PanelLine.render(plan.lines, from: first, into: &buffer, area: area, glyphs: context.glyphs)
    }

    private static func renderDecision(_ d: DeploymentSummary, selectedArm: Int?, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let inner = PipelinesView.block(RolloutSections.decisionTitle(d), focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        let lines = RolloutSections.decision(d, selectedArm: selectedArm, width: inner.width, context: context)
        guard !lines.isEmpty else {
            buffer.put("No analysis has run yet.", in: inner, style: context.palette.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        PanelLine.render(lines, from: scrollToSelection(lines, height: inner.height), into: &buffer, area: inner, glyphs: context.glyphs)
    }

    /// The first line to show so the highlighted lines (the selected bandit
    /// arm) stay in view.
    private static func scrollToSelection(_ lines: [PanelLine], height: Int) -> Int {
        guard height > 0, let first = lines.firstIndex(where: { $0.highlight != nil }) else { return 0 }
        let last = lines.lastIndex { $0.highlight != nil } ?? first
        return max(0, min(last + 1 - height, lines.count - height, first))
    }
}
