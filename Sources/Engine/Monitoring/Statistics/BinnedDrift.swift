/// A drift value computed on histograms (PSI, Jensen-Shannon), with the
/// bins it was computed on.
public struct BinnedDrift: Sendable, Hashable, Codable {
    /// PSI or the Jensen-Shannon distance.
    public var value: Double
    /// PSI: the nine (bins - 1) inner edges, the reference's quantiles; the
    /// outer bins are open. Jensen-Shannon on numbers: all bins + 1 edges
    /// from the smallest to the largest value of both samples. Categories:
    /// empty.
    public var edges: [Double]
    /// Values per bin, lowest bin first (per category for categories).
    public var referenceCounts: [Int]
    public var currentCounts: [Int]

    public init(value: Double, edges: [Double], referenceCounts: [Int], currentCounts: [Int]) {
        self.value = value
        self.edges = edges
        self.referenceCounts = referenceCounts
        self.currentCounts = currentCounts
    }
}
