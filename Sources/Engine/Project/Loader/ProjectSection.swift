/// Reads one top-level key of `flightdeck.yaml` into the project.
///
/// Each section of the file format is one conforming type listed in
/// ``ProjectLoader/sections``; adding a section (data, models, ...) is adding
/// such a type. Sections are read in that list's order, so a section may
/// rely on what an earlier one put into the project (steps check their
/// `pool` against `pools`).
protocol ProjectSection {
    /// The top-level key, e.g. `pipelines`.
    static var key: String { get }
    /// For a required key, what the error for a missing one says is
    /// expected (e.g. `project: NAME`); nil for an optional key.
    static var requiredForm: String? { get }
    /// Reads the key's value, reporting every problem to `diagnostics`.
    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics)
}

/// `project: NAME` — the project's name, shown in the header.
enum ProjectNameSection: ProjectSection {
    static let key = "project"
    static let requiredForm: String? = "project: NAME"

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        if let name = diagnostics.string(node, key, expected: "the project's name") { project.name = name }
    }
}

/// `seed: N` — the root of every random stream (default 42).
enum SeedSection: ProjectSection {
    static let key = "seed"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let scalar = node.scalar, scalar.type == .int, let seed = UInt64(scalar.text) else {
            diagnostics.error("seed: expected an integer from 0 to \(UInt64.max), found \(node.found)", at: node)
            return
        }
        project.seed = seed
    }
}

/// `pools: {ID: SIZE}` — named slot pools shared by all pipelines.
enum PoolsSection: ProjectSection {
    static let key = "pools"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let entries = diagnostics.mapping(node, key, expected: "a mapping of pool ids to sizes (like cpu: 2)") else { return }
        for (id, entry) in diagnostics.uniqueEntries(entries, noun: "pool", place: "pools") {
            diagnostics.checkID(id, noun: "pool", at: entry.keyPosition)
            let size = diagnostics.integer(entry.value, "pool '\(id)'", minimum: 1)
            // A pool with a bad size is still declared, so steps naming it get no second error.
            project.pools.append(PoolSpec(id: id, size: size ?? 1))
        }
    }
}

/// `pipelines: {ID: PIPELINE}` — see ``PipelineReader``.
enum PipelinesSection: ProjectSection {
    static let key = "pipelines"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let entries = diagnostics.mapping(node, key, expected: "a mapping of pipeline ids to pipelines") else { return }
        for (id, entry) in diagnostics.uniqueEntries(entries, noun: "pipeline", place: "pipelines") {
            diagnostics.checkID(id, noun: "pipeline", at: entry.keyPosition)
            if let pipeline = PipelineReader.read(id: id, entry: entry, pools: project.pools, diagnostics: &diagnostics) {
                project.pipelines.append(pipeline)
            }
        }
    }
}
