import Engine
import Foundation

/// 200 sequential shell steps of `true` (a chain of `run: "true"` steps run
/// by ``ProcessShellLauncher``, with a real SQLite store, in fast-forward
/// waiting for each process) against 200 bare `posix_spawn` + `waitpid` of
/// `/bin/true` measured in the same run; medians of per-step times over
/// several repetitions, the two interleaved.
enum ShellStepBenchmarks {
    static let stepCount = 200
    static let repetitions = 7
    static let pipelineID = "shell"

    static func run(into table: inout ResultTable) {
        let dag = BenchDAG.chain(stepCount)
        // Warm-up: the shell, /bin/true and the dynamic loader in the page cache.
        _ = bareSpawns(stepCount)
        _ = engineChain(dag)
        var engine: [Double] = []
        var bare: [Double] = []
        for _ in 0..<repetitions {
            bare.append(bareSpawns(stepCount))
            engine.append(engineChain(dag))
        }
        let engineMedian = median(engine), bareMedian = median(bare)
        table.add(
            "200 sequential shell steps of `true` (SQLite store)",
            formatNanoseconds(engineMedian) + "/step (range " + formatNanoseconds(engine.min() ?? .nan) + "-"
                + formatNanoseconds(engine.max() ?? .nan) + ")",
            "bare posix_spawn + waitpid of /bin/true: " + formatNanoseconds(bareMedian),
            formatRatio(engineMedian / bareMedian),
            "< 1.5x"
        )
    }

    /// Nanoseconds per step of a fresh engine running a chain of `true` steps.
    static func engineChain(_ dag: BenchDAG) -> Double {
        let temporary = makeTemporaryDirectory("flightdeck-bench-shell")
        defer { removeDirectory(temporary) }
        let project = dag.project(pipeline: pipelineID, action: .shell("true"), directory: temporary)
        let engine: Engine
        let directory: StateDirectory
        let store: SQLiteRunStore
        do {
            directory = try StateDirectory(path: temporary + "/state")
            store = try SQLiteRunStore(directory: directory)
            engine = try Engine(configuration: EngineConfiguration(projectName: "bench", seed: 7), project: project,
                                store: store, shell: ProcessShellLauncher())
        } catch {
            fatalError("benchmark: cannot create the engine: \(error)")
        }

        let start = monotonicNanoseconds()
        let result = engine.apply(.trigger(pipeline: pipelineID, params: [], by: nil))
        engine.runUntilIdle(maxTime: SimTime(milliseconds: 0) + .days(1), waitForShell: true)
        let end = monotonicNanoseconds()

        precondition(result.outcome == .applied, "trigger refused: \(result)")
        guard let run = engine.runs(pipeline: pipelineID).first, run.state == .succeeded else {
            fatalError("benchmark: the shell run did not succeed: \(String(describing: engine.runs(pipeline: pipelineID).first))")
        }
        do {
            let attempts = try store.attempts(run: run.id)
            precondition(attempts.count == dag.count && attempts.allSatisfy { $0.exitCode == 0 },
                         "expected \(dag.count) attempts that exited 0, found \(attempts.count)")
            try store.close()
        } catch {
            fatalError("benchmark: cannot read the history back: \(error)")
        }
        directory.close()
        return Double(end - start) / Double(dag.count)
    }

    /// Nanoseconds per process of `count` sequential `posix_spawn` +
    /// `waitpid` of `/bin/true` (inherited environment, no file actions).
    static func bareSpawns(_ count: Int) -> Double {
        let path = "/bin/true"
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { for pointer in argv { free(pointer) } }
        let start = monotonicNanoseconds()
        for _ in 0..<count {
            var pid: pid_t = 0
            let status = posix_spawn(&pid, path, nil, nil, argv, environ)
            precondition(status == 0, "posix_spawn failed: \(String(cString: strerror(status)))")
            var exit: Int32 = 0
            while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
            precondition(exit == 0, "/bin/true exited with status \(exit)")
        }
        let end = monotonicNanoseconds()
        return Double(end - start) / Double(count)
    }
}
