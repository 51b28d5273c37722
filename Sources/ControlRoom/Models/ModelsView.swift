import Engine
import TUICore

/// The Models screen: models on the left (champion, policy, pending
/// approvals) with the selected model's aliases and states below; the
/// versions table top right and the selected version's detail (lineage,
/// candidate vs champion, approval) below it.
enum ModelsView {
    static func render(snapshot: EngineSnapshot, state: UIState, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let data = ModelsData(snapshot: snapshot, state: state.models, filter: state.filter(for: .models))
        guard !data.models.isEmpty else {
            EmptyStateView.render(screen: .models, snapshot: snapshot, context: context, area: area, into: &buffer)
            return
        }
        let leftWidth = max(28, area.width * 30 / 100)
        let columns = area.split(.horizontal, [.length(leftWidth), .fill()])
        let listHeight = min(data.models.count + 3, max(5, area.height * 2 / 5))
        let left = columns[0].split(.vertical, [.length(listHeight), .fill()])
        let versionsHeight = min(max(data.versions.count, 1) + 3, max(6, area.height * 2 / 5))
        let right = columns[1].split(.vertical, [.length(versionsHeight), .fill()])
        let pane = state.models.pane

        ModelListPanel.render(data: data, focused: pane == .models, context: context, area: left[0], into: &buffer)
        ModelInfoPanel.render(data: data, context: context, area: left[1], into: &buffer)
        VersionsPanel.render(data: data, filter: state.filter(for: .models), focused: pane == .versions, context: context, area: right[0], into: &buffer)
        VersionDetailPanel.render(data: data, now: snapshot.now, context: context, area: right[1], into: &buffer)
    }
}
