import ArgumentParser
import Engine
import Foundation

/// `flightdeck whoami [--json]`: the identity and rights the current user
/// has on this project, and the state directory's owner, mode and engine.
struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who you are to this project: login, groups, SSH client, each right allowed or refused and why, the state directory and its engine."
    )

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let user = OperatorIdentity.loginName()
        let report = WhoamiReport.make(
            user: user, uid: getuid(), groups: UnixGroups.resolve(user, fallback: OperatorIdentity.groupNames()),
            sshClient: OperatorIdentity.sshClient(), spec: workspace.spec, projectFile: workspace.projectFile,
            sessionReadOnly: workspace.readOnly, stateDirectory: StateDirectoryStatus.inspect(workspace.statePath))
        print(json ? report.json : report.text)
    }
}
