import TUITestSupport
import XCTest
@testable import TUICore

final class DagGraphTests: XCTestCase {
    private func nodes(_ ids: [String]) -> [DagNode] {
        ids.map { DagNode(id: $0, label: $0) }
    }

    private func edges(_ pairs: [(String, String)]) -> [DagEdge] {
        pairs.map { DagEdge(from: $0.0, to: $0.1) }
    }

    private func render(
        _ nodes: [DagNode], _ edges: [DagEdge], width: Int, height: Int, maxNodesPerLayer: Int? = nil,
        selected: String? = nil, offset: (x: Int, y: Int) = (0, 0), glyphs: GlyphSet = .unicode
    ) -> CellBuffer {
        let layout = DagLayout.compute(nodes: nodes, edges: edges, maxNodesPerLayer: maxNodesPerLayer)
        let graph = DagGraph(layout: layout, nodes: nodes, edges: edges, selected: selected, offsetX: offset.x, offsetY: offset.y, glyphs: glyphs)
        var buffer = CellBuffer(width: width, height: height)
        graph.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    func testLinearChain() {
        let steps = ["sample", "validate", "train", "evaluate", "register", "notify"]
        var ns = nodes(steps)
        ns[0].glyph = "✓"; ns[1].glyph = "✓"
        ns[2].glyph = "●"; ns[2].detail = "2/3 1m05s"
        let es = edges(zip(steps, steps.dropFirst()).map { ($0, $1) })
        assertSnapshot(render(ns, es, width: 100, height: 3), named: "linear-chain")
    }

    func testDiamond() {
        let buffer = render(nodes(["a", "b", "c", "d"]), edges([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]), width: 30, height: 5)
        assertSnapshot(buffer, named: "diamond")
    }

    func testFanOutAndIn() {
        let mids = (1...5).map { "m\($0)" }
        let es = edges(mids.map { ("src", $0) } + mids.map { ($0, "sink") })
        let buffer = render(nodes(["src"] + mids + ["sink"]), es, width: 34, height: 10)
        assertSnapshot(buffer, named: "fan-out-in")
    }

    func testEdgeSkippingALayerUsesDummy() {
        let ns = nodes(["a", "b", "c"])
        let es = edges([("a", "b"), ("b", "c"), ("a", "c")])
        let layout = DagLayout.compute(nodes: ns, edges: es)
        XCTAssertEqual(layout.layers.count, 3)
        XCTAssertTrue(layout.layers[1].contains(.dummy(from: "a", to: "c")))
        assertSnapshot(render(ns, es, width: 34, height: 4), named: "skip-layer")
    }

    func testAsciiGlyphsArePureASCII() {
        let ns = nodes(["a", "b", "c", "d", "e"])
        let es = edges([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("a", "e"), ("e", "d")])
        let buffer = render(ns, es, width: 40, height: 6, glyphs: .ascii)
        for line in buffer.lines {
            XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line)
        }
        assertSnapshot(buffer, named: "ascii")
    }

    func testCollapsedLayer() {
        let mids = (1...8).map { "worker\($0)" }
        let es = edges(mids.map { ("split", $0) } + mids.map { ($0, "join") })
        let ns = nodes(["split"] + mids + ["join"])
        let layout = DagLayout.compute(nodes: ns, edges: es, maxNodesPerLayer: 4)
        XCTAssertEqual(layout.layers[1].count, 4)
        XCTAssertEqual(layout.layers[1].last, .collapsed(hidden: ["worker4", "worker5", "worker6", "worker7", "worker8"]))
        XCTAssertEqual(layout.position(of: "worker6")?.y, layout.slotY[1][3])
        let buffer = render(ns, es, width: 40, height: 8, maxNodesPerLayer: 4, selected: "worker7")
        assertSnapshot(buffer, named: "collapsed")
    }

    func testSelectedNode() {
        var ns = nodes(["fetch", "clean", "fit"])
        ns[1].detail = "12s"
        ns[1].style = Style(fg: .indexed(2))
        let buffer = render(ns, edges([("fetch", "clean"), ("clean", "fit")]), width: 40, height: 1, selected: "clean")
        assertSnapshot(buffer, named: "selected")
        let cleanStart = buffer.text(ofRow: 0).firstRange(of: "clean").map { buffer.text(ofRow: 0).distance(from: buffer.text(ofRow: 0).startIndex, to: $0.lowerBound) }
        XCTAssertNotNil(cleanStart)
        XCTAssertTrue(buffer[cleanStart!, 0].style.attributes.contains(.reverse))
        XCTAssertEqual(buffer[cleanStart!, 0].style.fg, .indexed(2))
    }

    func testRandomDagInViewportAtTwoOffsets() {
        let (ns, es) = DagGraphTests.randomDag(count: 200, seed: 7)
        let layout = DagLayout.compute(nodes: ns, edges: es)
        let start = DagGraph.offsetToReveal("n0", layout: layout, viewport: (80, 20), currentOffset: (0, 0))
        let first = DagGraph(layout: layout, nodes: ns, edges: es, selected: "n0", offsetX: start.x, offsetY: start.y)
        var buffer = CellBuffer(width: 80, height: 20)
        first.render(into: &buffer, area: buffer.bounds)
        XCTAssertTrue(buffer.lines.contains { $0.contains("step-0-with") })
        assertSnapshot(buffer, named: "random-200-origin")
        let later = DagGraph.offsetToReveal("n120", layout: layout, viewport: (80, 20), currentOffset: start)
        XCTAssertNotEqual(later.x, start.x)
        let second = DagGraph(layout: layout, nodes: ns, edges: es, selected: "n120", offsetX: later.x, offsetY: later.y)
        second.render(into: &buffer, area: buffer.bounds)
        XCTAssertTrue(buffer.lines.contains { $0.contains("step-120") })
        assertSnapshot(buffer, named: "random-200-offset")
    }

    func testRenderClipsToAreaInsideLargerBuffer() {
        let ns = nodes(["a", "b", "c", "d"])
        let es = edges([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
        let layout = DagLayout.compute(nodes: ns, edges: es)
        var buffer = CellBuffer(width: 20, height: 5, fill: Cell("#"))
        DagGraph(layout: layout, nodes: ns, edges: es, offsetX: 3, offsetY: 1).render(into: &buffer, area: Rect(x: 2, y: 1, width: 10, height: 3))
        for y in 0..<5 {
            for x in 0..<20 where !Rect(x: 2, y: 1, width: 10, height: 3).contains(x: x, y: y) {
                XCTAssertEqual(buffer[x, y].scalar, "#", "cell \(x),\(y) outside the area changed")
            }
        }
        assertSnapshot(buffer, named: "clipped-area")
    }

    // MARK: - Layout properties

    func testLayeringIsLongestPath() {
        let ns = nodes(["a", "b", "c", "d", "e"])
        let es = edges([("a", "b"), ("b", "c"), ("c", "d"), ("a", "d"), ("e", "d")])
        let layout = DagLayout.compute(nodes: ns, edges: es)
        XCTAssertEqual(layerOf("a", layout), 0)
        XCTAssertEqual(layerOf("b", layout), 1)
        XCTAssertEqual(layerOf("c", layout), 2)
        XCTAssertEqual(layerOf("d", layout), 3)
        XCTAssertEqual(layerOf("e", layout), 0)
    }

    func testEveryEdgeGoesLeftToRightAndNodesDoNotOverlap() {
        let (ns, es) = DagGraphTests.randomDag(count: 200, seed: 3)
        let layout = DagLayout.compute(nodes: ns, edges: es)
        for edge in es {
            let from = layout.box(of: edge.from)!, to = layout.box(of: edge.to)!
            XCTAssertLessThan(from.maxX, to.x, "\(edge.from) -> \(edge.to)")
            XCTAssertLessThan(layerOf(edge.from, layout)!, layerOf(edge.to, layout)!)
        }
        var occupied = Set<Int>()
        for (l, ys) in layout.slotY.enumerated() {
            for y in ys {
                for x in layout.columnX[l]..<(layout.columnX[l] + layout.columnWidths[l]) {
                    XCTAssertTrue(occupied.insert(y * layout.canvasWidth + x).inserted, "overlap at \(x),\(y)")
                }
                XCTAssertLessThan(y, layout.canvasHeight)
            }
            XCTAssertLessThanOrEqual(layout.columnX[l] + layout.columnWidths[l], layout.canvasWidth)
        }
        XCTAssertEqual(Set(ns.map(\.id)).count, layout.layers.joined().filter { if case .node = $0 { true } else { false } }.count)
    }

    func testOffsetToRevealKeepsNodeInView() {
        let (ns, es) = DagGraphTests.randomDag(count: 200, seed: 11)
        let layout = DagLayout.compute(nodes: ns, edges: es)
        var offset = (x: 0, y: 0)
        for id in ["n199", "n0", "n120", "n57", "n150"] {
            offset = DagGraph.offsetToReveal(id, layout: layout, viewport: (80, 20), currentOffset: offset)
            let box = layout.box(of: id)!
            XCTAssertGreaterThanOrEqual(box.x, offset.x, id)
            XCTAssertLessThanOrEqual(min(box.maxX, box.x + 80), offset.x + 80, id)
            XCTAssertGreaterThanOrEqual(box.y, offset.y, id)
            XCTAssertLessThan(box.y, offset.y + 20, id)
            XCTAssertGreaterThanOrEqual(offset.x, 0)
            XCTAssertGreaterThanOrEqual(offset.y, 0)
        }
        // Already visible: the offset does not move.
        let box = layout.box(of: "n150")!
        let unchanged = DagGraph.offsetToReveal("n150", layout: layout, viewport: (80, 20), currentOffset: offset)
        XCTAssertEqual(unchanged.x, offset.x)
        XCTAssertEqual(unchanged.y, offset.y)
        XCTAssertNotNil(box)
    }

    func testDeterministic() {
        let (ns, es) = DagGraphTests.randomDag(count: 200, seed: 5)
        let first = DagLayout.compute(nodes: ns, edges: es, maxNodesPerLayer: 9)
        for _ in 0..<3 {
            XCTAssertEqual(DagLayout.compute(nodes: ns, edges: es, maxNodesPerLayer: 9), first)
        }
    }

    func testCrossingReductionRemovesAvoidableCrossings() {
        // Input order puts x2 above x1, crossing the edges a->x1, b->x2.
        let ns = nodes(["a", "b", "x2", "x1"])
        let es = edges([("a", "x1"), ("b", "x2")])
        let layout = DagLayout.compute(nodes: ns, edges: es)
        XCTAssertEqual(layout.layers[1], [.node("x1"), .node("x2")])
    }

    func testCyclesAndBadEdgesAreIgnored() {
        let ns = nodes(["a", "b", "c"])
        let es = edges([("a", "b"), ("b", "c"), ("c", "a"), ("a", "zzz"), ("b", "b"), ("a", "b")])
        let layout = DagLayout.compute(nodes: ns, edges: es)
        XCTAssertEqual(layout.layers.map(\.count), [1, 1, 1])
        XCTAssertEqual(layout.routes.map(\.count), [1, 1])
    }

    func testLineCanvasJunctions() {
        var canvas = LineCanvas(width: 5, height: 3)
        canvas.addHorizontal(y: 1, from: 0, to: 4)
        canvas.addVertical(x: 2, from: 0, to: 2)
        canvas.addVertical(x: 4, from: 1, to: 2)
        var buffer = CellBuffer(width: 5, height: 3)
        canvas.draw(into: &buffer, x: 0, y: 0, clip: buffer.bounds, style: .plain, glyphs: .unicode)
        XCTAssertEqual(buffer.lines, ["  │  ", "──┼─┐", "  │ │"])
    }

    private func layerOf(_ id: String, _ layout: DagLayout) -> Int? {
        layout.layers.firstIndex { $0.contains(.node(id)) }
    }

    /// A reproducible random DAG: node k depends on one to three of the
    /// six nodes before it (an LCG, no system randomness).
    static func randomDag(count: Int, seed: UInt64) -> ([DagNode], [DagEdge]) {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var nodes: [DagNode] = []
        var edges: [DagEdge] = []
        let glyphs: [Unicode.Scalar] = ["✓", "●", "✗", "○"]
        for k in 0..<count {
            let label = k % 9 == 0 ? "step-\(k)-with-a-rather-long-name" : "step-\(k)"
            nodes.append(DagNode(id: "n\(k)", label: label, detail: k % 5 == 0 ? "\(k % 7)s" : nil, glyph: glyphs[k % 4]))
            guard k > 0 else { continue }
            for _ in 0..<(1 + next(3)) {
                let from = max(0, k - 1 - next(6))
                edges.append(DagEdge(from: "n\(from)", to: "n\(k)"))
            }
        }
        return (nodes, edges)
    }
}
