import Engine
import Foundation

/// Scheduling overhead per simulated step on 10,000-step DAGs, persistence
/// included: a fresh engine per repetition runs one triggered run of
/// fixed-duration simulated steps to the end in fast-forward; the wall time
/// of trigger + `runUntilIdle` (with the store's writes) divided by the step
/// count. Beside it, the same with an in-memory store (the persistence
/// share) and Python's graphlib executing the same DAG of no-ops (the floor).
enum StepOverheadBenchmarks {
    static let stepCount = 10_000
    static let repetitions = 7
    static let pipelineID = "dag"

    enum StoreKind {
        case sqlite, memory
    }

    static func run(into table: inout ResultTable) {
        let dags = [BenchDAG.chain(stepCount), BenchDAG.fan(stepCount), BenchDAG.random(stepCount, seed: 2026)]
        for dag in dags {
            let floor = PythonGraphlibFloor.measure(dag, repetitions: repetitions)
            // One unmeasured run of each kind first (page cache, allocator).
            _ = runOnce(dag, store: .sqlite)
            _ = runOnce(dag, store: .memory)
            var sqlite: [Double] = [], sqliteCPU: [Double] = []
            var memory: [Double] = [], memoryCPU: [Double] = []
            for _ in 0..<repetitions {
                let persistent = runOnce(dag, store: .sqlite)
                sqlite.append(persistent.wall)
                sqliteCPU.append(persistent.cpu)
                let inMemory = runOnce(dag, store: .memory)
                memory.append(inMemory.wall)
                memoryCPU.append(inMemory.cpu)
            }
            let sqliteMedian = median(sqlite), memoryMedian = median(memory)
            let baseline = floor.map { "Python graphlib: " + formatNanoseconds(median($0)) } ?? "python3 unavailable"
            let share = (sqliteMedian - memoryMedian) / sqliteMedian * 100
            table.add(
                "step overhead, \(dag.name), 10,000 steps, SQLite store",
                formatNanoseconds(sqliteMedian) + "/step (range " + formatNanoseconds(sqlite.min() ?? .nan) + "-"
                    + formatNanoseconds(sqlite.max() ?? .nan) + "; CPU " + formatNanoseconds(median(sqliteCPU)) + ")",
                baseline,
                floor.map { formatRatio(sqliteMedian / median($0)) } ?? "-",
                "< 10 µs"
            )
            table.add(
                "step overhead, \(dag.name), in-memory store",
                formatNanoseconds(memoryMedian) + "/step (CPU " + formatNanoseconds(median(memoryCPU)) + "; persistence "
                    + String(format: "%.0f%%", share) + " of the SQLite figure)",
                baseline,
                floor.map { formatRatio(memoryMedian / median($0)) } ?? "-",
                "-"
            )
        }
    }

    /// One run of one DAG (`chain`, `fan`, `random`) with one store
    /// (`sqlite`, `memory`), or the 200-step shell chain (`shell`), printing
    /// the wall time per step: for profilers.
    static func profileOnce(shape: String, store: String) {
        let dag: BenchDAG
        switch shape {
        case "chain": dag = .chain(stepCount)
        case "fan": dag = .fan(stepCount)
        case "random": dag = .random(stepCount, seed: 2026)
        default: fatalError("flightdeck-bench once: unknown shape \(shape) (chain, fan, random)")
        }
        let nanoseconds: Double
        switch store {
        case "sqlite": nanoseconds = runOnce(dag, store: .sqlite).wall
        case "memory": nanoseconds = runOnce(dag, store: .memory).wall
        case "shell": nanoseconds = ShellStepBenchmarks.engineChain(.chain(ShellStepBenchmarks.stepCount))
        default: fatalError("flightdeck-bench once: unknown store \(store) (sqlite, memory, shell)")
        }
        print(formatNanoseconds(nanoseconds) + "/step")
    }

    /// Wall and process CPU nanoseconds per step of one fresh engine running
    /// `dag` once.
    static func runOnce(_ dag: BenchDAG, store kind: StoreKind) -> (wall: Double, cpu: Double) {
        let temporary = makeTemporaryDirectory("flightdeck-bench-dag")
        defer { removeDirectory(temporary) }
        let project = dag.project(pipeline: pipelineID, action: .simulate(duration: .fixed(.seconds(1)), failureProbability: 0))
        let configuration = EngineConfiguration(projectName: "bench", seed: 7)
        var directory: StateDirectory?
        var sqliteStore: SQLiteRunStore?
        let engine: Engine
        do {
            switch kind {
            case .sqlite:
                let opened = try StateDirectory(path: temporary + "/state")
                let store = try SQLiteRunStore(directory: opened)
                directory = opened
                sqliteStore = store
                engine = try Engine(configuration: configuration, project: project, store: store)
            case .memory:
                engine = try Engine(configuration: configuration, project: project, store: InMemoryRunStore())
            }
        } catch {
            fatalError("benchmark: cannot create the engine: \(error)")
        }

        let start = monotonicNanoseconds(), startCPU = processCPUNanoseconds()
        let result = engine.apply(.trigger(pipeline: pipelineID, params: [], by: nil))
        engine.runUntilIdle(maxTime: SimTime(milliseconds: 0) + .days(365), waitForShell: false)
        let end = monotonicNanoseconds(), endCPU = processCPUNanoseconds()

        precondition(result.outcome == .applied, "trigger refused: \(result)")
        precondition(engine.storeError == nil, "store error: \(engine.storeError ?? "")")
        guard let run = engine.runs(pipeline: pipelineID).first, run.state == .succeeded else {
            fatalError("benchmark: the run did not succeed: \(String(describing: engine.runs(pipeline: pipelineID).first))")
        }
        if let store = sqliteStore {
            // The history really is on disk: every step, succeeded.
            do {
                let steps = try store.steps(run: run.id)
                precondition(steps.count == dag.count && steps.allSatisfy { $0.state == .succeeded },
                             "the store holds \(steps.count) steps, not \(dag.count) succeeded ones")
                try store.close()
            } catch {
                fatalError("benchmark: cannot read the history back: \(error)")
            }
        }
        directory?.close()
        return (Double(end - start) / Double(dag.count), (endCPU - startCPU) / Double(dag.count))
    }
}
