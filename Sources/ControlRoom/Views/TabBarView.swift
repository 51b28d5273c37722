import TUICore

/// The second line: one tab per screen with its number key.
enum TabBarView {
    static func render(active: Screen, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        var x = area.x + 1
        for screen in Screen.allCases {
            let label = " \(screen.rawValue) \(screen.title) "
            let style = screen == active ? p.tabActive : p.tabInactive
            x += buffer.put(label, x: x, y: area.y, maxWidth: area.maxX - x, style: style)
            x += 1
        }
    }
}
