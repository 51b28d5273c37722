import SimKernel

/// Where a step's parts were written, for the checks that need the whole
/// pipeline (needs, cycles, param references).
struct StepSource {
    var id: String
    var keyPosition: SourcePosition
    /// The `needs` items that are strings, in file order.
    var needs: [(id: String, node: YAMLNode)]
    /// Values that may use `${params.NAME}`: `run` and each `env` value.
    var templated: [(label: String, node: YAMLNode)]
}

/// Reads one step.
enum StepReader {
    static let keys = ["needs", "run", "builtin", "simulate", "retries", "retry_delay", "backoff", "timeout",
                       "trigger_rule", "pool", "env", "outputs", "when"]
    static let actionKeys = ["run", "builtin", "simulate"]
    static let simulateKeys = ["duration", "fail"]
    static let backoffKeys = ["type", "cap", "jitter"]
    static let backoffTypes = ["fixed", "exponential"]
    static let defaultBackoffCap = SimDuration.hours(1)
    static let defaultBackoffJitter = 0.1

    /// The step (with placeholder values where the file was wrong; the
    /// project is only used when there were no errors) and its source.
    static func read(id: String, entry: YAMLEntry, pools: [PoolSpec], diagnostics d: inout ProjectDiagnostics) -> (StepSpec, StepSource) {
        let place = "step '\(id)'"
        var step = StepSpec(id: id, action: .shell(""))
        var source = StepSource(id: id, keyPosition: entry.keyPosition, needs: [], templated: [])
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with one of run, builtin or simulate (and optionally needs, retries, ...)") else {
            return (step, source)
        }
        var actionKey: (key: String, position: SourcePosition)?
        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            let value = item.value
            if actionKeys.contains(key) {
                if let first = actionKey {
                    d.error("\(key): \(place) already has \(first.key) (at \(first.position)); expected exactly one of run, builtin or simulate",
                            at: item.keyPosition)
                    continue
                }
                actionKey = (key, item.keyPosition)
            }
            switch key {
            case "needs":
                guard let items = d.sequence(value, key, expected: "a list of step ids like [train]") else { continue }
                step.needs = []
                for need in items {
                    guard let name = d.string(need, "needs", expected: "a step id") else { continue }
                    step.needs.append(name)
                    source.needs.append((name, need))
                }
            case "run":
                if let command = d.string(value, key, expected: "a shell command") {
                    step.action = .shell(command)
                    source.templated.append(("run", value))
                }
            case "builtin":
                if let name = d.string(value, key, expected: "the name of a builtin task") {
                    step.action = .builtin(name)
                    checkBuiltin(name, node: value, diagnostics: &d)
                }
            case "simulate":
                if let action = readSimulate(value, diagnostics: &d) { step.action = action }
            case "retries":
                if let retries = d.integer(value, key, minimum: 0) { step.retries = retries }
            case "retry_delay":
                if let delay = d.duration(value, key) { step.retryDelay = delay }
            case "backoff":
                if let backoff = readBackoff(value, diagnostics: &d) { step.backoff = backoff }
            case "timeout":
                if let timeout = d.duration(value, key, positive: true) { step.timeout = timeout }
            case "trigger_rule":
                guard let text = d.string(value, key, expected: "a trigger rule") else { continue }
                if let rule = TriggerRule(rawValue: text) {
                    step.triggerRule = rule
                } else {
                    let names = TriggerRule.allCases.map(\.rawValue)
                    let hint = DidYouMean.suggestion(for: text, among: names).map { "did you mean '\($0)'? " } ?? ""
                    d.error("trigger_rule: unknown rule '\(text)'; \(hint)expected one of: \(names.joined(separator: ", "))", at: value)
                }
            case "pool":
                guard let name = d.string(value, key, expected: "the id of a pool declared under pools") else { continue }
                step.pool = name
                if !pools.contains(where: { $0.id == name }) {
                    let ids = pools.map(\.id)
                    let hint = DidYouMean.suggestion(for: name, among: ids).map { "; did you mean '\($0)'?" }
                        ?? (ids.isEmpty ? "; no pools are declared (add one under pools:)" : "; declared pools: \(ids.joined(separator: ", "))")
                    d.error("pool: unknown pool '\(name)'\(hint)", at: value)
                }
            case "env":
                step.env = readEnv(value, source: &source, diagnostics: &d)
            case "outputs":
                step.outputs = readOutputs(value, diagnostics: &d)
            case "when":
                step.when = d.string(value, key, expected: "a condition like \"auc > champion.auc + 0.005\"")
            default:
                break
            }
        }
        if actionKey == nil {
            d.error("\(place) has no action; expected one of run (a shell command), builtin (a task name) or simulate (a duration)", at: entry.keyPosition)
        }
        return (step, source)
    }

    private static func checkBuiltin(_ name: String, node: YAMLNode, diagnostics d: inout ProjectDiagnostics) {
        guard !d.builtins.contains(name) else { return }
        let hint: String
        if let suggestion = DidYouMean.suggestion(for: name, among: d.builtins) {
            hint = "; did you mean '\(suggestion)'?"
        } else if d.builtins.isEmpty {
            hint = "; no builtin tasks are registered"
        } else {
            hint = "; expected one of: \(d.builtins.joined(separator: ", "))"
        }
        d.error("builtin: unknown builtin task '\(name)'\(hint)", at: node)
    }

    /// `simulate: {duration: DISTRIBUTION, fail: PROBABILITY}`.
    private static func readSimulate(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> StepAction? {
        guard let entries = d.mapping(node, "simulate", expected: "a mapping like {duration: \"lognormal(30s, 0.5)\", fail: 0.05}") else { return nil }
        var duration: DurationDistribution?
        var durationSeen = false
        var fail = 0.0
        var valid = true
        for (key, item) in d.knownKeys(entries, allowed: simulateKeys, place: "simulate") {
            if key == "duration" {
                durationSeen = true
                duration = d.distribution(item.value, key)
                valid = valid && duration != nil
            } else if let probability = d.number(item.value, "fail", in: 0...1) {
                fail = probability
            } else {
                valid = false
            }
        }
        if !durationSeen {
            d.error("simulate: missing duration; expected duration: like 45s or \"lognormal(30s, 0.5)\"", at: node)
        }
        guard valid, let duration else { return nil }
        return .simulate(duration: duration, failureProbability: fail)
    }

    /// `backoff: fixed | exponential` or `{type: exponential, cap: 10m, jitter: 0.1}`.
    private static func readBackoff(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> BackoffSpec? {
        func kind(_ node: YAMLNode, label: String) -> String? {
            guard let text = d.string(node, label, expected: "fixed or exponential") else { return nil }
            guard backoffTypes.contains(text) else {
                let hint = DidYouMean.suggestion(for: text, among: backoffTypes).map { "did you mean '\($0)'? " } ?? ""
                d.error("\(label): unknown backoff '\(text)'; \(hint)expected fixed or exponential", at: node)
                return nil
            }
            return text
        }
        guard case .mapping(let entries) = node.kind else {
            guard let type = kind(node, label: "backoff") else { return nil }
            return type == "fixed" ? .fixed : .exponential(cap: defaultBackoffCap, jitter: defaultBackoffJitter)
        }
        var type: String?
        var typeSeen = false
        var cap = defaultBackoffCap, jitter = defaultBackoffJitter
        var tuning: (key: String, position: SourcePosition)?
        for (key, item) in d.knownKeys(entries, allowed: backoffKeys, place: "backoff") {
            switch key {
            case "type":
                typeSeen = true
                type = kind(item.value, label: "type")
            case "cap":
                tuning = tuning ?? (key, item.keyPosition)
                if let value = d.duration(item.value, key, positive: true) { cap = value }
            default:
                tuning = tuning ?? (key, item.keyPosition)
                if let value = d.number(item.value, key, in: 0...1) { jitter = value }
            }
        }
        if !typeSeen {
            d.error("backoff: missing type; expected type: exponential or type: fixed", at: node)
        }
        if type == "fixed", let tuning {
            d.error("\(tuning.key): cap and jitter apply to exponential backoff only; found them with type fixed", at: tuning.position)
        }
        switch type {
        case "fixed": return .fixed
        case "exponential": return .exponential(cap: cap, jitter: jitter)
        default: return nil
        }
    }

    /// `env: {NAME: VALUE}`; values may be any scalar and are kept as text.
    private static func readEnv(_ node: YAMLNode, source: inout StepSource, diagnostics d: inout ProjectDiagnostics) -> [EnvironmentEntry] {
        guard let entries = d.mapping(node, "env", expected: "a mapping of variable names to values (like ROWS: \"${params.rows}\")") else { return [] }
        var result: [EnvironmentEntry] = []
        for (name, entry) in d.uniqueEntries(entries, noun: "variable", place: "env") {
            if !isEnvironmentName(name) {
                d.error("env: invalid variable name '\(name)'; expected letters, digits and '_', not starting with a digit", at: entry.keyPosition)
            }
            guard let scalar = entry.value.scalar, scalar.type != .null else {
                d.error("env.\(name): expected a value (text or a number), found \(entry.value.found)", at: entry.value)
                continue
            }
            result.append(EnvironmentEntry(name: name, value: scalar.text))
            source.templated.append(("env.\(name)", entry.value))
        }
        return result
    }

    static func isEnvironmentName(_ name: String) -> Bool {
        var first = true
        for scalar in name.unicodeScalars {
            let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            guard letter || (!first && ("0"..."9").contains(scalar)) else { return false }
            first = false
        }
        return !first
    }

    /// `outputs: [PATH]`, paths relative to the project directory.
    private static func readOutputs(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> [String] {
        guard let items = d.sequence(node, "outputs", expected: "a list of file paths relative to the project directory") else { return [] }
        var paths: [String] = []
        for item in items {
            guard let path = d.string(item, "outputs", expected: "a file path relative to the project directory") else { continue }
            if path.hasPrefix("/") || path.hasPrefix("~") {
                d.error("outputs: expected a path relative to the project directory, found '\(path)'", at: item)
            } else {
                paths.append(path)
            }
        }
        return paths
    }
}
