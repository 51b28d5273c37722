/// How much space one part of a `Layout.split` asks for.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (when there is room).
    case length(Int)
    /// This percentage (0-100) of the whole area's length.
    case percentage(Int)
    /// At least this many cells; shares what is left over like `fill(1)`.
    case min(Int)
    /// A share, by weight, of what the other constraints leave over.
    case fill(Int = 1)
}

/// The axis along which `Layout.split` divides an area.
public enum Direction: Sendable {
    case horizontal, vertical
}

/// Divides a rectangle into consecutive parts.
public enum Layout {
    /// Splits `area` along `direction` into one rectangle per constraint, with
    /// `spacing` cells between neighbours.
    ///
    /// Lengths, percentages (of the area's length) and minimums are given
    /// first; what is left is shared by weight among `fill` and `min`
    /// constraints (`min` weighs 1), using largest remainders so the shares
    /// add up exactly. When the fixed sizes do not fit they are shrunk from
    /// the last constraint backwards. The result has one rectangle per
    /// constraint; they never overlap and never leave `area` (parts that get
    /// no room are empty rectangles at the area's far edge).
    public static func split(_ area: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let length = direction == .horizontal ? area.width : area.height
        let gap = Swift.max(0, spacing)
        let available = Swift.max(0, length - gap * (constraints.count - 1))
        let sizes = sizes(for: constraints, length: length, available: available)

        var result: [Rect] = []
        result.reserveCapacity(constraints.count)
        let start = direction == .horizontal ? area.x : area.y
        let end = start + length
        var cursor = start
        for size in sizes {
            let from = Swift.min(cursor, end)
            let extent = Swift.min(size, end - from)
            switch direction {
            case .horizontal:
                result.append(Rect(x: from, y: area.y, width: extent, height: area.height))
            case .vertical:
                result.append(Rect(x: area.x, y: from, width: area.width, height: extent))
            }
            cursor = from + extent + gap
        }
        return result
    }

    /// The size of each part along the split axis; they sum to at most `available`.
    static func sizes(for constraints: [Constraint], length: Int, available: Int) -> [Int] {
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n): return Swift.max(0, n)
            case .percentage(let p): return length * Swift.min(100, Swift.max(0, p)) / 100
            case .min(let n): return Swift.max(0, n)
            case .fill: return 0
            }
        }
        var excess = sizes.reduce(0, +) - available
        if excess > 0 {
            for i in sizes.indices.reversed() where excess > 0 {
                let cut = Swift.min(sizes[i], excess)
                sizes[i] -= cut
                excess -= cut
            }
            return sizes
        }

        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .min: return 1
            case .fill(let w): return Swift.max(0, w)
            case .length, .percentage: return 0
            }
        }
        let shares = distribute(-excess, weights: weights)
        for i in sizes.indices { sizes[i] += shares[i] }
        return sizes
    }

    /// Splits `total` cells in proportion to `weights` so the parts sum to
    /// exactly `total` (when any weight is positive): each part gets the floor
    /// of its exact share, and the cells left over go to the largest
    /// fractional remainders, earlier parts first on ties.
    public static func distribute(_ total: Int, weights: [Int]) -> [Int] {
        let weightSum = weights.reduce(0) { $0 + Swift.max(0, $1) }
        guard total > 0, weightSum > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * Swift.max(0, $0) / weightSum }
        let remainders = weights.map { total * Swift.max(0, $0) % weightSum }
        var left = total - parts.reduce(0, +)
        let order = remainders.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        for i in order where left > 0 && weights[i] > 0 {
            parts[i] += 1
            left -= 1
        }
        return parts
    }
}

extension Rect {
    /// This rectangle split into parts; see `Layout.split`.
    public func split(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, direction, constraints, spacing: spacing)
    }
}
