import Engine
import SimKernel
import TUICore

/// The Overview's right column: one compact entry per deployment (phase
/// glyph, id, strategy, step n/N, then the live split and the phase's
/// reason), or per model while no deployment is declared, and below them
/// the approvals waiting for a decision. Says plainly what is missing when
/// the project declares neither deployments nor models.
enum OverviewServingPanel {
    static func render(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        guard !snapshot.deployments.isEmpty || !snapshot.models.isEmpty else {
            renderNotDeclared(context: context, area: area, into: &buffer)
            return
        }
        var top = area
        if !snapshot.pendingApprovals.isEmpty {
            // At most half the column for approvals; the rest lists deployments.
            let height = min(snapshot.pendingApprovals.count + 2, max(3, area.height / 2))
            let rows = area.split(.vertical, [.fill(), .length(height)])
            top = rows[0]
            renderApprovals(snapshot.pendingApprovals, now: snapshot.now, context: context, area: rows[1], into: &buffer)
        }
        if snapshot.deployments.isEmpty {
            renderModels(snapshot.models, context: context, area: top, into: &buffer)
        } else {
            renderDeployments(snapshot.deployments, context: context, area: top, into: &buffer)
        }
    }

    /// Two lines per deployment when they all fit `height`, else one (the
    /// id padded to a common width, then the split); `+N more` when even
    /// that does not fit.
    static func lines(for deployments: [DeploymentSummary], height: Int, width: Int, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        let twoLine = deployments.count * 2 <= height
        let fitting = deployments.count <= height ? deployments.count : max(0, height - 1)
        let idWidth = min(max(6, width / 2), deployments.map { CharacterWidth.of(TextSanitizer.clean($0.id)) }.max() ?? 0)
        var lines: [PanelLine] = []
        for d in deployments.prefix(fitting) {
            let glyph = ("\(DeploymentAppearance.glyph(d.phase, context.glyphs)) ", DeploymentAppearance.style(d.phase, p))
            let split = DeploymentAppearance.compactSplit(d.routing)
            guard twoLine else {
                let id = TextLayout.pad(TextSanitizer.clean(d.id), to: idWidth, ellipsis: context.glyphs.ellipsis)
                lines.append(PanelLine(spans: [glyph, (id, p.text), (" " + split, p.text)]))
                continue
            }
            let step = DeploymentAppearance.step(d)
            let strategy = TextSanitizer.clean(d.strategy) + (step == "-" ? "" : " " + step)
            lines.append(PanelLine(spans: [glyph, (TextSanitizer.clean(d.id), p.text)], right: (strategy, p.muted)))
            lines.append(PanelLine(spans: [("  " + split, p.text), ("  " + DeploymentAppearance.reasonText(d), DeploymentAppearance.reasonStyle(d.phase, p))]))
        }
        if fitting < deployments.count {
            lines.append(PanelLine("+\(deployments.count - fitting) more: press \(Screen.deployments.rawValue)", p.muted))
        }
        return lines
    }

    /// The first of `forms` that fits beside `left` in `width` cells (the
    /// last one otherwise), as a right-aligned part.
    static func right(_ forms: [String], beside left: String, width: Int) -> String {
        let room = width - CharacterWidth.of(left) - 1
        return forms.first { CharacterWidth.of($0) <= room } ?? forms.last ?? ""
    }

    private static func renderDeployments(_ deployments: [DeploymentSummary], context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let active = deployments.filter(\.phase.isActive).count
        let inner = PipelinesView.block("Deployments", right: active == 0 ? "\(deployments.count)" : "\(active) rolling out",
                                        focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        PanelLine.render(lines(for: deployments, height: inner.height, width: inner.width, context: context), into: &buffer, area: inner, glyphs: context.glyphs)
    }

    /// One line per model: champion and version count.
    private static func renderModels(_ models: [ModelSummary], context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Models", right: "no deployments", focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let lines = models.map { model in
            let id = TextSanitizer.clean(model.id)
            let versions = "\(model.versionCount) version\(model.versionCount == 1 ? "" : "s")"
            let champion = model.championVersion.map { "champion v\($0)" } ?? "no champion"
            return PanelLine(spans: [(id, p.text)], right: (right(["\(champion), \(versions)", champion], beside: id, width: inner.width), p.muted))
        }
        PanelLine.render(lines, into: &buffer, area: inner, glyphs: context.glyphs)
    }

    /// `▲ fraud v4 (0/2)  due in 23h59m` per approval, oldest first.
    private static func renderApprovals(_ approvals: [PendingApproval], now: SimTime, context: RenderContext, area: Rect,
                                        into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Approvals", right: "\(Screen.models.rawValue) then a", focused: false,
                                        context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let mark = VersionAppearance.pendingMark(context.glyphs)
        let fitting = approvals.count <= inner.height ? approvals.count : max(0, inner.height - 1)
        var lines = approvals.prefix(fitting).map { approval in
            let version = "\(TextSanitizer.clean(approval.model)) v\(approval.version)"
            let count = " (\(approval.approvers.count)/\(approval.approvalsNeeded))"
            var due: [String] = []
            if let deadline = approval.deadline {
                let left = deadline > now ? (deadline - now).compactDescription : "now"
                due = ["due in \(left)", left]
            }
            return PanelLine(spans: [("\(mark) ", p.warn), (version, p.text), (count, p.muted)],
                             right: (right(due, beside: "\(mark) \(version)\(count)", width: inner.width), p.muted))
        }
        if fitting < approvals.count { lines.append(PanelLine("+\(approvals.count - fitting) more", p.muted)) }
        PanelLine.render(lines, into: &buffer, area: inner, glyphs: context.glyphs)
    }

    /// What this project does not declare, said plainly.
    private static func renderNotDeclared(context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = Block(title: "Serving and monitoring", borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs).render(into: &buffer, area: area)
        let text = [
            "No deployments, models or monitors are declared in this project.",
            "When they are, this column shows traffic splits per deployment, the most drifting features, SLO state, firing alerts and approvals waiting for a decision.",
        ]
        var y = inner.y + 1
        for (index, paragraph) in text.enumerated() {
            for line in TextLayout.wrap(paragraph, width: inner.width - 2) where y < inner.maxY {
                buffer.put(line, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: index == 0 ? p.text : p.muted)
                y += 1
            }
            y += 1
        }
    }
}
