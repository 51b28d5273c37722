import Engine
import TUICore

/// The versions side by side (stable first): live share, requests, errors
/// and error rate, latency percentiles, accuracy, agreement, replicas and
/// cost in replica-hours.
enum VersionMetricsPanel {
    static func render(_ d: DeploymentSummary, compact: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let window = d.versions.first.map { $0.window.window.compactDescription }
        let title = "Versions" + (window.map { "\(context.separator)last \($0)" } ?? "")
        let inner = PipelinesView.block(title, focused: false, context: context, area: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let versions = d.versions
        guard !versions.isEmpty else {
            buffer.put("No version is serving yet.", in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        var rows: [(String, (VersionServingSummary) -> String)] = [
            ("live", { DeploymentAppearance.percent($0.livePercent) }),
        ]
        if versions.contains(where: { $0.mirrorPercent > 0 || $0.window.mirrored > 0 }) {
            rows.append(("mirrored", { $0.mirrorPercent > 0 || $0.window.mirrored > 0 ? "\(VersionAppearance.compactCount($0.window.mirrored)) \(DeploymentAppearance.percent($0.mirrorPercent))" : "-" }))
        }
        rows += [
            ("requests", { VersionAppearance.compactCount($0.window.requests) }),
            ("errors", { $0.window.requests > 0 ? "\(VersionAppearance.compactCount($0.window.errors)) \(DeploymentAppearance.fractionPercent($0.window.errorRate))" : "-" }),
        ]
        if compact {
            rows.append(("p50/95/99", { latencies($0.window) }))
        } else {
            rows += [
                ("p50", { DeploymentAppearance.latency($0.window.p50LatencyMs) }),
                ("p95", { DeploymentAppearance.latency($0.window.p95LatencyMs) }),
                ("p99", { DeploymentAppearance.latency($0.window.p99LatencyMs) }),
            ]
        }
        // Accuracy and agreement only when some version has them (labels
        // arrived; compared traffic).
        if versions.contains(where: { $0.window.accuracy != nil }) {
            rows.append(("accuracy", { DeploymentAppearance.ratio($0.window.accuracy) }))
        }
        if versions.contains(where: { $0.window.agreement != nil }) {
            rows.append(("agreement", { DeploymentAppearance.ratio($0.window.agreement) }))
        }
        rows += [
            ("replicas", { String($0.replicas) }),
            ("cost", { DeploymentAppearance.replicaHours($0.totals.replicaHours) }),
        ]
        var columns = [TableColumn("", width: .length(compact ? 10 : 9))]
        for version in versions {
            columns.append(TableColumn(DeploymentAppearance.header(version), width: .fill(), alignment: .right))
        }
        let table = Table(
            columns: columns,
            rows: rows.map { name, cell in
                TableRow([name] + versions.map(cell), cellStyles: [p.muted] + versions.map { _ in nil })
            },
            headerStyle: p.title, rowStyle: p.text, selectedStyle: p.selection, glyphs: context.glyphs
        )
        let tableArea = inner.inset(left: 1, right: 1)
        table.render(into: &buffer, area: tableArea)
        // Each version's header in its colour, so the table matches the bar.
        guard tableArea.height > 0 else { return }
        let scrolls = rows.count > tableArea.height - 1 && tableArea.width > 1
        let cells = Layout.split(scrolls ? tableArea.inset(right: 1) : tableArea, .horizontal, columns.map(\.width), spacing: table.columnSpacing)
        for (index, cell) in cells.enumerated().dropFirst() {
            let style = p.version(versions[index - 1].version).bold()
            for x in cell.x..<cell.maxX where buffer[x, tableArea.y].scalar != " " {
                buffer.set(buffer[x, tableArea.y].scalar, x: x, y: tableArea.y, style: style)
            }
        }
    }

    /// `19/41/58ms`: the three percentiles in one cell.
    static func latencies(_ window: VersionWindowMetrics) -> String {
        guard let p50 = window.p50LatencyMs, let p95 = window.p95LatencyMs, let p99 = window.p99LatencyMs,
              p50.isFinite, p95.isFinite, p99.isFinite else { return "-" }
        func whole(_ ms: Double) -> String { VersionAppearance.fixed(ms, decimals: 0) }
        return "\(whole(p50))/\(whole(p95))/\(whole(p99))ms"
    }
}
