import SimKernel

/// `monitors: {ID: MONITOR}` — see ``MonitorReader``. Read after `data:`
/// (drift overrides name its features) and `deployments:` (a monitor
/// watches one).
enum MonitorsSection: ProjectSection {
    static let key = "monitors"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let entries = diagnostics.mapping(node, key, expected: "a mapping of monitor ids to monitors") else { return }
        for (id, entry) in diagnostics.uniqueEntries(entries, noun: "monitor", place: "monitors") {
            diagnostics.checkID(id, noun: "monitor", at: entry.keyPosition)
            if let monitor = MonitorReader.read(id: id, entry: entry, project: project, diagnostics: &diagnostics) {
                project.monitors.append(monitor)
            } else {
                diagnostics.declaredWithErrors.append("\(key)/\(id)")
            }
        }
    }
}

/// Reads one monitor: the deployment it watches, then input drift
/// (``DriftMonitorReader``), concept drift, SLOs (``SLOReader``) and
/// whether an exhausted error budget freezes promotions.
enum MonitorReader {
    static let keys = ["description", "deployment", "drift", "concept", "slos", "freeze_promotions"]
    static let conceptKeys = ["detectors", "page_hinkley", "adwin", "ddm"]
    static let pageHinkleyKeys = ["delta", "lambda"]
    static let adwinKeys = ["delta"]
    static let ddmKeys = ["min_samples"]
    static let conceptExample = "{detectors: [ddm, page_hinkley, adwin], page_hinkley: {delta: 0.005, lambda: 50}} or true"

    static func read(id: String, entry: YAMLEntry, project: ProjectSpec, diagnostics d: inout ProjectDiagnostics) -> MonitorSpec? {
        let place = "monitor '\(id)'"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with deployment and at least one of drift, concept or slos") else {
            return nil
        }
        var monitor = MonitorSpec(id: id, deployment: "")
        var valid = true
        var deploymentSeen = false
        var watches = false
        var freeze: YAMLNode?
        var slosSeen = false
        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            let value = item.value
            switch key {
            case "description":
                monitor.description = d.string(value, key, expected: "a one-line description")
            case "deployment":
                deploymentSeen = true
                let names = project.deployments.map(\.id)
                if let name = d.reference(value, key, noun: "deployment", section: "deployments", among: names) {
                    monitor.deployment = name
                } else {
                    valid = false
                }
            case "drift":
                watches = true
                if let drift = DriftMonitorReader.read(value, data: project.data, diagnostics: &d) { monitor.drift = drift } else { valid = false }
            case "concept":
                let (concept, ok) = readConcept(value, diagnostics: &d)
                monitor.concept = concept
                watches = watches || concept != nil || !ok
                valid = valid && ok
            case "slos":
                watches = true
                slosSeen = true
                if let slos = SLOReader.read(value, diagnostics: &d) { monitor.slos = slos } else { valid = false }
            default:
                if let value = d.boolean(value, key) {
                    monitor.freezePromotionsWhenBudgetExhausted = value
                    if value { freeze = item.value }
                } else {
                    valid = false
                }
            }
        }
        if !deploymentSeen, !DeploymentReader.missing(["deployment"], in: entries, allowed: keys).isEmpty {
            d.error("\(place) has no deployment; expected deployment: ID (a key of deployments:)", at: entry.keyPosition)
            valid = false
        }
        if !watches, entries.allSatisfy({ $0.key.map(keys.contains) ?? false }) {
            d.error("\(place) watches nothing; expected at least one of drift, concept or slos", at: entry.keyPosition)
            valid = false
        }
        if let freeze, !slosSeen {
            d.error("freeze_promotions: promotions freeze when an SLO's error budget is exhausted, but \(place) has no slos; "
                    + "expected slos: with it (or no freeze_promotions)", at: freeze)
            valid = false
        }
        return valid ? monitor : nil
    }

    // MARK: Concept drift

    /// `true` (all detectors, defaults), `false` (none) or a mapping of
    /// detectors and their settings. Returns the spec (nil for none) and
    /// whether it was valid.
    static func readConcept(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> (ConceptMonitorSpec?, Bool) {
        if let scalar = node.scalar, scalar.type == .bool, let on = scalar.bool {
            return (on ? ConceptMonitorSpec() : nil, true)
        }
        guard let entries = d.mapping(node, "concept", expected: conceptExample) else { return (nil, false) }
        var concept = ConceptMonitorSpec()
        var valid = true
        var settings: [(kind: ConceptDetectorKind, position: SourcePosition)] = []
        var detectorsGiven = false
        for (key, item) in d.knownKeys(entries, allowed: conceptKeys, place: "concept") {
            let value = item.value
            switch key {
            case "detectors":
                detectorsGiven = true
                if let detectors = readDetectors(value, diagnostics: &d) { concept.detectors = detectors } else { valid = false }
            case "page_hinkley":
                settings.append((.pageHinkley, item.keyPosition))
                guard let entries = d.mapping(value, key, expected: "a mapping like {delta: 0.005, lambda: 50}") else { valid = false; continue }
                for (setting, item) in d.knownKeys(entries, allowed: pageHinkleyKeys, place: key) {
                    if setting == "delta" {
                        if let delta = d.nonNegativeNumber(item.value, "page_hinkley.delta", expected: "the tolerated change, a number >= 0") {
                            concept.pageHinkleyDelta = delta
                        } else {
                            valid = false
                        }
                    } else if let lambda = d.positiveNumber(item.value, "page_hinkley.lambda", expected: "the alarm threshold, a number above 0") {
                        concept.pageHinkleyLambda = lambda
                    } else {
                        valid = false
                    }
                }
            case "adwin":
                settings.append((.adwin, item.keyPosition))
                guard let entries = d.mapping(value, key, expected: "a mapping like {delta: 0.002}") else { valid = false; continue }
                for (_, item) in d.knownKeys(entries, allowed: adwinKeys, place: key) {
                    guard let delta = d.positiveNumber(item.value, "adwin.delta", expected: "a confidence above 0 and below 1 (like 0.002)") else {
                        valid = false
                        continue
                    }
                    guard delta < 1 else {
                        d.error("adwin.delta: expected a confidence above 0 and below 1 (like 0.002), found \(item.value.found)", at: item.value)
                        valid = false
                        continue
                    }
                    concept.adwinDelta = delta
                }
            default:
                settings.append((.ddm, item.keyPosition))
                guard let entries = d.mapping(value, key, expected: "a mapping like {min_samples: 30}") else { valid = false; continue }
                for (_, item) in d.knownKeys(entries, allowed: ddmKeys, place: key) {
                    if let count = d.integer(item.value, "ddm.min_samples", minimum: 1) { concept.ddmMinimumSamples = count } else { valid = false }
                }
            }
        }
        if detectorsGiven, valid {
            for (kind, position) in settings where !concept.detectors.contains(kind) {
                d.error("\(kind.rawValue): settings for a detector that is not in detectors (\(concept.detectors.map(\.rawValue).joined(separator: ", "))); "
                        + "expected \(kind.rawValue) in detectors, or no settings for it", at: position)
                valid = false
            }
        }
        return (concept, valid)
    }

    /// A non-empty list of detector names, each once.
    static func readDetectors(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> [ConceptDetectorKind]? {
        let names = ConceptDetectorKind.allCases.map(\.rawValue)
        let expected = "a list of detectors from \(ServingValueParsing.list(names))"
        guard let items = d.sequence(node, "detectors", expected: expected) else { return nil }
        if items.isEmpty {
            d.error("detectors: expected at least one of \(ServingValueParsing.list(names)), found an empty list "
                    + "(leave concept out to watch no concept drift)", at: node)
            return nil
        }
        var detectors: [ConceptDetectorKind] = []
        var valid = true
        for item in items {
            guard let name = d.choice(item, "detectors", noun: "detector", among: names), let kind = ConceptDetectorKind(rawValue: name) else {
                valid = false
                continue
            }
            if detectors.contains(kind) {
                d.error("detectors: '\(name)' is listed twice; expected each detector once", at: item)
                valid = false
            } else {
                detectors.append(kind)
            }
        }
        return valid ? detectors : nil
    }
}
