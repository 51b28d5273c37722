import Foundation
import SimKernel
import GRDB

/// The model registry in SQLite: the tables of migration `2 registry` in the
/// state directory's `state.db`, next to the run history (see
/// ``RegistrySchema``). `append` writes one batch in one transaction; on
/// error nothing of the batch is kept.
///
/// Open it on the same file as the ``SQLiteRunStore`` (its own connection
/// pool; SQLite's WAL mode and the busy timeout let both write), or share
/// the run store's pool with ``init(sharing:)``.
public final class SQLiteRegistryStore: RegistryStore, Sendable {
    /// The database file.
    public let path: String
    private let writer: any DatabaseWriter

    /// Opens (creating and migrating) `state.db` in a locked state directory.
    public convenience init(directory: StateDirectory, synchronous: SQLiteRunStore.Synchronous = .normal) throws {
        let path = try directory.secureFile(named: StateDirectory.databaseFileName)
        try self.init(path: path, synchronous: synchronous)
        for suffix in ["-wal", "-shm"] {
            try directory.restrictIfPresent(named: StateDirectory.databaseFileName + suffix)
        }
    }

    /// Opens the database at `path` with its own pool. Read-only stores are
    /// not migrated and refuse `append`.
    public init(path: String, synchronous: SQLiteRunStore.Synchronous = .normal, readOnly: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "flightdeck.registry"
        let level = synchronous.rawValue
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(level)")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly {
                try RunHistorySchema.migrator.migrate(pool)
            }
            writer = pool
        } catch {
            throw StoreError(path: path, operation: "open", underlying: error)
        }
    }

    /// Uses the run store's connection pool (already migrated).
    public init(sharing runStore: SQLiteRunStore) {
        path = runStore.path
        writer = runStore.pool
    }

    // MARK: - Writing

    public func append(_ changes: [RegistryChange]) throws {
        guard !changes.isEmpty else { return }
        do {
            try writer.write { db in
                for change in changes {
                    try Self.write(change, to: db)
                }
            }
        } catch {
            throw StoreError(path: path, operation: "append \(changes.count) registry changes", underlying: error)
        }
    }

    private static func write(_ change: RegistryChange, to db: Database) throws {
        switch change {
        case .model(let record):
            try db.cachedStatement(sql: RegistrySchema.upsertModel).execute(arguments: [record.id, record.description, record.policy])
        case .version(let version):
            let lineage = version.lineage
            let arguments: [(any DatabaseValueConvertible)?] = [
                version.model, version.version, version.description, try RegistryJSON.encode(version.tags),
                version.state.rawValue, version.stateNote, lineage.run?.value, lineage.step, lineage.datasetHash,
                lineage.datasetRows, try RegistryJSON.encode(lineage.params), try RegistryJSON.encode(version.metrics),
                lineage.codeVersion, lineage.runtime.flightdeckVersion, lineage.runtime.swiftVersion, lineage.runtime.os,
                version.artifact?.path, version.artifact?.sha256, version.artifact?.size,
                version.artifactDroppedAt?.milliseconds, version.createdAt.milliseconds,
            ]
            try db.cachedStatement(sql: RegistrySchema.upsertVersion).execute(arguments: StatementArguments(arguments))
        case .aliasMove(let move):
            try db.cachedStatement(sql: RegistrySchema.insertMove).execute(arguments: [
                move.sequence, move.model, move.alias, move.version, move.at.milliseconds, move.by, move.reason,
            ])
        case .request(let request):
            try db.cachedStatement(sql: RegistrySchema.insertRequest).execute(arguments: [
                request.id, request.model, request.version, request.requestedAt.milliseconds, request.deadline?.milliseconds,
                request.onTimeout.rawValue, request.approvalsNeeded, request.policy, try RegistryJSON.encode(request.evidence),
            ])
        case .decision(let decision):
            try db.cachedStatement(sql: RegistrySchema.insertDecision).execute(arguments: [
                decision.sequence, decision.request, decision.model, decision.version, decision.approve,
                decision.kind.rawValue, decision.identity.user, decision.identity.sshClient, decision.identity.wallTime,
                decision.reason, try RegistryJSON.encode(decision.evidence), decision.at.milliseconds,
            ])
        }
    }

    // MARK: - Reading

    public func loadRegistry() throws -> RegistryHistory {
        try read("load registry") { db in
            RegistryHistory(
                models: try Row.fetchAll(db, sql: "SELECT id, description, policy FROM models ORDER BY id").map {
                    ModelRecord(id: $0[0], description: $0[1], policy: $0[2])
                },
                versions: try Self.versions(db, sql: "SELECT \(RegistrySchema.versionColumns) FROM model_versions ORDER BY model, version"),
                aliasMoves: try Self.moves(db, sql: "SELECT \(RegistrySchema.moveColumns) FROM alias_moves ORDER BY sequence"),
                requests: try Self.requests(db, sql: "SELECT \(RegistrySchema.requestColumns) FROM approvals ORDER BY id"),
                decisions: try Self.decisions(db, sql: "SELECT \(RegistrySchema.decisionColumns) FROM decisions ORDER BY sequence"))
        }
    }

    public func versions(model: String, limit: Int?) throws -> [ModelVersion] {
        try read("read versions of \(model)") { db in
            let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            return try Self.versions(
                db, sql: "SELECT \(RegistrySchema.versionColumns) FROM model_versions WHERE model = ? ORDER BY version DESC\(limitClause)",
                arguments: [model])
        }
    }

    public func aliasHistory(model: String) throws -> [AliasMove] {
        try read("read alias history of \(model)") { db in
            try Self.moves(db, sql: "SELECT \(RegistrySchema.moveColumns) FROM alias_moves WHERE model = ? ORDER BY sequence",
                           arguments: [model])
        }
    }

    public func aliasAt(model: String, alias: String, time: SimTime) throws -> Int? {
        try read("read alias \(alias) of \(model)") { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT version FROM alias_moves WHERE model = ? AND alias = ? AND at <= ?
                ORDER BY at DESC, sequence DESC LIMIT 1
                """, arguments: [model, alias, time.milliseconds])
            return row.flatMap { $0[0] as Int? }
        }
    }

    public func decisions(model: String, version: Int) throws -> [Decision] {
        try read("read decisions of \(model) v\(version)") { db in
            try Self.decisions(db, sql: "SELECT \(RegistrySchema.decisionColumns) FROM decisions WHERE model = ? AND version = ? ORDER BY sequence",
                               arguments: [model, version])
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }

    // MARK: - Rows

    private static func versions(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [ModelVersion] {
        var result: [ModelVersion] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let runtime = RuntimeEnvironment(flightdeckVersion: row[13], swiftVersion: row[14], os: row[15])
            let lineage = Lineage(run: (row[6] as Int64?).map(RunID.init), step: row[7], datasetHash: row[8], datasetRows: row[9],
                                  params: try RegistryJSON.decode([ParamBinding].self, row[10]), codeVersion: row[12], runtime: runtime)
            let artifactPath: String? = row[16]
            let artifact = artifactPath.map { ModelArtifact(path: $0, sha256: row[17] ?? "", size: row[18] ?? 0) }
            result.append(ModelVersion(
                model: row[0], version: row[1], description: row[2], tags: try RegistryJSON.decode([String].self, row[3]),
                state: try value(VersionState.self, row[4], column: "model_versions.state"), stateNote: row[5],
                lineage: lineage, metrics: try RegistryJSON.decode([MetricValue].self, row[11]), artifact: artifact,
                artifactDroppedAt: (row[19] as Int64?).map(SimTime.init(milliseconds:)), createdAt: SimTime(milliseconds: row[20])))
        }
        return result
    }

    private static func moves(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [AliasMove] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            AliasMove(sequence: $0[0], model: $0[1], alias: $0[2], version: $0[3], at: SimTime(milliseconds: $0[4]), by: $0[5], reason: $0[6])
        }
    }

    private static func requests(_ db: Database, sql: String) throws -> [ApprovalRequest] {
        try Row.fetchAll(db, sql: sql).map {
            ApprovalRequest(id: $0[0], model: $0[1], version: $0[2], requestedAt: SimTime(milliseconds: $0[3]),
                            deadline: ($0[4] as Int64?).map(SimTime.init(milliseconds:)),
                            onTimeout: try value(TimeoutDecision.self, $0[5], column: "approvals.on_timeout"),
                            approvalsNeeded: $0[6], policy: $0[7], evidence: try RegistryJSON.decode([EvidenceItem].self, $0[8]))
        }
    }

    private static func decisions(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Decision] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            Decision(sequence: $0[0], request: $0[1], model: $0[2], version: $0[3], approve: $0[4],
                     kind: try value(DecisionKind.self, $0[5], column: "decisions.kind"),
                     identity: DecisionIdentity(user: $0[6], sshClient: $0[7], wallTime: $0[8]),
                     reason: $0[9], evidence: try RegistryJSON.decode([EvidenceItem].self, $0[10]), at: SimTime(milliseconds: $0[11]))
        }
    }

    private static func value<T: RawRepresentable>(_ type: T.Type, _ text: String, column: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw StoreError(path: "", operation: "decode", message: "unknown value '\(text)' in \(column)")
        }
        return value
    }
}

/// Lists inside registry rows as JSON text (keys sorted; non-finite numbers
/// as the strings `nan`, `inf`, `-inf`).
enum RegistryJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One decoder for every read (configuring a new one per column cost
    /// more than the decoding itself).
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
