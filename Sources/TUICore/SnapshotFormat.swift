/// The committed text form of a rendered buffer, used by snapshot tests:
/// the text grid between `|` fences, then one line per row listing the runs
/// of non-plain style as `x..x fg/bg attrs`.
public enum SnapshotFormat {
    public static func render(_ buffer: CellBuffer) -> String {
        var out = "size \(buffer.width)x\(buffer.height)\n"
        for y in 0..<buffer.height {
            out += "|" + buffer.text(ofRow: y) + "|\n"
        }
        out += "styles\n"
        for y in 0..<buffer.height {
            var runs: [String] = []
            var x = 0
            while x < buffer.width {
                let style = buffer[x, y].style
                var end = x + 1
                while end < buffer.width && buffer[end, y].style == style { end += 1 }
                if style != .plain { runs.append("\(x)..\(end - 1) \(describe(style))") }
                x = end
            }
            if !runs.isEmpty { out += "\(y): " + runs.joined(separator: "; ") + "\n" }
        }
        return out
    }

    public static func describe(_ style: Style) -> String {
        var parts = ["\(describe(style.fg))/\(describe(style.bg))"]
        let a = style.attributes
        if a.contains(.bold) { parts.append("bold") }
        if a.contains(.dim) { parts.append("dim") }
        if a.contains(.reverse) { parts.append("reverse") }
        if a.contains(.underline) { parts.append("underline") }
        return parts.joined(separator: " ")
    }

    public static func describe(_ color: Color) -> String {
        switch color {
        case .default: return "-"
        case .indexed(let i): return "i\(i)"
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
        }
    }

    /// A minimal line diff: each differing line as `-expected` / `+actual`
    /// with its line number.
    public static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : nil
            let al = i < a.count ? String(a[i]) : nil
            if el != al {
                out.append("line \(i + 1):")
                if let el { out.append("- \(el)") }
                if let al { out.append("+ \(al)") }
            }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
