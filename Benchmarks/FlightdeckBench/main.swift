import Foundation

// flightdeck-bench: the in-process benchmarks. Run in release:
//   swift run -c release flightdeck-bench
// Benchmarks/run.sh runs these plus the terminal benchmarks (bytes written,
// start to first frame) and prints one table.

// `flightdeck-bench once chain|fan|random sqlite|memory|shell`: one run of one
// DAG, no baseline, for profilers (valgrind --tool=callgrind).
if CommandLine.arguments.count == 4 && CommandLine.arguments[1] == "once" {
    StepOverheadBenchmarks.profileOnce(shape: CommandLine.arguments[2], store: CommandLine.arguments[3])
    exit(0)
}

#if DEBUG
FileHandle.standardError.write(Data("warning: debug build; figures are meaningless. Use: swift run -c release flightdeck-bench\n".utf8))
#endif

// Arguments pick groups (frames, steps, shell, training, registry, serving, drift, detectors, monitors); none = all.
let groups = Set(CommandLine.arguments.dropFirst())
let known: Set<String> = ["frames", "steps", "shell", "training", "registry", "serving", "drift", "detectors", "monitors"]
if let unknown = groups.subtracting(known).sorted().first {
    FileHandle.standardError.write(Data("flightdeck-bench: unknown group '\(unknown)' (known: frames, steps, shell, training, registry, serving, drift, detectors, monitors)\n".utf8))
    exit(2)
}
func wanted(_ group: String) -> Bool { groups.isEmpty || groups.contains(group) }

var table = ResultTable()
if wanted("frames") { FrameBenchmarks.run(into: &table) }
if wanted("steps") { StepOverheadBenchmarks.run(into: &table) }
if wanted("shell") { ShellStepBenchmarks.run(into: &table) }
if wanted("training") { TrainingBenchmarks.run(into: &table) }
if wanted("registry") { RegistryBenchmarks.run(into: &table) }
if wanted("serving") { ServingBenchmarks.run(into: &table) }
if wanted("drift") { DriftBenchmarks.run(into: &table) }
if wanted("detectors") { DetectorBenchmarks.run(into: &table) }
if wanted("monitors") { MonitorBenchmarks.run(into: &table) }
print(table.render(), terminator: "")
