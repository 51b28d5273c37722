import Foundation
import SimKernel

extension Engine {
    /// For every model with `bootstrap: {rows: N}` and no version in the
    /// registry: draws N rows from `data:` at the current time (stream
    /// `bootstrap.<model>`), trains a logistic regression with the default
    /// parameters on 80% of them, scores the other 20%, writes the artifact
    /// under `artifacts/bootstrap/` of the working directory and makes it the
    /// approved champion (a `bootstrap` decision, not an operator's).
    /// A failure is logged as an event and leaves the model without versions.
    func bootstrapModels(_ project: ProjectSpec, workingDirectory: String?) {
        guard let registry, let data = project.data else { return }
        let generator = DataGenerator(spec: data)
        for model in project.models {
            guard let rows = model.bootstrapRows, registry.versions(model.id).isEmpty else { continue }
            do {
                let version = try bootstrap(model: model.id, rows: rows, generator: generator, directory: workingDirectory ?? project.directory)
                record(.modelRegistered, "\(model.id) v\(version.version) bootstrapped on \(rows) rows and made champion")
            } catch {
                record(.registryStoreError, "bootstrap of \(model.id) failed: \(error)")
            }
        }
        flushRegistryChanges()
    }

    private func bootstrap(model: String, rows: Int, generator: DataGenerator, directory: String?) throws -> ModelVersion {
        var random = randomStreams.stream(named: "bootstrap.\(model)")
        let dataset = generator.sample(rows: rows, at: now, using: &random)
        let split = try HoldoutSplit(try TrainingMatrix(dataset: dataset), using: &random)
        let trained = try LogisticRegression.fit(split.training)
        let metrics = try MetricSet(model: trained, matrix: split.holdout)
        let hash = trained.contentHash
        let path = "artifacts/bootstrap/\(model)-\(BuiltinSupport.short(hash)).json"
        let root = directory ?? FileManager.default.currentDirectoryPath
        let artifact = try BuiltinSupport.write(trained.serialized(), to: path, in: root).get()
        // The training data too: the drift monitors' reference for this version.
        let datasetHash = dataset.contentHash()
        _ = try BuiltinSupport.write(Array(dataset.csv().utf8), to: TrainingReference.bootstrapPath(model: model, datasetHash: datasetHash), in: root).get()
        let lineage = Lineage(step: "bootstrap", datasetHash: datasetHash, datasetRows: dataset.rowCount,
                              params: [ParamBinding(name: "rows", value: String(rows))], runtime: runtime)
        let values = metrics.entries.map { MetricValue(name: $0.name, value: $0.value) }
        switch registry!.bootstrap(model: model, lineage: lineage, metrics: values, artifact: artifact, at: now) {
        case .failure(let error): throw error
        case .success(let version): return version
        }
    }
}
