import ArgumentParser
import Engine
import Foundation
import TUICore

/// `flightdeck models [--json]`: every model with its champion, policy and
/// pending approvals.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List the models of the registry: champion, policy, versions, pending approvals.")

    @Flag(name: .long, help: "JSON instead of a table.")
    var json = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let registry = try userFacing { try workspace.readRegistry() }
        let models = registry.summaries()
        if json {
            print(try JSONOutput.encode(models.map(ModelJSON.init)))
            return
        }
        guard !models.isEmpty else {
            print("no models: declare them under models: in \(workspace.spec.source)")
            return
        }
        var rows = [["MODEL", "POLICY", "CHAMPION", "VERSIONS", "LATEST", "PENDING", "ALIASES"]]
        for model in models {
            let champion: String = model.championVersion.map { "v\($0)" } ?? "-"
            let latest: String = model.latestVersion.map { "v\($0)" } ?? "-"
            let pending: [String] = model.pendingApprovals.map { "v\($0.version)" }
            let aliases: [String] = model.aliases.map { "\($0.alias)=v\($0.version)" }
            let cells: [String] = [model.id, model.policy, champion, String(model.versionCount), latest,
                                   pending.isEmpty ? "-" : pending.joined(separator: ","),
                                   aliases.isEmpty ? "-" : aliases.joined(separator: ",")]
            rows.append(cells.map { TextSanitizer.clean($0) })
        }
        print(TextTable.render(rows))
    }
}

/// `flightdeck versions MODEL [--json]`: a model's versions, newest first.
struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List a model's versions, newest first, with state, aliases, metrics and lineage.")

    @Argument(help: "The model id.")
    var model: String

    @Flag(name: .long, help: "JSON instead of a table (with lineage and the artifact).")
    var json = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let registry = try userFacing { try workspace.readRegistry() }
        try workspace.requireModel(model, in: registry)
        let versions = Array(registry.versions(model).reversed())
        if json {
            print(try JSONOutput.encode(versions.map { VersionJSON($0, aliases: registry.aliases(model, version: $0.version)) }))
            return
        }
        guard !versions.isEmpty else {
            print("\(TextSanitizer.clean(model)) has no versions yet")
            return
        }
        var rows = [["VERSION", "STATE", "ALIASES", "AUC", "ACCURACY", "DATASET", "ROWS", "RUN", "CREATED", "NOTE"]]
        for version in versions {
            let lineage = version.lineage
            let hash: String = lineage.datasetHash.map { String($0.prefix(12)) } ?? "-"
            let datasetRows: String = lineage.datasetRows.map { String($0) } ?? "-"
            let run: String = lineage.run.map { "#\($0)" } ?? "-"
            let aliases: String = registry.aliases(model, version: version.version).joined(separator: ",")
            let cells: [String] = ["v\(version.version)", version.state.rawValue, aliases,
                                   metric(version.metric("auc")), metric(version.metric("accuracy")),
                                   hash, datasetRows, run, version.createdAt.clockLabel, version.stateNote]
            rows.append(cells.map { TextSanitizer.clean($0) })
        }
        print(TextTable.render(rows))
    }

    private func metric(_ value: Double?) -> String {
        value.map { String(format: "%.4f", $0) } ?? "-"
    }
}

/// `flightdeck history MODEL [--at TIME] [--json]`: alias moves and
/// decisions, or which version each alias pointed at at a time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a model's alias moves and approval decisions, oldest first.",
        discussion: "With --at, answers which version each alias pointed at at that simulated time: a duration since the start (6h, 1d2h) or a clock (\"d1 02:00:00\")."
    )

    @Argument(help: "The model id.")
    var model: String

    @Option(name: .long, help: ArgumentHelp("A simulated time: 6h since the start, or \"d1 02:00:00\".", valueName: "TIME"))
    var at: String?

    @Flag(name: .long, help: "JSON instead of tables.")
    var json = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let registry = try userFacing { try workspace.readRegistry() }
        try workspace.requireModel(model, in: registry)
        let moves = registry.aliasHistory(model)
        if let at {
            guard let time = SimTimeArgument.parse(at) else {
                throw cliFailure("--at \(at): expected a duration since the start such as 6h, or a clock such as \"d1 02:00:00\"")
            }
            try printAliases(at: time, registry: registry, moves: moves)
            return
        }
        let decisions = registry.decisions(model)
        if json {
            print(try JSONOutput.encode(HistoryJSON(model: model, moves: moves.map(AliasMoveJSON.init), decisions: decisions.map(DecisionJSON.init))))
            return
        }
        if moves.isEmpty {
            print("no alias moves")
        } else {
            var rows = [["TIME", "ALIAS", "VERSION", "BY", "REASON"]]
            for move in moves {
                rows.append([move.at.clockLabel, move.alias, move.version.map { "v\($0)" } ?? "(removed)", move.by, move.reason].map { TextSanitizer.clean($0) })
            }
            print(TextTable.render(rows))
        }
        print("")
        if decisions.isEmpty {
            print("no decisions")
        } else {
            var rows = [["TIME", "VERSION", "DECISION", "KIND", "BY", "SSH", "WALL TIME", "REASON"]]
            for decision in decisions {
                rows.append([
                    decision.at.clockLabel, "v\(decision.version)", decision.approve ? "approve" : "reject", decision.kind.rawValue,
                    decision.identity.user, decision.identity.sshClient ?? "-", decision.identity.wallTime.isEmpty ? "-" : decision.identity.wallTime,
                    decision.reason,
                ].map { TextSanitizer.clean($0) })
            }
            print(TextTable.render(rows))
        }
    }

    private func printAliases(at time: SimTime, registry: ModelRegistry, moves: [AliasMove]) throws {
        var names: [String] = []
        for move in moves where !names.contains(move.alias) { names.append(move.alias) }
        names.sort()
        let pointing = names.map { AliasAtJSON(alias: $0, version: registry.aliasAt(model: model, alias: $0, time: time)) }
        if json {
            print(try JSONOutput.encode(AliasesAtJSON(model: model, atMs: time.milliseconds, aliases: pointing)))
            return
        }
        print("\(TextSanitizer.clean(model)) at \(time.clockLabel):")
        guard !pointing.isEmpty else {
            print("  no aliases")
            return
        }
        for entry in pointing {
            print("  \(TextSanitizer.clean(entry.alias)) -> \(entry.version.map { "v\($0)" } ?? "nothing")")
        }
    }
}

// MARK: JSON shapes

struct ModelJSON: Encodable {
    struct Alias: Encodable { let alias: String; let version: Int }
    struct Pending: Encodable {
        let version: Int
        let policy: String
        let requestedAtMs: Int64
        let deadlineMs: Int64?
        let onTimeout: String
        let approvalsNeeded: Int
        let approvers: [String]
    }

    let id: String
    let description: String?
    let policy: String
    let declared: Bool
    let champion: Int?
    let versionCount: Int
    let latestVersion: Int?
    let aliases: [Alias]
    let pendingApprovals: [Pending]

    init(_ model: ModelSummary) {
        id = model.id
        description = model.description
        policy = model.policy
        declared = model.declared
        champion = model.championVersion
        versionCount = model.versionCount
        latestVersion = model.latestVersion
        aliases = model.aliases.map { Alias(alias: $0.alias, version: $0.version) }
        pendingApprovals = model.pendingApprovals.map {
            Pending(version: $0.version, policy: $0.policy, requestedAtMs: $0.requestedAt.milliseconds, deadlineMs: $0.deadline?.milliseconds,
                    onTimeout: $0.onTimeout.rawValue, approvalsNeeded: $0.approvalsNeeded, approvers: $0.approvers)
        }
    }
}

struct VersionJSON: Encodable {
    struct Metric: Encodable { let name: String; let value: Double }
    struct Param: Encodable { let name: String; let value: String }
    struct LineageJSON: Encodable {
        let run: Int64?
        let step: String?
        let datasetHash: String?
        let datasetRows: Int?
        let params: [Param]
        let codeVersion: String?
        let flightdeckVersion: String
        let swiftVersion: String
        let os: String
    }
    struct Artifact: Encodable { let path: String; let sha256: String; let size: Int64; let droppedAtMs: Int64? }

    let model: String
    let version: Int
    let state: String
    let stateNote: String
    let aliases: [String]
    let description: String?
    let tags: [String]
    let metrics: [Metric]
    let lineage: LineageJSON
    let artifact: Artifact?
    let createdAtMs: Int64

    init(_ version: ModelVersion, aliases: [String]) {
        model = version.model
        self.version = version.version
        state = version.state.rawValue
        stateNote = version.stateNote
        self.aliases = aliases
        description = version.description
        tags = version.tags
        metrics = version.metrics.map { Metric(name: $0.name, value: $0.value) }
        let l = version.lineage
        lineage = LineageJSON(run: l.run?.value, step: l.step, datasetHash: l.datasetHash, datasetRows: l.datasetRows,
                              params: l.params.map { Param(name: $0.name, value: $0.value) }, codeVersion: l.codeVersion,
                              flightdeckVersion: l.runtime.flightdeckVersion, swiftVersion: l.runtime.swiftVersion, os: l.runtime.os)
        artifact = version.artifact.map { Artifact(path: $0.path, sha256: $0.sha256, size: $0.size, droppedAtMs: version.artifactDroppedAt?.milliseconds) }
        createdAtMs = version.createdAt.milliseconds
    }
}

struct AliasMoveJSON: Encodable {
    let sequence: Int
    let alias: String
    let version: Int?
    let atMs: Int64
    let by: String
    let reason: String

    init(_ move: AliasMove) {
        sequence = move.sequence
        alias = move.alias
        version = move.version
        atMs = move.at.milliseconds
        by = move.by
        reason = move.reason
    }
}

struct DecisionJSON: Encodable {
    struct Evidence: Encodable { let metric: String; let candidate: Double?; let champion: Double? }

    let sequence: Int
    let request: Int
    let version: Int
    let decision: String
    let kind: String
    let user: String
    let sshClient: String?
    let wallTime: String
    let atMs: Int64
    let reason: String
    let evidence: [Evidence]

    init(_ decision: Decision) {
        sequence = decision.sequence
        request = decision.request
        version = decision.version
        self.decision = decision.approve ? "approve" : "reject"
        kind = decision.kind.rawValue
        user = decision.identity.user
        sshClient = decision.identity.sshClient
        wallTime = decision.identity.wallTime
        atMs = decision.at.milliseconds
        reason = decision.reason
        evidence = decision.evidence.map { Evidence(metric: $0.metric, candidate: $0.candidate, champion: $0.champion) }
    }
}

struct HistoryJSON: Encodable {
    let model: String
    let moves: [AliasMoveJSON]
    let decisions: [DecisionJSON]
}

struct AliasAtJSON: Encodable {
    let alias: String
    let version: Int?
}

struct AliasesAtJSON: Encodable {
    let model: String
    let atMs: Int64
    let aliases: [AliasAtJSON]
}
