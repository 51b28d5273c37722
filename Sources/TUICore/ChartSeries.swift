/// One named line of a `LineChart`: points in data coordinates and the style
/// its dots are drawn in. Non-finite points break the line (a gap).
public struct ChartSeries: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    public var style: Style

    public init(name: String, points: [(x: Double, y: Double)], style: Style) {
        self.name = name
        self.points = points
        self.style = style
    }

    /// A series whose x coordinates are the indices of `values` (0, 1, 2...).
    public init(name: String, values: [Double], style: Style) {
        self.init(name: name, points: values.enumerated().map { (x: Double($0.offset), y: $0.element) }, style: style)
    }
}
