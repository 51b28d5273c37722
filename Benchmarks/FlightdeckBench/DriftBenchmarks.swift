import Engine
import Foundation

/// The four numeric drift statistics (KS, PSI, Wasserstein, Jensen-Shannon)
/// together on 1,000,000 vs 1,000,000 seeded normal values, N(0, 1) vs
/// N(0.1, 1.05), sorting included, next to SciPy's time for the same four on
/// the same values in the same run (Benchmarks/drift_scipy.py).
enum DriftBenchmarks {
    static let count = 1_000_000
    static let runs = 7

    static func run(into table: inout ResultTable) {
        var generator = Xoshiro256StarStar(seed: 2026)
        let reference = (0..<count).map { _ in Sampling.normal(mean: 0, standardDeviation: 1, using: &generator) }
        let current = (0..<count).map { _ in Sampling.normal(mean: 0.1, standardDeviation: 1.05, using: &generator) }

        var total: [Double] = []
        var sorting: [Double] = []
        var report: NumericDriftReport?
        for _ in 0..<runs {
            let start = monotonicNanoseconds()
            let r = SortedSample(reference)
            let c = SortedSample(current)
            let sorted = monotonicNanoseconds()
            report = DriftStatistics.numeric(r, c)
            let end = monotonicNanoseconds()
            total.append(Double(end - start) / 1e9)
            sorting.append(Double(sorted - start) / 1e9)
        }
        let ours = median(total)
        let scipy = scipyRun(reference: reference, current: current)
        table.add(
            "drift: KS + PSI + Wasserstein + JS, 1,000,000 vs 1,000,000 (sorting \(String(format: "%.3f", median(sorting))) s)",
            String(format: "%.3f s", ours),
            scipy.map { String(format: "SciPy, same values: %.3f s", $0.seconds) } ?? "n/a",
            scipy.map { formatRatio(ours / $0.seconds) } ?? "-",
            "<= 0.25x SciPy"
        )
        if let report, let scipy {
            // The figures only count if the values agree.
            let pairs: [(String, Double, Double)] = [
                ("ks_statistic", report.ks.statistic, scipy.values["ks_statistic"] ?? .nan),
                ("ks_pvalue", report.ks.pValue, scipy.values["ks_pvalue"] ?? .nan),
                ("psi", report.psi.value, scipy.values["psi"] ?? .nan),
                ("wasserstein", report.wasserstein.distance, scipy.values["wasserstein"] ?? .nan),
                ("wasserstein_normed", report.wasserstein.normalised, scipy.values["wasserstein_normed"] ?? .nan),
                ("js_distance", report.jensenShannon.value, scipy.values["js_distance"] ?? .nan),
            ]
            for (name, mine, theirs) in pairs {
                let agrees = mine == theirs || abs(mine - theirs) <= 1e-9 * abs(theirs)
                if !agrees {
                    FileHandle.standardError.write(Data("drift benchmark: \(name) \(mine) differs from SciPy's \(theirs)\n".utf8))
                }
            }
        }
    }

    /// SciPy's median seconds and values on the same data; nil without
    /// python3 with numpy and scipy.
    private static func scipyRun(reference: [Double], current: [Double]) -> (seconds: Double, values: [String: Double])? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("drift_scipy.py").path
        guard FileManager.default.fileExists(atPath: script) else { return nil }
        let directory = makeTemporaryDirectory("flightdeck-bench-drift")
        defer { removeDirectory(directory) }
        let referencePath = directory + "/ref.f64", currentPath = directory + "/cur.f64"
        guard (try? reference.withUnsafeBufferPointer({ Data(buffer: $0) }).write(to: URL(fileURLWithPath: referencePath))) != nil,
              (try? current.withUnsafeBufferPointer({ Data(buffer: $0) }).write(to: URL(fileURLWithPath: currentPath))) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--ref", referencePath, "--cur", currentPath, "--runs", String(runs)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard let first = lines.first, let seconds = Double(first) else { return nil }
        var values: [String: Double] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        return (seconds, values)
    }
}
