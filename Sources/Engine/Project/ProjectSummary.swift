import SimKernel

/// The summary `flightdeck validate` prints for a valid project file.
public enum ProjectSummary {
    /// How many upcoming scheduled times are listed per pipeline.
    public static let upcomingCount = 3

    /// Project name, seed, pools and data, then per pipeline: step count,
    /// description, schedule with the next scheduled times after `now`
    /// (calendar labels, UTC), triggers, run limits and params with their
    /// defaults; then the models with their promotion policy. File order.
    public static func lines(for spec: ProjectSpec, now: SimTime, calendar: SimCalendar) -> [String] {
        var lines = ["project: \(spec.name)", "seed: \(spec.seed)"]
        lines.append("pools: " + (spec.pools.isEmpty ? "none" : spec.pools.map { "\($0.id) \($0.size)" }.joined(separator: ", ")))
        if let data = spec.data {
            let names = data.features.map(\.name).joined(separator: ", ")
            lines.append("data: \(data.features.count) features (\(names)), \(data.drift.count) drift scenario\(data.drift.count == 1 ? "" : "s")")
        } else {
            lines.append("data: none")
        }
        lines.append("pipelines: \(spec.pipelines.count)")
        for pipeline in spec.pipelines {
            let steps = pipeline.steps.count == 1 ? "1 step" : "\(pipeline.steps.count) steps"
            lines.append("pipeline \(pipeline.id): \(steps)" + (pipeline.description.map { " - \($0)" } ?? ""))
            if let schedule = pipeline.schedule {
                let upcoming = schedule.upcoming(after: now, count: upcomingCount, calendar: calendar).map(calendar.label)
                let next = upcoming.isEmpty ? "never matches" : "next " + upcoming.joined(separator: ", ")
                lines.append("  schedule: \(schedule) (UTC); \(next)")
            } else {
                lines.append("  schedule: none")
            }
            lines.append("  triggers: " + pipeline.triggers.map(\.description).joined(separator: ", "))
            lines.append("  max_active_runs: \(pipeline.maxActiveRuns), catchup: \(pipeline.catchup)")
            let params = pipeline.params.map { "\($0.name) = \(quoted($0.defaultValue)) (\($0.defaultValue.typeName))" }
            lines.append("  params: " + (params.isEmpty ? "none" : params.joined(separator: ", ")))
        }
        lines.append("models: \(spec.models.count)")
        for model in spec.models {
            var line = "model \(model.id): policy \(model.policy)"
            if let timeout = model.approvalTimeout { line += ", approval timeout \(timeout) then \(model.onTimeout)" }
            lines.append(line)
        }
        return lines
    }

    private static func quoted(_ value: ParamValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.description
    }
}
