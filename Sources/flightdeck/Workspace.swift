import ArgumentParser
import Engine
import Foundation

/// The project a command works on, and where its state lives.
struct Workspace {
    /// The validated project.
    let spec: ProjectSpec
    /// The project file, or nil for the embedded demo.
    let projectFile: String?
    /// The state directory's path.
    let statePath: String
    /// `--read-only`: every state-changing action is refused.
    var readOnly = false

    /// Loads the project named by the options (`--project`, else
    /// `./flightdeck.yaml`, else the embedded demo). Errors are printed with
    /// file:line:col and end the command with status 2.
    static func load(_ options: ProjectOptions, builtins: BuiltinRegistry = .standard) throws -> Workspace {
        let cwd = FileManager.default.currentDirectoryPath
        let file: String?
        if let project = options.project {
            file = project
        } else if FileManager.default.fileExists(atPath: cwd + "/" + EmbeddedDemo.fileName) {
            file = EmbeddedDemo.fileName
        } else {
            file = nil
        }
        let result = file.map { ProjectLoader.load(path: $0, builtins: builtins.names) } ?? ProjectLoader.embeddedDemo(builtins: builtins.names)
        switch result {
        case .success(let spec):
            let statePath = options.state ?? file.map { StateDirectory.defaultPath(forProjectFile: $0) } ?? (cwd + "/" + StateDirectory.defaultName)
            return Workspace(spec: spec, projectFile: file, statePath: statePath, readOnly: options.readOnly)
        case .failure(let errors):
            printErrors(errors)
            throw ExitCode(2)
        }
    }

    static func printErrors(_ errors: ProjectErrors) {
        var text = errors.errors.map(\.description).joined(separator: "\n")
        text += "\n\(errors.count) error\(errors.count == 1 ? "" : "s"); nothing was started.\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Where shell steps run: the project's directory, or `work/` in the
    /// state directory for the embedded demo.
    func workingDirectory() throws -> String {
        if let directory = spec.directory { return directory }
        let work = statePath + "/work"
        // Shared with the state directory's group when the team shares it.
        let shared = StateDirectory.fileMode(forDirectory: statePath) == 0o660
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: shared ? 0o2770 : 0o700])
        return work
    }

    /// An engine on this project with real shell steps. With `persist`, the
    /// state directory is opened and locked (one engine per directory) and
    /// the run history resumes from it; otherwise the history lives in
    /// memory only.
    func openEngine(persist: Bool, seed: UInt64? = nil, speed: SimSpeed = .realTime) throws -> OpenEngine {
        var directory: StateDirectory?
        var store: (any RunStore)?
        var registryStore: (any RegistryStore)?
        var servingStore: (any ServingStore)?
        var monitoringStore: (any MonitoringStore)?
        var channel: CommandChannel?
        if persist {
            let opened = try StateDirectory(path: statePath)
            for warning in opened.warnings {
                FileHandle.standardError.write(Data("flightdeck: warning: \(warning)\n".utf8))
            }
            directory = opened
            let runStore = try SQLiteRunStore(directory: opened)
            store = runStore
            registryStore = SQLiteRegistryStore(sharing: runStore)
            servingStore = SQLiteServingStore(sharing: runStore)
            monitoringStore = SQLiteMonitoringStore(sharing: runStore)
            channel = CommandChannel(sharing: runStore)
        }
        var configuration = EngineConfiguration(projectName: spec.name, seed: seed ?? spec.seed, initialSpeed: speed)
        configuration.runtime = RuntimeProbe.current
        let shell = ProcessShellLauncher()
        let work = try workingDirectory()
        let engine = try Engine(
            configuration: configuration, project: spec, store: store,
            shell: shell, artifactHasher: FileArtifactHasher(),
            workingDirectory: work,
            registryStore: registryStore, artifactRemover: FileArtifactRemover(baseDirectory: work),
            servingStore: servingStore, monitoringStore: monitoringStore
        )
        engine.codeVersion = spec.directory.flatMap { CodeVersion.describe(directory: $0) }
        engine.groupResolver = { UnixGroups.resolve($0) }
        engine.wallClock = { OperatorIdentity.wallTime() }
        if let runStore = store as? SQLiteRunStore {
            engine.attachAuditSink(SQLiteAuditStore(sharing: runStore))
        }
        let live = (store as? SQLiteRunStore).map { LiveSnapshotStore(sharing: $0) }
        return OpenEngine(engine: engine, directory: directory, shell: shell, channelPoller: channel.map { ChannelPoller(channel: $0, live: live) })
    }

    /// The run history for reading, without taking the engine's lock (a
    /// running control room may hold it). Nil when there is none yet.
    func readHistory() throws -> (any RunStore)? {
        let database = statePath + "/" + StateDirectory.databaseFileName
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        return try SQLiteRunStore(path: database, readOnly: true)
    }
}

/// An engine and the locked state directory it writes to (kept open, and so
/// locked, for as long as this value lives).
struct OpenEngine {
    let engine: Engine
    let directory: StateDirectory?
    let shell: ProcessShellLauncher
    /// Applies commands other processes submit through the state directory's
    /// command channel (nil when the history lives in memory only).
    let channelPoller: ChannelPoller?

    /// Applies the channel's pending commands when the last look was at
    /// least `ChannelPoller.intervalNanoseconds` ago (or with `force`); returns how many were handled.
    @discardableResult
    func pollChannel(force: Bool = false) -> Int {
        channelPoller?.poll(engine, force: force) ?? 0
    }

    /// Ends the shell steps still running; call before exiting.
    func shutdown() {
        shell.shutdown()
    }
}

/// Turns errors that are the user's to fix (a locked or unwritable state
/// directory, a store that cannot be read) into a message and status 2.
func userFacing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("flightdeck: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
