import Engine
import Foundation

/// Training logistic regression on 100,000 rows x 10 numeric features, next
/// to SciPy's L-BFGS-B minimising the same objective on the same data in
/// the same run.
enum TrainingBenchmarks {
    static func run(into table: inout ResultTable) {
        let rows = 100_000, features = 10
        var generator = Xoshiro256StarStar(seed: 11)
        let weights = (0..<features).map { Double($0 % 5) * 0.3 - 0.6 }
        var columns = Array(repeating: [Double](repeating: 0, count: rows), count: features)
        var labels = [UInt8](repeating: 0, count: rows)
        for row in 0..<rows {
            var logit = -0.5
            for feature in 0..<features {
                let value = Sampling.normal(mean: 0, standardDeviation: 1, using: &generator)
                columns[feature][row] = value
                logit += weights[feature] * value
            }
            labels[row] = Sampling.unitInterval(using: &generator) < 1 / (1 + exp(-logit)) ? 1 : 0
        }
        guard let matrix = try? TrainingMatrix(featureNames: (0..<features).map { "x\($0)" }, kinds: Array(repeating: .numeric, count: features),
                                               numericColumns: columns, categoricalColumns: [], labels: labels) else { return }
        var seconds: [Double] = []
        var iterations = 0
        for _ in 0..<5 {
            let start = monotonicNanoseconds()
            guard let model = try? LogisticRegression.fit(matrix) else { return }
            seconds.append(Double(monotonicNanoseconds() - start) / 1e9)
            iterations = model.summary.iterations
        }
        let scipy = scipySeconds(columns: columns, labels: labels)
        let ours = median(seconds)
        table.add(
            "train logistic regression, 100,000 x 10 (L-BFGS, \(iterations) iterations)",
            String(format: "%.3f s", ours),
            scipy.map { String(format: "SciPy L-BFGS-B, same data and objective: %.3f s", $0) } ?? "SciPy not available",
            scipy.map { formatRatio(ours / $0) } ?? "-",
            "< 1 s"
        )
    }

    /// Median of 5 SciPy fits on the same standardised data (l2 = 1e-4,
    /// mean log loss), timed inside Python; nil without python3/scipy.
    private static func scipySeconds(columns: [[Double]], labels: [UInt8]) -> Double? {
        let directory = makeTemporaryDirectory("flightdeck-bench-train")
        defer { removeDirectory(directory) }
        var bytes = Data()
        for column in columns { column.withUnsafeBufferPointer { bytes.append(Data(buffer: $0)) } }
        guard (try? bytes.write(to: URL(fileURLWithPath: directory + "/x.f64"))) != nil,
              (try? Data(labels).write(to: URL(fileURLWithPath: directory + "/y.u8"))) != nil else { return nil }
        let script = """
        import sys, time, numpy as np
        from scipy.optimize import minimize
        d, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        X = np.fromfile(d + "/x.f64", dtype="<f8").reshape(k, n).T
        y = np.fromfile(d + "/y.u8", dtype=np.uint8).astype(float)
        times = []
        for _ in range(5):
            t = time.perf_counter()
            Z = (X - X.mean(0)) / X.std(0)
            Z = np.hstack([Z, np.ones((n, 1))])
            def f(w):
                z = Z @ w
                loss = np.mean(np.logaddexp(0, z) - y * z) + 0.5e-4 * w[:-1] @ w[:-1]
                g = Z.T @ (1 / (1 + np.exp(-z)) - y) / n
                g[:-1] += 1e-4 * w[:-1]
                return loss, g
            minimize(f, np.zeros(k + 1), jac=True, method="L-BFGS-B", options={"gtol": 1e-6})
            times.append(time.perf_counter() - t)
        print(sorted(times)[2])
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory, String(labels.count), String(columns.count)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
