import SimKernel

/// The summary `flightdeck validate` prints for a valid project file.
public enum ProjectSummary {
    /// How many upcoming scheduled times are listed per pipeline.
    public static let upcomingCount = 3

    /// Project name, seed and pools, then per pipeline: step count,
    /// description, schedule with the next scheduled times after `now`
    /// (calendar labels, UTC), triggers, run limits and params with their
    /// defaults. Pipelines in file order.
    public static func lines(for spec: ProjectSpec, now: SimTime, calendar: SimCalendar) -> [String] {
        var lines = ["project: \(spec.name)", "seed: \(spec.seed)"]
        lines.append("pools: " + (spec.pools.isEmpty ? "none" : spec.pools.map { "\($0.id) \($0.size)" }.joined(separator: ", ")))
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
        return lines
    }

    private static func quoted(_ value: ParamValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.description
    }
}
