import SimKernel

/// Reads `data.drift`: a list of items, each naming its kind by one key
/// whose value is the feature it changes (or, for `concept`, the change of
/// the label rule), with the kind's other keys beside it.
enum DataDriftReader {
    static let kinds = ["gradual", "sudden", "seasonal", "new_category", "concept"]
    static let otherKeys = ["from", "to", "at", "to_params", "amplitude", "period", "phase", "category", "probability"]
    static var keys: [String] { kinds + otherKeys }
    static let conceptKeys = ["intercept", "weights", "noise"]
    /// The period of a seasonal cycle when none is given.
    static let defaultPeriod = SimDuration.days(1)

    /// The keys each kind takes besides its own.
    static func keys(of kind: String) -> [String] {
        switch kind {
        case "gradual": ["from", "to", "to_params"]
        case "sudden": ["at", "to_params"]
        case "seasonal": ["amplitude", "period", "phase"]
        case "new_category": ["category", "at", "probability"]
        default: ["at", "from", "to"]
        }
    }

    static func required(of kind: String) -> [String] {
        switch kind {
        case "seasonal": ["amplitude"]
        case "concept": []
        default: keys(of: kind)
        }
    }

    static func form(of kind: String) -> String {
        switch kind {
        case "gradual": "{gradual: FEATURE, from: TIME, to: TIME, to_params: {PARAM: VALUE}}"
        case "sudden": "{sudden: FEATURE, at: TIME, to_params: {PARAM: VALUE}}"
        case "seasonal": "{seasonal: FEATURE, amplitude: {PARAM: VALUE}, period: DURATION, phase: RADIANS}"
        case "new_category": "{new_category: FEATURE, category: NAME, at: TIME, probability: NUMBER}"
        default: "{concept: {intercept: NUMBER, weights: {...}, noise: NUMBER}, at: TIME} (or from: TIME, to: TIME)"
        }
    }

    /// Adds the categories of `new_category` items to `catalog` before
    /// anything is checked, so the label rule may name them. Reports nothing;
    /// ``read(_:catalog:diagnostics:)`` does.
    static func collectNewCategories(_ node: YAMLNode, catalog: inout DataCatalog) {
        guard case .sequence(let items) = node.kind else { return }
        for item in items {
            guard case .mapping(let entries) = item.kind,
                  let feature = entries.first(where: { $0.key == "new_category" })?.value.scalar?.text,
                  let category = entries.first(where: { $0.key == "category" })?.value.scalar?.text,
                  ProjectDiagnostics.isValidID(category), !DataFeatureReader.reservedCategoryNames.contains(category) else { continue }
            catalog.addCategory(category, to: feature)
        }
    }

    static func read(_ node: YAMLNode, catalog: DataCatalog, diagnostics d: inout ProjectDiagnostics) -> [DriftSpec] {
        let example = "a list of drift items like {gradual: amount, from: 2h, to: 6h, to_params: {mean: 80}}"
        guard let items = d.sequence(node, "drift", expected: example) else { return [] }
        var drift: [DriftSpec] = []
        var newCategories: [(feature: String, category: String, position: SourcePosition)] = []
        for (number, item) in items.enumerated() {
            if let spec = readItem(item, place: "drift item \(number + 1)", catalog: catalog, newCategories: &newCategories, diagnostics: &d) {
                drift.append(spec)
            }
        }
        return drift
    }

    static func readItem(_ item: YAMLNode, place: String, catalog: DataCatalog,
                         newCategories: inout [(feature: String, category: String, position: SourcePosition)],
                         diagnostics d: inout ProjectDiagnostics) -> DriftSpec? {
        guard let entries = d.mapping(item, place, expected: "a mapping like {sudden: amount, at: 3h, to_params: {mean: 80}}") else { return nil }
        let known = d.knownKeys(entries, allowed: keys, place: place)
        let kindEntries = known.filter { kinds.contains($0.key) }
        guard let (kind, kindEntry) = kindEntries.first else {
            if known.count == entries.count {
                d.error("\(place): expected one of gradual, sudden, seasonal, new_category or concept with the feature it changes", at: item)
            }
            return nil
        }
        var valid = true
        for (other, entry) in kindEntries.dropFirst() {
            d.error("\(other): \(place) is already a \(kind) drift (at \(kindEntry.keyPosition)); expected one kind per item", at: entry.keyPosition)
            valid = false
        }
        let allowed = keys(of: kind)
        var values: [(key: String, entry: YAMLEntry)] = []
        for (key, entry) in known where !kinds.contains(key) {
            if allowed.contains(key) {
                values.append((key, entry))
            } else {
                d.error("\(key): not used by a \(kind) drift; expected \(form(of: kind))", at: entry.keyPosition)
                valid = false
            }
        }
        func value(_ key: String) -> YAMLNode? { values.first { $0.key == key }?.entry.value }
        for key in required(of: kind) where value(key) == nil {
            d.error("\(place): \(kind) drift needs \(key); expected \(form(of: kind))", at: item)
            valid = false
        }

        if kind == "concept" {
            let change = readConcept(kindEntry.value, catalog: catalog, diagnostics: &d)
            let timing = readTiming(item, at: value("at"), from: value("from"), to: value("to"), place: place, diagnostics: &d)
            guard valid, let change, let timing else { return nil }
            return .concept(change, timing)
        }

        guard let name = d.string(kindEntry.value, kind, expected: "the name of a feature") else { return nil }
        guard let feature = catalog.feature(name) else {
            d.error("\(kind): unknown feature '\(name)'\(catalog.featureHint(name))", at: kindEntry.value)
            return nil
        }
        switch kind {
        case "gradual":
            let from = value("from").flatMap { d.duration($0, "from") }
            let to = value("to").flatMap { d.duration($0, "to") }
            if let from, let to, to <= from, let node = value("to") {
                d.error("to: expected a time after from (\(from)), found \(to)", at: node)
                valid = false
            }
            let targets = value("to_params").flatMap { readParameters($0, label: "to_params", feature: feature, amplitude: false, diagnostics: &d) }
            guard valid, let from, let to, let targets else { return nil }
            return .gradual(feature: name, from: from, to: to, targets: targets)
        case "sudden":
            let at = value("at").flatMap { d.duration($0, "at") }
            let targets = value("to_params").flatMap { readParameters($0, label: "to_params", feature: feature, amplitude: false, diagnostics: &d) }
            guard valid, let at, let targets else { return nil }
            return .sudden(feature: name, at: at, targets: targets)
        case "seasonal":
            let amplitudes = value("amplitude").flatMap { readParameters($0, label: "amplitude", feature: feature, amplitude: true, diagnostics: &d) }
            var period: SimDuration? = defaultPeriod
            if let node = value("period") { period = d.duration(node, "period", positive: true) }
            var phase: Double? = 0
            if let node = value("phase") { phase = d.dataNumber(node, "phase", .any) }
            guard valid, let amplitudes, let period, let phase else { return nil }
            return .seasonal(feature: name, amplitudes: amplitudes, period: period, phase: phase)
        default:
            return readNewCategory(feature: feature, kindEntry: kindEntry, category: value("category"), at: value("at"),
                                   probability: value("probability"), valid: valid, newCategories: &newCategories, diagnostics: &d)
        }
    }

    static func readNewCategory(feature: DataCatalog.Feature, kindEntry: YAMLEntry, category categoryNode: YAMLNode?, at atNode: YAMLNode?,
                                probability probabilityNode: YAMLNode?, valid: Bool,
                                newCategories: inout [(feature: String, category: String, position: SourcePosition)],
                                diagnostics d: inout ProjectDiagnostics) -> DriftSpec? {
        var valid = valid
        if case .numeric = feature.kind {
            d.error("new_category: '\(feature.name)' is numeric; expected a categorical feature", at: kindEntry.value)
            valid = false
        }
        var category: String?
        if let categoryNode, let name = d.string(categoryNode, "category", expected: "the new category's name") {
            if !d.checkID(name, noun: "category", at: categoryNode.position) {
                valid = false
            } else if DataFeatureReader.reservedCategoryNames.contains(name) {
                d.error("category name '\(name)' is reserved (drift uses it for the share of missing values); expected another name", at: categoryNode)
                valid = false
            } else if feature.declared.contains(name) {
                d.error("category: '\(name)' is already a category of '\(feature.name)'; expected a new one", at: categoryNode)
                valid = false
            } else if let first = newCategories.first(where: { $0.feature == feature.name && $0.category == name }) {
                d.error("category: '\(name)' of '\(feature.name)' is already introduced at \(first.position); expected each new category once",
                        at: categoryNode)
                valid = false
            } else {
                newCategories.append((feature.name, name, categoryNode.position))
                category = name
            }
        }
        let at = atNode.flatMap { d.duration($0, "at") }
        let probability = probabilityNode.flatMap { d.dataNumber($0, "probability", .openProbability) }
        guard valid, let category, let at, let probability else { return nil }
        return .newCategory(feature: feature.name, category: category, at: at, probability: probability)
    }

    /// `at: TIME`, or `from: TIME, to: TIME` (a gradual change).
    static func readTiming(_ item: YAMLNode, at: YAMLNode?, from: YAMLNode?, to: YAMLNode?, place: String,
                           diagnostics d: inout ProjectDiagnostics) -> DriftTiming? {
        let form = "at: TIME, or from: TIME and to: TIME"
        if let at {
            if let other = from ?? to {
                d.error("\(place): concept drift has both at and from/to; expected \(form)", at: other)
                return nil
            }
            return d.duration(at, "at").map(DriftTiming.at)
        }
        guard let from, let to else {
            d.error("\(place): concept drift needs a time; expected \(form)", at: from ?? to ?? item)
            return nil
        }
        guard let start = d.duration(from, "from"), let end = d.duration(to, "to") else { return nil }
        guard end > start else {
            d.error("to: expected a time after from (\(start)), found \(end)", at: to)
            return nil
        }
        return .between(start, end)
    }

    /// `{intercept, weights, noise}`: the values concept drift moves to.
    static func readConcept(_ node: YAMLNode, catalog: DataCatalog, diagnostics d: inout ProjectDiagnostics) -> LabelChange? {
        guard let entries = d.mapping(node, "concept", expected: "a mapping like {weights: {amount: 0.04}, intercept: -2}") else { return nil }
        var change = LabelChange()
        var valid = true
        let known = d.knownKeys(entries, allowed: conceptKeys, place: "concept")
        if entries.isEmpty {
            d.error("concept: expected at least one of intercept, weights or noise, found an empty mapping", at: node)
            return nil
        }
        for (key, item) in known {
            switch key {
            case "intercept":
                change.intercept = d.dataNumber(item.value, "concept.intercept", .any)
                valid = valid && change.intercept != nil
            case "noise":
                change.noise = d.dataNumber(item.value, "concept.noise", .atLeastZero)
                valid = valid && change.noise != nil
            default:
                let before = d.errors.count
                change.weights = DataSection.readWeights(item.value, label: "concept.weights", catalog: catalog, diagnostics: &d)
                valid = valid && d.errors.count == before
            }
        }
        return valid && known.count == entries.count ? change : nil
    }

    /// `{mean: 80, nulls: 0.2}`: targets (or amplitudes) by parameter name.
    /// Numeric features take their family's parameters (lognormal `median`
    /// as a target, stored as `mu`), categorical ones their categories'
    /// probabilities; both take `nulls`.
    static func readParameters(_ node: YAMLNode, label: String, feature: DataCatalog.Feature, amplitude: Bool,
                               diagnostics d: inout ProjectDiagnostics) -> [ParameterValue]? {
        guard let entries = d.mapping(node, label, expected: "a mapping of parameter names to numbers like {mean: 80}") else { return nil }
        if entries.isEmpty {
            d.error("\(label): expected at least one parameter, found an empty mapping", at: node)
            return nil
        }
        let names: [String]
        switch feature.kind {
        case .numeric(let family):
            names = (amplitude ? family.parameterNames : DataFeatureReader.acceptedNames(family)) + ["nulls"]
        case .categorical(let categories):
            names = categories + ["nulls"]
        case .unknown:
            return nil
        }
        let known = d.knownKeys(entries, allowed: names, place: "\(label) of '\(feature.name)'")
        var valid = known.count == entries.count
        var values: [ParameterValue] = []
        for (key, entry) in known {
            let domain: DataNumberDomain
            var name = key
            var convert: (Double) -> Double = { $0 }
            switch feature.kind {
            case .numeric(let family) where key != "nulls":
                domain = amplitude ? .any : DataFeatureReader.domain(family, key)
                if key == "median" {
                    name = "mu"
                    convert = { DataFeatureReader.canonicalValue(family, "median", $0) }
                }
            default:
                domain = amplitude ? .any : .probability
            }
            if values.contains(where: { $0.name == name }) {
                d.error("\(key): \(label) already sets \(name); expected mu or median, not both", at: entry.keyPosition)
                valid = false
                continue
            }
            guard let value = d.dataNumber(entry.value, "\(label).\(key)", domain) else {
                valid = false
                continue
            }
            values.append(ParameterValue(name, convert(value)))
        }
        return valid ? values : nil
    }
}
