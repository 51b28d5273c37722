/// Where the run history lives. The engine appends the changes of each
/// `apply`/`advance` in one call, which the store writes in one transaction.
public protocol RunStore: AnyObject {
    func append(_ changes: [RunChange]) throws
    /// ``append(_:)`` for changes in which no step record (run and step)
    /// and no attempt record (attempt key) appears twice, as the engine
    /// writes them: a store may skip looking for repeats of those. The
    /// default calls ``append(_:)``.
    func appendFolded(_ changes: [RunChange]) throws
    /// Everything needed to rebuild the scheduler's state after a restart.
    func loadHistory() throws -> RunHistory
    /// Newest first; `pipeline` nil = all; `limit` nil = all.
    func runs(pipeline: String?, limit: Int?) throws -> [RunRecord]
    func steps(run: RunID) throws -> [StepRecord]
    /// Ordered by step (in insertion order of the step records) then attempt.
    func attempts(run: RunID) throws -> [StepAttemptRecord]
    /// Ordered by attempt then sequence; `attempt` nil = all attempts.
    func logs(run: RunID, step: String, attempt: Int?) throws -> [LogLine]
    func artifacts(run: RunID) throws -> [ArtifactRecord]
}

extension RunStore {
    public func appendFolded(_ changes: [RunChange]) throws {
        try append(changes)
    }
}

/// The stored history, in the order it was written.
public struct RunHistory: Sendable, Equatable {
    public var runs: [RunRecord]              // ascending id
    public var steps: [StepRecord]            // by run, then insertion order
    public var attempts: [StepAttemptRecord]  // by run, step insertion order, attempt
    public var artifacts: [ArtifactRecord]
    public var meta: [MetaEntry]              // sorted by key
    public init(runs: [RunRecord] = [], steps: [StepRecord] = [], attempts: [StepAttemptRecord] = [], artifacts: [ArtifactRecord] = [], meta: [MetaEntry] = []) {
        self.runs = runs
        self.steps = steps
        self.attempts = attempts
        self.artifacts = artifacts
        self.meta = meta
    }
}

/// One stored engine value (see ``RunChange/meta(key:value:)``).
public struct MetaEntry: Sendable, Equatable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
