import TUICore

/// The `?` overlay, generated from the key map and the command list.
enum HelpOverlay {
    static func lines(keyMap: KeyMap, rights: OperatorRights = .all) -> [(String, String)] {
        var lines: [(String, String)] = []
        for (mode, screen) in KeyMap.helpSections {
            lines.append(("", ""))
            lines.append((screen.map { "\($0.title) screen" } ?? mode.title, ""))
            for entry in keyMap.helpEntries(for: mode, screen: screen) { lines.append((entry.keys, entry.help)) }
            if mode == .command || mode == .filter { lines.append(("(other keys)", "Edit the line: ←/→, Home/End, Bksp, Del, ^U, ^W")) }
        }
        lines.append(("", ""))
        lines.append(("Commands", ""))
        // The clock commands need the control right.
        let clock = [":pause", ":speed", ":faster"]
        lines += CommandLineParser.usage.filter { usage in rights.holds(.control) || !clock.contains { usage.0.hasPrefix($0) } }
        if rights.isReadOnly {
            lines.append(("", ""))
            lines.append(("Read-only", ""))
            lines.append(("hidden keys", "Keys that change state are left out: this session only watches"))
        }
        return Array(lines.dropFirst())
    }

    static func render(state: UIState, keyMap: KeyMap, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let all = lines(keyMap: keyMap, rights: context.rights)
        let box = area.inset(by: 1).centered(width: min(area.width - 4, 76), height: all.count + 2)
        buffer.fill(box, style: p.base)
        let inner = Block(title: "Help", titleRight: "Esc closes", borderStyle: p.accent, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: box)
        let offset = min(state.helpOffset, max(0, all.count - inner.height))
        let keyWidth = 16
        for (row, line) in all.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.1.isEmpty {
                buffer.put(line.0, x: inner.x + 1, y: y, maxWidth: inner.width - 1, style: p.title)
            } else {
                buffer.put(TextLayout.pad(line.0, to: keyWidth, ellipsis: context.glyphs.ellipsis), x: inner.x + 1, y: y, style: p.accent)
                buffer.put(line.1, in: Rect(x: inner.x + 2 + keyWidth, y: y, width: inner.width - keyWidth - 3, height: 1), style: p.text, ellipsis: context.glyphs.ellipsis)
            }
        }
    }
}
