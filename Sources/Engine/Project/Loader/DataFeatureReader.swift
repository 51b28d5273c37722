import SimKernel

/// Reads `data.features`: `NAME: {DISTRIBUTION: {PARAMS}, min, max, nulls}`.
enum DataFeatureReader {
    static let distributionKeys = DistributionFamily.allCases.map(\.rawValue) + ["categorical"]
    static let keys = distributionKeys + ["min", "max", "nulls"]
    /// Names no feature may have: the CSV label column.
    static let reservedFeatureNames = ["label"]
    /// Names no category may have: drift's name for the missing-value share.
    static let reservedCategoryNames = ["nulls"]

    /// The valid features in file order; every declared name goes into
    /// `catalog` (with an unknown kind when its distribution is wrong).
    static func read(_ node: YAMLNode, catalog: inout DataCatalog, diagnostics d: inout ProjectDiagnostics) -> [FeatureSpec] {
        guard let entries = d.mapping(node, "features", expected: "a mapping of feature names to features") else { return [] }
        if entries.isEmpty {
            d.error("features: expected at least one feature like amount: {normal: {mean: 50, sd: 20}}, found an empty mapping", at: node)
        }
        var features: [FeatureSpec] = []
        for (name, entry) in d.uniqueEntries(entries, noun: "feature", place: "features") {
            d.checkID(name, noun: "feature", at: entry.keyPosition)
            if reservedFeatureNames.contains(name) {
                d.error("feature name '\(name)' is reserved for the label column; expected another name", at: entry.keyPosition)
            }
            let (feature, kind) = readFeature(name: name, entry: entry, diagnostics: &d)
            var declared: [String] = []
            if case .categorical(let categories) = kind { declared = categories }
            catalog.add(DataCatalog.Feature(name: name, kind: kind, declared: declared))
            if let feature { features.append(feature) }
        }
        return features
    }

    static func readFeature(name: String, entry: YAMLEntry, diagnostics d: inout ProjectDiagnostics) -> (FeatureSpec?, DataCatalog.Kind) {
        let place = "feature '\(name)'"
        let choices = "normal, lognormal, uniform, beta, exponential or categorical"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with a distribution (\(choices))") else { return (nil, .unknown) }
        var distribution: FeatureDistribution?
        var kind = DataCatalog.Kind.unknown
        var distributionKey: (key: String, position: SourcePosition)?
        var bounds: [(key: String, value: Double, node: YAMLNode)] = []
        var nulls = 0.0
        var valid = true
        let known = d.knownKeys(entries, allowed: keys, place: place)
        for (key, item) in known {
            if distributionKeys.contains(key) {
                if let first = distributionKey {
                    d.error("\(key): \(place) already has the distribution \(first.key) (at \(first.position)); expected one distribution",
                            at: item.keyPosition)
                    valid = false
                    continue
                }
                distributionKey = (key, item.keyPosition)
                if let family = DistributionFamily(rawValue: key) {
                    kind = .numeric(family)
                    distribution = readNumeric(family, item.value, diagnostics: &d).map(FeatureDistribution.numeric)
                } else {
                    let categorical = readCategorical(item.value, diagnostics: &d)
                    kind = .categorical(categorical.categories)
                    distribution = categorical.distribution.map(FeatureDistribution.categorical)
                }
                continue
            }
            switch key {
            case "min", "max":
                if let value = d.dataNumber(item.value, key, .any) { bounds.append((key, value, item.value)) } else { valid = false }
            default:
                if let value = d.dataNumber(item.value, "nulls", .probability) { nulls = value } else { valid = false }
            }
        }
        guard let distributionKey else {
            // A misspelt distribution (normall) is reported once, as unknown.
            guard known.count == entries.count else { return (nil, .unknown) }
            d.error("\(place) has no distribution; expected one of \(choices)", at: entry.keyPosition)
            return (nil, .unknown)
        }
        var minimum: Double?
        var maximum: Double?
        for bound in bounds {
            if case .categorical = kind {
                d.error("\(bound.key): '\(name)' is categorical (at \(distributionKey.position)); expected min and max only on numeric features",
                        at: bound.node)
                valid = false
            } else if bound.key == "min" {
                minimum = bound.value
            } else {
                maximum = bound.value
            }
        }
        if let minimum, let maximum, maximum <= minimum, let node = bounds.last?.node {
            d.error("\(bounds.last?.key ?? "max"): expected max above min, found min \(NumberText.format(minimum)) and max \(NumberText.format(maximum))",
                    at: node)
            valid = false
        }
        guard valid, let distribution else { return (nil, kind) }
        return (FeatureSpec(name: name, distribution: distribution, min: minimum, max: maximum, nulls: nulls), kind)
    }

    // MARK: Numeric distributions

    /// `{mean: 50, sd: 20}` style; lognormal takes `mu` or `median` with `sigma`.
    static func readNumeric(_ family: DistributionFamily, _ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> NumericDistribution? {
        let label = family.rawValue
        guard let entries = d.mapping(node, label, expected: form(family)) else { return nil }
        var values: [String: Double] = [:]  // lookups only
        var valid = true
        var medianKey: (key: String, position: SourcePosition)?
        var seen: [String] = []
        let known = d.knownKeys(entries, allowed: acceptedNames(family), place: label)
        // A misspelt name is reported once, not again as a missing one.
        let misspelt = known.count < entries.count
        for (key, item) in known {
            seen.append(key == "median" ? "mu" : key)
            if family == .lognormal && (key == "mu" || key == "median") {
                if let first = medianKey {
                    d.error("\(key): \(label) already has \(first.key) (at \(first.position)); expected mu or median, not both", at: item.keyPosition)
                    valid = false
                    continue
                }
                medianKey = (key, item.keyPosition)
            }
            guard let value = d.dataNumber(item.value, "\(label).\(key)", domain(family, key)) else {
                valid = false
                continue
            }
            values[key] = canonicalValue(family, key, value)
            if key == "median" { values["mu"] = values["median"] }
        }
        var parameters: [Double] = []
        for name in family.parameterNames {
            if let value = values[name] {
                parameters.append(value)
            } else if !seen.contains(name) && !misspelt {
                d.error("\(label): missing \(name == "mu" ? "mu (or median)" : name); expected \(form(family))", at: node)
                valid = false
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        if family == .uniform, parameters[1] <= parameters[0] {
            d.error("uniform: expected max above min, found min \(NumberText.format(parameters[0])) and max \(NumberText.format(parameters[1]))", at: node)
            return nil
        }
        return NumericDistribution(family: family, parameters: parameters)
    }

    /// The parameter names the file may use (lognormal: `median` for `mu`).
    static func acceptedNames(_ family: DistributionFamily) -> [String] {
        family == .lognormal ? ["mu", "median", "sigma"] : family.parameterNames
    }

    /// The value stored for a parameter as written (`median` becomes `mu = ln median`).
    static func canonicalValue(_ family: DistributionFamily, _ name: String, _ value: Double) -> Double {
        family == .lognormal && name == "median" ? PortableMath.log(value) : value
    }

    static func domain(_ family: DistributionFamily, _ name: String) -> DataNumberDomain {
        switch (family, name) {
        case (.normal, "sd"), (.lognormal, "sigma"): .atLeastZero
        case (.lognormal, "median"), (.beta, _), (.exponential, _): .aboveZero
        default: .any
        }
    }

    static func form(_ family: DistributionFamily) -> String {
        switch family {
        case .normal: "{mean: NUMBER, sd: NUMBER}"
        case .lognormal: "{mu: NUMBER, sigma: NUMBER} or {median: NUMBER, sigma: NUMBER}"
        case .uniform: "{min: NUMBER, max: NUMBER}"
        case .beta: "{a: NUMBER, b: NUMBER}"
        case .exponential: "{mean: NUMBER}"
        }
    }

    // MARK: Categorical

    /// `{online: 0.6, store: 0.3, atm: 0.1}`: probabilities summing to 1
    /// (within 0.01; they are then scaled to sum to 1). Returns the
    /// category names even when a probability is wrong.
    static func readCategorical(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> (categories: [String], distribution: CategoricalDistribution?) {
        guard let entries = d.mapping(node, "categorical", expected: "a mapping of categories to probabilities like {online: 0.6, store: 0.4}") else {
            return ([], nil)
        }
        if entries.isEmpty {
            d.error("categorical: expected at least one category with its probability, found an empty mapping", at: node)
            return ([], nil)
        }
        var categories: [String] = []
        var probabilities: [Double] = []
        var valid = true
        for (category, entry) in d.uniqueEntries(entries, noun: "category", place: "categorical") {
            categories.append(category)
            if !d.checkID(category, noun: "category", at: entry.keyPosition) { valid = false }
            if reservedCategoryNames.contains(category) {
                d.error("category name '\(category)' is reserved (drift uses it for the share of missing values); expected another name", at: entry.keyPosition)
                valid = false
            }
            if let probability = d.dataNumber(entry.value, "categorical.\(category)", .probability) {
                probabilities.append(probability)
            } else {
                valid = false
            }
        }
        guard valid else { return (categories, nil) }
        let total = probabilities.reduce(0, +)
        guard abs(total - 1) <= 0.01 else {
            d.error("categorical: probabilities sum to \(NumberText.format(total)); expected them to sum to 1", at: node)
            return (categories, nil)
        }
        let scale = abs(total - 1) > 1e-9 ? total : 1
        return (categories, CategoricalDistribution(categories: categories, probabilities: probabilities.map { $0 / scale }))
    }
}
