import SimKernel

/// Text of metric values and thresholds in plans, checks and reasons.
enum MetricText {
    /// A metric value: latencies to one decimal (`182`, `151.3`), shares
    /// to four decimals (`0.0312`).
    static func value(_ value: Double, of metric: AnalysisMetric) -> String {
        switch metric {
        case .p50LatencyMs, .p95LatencyMs, .p99LatencyMs: return NumberText.format(value, decimals: 1)
        case .errorRate, .accuracy, .agreement: return NumberText.format(value, decimals: 4)
        }
    }

    /// The operator that holds when `comparison` does not (`<` fails as `>=`).
    static func negation(of comparison: ComparisonOperator) -> String {
        switch comparison {
        case .less: return ">="
        case .lessOrEqual: return ">"
        case .greater: return "<="
        case .greaterOrEqual: return "<"
        }
    }

    /// A percentage of traffic: `25%`, `37.5%`.
    static func percent(_ value: Double) -> String {
        NumberText.format(value, decimals: 2) + "%"
    }

    /// An analysis as a plan line: `analysis: error_rate < 1%, p99_latency_ms < 150`.
    static func analysis(_ spec: AnalysisSpec, label: String = "analysis") -> String {
        "\(label): " + spec.conditions.map(\.text).joined(separator: ", ")
    }
}
