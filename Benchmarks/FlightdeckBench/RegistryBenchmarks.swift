import Engine
import Foundation

/// Registry queries with 10,000 versions and 10,000 alias moves: listing a
/// model's versions and "which version did the alias point to at time T",
/// from the engine's in-memory registry and from the SQLite store.
enum RegistryBenchmarks {
    static func run(into table: inout ResultTable) {
        let count = 10_000
        let directory = makeTemporaryDirectory("flightdeck-bench-registry")
        defer { removeDirectory(directory) }
        let store: SQLiteRegistryStore
        let registry: ModelRegistry
        do {
            store = try SQLiteRegistryStore(path: directory + "/state.db")
            registry = try ModelRegistry(models: [ModelSpec(id: "fraud")], store: store)
        } catch {
            FileHandle.standardError.write(Data("benchmark: registry: \(error)\n".utf8))
            return
        }
        var moves: [(time: Int64, version: Int)] = []
        for index in 1...count {
            let time = SimTime(milliseconds: Int64(index) * 60_000)
            _ = registry.register(model: "fraud", lineage: Lineage(runtime: .unknown), metrics: [MetricValue(name: "auc", value: 0.8)], artifact: nil, at: time)
            _ = registry.moveAlias(model: "fraud", alias: "challenger", version: index, by: "bench", reason: "bench", at: time)
            moves.append((time.milliseconds, index))
        }
        do { try registry.save() } catch {
            FileHandle.standardError.write(Data("benchmark: registry save: \(error)\n".utf8))
            return
        }
        var generator = Xoshiro256StarStar(seed: 7)
        func randomTime() -> SimTime { SimTime(milliseconds: Int64(Sampling.uniform(0, Double(count) * 60_000, using: &generator))) }

        var sink = 0
        let list = Measurement.run("list", rounds: 31, iterationsPerRound: 50) { sink &+= registry.versions("fraud").count }
        let at = Measurement.run("aliasAt", rounds: 31, iterationsPerRound: 200) {
            sink &+= registry.aliasAt(model: "fraud", alias: "challenger", time: randomTime()) ?? 0
        }
        let sqlList = Measurement.run("sql list", rounds: 15, iterationsPerRound: 5) {
            sink &+= (try? store.versions(model: "fraud", limit: 50))?.count ?? 0
        }
        let sqlAt = Measurement.run("sql aliasAt", rounds: 15, iterationsPerRound: 20) {
            sink &+= (try? store.aliasAt(model: "fraud", alias: "challenger", time: randomTime())) ?? 0
        }
        // Baseline: a linear scan of the 10,000 moves for the same question.
        let scan = Measurement.run("scan", rounds: 31, iterationsPerRound: 200) {
            let t = randomTime().milliseconds
            var answer = 0
            for move in moves where move.time <= t { answer = move.version }
            sink &+= answer
        }
        precondition(sink != 0)
        table.add("registry: list 10,000 versions (in memory)", formatNanoseconds(list.median), "linear scan of 10,000 moves: " + formatNanoseconds(scan.median), formatRatio(list.median / scan.median), "< 1 ms")
        table.add("registry: alias at time T, 10,000 moves (in memory)", formatNanoseconds(at.median), "linear scan: " + formatNanoseconds(scan.median), formatRatio(at.median / scan.median), "< 1 ms")
        table.add("registry: newest 50 of 10,000 versions (SQLite)", formatNanoseconds(sqlList.median), "linear scan: " + formatNanoseconds(scan.median), formatRatio(sqlList.median / scan.median), "< 1 ms")
        table.add("registry: alias at time T (SQLite)", formatNanoseconds(sqlAt.median), "linear scan: " + formatNanoseconds(scan.median), formatRatio(sqlAt.median / scan.median), "< 1 ms")
    }
}
