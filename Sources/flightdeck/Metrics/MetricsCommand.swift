import ArgumentParser
import Engine
import Foundation

/// `flightdeck metrics`: the Prometheus text of `/metrics`, printed once.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the metrics in the Prometheus text format once (what --metrics-addr serves at /metrics).",
        discussion: """
        With no engine running, from an engine opened on the state directory; with \
        one running, from the snapshot it publishes.
        """
    )

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let snapshot = try workspace.metricsSnapshot()
        FileHandle.standardOutput.write(Data(PrometheusExposition.render(snapshot).utf8))
    }
}

extension Workspace {
    /// The snapshot `flightdeck metrics` renders: an engine opened on the
    /// state directory (every deployment's figures), or, when a running
    /// engine holds the directory, the snapshot that engine publishes.
    func metricsSnapshot() throws -> EngineSnapshot {
        do {
            let opened = try openEngine(persist: true)
            defer { opened.shutdown() }
            return opened.engine.snapshot(recentEventLimit: 0, recentRunLimit: 0, deploymentMetrics: .all)
        } catch StateDirectoryError.locked {
            return try publishedSnapshot()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw cliFailure("\(error)")
        }
    }

    /// The running engine's snapshot, published on request (see
    /// ``liveSnapshot(timeoutMilliseconds:)``).
    func publishedSnapshot() throws -> EngineSnapshot {
        guard let published = try userFacing({ try liveSnapshot() }) else {
            throw cliFailure("the engine holding \(statePath) did not publish its state within 3 s; try again")
        }
        return published.snapshot
    }
}
