import SimKernel

/// `builtin: train`: converts the run's dataset to a ``TrainingMatrix``,
/// holds out 20% of the rows (the `holdout_share` param; split with the
/// attempt's seeded stream), fits ``LogisticRegression`` with
/// ``TrainingParameters/init(bindings:)`` of the run's params, and writes
/// the serialized model to `artifacts/run-<id>/model-<hash12>.json`
/// (recorded as an artifact). Keeps the model and the holdout rows for
/// `evaluate` and `register`.
///
/// Simulated duration: 20 s plus 1 s per 50,000 row-iterations (20,000
/// rows and 30 iterations: 29.6 s).
public struct TrainBuiltin: BuiltinTask {
    public init() {}

    public func run(_ context: BuiltinContext) -> BuiltinResult {
        guard let stored = context.runState.dataset else { return .failure("no dataset in this run (a sample step must run first)") }
        guard let share = BuiltinSupport.number(context, "holdout_share", default: HoldoutSplit.defaultHoldoutShare) else {
            return .failure("param holdout_share must be a number, not '\(context.param("holdout_share") ?? "")'")
        }
        var random = context.random
        let model: TrainedModel
        let split: HoldoutSplit
        do {
            let parameters = try TrainingParameters(bindings: context.params)
            split = try HoldoutSplit(try TrainingMatrix(dataset: stored.dataset), holdoutShare: share, using: &random)
            model = try LogisticRegression.fit(split.training, parameters: parameters)
        } catch {
            return .failure("cannot train: \(error)")
        }
        let hash = model.contentHash
        let path = "\(BuiltinSupport.runDirectory(context))/model-\(BuiltinSupport.short(hash)).json"
        let written: ModelArtifact
        switch BuiltinSupport.write(model.serialized(), to: path, in: context.workingDirectory) {
        case .failure(let failure): return .failure(failure.reason)
        case .success(let artifact): written = artifact
        }
        let summary = model.summary
        let log = [
            "training on \(split.trainingRows.count) rows, holding out \(split.holdoutRows.count) (dataset \(BuiltinSupport.short(stored.hash)))",
            "\(summary.parameters.optimizer.rawValue): \(summary.iterations) iterations, loss \(BuiltinSupport.format(summary.objective)), "
                + "\(summary.converged ? "converged" : "stopped: \(summary.stopReason.rawValue)")",
            "model \(hash)",
            "wrote \(path) (\(written.size) bytes)",
        ]
        var state = context.runState
        state.model = StoredModel(model: model, artifact: ModelArtifact(path: path, sha256: written.sha256, size: written.size),
                                  holdoutRows: split.holdoutRows)
        state.evaluation = nil
        let work = Double(split.trainingRows.count) * Double(max(summary.iterations, 1))
        return BuiltinResult(succeeded: true, logLines: log, duration: BuiltinSupport.duration(seconds: 20 + work / 50_000),
                             artifacts: [written], runState: state)
    }
}
