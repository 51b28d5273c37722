/// Longest-path layering of a DAG, with dummy slots inserted where an edge
/// spans several layers so that every link joins adjacent layers.
///
/// Slots `0..<nodeCount` are the real nodes in input order; dummies follow
/// in edge order. Edges that would close a cycle, refer to unknown ids, or
/// repeat an earlier edge are dropped.
struct DagLayering {
    /// Layer (column) of every slot.
    var slotLayer: [Int]
    /// What every slot is.
    var slotKind: [LayoutSlot]
    /// A link between slots of adjacent layers.
    struct Link: Hashable {
        var from: Int
        var to: Int
    }

    /// `links[L]`: links from layer L to L+1.
    var links: [[Link]]
    var layerCount: Int
    /// Ids of the real nodes, by slot.
    var nodeIDs: [String]

    init(nodes: [DagNode], edges: [DagEdge]) {
        var index: [String: Int] = [:]
        var ids: [String] = []
        for node in nodes where index[node.id] == nil {
            index[node.id] = ids.count
            ids.append(node.id)
        }
        let n = ids.count
        // Unique, valid edges in input order.
        var seen = Set<Int>()
        var pairs: [(Int, Int)] = []
        for edge in edges {
            guard let u = index[edge.from], let v = index[edge.to], u != v else { continue }
            if seen.insert(u * n + v).inserted { pairs.append((u, v)) }
        }
        var outgoing = Array(repeating: [Int](), count: n)
        var indegree = Array(repeating: 0, count: n)
        for (u, v) in pairs {
            outgoing[u].append(v)
            indegree[v] += 1
        }
        // Kahn's algorithm, FIFO in input order; a cycle is broken at its
        // lowest-index remaining node.
        var topoPos = Array(repeating: -1, count: n)
        var queue: [Int] = (0..<n).filter { indegree[$0] == 0 }
        var head = 0, placed = 0, nextCandidate = 0
        while placed < n {
            if head == queue.count {
                while topoPos[nextCandidate] >= 0 { nextCandidate += 1 }
                queue.append(nextCandidate)
            }
            let u = queue[head]
            head += 1
            if topoPos[u] >= 0 { continue }
            topoPos[u] = placed
            placed += 1
            for v in outgoing[u] where topoPos[v] < 0 {
                indegree[v] -= 1
                if indegree[v] == 0 { queue.append(v) }
            }
        }
        let kept = pairs.filter { topoPos[$0.0] < topoPos[$0.1] }
        var byTopo = Array(repeating: 0, count: n)
        for v in 0..<n { byTopo[topoPos[v]] = v }
        var incoming = Array(repeating: [Int](), count: n)
        for (u, v) in kept { incoming[v].append(u) }
        var layer = Array(repeating: 0, count: n)
        for v in byTopo {
            for u in incoming[v] { layer[v] = max(layer[v], layer[u] + 1) }
        }
        layerCount = n == 0 ? 0 : (layer.max() ?? 0) + 1
        slotLayer = layer
        slotKind = ids.map { .node($0) }
        links = Array(repeating: [], count: max(0, layerCount - 1))
        for (u, v) in kept {
            var previous = u
            for l in (layer[u] + 1)..<layer[v] {
                let dummy = slotLayer.count
                slotLayer.append(l)
                slotKind.append(.dummy(from: ids[u], to: ids[v]))
                links[l - 1].append(Link(from: previous, to: dummy))
                previous = dummy
            }
            links[layer[v] - 1].append(Link(from: previous, to: v))
        }
        nodeIDs = ids
    }
}
