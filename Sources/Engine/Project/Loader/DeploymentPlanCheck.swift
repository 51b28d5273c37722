import SimKernel

/// The load-time warnings of a deployment's plan: an analysis whose window
/// cannot collect `min_requests` candidate requests at the configured
/// traffic, and an A/B test or bandit whose minimum samples take longer
/// than its `max_duration`. Estimates use the mode's mean rate
/// (``ServingMode/meanRequestsPerSecond``); they do not stop the project
/// from loading.
enum DeploymentPlanCheck {
    /// What the checks need to know about the deployment.
    struct Context {
        var deployment: String
        var mode: ServingMode
        var labelDelay: SimDuration
        var replicas: Int

        var rate: Double { mode.meanRequestsPerSecond }

        /// `50/s`, or how a batch or edge rate comes about.
        var rateText: String {
            let rate = "\(ServingValueParsing.format(self.rate))/s"
            switch mode {
            case .realTime, .streaming:
                return rate
            case .batch(let batch):
                return "\(rate) on average (\(batch.rows) rows every \(batch.every))"
            case .edge(let fleet):
                return "\(rate) (\(fleet.devices) devices × \(ServingValueParsing.format(fleet.onlineShare * 100))% online × "
                    + "\(ServingValueParsing.format(fleet.requestsPerSecond))/s)"
            }
        }
    }

    /// Warns when `analysis`, run while the candidate gets
    /// `candidatePercent` of the traffic, expects fewer than its
    /// min_requests requests (rate × share × window) or, for accuracy
    /// conditions, labelled requests (rate × share × (window − label delay)).
    static func traffic(_ analysis: AnalysisSpec, candidatePercent: Double, during: String, context: Context, at position: SourcePosition,
                        diagnostics d: inout ProjectDiagnostics) {
        let share = candidatePercent / 100
        let window = analysis.window.seconds
        let metrics = analysis.conditions.map(\.metric)
        var problems: [String] = []
        if metrics.contains(where: { !$0.needsLabels }) {
            let expected = context.rate * share * window
            if expected < Double(analysis.minRequests) {
                problems.append("about \(count(expected)) candidate requests per \(analysis.window) window "
                                + "(\(context.rateText) × \(percent(candidatePercent)) × \(ServingValueParsing.format(window))s)")
            }
        }
        if metrics.contains(where: \.needsLabels) {
            let labelled = max(0, window - context.labelDelay.seconds)
            let expected = context.rate * share * labelled
            if expected < Double(analysis.minRequests) {
                let span = context.labelDelay > .zero
                    ? "(\(ServingValueParsing.format(window))s − \(ServingValueParsing.format(context.labelDelay.seconds))s label delay)"
                    : "\(ServingValueParsing.format(window))s"
                problems.append("about \(count(expected)) labelled candidate requests per \(analysis.window) window for accuracy "
                                + "(\(context.rateText) × \(percent(candidatePercent)) × \(span))")
            }
        }
        guard !problems.isEmpty else { return }
        d.warning("deployment '\(context.deployment)': \(during) expects \(problems.joined(separator: " and ")), "
                  + "below its min_requests \(analysis.minRequests), so it will be inconclusive; "
                  + "raise the weight, the window or the traffic, or lower min_requests", at: position)
    }

    /// Warns when collecting `needed` samples on an arm that gets `percent`
    /// of the traffic (plus the label delay when the samples are labelled
    /// requests) takes longer than `maxDuration`.
    static func sampleTime(needed: Int, label: String, percent armPercent: Double, arm: String, labelled: Bool, maxDuration: SimDuration,
                           what: String, context: Context, at position: SourcePosition, diagnostics d: inout ProjectDiagnostics) {
        let perSecond = context.rate * armPercent / 100
        guard perSecond > 0 else { return }
        let seconds = Double(needed) / perSecond + (labelled ? context.labelDelay.seconds : 0)
        guard seconds > maxDuration.seconds else { return }
        let time = SimDuration.seconds(Int64(min(seconds, 1e12).rounded(.up))).compactDescription
        let delay = labelled && context.labelDelay > .zero ? ", plus the \(context.labelDelay) label delay" : ""
        let kind = labelled ? "labelled requests" : "requests"
        d.warning("deployment '\(context.deployment)': \(what) needs about \(time) to collect its \(label) \(needed) \(kind) on \(arm) "
                  + "(\(context.rateText) × \(percent(armPercent))\(delay)), longer than its max_duration \(maxDuration), "
                  + "so it will end without enough samples; raise the traffic or max_duration, or lower \(label)", at: position)
    }

    private static func count(_ value: Double) -> String { String(Int64(value.rounded(.down))) }
    private static func percent(_ value: Double) -> String { "\(ServingValueParsing.format(value))%" }
}
