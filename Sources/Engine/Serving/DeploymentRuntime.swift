import Foundation
import SimKernel

/// One deployment inside the engine: its serving simulator, the version it
/// serves, its rollout (the current one, or the last one finished, kept for
/// the screen until the next starts) and what the screen's charts need.
final class DeploymentRuntime {
    let spec: DeploymentSpec
    let simulator: ServingSimulator
    /// The version serving when no rollout moves traffic (nil: nothing yet).
    var stable: Int?
    /// Candidates this deployment rolled out before, ascending.
    var tried: [Int]
    var rollout: Rollout?
    /// The queued rollout evaluation and its time.
    var wake: (id: EventID, at: SimTime)?
    /// The rollout's random draws (bandit posteriors).
    var random: Xoshiro256StarStar
    /// The candidate's live share over time, for the traffic chart.
    var trafficHistory: RingBuffer<TrafficPoint>
    /// The newest routing changes, for the screen.
    var recentChanges: RingBuffer<TrafficChange>
    /// How the rollouts since the engine started ended.
    var tally = RolloutTally()
    /// Why nothing serves, when nothing does (a failed artifact load, no champion).
    var problem: String?

    /// The candidate-share points kept for the chart.
    static let historyCapacity = 240
    /// How often the chart gets a point when nothing changes (240 points: 4 hours).
    static let historyInterval = SimDuration.minutes(1)
    /// The routing changes kept for the screen.
    static let changeCapacity = 12

    init(spec: DeploymentSpec, simulator: ServingSimulator, random: Xoshiro256StarStar) {
        self.spec = spec
        self.simulator = simulator
        self.random = random
        tried = []
        trafficHistory = RingBuffer(capacity: Self.historyCapacity)
        recentChanges = RingBuffer(capacity: Self.changeCapacity)
    }

    /// Whether a rollout is under way.
    var isRollingOut: Bool { rollout?.phase.isActive == true }

    /// The state to persist.
    func state(at time: SimTime) -> DeploymentState {
        DeploymentState(deployment: spec.id, stableVersion: stable, triedVersions: tried,
                        rolloutJSON: rollout.flatMap { try? RolloutJSON.encode($0) }, updatedAt: time)
    }
}

/// A rollout as JSON text for the store.
enum RolloutJSON {
    static func encode(_ rollout: Rollout) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(rollout), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Rollout {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(Rollout.self, from: Data(text.utf8))
    }
}
