import Engine
import TUICore

/// What a screen shows while the engine has nothing of its kind: a plain
/// sentence saying what will appear there. Never sample data.
enum EmptyStateView {
    static func explanation(for screen: Screen) -> [String] {
        switch screen {
        case .overview:
            return [
                "No pipelines, deployments or monitors are running in this project yet.",
                "This screen will show active pipeline runs with their DAG progress, deployments with their traffic splits, the most drifting features, SLO state, firing alerts and approvals waiting for a decision.",
            ]
        case .pipelines:
            return [
                "No pipelines are defined yet.",
                "Pipelines declared in flightdeck.yaml will be listed here with their last run, next scheduled time and success rate; the selected run shows its DAG, a timeline of step attempts and the step's log.",
            ]
        case .deployments:
            return [
                "No deployments are defined yet.",
                "Add one under `deployments:` in flightdeck.yaml (model, serving mode, replicas and a strategy; see docs/project-file.md), then run flightdeck validate.",
                "Each deployment will show its strategy (basic, shadow, canary, A/B, blue/green, bandit, rolling, feature flag), the traffic split between model versions and its history, per-version metrics, the step plan and the analysis against its thresholds. Here p promotes, a aborts, Space pauses the rollout, w sets a weight and r retries.",
            ]
        case .models:
            return [
                "No models are registered yet.",
                "Registered models will be listed with their versions, aliases, metrics and lineage; a candidate waiting for promotion is approved or rejected here.",
            ]
        case .monitors:
            return [
                "No monitors are defined yet.",
                "Add one under `monitors:` in flightdeck.yaml (the deployment to watch, drift features and thresholds, concept detectors, SLOs; see docs/project-file.md), then run flightdeck validate.",
                "Data drift per feature, latency, error rate, accuracy and SLO budgets will be charted here against their thresholds.",
            ]
        case .events:
            return ["No events yet."]
        }
    }

    static func render(screen: Screen, snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = Block(title: screen.title, borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
        let text = inner.inset(top: 1, left: 2, bottom: 0, right: 2)
        var y = text.y
        for (index, paragraph) in explanation(for: screen).enumerated() {
            for line in TextLayout.wrap(paragraph, width: text.width) where y < text.maxY {
                buffer.put(line, x: text.x, y: y, maxWidth: text.width, style: index == 0 ? p.text : p.muted)
                y += 1
            }
            y += 1
        }
    }
}
