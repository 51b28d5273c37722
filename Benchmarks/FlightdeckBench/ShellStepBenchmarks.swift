import Engine
import Foundation

/// 200 sequential shell steps of `true` (a chain of `run: "true"` steps run
/// by ``ProcessShellLauncher``, with a real SQLite store, in fast-forward
/// waiting for each process) against 200 bare `posix_spawn` + `waitpid` of
/// `/bin/true` measured in the same run; medians of per-step times over
/// several repetitions, the two interleaved. A second row does the same
/// for a command that needs the shell (`true;`) against spawning
/// `/bin/sh -c "true;"`.
enum ShellStepBenchmarks {
    static let stepCount = 200
    static let repetitions = 7
    static let pipelineID = "shell"

    /// What a row runs: the steps' command and the program the baseline
    /// spawns for the same work.
    struct Variant {
        var label: String
        var command: String
        var baseline: [String]
    }

    static let variants = [
        // A plain command: started without the shell (DirectCommand).
        Variant(label: "200 sequential shell steps of `true` (SQLite store)", command: "true", baseline: ["/bin/true"]),
        // Shell syntax: through /bin/sh, against spawning the same shell.
        Variant(label: "200 sequential shell steps of `true;`, through /bin/sh (SQLite store)", command: "true;",
                baseline: ["/bin/sh", "-c", "true;"]),
    ]

    static func run(into table: inout ResultTable) {
        let dag = BenchDAG.chain(stepCount)
        for variant in variants {
            // Warm-up: the programs and the dynamic loader in the page cache.
            _ = bareSpawns(variant.baseline, count: stepCount)
            _ = engineChain(dag, command: variant.command)
            var engine: [Double] = []
            var bare: [Double] = []
            for _ in 0..<repetitions {
                bare.append(bareSpawns(variant.baseline, count: stepCount))
                engine.append(engineChain(dag, command: variant.command))
            }
            let engineMedian = median(engine), bareMedian = median(bare)
            table.add(
                variant.label,
                formatNanoseconds(engineMedian) + "/step (range " + formatNanoseconds(engine.min() ?? .nan) + "-"
                    + formatNanoseconds(engine.max() ?? .nan) + ")",
                "bare posix_spawn + waitpid of `" + variant.baseline.joined(separator: " ") + "`: "
                    + formatNanoseconds(bareMedian),
                formatRatio(engineMedian / bareMedian),
                "< 1.5x"
            )
        }
    }

    /// Nanoseconds per step of a fresh engine running a chain of `command` steps.
    static func engineChain(_ dag: BenchDAG, command: String = "true") -> Double {
        let temporary = makeTemporaryDirectory("flightdeck-bench-shell")
        defer { removeDirectory(temporary) }
        let project = dag.project(pipeline: pipelineID, action: .shell(command), directory: temporary)
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
    /// `waitpid` of `arguments` (inherited environment, no file actions).
    static func bareSpawns(_ arguments: [String], count: Int) -> Double {
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = monotonicNanoseconds()
        for _ in 0..<count {
            var pid: pid_t = 0
            let status = posix_spawn(&pid, arguments[0], nil, nil, argv, environ)
            precondition(status == 0, "posix_spawn failed: \(String(cString: strerror(status)))")
            var exit: Int32 = 0
            while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
            precondition(exit == 0, "\(arguments[0]) exited with status \(exit)")
        }
        let end = monotonicNanoseconds()
        return Double(end - start) / Double(count)
    }
}
