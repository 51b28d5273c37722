import SimKernel

/// Reads one pipeline: its settings, params and steps, then checks the
/// step graph (``StepGraphCheck``) and the `${params.NAME}` references
/// (``ParamTemplateCheck``).
enum PipelineReader {
    static let keys = ["description", "schedule", "every", "triggers", "max_active_runs", "catchup", "params", "steps"]
    static let scheduleKeys = ["every"]
    static let triggerNames = ["manual", "cron", "on_alert"]

    static func read(id: String, entry: YAMLEntry, pools: [PoolSpec], diagnostics d: inout ProjectDiagnostics) -> PipelineSpec? {
        let place = "pipeline '\(id)'"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with steps (and optionally description, schedule, triggers, params, ...)") else {
            return nil
        }
        var pipeline = PipelineSpec(id: id, steps: [])
        var scheduleEntry: YAMLEntry?
        var triggers: [TriggerSpec]?
        var cronTrigger: YAMLNode?
        var stepsSeen = false
        var sources: [StepSource] = []

        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            let value = item.value
            switch key {
            case "description":
                pipeline.description = d.string(value, key, expected: "a one-line description")
            case "schedule", "every":
                if let first = scheduleEntry {
                    d.error("\(key): \(place) already has a schedule (\(first.key ?? "schedule") at \(first.keyPosition)); expected either schedule or every, not both",
                            at: item.keyPosition)
                    continue
                }
                scheduleEntry = item
                pipeline.schedule = key == "every" ? every(value, label: "every", diagnostics: &d) : schedule(value, diagnostics: &d)
            case "triggers":
                (triggers, cronTrigger) = readTriggers(value, diagnostics: &d)
            case "max_active_runs":
                if let value = d.integer(value, key, minimum: 1) { pipeline.maxActiveRuns = value }
            case "catchup":
                if let value = d.boolean(value, key) { pipeline.catchup = value }
            case "params":
                pipeline.params = readParams(value, diagnostics: &d)
            case "steps":
                stepsSeen = true
                guard let stepEntries = d.mapping(value, "steps", expected: "a mapping of step ids to steps") else { continue }
                let unique = d.uniqueEntries(stepEntries, noun: "step", place: place)
                if stepEntries.isEmpty {
                    d.error("steps: \(place) has no steps; expected at least one step", at: value)
                }
                for (stepID, stepEntry) in unique {
                    d.checkID(stepID, noun: "step", at: stepEntry.keyPosition)
                    let (step, source) = StepReader.read(id: stepID, entry: stepEntry, pools: pools, diagnostics: &d)
                    pipeline.steps.append(step)
                    sources.append(source)
                }
            default:
                break
            }
        }
        if !stepsSeen {
            d.error("\(place) has no steps; expected a steps: mapping with at least one step", at: entry.keyPosition)
        }

        var resolvedTriggers = triggers ?? [.manual]
        if pipeline.schedule != nil, !resolvedTriggers.contains(.cron) {
            resolvedTriggers.append(.cron)
        } else if pipeline.schedule == nil, scheduleEntry == nil, let cronTrigger {
            d.error("triggers: the cron trigger needs a schedule; expected schedule: (a cron expression or every: DURATION) in \(place)", at: cronTrigger)
        }
        pipeline.triggers = resolvedTriggers

        StepGraphCheck.check(sources, pipeline: id, diagnostics: &d)
        ParamTemplateCheck.check(sources, params: pipeline.params, pipeline: id, diagnostics: &d)
        return pipeline
    }

    // MARK: Schedule

    /// `schedule: "0 */6 * * *"` or `schedule: {every: 6h}`.
    static func schedule(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> ScheduleSpec? {
        if case .mapping(let entries) = node.kind {
            let known = d.knownKeys(entries, allowed: scheduleKeys, place: "schedule")
            guard let item = known.first(where: { $0.key == "every" }) else {
                if entries.isEmpty { d.error("schedule: expected a cron expression or every: DURATION, found an empty mapping", at: node) }
                return nil
            }
            return every(item.entry.value, label: "every", diagnostics: &d)
        }
        guard let text = d.string(node, "schedule", expected: "a cron expression like \"0 */6 * * *\" or every: DURATION") else { return nil }
        do {
            return .cron(try CronExpression(parsing: text))
        } catch {
            d.error("schedule: invalid cron expression '\(text)': \(error.message)", at: d.position(in: node, offset: error.column - 1))
            return nil
        }
    }

    static func every(_ node: YAMLNode, label: String, diagnostics d: inout ProjectDiagnostics) -> ScheduleSpec? {
        d.duration(node, label, positive: true).map(ScheduleSpec.every)
    }

    // MARK: Triggers

    /// `[manual, cron, {on_alert: NAME}]`; also returns the `cron` item's node.
    static func readTriggers(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> ([TriggerSpec], YAMLNode?) {
        let expected = "a list of triggers like [manual, cron, {on_alert: NAME}]"
        guard let items = d.sequence(node, "triggers", expected: expected) else { return ([.manual], nil) }
        var triggers: [TriggerSpec] = []
        var cronNode: YAMLNode?
        for item in items {
            var trigger: TriggerSpec?
            switch item.kind {
            case .scalar(let scalar) where scalar.text == "manual" && scalar.type == .string:
                trigger = .manual
            case .scalar(let scalar) where scalar.text == "cron" && scalar.type == .string:
                trigger = .cron
                cronNode = cronNode ?? item
            case .scalar(let scalar):
                let hint = DidYouMean.suggestion(for: scalar.text, among: ["manual", "cron"]).map { "did you mean '\($0)'? " } ?? ""
                d.error("triggers: unknown trigger \(item.found); \(hint)expected manual, cron or {on_alert: NAME}", at: item)
            case .mapping(let entries):
                for (_, alert) in d.knownKeys(entries, allowed: ["on_alert"], place: "a trigger") {
                    if let name = d.string(alert.value, "on_alert", expected: "the name of a monitor's alert"),
                       d.checkID(name, noun: "alert", at: alert.value.position) {
                        trigger = .onAlert(name)
                        d.alertReferences.append((name, alert.value.position))
                    }
                }
            case .sequence:
                d.error("triggers: expected manual, cron or {on_alert: NAME}, found a list", at: item)
            }
            guard let trigger else { continue }
            if triggers.contains(trigger) {
                d.error("triggers: '\(trigger)' is listed twice; expected each trigger once", at: item)
            } else {
                triggers.append(trigger)
            }
        }
        return (triggers, cronNode)
    }

    // MARK: Params

    /// `params: {NAME: DEFAULT}`; the type is the default's YAML type.
    static func readParams(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> [ParamSpec] {
        guard let entries = d.mapping(node, "params", expected: "a mapping of param names to default values (like rows: 20000)") else { return [] }
        var params: [ParamSpec] = []
        for (name, entry) in d.uniqueEntries(entries, noun: "param", place: "params") {
            d.checkID(name, noun: "param", at: entry.keyPosition)
            let expected = "a default value (a number, true/false or text)"
            guard let scalar = entry.value.scalar, scalar.type != .null else {
                d.error("params.\(name): expected \(expected), found \(entry.value.found)", at: entry.value)
                continue
            }
            let value: ParamValue
            switch scalar.type {
            case .int:
                guard let int = scalar.int else {
                    d.error("params.\(name): expected an integer that fits in 64 bits, found \(entry.value.found)", at: entry.value)
                    continue
                }
                value = .int(Int64(int))
            case .float:
                guard let double = scalar.double, double.isFinite else {
                    d.error("params.\(name): expected a finite number, found \(entry.value.found)", at: entry.value)
                    continue
                }
                value = .double(double)
            case .bool:
                value = .bool(scalar.bool ?? false)
            case .string, .null:
                value = .string(scalar.text)
            }
            params.append(ParamSpec(name: name, defaultValue: value))
        }
        return params
    }
}
