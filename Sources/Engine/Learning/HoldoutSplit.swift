/// A deterministic partition of a matrix's rows into a training part and a
/// holdout part, drawn from a seeded generator.
///
/// Method: the holdout gets `round(holdoutShare * rowCount)` rows (at least
/// one and at most `rowCount - 1`); the row indices are shuffled by
/// Fisher–Yates with ``HoldoutSplit/boundedRandom(_:using:)`` (one or, rarely,
/// more generator outputs per swap), the first ones form the holdout, and
/// both parts keep their rows in original order. The same generator state
/// and matrix always give the same split on every platform.
public struct HoldoutSplit: Sendable, Equatable {
    /// The rows to train on.
    public let training: TrainingMatrix
    /// The rows to evaluate on.
    public let holdout: TrainingMatrix
    /// Original row indices of `training`, ascending.
    public let trainingRows: [Int]
    /// Original row indices of `holdout`, ascending.
    public let holdoutRows: [Int]

    /// The default share of rows held out.
    public static let defaultHoldoutShare = 0.2

    /// Splits `matrix`; `holdoutShare` must be in (0, 1) and the matrix must
    /// have at least two rows.
    public init(_ matrix: TrainingMatrix, holdoutShare: Double = HoldoutSplit.defaultHoldoutShare,
                using generator: inout some RandomNumberGenerator) throws(LearningError) {
        guard holdoutShare > 0, holdoutShare < 1 else {
            throw .invalidParameter(name: "holdout_share", reason: "must be between 0 and 1 (exclusive), got \(holdoutShare)")
        }
        let rows = matrix.rowCount
        guard rows >= 2 else { throw .notEnoughRows(needed: 2, found: rows) }
        let holdoutCount = min(max(Int((holdoutShare * Double(rows)).rounded()), 1), rows - 1)
        var order = Array(0..<rows)
        // Partial Fisher–Yates: only the first `holdoutCount` positions are needed.
        for position in 0..<holdoutCount {
            let pick = position + Int(Self.boundedRandom(UInt64(rows - position), using: &generator))
            order.swapAt(position, pick)
        }
        let holdoutRows = order[0..<holdoutCount].sorted()
        var inHoldout = [Bool](repeating: false, count: rows)
        for row in holdoutRows { inHoldout[row] = true }
        let trainingRows = (0..<rows).filter { !inHoldout[$0] }
        self.trainingRows = trainingRows
        self.holdoutRows = holdoutRows
        self.training = matrix.subset(rows: trainingRows)
        self.holdout = matrix.subset(rows: holdoutRows)
    }

    /// A uniform integer in `0..<bound` (`bound > 0`) by Lemire's
    /// multiply-and-reject method: `(x * bound) >> 64` for a 64-bit output
    /// `x`, redrawing when the low half falls below `2^64 mod bound`.
    /// Written out here so the split never depends on the standard
    /// library's `random(in:)` algorithm.
    public static func boundedRandom(_ bound: UInt64, using generator: inout some RandomNumberGenerator) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = generator.next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = generator.next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
