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
    /// old (or with `force`): renders `snapshot()` (every deployment's
    /// figures; nil: nothing to publish yet). Call from the engine's thread.
    func tick(nowNanoseconds: UInt64, force: Bool = false, snapshot: () -> EngineSnapshot?) {
        guard force || nowNanoseconds >= nextPublish else { return }
        nextPublish = nowNanoseconds + Self.intervalNanoseconds
        guard let snapshot = snapshot() else { return }
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
