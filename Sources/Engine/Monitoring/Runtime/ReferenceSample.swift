import Foundation
import SimKernel

/// What a drift monitor compares its current window with: per numeric
/// column of the row layout its values (sorted once), per categorical
/// column its category counts.
struct ReferenceSample: Sendable {
    /// `training data of fraud v3 (20,000 rows)`, `traffic 00:00-00:30 (4,210 requests)`.
    var description: String
    /// The version whose training data it is (nil for a traffic window).
    var version: Int?
    var numeric: [SortedSample]
    var categorical: [[Int]]

    /// A reference from the kept rows of a closed fixed window.
    init(window: InputWindow, layout: RowLayout, at time: SimTime, description: String) {
        self.description = description
        version = nil
        numeric = (0..<layout.numericCount).map { SortedSample(window.numericValues($0, at: time)) }
        categorical = Self.categoricalColumns(layout).enumerated().map { k, categories in
            window.categoryCounts(k, categories: categories, at: time)
        }
    }

    /// A reference from a dataset with the layout's schema.
    init(dataset: Dataset, layout: RowLayout, version: Int?, description: String) {
        self.description = description
        self.version = version
        var numeric: [SortedSample] = []
        var categorical: [[Int]] = []
        for (index, feature) in layout.schema.features.enumerated() {
            switch dataset.columns[index] {
            case .numeric(let values):
                numeric.append(SortedSample(values))
            case .categorical(let codes):
                var counts = [Int](repeating: 0, count: feature.kind.categories.count)
                for code in codes where code >= 0 && Int(code) < counts.count { counts[Int(code)] += 1 }
                categorical.append(counts)
            }
        }
        self.numeric = numeric
        self.categorical = categorical
    }

    /// The number of categories of each categorical column, in layout order.
    static func categoricalColumns(_ layout: RowLayout) -> [Int] {
        layout.schema.features.filter { !$0.kind.isNumeric }.map(\.kind.categories.count)
    }
}

/// Where a version's training data lives and how to read it back.
enum TrainingReference {
    /// `artifacts/bootstrap/fraud-dataset-<hash12>.csv`: the rows a
    /// bootstrap version was trained on.
    static func bootstrapPath(model: String, datasetHash: String) -> String {
        "artifacts/bootstrap/\(model)-dataset-\(BuiltinSupport.short(datasetHash)).csv"
    }

    /// The dataset file of `version`: the sample step's output of its run
    /// (`artifacts/run-<id>/dataset-<hash12>.csv`), or the bootstrap file.
    static func path(of version: ModelVersion) -> String? {
        guard let hash = version.lineage.datasetHash else { return nil }
        if let run = version.lineage.run { return "artifacts/run-\(run)/dataset-\(BuiltinSupport.short(hash)).csv" }
        if version.lineage.step == "bootstrap" { return bootstrapPath(model: version.model, datasetHash: hash) }
        return nil
    }

    /// The reference of `version` from its training data file, or why there is none.
    static func load(_ version: ModelVersion, layout: RowLayout, directory: String) -> Result<ReferenceSample, ReferenceProblem> {
        let name = "\(version.model) v\(version.version)"
        guard let path = path(of: version) else {
            return .failure(ReferenceProblem("\(name) records no training dataset"))
        }
        let bytes: [UInt8]
        switch BuiltinSupport.read(path, in: directory) {
        case .failure(let failure): return .failure(ReferenceProblem("training data of \(name) unreadable: \(failure.reason)"))
        case .success(let read): bytes = read
        }
        do {
            let dataset = try Dataset(csv: String(decoding: bytes, as: UTF8.self), schema: layout.schema)
            let rows = dataset.rowCount
            return .success(ReferenceSample(dataset: dataset, layout: layout, version: version.version,
                                            description: "training data of \(name) (\(groupedInteger(rows)) rows)"))
        } catch {
            return .failure(ReferenceProblem("training data of \(name) at \(path) does not match the schema: \(error)"))
        }
    }
}

/// Why a monitor has no reference (shown in its summary).
struct ReferenceProblem: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
