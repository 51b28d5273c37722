import Engine
import Foundation

/// Renders the engine's metrics on the engine's thread a few times a
/// second and hands the text to the ``MetricsServer``.
final class MetricsPublisher {
    static let intervalNanoseconds: UInt64 = 250_000_000

    let server: MetricsServer
    private var nextPublish: UInt64 = 0

    init(server: MetricsServer) {
        self.server = server
    }

    /// Publishes when the last publication is at least ``intervalNanoseconds``
    /// old (or with `force`). Call from the engine's thread.
    func tick(_ engine: Engine, nowNanoseconds: UInt64, force: Bool = false) {
        guard force || nowNanoseconds >= nextPublish else { return }
        nextPublish = nowNanoseconds + Self.intervalNanoseconds
        let snapshot = engine.snapshot(recentEventLimit: 0, recentRunLimit: 0, deploymentMetrics: .all)
        server.publish(PrometheusExposition.render(snapshot))
    }

    /// The server for `--metrics-addr` (nil without the option), listening
    /// and answering; warns on stderr when the address is not loopback.
    static func start(option: String?) throws -> MetricsPublisher? {
        guard let option else { return nil }
        let server: MetricsServer
        do {
            server = try MetricsServer(address: MetricsAddress(parsing: option))
        } catch {
            throw cliFailure("\(error)")
        }
        if !server.isLoopback {
            FileHandle.standardError.write(Data(("flightdeck: warning: --metrics-addr \(server.address.description) is not a loopback address: "
                + "anyone who can reach it can read the metrics\n").utf8))
        }
        server.start()
        return MetricsPublisher(server: server)
    }
}
