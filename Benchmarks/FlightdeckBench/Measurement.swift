import Foundation

/// Timing of one benchmark: per-iteration nanoseconds, summarised.
struct Measurement {
    var name: String
    var samples: [Double]

    var median: Double { percentile(0.5) }
    var p10: Double { percentile(0.1) }
    var p90: Double { percentile(0.9) }

    func percentile(_ q: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let index = min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * q).rounded())))
        return sorted[index]
    }

    /// Runs `body` `warmup` times unmeasured, then `rounds` rounds of
    /// `iterationsPerRound` calls; a sample is the mean of one round.
    static func run(_ name: String, rounds: Int = 31, iterationsPerRound: Int, warmup: Int = 20, _ body: () -> Void) -> Measurement {
        for _ in 0..<warmup { body() }
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<iterationsPerRound { body() }
            let end = DispatchTime.now().uptimeNanoseconds
            samples.append(Double(end - start) / Double(iterationsPerRound))
        }
        return Measurement(name: name, samples: samples)
    }
}

/// Prints results as a Markdown table.
struct ResultTable {
    private var rows: [[String]] = []

    mutating func add(_ benchmark: String, _ figure: String, _ baseline: String, _ ratio: String, _ target: String) {
        rows.append([benchmark, figure, baseline, ratio, target])
    }

    func render() -> String {
        let header = ["benchmark", "median", "baseline (same run)", "ratio", "target"]
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}

func formatNanoseconds(_ ns: Double) -> String {
    if ns >= 1_000_000 { return String(format: "%.2f ms", ns / 1_000_000) }
    if ns >= 1_000 { return String(format: "%.1f µs", ns / 1_000) }
    return String(format: "%.0f ns", ns)
}
