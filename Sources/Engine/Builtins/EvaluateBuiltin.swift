import SimKernel

/// `builtin: evaluate`: scores the run's trained model on its holdout
/// (AUC, accuracy, log loss, calibration error) and the model's current
/// champion, loaded from its artifact file, on the same rows; logs both
/// side by side and keeps them for `register`. A champion that cannot be
/// loaded or scored is logged and left out (the candidate is then compared
/// with no champion).
///
/// Simulated duration: 5 s plus 1 s per 10,000 holdout rows per model scored.
public struct EvaluateBuiltin: BuiltinTask {
    public init() {}

    public func run(_ context: BuiltinContext) -> BuiltinResult {
        guard let dataset = context.runState.dataset else { return .failure("no dataset in this run (a sample step must run first)") }
        guard let trained = context.runState.model else { return .failure("no trained model in this run (a train step must run first)") }
        let modelID: String
        switch BuiltinSupport.model(context) {
        case .failure(let failure): return .failure(failure.reason)
        case .success(let id): modelID = id
        }
        let holdout: TrainingMatrix
        let candidate: MetricSet
        do {
            holdout = try TrainingMatrix(dataset: dataset.dataset).subset(rows: trained.holdoutRows)
            candidate = try MetricSet(model: trained.model, matrix: holdout)
        } catch {
            return .failure("cannot evaluate: \(error)")
        }
        var log = ["holdout: \(holdout.rowCount) rows of dataset \(BuiltinSupport.short(dataset.hash))"]
        var championMetrics: MetricSet?
        var championVersion: Int?
        if let champion = context.champions.first(where: { $0.model == modelID }) {
            switch Self.score(champion, on: holdout, in: context.workingDirectory) {
            case .success(let metrics):
                championMetrics = metrics
                championVersion = champion.version
            case .failure(let failure):
                log.append("champion \(modelID) v\(champion.version) not scored: \(failure.reason)")
            }
        } else {
            log.append("\(modelID) has no champion yet")
        }
        log += Self.table(candidate: candidate, champion: championMetrics, championVersion: championVersion)
        var state = context.runState
        state.evaluation = ModelEvaluation(model: modelID, candidate: Self.values(candidate),
                                           champion: championMetrics.map(Self.values), championVersion: championVersion)
        let scored = championMetrics == nil ? 1.0 : 2.0
        return BuiltinResult(succeeded: true, logLines: log,
                             duration: BuiltinSupport.duration(seconds: 5 + scored * Double(holdout.rowCount) / 10_000),
                             runState: state)
    }

    /// A metric set as registry metric values, in ``MetricSet/names`` order.
    static func values(_ metrics: MetricSet) -> [MetricValue] {
        metrics.entries.map { MetricValue(name: $0.name, value: $0.value) }
    }

    /// The champion's artifact loaded and scored on `holdout`.
    static func score(_ champion: ModelVersion, on holdout: TrainingMatrix, in directory: String) -> Result<MetricSet, BuiltinFailure> {
        guard let artifact = champion.artifact, champion.artifactDroppedAt == nil else {
            return .failure(BuiltinFailure("it has no artifact file"))
        }
        let bytes: [UInt8]
        switch BuiltinSupport.read(artifact.path, in: directory) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): bytes = read
        }
        guard SHA256.hexDigest(of: bytes) == artifact.sha256 else {
            return .failure(BuiltinFailure("\(artifact.path) does not match its recorded sha256"))
        }
        do {
            return .success(try MetricSet(model: try TrainedModel(serialized: bytes), matrix: holdout))
        } catch {
            return .failure(BuiltinFailure("\(error)"))
        }
    }

    /// `metric  candidate  champion v2  delta` lines.
    static func table(candidate: MetricSet, champion: MetricSet?, championVersion: Int?) -> [String] {
        func cell(_ value: Double?) -> String {
            let text = value.map(BuiltinSupport.format) ?? "-"
            return text + String(repeating: " ", count: max(0, 12 - text.count))
        }
        let name = { (text: String) in text + String(repeating: " ", count: max(0, 18 - text.count)) }
        var lines = [name("metric") + cell(nil).replacingFirst("-", "candidate")
                     + (champion == nil ? "" : "champion v\(championVersion ?? 0)  delta")]
        for metric in MetricSet.names {
            let mine = candidate.value(named: metric)
            var line = name(metric) + cell(mine)
            if let champion {
                let theirs = champion.value(named: metric)
                line += cell(theirs)
                if let mine, let theirs { line += (mine - theirs >= 0 ? "+" : "") + BuiltinSupport.format(mine - theirs) }
            }
            lines.append(line)
        }
        return lines
    }
}

private extension String {
    func replacingFirst(_ target: Character, _ replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }
}
