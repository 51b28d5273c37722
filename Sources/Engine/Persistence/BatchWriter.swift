import GRDB

/// Writes the changes of one `append` inside its transaction. Each kind of
/// change has one prepared statement, looked up in the connection's cache
/// the first time the batch needs it and rebound for every change after.
struct BatchWriter {
    let db: Database
    private var run: Statement?
    private var step: Statement?
    private var attempt: Statement?
    private var log: Statement?
    private var artifact: Statement?
    private var meta: Statement?

    init(db: Database) {
        self.db = db
    }

    mutating func write(_ change: RunChange) throws {
        switch change {
        case .run(let record):
            try statement(&run, RunHistorySchema.upsertRun).execute(arguments: [
                record.id.value, record.pipeline, record.number, record.state.rawValue, record.reason,
                record.trigger, try ParamsJSON.encode(record.params), record.codeVersion,
                record.queuedAt.milliseconds, record.startedAt?.milliseconds, record.endedAt?.milliseconds,
            ])
        case .step(let record):
            try statement(&step, RunHistorySchema.upsertStep).execute(arguments: [
                record.run.value, record.step, record.state.rawValue, record.reason, record.attempts,
            ])
        case .attempt(let record):
            try statement(&attempt, RunHistorySchema.upsertAttempt).execute(arguments: [
                record.key.run.value, record.key.step, record.key.attempt, record.state.rawValue,
                record.startedAt.milliseconds, record.endedAt?.milliseconds, record.exitCode, record.reason,
            ])
        case .log(let line):
            try statement(&log, RunHistorySchema.insertLog).execute(arguments: [
                line.key.run.value, line.key.step, line.key.attempt, line.sequence, line.time.milliseconds,
                line.realOffsetMilliseconds, line.stream.rawValue, line.text,
            ])
        case .artifact(let record):
            try statement(&artifact, RunHistorySchema.insertArtifact).execute(arguments: [
                record.key.run.value, record.key.step, record.key.attempt, record.path, record.sha256,
                record.size, record.time.milliseconds,
            ])
        case let .meta(key, value):
            try statement(&meta, RunHistorySchema.upsertMeta).execute(arguments: [key, value])
        }
    }

    private func statement(_ slot: inout Statement?, _ sql: String) throws -> Statement {
        if let statement = slot { return statement }
        let statement = try db.cachedStatement(sql: sql)
        slot = statement
        return statement
    }
}
