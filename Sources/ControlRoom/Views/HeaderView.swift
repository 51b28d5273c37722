import Engine
import TUICore

/// The top line: product, project, pending approvals (or, instead, a store
/// error), `read-only` for an operator who may only watch, simulated clock,
/// speed, running state.
enum HeaderView {
    static func render(snapshot: EngineSnapshot, screen: Screen = .overview, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        buffer.fill(area, style: p.header)
        var x = area.x
        x += buffer.put(" FLIGHTDECK ", x: x, y: area.y, maxWidth: area.maxX - x, style: p.headerAccent)
        x += buffer.put(" " + TextSanitizer.clean(snapshot.projectName) + " ", x: x, y: area.y, maxWidth: max(0, area.maxX - x - 40), style: p.header.bold())
        let state = snapshot.isPaused ? "PAUSED" : "running"
        let readOnly = context.rights.isReadOnly ? "read-only  " : ""
        let right = "\(readOnly)\(snapshot.now.clockLabel)  \(snapshot.speed)  \(state) "
        let rightWidth = CharacterWidth.of(right)
        let rx = max(x, area.maxX - rightWidth)
        buffer.put(right, x: rx, y: area.y, maxWidth: area.maxX - rx, style: p.header)
        if !readOnly.isEmpty { buffer.put("read-only", x: rx, y: area.y, maxWidth: area.maxX - rx, style: p.headerAccent) }
        if snapshot.isPaused {
            let stateX = area.maxX - CharacterWidth.of(state + " ")
            if stateX >= rx { buffer.put(state, x: stateX, y: area.y, style: p.headerAccent) }
        }
        let room = rx - x - 2
        // A store that cannot be written outranks everything else here: what
        // the screen shows is then not (yet) on disk.
        if let error = snapshot.writeError {
            let mark = context.glyphs.hasBraille ? "\u{2716}" : "!"
            buffer.put("\(mark) STORE ERROR: \(StoreErrorSummary.reason(error))", x: x + 1, y: area.y, maxWidth: max(0, room),
                       style: p.header.with(fg: p.critical.fg).bold())
            return
        }
        let approvals = PendingApprovalIndicator.candidates(count: snapshot.pendingApprovals.count, screen: screen, glyphs: context.glyphs)
        let alerts = FiringAlertIndicator.candidates(alerts: snapshot.alerts, glyphs: context.glyphs)
        let (approval, alert) = FiringAlertIndicator.fit(approvals: approvals, alerts: alerts, width: room)
        if let approval {
            x += 1 + buffer.put(approval, x: x + 1, y: area.y, maxWidth: room, style: p.header.with(fg: p.warn.fg).bold())
        }
        if let alert, let worst = FiringAlertIndicator.worstSeverity(snapshot.alerts) {
            let style = AlertAppearance.severityStyle(worst, p)
            buffer.put(alert, x: x + (approval == nil ? 1 : 2), y: area.y, maxWidth: max(0, rx - x - 2), style: p.header.with(fg: style.fg).bold())
        }
    }
}

/// The header's notice of approvals waiting for a decision, with the keys
/// that open them: `▲ 1 approval pending — 4 then a` (ASCII `^`, `-`).
enum PendingApprovalIndicator {
    /// The longest form that fits `width`, or nil when nothing is pending
    /// (or not even the shortest form fits).
    static func text(count: Int, screen: Screen, glyphs: GlyphSet, width: Int) -> String? {
        candidates(count: count, screen: screen, glyphs: glyphs).first { CharacterWidth.of($0) <= width }
    }

    /// Every form, longest first (none when nothing is pending).
    static func candidates(count: Int, screen: Screen, glyphs: GlyphSet) -> [String] {
        guard count > 0 else { return [] }
        let unicode = glyphs.hasBraille
        let mark = unicode ? "▲" : "^"
        let dash = unicode ? "—" : "-"
        let keys = screen == .models ? "a approves, x rejects" : "\(Screen.models.rawValue) then a"
        let noun = count == 1 ? "approval" : "approvals"
        let candidates = [
            "\(mark) \(count) \(noun) pending \(dash) \(keys)",
            "\(mark) \(count) pending \(dash) \(screen == .models ? "a/x" : "\(Screen.models.rawValue) then a")",
            "\(mark) \(count) pending",
            "\(mark)\(count)",
        ]
        return candidates
    }
}
