import Engine
import Foundation
import SimKernel

/// The concept-drift detectors on the serving hot path: nanoseconds per
/// labelled outcome for each detector alone and for a `ConceptDriftMonitor`
/// with all three, on a seeded error stream at 10% (1,024 outcomes per timed
/// call, so the closure's cost is spread out). Beside the wall-clock median
/// each row gives the process CPU time per outcome over all its calls: on a
/// shared machine the wall figure includes waiting for a core.
enum DetectorBenchmarks {
    static func run(into table: inout ResultTable) {
        var generator = Xoshiro256StarStar(seed: 11)
        let count = 1 << 16
        let errors = (0..<count).map { _ in Sampling.unitInterval(using: &generator) < 0.1 }
        let batch = 1024
        var position = 0
        var sink = 0
        // Outcomes per measured group: 20 warm-up calls and 31 rounds of 50, 1,024 each.
        let calls = Double((20 + 31 * 50) * batch)

        var monitor = ConceptDriftMonitor(spec: ConceptMonitorSpec())
        var time: Int64 = 0
        let allCPUStart = processCPUNanoseconds()
        let all = Measurement.run("monitor", rounds: 31, iterationsPerRound: 50) {
            for _ in 0..<batch {
                time += 10
                monitor.add(error: errors[position], at: SimTime(milliseconds: time))
                position = (position + 1) & (count - 1)
            }
        }
        let allCPU = (processCPUNanoseconds() - allCPUStart) / calls
        sink &+= monitor.summaries().count

        var ddm = DDMDetector()
        let ddmTimeCPUStart = processCPUNanoseconds()
        let ddmTime = Measurement.run("ddm", rounds: 31, iterationsPerRound: 50) {
            for _ in 0..<batch {
                sink &+= ddm.add(errors[position]).rawValue
                position = (position + 1) & (count - 1)
            }
        }
        let ddmTimeCPU = (processCPUNanoseconds() - ddmTimeCPUStart) / calls
        var pageHinkley = PageHinkleyDetector()
        let phTimeCPUStart = processCPUNanoseconds()
        let phTime = Measurement.run("ph", rounds: 31, iterationsPerRound: 50) {
            for _ in 0..<batch {
                sink &+= pageHinkley.add(errors[position]).rawValue
                position = (position + 1) & (count - 1)
            }
        }
        let phTimeCPU = (processCPUNanoseconds() - phTimeCPUStart) / calls
        var adwin = ADWINDetector()
        let adwinTimeCPUStart = processCPUNanoseconds()
        let adwinTime = Measurement.run("adwin", rounds: 31, iterationsPerRound: 50) {
            for _ in 0..<batch {
                sink &+= adwin.add(errors[position]).rawValue
                position = (position + 1) & (count - 1)
            }
        }
        let adwinTimeCPU = (processCPUNanoseconds() - adwinTimeCPUStart) / calls
        // Baseline: a running error count, the least a monitor can do per outcome.
        var errorCount = 0
        let floorCPUStart = processCPUNanoseconds()
        let floor = Measurement.run("count", rounds: 31, iterationsPerRound: 50) {
            for _ in 0..<batch {
                if errors[position] { errorCount &+= 1 }
                position = (position + 1) & (count - 1)
            }
        }
        let floorCPU = (processCPUNanoseconds() - floorCPUStart) / calls
        sink &+= errorCount
        precondition(sink != 0)

        let perOutcome = { (measurement: Measurement) in measurement.median / Double(batch) }
        let baseline = "error count: " + formatFraction(perOutcome(floor)) + " (CPU " + formatFraction(floorCPU) + ")"
        func figure(_ measurement: Measurement, _ cpu: Double) -> String {
            formatFraction(perOutcome(measurement)) + " (CPU " + formatFraction(cpu) + ")"
        }
        table.add("detectors: ConceptDriftMonitor.add, DDM + Page-Hinkley + ADWIN", figure(all, allCPU), baseline,
                  formatRatio(perOutcome(all) / perOutcome(floor)), "a few ns per detector")
        table.add("detectors: DDM.add", figure(ddmTime, ddmTimeCPU), baseline, formatRatio(perOutcome(ddmTime) / perOutcome(floor)), "")
        table.add("detectors: PageHinkley.add", figure(phTime, phTimeCPU), baseline, formatRatio(perOutcome(phTime) / perOutcome(floor)), "")
        table.add("detectors: ADWIN.add", figure(adwinTime, adwinTimeCPU), baseline, formatRatio(perOutcome(adwinTime) / perOutcome(floor)), "")
    }

    /// Nanoseconds with one decimal: `7.3 ns`.
    private static func formatFraction(_ ns: Double) -> String {
        String(format: "%.1f ns", ns)
    }
}
