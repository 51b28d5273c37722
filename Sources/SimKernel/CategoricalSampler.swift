/// Picks an index with probability proportional to its weight, by inversion
/// of the cumulative weights (one uniform draw and a binary search).
/// Zero-weight entries are never picked.
public struct CategoricalSampler: Sendable, Hashable {
    /// Running sums of the weights; the last one is the total.
    public let cumulativeWeights: [Double]

    /// A sampler for `weights` (probabilities or any non-negative weights).
    /// Returns `nil` when there are no weights, one is negative or not
    /// finite, or they sum to zero.
    public init?(weights: [Double]) {
        var running = 0.0
        var sums: [Double] = []
        sums.reserveCapacity(weights.count)
        for weight in weights {
            guard weight >= 0, weight.isFinite else { return nil }
            running += weight
            sums.append(running)
        }
        guard running > 0, running.isFinite else { return nil }
        cumulativeWeights = sums
    }

    /// The number of categories.
    public var count: Int { cumulativeWeights.count }

    /// The probability of category `index`.
    public func probability(of index: Int) -> Double {
        let previous = index == 0 ? 0 : cumulativeWeights[index - 1]
        return (cumulativeWeights[index] - previous) / cumulativeWeights[cumulativeWeights.count - 1]
    }

    /// Draws a category index in `0..<count`.
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        let total = cumulativeWeights[cumulativeWeights.count - 1]
        let target = Sampling.unitInterval(using: &generator) * total
        var low = 0
        var high = cumulativeWeights.count - 1
        // First index whose running sum exceeds the target.
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        // Rounding can put the target at the total: fall back to the last
        // category with a positive weight.
        while low > 0 && probability(of: low) == 0 { low -= 1 }
        return low
    }
}

extension Sampling {
    /// Draws an index with probability proportional to `weights[index]`.
    /// Builds a ``CategoricalSampler`` each call; keep one when drawing often.
    public static func categorical(_ weights: [Double], using generator: inout some RandomNumberGenerator) -> Int {
        guard let sampler = CategoricalSampler(weights: weights) else {
            preconditionFailure("categorical needs non-negative finite weights with a positive sum")
        }
        return sampler.sample(using: &generator)
    }
}
