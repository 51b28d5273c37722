import ArgumentParser
import Engine
import Foundation
import TUICore

/// Delivers a state-changing command: applied by this process on its own
/// engine when the state directory is free, else submitted through the
/// command channel to the engine holding it (the control room, a `run`),
/// waiting up to 10 s for its result.
enum CommandDelivery {
    /// How long the CLI waits for the running engine's result.
    static let waitMilliseconds = 10_000

    /// Opens the engine and calls `local` with it; when a running engine
    /// holds the state directory, submits `command` to it instead and
    /// reports its result (exit 0 applied or unchanged, 2 rejected or
    /// invalid, 1 when no result came in time).
    static func deliver(_ command: EngineCommand, workspace: Workspace, user: String, local: (OpenEngine) throws -> Void) throws {
        try refuseIfReadOnly(command, workspace: workspace)
        let opened: OpenEngine
        do {
            opened = try workspace.openEngine(persist: true)
        } catch StateDirectoryError.locked(_, let pid, _) {
            try submit(command, workspace: workspace, user: user, enginePID: pid)
            return
        } catch {
            FileHandle.standardError.write(Data("flightdeck: \(error)\n".utf8))
            throw ExitCode(2)
        }
        defer { opened.shutdown() }
        try local(opened)
    }

    /// Delivers `command`; without a running engine applies it here and
    /// prints its result the same way (exit 2 when refused or when the
    /// store could not be written).
    static func deliver(_ command: EngineCommand, workspace: Workspace, user: String) throws {
        try deliver(command, workspace: workspace, user: user) { opened in
            let result = opened.engine.apply(command, origin: OperatorIdentity.origin(.cli, user: user, readOnly: workspace.readOnly))
            guard result.outcome != .rejected else { throw cliFailure(result.message) }
            print(TextSanitizer.clean(result.message))
            let snapshot = opened.engine.snapshot()
            if let error = snapshot.storeError ?? snapshot.registryStoreError ?? snapshot.servingStoreError
                ?? snapshot.monitoringStoreError { throw cliFailure(error) }
        }
    }

    /// With `--read-only`, refuses `command` before it reaches any engine:
    /// the message on standard error, exit 2.
    static func refuseIfReadOnly(_ command: EngineCommand, workspace: Workspace) throws {
        guard workspace.readOnly else { return }
        throw cliFailure("refused: read-only session: \(command.auditSummary.action) needs the \(command.requiredRight.rawValue) right "
            + "and this command was started with --read-only; nothing was sent")
    }

    /// Submits through the channel, waits, prints the result.
    static func submit(_ command: EngineCommand, workspace: Workspace, user: String, enginePID: Int32) throws {
        let channel = CommandChannel(databasePath: workspace.statePath + "/" + StateDirectory.databaseFileName)
        let id = try userFacing { try channel.submit(command, origin: OperatorIdentity.origin(.channel, user: user, readOnly: workspace.readOnly)) }
        // Unbuffered, so a script sees it while the CLI waits.
        FileHandle.standardOutput.write(Data("submitted as command \(id) to the running engine (pid \(enginePID)); waiting...\n".utf8))
        guard let outcome = try userFacing({ try channel.waitForResult(id: id, timeoutMilliseconds: waitMilliseconds) }) else {
            FileHandle.standardError.write(Data(("flightdeck: no result from the running engine (pid \(enginePID)) within \(waitMilliseconds / 1000) s; "
                + "command \(id) stays queued and is applied when an engine on this state directory next reads its command channel\n").utf8))
            throw ExitCode(1)
        }
        switch outcome.state {
        case .applied, .unchanged:
            print(TextSanitizer.clean(outcome.message))
        case .rejected, .invalid, .pending:
            throw cliFailure(outcome.message)
        }
    }
}
