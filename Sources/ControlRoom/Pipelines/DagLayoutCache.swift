import Synchronization
import TUICore

/// Remembers DAG layouts between frames. A layout depends only on the
/// graph's shape (ids, labels, edges, the per-layer limit, whether details
/// get room) — never on the changing durations, which are laid out with a
/// fixed-width placeholder — so a run's DAG is laid out once, not 4 times a
/// second. Keeps the few most recent shapes.
enum DagLayoutCache {
    struct Key: Hashable, Sendable {
        var nodes: [String]
        var labels: [String]
        var edges: [DagEdge]
        var maxNodesPerLayer: Int
        var details: Bool
    }

    /// Room reserved for a node's detail (`#2 12m05s`).
    static let detailPlaceholder = "#99 99m99s"
    private static let capacity = 16
    private static let entries = Mutex<[(key: Key, layout: DagLayout)]>([])

    static func layout(ids: [String], labels: [String], edges: [DagEdge], maxNodesPerLayer: Int, details: Bool) -> DagLayout {
        let key = Key(nodes: ids, labels: labels, edges: edges, maxNodesPerLayer: maxNodesPerLayer, details: details)
        if let hit = entries.withLock({ cache in cache.first { $0.key == key }?.layout }) { return hit }
        let nodes = zip(ids, labels).map { DagNode(id: $0, label: $1, detail: details ? detailPlaceholder : nil) }
        let layout = DagLayout.compute(nodes: nodes, edges: edges, maxNodesPerLayer: maxNodesPerLayer)
        entries.withLock { cache in
            cache.insert((key, layout), at: 0)
            if cache.count > capacity { cache.removeLast() }
        }
        return layout
    }
}
