import ArgumentParser
import TUICore
import Engine
import Foundation

/// `flightdeck rollout ...`: the deployments' rollouts, headless.
struct RolloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Show and steer the deployments' rollouts (status, promote, abort, pause, resume, retry, weight, history, bandit arms).",
        subcommands: [RolloutStatusCommand.self, RolloutActionCommand.Promote.self, RolloutActionCommand.Abort.self,
                      RolloutActionCommand.Pause.self, RolloutActionCommand.Resume.self, RolloutActionCommand.Retry.self,
                      RolloutWeightCommand.self, RolloutHistoryCommand.self, RolloutArmCommand.self]
    )
}

extension Workspace {
    /// Fails with status 2 and the known deployments when `id` is unknown.
    func requireDeployment(_ id: String) throws {
        guard spec.deployment(id) == nil else { return }
        let known = spec.deployments.map(\.id)
        let hint = DidYouMean.suggestion(for: id, among: known).map { "did you mean '\($0)'? " } ?? ""
        throw cliFailure("unknown deployment '\(id)'; \(hint)known: \(known.isEmpty ? "none (add deployments: to the project file)" : known.joined(separator: ", "))")
    }

    /// The deployments as the running engine shows them now (asked for a
    /// fresh snapshot; what it last published when it does not answer), or
    /// (with no engine running) as an engine opened on the state directory
    /// sees them.
    func deploymentStatus() throws -> (at: SimTime, deployments: [DeploymentSummary], live: Bool) {
        do {
            let opened = try openEngine(persist: true)
            defer { opened.shutdown() }
            let snapshot = opened.engine.snapshot(recentEventLimit: 0, recentRunLimit: 0)
            return (snapshot.now, snapshot.deployments, false)
        } catch StateDirectoryError.locked {
            if let live = (try? liveSnapshot()) ?? nil {
                return (live.snapshot.now, live.snapshot.deployments, true)
            }
            let store = try userFacing { try SQLiteServingStore(readingDatabaseAt: statePath + "/" + StateDirectory.databaseFileName) }
            guard let published = try userFacing({ try store.publishedStatus() }) else {
                throw cliFailure("the running engine has not published its deployments' status yet; try again in a second")
            }
            return (published.at, published.deployments, true)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw cliFailure("\(error)")
        }
    }
}

/// `flightdeck rollout status [DEPLOYMENT] [--json]`.
struct RolloutStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each deployment's strategy, step, state and reason, traffic split and per-version figures; with a deployment, also its plan, analysis and changes."
    )

    @Argument(help: "One deployment (default: all).") var deployment: String?
    @Flag(name: .long, help: "JSON instead of text.") var json = false
    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        if let deployment { try workspace.requireDeployment(deployment) }
        let status = try workspace.deploymentStatus()
        let shown = status.deployments.filter { deployment == nil || $0.id == deployment }
        if json {
            print(try JSONOutput.encode(RolloutStatusJSON(time: status.at.clockLabel, live: status.live, deployments: shown)))
            return
        }
        if shown.isEmpty {
            print("no deployments (add a deployments: section to the project file; see docs/project-file.md)")
            return
        }
        print("as of \(status.at.clockLabel)\(status.live ? " (published by the running engine)" : "")")
        for summary in shown {
            print("")
            print(RolloutStatusText.render(summary, detailed: deployment != nil))
        }
    }
}

/// The JSON of `rollout status`.
struct RolloutStatusJSON: Encodable {
    let time: String
    let live: Bool
    let deployments: [DeploymentSummary]
}

/// The rollout commands that take only a deployment (and a reason).
enum RolloutActionCommand {
    static func deliver(_ options: ProjectOptions, deployment: String, action: RolloutAction, reason: String?) throws {
        let workspace = try Workspace.load(options)
        try workspace.requireDeployment(deployment)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.rollout(deployment: deployment, action: action, reason: reason,
                                             identity: OperatorIdentity.decisionIdentity(user: user)),
                                    workspace: workspace, user: user)
    }

    /// `flightdeck rollout promote DEPLOYMENT [--full] [--reason TEXT]`.
    struct Promote: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "promote",
            abstract: "Go to the next step of the plan (at an approval gate, --reason records the candidate's approval); --full skips to all traffic on the candidate."
        )
        @Argument(help: "The deployment id.") var deployment: String
        @Flag(name: .long, help: "Promote fully: the candidate takes all traffic now.") var full = false
        @Option(name: .long, help: "Why (required at an approval gate).") var reason: String?
        @OptionGroup var options: ProjectOptions
        func run() throws {
            try RolloutActionCommand.deliver(options, deployment: deployment, action: full ? .promoteFull : .promote, reason: reason)
        }
    }

    /// `flightdeck rollout abort DEPLOYMENT --reason TEXT`.
    struct Abort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "abort",
            abstract: "Roll back to the stable version and stop the rollout."
        )
        @Argument(help: "The deployment id.") var deployment: String
        @Option(name: .long, help: "Why (required).") var reason: String
        @OptionGroup var options: ProjectOptions
        func run() throws {
            try RolloutActionCommand.deliver(options, deployment: deployment, action: .abort, reason: reason)
        }
    }

    /// `flightdeck rollout pause DEPLOYMENT`.
    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "Hold the rollout at its current step.")
        @Argument(help: "The deployment id.") var deployment: String
        @OptionGroup var options: ProjectOptions
        func run() throws {
            try RolloutActionCommand.deliver(options, deployment: deployment, action: .pause, reason: nil)
        }
    }

    /// `flightdeck rollout resume DEPLOYMENT`.
    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused rollout.")
        @Argument(help: "The deployment id.") var deployment: String
        @OptionGroup var options: ProjectOptions
        func run() throws {
            try RolloutActionCommand.deliver(options, deployment: deployment, action: .resume, reason: nil)
        }
    }

    /// `flightdeck rollout retry DEPLOYMENT`.
    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Start an aborted or rolled-back rollout again from its first step.")
        @Argument(help: "The deployment id.") var deployment: String
        @OptionGroup var options: ProjectOptions
        func run() throws {
            try RolloutActionCommand.deliver(options, deployment: deployment, action: .retry, reason: nil)
        }
    }
}

/// `flightdeck rollout weight DEPLOYMENT PERCENT`.
struct RolloutWeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "Set the candidate's share of live traffic, within the bounds the strategy allows."
    )
    @Argument(help: "The deployment id.") var deployment: String
    @Argument(help: "The candidate's percent of live traffic, 0-100.") var percent: Int
    @OptionGroup var options: ProjectOptions

    func run() throws {
        guard (0...100).contains(percent) else { throw cliFailure("weight \(percent): expected a percent from 0 to 100") }
        let workspace = try Workspace.load(options)
        try workspace.requireDeployment(deployment)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.setRolloutWeight(deployment: deployment, percent: percent, by: user), workspace: workspace, user: user)
    }
}

/// `flightdeck rollout arm DEPLOYMENT VERSION pin|freeze|release`.
struct RolloutArmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arm",
        abstract: "Pin a bandit arm (it gets all traffic), freeze it (its share is held while the others adapt) or release it."
    )
    @Argument(help: "The deployment id.") var deployment: String
    @Argument(help: "The arm's version number.") var version: Int
    @Argument(help: "pin, freeze or release.") var hold: String
    @OptionGroup var options: ProjectOptions

    func run() throws {
        guard let armHold = BanditArmHold(rawValue: hold) else {
            throw cliFailure("'\(hold)': expected pin, freeze or release")
        }
        let workspace = try Workspace.load(options)
        try workspace.requireDeployment(deployment)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.banditArm(deployment: deployment, version: version, hold: armHold, by: user), workspace: workspace, user: user)
    }
}

/// `flightdeck rollout history DEPLOYMENT [--at TIME] [--json]`.
struct RolloutHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a deployment's traffic changes (time, split, why, who), oldest first; with --at, what was serving at that simulated time."
    )
    @Argument(help: "The deployment id.") var deployment: String
    @Option(name: .long, help: ArgumentHelp("A simulated time: 6h since the start, or \"d1 02:00:00\".", valueName: "TIME"))
    var at: String?
    @Flag(name: .long, help: "JSON instead of a table.") var json = false
    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        try workspace.requireDeployment(deployment)
        let database = workspace.statePath + "/" + StateDirectory.databaseFileName
        guard FileManager.default.fileExists(atPath: database) else {
            print("no traffic changes yet (no state in \(workspace.statePath))")
            return
        }
        let store = try userFacing { try SQLiteServingStore(readingDatabaseAt: database) }
        if let at {
            guard let time = SimTimeArgument.parse(at) else {
                throw cliFailure("--at \(at): expected a duration since the start such as 6h, or a clock such as \"d1 02:00:00\"")
            }
            let change = try userFacing { try store.trafficChange(deployment: deployment, at: time) }
            if json {
                print(try JSONOutput.encode(change.map { [$0] } ?? []))
            } else if let change {
                print("at \(time.clockLabel) \(deployment) served \(change.routing.splitText) "
                      + "(since \(change.time.clockLabel): \(TextSanitizer.clean(change.why)), by \(TextSanitizer.clean(change.who)))")
            } else {
                print("at \(time.clockLabel) \(deployment) served nothing yet")
            }
            return
        }
        let changes = try userFacing { try store.trafficChanges(deployment: deployment, limit: nil) }
        if json {
            print(try JSONOutput.encode(changes))
            return
        }
        guard !changes.isEmpty else {
            print("no traffic changes yet")
            return
        }
        var rows = [["TIME", "SPLIT", "WHO", "WHY"]]
        for change in changes {
            rows.append([change.time.clockLabel, change.routing.splitText, change.who, change.why].map { TextSanitizer.clean($0) })
        }
        print(TextTable.render(rows))
    }
}
