import SimKernel

/// `builtin: sample`: draws `rows` labelled rows (param, default 10000)
/// from the project's `data:` generator at the current simulated time with
/// the attempt's seeded stream, writes them as CSV to
/// `artifacts/run-<id>/dataset-<hash12>.csv` (recorded as an artifact) and
/// keeps the dataset for the run's later builtins. Logs the row count, the
/// hash and one summary line per feature.
///
/// Simulated duration: 2 s plus 1 s per 2,000 rows (10,000 rows: 7 s).
public struct SampleBuiltin: BuiltinTask {
    /// Rows drawn per simulated second.
    public static let rowsPerSecond = 2000.0

    public init() {}

    public func run(_ context: BuiltinContext) -> BuiltinResult {
        guard let spec = context.data else { return .failure("the project has no data: section to sample from") }
        guard let rows = BuiltinSupport.integer(context, "rows", default: 10_000), rows >= 2 else {
            return .failure("param rows must be a whole number of at least 2, not '\(context.param("rows") ?? "")'")
        }
        var random = context.random
        let dataset = DataGenerator(spec: spec).sample(rows: rows, at: context.now, using: &random)
        let hash = dataset.contentHash()
        let path = "\(BuiltinSupport.runDirectory(context))/dataset-\(BuiltinSupport.short(hash)).csv"
        let artifact: ModelArtifact
        switch BuiltinSupport.write(Array(dataset.csv().utf8), to: path, in: context.workingDirectory) {
        case .failure(let failure): return .failure(failure.reason)
        case .success(let written): artifact = written
        }
        var log = ["sampled \(rows) rows at \(context.now) (positive rate \(BuiltinSupport.format(dataset.positiveRate)))",
                   "dataset \(hash)",
                   "wrote \(path) (\(artifact.size) bytes)"]
        log += dataset.summaries().map(Self.line)
        let state = BuiltinRunState(dataset: StoredDataset(dataset: dataset, hash: hash, path: path))
        return BuiltinResult(succeeded: true, logLines: log,
                             duration: BuiltinSupport.duration(seconds: 2 + Double(rows) / Self.rowsPerSecond),
                             artifacts: [artifact], runState: state)
    }

    /// `amount: mean 50.1 sd 19.8 min 0 p50 50.2 max 131.4, nulls 1%` or
    /// `merchant: online 6012, store 2987, atm 1001, nulls 0%`.
    static func line(_ summary: FeatureSummary) -> String {
        let nulls = "nulls \(BuiltinSupport.format(summary.nullShare * 100))%"
        switch summary.statistics {
        case .numeric(nil):
            return "\(summary.name): no values, \(nulls)"
        case .numeric(let s?):
            let f = BuiltinSupport.format
            return "\(summary.name): mean \(f(s.mean)) sd \(f(s.sd)) min \(f(s.min)) p50 \(f(s.p50)) max \(f(s.max)), \(nulls)"
        case .categorical(let counts):
            return "\(summary.name): " + counts.map { "\($0.category) \($0.count)" }.joined(separator: ", ") + ", \(nulls)"
        }
    }
}
