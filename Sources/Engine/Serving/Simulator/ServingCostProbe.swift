import SimKernel

/// The parts of a request's cost, for the benchmark's breakdown.
@_spi(Benchmarks)
public enum ServingCostStage: Int, Sendable, CaseIterable {
    /// Drawing the row, its label and user.
    case sampling
    /// ... and picking the live version.
    case routing
    /// ... and scoring with it.
    case scoring
    /// ... and the error and latency draws.
    case draws
}

@_spi(Benchmarks)
extension ServingSimulator {
    /// Runs `requests` requests through the per-request work up to `stage`
    /// (with the current routing, without recording anything), on a copy of
    /// the live stream; returns a checksum so the work is not optimised away.
    /// The full cost (recording included) is ``advance(to:)``'s.
    public func probeCost(requests: Int, upTo stage: ServingCostStage) -> Double {
        var random = core.live
        var row = RequestRow(layout: core.sampler.layout)
        var sampler = core.sampler
        sampler.prepare(at: now)
        let routing = core.routing
        let scorers = core.versions.map(\.scorer)
        let parameters = core.versions.map { ServeParameters(latency: $0.latency, waitMs: 0, errorRate: $0.latency.profile.errorRate) }
        let normal = core.normal
        let exp = FastExp.shared
        let salt = core.salt
        var checksum = 0.0
        scorers.withUnsafeBufferPointer { scorers in
            parameters.withUnsafeBufferPointer { parameters in
                for _ in 0..<requests {
                    sampler.draw(into: &row, using: &random)
                    checksum += Double(row.label)
                    guard stage.rawValue >= ServingCostStage.routing.rawValue else { continue }
                    let target = routing.split == .request
                        ? routing.pick(Sampling.unitInterval(using: &random) * 100)
                        : routing.pick(CompiledRouting.userBucket(row.userID, salt: salt))
                    checksum += Double(target)
                    guard stage.rawValue >= ServingCostStage.scoring.rawValue else { continue }
                    let logit = row.numeric.withUnsafeBufferPointer { numeric in
                        row.categorical.withUnsafeBufferPointer { scorers[target].logit(numeric: numeric, categorical: $0) }
                    }
                    checksum += CompiledScorer.decision(logit: logit) ? 1 : 0
                    guard stage.rawValue >= ServingCostStage.draws.rawValue else { continue }
                    let failed = Sampling.unitInterval(using: &random) < parameters[target].errorRate
                    checksum += parameters[target].latency.draw(normal: normal, exp: exp, using: &random) + (failed ? 1 : 0)
                }
            }
        }
        return checksum
    }
}
