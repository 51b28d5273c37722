import ArgumentParser
import Engine
import Foundation
import Terminal
import TUICore

/// `flightdeck simulate --for DURATION`: the whole project headless, as fast
/// as the machine allows.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the project headless on simulated time as fast as possible and print the final state.",
        discussion: "Schedules fire, simulated steps run on simulated time and shell steps really run (simulated time waits for them). Nothing is stored unless --state is given."
    )

    @Option(name: .customLong("for"), help: ArgumentHelp("How much simulated time, e.g. 6h or 7d.", valueName: "DURATION"))
    var duration: String

    @Option(name: .long, help: "Root seed (default: the project's).")
    var seed: UInt64?

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let span: SimDuration
        do {
            span = try SimDuration(parsing: duration)
        } catch {
            FileHandle.standardError.write(Data("flightdeck: --for: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let workspace = try Workspace.load(options)
        let opened = try userFacing { try workspace.openEngine(persist: options.state != nil, seed: seed) }
        let engine = opened.engine
        NcursesTerminal.installSignalHandlers()
        engine.runUntilIdle(maxTime: engine.now + span, waitForShell: true) { _ in
            opened.pollChannel()
            return NcursesTerminal.pendingSignal != nil
        }
        opened.shutdown()
        if let signal = NcursesTerminal.pendingSignal {
            FileHandle.standardError.write(Data("flightdeck: interrupted at \(engine.now.clockLabel)\n".utf8))
            throw ExitCode(128 + signal)
        }
        let report = SimulationReport(engine: engine, spec: workspace.spec)
        print(json ? try JSONOutput.encode(report) : report.text())
        if let error = engine.snapshot().storeError {
            FileHandle.standardError.write(Data("flightdeck: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// The final state `simulate` prints.
struct SimulationReport: Encodable {
    struct Pipeline: Encodable {
        let id: String
        let runs: Int
        let succeeded: Int
        let failed: Int
        let cancelled: Int
        let active: Int
        let attempts: Int
        let retries: Int
        let lastRun: Int64?
        let lastState: String?
        let lastReason: String?
    }

    struct Deployment: Encodable {
        let id: String
        let strategy: String
        let mode: String
        let phase: String
        let stableVersion: Int?
        let candidateVersion: Int?
        let reason: String
        let split: String
        let requests: Int
        let errors: Int
        let replicaHours: Double
        let rollouts: RolloutTally
    }

    let project: String
    let seed: UInt64
    let simulatedMs: Int64
    let clock: String
    let pipelines: [Pipeline]
    let deployments: [Deployment]
    /// Every alert rule's final state.
    let alerts: [AlertSummary]
    /// The continuous-training stories, oldest first.
    let stories: [CTStory]

    init(engine: Engine, spec: ProjectSpec) {
        project = spec.name
        seed = engine.seed
        simulatedMs = engine.now.milliseconds
        clock = engine.now.clockLabel
        pipelines = spec.pipelines.map { pipeline in
            let runs = engine.runs(pipeline: pipeline.id)
            var attempts = 0, retries = 0
            for run in runs {
                for step in (try? engine.steps(run: run.id)) ?? [] {
                    attempts += step.attempts
                    retries += max(0, step.attempts - 1)
                }
            }
            return Pipeline(
                id: pipeline.id, runs: runs.count,
                succeeded: runs.filter { $0.state == .succeeded }.count,
                failed: runs.filter { $0.state == .failed }.count,
                cancelled: runs.filter { $0.state == .cancelled }.count,
                active: runs.filter { !$0.state.isFinal }.count,
                attempts: attempts, retries: retries,
                lastRun: runs.first?.id.value, lastState: runs.first?.state.rawValue, lastReason: runs.first?.reason
            )
        }
        let snapshot = engine.snapshot(recentEventLimit: 0, recentRunLimit: 0)
        alerts = snapshot.alerts
        stories = snapshot.stories
        deployments = snapshot.deployments.map { d in
            Deployment(id: d.id, strategy: d.strategy, mode: d.mode, phase: d.phase.rawValue, stableVersion: d.stableVersion,
                       candidateVersion: d.candidateVersion, reason: d.reason, split: d.routing.splitText,
                       requests: d.allVersions.requests, errors: d.allVersions.errors, replicaHours: d.allVersions.replicaHours,
                       rollouts: d.tally)
        }
    }

    func text() -> String {
        var rows = [["PIPELINE", "RUNS", "OK", "FAILED", "CANCELLED", "ACTIVE", "ATTEMPTS", "RETRIES", "LAST"]]
        for p in pipelines {
            let last = p.lastRun.map { "#\($0) \(p.lastReason ?? p.lastState ?? "")" } ?? "-"
            rows.append([p.id, "\(p.runs)", "\(p.succeeded)", "\(p.failed)", "\(p.cancelled)", "\(p.active)", "\(p.attempts)", "\(p.retries)", TextSanitizer.clean(last)])
        }
        var text = "project \(project), seed \(seed), simulated to \(clock)\n\n" + TextTable.render(rows)
        if !deployments.isEmpty {
            var table = [["DEPLOYMENT", "STRATEGY", "MODE", "SPLIT", "REQUESTS", "ERRORS", "REPLICA-H", "ROLLOUTS", "PROMOTED", "ROLLED BACK", "NOW"]]
            for d in deployments {
                table.append([d.id, d.strategy, d.mode, d.split, "\(d.requests)", "\(d.errors)", String(format: "%.1f", d.replicaHours),
                              "\(d.rollouts.started)", "\(d.rollouts.promoted)", "\(d.rollouts.rolledBack)",
                              TextSanitizer.clean("\(d.phase): \(d.reason)")])
            }
            text += "\n\n" + TextTable.render(table)
        }
        if !alerts.isEmpty {
            var table = [["ALERT", "STATE", "SEVERITY", "FIRED", "LAST FIRED", "NOW"]]
            for alert in alerts {
                table.append([alert.id, alert.state.rawValue, alert.severity?.rawValue ?? "-", "\(alert.occurrences)",
                              alert.firedAt?.clockLabel ?? "-", TextSanitizer.clean(alert.message)])
            }
            text += "\n\n" + TextTable.render(table)
        }
        for story in stories {
            text += "\n\nCT story \(story.id) (\(story.alert) -> \(story.pipeline))\(story.isClosed ? "" : ", open"):"
            for chapter in story.chapters {
                text += "\n  \(chapter.time.clockLabel)  \(TextSanitizer.clean(chapter.text))"
            }
        }
        return text
    }
}
