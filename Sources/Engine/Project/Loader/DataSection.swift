/// `data: {features, label, drift}` — the synthetic data the `sample`
/// builtin draws (see ``DataSpec``). Features are read first, then the
/// categories `new_category` drift introduces, so that the label rule and
/// concept drift may name them; then the label and the drift items.
enum DataSection: ProjectSection {
    static let key = "data"
    static let requiredForm: String? = nil
    static let keys = ["features", "label", "drift"]
    static let labelKeys = ["intercept", "weights", "noise"]
    static let labelForm = "label: {intercept: NUMBER, weights: {FEATURE: NUMBER, FEATURE=CATEGORY: NUMBER}, noise: NUMBER}"

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics d: inout ProjectDiagnostics) {
        guard let entries = d.mapping(node, key, expected: "a mapping with features, label and optionally drift") else { return }
        let known = d.knownKeys(entries, allowed: keys, place: "data")
        func entry(_ key: String) -> YAMLEntry? { known.first { $0.key == key }?.entry }

        guard let featuresEntry = entry("features") else {
            d.error("data: missing key 'features'; expected features: {NAME: {normal: {mean: NUMBER, sd: NUMBER}}, ...}", at: node)
            return
        }
        var catalog = DataCatalog()
        let features = DataFeatureReader.read(featuresEntry.value, catalog: &catalog, diagnostics: &d)
        if let drift = entry("drift") { DataDriftReader.collectNewCategories(drift.value, catalog: &catalog) }

        var label: LabelRule?
        if let labelEntry = entry("label") {
            label = readLabel(labelEntry.value, catalog: catalog, diagnostics: &d)
        } else {
            d.error("data: missing key 'label'; expected \(labelForm)", at: node)
        }
        let drift = entry("drift").map { DataDriftReader.read($0.value, catalog: catalog, diagnostics: &d) } ?? []
        if let label { project.data = DataSpec(features: features, label: label, drift: drift) }
    }

    /// `{intercept, weights, noise}`; all optional (0, none, 0).
    static func readLabel(_ node: YAMLNode, catalog: DataCatalog, diagnostics d: inout ProjectDiagnostics) -> LabelRule? {
        guard let entries = d.mapping(node, "label", expected: "a mapping like {intercept: -3, weights: {amount: 0.02}, noise: 0.2}") else { return nil }
        var rule = LabelRule(intercept: 0)
        for (key, item) in d.knownKeys(entries, allowed: labelKeys, place: "label") {
            switch key {
            case "intercept": rule.intercept = d.dataNumber(item.value, "label.intercept", .any) ?? 0
            case "noise": rule.noise = d.dataNumber(item.value, "label.noise", .atLeastZero) ?? 0
            default: rule.weights = readWeights(item.value, label: "label.weights", catalog: catalog, diagnostics: &d)
            }
        }
        return rule
    }

    /// `{amount: 0.02, merchant=online: 1.0}`: a numeric feature by name, a
    /// categorical one as `FEATURE=CATEGORY`.
    static func readWeights(_ node: YAMLNode, label: String, catalog: DataCatalog, diagnostics d: inout ProjectDiagnostics) -> [LabelWeight] {
        guard let entries = d.mapping(node, label, expected: "a mapping of FEATURE or FEATURE=CATEGORY to numbers") else { return [] }
        var weights: [LabelWeight] = []
        for (key, entry) in d.uniqueEntries(entries, noun: "weight", place: label) {
            let parts = key.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0]
            let category = parts.count > 1 ? parts[1] : nil
            let value = d.dataNumber(entry.value, "\(label).\(key)", .any)
            guard let feature = catalog.feature(name) else {
                d.error("\(label): unknown feature '\(name)'\(catalog.featureHint(name))", at: entry.keyPosition)
                continue
            }
            switch (feature.kind, category) {
            case (.numeric, nil), (.unknown, _):
                break
            case (.numeric, .some):
                d.error("\(label): '\(name)' is numeric; expected \(name) without =CATEGORY", at: entry.keyPosition)
                continue
            case (.categorical(let categories), nil):
                d.error("\(label): '\(name)' is categorical; expected \(name)=CATEGORY (one of \(categories.joined(separator: ", ")))", at: entry.keyPosition)
                continue
            case (.categorical(let categories), let category?):
                guard categories.contains(category) else {
                    let hint = DidYouMean.suggestion(for: category, among: categories).map { "; did you mean '\($0)'?" }
                        ?? "; expected one of \(categories.joined(separator: ", "))"
                    d.error("\(label): unknown category '\(category)' of '\(name)'\(hint)", at: entry.keyPosition)
                    continue
                }
            }
            if let value { weights.append(LabelWeight(feature: name, category: category, weight: value)) }
        }
        return weights
    }
}

/// The features declared so far, for the readers that refer to them.
struct DataCatalog {
    enum Kind {
        case numeric(DistributionFamily)
        /// Declared categories, then those new_category drift adds.
        case categorical([String])
        /// The feature's distribution was missing or unknown.
        case unknown
    }

    struct Feature {
        var name: String
        var kind: Kind
        /// Categories as declared (without drift's new ones).
        var declared: [String]
    }

    private(set) var features: [Feature] = []

    var names: [String] { features.map(\.name) }

    func feature(_ name: String) -> Feature? { features.first { $0.name == name } }

    mutating func add(_ feature: Feature) { features.append(feature) }

    mutating func addCategory(_ category: String, to name: String) {
        guard let index = features.firstIndex(where: { $0.name == name }), case .categorical(var categories) = features[index].kind,
              !categories.contains(category) else { return }
        categories.append(category)
        features[index].kind = .categorical(categories)
    }

    /// `; did you mean 'amount'?`, or the list of features.
    func featureHint(_ name: String) -> String {
        DidYouMean.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" }
            ?? (names.isEmpty ? "; no features are declared" : "; expected one of \(names.joined(separator: ", "))")
    }
}

/// What a number must be.
enum DataNumberDomain {
    case any, atLeastZero, aboveZero, probability, openProbability

    var expected: String {
        switch self {
        case .any: "a number"
        case .atLeastZero: "a number >= 0"
        case .aboveZero: "a number above 0"
        case .probability: "a number from 0 to 1"
        case .openProbability: "a number above 0 and below 1"
        }
    }

    func contains(_ value: Double) -> Bool {
        switch self {
        case .any: true
        case .atLeastZero: value >= 0
        case .aboveZero: value > 0
        case .probability: value >= 0 && value <= 1
        case .openProbability: value > 0 && value < 1
        }
    }
}

extension ProjectDiagnostics {
    /// A finite number (integer or decimal) in `domain`.
    mutating func dataNumber(_ node: YAMLNode, _ label: String, _ domain: DataNumberDomain) -> Double? {
        guard let scalar = node.scalar, scalar.type == .int || scalar.type == .float, let value = scalar.double, value.isFinite else {
            error("\(label): expected \(domain.expected), found \(node.found)", at: node)
            return nil
        }
        guard domain.contains(value) else {
            error("\(label): expected \(domain.expected), found \(scalar.text)", at: node)
            return nil
        }
        return value
    }
}
