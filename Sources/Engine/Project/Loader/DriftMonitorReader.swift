import SimKernel

/// Reads a monitor's `drift:`: the reference, the current window, how
/// often it is evaluated, the dataset-drift share, the sample bound and
/// per-feature overrides, checked against the features of `data:`.
enum DriftMonitorReader {
    static let keys = ["reference", "window", "every", "dataset_share", "max_sample", "features"]
    static let referenceKeys = ["window"]
    static let referenceWindowKeys = ["from", "to"]
    static let windowKeys = ["requests"]
    static let featureKeys = ["method", "warn", "alert", "ignore"]
    /// The smallest count window (`window: {requests: N}`).
    static let minimumWindowRequests = 30
    /// The smallest `max_sample`.
    static let minimumMaxSample = 100
    static let referenceExample = "training or {window: {from: 0s, to: 30m}}"
    static let windowExample = "a duration like 30m or {requests: 5000}"

    static func read(_ node: YAMLNode, data: DataSpec?, diagnostics d: inout ProjectDiagnostics) -> DriftMonitorSpec? {
        guard let entries = d.mapping(node, "drift", expected: "a mapping like {reference: training, window: 30m, every: 1m}") else { return nil }
        guard let data else {
            d.error("drift: compares the deployment's request features, which come from the data: section, but the project has none; "
                    + "expected a data: section (see docs/project-file.md) with drift", at: node)
            return nil
        }
        var drift = DriftMonitorSpec()
        var valid = true
        for (key, item) in d.knownKeys(entries, allowed: keys, place: "drift") {
            let value = item.value
            switch key {
            case "reference":
                if let reference = readReference(value, diagnostics: &d) { drift.reference = reference } else { valid = false }
            case "window":
                if let window = readWindow(value, diagnostics: &d) { drift.window = window } else { valid = false }
            case "every":
                if let every = d.duration(value, key, positive: true) { drift.every = every } else { valid = false }
            case "dataset_share":
                if let share = d.share(value, key, above0: true) { drift.datasetShare = share } else { valid = false }
            case "max_sample":
                if let count = d.integer(value, key, minimum: minimumMaxSample) { drift.maxSample = count } else { valid = false }
            default:
                if let features = readFeatures(value, data: data, diagnostics: &d) { drift.features = features } else { valid = false }
            }
        }
        return valid ? drift : nil
    }

    // MARK: Reference and window

    /// `training` or `{window: {from: DURATION, to: DURATION}}` with from < to.
    static func readReference(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> DriftReference? {
        guard case .mapping(let entries) = node.kind else {
            guard let text = d.string(node, "reference", expected: referenceExample) else { return nil }
            guard text == "training" else {
                let hint = DidYouMean.suggestion(for: text, among: ["training"]) != nil ? "did you mean 'training'? " : ""
                d.error("reference: unknown reference '\(text)'; \(hint)expected \(referenceExample)", at: node)
                return nil
            }
            return .training
        }
        guard let window = d.knownKeys(entries, allowed: referenceKeys, place: "reference").first?.entry else {
            if entries.isEmpty { d.error("reference: expected \(referenceExample), found an empty mapping", at: node) }
            return nil
        }
        let example = "{from: 0s, to: 30m}"
        guard let bounds = d.mapping(window.value, "reference.window", expected: "a mapping like \(example)") else { return nil }
        var from: SimDuration?, to: (value: SimDuration, node: YAMLNode)?
        var valid = true
        for (key, item) in d.knownKeys(bounds, allowed: referenceWindowKeys, place: "reference.window") {
            guard let value = d.duration(item.value, key) else { valid = false; continue }
            if key == "from" { from = value } else { to = (value, item.value) }
        }
        let absent = DeploymentReader.missing(referenceWindowKeys, in: bounds, allowed: referenceWindowKeys)
        if !absent.isEmpty {
            d.error("reference.window: missing \(ServingValueParsing.list(absent, conjunction: "and")); expected a mapping like \(example)", at: window.value)
        }
        guard valid, let from, let to else { return nil }
        guard from < to.value else {
            d.error("to: expected the end of the reference window after its start (\(from)), found \(to.node.found)", at: to.node)
            return nil
        }
        return .window(from: from, to: to.value)
    }

    /// A duration above 0 or `{requests: N}` with N >= 30.
    static func readWindow(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> DriftWindow? {
        guard case .mapping(let entries) = node.kind else {
            guard node.scalar?.type != .int else {
                d.error("window: expected \(windowExample) (a count of requests is written {requests: N}), found \(node.found)", at: node)
                return nil
            }
            return d.duration(node, "window", positive: true).map(DriftWindow.time)
        }
        guard let requests = d.knownKeys(entries, allowed: windowKeys, place: "window").first?.entry else {
            if entries.isEmpty { d.error("window: expected \(windowExample), found an empty mapping", at: node) }
            return nil
        }
        return d.integer(requests.value, "requests", minimum: minimumWindowRequests).map(DriftWindow.count)
    }

    // MARK: Per-feature overrides

    /// `{FEATURE: {method, warn, alert, ignore}}`: each a feature of
    /// `data`, the method one that applies to its kind, warn and alert
    /// together and ordered for the method; at least one feature watched.
    static func readFeatures(_ node: YAMLNode, data: DataSpec, diagnostics d: inout ProjectDiagnostics) -> [FeatureDriftSpec]? {
        guard let entries = d.mapping(node, "features", expected: "a mapping of feature names to overrides like {method: psi, warn: 0.1, alert: 0.2}") else {
            return nil
        }
        let names = data.features.map(\.name)
        var features: [FeatureDriftSpec] = []
        var valid = true
        for (name, entry) in d.uniqueEntries(entries, noun: "feature", place: "features") {
            guard let feature = data.features.first(where: { $0.name == name }) else {
                d.error("features: unknown feature '\(name)'\(ProjectDiagnostics.unknownHint(name, among: names, noun: "feature", section: "data.features"))",
                        at: entry.keyPosition)
                valid = false
                continue
            }
            if let spec = readFeature(feature, entry: entry, diagnostics: &d) { features.append(spec) } else { valid = false }
        }
        if valid, names.allSatisfy({ name in features.contains { $0.feature == name && $0.ignored } }) {
            d.error("features: every feature of data: is ignored, so drift watches nothing; expected at least one feature without ignore: true", at: node)
            valid = false
        }
        return valid ? features : nil
    }

    static func readFeature(_ feature: FeatureSpec, entry: YAMLEntry, diagnostics d: inout ProjectDiagnostics) -> FeatureDriftSpec? {
        let name = feature.name
        let place = "features.\(name)"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping like {method: psi, warn: 0.1, alert: 0.2} or {ignore: true}") else {
            return nil
        }
        var spec = FeatureDriftSpec(feature: name)
        var valid = true
        var methodNode: YAMLNode?
        var warn: (value: Double, node: YAMLNode)?, alert: (value: Double, node: YAMLNode)?
        var levelNodes: [(key: String, node: YAMLNode)] = []
        var ignore: YAMLNode?
        for (key, item) in d.knownKeys(entries, allowed: featureKeys, place: place) {
            let value = item.value
            switch key {
            case "method":
                methodNode = value
                let names = DriftMethod.allCases.map(\.rawValue)
                guard let text = d.choice(value, "method", noun: "method", among: names), let method = DriftMethod(rawValue: text) else {
                    valid = false
                    continue
                }
                if let problem = mismatch(method, feature) {
                    d.error("method: \(problem)", at: value)
                    valid = false
                    continue
                }
                spec.method = method
            case "warn", "alert":
                levelNodes.append((key, value))
                guard let level = d.nonNegativeNumber(value, "\(place).\(key)", expected: "a threshold, a number >= 0") else { valid = false; continue }
                if key == "warn" { warn = (level, value) } else { alert = (level, value) }
            default:
                guard let value = d.boolean(value, "ignore") else { valid = false; continue }
                spec.ignored = value
                if value { ignore = item.value }
            }
        }
        if let ignore, methodNode != nil || !levelNodes.isEmpty {
            d.error("ignore: true leaves '\(name)' out, so its method and thresholds would never be used; expected either ignore: true or them", at: ignore)
            return nil
        }
        if !levelNodes.isEmpty, methodNode == nil {
            d.error("\(place): thresholds are in the method's unit, but no method is given; expected method: with warn and alert "
                    + "(like {method: psi, warn: 0.1, alert: 0.2})", at: levelNodes[0].node)
            return nil
        }
        if let first = levelNodes.first, levelNodes.count == 1 {
            let other = first.key == "warn" ? "alert" : "warn"
            d.error("\(place): \(first.key) without \(other); expected both warn and alert (or neither, for the method's defaults)", at: first.node)
            return nil
        }
        guard valid else { return nil }
        if let method = spec.method, let warn, let alert {
            guard let problem = misordered(method, warn: warn.value, alert: alert.value) else {
                spec.thresholds = DriftThresholds(warn: warn.value, alert: alert.value)
                return spec
            }
            d.error("\(place): \(problem)", at: problem.hasPrefix("warn") ? warn.node : alert.node)
            return nil
        }
        return spec
    }

    /// Why `method` does not apply to `feature`'s kind, or nil.
    static func mismatch(_ method: DriftMethod, _ feature: FeatureSpec) -> String? {
        switch feature.distribution {
        case .numeric where !method.appliesToNumeric:
            return "\(method.rawValue) compares category counts, but '\(feature.name)' is numeric; expected psi, ks, wasserstein or js"
        case .categorical where !method.appliesToCategorical:
            return "\(method.rawValue) needs numbers, but '\(feature.name)' is categorical; expected chi_square or js"
        default:
            return nil
        }
    }

    /// Why the thresholds are out of order for `method`, or nil: distances
    /// `0 <= warn <= alert`; p-values `1 >= warn >= alert > 0`.
    static func misordered(_ method: DriftMethod, warn: Double, alert: Double) -> String? {
        let (w, a) = (ServingValueParsing.format(warn), ServingValueParsing.format(alert))
        if method.isPValueTest {
            if warn > 1 { return "warn \(w) is not a p-value; expected 1 >= warn >= alert > 0 for \(method.rawValue)" }
            if alert <= 0 { return "alert \(a) can never be reached; expected 1 >= warn >= alert > 0 for \(method.rawValue) (a p-value: drift is below)" }
            if warn < alert {
                return "alert \(a) is above warn \(w); expected 1 >= warn >= alert > 0 for \(method.rawValue) (a p-value: drift is below)"
            }
            return nil
        }
        if alert < warn { return "alert \(a) is below warn \(w); expected 0 <= warn <= alert for \(method.rawValue) (a distance: drift is above)" }
        return nil
    }
}
