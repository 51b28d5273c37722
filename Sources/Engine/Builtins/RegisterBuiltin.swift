import SimKernel

/// `builtin: register`: registers the run's trained model as a new version
/// of the model (the `model` param, or the only declared model) with its
/// lineage (run, step, dataset hash and rows, params, code version,
/// runtime), its holdout metrics and its artifact file. The registry then
/// opens the approval request per the model's policy.
///
/// The step's `when:` condition is a ``PromotionRule`` evaluated on the
/// candidate's and the champion's metrics from `evaluate` (both scored on
/// the same holdout); when it is false the step ends as skipped with the
/// values in its reason. With no champion, conditions naming the champion hold.
///
/// Simulated duration: 2 s.
public struct RegisterBuiltin: BuiltinTask {
    public init() {}

    public func run(_ context: BuiltinContext) -> BuiltinResult {
        guard let dataset = context.runState.dataset else { return .failure("no dataset in this run (a sample step must run first)") }
        guard let trained = context.runState.model else { return .failure("no trained model in this run (a train step must run first)") }
        guard let evaluation = context.runState.evaluation else {
            return .failure("no evaluation in this run (an evaluate step must run first)")
        }
        let modelID: String
        switch BuiltinSupport.model(context) {
        case .failure(let failure): return .failure(failure.reason)
        case .success(let id): modelID = id
        }
        guard evaluation.model == modelID else {
            return .failure("the evaluation is of model \(evaluation.model), not \(modelID)")
        }
        let duration = SimDuration.seconds(2)
        var log: [String] = []
        if let condition = context.when {
            let rule: PromotionRule
            do {
                rule = try PromotionRule(parsing: condition)
            } catch {
                return .failure("when: '\(condition)' is not a valid condition: \(error)")
            }
            let result = rule.evaluate(candidate: evaluation.candidate, champion: evaluation.champion)
            log.append("when: \(result.explanation)")
            if !result.holds {
                return BuiltinResult(succeeded: false, reason: "when: \(result.explanation)", logLines: log, duration: duration, skipped: true)
            }
        }
        let lineage = Lineage(run: context.key.run, step: context.key.step, datasetHash: dataset.hash, datasetRows: dataset.dataset.rowCount,
                              params: context.params, codeVersion: context.codeVersion, runtime: context.runtime)
        let metrics = evaluation.candidate.map { "\($0.name) \(BuiltinSupport.format($0.value))" }.joined(separator: ", ")
        log.append("registering \(modelID) from \(trained.artifact.path) (\(metrics))")
        let registration = ModelRegistration(model: modelID, lineage: lineage, metrics: evaluation.candidate, artifact: trained.artifact,
                                             description: "trained by \(context.pipeline) run \(context.key.run)")
        return BuiltinResult(succeeded: true, logLines: log, duration: duration, registration: registration)
    }
}
