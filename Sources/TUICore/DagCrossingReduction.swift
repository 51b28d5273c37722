/// Orders the slots of each layer to reduce edge crossings: barycenter
/// sweeps down and up, keeping the best order seen. Ties keep the current
/// order, so the result depends only on the input order.
enum DagCrossingReduction {
    /// `order[L]` lists the slots of layer L top to bottom.
    static func order(layering: DagLayering, sweeps: Int = 4) -> [[Int]] {
        let slotCount = layering.slotLayer.count
        var order = Array(repeating: [Int](), count: layering.layerCount)
        for slot in 0..<slotCount { order[layering.slotLayer[slot]].append(slot) }
        var preds = Array(repeating: [Int](), count: slotCount)
        var succs = Array(repeating: [Int](), count: slotCount)
        for gap in layering.links {
            for (u, v) in gap {
                succs[u].append(v)
                preds[v].append(u)
            }
        }
        var position = Array(repeating: 0, count: slotCount)
        func index(_ layer: [Int]) {
            for (i, slot) in layer.enumerated() { position[slot] = i }
        }
        for layer in order { index(layer) }
        var best = order
        var bestCrossings = crossings(order: order, links: layering.links, position: position)
        guard bestCrossings > 0 else { return order }

        func reorder(_ l: Int, by neighbours: [[Int]]) {
            let keyed = order[l].map { slot -> (Double, Int, Int) in
                let ns = neighbours[slot]
                let key = ns.isEmpty
                    ? Double(position[slot])
                    : Double(ns.reduce(0) { $0 + position[$1] }) / Double(ns.count)
                return (key, position[slot], slot)
            }
            order[l] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { $0.2 }
            index(order[l])
        }
        for _ in 0..<sweeps {
            for l in stride(from: 1, to: order.count, by: 1) { reorder(l, by: preds) }
            var c = crossings(order: order, links: layering.links, position: position)
            if c < bestCrossings { best = order; bestCrossings = c }
            for l in stride(from: order.count - 2, through: 0, by: -1) { reorder(l, by: succs) }
            c = crossings(order: order, links: layering.links, position: position)
            if c < bestCrossings { best = order; bestCrossings = c }
            if bestCrossings == 0 { break }
        }
        return best
    }

    /// Total number of crossing link pairs (inversions, counted with a
    /// Fenwick tree per gap).
    static func crossings(order: [[Int]], links: [[(Int, Int)]], position: [Int]) -> Int {
        var total = 0
        for (l, gap) in links.enumerated() {
            let size = order[l + 1].count
            let pairs = gap.map { (position[$0.0], position[$0.1]) }.sorted { $0 < $1 }
            var tree = Array(repeating: 0, count: size + 1)
            var inserted = 0
            for (_, j) in pairs {
                // Count earlier links whose target is below j.
                var atMost = 0
                var i = j + 1
                while i > 0 { atMost += tree[i]; i -= i & -i }
                total += inserted - atMost
                i = j + 1
                while i <= size { tree[i] += 1; i += i & -i }
                inserted += 1
            }
        }
        return total
    }
}
