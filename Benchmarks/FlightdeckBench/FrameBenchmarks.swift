import ControlRoom
import Engine
import TUICore

/// Composing the control room into a buffer plus the diff against the
/// previous frame, as the run loop does every frame.
enum FrameBenchmarks {
    static func run(into table: inout ResultTable) {
        let width = 200, height = 60
        // The embedded demo after an hour of simulated time (no shell steps
        // are launched: without a launcher they fail at once, which is fine
        // for drawing), so Overview and Pipelines draw real runs and a DAG.
        let demo = try! ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        let engine = try! Engine(configuration: EngineConfiguration(projectName: demo.name, seed: 42), project: demo)
        engine.runUntilIdle(maxTime: SimTime(milliseconds: 3_600_000), waitForShell: false)
        let context = RenderContext(palette: Palette(theme: BuiltInThemes.default), glyphs: .unicode)
        var tick: Int64 = 3_600_000
        for screen in [Screen.overview, .pipelines, .events] {
            var state = UIState(screen: screen)
            state.mode = .normal
            var previous = CellBuffer(width: width, height: height)
            var frame = CellBuffer(width: width, height: height)
            let composed = Measurement.run("compose+diff \(screen.commandName) 200x60", iterationsPerRound: 200) {
                // The clock moves every frame, so the header changes as it does live.
                tick += 1_000
                engine.advance(to: SimTime(milliseconds: tick))
                ControlRoomView.render(snapshot: engine.snapshot(recentRunLimit: ControlRoomView.recentRunLimit), state: state, context: context, into: &frame)
                let runs = BufferDiff.runs(from: previous, to: frame)
                precondition(!runs.isEmpty, "the clock changed, so the frame must differ")
                swap(&previous, &frame)
            }
            // Baseline: the cheapest possible frame — clear the buffer and diff it.
            let blank = Cell(" ", style: context.palette.base)
            let baseline = Measurement.run("clear+diff 200x60", iterationsPerRound: 200) {
                frame.clear(blank)
                _ = BufferDiff.runs(from: previous, to: frame)
            }
            table.add(
                "frame: compose + diff, \(screen.title) at 200x60",
                formatNanoseconds(composed.median) + " (p90 " + formatNanoseconds(composed.p90) + ")",
                "clear + diff: " + formatNanoseconds(baseline.median),
                String(format: "%.1fx", composed.median / baseline.median),
                "< 200 µs"
            )
        }
    }
}
