/// A horizontal reference line on a `LineChart` (a limit or an SLO), drawn
/// dashed at `value` under the series, with an optional label at its right end.
public struct ChartThreshold: Sendable, Hashable {
    public var value: Double
    public var label: String?
    public var style: Style

    public init(value: Double, label: String? = nil, style: Style) {
        self.value = value
        self.label = label
        self.style = style
    }
}
