import SimKernel

/// Where a version is in its life cycle:
/// registered -> candidate -> approved -> production -> archived, with
/// rejected (a candidate that was turned down) and decommissioned (stopped
/// serving, artifacts kept) beside it.
public enum VersionState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Registered, no approval asked for yet.
    case registered
    /// Waiting for an approval decision.
    case candidate
    /// Approved; may be promoted.
    case approved
    /// Holds the `champion` alias and serves.
    case production
    /// Turned down; may be asked for approval again.
    case rejected
    /// Shelved; keeps what is needed to reload it unless retention dropped its artifact.
    case archived
    /// Stopped serving; keeps its artifacts.
    case decommissioned
}

/// One named number, e.g. `auc = 0.91`. Metrics are kept as ordered lists,
/// never as dictionaries, so their order is the order they were given.
public struct MetricValue: Sendable, Hashable, Codable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// The software a version was trained in (or is deployed into). Passed in by
/// the caller; the engine never probes the system.
public struct RuntimeEnvironment: Sendable, Hashable, Codable {
    public var flightdeckVersion: String
    public var swiftVersion: String
    public var os: String

    public init(flightdeckVersion: String, swiftVersion: String, os: String) {
        self.flightdeckVersion = flightdeckVersion
        self.swiftVersion = swiftVersion
        self.os = os
    }

    /// Used when the caller said nothing (tests, tools): every field `unknown`.
    public static let unknown = RuntimeEnvironment(flightdeckVersion: "unknown", swiftVersion: "unknown", os: "unknown")

    /// The fields that differ, as `swift 6.3.1 -> 6.2`, in a fixed order.
    public func differences(to other: RuntimeEnvironment) -> [String] {
        var result: [String] = []
        if flightdeckVersion != other.flightdeckVersion { result.append("flightdeck \(flightdeckVersion) -> \(other.flightdeckVersion)") }
        if swiftVersion != other.swiftVersion { result.append("swift \(swiftVersion) -> \(other.swiftVersion)") }
        if os != other.os { result.append("os \(os) -> \(other.os)") }
        return result
    }
}

/// Where a version came from.
public struct Lineage: Sendable, Hashable, Codable {
    /// The run that produced it and the step within it (nil when registered by hand).
    public var run: RunID?
    public var step: String?
    /// The training dataset's content hash and row count.
    public var datasetHash: String?
    public var datasetRows: Int?
    /// The run's parameters, in declared order.
    public var params: [ParamBinding]
    /// `git describe` of the project when it was trained.
    public var codeVersion: String?
    /// The software it was trained in.
    public var runtime: RuntimeEnvironment

    public init(run: RunID? = nil, step: String? = nil, datasetHash: String? = nil, datasetRows: Int? = nil,
                params: [ParamBinding] = [], codeVersion: String? = nil, runtime: RuntimeEnvironment) {
        self.run = run
        self.step = step
        self.datasetHash = datasetHash
        self.datasetRows = datasetRows
        self.params = params
        self.codeVersion = codeVersion
        self.runtime = runtime
    }
}

/// A stored artifact file (a model version's model, a builtin step's output): path, SHA-256 and size.
public struct ModelArtifact: Sendable, Hashable, Codable {
    /// As given by the registering step (relative paths resolve against the
    /// project's working directory).
    public var path: String
    public var sha256: String
    public var size: Int64

    public init(path: String, sha256: String, size: Int64) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}

/// One version of a model, with its lineage, metrics, artifact and state.
public struct ModelVersion: Sendable, Hashable, Codable {
    public var model: String
    /// 1, 2, 3, ... per model.
    public var version: Int
    public var description: String?
    public var tags: [String]
    public var state: VersionState
    /// Who or what last changed the state and why (`archived by ana`,
    /// `retention: beyond keep_last 5`); empty for a fresh version.
    public var stateNote: String
    public var lineage: Lineage
    /// In the order the evaluation produced them.
    public var metrics: [MetricValue]
    public var artifact: ModelArtifact?
    /// When retention removed the artifact file (the record stays).
    public var artifactDroppedAt: SimTime?
    public var createdAt: SimTime

    public init(model: String, version: Int, description: String? = nil, tags: [String] = [], state: VersionState = .registered,
                stateNote: String = "", lineage: Lineage, metrics: [MetricValue] = [], artifact: ModelArtifact? = nil,
                artifactDroppedAt: SimTime? = nil, createdAt: SimTime) {
        self.model = model
        self.version = version
        self.description = description
        self.tags = tags
        self.state = state
        self.stateNote = stateNote
        self.lineage = lineage
        self.metrics = metrics
        self.artifact = artifact
        self.artifactDroppedAt = artifactDroppedAt
        self.createdAt = createdAt
    }

    /// The value of metric `name`, if the version has it.
    public func metric(_ name: String) -> Double? {
        metrics.first { $0.name == name }?.value
    }

    /// Whether the artifact file is still there (registered with one and not dropped).
    public var hasArtifact: Bool { artifact != nil && artifactDroppedAt == nil }

    /// A warning when the version is deployed into a different runtime than
    /// it was trained in, or nil when they match:
    /// `fraud v3 was trained in a different runtime: swift 6.3.1 -> 6.2`.
    public func runtimeMismatch(current: RuntimeEnvironment) -> String? {
        let differences = lineage.runtime.differences(to: current)
        guard !differences.isEmpty else { return nil }
        return "\(model) v\(version) was trained in a different runtime: \(differences.joined(separator: ", "))"
    }
}

/// One entry of an alias's history: the alias was pointed at `version`
/// (nil: removed) at `at` by `by`. Append-only.
public struct AliasMove: Sendable, Hashable {
    /// Position in the registry's whole alias history (0 first).
    public var sequence: Int
    public var model: String
    public var alias: String
    public var version: Int?
    public var at: SimTime
    public var by: String
    public var reason: String

    public init(sequence: Int, model: String, alias: String, version: Int?, at: SimTime, by: String, reason: String) {
        self.sequence = sequence
        self.model = model
        self.alias = alias
        self.version = version
        self.at = at
        self.by = by
        self.reason = reason
    }
}
