import SimKernel

/// The engine's deployments, the store their history goes to, and the
/// changes not yet written.
final class ServingHost {
    let deployments: [DeploymentRuntime]
    let store: any ServingStore
    /// Where version artifacts resolve.
    let workingDirectory: String?
    /// The columns requests carry (model features are matched to them by name).
    let schema: DatasetSchema
    var pending: [ServingChange] = []
    /// Compiled versions by `model/version` (artifacts never change, and
    /// several deployments often serve the same version).
    var scorers: [String: CompiledScorer] = [:]
    /// The last error writing the serving history, cleared by the next success.
    var storeError: String?
    /// Set while the host reacts to registry changes (its own registry
    /// writes must not start another reaction).
    var reacting = false

    init(deployments: [DeploymentRuntime], store: any ServingStore, workingDirectory: String?, schema: DatasetSchema) {
        self.deployments = deployments
        self.store = store
        self.workingDirectory = workingDirectory
        self.schema = schema
    }

    func runtime(_ id: String) -> DeploymentRuntime? {
        deployments.first { $0.spec.id == id }
    }
}
