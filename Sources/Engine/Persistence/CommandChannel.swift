import Foundation
import GRDB
import SimKernel

/// Where a command submitted through the ``CommandChannel`` stands.
public enum ChannelCommandState: String, Sendable, Hashable, Codable {
    /// Submitted, not yet taken by the engine.
    case pending
    /// Applied and it changed something.
    case applied
    /// Applied; there was nothing to change.
    case unchanged
    /// Refused by the engine; the result says why.
    case rejected
    /// The payload did not decode as an ``EngineCommand``; the result holds
    /// the decoding error.
    case invalid
}

/// The engine's answer to a submitted command, as read back by the submitter.
public struct CommandOutcome: Sendable, Hashable {
    /// The command's id in the channel.
    public var id: Int64
    /// Where it stands.
    public var state: ChannelCommandState
    /// The engine's message (empty while pending).
    public var message: String
    /// The simulated time the engine handled it at (nil while pending).
    public var handledAt: SimTime?

    /// An outcome with the given fields.
    public init(id: Int64, state: ChannelCommandState, message: String, handledAt: SimTime?) {
        self.id = id
        self.state = state
        self.message = message
        self.handledAt = handledAt
    }
}

/// A pending row of the channel as the engine reads it.
public struct ChannelCommand: Sendable, Hashable {
    /// The decoded command, or why its payload did not decode.
    public enum Payload: Sendable, Hashable {
        /// A well-formed command.
        case command(EngineCommand)
        /// The payload text and the decoding error.
        case undecodable(payload: String, error: String)
    }

    /// The command's id (the order the engine applies commands in).
    public var id: Int64
    /// Who submitted it (login name).
    public var submitter: String
    /// The submitter's wall-clock time, as given.
    public var submittedWall: String
    /// The command.
    public var payload: Payload
    /// Who submitted it and from where, with source ``CommandSource/channel``
    /// (rows from before migration 6, or whose origin does not decode: the
    /// submitter and wall time alone).
    public var origin: CommandOrigin

    /// A pending command with the given fields.
    public init(id: Int64, submitter: String, submittedWall: String, payload: Payload, origin: CommandOrigin? = nil) {
        self.id = id
        self.submitter = submitter
        self.submittedWall = submittedWall
        self.payload = payload
        self.origin = origin ?? CommandOrigin(user: submitter, source: .channel, wallTime: submittedWall)
    }
}

/// The command channel: while one engine holds a state directory, other
/// processes (the CLI, a second operator) insert commands into the
/// `commands` table of its `state.db`; the engine applies them in id order
/// through ``Engine/apply(_:)`` and records each result, which the
/// submitter polls for.
///
/// A submitter's channel (``init(databasePath:)``) opens a short-lived
/// connection for each call, so it works while another process holds the
/// lock and the database (WAL mode; writers wait up to 5 s for each other).
/// The engine's channel shares its run store's pool (``init(sharing:)``).
/// Payloads are JSON of the ``EngineCommand`` with sorted keys.
public final class CommandChannel: Sendable {
    private enum Connection: Sendable {
        case path(String)
        case shared(DatabasePool)
    }

    /// The database file.
    public let path: String
    private let connection: Connection

    /// A submitter's channel on the `state.db` at `databasePath` (created and
    /// migrated when missing).
    public init(databasePath: String) {
        path = databasePath
        connection = .path(databasePath)
    }

    /// The engine's channel, on its run store's (already migrated) pool.
    public init(sharing store: SQLiteRunStore) {
        path = store.path
        connection = .shared(store.pool)
    }

    // MARK: - Payloads

    /// The command as the channel stores it: JSON with sorted keys, so the
    /// same command always gives the same text.
    public static func encode(_ command: EngineCommand) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(command), as: UTF8.self)
    }

    /// The command a payload holds; throws the decoding error.
    public static func decode(_ payload: String) throws -> EngineCommand {
        try JSONDecoder().decode(EngineCommand.self, from: Data(payload.utf8))
    }

    // MARK: - Submitter side

    /// Queues a command for the engine holding the state directory; returns
    /// its id.
    @discardableResult
    public func submit(_ command: EngineCommand, submitter: String, wallTime: String) throws -> Int64 {
        try submit(command, origin: CommandOrigin(user: submitter, source: .channel, wallTime: wallTime))
    }

    /// Queues a command on behalf of `origin` (stored with source
    /// ``CommandSource/channel``); returns its id.
    @discardableResult
    public func submit(_ command: EngineCommand, origin: CommandOrigin) throws -> Int64 {
        let payload = try Self.encode(command)
        var stored = origin
        stored.source = .channel
        let originText = try Self.encodeOrigin(stored)
        return try write("submit a command") { db in
            try db.execute(
                sql: "INSERT INTO commands (submitted_wall, submitter, payload, state, origin) VALUES (?, ?, ?, 'pending', ?)",
                arguments: [stored.wallTime ?? "", stored.user, payload, originText])
            return db.lastInsertedRowID
        }
    }

    private static func encodeOrigin(_ origin: CommandOrigin) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(origin), as: UTF8.self)
    }

    /// The command's outcome now; nil when there is no such command.
    public func outcome(id: Int64) throws -> CommandOutcome? {
        try read("read command \(id)") { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT state, result, applied_sim_ms FROM commands WHERE id = ?", arguments: [id]) else { return nil }
            let stateText: String = row[0]
            let state = ChannelCommandState(rawValue: stateText) ?? .invalid
            let message: String? = row[1]
            let milliseconds: Int64? = row[2]
            return CommandOutcome(id: id, state: state, message: message ?? "", handledAt: milliseconds.map { SimTime(milliseconds: $0) })
        }
    }

    /// Polls every 50 ms until the engine has handled the command; nil when
    /// it is still pending after `timeoutMilliseconds` (it stays queued).
    /// - Throws: when the database cannot be read or there is no such command.
    public func waitForResult(id: Int64, timeoutMilliseconds: Int) throws -> CommandOutcome? {
        let polls = max(0, timeoutMilliseconds) / 50
        var poll = 0
        while true {
            guard let outcome = try outcome(id: id) else {
                throw StoreError(path: path, operation: "wait for command \(id)", underlying: CommandChannelError.noSuchCommand(id))
            }
            if outcome.state != .pending { return outcome }
            if poll >= polls { return nil }
            poll += 1
            usleep(50_000)
        }
    }

    // MARK: - Engine side

    /// The pending commands in id order, decoded (a payload that does not
    /// decode comes back as ``ChannelCommand/Payload/undecodable(payload:error:)``).
    public func pendingCommands() throws -> [ChannelCommand] {
        try read("read pending commands") { db in
            try Row.fetchAll(
                db, sql: "SELECT id, submitter, submitted_wall, payload, origin FROM commands WHERE state = 'pending' ORDER BY id"
            ).map { row in
                let originText: String? = row[4]
                var origin = originText.flatMap { try? JSONDecoder().decode(CommandOrigin.self, from: Data($0.utf8)) }
                origin?.source = .channel
                let payloadText: String = row[3]
                let payload: ChannelCommand.Payload
                do {
                    payload = .command(try Self.decode(payloadText))
                } catch {
                    payload = .undecodable(payload: payloadText, error: Self.describe(error))
                }
                return ChannelCommand(id: row[0], submitter: row[1], submittedWall: row[2], payload: payload, origin: origin)
            }
        }
    }

    /// Records what applying a pending command did.
    public func recordResult(id: Int64, result: CommandResult, at time: SimTime) throws {
        let state: ChannelCommandState = switch result.outcome {
        case .applied: .applied
        case .unchanged: .unchanged
        case .rejected: .rejected
        }
        try record(id: id, state: state, message: result.message, at: time)
    }

    /// Records a pending command whose payload did not decode as invalid.
    public func recordInvalid(id: Int64, error: String, at time: SimTime) throws {
        try record(id: id, state: .invalid, message: error, at: time)
    }

    private func record(id: Int64, state: ChannelCommandState, message: String, at time: SimTime) throws {
        try write("record the result of command \(id)") { db in
            try db.execute(
                sql: "UPDATE commands SET state = ?, result = ?, applied_sim_ms = ? WHERE id = ? AND state = 'pending'",
                arguments: [state.rawValue, message, time.milliseconds, id])
        }
    }

    // MARK: - Connections

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            switch connection {
            case .shared(let pool):
                return try pool.write(body)
            case .path(let path):
                let queue = try Self.openQueue(path)
                defer { try? queue.close() }
                return try queue.write(body)
            }
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            switch connection {
            case .shared(let pool):
                return try pool.read(body)
            case .path(let path):
                let queue = try Self.openQueue(path)
                defer { try? queue.close() }
                return try queue.read(body)
            }
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }

    private static func openQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "flightdeck.channel"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try RunHistorySchema.migrator.migrate(queue)
        return queue
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context),
             DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "payload does not decode as a command: \(context.debugDescription)" + (path.isEmpty ? "" : " (at \(path))")
        default:
            return "payload does not decode as a command: \(error)"
        }
    }
}

/// Errors of the command channel itself.
public enum CommandChannelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No command with this id in the channel.
    case noSuchCommand(Int64)

    public var description: String {
        switch self {
        case .noSuchCommand(let id): "no command \(id) in the command channel"
        }
    }
}

extension Engine {
    /// Applies the channel's pending commands in id order through
    /// ``apply(_:origin:)`` (validated, access checked, audited) and records
    /// each result. A malformed command (``EngineCommand/validationProblem``)
    /// and a payload that does not decode are recorded `invalid`, logged as
    /// a `command-rejected` event and audited with result `invalid`; returns
    /// how many it handled.
    /// When the channel cannot be read or written, the error is reported in
    /// ``storeError`` and the rest waits for the next call. A command's
    /// result is recorded (acknowledged) only once its changes are written:
    /// while a store write fails, the result is kept in memory and recorded,
    /// without applying the command again, on a later call.
    @discardableResult
    public func applyPendingChannelCommands(from channel: CommandChannel) -> Int {
        let pending: [ChannelCommand]
        do {
            pending = try channel.pendingCommands()
        } catch {
            storeError = "command channel: \(error)"
            return 0
        }
        var handled = 0
        for entry in pending {
            do {
                switch entry.payload {
                case .command(let command):
                    let result = unrecordedChannelResults[entry.id] ?? apply(command, origin: entry.origin)
                    unrecordedChannelResults[entry.id] = result
                    // Acknowledge only what is stored: while the command's
                    // changes cannot be written (a full disk), its result
                    // waits, and so do the commands after it.
                    guard flushPendingWrites() else { return handled }
                    if command.validationProblem != nil {
                        // Malformed: apply(_:origin:) refused, logged and audited it.
                        try channel.recordInvalid(id: entry.id, error: result.message, at: now)
                    } else {
                        try channel.recordResult(id: entry.id, result: result, at: now)
                    }
                    unrecordedChannelResults[entry.id] = nil
                case .undecodable(let payload, let error):
                    let message = CommandText.shown(error, limit: CommandLimits.reasonLength)
                    record(.commandRejected, "rejected command \(entry.id) from \(CommandText.shown(entry.origin.user, limit: 40)): \(message)")
                    recordInvalidAudit(origin: entry.origin, summary: ("undecodable", "command \(entry.id)", nil),
                                       message: message + " (payload of \(payload.utf8.count) bytes)")
                    try channel.recordInvalid(id: entry.id, error: message, at: now)
                }
                handled += 1
            } catch {
                storeError = "command channel: \(error)"
                return handled
            }
        }
        return handled
    }
}
