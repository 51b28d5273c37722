import Engine
import TUICore

/// The top line: product, project, simulated clock, speed, running state.
enum HeaderView {
    static func render(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        buffer.fill(area, style: p.header)
        var x = area.x
        x += buffer.put(" FLIGHTDECK ", x: x, y: area.y, maxWidth: area.maxX - x, style: p.headerAccent)
        x += buffer.put(" " + TextSanitizer.clean(snapshot.projectName) + " ", x: x, y: area.y, maxWidth: max(0, area.maxX - x - 40), style: p.header.bold())
        let state = snapshot.isPaused ? "PAUSED" : "running"
        let right = "\(snapshot.now.clockLabel)  \(snapshot.speed)  \(state) "
        let rightWidth = CharacterWidth.of(right)
        let rx = max(x, area.maxX - rightWidth)
        buffer.put(right, x: rx, y: area.y, maxWidth: area.maxX - rx, style: p.header)
        if snapshot.isPaused {
            let stateX = area.maxX - CharacterWidth.of(state + " ")
            if stateX >= rx { buffer.put(state, x: stateX, y: area.y, style: p.headerAccent) }
        }
    }
}
