import ArgumentParser
import Engine
import Foundation

/// `flightdeck drift [status] [--json]`: the monitors as the running engine
/// published them; with no engine running, each monitor's last persisted
/// drift values. (The default subcommand of the `drift` group.)
struct DriftStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each monitor's features (method, value, thresholds, sample sizes, state, note), dataset drift, concept-drift detectors, SLO budgets and burn rates; with no engine running, the last persisted drift values."
    )

    @Flag(name: .long, help: "JSON instead of text.") var json = false
    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        try workspace.withMonitoringView { view in
            switch view {
            case .live(let status, _):
                if json {
                    print(try JSONOutput.encode(DriftStatusJSON(time: status.at.clockLabel, live: true, monitors: status.monitors, persisted: [])))
                    return
                }
                if status.monitors.isEmpty {
                    print("no monitors (add a monitors: section to the project file; see docs/project-file.md)")
                    return
                }
                print("as of \(status.at.clockLabel) (published by the running engine)")
                for summary in status.monitors {
                    print("")
                    print(MonitorStatusText.render(summary))
                }
            case .stopped(let store):
                var persisted: [DriftRollup] = []
                if let store {
                    for monitor in workspace.spec.monitors {
                        let rollups = try userFacing { try store.driftHistory(monitor: monitor.id, feature: nil, since: nil) }
                        persisted += MonitorStatusText.latestPerFeature(rollups)
                    }
                }
                if json {
                    print(try JSONOutput.encode(DriftStatusJSON(time: nil, live: false, monitors: [], persisted: persisted)))
                    return
                }
                print(noEngineLine(statePath: workspace.statePath))
                if persisted.isEmpty {
                    print("no persisted drift values yet")
                } else {
                    print("the last persisted drift value of each feature:")
                    print(MonitorStatusText.rollupTable(persisted))
                }
            }
        }
    }
}

/// The JSON of `drift` (status): `monitors` while an engine runs; with
/// none (`live` false, `time` null), `persisted`: each feature's last rollup.
struct DriftStatusJSON: Codable, Equatable {
    let time: String?
    let live: Bool
    let monitors: [MonitorSummary]
    let persisted: [DriftRollup]
}
