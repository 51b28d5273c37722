/// Where every node and edge of a DAG goes on a left-to-right canvas.
///
/// Pure and deterministic: compute it once per DAG shape (nodes, edges and
/// the label/detail widths) and reuse it across frames; `DagGraph` draws any
/// viewport of it. Layers are columns (longest path from the sources), edges
/// spanning several layers pass through dummy slots, slots are ordered by
/// barycenter sweeps to reduce crossings, and each slot is one text row with
/// a blank row between neighbours.
public struct DagLayout: Sendable, Equatable {
    /// Widest label shown; longer labels are cut with an ellipsis.
    public static let maxLabelWidth = 24
    /// Width reserved at most for a node's detail text.
    public static let maxDetailWidth = 12
    /// Most vertical channels used in one gap between columns.
    public static let maxChannels = 6
    /// Canvas rows from one slot to the next.
    public static let rowPitch = 2

    /// The slots of each column, top to bottom.
    public var layers: [[LayoutSlot]]
    /// Size of the whole drawing in cells.
    public var canvasWidth: Int
    public var canvasHeight: Int
    /// Left canvas column of each layer.
    public var columnX: [Int]
    /// Width of each layer's column.
    public var columnWidths: [Int]
    /// Canvas row of each slot, parallel to `layers`.
    public var slotY: [[Int]]
    /// `routes[L]`: the edges from layer L to layer L+1, by source slot.
    public var routes: [[DagRoute]]
    private var boxes: [String: Rect]

    /// Lays out `nodes` (order breaks ties) and `edges`. When a layer has
    /// more than `maxNodesPerLayer` slots, its first `maxNodesPerLayer - 1`
    /// are kept and the rest become one `.collapsed` slot. Edges to unknown
    /// ids, self-loops, duplicates and edges closing a cycle are ignored.
    public static func compute(nodes: [DagNode], edges: [DagEdge], maxNodesPerLayer: Int? = nil) -> DagLayout {
        let layering = DagLayering(nodes: nodes, edges: edges)
        let order = DagCrossingReduction.order(layering: layering)

        // Collapse crowded layers: slot -> index of its display slot.
        var displayIndex = Array(repeating: 0, count: layering.slotLayer.count)
        var layers: [[LayoutSlot]] = []
        for slots in order {
            var shown: [LayoutSlot] = []
            let limit = maxNodesPerLayer.map { max(1, $0) } ?? Int.max
            if slots.count <= limit {
                for (i, slot) in slots.enumerated() {
                    displayIndex[slot] = i
                    shown.append(layering.slotKind[slot])
                }
            } else {
                var hidden: [String] = []
                for (i, slot) in slots.enumerated() {
                    if i < limit - 1 {
                        displayIndex[slot] = i
                        shown.append(layering.slotKind[slot])
                    } else {
                        displayIndex[slot] = limit - 1
                        if case .node(let id) = layering.slotKind[slot] { hidden.append(id) }
                    }
                }
                shown.append(.collapsed(hidden: hidden))
            }
            layers.append(shown)
        }
        var displayLinks: [[DagLayering.Link]] = []
        for (l, gap) in layering.links.enumerated() {
            // Deduplicated and sorted via a combined integer key.
            let stride = layers[l + 1].count
            var keys: [Int] = []
            keys.reserveCapacity(gap.count)
            for e in 0..<gap.count { keys.append(displayIndex[gap[e].from] * stride + displayIndex[gap[e].to]) }
            keys.sort()
            var links: [DagLayering.Link] = []
            links.reserveCapacity(keys.count)
            for k in 0..<keys.count where k == 0 || keys[k] != keys[k - 1] {
                links.append(DagLayering.Link(from: keys[k] / stride, to: keys[k] % stride))
            }
            displayLinks.append(links)
        }

        let rows = DagRowAssignment.rows(layerSizes: layers.map(\.count), links: displayLinks)
        let slotY = rows.map { $0.map { $0 * rowPitch } }

        var nodeByID: [String: DagNode] = [:]
        for node in nodes where nodeByID[node.id] == nil { nodeByID[node.id] = node }
        let columnWidths = layers.map { slots in
            slots.map { slotWidth($0, nodes: nodeByID) }.max() ?? 1
        }

        // Columns and gaps, left to right, with a channel per source.
        var columnX: [Int] = []
        var routes: [[DagRoute]] = []
        var x = 0
        for l in 0..<layers.count {
            columnX.append(x)
            x += columnWidths[l]
            guard l < displayLinks.count else { break }
            let (gapRoutes, channels) = route(displayLinks[l], sourceY: slotY[l], targetY: slotY[l + 1], channelStart: x + 2)
            routes.append(gapRoutes)
            x += gapWidth(channels: channels)
        }

        var boxes: [String: Rect] = [:]
        for (l, slots) in layers.enumerated() {
            for (i, slot) in slots.enumerated() {
                let box = Rect(x: columnX[l], y: slotY[l][i], width: columnWidths[l], height: 1)
                switch slot {
                case .node(let id): boxes[id] = box
                case .collapsed(let hidden): for id in hidden { boxes[id] = box }
                case .dummy: break
                }
            }
        }
        let maxY = slotY.compactMap { $0.last }.max() ?? -1
        return DagLayout(
            layers: layers, canvasWidth: x, canvasHeight: maxY + 1, columnX: columnX,
            columnWidths: columnWidths, slotY: slotY, routes: routes, boxes: boxes
        )
    }

    /// Top-left canvas cell of a node's box; for a node hidden in a
    /// collapsed slot, that slot's position. `nil` for unknown ids.
    public func position(of id: String) -> (x: Int, y: Int)? {
        boxes[id].map { ($0.x, $0.y) }
    }

    /// The canvas rectangle (one row, column wide) of a node's box, or of
    /// the collapsed slot hiding it.
    public func box(of id: String) -> Rect? {
        boxes[id]
    }

    /// Canvas columns between two layers for `channels` channel columns:
    /// a space, one cell of exit line, the channels, one cell of line, the
    /// arrowhead and a space.
    static func gapWidth(channels: Int) -> Int { channels + 5 }

    /// Text shown for a collapsed slot.
    static func collapsedText(_ hidden: [String], glyphs: GlyphSet) -> String {
        hidden.isEmpty ? glyphs.ellipsis : "+\(hidden.count) more"
    }

    private static func slotWidth(_ slot: LayoutSlot, nodes: [String: DagNode]) -> Int {
        switch slot {
        case .dummy: return 1
        case .collapsed(let hidden): return CharacterWidth.of(collapsedText(hidden, glyphs: .unicode))
        case .node(let id):
            guard let node = nodes[id] else { return 1 }
            let label = min(CharacterWidth.of(node.label), maxLabelWidth)
            let detail = node.detail.map { 1 + min(CharacterWidth.of($0), maxDetailWidth) } ?? 0
            return 2 + label + detail
        }
    }

    /// Groups a gap's links by source and gives each source that must move
    /// vertically its own channel, shared by sources with identical targets
    /// (and round-robin beyond `maxChannels`).
    /// Downward sources take channels from the right, topmost first, then
    /// upward ones bottommost first, which avoids most crossings between them.
    private static func route(_ links: [DagLayering.Link], sourceY: [Int], targetY: [Int], channelStart: Int) -> ([DagRoute], Int) {
        // Links are sorted by source, so each source's targets are one run.
        var sources: [Int] = []
        var targets: [[Int]] = []
        for link in links {
            if sources.last != link.from {
                sources.append(link.from)
                targets.append([])
            }
            targets[targets.count - 1].append(link.to)
        }
        var down: [(Int, Int)] = [], up: [(Int, Int)] = []
        for n in 0..<sources.count {
            let s = sources[n], ts = targets[n]
            guard ts.contains(where: { targetY[$0] != sourceY[s] }) else { continue }
            let delta = ts.reduce(0) { $0 + targetY[$1] - sourceY[s] }
            if delta >= 0 { down.append((sourceY[s], n)) } else { up.append((-sourceY[s], n)) }
        }
        let needing = down.sorted { $0 < $1 }.map(\.1) + up.sorted { $0 < $1 }.map(\.1)
        // Sources with the same targets share a trunk: no ambiguity there.
        var groups: [[Int]] = []
        var groupOf: [[Int]: Int] = [:]
        for n in needing {
            if let g = groupOf[targets[n]] { groups[g].append(n) } else { groupOf[targets[n]] = groups.count; groups.append([n]) }
        }
        let channels = max(1, min(groups.count, maxChannels))
        var channelOf = Array(repeating: Int?.none, count: sources.count)
        for (k, group) in groups.enumerated() {
            for n in group { channelOf[n] = channelStart + channels - 1 - k % channels }
        }
        var routes: [DagRoute] = []
        routes.reserveCapacity(sources.count)
        for n in 0..<sources.count {
            routes.append(DagRoute(source: sources[n], targets: targets[n], channelX: channelOf[n]))
        }
        return (routes, channels)
    }
}
