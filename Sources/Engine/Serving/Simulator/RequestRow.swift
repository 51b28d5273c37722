/// Where each column of a ``DatasetSchema`` lives in a packed request row:
/// numeric values in one `Double` buffer and categorical codes in one
/// `Int32` buffer, each in schema order. The layout the
/// ``RequestSampler`` writes and the ``CompiledScorer`` reads.
public struct RowLayout: Sendable, Equatable {
    public let schema: DatasetSchema
    /// Per schema feature, its index in the numeric or the categorical buffer.
    public let position: [Int]
    public let numericCount: Int
    public let categoricalCount: Int

    public init(schema: DatasetSchema) {
        self.schema = schema
        var position: [Int] = []
        var numeric = 0
        var categorical = 0
        for feature in schema.features {
            if feature.kind.isNumeric {
                position.append(numeric)
                numeric += 1
            } else {
                position.append(categorical)
                categorical += 1
            }
        }
        self.position = position
        numericCount = numeric
        categoricalCount = categorical
    }
}

/// One request as the simulator scores it: a packed row (see
/// ``RowLayout``; NaN and -1 mark missing values), its true label and the
/// user who sent it. Reused from request to request.
public struct RequestRow: Sendable {
    public var numeric: [Double]
    public var categorical: [Int32]
    /// 0 or 1: what actually happened (arrives after the label delay).
    public var label: UInt8
    /// In `0..<userPopulation` of the sampler.
    public var userID: Int

    public init(layout: RowLayout) {
        numeric = [Double](repeating: 0, count: layout.numericCount)
        categorical = [Int32](repeating: -1, count: layout.categoricalCount)
        label = 0
        userID = 0
    }
}
