import ControlRoom
import Engine
import TUICore

/// Composing the control room into a buffer plus the diff against the
/// previous frame, as the run loop does every frame; and, separately, the
/// engine work the run loop does before it (advance one simulated second and
/// take the snapshot).
enum FrameBenchmarks {
    static func run(into table: inout ResultTable) {
        let width = 200, height = 60
        // The embedded demo after 150 minutes of simulated time (no shell steps
        // are launched: without a launcher they fail at once, which is fine
        // for drawing), so Overview and Pipelines draw real runs and a DAG,
        // Deployments nine services with rollouts under way, Monitors a
        // drifting feature, and Overview and Events firing alerts and a CT story.
        let demo = try! ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        // Model artifacts go to a temporary directory, not the current one.
        let work = makeTemporaryDirectory("flightdeck-bench-frames")
        defer { removeDirectory(work) }
        let engine = try! Engine(configuration: EngineConfiguration(projectName: demo.name, seed: 42), project: demo, workingDirectory: work)
        engine.runUntilIdle(maxTime: SimTime(milliseconds: 9_000_000), waitForShell: false)
        let context = RenderContext(palette: Palette(theme: BuiltInThemes.default), glyphs: .unicode)

        // 300 consecutive snapshots one simulated second apart: the clock in
        // the header changes every frame, as it does live.
        var tick: Int64 = 9_000_000
        var snapshots: [EngineSnapshot] = []
        let engineWork = Measurement.run("advance 1s + snapshot", rounds: 30, iterationsPerRound: 10, warmup: 0) {
            tick += 1_000
            engine.advance(to: SimTime(milliseconds: tick))
            snapshots.append(engine.snapshot(recentRunLimit: ControlRoomView.recentRunLimit, deploymentMetrics: .only(nil)))
        }

        for screen in [Screen.overview, .pipelines, .deployments, .models, .monitors, .events] {
            let state = UIState(screen: screen)
            var previous = CellBuffer(width: width, height: height)
            var frame = CellBuffer(width: width, height: height)
            var index = 0
            let composed = Measurement.run("compose+diff \(screen.commandName) 200x60", iterationsPerRound: 200) {
                ControlRoomView.render(snapshot: snapshots[index % snapshots.count], state: state, context: context, into: &frame)
                index += 1
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
        table.add(
            "engine per frame: advance 1 s of the demo + snapshot (Deployments screen: one deployment measured)",
            formatNanoseconds(engineWork.median) + " (p90 " + formatNanoseconds(engineWork.p90) + ")",
            "-", "-", "-"
        )
    }
}
