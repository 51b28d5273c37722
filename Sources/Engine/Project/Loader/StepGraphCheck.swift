/// Checks a pipeline's `needs`: unknown steps (with a did-you-mean), a step
/// needing itself, a step listed twice, and cycles. Each group of steps
/// that depend on one another in a circle (a strongly connected component)
/// is reported once, as one cycle through its first step in file order, at
/// the `needs` item that closes it: `cycle in needs: train -> evaluate -> train`
/// (arrows point downstream: `a -> b` means `b` needs `a`).
enum StepGraphCheck {
    static func check(_ steps: [StepSource], pipeline: String, diagnostics d: inout ProjectDiagnostics) {
        var index: [String: Int] = [:]
        for (offset, step) in steps.enumerated() where index[step.id] == nil { index[step.id] = offset }
        let ids = steps.map(\.id)

        // upstream[i]: the steps step i needs (valid ones, in needs order).
        var upstream: [[Int]] = Array(repeating: [], count: steps.count)
        for (offset, step) in steps.enumerated() {
            var listed: [String] = []
            for (need, node) in step.needs {
                if listed.contains(need) {
                    d.error("needs: '\(need)' is listed twice in step '\(step.id)'; expected each step once", at: node)
                    continue
                }
                listed.append(need)
                if need == step.id {
                    d.error("needs: step '\(step.id)' needs itself; expected other steps of pipeline '\(pipeline)'", at: node)
                } else if let target = index[need] {
                    upstream[offset].append(target)
                } else {
                    d.error("needs: unknown step '\(need)' in pipeline '\(pipeline)'\(DidYouMean.hint(for: need, among: ids))", at: node)
                }
            }
        }

        var downstream: [[Int]] = Array(repeating: [], count: steps.count)
        for (offset, needs) in upstream.enumerated() {
            for need in needs { downstream[need].append(offset) }
        }

        for component in stronglyConnectedComponents(downstream) where component.count > 1 {
            let members = Set(component)
            let start = component.min()!
            let cycle = shortestCycle(from: start, within: members, downstream: downstream)
            let closing = cycle[cycle.count - 2]
            let names = cycle.map { steps[$0].id }.joined(separator: " -> ")
            let node = steps[start].needs.first { index[$0.id] == closing }?.node
            d.error("cycle in needs: \(names); expected the steps of pipeline '\(pipeline)' to form a DAG",
                    at: node?.position ?? steps[start].keyPosition)
        }
    }

    /// The shortest path `start -> ... -> start` along downstream edges
    /// inside `members`, visiting neighbours in file order.
    static func shortestCycle(from start: Int, within members: Set<Int>, downstream: [[Int]]) -> [Int] {
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in downstream[node].sorted() where members.contains(next) {
                if next == start {
                    var chain: [Int] = []
                    var cursor = node
                    while cursor != start {
                        chain.append(cursor)
                        cursor = previous[cursor]!
                    }
                    return [start] + chain.reversed() + [start]
                }
                if previous[next] == nil {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return [start, start]
    }

    /// Tarjan's algorithm without recursion; components come out in a
    /// deterministic order, each listing its nodes.
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var indexOf = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        for root in 0..<count where indexOf[root] < 0 {
            // Frames: (node, position of the next edge to follow).
            var frames: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.edge < edges[node].count {
                    frames[frames.count - 1].edge += 1
                    let next = edges[node][frame.edge]
                    if indexOf[next] < 0 {
                        indexOf[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        frames.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], indexOf[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == indexOf[node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
