/// The stored form of a model: canonical JSON (see ``CanonicalJSON``) with
/// keys in sorted order at every level and every double as its exact bit
/// pattern, so equal models have equal bytes and the same hash everywhere:
///
/// ```
/// {"bias":"<hex>","features":[{"kind":"numeric","name":"age"},
///  {"categories":["a","b"],"kind":"categorical","name":"plan"}],
///  "format":"flightdeck-logistic-regression/1",
///  "summary":{"evaluations":31,"gradient_max_norm":"<hex>","iterations":24,
///   "objective":"<hex>","parameters":{"l2":"<hex>","learning_rate":"<hex>",
///   "max_iterations":200,"optimizer":"lbfgs","tolerance":"<hex>"},
///   "positive_count":412,"row_count":1000,"stop_reason":"converged"},
///  "transforms":[{"feature":"age","mean":"<hex>","standard_deviation":"<hex>","type":"standardize"},
///   {"categories":["a","b"],"feature":"plan","type":"one_hot"}],
///  "weights":["<hex>",...]}
/// ```
/// (without the line breaks).
extension TrainedModel {
    /// The artifact format identifier written into every artifact.
    public static let artifactFormat = "flightdeck-logistic-regression/1"

    /// The artifact bytes.
    public func serialized() -> [UInt8] {
        artifactJSON.bytes
    }

    /// SHA-256 of ``serialized()`` in lowercase hex: the model's identity.
    public var contentHash: String {
        SHA256.hexDigest(of: serialized())
    }

    /// Reloads a model from ``serialized()`` bytes; the result equals the
    /// original and predicts bit for bit the same.
    public init(serialized bytes: [UInt8]) throws(LearningError) {
        let json = try CanonicalJSON(parsing: bytes)
        let format = try json.member("format").stringValue("format")
        guard format == Self.artifactFormat else { throw .corruptArtifact("unknown format \(format)") }

        var schema: [ModelFeature] = []
        for feature in try json.member("features").arrayValue("features") {
            let name = try feature.member("name").stringValue("feature name")
            switch try feature.member("kind").stringValue("feature kind") {
            case "numeric": schema.append(ModelFeature(name: name, kind: .numeric))
            case "categorical":
                let categories = try feature.member("categories").stringArray("categories")
                schema.append(ModelFeature(name: name, kind: .categorical(categories)))
            case let other: throw .corruptArtifact("unknown feature kind \(other)")
            }
        }

        var transforms: [FeatureTransform] = []
        for transform in try json.member("transforms").arrayValue("transforms") {
            let feature = try transform.member("feature").stringValue("transform feature")
            switch try transform.member("type").stringValue("transform type") {
            case "standardize":
                transforms.append(.standardize(feature: feature, mean: try transform.member("mean").doubleValue("mean"),
                                               standardDeviation: try transform.member("standard_deviation")
                                                   .doubleValue("standard_deviation")))
            case "one_hot":
                transforms.append(.oneHot(feature: feature, categories: try transform.member("categories").stringArray("categories")))
            case let other: throw .corruptArtifact("unknown transform \(other)")
            }
        }
        let preprocessing = Preprocessing(transforms: transforms)

        var weights: [Double] = []
        for weight in try json.member("weights").arrayValue("weights") { weights.append(try weight.doubleValue("weight")) }
        guard weights.count == preprocessing.width else {
            throw .corruptArtifact("\(weights.count) weights for \(preprocessing.width) design columns")
        }

        let summary = try json.member("summary")
        let parameterJSON = try summary.member("parameters")
        let optimizerName = try parameterJSON.member("optimizer").stringValue("optimizer")
        guard let optimizer = TrainingParameters.Optimizer(rawValue: optimizerName) else {
            throw .corruptArtifact("unknown optimizer \(optimizerName)")
        }
        let parameters: TrainingParameters
        do {
            parameters = try TrainingParameters(l2: try parameterJSON.member("l2").doubleValue("l2"),
                                                maxIterations: try parameterJSON.member("max_iterations").integerValue("max_iterations"),
                                                tolerance: try parameterJSON.member("tolerance").doubleValue("tolerance"),
                                                optimizer: optimizer,
                                                learningRate: try parameterJSON.member("learning_rate").doubleValue("learning_rate"))
        } catch .invalidParameter(let name, let reason) {
            throw .corruptArtifact("parameter \(name): \(reason)")
        }
        let stopName = try summary.member("stop_reason").stringValue("stop_reason")
        guard let stopReason = TrainingSummary.StopReason(rawValue: stopName) else {
            throw .corruptArtifact("unknown stop reason \(stopName)")
        }
        self.init(schema: schema, preprocessing: preprocessing, weights: weights,
                  bias: try json.member("bias").doubleValue("bias"),
                  summary: TrainingSummary(
                      rowCount: try summary.member("row_count").integerValue("row_count"),
                      positiveCount: try summary.member("positive_count").integerValue("positive_count"),
                      parameters: parameters,
                      iterations: try summary.member("iterations").integerValue("iterations"),
                      evaluations: try summary.member("evaluations").integerValue("evaluations"),
                      objective: try summary.member("objective").doubleValue("objective"),
                      gradientMaxNorm: try summary.member("gradient_max_norm").doubleValue("gradient_max_norm"),
                      stopReason: stopReason))
    }

    private var artifactJSON: CanonicalJSON {
        let features: [CanonicalJSON] = schema.map { feature in
            switch feature.kind {
            case .numeric:
                return .object([("kind", .string("numeric")), ("name", .string(feature.name))])
            case .categorical(let categories):
                return .object([("categories", .array(categories.map(CanonicalJSON.string))),
                                ("kind", .string("categorical")), ("name", .string(feature.name))])
            }
        }
        let transforms: [CanonicalJSON] = preprocessing.transforms.map { transform in
            switch transform {
            case .standardize(let feature, let mean, let deviation):
                return .object([("feature", .string(feature)), ("mean", CanonicalJSON.hex(mean)),
                                ("standard_deviation", CanonicalJSON.hex(deviation)), ("type", .string("standardize"))])
            case .oneHot(let feature, let categories):
                return .object([("categories", .array(categories.map(CanonicalJSON.string))),
                                ("feature", .string(feature)), ("type", .string("one_hot"))])
            }
        }
        let parameters = summary.parameters
        let summaryJSON = CanonicalJSON.object([
            ("evaluations", .integer(summary.evaluations)),
            ("gradient_max_norm", CanonicalJSON.hex(summary.gradientMaxNorm)),
            ("iterations", .integer(summary.iterations)),
            ("objective", CanonicalJSON.hex(summary.objective)),
            ("parameters", .object([
                ("l2", CanonicalJSON.hex(parameters.l2)),
                ("learning_rate", CanonicalJSON.hex(parameters.learningRate)),
                ("max_iterations", .integer(parameters.maxIterations)),
                ("optimizer", .string(parameters.optimizer.rawValue)),
                ("tolerance", CanonicalJSON.hex(parameters.tolerance)),
            ])),
            ("positive_count", .integer(summary.positiveCount)),
            ("row_count", .integer(summary.rowCount)),
            ("stop_reason", .string(summary.stopReason.rawValue)),
        ])
        return .object([
            ("bias", CanonicalJSON.hex(bias)),
            ("features", .array(features)),
            ("format", .string(Self.artifactFormat)),
            ("summary", summaryJSON),
            ("transforms", .array(transforms)),
            ("weights", .array(weights.map(CanonicalJSON.hex))),
        ])
    }
}
