import SimKernel

/// `deployments: {ID: DEPLOYMENT}` — see ``DeploymentReader``. Read after
/// `models:`, whose ids a deployment's `model` must name.
enum DeploymentsSection: ProjectSection {
    static let key = "deployments"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let entries = diagnostics.mapping(node, key, expected: "a mapping of deployment ids to deployments") else { return }
        if project.data == nil, !entries.isEmpty {
            diagnostics.error("deployments: requests draw their features from the data: section, but the project has none; "
                              + "expected a data: section (see docs/project-file.md) with deployments", at: node)
        }
        let models = project.models.map(\.id)
        for (id, entry) in diagnostics.uniqueEntries(entries, noun: "deployment", place: "deployments") {
            diagnostics.checkID(id, noun: "deployment", at: entry.keyPosition)
            if let deployment = DeploymentReader.read(id: id, entry: entry, models: models, diagnostics: &diagnostics) {
                project.deployments.append(deployment)
            } else {
                diagnostics.declaredWithErrors.append("\(key)/\(id)")
            }
        }
    }
}

/// Reads one deployment: its model, serving mode, replicas, latency and
/// error model, label delay, candidate source, promotion alias and
/// strategy (``StrategyReader``), then checks the plan against the traffic
/// (``DeploymentPlanCheck``).
enum DeploymentReader {
    static let keys = ["description", "model", "mode", "replicas", "latency", "error_rate", "label_delay",
                       "candidate", "promote_alias", "strategy"]
    static let modeNames = ["realtime", "batch", "streaming", "edge"]
    static let realTimeKeys = ["rate", "daily"]
    static let dailyKeys = ["amplitude", "peak"]
    static let batchKeys = ["every", "rows", "throughput"]
    static let streamingKeys = ["rate", "consumer"]
    static let edgeKeys = ["devices", "online", "sync_every", "rate"]
    static let replicaKeys = ["count", "capacity"]
    static let latencyKeys = ["median", "p99"]
    static let candidateKeys = ["alias"]
    static let modeExample = "{realtime: {rate: 50}}, {batch: {every: 1h, rows: 10000, throughput: 2000}}, "
        + "{streaming: {rate: 200, consumer: 80}} or {edge: {devices: 500, online: 0.8, sync_every: 15m, rate: 0.05}}"

    static func read(id: String, entry: YAMLEntry, models: [String], diagnostics d: inout ProjectDiagnostics) -> DeploymentSpec? {
        let place = "deployment '\(id)'"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with model, mode and strategy (and optionally replicas, latency, ...)") else {
            return nil
        }
        var description: String?
        var model: String?
        var mode: ServingMode?
        var replicas = ReplicaSpec()
        var profile = ServingProfile()
        var labelDelay = SimDuration.zero
        var candidate = CandidateSource.latest
        var candidateNode: YAMLNode?
        var promoteAlias: (name: String, node: YAMLNode)?
        var strategyEntry: YAMLEntry?
        var valid = true
        var seen: [String] = []

        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            seen.append(key)
            let value = item.value
            switch key {
            case "description":
                description = d.string(value, key, expected: "a one-line description")
            case "model":
                model = readModel(value, models: models, diagnostics: &d)
                valid = valid && model != nil
            case "mode":
                mode = readMode(value, diagnostics: &d)
                valid = valid && mode != nil
            case "replicas":
                if let value = readReplicas(value, diagnostics: &d) { replicas = value } else { valid = false }
            case "latency":
                if let latency = readLatency(value, diagnostics: &d) {
                    profile.medianLatencyMs = latency.median
                    profile.p99LatencyMs = latency.p99
                } else {
                    valid = false
                }
            case "error_rate":
                if let rate = d.share(value, key) { profile.errorRate = rate } else { valid = false }
            case "label_delay":
                if let delay = d.duration(value, key) { labelDelay = delay } else { valid = false }
            case "candidate":
                candidateNode = value
                if let source = readCandidate(value, diagnostics: &d) { candidate = source } else { valid = false }
            case "promote_alias":
                guard let name = d.string(value, key, expected: "a registry alias name like champion") else { valid = false; continue }
                if d.checkID(name, noun: "alias", at: value.position) { promoteAlias = (name, value) } else { valid = false }
            case "strategy":
                strategyEntry = item
            default:
                break
            }
        }
        for required in missing(["model", "mode", "strategy"], in: entries, allowed: keys) {
            let form = switch required {
            case "model": "model: ID (a key of models:)"
            case "mode": "mode: \(modeExample)"
            default: "strategy: one of \(ServingValueParsing.list(StrategySpec.names)) (like {canary: {steps: [...]}})"
            }
            d.error("\(place) has no \(required); expected \(form)", at: entry.keyPosition)
        }
        valid = valid && ["model", "mode", "strategy"].allSatisfy(seen.contains)
        if case .alias(let alias) = candidate, let promoteAlias, alias == promoteAlias.name, let candidateNode {
            d.error("candidate: the candidate alias '\(alias)' is also the promote_alias (at \(promoteAlias.node.position)), so the candidate "
                    + "would already be the promoted version; expected another alias (like challenger) or candidate: latest", at: candidateNode)
            valid = false
        }
        let context = mode.map { DeploymentPlanCheck.Context(deployment: id, mode: $0, labelDelay: labelDelay, replicas: replicas.count) }
        let strategy = strategyEntry.flatMap { StrategyReader.read($0, context: context, diagnostics: &d) }
        guard valid, let model, let mode, let strategy else { return nil }
        return DeploymentSpec(id: id, description: description, model: model, mode: mode, replicas: replicas, profile: profile,
                              labelDelay: labelDelay, candidate: candidate, promoteAlias: promoteAlias?.name, strategy: strategy)
    }

    // MARK: Model

    static func readModel(_ node: YAMLNode, models: [String], diagnostics d: inout ProjectDiagnostics) -> String? {
        guard let name = d.string(node, "model", expected: "the id of a model declared under models") else { return nil }
        guard models.contains(name) else {
            let hint = DidYouMean.suggestion(for: name, among: models).map { "; did you mean '\($0)'?" }
                ?? (models.isEmpty ? "; no models are declared (add one under models:)" : "; declared models: \(models.joined(separator: ", "))")
            d.error("model: unknown model '\(name)'\(hint)", at: node)
            return nil
        }
        return name
    }

    // MARK: Mode

    /// `{realtime: {...}}`, `{batch: {...}}`, `{streaming: {...}}` or `{edge: {...}}`.
    static func readMode(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> ServingMode? {
        guard case .mapping(let entries) = node.kind else {
            if let text = node.scalar?.text, node.scalar?.type != .null, modeNames.contains(text) {
                d.error("mode: \(text) needs its traffic; expected a mapping like \(modeExample)", at: node)
            } else if let text = node.scalar?.text, node.scalar?.type != .null {
                let hint = DidYouMean.suggestion(for: text, among: modeNames).map { "did you mean '\($0)'? " } ?? ""
                d.error("mode: unknown mode '\(text)'; \(hint)expected \(modeExample)", at: node)
            } else {
                d.error("mode: expected \(modeExample), found \(node.found)", at: node)
            }
            return nil
        }
        let known = d.knownKeys(entries, allowed: modeNames, place: "mode")
        guard let first = known.first else {
            if entries.isEmpty { d.error("mode: expected one of \(modeExample), found an empty mapping", at: node) }
            return nil
        }
        for extra in known.dropFirst() {
            d.error("\(extra.key): mode already is \(first.key) (at \(first.entry.keyPosition)); expected exactly one serving mode", at: extra.entry.keyPosition)
        }
        let value = first.entry.value
        switch first.key {
        case "realtime": return readRealTime(value, diagnostics: &d).map(ServingMode.realTime)
        case "batch": return readBatch(value, diagnostics: &d).map(ServingMode.batch)
        case "streaming": return readStreaming(value, diagnostics: &d).map(ServingMode.streaming)
        default: return readEdge(value, diagnostics: &d).map(ServingMode.edge)
        }
    }

    /// The required keys absent from `entries`, leaving out those an
    /// unknown key there is a misspelling of (already reported as such).
    static func missing(_ required: [String], in entries: [YAMLEntry], allowed: [String]) -> [String] {
        let keys = entries.compactMap(\.key)
        let misspelt = keys.filter { !allowed.contains($0) }.compactMap { DidYouMean.suggestion(for: $0, among: allowed) }
        return required.filter { !keys.contains($0) && !misspelt.contains($0) }
    }

    /// The known entries of a mode's mapping, and whether every required
    /// key is there (the missing ones are reported).
    private static func modeEntries(_ node: YAMLNode, _ name: String, allowed: [String], required: [String], example: String,
                                    diagnostics d: inout ProjectDiagnostics) -> (known: [(key: String, entry: YAMLEntry)], complete: Bool)? {
        guard let entries = d.mapping(node, name, expected: "a mapping like \(example)") else { return nil }
        let known = d.knownKeys(entries, allowed: allowed, place: name)
        let absent = missing(required, in: entries, allowed: allowed)
        if !absent.isEmpty {
            d.error("\(name): missing \(ServingValueParsing.list(absent, conjunction: "and")); expected a mapping like \(example)", at: node)
        }
        return (known, required.allSatisfy { key in entries.contains { $0.key == key } })
    }

    static func readRealTime(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> RealTimeTraffic? {
        let example = "{rate: 50, daily: {amplitude: 0.5, peak: \"14:00\"}}"
        guard let (known, complete) = modeEntries(node, "realtime", allowed: realTimeKeys, required: ["rate"], example: example, diagnostics: &d) else {
            return nil
        }
        var traffic = RealTimeTraffic(ratePerSecond: 1)
        var valid = complete
        for (key, item) in known {
            if key == "rate" {
                if let rate = d.positiveNumber(item.value, "rate", expected: "requests per second, a number above 0") { traffic.ratePerSecond = rate } else { valid = false }
                continue
            }
            guard let (daily, dailyComplete) = modeEntries(item.value, "daily", allowed: dailyKeys, required: ["amplitude"],
                                                           example: "{amplitude: 0.5, peak: \"14:00\"}", diagnostics: &d) else { valid = false; continue }
            valid = valid && dailyComplete
            for (dailyKey, dailyItem) in daily {
                if dailyKey == "amplitude" {
                    if let amplitude = d.number(dailyItem.value, "amplitude", in: 0...1) { traffic.dailyAmplitude = amplitude } else { valid = false }
                } else if let peak = d.timeOfDay(dailyItem.value, "peak") {
                    traffic.dailyPeak = peak
                } else {
                    valid = false
                }
            }
        }
        return valid ? traffic : nil
    }

    static func readBatch(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> BatchTraffic? {
        let example = "{every: 1h, rows: 10000, throughput: 2000}"
        guard let (known, _) = modeEntries(node, "batch", allowed: batchKeys, required: batchKeys, example: example, diagnostics: &d) else { return nil }
        var every: SimDuration?, rows: Int?, throughput: Double?
        for (key, item) in known {
            switch key {
            case "every": every = d.duration(item.value, key, positive: true)
            case "rows": rows = d.integer(item.value, key, minimum: 1)
            default: throughput = d.positiveNumber(item.value, key, expected: "rows per second per replica, a number above 0")
            }
        }
        guard let every, let rows, let throughput else { return nil }
        return BatchTraffic(every: every, rows: rows, rowsPerSecond: throughput)
    }

    static func readStreaming(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> StreamingTraffic? {
        let example = "{rate: 200, consumer: 80}"
        guard let (known, _) = modeEntries(node, "streaming", allowed: streamingKeys, required: streamingKeys, example: example, diagnostics: &d) else { return nil }
        var rate: Double?, consumer: Double?
        for (key, item) in known {
            if key == "rate" {
                rate = d.positiveNumber(item.value, key, expected: "events per second, a number above 0")
            } else {
                consumer = d.positiveNumber(item.value, key, expected: "events per second per replica, a number above 0")
            }
        }
        guard let rate, let consumer else { return nil }
        return StreamingTraffic(ratePerSecond: rate, consumerPerSecond: consumer)
    }

    static func readEdge(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> EdgeFleet? {
        let example = "{devices: 500, online: 0.8, sync_every: 15m, rate: 0.05}"
        guard let (known, _) = modeEntries(node, "edge", allowed: edgeKeys, required: ["devices", "sync_every", "rate"], example: example,
                                      diagnostics: &d) else { return nil }
        var devices: Int?, online: Double? = 1, syncEvery: SimDuration?, rate: Double?
        for (key, item) in known {
            switch key {
            case "devices": devices = d.integer(item.value, key, minimum: 1)
            case "online": online = d.share(item.value, key, above0: true)
            case "sync_every": syncEvery = d.duration(item.value, key, positive: true)
            default: rate = d.positiveNumber(item.value, key, expected: "requests per second per device, a number above 0")
            }
        }
        guard let devices, let online, let syncEvery, let rate else { return nil }
        return EdgeFleet(devices: devices, onlineShare: online, syncEvery: syncEvery, requestsPerSecond: rate)
    }

    // MARK: Replicas, latency, candidate

    /// `{count: 3, capacity: 40}` (defaults 2 and 100).
    static func readReplicas(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> ReplicaSpec? {
        guard let entries = d.mapping(node, "replicas", expected: "a mapping like {count: 3, capacity: 40}") else { return nil }
        var replicas = ReplicaSpec()
        var valid = true
        for (key, item) in d.knownKeys(entries, allowed: replicaKeys, place: "replicas") {
            if key == "count" {
                if let count = d.integer(item.value, key, minimum: 1) { replicas.count = count } else { valid = false }
            } else if let capacity = d.positiveNumber(item.value, key, expected: "requests per second per replica, a number above 0") {
                replicas.capacityPerSecond = capacity
            } else {
                valid = false
            }
        }
        return valid ? replicas : nil
    }

    /// `{median: 20ms, p99: 60ms}`, both required, p99 at least the median.
    static func readLatency(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> (median: Double, p99: Double)? {
        let example = "{median: 20ms, p99: 60ms}"
        guard let entries = d.mapping(node, "latency", expected: "a mapping like \(example)") else { return nil }
        var median: (value: Double, node: YAMLNode)?, p99: (value: Double, node: YAMLNode)?
        var valid = true
        for (key, item) in d.knownKeys(entries, allowed: latencyKeys, place: "latency") {
            guard let value = d.latency(item.value, key) else { valid = false; continue }
            if key == "median" { median = (value, item.value) } else { p99 = (value, item.value) }
        }
        let absent = missing(latencyKeys, in: entries, allowed: latencyKeys)
        if !absent.isEmpty {
            d.error("latency: missing \(ServingValueParsing.list(absent, conjunction: "and")); expected a mapping like \(example)", at: node)
        }
        guard valid, let median, let p99 else { return nil }
        guard p99.value >= median.value else {
            d.error("p99: expected a latency at least the median (\(ServingValueParsing.format(median.value))ms), found \(p99.node.found)", at: p99.node)
            return nil
        }
        return (median.value, p99.value)
    }

    /// `latest` or `{alias: NAME}`.
    static func readCandidate(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> CandidateSource? {
        let expected = "latest or {alias: NAME}"
        if case .mapping(let entries) = node.kind {
            let known = d.knownKeys(entries, allowed: candidateKeys, place: "candidate")
            guard let item = known.first?.entry else {
                if entries.isEmpty { d.error("candidate: expected \(expected), found an empty mapping", at: node) }
                return nil
            }
            guard let name = d.string(item.value, "alias", expected: "a registry alias name like challenger"),
                  d.checkID(name, noun: "alias", at: item.value.position) else { return nil }
            return .alias(name)
        }
        guard let text = d.string(node, "candidate", expected: expected) else { return nil }
        guard text == "latest" else {
            let hint = DidYouMean.suggestion(for: text, among: ["latest"]).map { "did you mean '\($0)'? " } ?? ""
            d.error("candidate: unknown candidate '\(text)'; \(hint)expected \(expected)", at: node)
            return nil
        }
        return .latest
    }
}
