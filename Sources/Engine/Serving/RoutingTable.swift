/// How a deployment's requests are routed right now: set by the rollout,
/// followed by the serving simulator.
public struct RoutingTable: Sendable, Hashable, Codable {
    /// Versions answering live requests and their share in percent (0-100,
    /// summing to 100 when any traffic is served; fractions allowed, e.g. a
    /// bandit's 37.5). Ordered by version number.
    public var live: [VersionWeight]
    /// How a request picks its live version.
    public var split: SplitKey
    /// A version receiving copies of live requests, if any.
    public var mirror: MirrorRoute?
    /// Replicas running per version (cost is replica-hours; a shadow or a
    /// blue/green preview runs a second set). Ordered by version number.
    public var replicas: [VersionReplicas]
    /// While true, every request fails (a basic replace's downtime window).
    public var down: Bool

    public init(live: [VersionWeight], split: SplitKey = .request, mirror: MirrorRoute? = nil,
                replicas: [VersionReplicas] = [], down: Bool = false) {
        self.live = live
        self.split = split
        self.mirror = mirror
        self.replicas = replicas
        self.down = down
    }

    /// All traffic to one version on `replicas` replicas.
    public static func single(_ version: Int, replicas: Int) -> RoutingTable {
        RoutingTable(live: [VersionWeight(version: version, percent: 100)], replicas: [VersionReplicas(version: version, count: replicas)])
    }

    /// `v1 90% | v2 10%`, then ` (mirror v2 100%)` and ` (down)` when they
    /// apply; `nothing` without live versions. The one way the screens, the
    /// CLI and the event log write a split.
    public var splitText: String {
        var text = live.isEmpty ? "nothing" : live.map { "v\($0.version) \(Self.percentText($0.percent))" }.joined(separator: " | ")
        if let mirror { text += " (mirror v\(mirror.version) \(Self.percentText(mirror.percent)))" }
        if down { text += " (down)" }
        return text
    }

    /// `90%`, `37.5%`: one decimal, none when whole.
    public static func percentText(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
    }

    /// The live percentage of `version` (0 when absent).
    public func percent(of version: Int) -> Double {
        live.first { $0.version == version }?.percent ?? 0
    }
}

/// One version's share of live traffic.
public struct VersionWeight: Sendable, Hashable, Codable {
    public var version: Int
    public var percent: Double
    public init(version: Int, percent: Double) {
        self.version = version
        self.percent = percent
    }
}

/// How many replicas of one version run.
public struct VersionReplicas: Sendable, Hashable, Codable {
    public var version: Int
    public var count: Int
    public init(version: Int, count: Int) {
        self.version = version
        self.count = count
    }
}

/// What decides which live version answers a request.
public enum SplitKey: String, Sendable, Hashable, Codable {
    /// A fresh uniform draw per request.
    case request
    /// A hash of the request's user id (a user keeps their version: A/B
    /// tests and feature-flag cohorts).
    case user
}

/// Copies of live requests sent to a version whose answers are discarded
/// but scored and compared with the live answer.
public struct MirrorRoute: Sendable, Hashable, Codable {
    public var version: Int
    /// Share of live requests copied, 0-100.
    public var percent: Double
    public init(version: Int, percent: Double) {
        self.version = version
        self.percent = percent
    }
}
