import Foundation
import GRDB

/// Turns rows of the run history tables back into records. Column lists and
/// decoders live side by side so they stay in step.
enum RowDecoding {
    static let runColumns = """
        id, pipeline, number, state, reason, "trigger", params, code_version, queued_at, started_at, ended_at
        """
    static let stepColumns = "run_id, step, state, reason, attempts"
    /// Qualified with `a.`: attempt queries join the steps table for ordering.
    static let attemptColumns = "a.run_id, a.step, a.attempt, a.state, a.started_at, a.ended_at, a.exit_code, a.reason"
    /// The text as a blob: GRDB reads text columns as C strings, which would
    /// cut a line at a NUL byte, and step output is arbitrary.
    static let logColumns = "run_id, step, attempt, sequence, time, real_offset_ms, stream, CAST(text AS BLOB)"
    static let artifactColumns = "run_id, step, attempt, path, sha256, size, time"

    static func runs(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [RunRecord] {
        var records: [RunRecord] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            records.append(RunRecord(
                id: RunID(row[0]), pipeline: row[1], number: row[2],
                state: try value(RunState.self, row[3], column: "runs.state"),
                reason: row[4], trigger: row[5],
                params: try decodeParams(row[6]),
                codeVersion: row[7],
                queuedAt: SimTime(milliseconds: row[8]),
                startedAt: time(row[9]), endedAt: time(row[10])))
        }
        return records
    }

    static func steps(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [StepRecord] {
        var records: [StepRecord] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            records.append(StepRecord(
                run: RunID(row[0]), step: row[1],
                state: try value(StepState.self, row[2], column: "steps.state"),
                reason: row[3], attempts: row[4]))
        }
        return records
    }

    static func attempts(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [StepAttemptRecord] {
        var records: [StepAttemptRecord] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            records.append(StepAttemptRecord(
                key: AttemptKey(run: RunID(row[0]), step: row[1], attempt: row[2]),
                state: try value(AttemptState.self, row[3], column: "attempts.state"),
                startedAt: SimTime(milliseconds: row[4]), endedAt: time(row[5]),
                exitCode: row[6], reason: row[7]))
        }
        return records
    }

    static func logs(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [LogLine] {
        var records: [LogLine] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            records.append(LogLine(
                key: AttemptKey(run: RunID(row[0]), step: row[1], attempt: row[2]),
                sequence: row[3], time: SimTime(milliseconds: row[4]), realOffsetMilliseconds: row[5],
                stream: try value(LogStream.self, row[6], column: "logs.stream"),
                text: String(decoding: row[7] as Data, as: UTF8.self)))
        }
        return records
    }

    static func artifacts(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [ArtifactRecord] {
        var records: [ArtifactRecord] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            records.append(ArtifactRecord(
                key: AttemptKey(run: RunID(row[0]), step: row[1], attempt: row[2]),
                path: row[3], sha256: row[4], size: row[5], time: SimTime(milliseconds: row[6])))
        }
        return records
    }

    private static func time(_ milliseconds: Int64?) -> SimTime? {
        milliseconds.map { SimTime(milliseconds: $0) }
    }

    private static func value<T: RawRepresentable>(_ type: T.Type, _ raw: String, column: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            throw StoreError(path: "", operation: "decode", message: "unknown value '\(raw)' in \(column)")
        }
        return value
    }

    private static func decodeParams(_ text: String) throws -> [ParamBinding] {
        do {
            return try ParamsJSON.decode(text)
        } catch {
            throw StoreError(path: "", operation: "decode", message: "runs.params is not a JSON list of parameters: \(text)")
        }
    }
}
