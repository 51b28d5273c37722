import SimKernel

/// A version's latency and error model: a lognormal service latency with
/// the profile's median and 99th percentile, the profile's error rate, and
/// what load adds on top (``ReplicaLoad``).
public struct LatencyModel: Sendable, Hashable {
    /// z of the 99th percentile of the standard normal.
    public static let z99 = 2.3263478740408408

    public let profile: ServingProfile
    public let medianMs: Double
    /// `ln(p99 / median) / z99` (0 when p99 <= median).
    public let sigma: Double

    public init(profile: ServingProfile) {
        self.profile = profile
        medianMs = max(0, profile.medianLatencyMs)
        sigma = profile.p99LatencyMs > profile.medianLatencyMs && profile.medianLatencyMs > 0
            ? PortableMath.log(profile.p99LatencyMs / profile.medianLatencyMs) / Self.z99 : 0
    }

    /// One service latency in milliseconds (without queueing).
    @inline(__always)
    func draw(normal: ZigguratNormal, exp: FastExp, using generator: inout Xoshiro256StarStar) -> Double {
        medianMs * exp(sigma * normal.next(using: &generator))
    }
}

/// What load does to a version in one slice of simulated time.
///
/// Queueing model: the version's replicas are an M/M/c queue with `c`
/// replicas each serving `capacityPerSecond` (service time `1/μ`). At
/// utilisation `ρ = λ / (c μ)` below 0.99 a request waits Sakasegawa's
/// approximation of the mean M/M/c queueing delay,
/// `Wq = (1/μ) · ρ^(√(2(c+1)) − 1) / (c (1 − ρ))`, added to its service
/// latency (so every percentile moves up by `Wq`). At or above ρ = 0.99
/// the queue is saturated: requests wait `Wq(0.99)` and the share
/// `1 − 0.99/ρ` beyond what the replicas can take is shed and fails. A
/// version with no replicas sheds everything. `λ` is the slice's live
/// requests routed to the version plus the copies mirrored to it.
public struct ReplicaLoad: Sendable, Hashable {
    public static let saturation = 0.99
    /// Added to every answered request's latency, milliseconds.
    public var waitMs: Double
    /// Share of requests that fail because the replicas are full.
    public var shedShare: Double

    public static let idle = ReplicaLoad(waitMs: 0, shedShare: 0)

    public init(waitMs: Double, shedShare: Double) {
        self.waitMs = waitMs
        self.shedShare = shedShare
    }

    /// The load of `requestsPerSecond` on `replicas` replicas of `capacityPerSecond` each.
    public init(requestsPerSecond lambda: Double, replicas: Int, capacityPerSecond mu: Double) {
        guard lambda > 0 else {
            self = .idle
            return
        }
        guard replicas > 0, mu > 0 else {
            self.init(waitMs: 0, shedShare: 1)
            return
        }
        let c = Double(replicas)
        let rho = lambda / (c * mu)
        let effective = min(rho, Self.saturation)
        let exponent = (2 * (c + 1)).squareRoot() - 1
        let wait = (1 / mu) * PortableMath.pow(effective, exponent) / (c * (1 - effective))
        self.init(waitMs: wait * 1000, shedShare: rho > Self.saturation ? 1 - Self.saturation / rho : 0)
    }
}
