extension TrainingMatrix {
    /// The adapter from a sampled dataset to the learner's input: the same
    /// features in the same order with the same kinds (categories, codes
    /// and missing values carry over unchanged: NaN and -1), and the labels.
    public init(dataset: Dataset) throws(LearningError) {
        var numeric: [[Double]] = []
        var categorical: [[Int32]] = []
        for column in dataset.columns {
            switch column {
            case .numeric(let values): numeric.append(values)
            case .categorical(let codes): categorical.append(codes)
            }
        }
        try self.init(featureNames: dataset.schema.names, kinds: dataset.schema.features.map(\.kind),
                      numericColumns: numeric, categoricalColumns: categorical, labels: dataset.labels)
    }
}
