/// Assigns each slot a row (in slot units) so that every layer keeps its
/// order with at least one row between consecutive slots, while staying as
/// close as possible to the mean row of its neighbours (isotonic regression
/// by pool-adjacent-violators, alternating forward and backward passes).
enum DagRowAssignment {
    /// `links[L]`: (index in layer L, index in layer L+1). Returns rows per
    /// layer, the smallest row being 0.
    static func rows(layerSizes: [Int], links: [[(Int, Int)]], passes: Int = 3) -> [[Int]] {
        var rows = layerSizes.map { Array(0..<$0) }
        guard rows.count > 1 else { return rows }
        var preds = layerSizes.map { Array(repeating: [Int](), count: $0) }
        var succs = layerSizes.map { Array(repeating: [Int](), count: $0) }
        for (l, gap) in links.enumerated() {
            for (i, j) in gap {
                succs[l][i].append(j)
                preds[l + 1][j].append(i)
            }
        }
        for pass in 0..<passes {
            let forward = pass % 2 == 0
            let layers = forward ? Array(1..<rows.count) : Array((0..<(rows.count - 1)).reversed())
            for l in layers {
                let other = forward ? l - 1 : l + 1
                let neighbours = forward ? preds[l] : succs[l]
                let desired = (0..<rows[l].count).map { k -> Double in
                    let ns = neighbours[k]
                    guard !ns.isEmpty else { return Double(rows[l][k]) }
                    return Double(ns.reduce(0) { $0 + rows[other][$1] }) / Double(ns.count)
                }
                rows[l] = fit(desired)
            }
        }
        let lowest = rows.compactMap { $0.first }.min() ?? 0
        return rows.map { $0.map { $0 - lowest } }
    }

    /// Strictly increasing integers closest to `desired` (least squares).
    static func fit(_ desired: [Double]) -> [Int] {
        var blocks: [(sum: Double, count: Int)] = []
        for (k, d) in desired.enumerated() {
            blocks.append((d - Double(k), 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], prev = blocks[blocks.count - 2]
                guard prev.sum / Double(prev.count) > last.sum / Double(last.count) else { break }
                blocks.removeLast(2)
                blocks.append((prev.sum + last.sum, prev.count + last.count))
            }
        }
        var result: [Int] = []
        result.reserveCapacity(desired.count)
        for block in blocks {
            let value = Int((block.sum / Double(block.count)).rounded(.down))
            for _ in 0..<block.count { result.append(value + result.count) }
        }
        return result
    }
}
