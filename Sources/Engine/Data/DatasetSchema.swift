/// The columns of a dataset (besides the label), in order.
public struct DatasetSchema: Sendable, Equatable {
    public var features: [FeatureSchema]

    public init(features: [FeatureSchema]) {
        self.features = features
    }

    public var names: [String] { features.map(\.name) }

    public func index(of name: String) -> Int? { features.firstIndex { $0.name == name } }
}

/// A column's name and kind.
public struct FeatureSchema: Sendable, Equatable {
    public var name: String
    public var kind: FeatureKind

    public init(name: String, kind: FeatureKind) {
        self.name = name
        self.kind = kind
    }
}
