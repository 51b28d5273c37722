import Engine
import SimKernel
import TUICore

/// The Overview's latest continuous-training story as one chain:
/// `amount-drift fired 02:31 → retrain run 7 succeeded 02:36 → fraud v3
/// registered → fraud-api canary 10% → analysis passed, approval pending
/// (press 3 then p)`. Earlier chapters are cut at their first `: `; the
/// latest is kept whole. When the chain needs more lines than there are,
/// its oldest chapters give way to `…`.
enum OverviewStoryPanel {
    /// `02:31` of `d0 02:31:05`.
    static func shortClock(_ time: SimTime) -> String {
        let label = time.clockLabel
        guard let space = label.firstIndex(of: " ") else { return label }
        return String(label[label.index(after: space)...].prefix(5))
    }

    /// The chain's parts, oldest first.
    static func segments(_ story: CTStory, snapshot: EngineSnapshot) -> [String] {
        story.chapters.enumerated().map { index, chapter in
            let isLast = index == story.chapters.count - 1
            var text = TextSanitizer.clean(chapter.text)
            if !isLast, let cut = text.range(of: ": ") { text = String(text[..<cut.lowerBound]) }
            if chapter.kind == .alert || chapter.kind == .run { text += " " + shortClock(chapter.time) }
            if isLast && !story.isClosed, let hint = keyHint(chapter, snapshot: snapshot) { text += " (\(hint))" }
            return text
        }
    }

    /// The keys that act on the latest chapter when it waits for the
    /// operator: a deployment at its approval gate, a version awaiting approval.
    static func keyHint(_ chapter: CTChapter, snapshot: EngineSnapshot) -> String? {
        switch chapter.subject {
        case .deployment(let id)?:
            guard snapshot.deployments.contains(where: { $0.id == id && $0.phase == .awaitingApproval }) else { return nil }
            return "press \(Screen.deployments.rawValue) then p"
        case .version(let model, let version)?:
            guard snapshot.pendingApprovals.contains(where: { $0.model == model && $0.version == version }) else { return nil }
            return "press \(Screen.models.rawValue) then a"
        default:
            return nil
        }
    }

    /// The chain wrapped at arrows into at most `maxLines` lines of `width`.
    static func chain(_ segments: [String], width: Int, maxLines: Int, glyphs: GlyphSet) -> [String] {
        guard width > 0, maxLines > 0, !segments.isEmpty else { return [] }
        let arrow = glyphs.hasBraille ? " → " : " -> "
        func wrap(_ parts: [String]) -> [String] {
            var lines: [String] = []
            var current = ""
            for part in parts {
                if current.isEmpty {
                    current = part
                } else if CharacterWidth.of(current + arrow + part) <= width {
                    current += arrow + part
                } else {
                    lines.append(current + arrow.dropLast())
                    current = part
                }
            }
            if !current.isEmpty { lines.append(current) }
            return lines.map { TextLayout.truncate($0, to: width, ellipsis: glyphs.ellipsis) }
        }
        var dropped = 0
        while true {
            let parts = dropped == 0 ? segments : [glyphs.ellipsis] + segments.dropFirst(dropped)
            let lines = wrap(parts)
            if lines.count <= maxLines || dropped >= segments.count - 1 { return Array(lines.prefix(maxLines)) }
            dropped += 1
        }
    }

    /// Lines of chain the latest story needs at `width` (1 when there is none).
    static func wantedLines(snapshot: EngineSnapshot, width: Int, maxLines: Int, glyphs: GlyphSet) -> Int {
        guard let story = snapshot.stories.last else { return 1 }
        return max(1, chain(segments(story, snapshot: snapshot), width: width, maxLines: maxLines, glyphs: glyphs).count)
    }

    static func render(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard let story = snapshot.stories.last else {
            let inner = PipelinesView.block("Continuous training", focused: false, context: context, area: area, into: &buffer).inset(left: 1, right: 1)
            let arrow = context.glyphs.hasBraille ? "→" : "->"
            let text = "No CT story yet: when an alert triggers a pipeline (triggers: [on_alert: NAME]), the chain alert \(arrow) run \(arrow) version \(arrow) rollout \(arrow) decision shows here."
            for (row, line) in TextLayout.wrap(text, width: inner.width).prefix(max(0, inner.height)).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, style: p.muted)
            }
            return
        }
        let title = "Latest CT story #\(story.id): \(TextSanitizer.clean(story.alert)) \(context.glyphs.hasBraille ? "→" : "->") \(TextSanitizer.clean(story.pipeline))"
        let inner = PipelinesView.block(title, right: story.isClosed ? "closed" : "in progress", focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        for (row, line) in chain(segments(story, snapshot: snapshot), width: inner.width, maxLines: inner.height, glyphs: context.glyphs).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, style: p.text)
        }
    }
}
