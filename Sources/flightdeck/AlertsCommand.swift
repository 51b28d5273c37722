import ArgumentParser
import Engine
import Foundation
import TUICore

/// `flightdeck alerts [--all] [--json] [--limit N]`.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Show the alerts of the running engine: firing, pending, acknowledged and silenced first (--all: also resolved and ok), then the recent history of the firing ones; with no engine running, the persisted alert history."
    )

    @Flag(name: .long, help: "Also list resolved alerts and those that never fired.") var all = false
    @Flag(name: .long, help: "JSON instead of text.") var json = false
    @Option(name: .long, help: "History entries per firing alert (or in all, with no engine running).") var limit = 10
    @OptionGroup var options: ProjectOptions

    func run() throws {
        guard limit >= 0 else { throw cliFailure("--limit \(limit): expected 0 or more") }
        let workspace = try Workspace.load(options)
        try workspace.withMonitoringView { view in
            switch view {
            case .live(let status, let store):
                let shown = AlertsText.shown(status.alerts, all: all)
                var history: [String: [AlertHistoryEntry]] = [:]
                for alert in shown where AlertsText.showsHistory(alert) {
                    history[alert.id] = try userFacing { try store.alertHistory(alert: alert.id, limit: limit) }
                }
                if json {
                    let entries = shown.flatMap { history[$0.id] ?? [] }
                    print(try JSONOutput.encode(AlertsJSON(time: status.at.clockLabel, live: true, alerts: shown, history: entries)))
                    return
                }
                print("as of \(status.at.clockLabel) (published by the running engine)")
                print(AlertsText.render(status.alerts, all: all, history: history))
            case .stopped(let store):
                let entries = try store.map { store in try userFacing { try store.alertHistory(alert: nil, limit: limit) } } ?? []
                if json {
                    print(try JSONOutput.encode(AlertsJSON(time: nil, live: false, alerts: [], history: entries)))
                    return
                }
                print(noEngineLine(statePath: workspace.statePath))
                if entries.isEmpty {
                    print("no alert history yet")
                } else {
                    print("the last \(entries.count) persisted alert transition\(entries.count == 1 ? "" : "s"), oldest first:")
                    for entry in entries { print("  " + AlertsText.historyLine(entry, withAlert: true)) }
                }
            }
        }
    }
}

/// The JSON of `alerts`: `live` false (and `time` null, `alerts` empty)
/// when no engine runs; `history` is then the persisted history of all alerts.
struct AlertsJSON: Codable, Equatable {
    let time: String?
    let live: Bool
    let alerts: [AlertSummary]
    let history: [AlertHistoryEntry]
}
