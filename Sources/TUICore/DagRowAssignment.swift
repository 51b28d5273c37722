/// Assigns each slot a row (in slot units) so that every layer keeps its
/// order with at least one row between consecutive slots, while staying as
/// close as possible to the mean row of its neighbours (isotonic regression
/// by pool-adjacent-violators, alternating forward and backward passes).
enum DagRowAssignment {
    /// `links[L]` joins indices in layer L to indices in layer L+1. Returns
    /// rows per layer, the smallest row being 0.
    static func rows(layerSizes: [Int], links: [[DagLayering.Link]], passes: Int = 3) -> [[Int]] {
        var rows = layerSizes.map { Array(0..<$0) }
        guard rows.count > 1 else { return rows }
        var desired: [Double] = []
        for pass in 0..<passes {
            let forward = pass % 2 == 0
            let layerOrder = forward ? Array(1..<rows.count) : Array((0..<(rows.count - 1)).reversed())
            for l in layerOrder {
                let size = layerSizes[l]
                var sum = Array(repeating: 0.0, count: size)
                var count = Array(repeating: 0, count: size)
                if forward {
                    let other = rows[l - 1]
                    for link in links[l - 1] { sum[link.to] += Double(other[link.from]); count[link.to] += 1 }
                } else {
                    let other = rows[l + 1]
                    for link in links[l] { sum[link.from] += Double(other[link.to]); count[link.from] += 1 }
                }
                desired.removeAll(keepingCapacity: true)
                for k in 0..<size {
                    desired.append(count[k] == 0 ? Double(rows[l][k]) : sum[k] / Double(count[k]))
                }
                rows[l] = fit(desired)
            }
        }
        var lowest = Int.max
        for layer in rows { if let first = layer.first { lowest = min(lowest, first) } }
        if lowest == Int.max { return rows }
        return rows.map { $0.map { $0 - lowest } }
    }

    /// Strictly increasing integers closest to `desired` (least squares).
    static func fit(_ desired: [Double]) -> [Int] {
        var blockSum: [Double] = []
        var blockCount: [Int] = []
        for k in 0..<desired.count {
            blockSum.append(desired[k] - Double(k))
            blockCount.append(1)
            while blockSum.count > 1 {
                let last = blockSum.count - 1
                guard blockSum[last - 1] / Double(blockCount[last - 1]) > blockSum[last] / Double(blockCount[last]) else { break }
                blockSum[last - 1] += blockSum[last]
                blockCount[last - 1] += blockCount[last]
                blockSum.removeLast()
                blockCount.removeLast()
            }
        }
        var result: [Int] = []
        result.reserveCapacity(desired.count)
        for b in 0..<blockSum.count {
            let value = Int((blockSum[b] / Double(blockCount[b])).rounded(.down))
            for _ in 0..<blockCount[b] { result.append(value + result.count) }
        }
        return result
    }
}
