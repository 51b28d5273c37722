import Foundation

/// The floor beside the engine's step overhead: Python's
/// `graphlib.TopologicalSorter` executing the same DAG of no-op callables
/// (build the sorter, `prepare`, then `get_ready` / call / `done` until
/// inactive), timed inside Python with `time.perf_counter`.
enum PythonGraphlibFloor {
    private static let script = """
        import graphlib, json, sys, time
        needs = json.load(open(sys.argv[1]))["needs"]
        repetitions = int(sys.argv[2])
        def noop():
            pass
        tasks = [noop] * len(needs)
        for _ in range(repetitions + 1):  # the first is a warm-up
            start = time.perf_counter()
            sorter = graphlib.TopologicalSorter()
            for node, deps in enumerate(needs):
                sorter.add(node, *deps)
            sorter.prepare()
            executed = 0
            while sorter.is_active():
                for node in sorter.get_ready():
                    tasks[node]()
                    sorter.done(node)
                    executed += 1
            elapsed = time.perf_counter() - start
            assert executed == len(needs), executed
            print(elapsed * 1e9 / len(needs))
        """

    /// Nanoseconds per step of each repetition (after one warm-up), or nil
    /// when `python3` is missing or fails.
    static func measure(_ dag: BenchDAG, repetitions: Int) -> [Double]? {
        let directory = makeTemporaryDirectory("flightdeck-bench-py")
        defer { removeDirectory(directory) }
        let path = directory + "/dag.json"
        do {
            try dag.json.write(toFile: path, atomically: false, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("benchmark: cannot write \(path): \(error)\n".utf8))
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, String(repetitions)]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("benchmark: cannot run python3: \(error)\n".utf8))
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("benchmark: python3 exited with \(process.terminationStatus)\n".utf8))
            return nil
        }
        let values = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
        guard values.count == repetitions + 1 else { return nil }
        return Array(values.dropFirst())
    }
}
