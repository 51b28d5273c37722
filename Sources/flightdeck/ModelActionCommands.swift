import ArgumentParser
import Engine
import Foundation

/// Applies one registry command on an engine holding the state directory
/// (or, when a running engine holds it, submits it through the command
/// channel), prints the result, and exits 0 when it was applied or changed
/// nothing, 2 when it was refused. Unknown models fail before the engine is
/// opened; `model` is nil for commands on every model.
enum RegistryCommandRunner {
    static func run(_ options: ProjectOptions, model: String?, _ command: (String) -> EngineCommand) throws {
        let workspace = try Workspace.load(options)
        if let model { try workspace.requireModel(model, in: try userFacing { try workspace.readRegistry() }) }
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(command(user), workspace: workspace, user: user)
    }
}

/// `flightdeck approve MODEL VERSION --reason TEXT`.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a version's pending approval request (recorded with your login, SSH client, the time and the metrics compared)."
    )

    @Argument(help: "The model id.") var model: String
    @Argument(help: "The version number.") var version: Int
    @Option(name: .long, help: "Why (required).") var reason: String
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try RegistryCommandRunner.run(options, model: model) { user in
            .approve(model: model, version: version, reason: reason, identity: OperatorIdentity.decisionIdentity(user: user))
        }
    }
}

/// `flightdeck reject MODEL VERSION --reason TEXT`.
struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a version's pending approval request (recorded with your login, SSH client, the time and the metrics compared)."
    )

    @Argument(help: "The model id.") var model: String
    @Argument(help: "The version number.") var version: Int
    @Option(name: .long, help: "Why (required).") var reason: String
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try RegistryCommandRunner.run(options, model: model) { user in
            .reject(model: model, version: version, reason: reason, identity: OperatorIdentity.decisionIdentity(user: user))
        }
    }
}

/// `flightdeck alias MODEL ALIAS VERSION [--reason TEXT]`.
struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Point an alias of a model at a version; moving champion promotes an approved version to production."
    )

    @Argument(help: "The model id.") var model: String
    @Argument(help: "The alias, e.g. champion or challenger.") var alias: String
    @Argument(help: "The version number.") var version: Int
    @Option(name: .long, help: "Why (recorded in the alias history).") var reason: String = "set from the command line"
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try RegistryCommandRunner.run(options, model: model) { user in
            .moveAlias(model: model, alias: alias, version: version, by: user, reason: reason)
        }
    }
}

/// `flightdeck archive MODEL VERSION`.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive a version: it keeps its record and artifact, and is refused while it holds an alias."
    )

    @Argument(help: "The model id.") var model: String
    @Argument(help: "The version number.") var version: Int
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try RegistryCommandRunner.run(options, model: model) { user in
            .archive(model: model, version: version, by: user)
        }
    }
}

/// `flightdeck cleanup`: apply every model's retention rules now.
struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Apply the models' retention rules now (as their cleanup schedule does): keep the last N versions without an alias, drop old artifact files; aliased, approved, production and pending versions are never touched."
    )

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try RegistryCommandRunner.run(options, model: nil) { user in .cleanupRegistry(by: user) }
    }
}
