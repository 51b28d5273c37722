import SimKernel

/// What the model builtins of one run hand to each other (`sample` ->
/// `validate` -> `train` -> `evaluate` -> `register`). The scheduler keeps one
/// per run in memory, gives it to each builtin in ``BuiltinContext/runState``
/// and stores the one a builtin returns in ``BuiltinResult/runState``.
public struct BuiltinRunState: Sendable, Equatable {
    /// The dataset drawn by `sample`.
    public var dataset: StoredDataset?
    /// The model fitted by `train`.
    public var model: StoredModel?
    /// The metrics computed by `evaluate`.
    public var evaluation: ModelEvaluation?

    public init(dataset: StoredDataset? = nil, model: StoredModel? = nil, evaluation: ModelEvaluation? = nil) {
        self.dataset = dataset
        self.model = model
        self.evaluation = evaluation
    }
}

/// A sampled dataset and the file it was written to.
public struct StoredDataset: Sendable, Equatable {
    public var dataset: Dataset
    /// ``Dataset/contentHash()``.
    public var hash: String
    /// The CSV file, relative to the working directory.
    public var path: String

    public init(dataset: Dataset, hash: String, path: String) {
        self.dataset = dataset
        self.hash = hash
        self.path = path
    }
}

/// A trained model, its stored artifact and the holdout it was not trained on.
public struct StoredModel: Sendable, Equatable {
    public var model: TrainedModel
    /// The artifact file (relative path, SHA-256 of the bytes, size).
    public var artifact: ModelArtifact
    /// Rows of the run's dataset held out from training, ascending.
    public var holdoutRows: [Int]

    public init(model: TrainedModel, artifact: ModelArtifact, holdoutRows: [Int]) {
        self.model = model
        self.artifact = artifact
        self.holdoutRows = holdoutRows
    }
}

/// The candidate's metrics on the holdout and, when there is a champion
/// that could be scored, the champion's on the same rows.
public struct ModelEvaluation: Sendable, Equatable {
    public var model: String
    public var candidate: [MetricValue]
    public var champion: [MetricValue]?
    /// The champion's version number when it was scored.
    public var championVersion: Int?

    public init(model: String, candidate: [MetricValue], champion: [MetricValue]?, championVersion: Int?) {
        self.model = model
        self.candidate = candidate
        self.champion = champion
        self.championVersion = championVersion
    }
}

/// A registry version the `register` builtin asks for; the scheduler
/// registers it (``Engine/registerModelVersion(model:lineage:metrics:artifact:description:tags:at:)``)
/// when the attempt ends, and fails the step if the registry refuses.
public struct ModelRegistration: Sendable, Equatable {
    public var model: String
    public var lineage: Lineage
    public var metrics: [MetricValue]
    public var artifact: ModelArtifact
    public var description: String?

    public init(model: String, lineage: Lineage, metrics: [MetricValue], artifact: ModelArtifact, description: String? = nil) {
        self.model = model
        self.lineage = lineage
        self.metrics = metrics
        self.artifact = artifact
        self.description = description
    }
}

