@_spi(Benchmarks) import Engine
import Foundation

/// The monitors' cost per request: a 10-feature model (8 numeric, 2
/// categorical) with one drift window, three concept-drift detectors and
/// two SLOs, against the same loop without monitors in the same run.
enum MonitorBenchmarks {
    static func run(into table: inout ResultTable) {
        let requests = 2_000_000
        var sink = 0.0
        var watched: [Double] = []
        var bare: [Double] = []
        _ = MonitorCostProbe.run(requests: 200_000, numeric: 8, categorical: 2, watching: true)
        for _ in 0..<7 {
            var start = monotonicNanoseconds()
            sink += MonitorCostProbe.run(requests: requests, numeric: 8, categorical: 2, watching: false)
            bare.append(Double(monotonicNanoseconds() - start) / Double(requests))
            start = monotonicNanoseconds()
            sink += MonitorCostProbe.run(requests: requests, numeric: 8, categorical: 2, watching: true)
            watched.append(Double(monotonicNanoseconds() - start) / Double(requests))
        }
        precondition(sink != 0)
        let cost = median(watched) - median(bare)
        table.add("monitors: streaming update per request (10 features: drift window, DDM + Page-Hinkley + ADWIN, 2 SLOs)",
                  String(format: "%.0f ns/req", cost),
                  String(format: "loop without monitors %.0f ns/req (with: %.0f)", median(bare), median(watched)),
                  "-", "< 200 ns")
    }
}
