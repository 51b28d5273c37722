/// Orders the slots of each layer to reduce edge crossings: barycenter
/// sweeps down and up, keeping the best order seen. Ties keep the current
/// order, so the result depends only on the input order.
///
/// Works on flat arrays (adjacency in compressed rows) because it runs on
/// every change of DAG shape, also in debug builds.
enum DagCrossingReduction {
    /// `order[L]` lists the slots of layer L top to bottom.
    static func order(layering: DagLayering, sweeps: Int = 4) -> [[Int]] {
        let slotCount = layering.slotLayer.count
        let layerCount = layering.layerCount
        // Slots grouped by layer: ordered[layerStart[l]..<layerStart[l+1]].
        var layerStart = Array(repeating: 0, count: layerCount + 1)
        for slot in 0..<slotCount { layerStart[layering.slotLayer[slot] + 1] += 1 }
        for l in 0..<layerCount { layerStart[l + 1] += layerStart[l] }
        var ordered = Array(repeating: 0, count: slotCount)
        var fillAt = layerStart
        for slot in 0..<slotCount {
            let l = layering.slotLayer[slot]
            ordered[fillAt[l]] = slot
            fillAt[l] += 1
        }
        let preds = Adjacency(slotCount: slotCount, links: layering.links, reversed: true)
        let succs = Adjacency(slotCount: slotCount, links: layering.links, reversed: false)
        var position = Array(repeating: 0, count: slotCount)
        for l in 0..<layerCount {
            for k in layerStart[l]..<layerStart[l + 1] { position[ordered[k]] = k - layerStart[l] }
        }
        let counter = CrossingCounter(layerStart: layerStart, succs: succs)
        var best = ordered
        var bestCrossings = counter.count(ordered: ordered, position: position)
        var key = Array(repeating: 0.0, count: slotCount)

        func reorder(_ l: Int, by adjacency: Adjacency) {
            let range = layerStart[l]..<layerStart[l + 1]
            for k in range {
                let slot = ordered[k]
                let lo = adjacency.start[slot], hi = adjacency.start[slot + 1]
                if lo == hi {
                    key[slot] = Double(position[slot])
                } else {
                    var sum = 0
                    for e in lo..<hi { sum += position[adjacency.list[e]] }
                    key[slot] = Double(sum) / Double(hi - lo)
                }
            }
            // Insertion sort: layers are short, and this stays fast in debug builds.
            var k = range.lowerBound + 1
            while k < range.upperBound {
                let slot = ordered[k]
                var m = k - 1
                while m >= range.lowerBound, key[ordered[m]] > key[slot] || (key[ordered[m]] == key[slot] && position[ordered[m]] > position[slot]) {
                    ordered[m + 1] = ordered[m]
                    m -= 1
                }
                ordered[m + 1] = slot
                k += 1
            }
            for k in range { position[ordered[k]] = k - range.lowerBound }
        }

        if bestCrossings > 0 {
            for _ in 0..<sweeps {
                let before = bestCrossings
                for l in stride(from: 1, to: layerCount, by: 1) { reorder(l, by: preds) }
                var c = counter.count(ordered: ordered, position: position)
                if c < bestCrossings { best = ordered; bestCrossings = c }
                for l in stride(from: layerCount - 2, through: 0, by: -1) { reorder(l, by: succs) }
                c = counter.count(ordered: ordered, position: position)
                if c < bestCrossings { best = ordered; bestCrossings = c }
                if bestCrossings == 0 || bestCrossings == before { break }
            }
        }
        var result: [[Int]] = []
        result.reserveCapacity(layerCount)
        for l in 0..<layerCount { result.append(Array(best[layerStart[l]..<layerStart[l + 1]])) }
        return result
    }

    /// Neighbours of every slot in compressed rows: `list[start[s]..<start[s+1]]`.
    struct Adjacency {
        var start: [Int]
        var list: [Int]

        init(slotCount: Int, links: [[DagLayering.Link]], reversed: Bool) {
            start = Array(repeating: 0, count: slotCount + 1)
            for gap in links {
                for link in gap { start[(reversed ? link.to : link.from) + 1] += 1 }
            }
            for s in 0..<slotCount { start[s + 1] += start[s] }
            list = Array(repeating: 0, count: start[slotCount])
            var fillAt = start
            for gap in links {
                for link in gap {
                    let s = reversed ? link.to : link.from
                    list[fillAt[s]] = reversed ? link.from : link.to
                    fillAt[s] += 1
                }
            }
        }
    }

    /// Counts crossing link pairs: sources are visited top to bottom and,
    /// with a Fenwick tree over target positions, each link counts the
    /// earlier links that end below it.
    struct CrossingCounter {
        private let layerStart: [Int]
        private let succs: Adjacency

        init(layerStart: [Int], succs: Adjacency) {
            self.layerStart = layerStart
            self.succs = succs
        }

        func count(ordered: [Int], position: [Int]) -> Int {
            var total = 0
            for l in 0..<(layerStart.count - 2) {
                let size = layerStart[l + 2] - layerStart[l + 1]
                var tree = Array(repeating: 0, count: size + 1)
                var inserted = 0
                for k in layerStart[l]..<layerStart[l + 1] {
                    let slot = ordered[k]
                    let lo = succs.start[slot], hi = succs.start[slot + 1]
                    for e in lo..<hi {
                        var atMost = 0
                        var i = position[succs.list[e]] + 1
                        while i > 0 { atMost += tree[i]; i -= i & -i }
                        total += inserted - atMost
                    }
                    for e in lo..<hi {
                        var i = position[succs.list[e]] + 1
                        while i <= size { tree[i] += 1; i += i & -i }
                    }
                    inserted += hi - lo
                }
            }
            return total
        }
    }
}
