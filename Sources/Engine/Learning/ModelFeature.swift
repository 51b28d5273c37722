/// One input feature of a trained model, as it was in the training data.
public struct ModelFeature: Sendable, Equatable {
    public var name: String
    /// For a categorical feature, the training data's full category list
    /// (the one-hot transform keeps only the categories that occurred).
    public var kind: FeatureKind

    public init(name: String, kind: FeatureKind) {
        self.name = name
        self.kind = kind
    }
}
