import SimKernel

/// `builtin: validate`: checks the run's sampled dataset against the
/// `data:` spec with ``DatasetValidator`` (schema, ranges, categories and
/// a null share of at most the `max_null_share` param, default 0.05).
/// Fails with the first issue as its reason; every issue is logged.
///
/// Simulated duration: 1 s plus 1 s per 20,000 rows.
public struct ValidateBuiltin: BuiltinTask {
    public init() {}

    public func run(_ context: BuiltinContext) -> BuiltinResult {
        guard let spec = context.data else { return .failure("the project has no data: section to validate against") }
        guard let stored = context.runState.dataset else { return .failure("no dataset in this run (a sample step must run first)") }
        guard let limit = BuiltinSupport.number(context, "max_null_share", default: 0.05), limit >= 0, limit <= 1 else {
            return .failure("param max_null_share must be a number between 0 and 1, not '\(context.param("max_null_share") ?? "")'")
        }
        let rows = stored.dataset.rowCount
        let duration = BuiltinSupport.duration(seconds: 1 + Double(rows) / 20_000)
        let issues = DatasetValidator.validate(stored.dataset, against: spec, maxNullShare: limit)
        let checked = "checked \(rows) rows of dataset \(BuiltinSupport.short(stored.hash)) (max null share \(BuiltinSupport.format(limit)))"
        guard let first = issues.first else {
            return BuiltinResult(succeeded: true, logLines: [checked, "no issues"], duration: duration)
        }
        let log = [checked, "\(issues.count) issue\(issues.count == 1 ? "" : "s"):"] + issues.map { "  \($0.message)" }
        return BuiltinResult(succeeded: false, reason: first.message, logLines: log, duration: duration)
    }
}
