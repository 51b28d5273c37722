/// What a dataset's column looks like: counts of present and missing
/// values and, for numbers, mean, standard deviation, extremes and median;
/// for categories, how often each occurs.
public struct FeatureSummary: Sendable, Equatable {
    public var name: String
    /// Values present.
    public var count: Int
    /// Values missing.
    public var nulls: Int
    public var statistics: Statistics

    /// Kind-specific figures.
    public enum Statistics: Sendable, Equatable {
        /// nil when no value is present.
        case numeric(NumericStatistics?)
        /// Every category of the schema, in its order.
        case categorical([CategoryCount])
    }

    public init(name: String, count: Int, nulls: Int, statistics: Statistics) {
        self.name = name
        self.count = count
        self.nulls = nulls
        self.statistics = statistics
    }

    /// Missing values over all rows (0 for no rows).
    public var nullShare: Double {
        count + nulls == 0 ? 0 : Double(nulls) / Double(count + nulls)
    }

    /// The numeric figures, if any.
    public var numeric: NumericStatistics? {
        if case .numeric(let statistics) = statistics { return statistics }
        return nil
    }

    /// The count of `category` (nil for a numeric feature or an unknown category).
    public func count(of category: String) -> Int? {
        guard case .categorical(let counts) = statistics else { return nil }
        return counts.first { $0.category == category }?.count
    }

    init(feature: FeatureSchema, column: DatasetColumn) {
        name = feature.name
        switch (feature.kind, column) {
        case (.categorical(let categories), .categorical(let codes)):
            var counts = [Int](repeating: 0, count: categories.count)
            var missing = 0
            for code in codes {
                if code < 0 { missing += 1 } else { counts[Int(code)] += 1 }
            }
            count = codes.count - missing
            nulls = missing
            statistics = .categorical(zip(categories, counts).map { CategoryCount(category: $0, count: $1) })
        case (_, .numeric(let values)):
            let present = values.filter { !$0.isNaN }
            count = present.count
            nulls = values.count - present.count
            statistics = .numeric(NumericStatistics(present))
        case (_, .categorical(let codes)):
            // Not reachable for a checked dataset; summarised as codes.
            count = codes.count
            nulls = 0
            statistics = .categorical([])
        }
    }
}

/// Figures of the present values of a numeric column.
public struct NumericStatistics: Sendable, Equatable {
    public var mean: Double
    /// Sample standard deviation (n - 1; 0 for one value).
    public var sd: Double
    public var min: Double
    public var max: Double
    /// The median (mean of the two middle values for an even count).
    public var p50: Double

    public init(mean: Double, sd: Double, min: Double, max: Double, p50: Double) {
        self.mean = mean
        self.sd = sd
        self.min = min
        self.max = max
        self.p50 = p50
    }

    /// nil for no values; two passes for the mean and deviation.
    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / Double(values.count)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        self.mean = mean
        sd = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
        min = sorted[0]
        max = sorted[sorted.count - 1]
        p50 = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// How many rows have one category.
public struct CategoryCount: Sendable, Equatable {
    public var category: String
    public var count: Int

    public init(category: String, count: Int) {
        self.category = category
        self.count = count
    }
}
