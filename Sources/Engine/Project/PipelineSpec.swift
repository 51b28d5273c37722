import SimKernel

/// One pipeline: a DAG of steps with its schedule, triggers and params.
public struct PipelineSpec: Sendable, Equatable {
    public var id: String
    public var description: String?
    public var schedule: ScheduleSpec?
    public var triggers: [TriggerSpec]
    /// At most this many runs of the pipeline are active at once; further
    /// triggers queue (manual) or are skipped (schedule) with a reason.
    public var maxActiveRuns: Int
    /// Whether missed schedule intervals are run, in order, after a pause or
    /// restart (false: only the latest is run).
    public var catchup: Bool
    /// Parameters with their defaults, in file order.
    public var params: [ParamSpec]
    /// Steps in file order.
    public var steps: [StepSpec]

    public init(id: String, description: String? = nil, schedule: ScheduleSpec? = nil, triggers: [TriggerSpec] = [.manual],
                maxActiveRuns: Int = 1, catchup: Bool = false, params: [ParamSpec] = [], steps: [StepSpec]) {
        self.id = id
        self.description = description
        self.schedule = schedule
        self.triggers = triggers
        self.maxActiveRuns = maxActiveRuns
        self.catchup = catchup
        self.params = params
        self.steps = steps
    }

    public func step(_ id: String) -> StepSpec? { steps.first { $0.id == id } }
}

/// When a pipeline runs by itself.
public enum ScheduleSpec: Sendable, Equatable, CustomStringConvertible {
    /// A 5-field cron expression in UTC (`0 */6 * * *`).
    case cron(CronExpression)
    /// A fixed interval (`every: 6h`), first run one interval after start.
    case every(SimDuration)

    public var description: String {
        switch self {
        case .cron(let expression): return expression.description
        case .every(let interval): return "every \(interval)"
        }
    }
}

/// What may start a run.
public enum TriggerSpec: Sendable, Equatable, CustomStringConvertible {
    case manual
    case cron
    /// A monitoring alert of this name firing (wired up by the monitoring issue).
    case onAlert(String)

    public var description: String {
        switch self {
        case .manual: return "manual"
        case .cron: return "cron"
        case .onAlert(let name): return "on_alert: \(name)"
        }
    }
}

/// A run parameter; its type is the type of its default value.
public struct ParamSpec: Sendable, Hashable, Codable {
    public var name: String
    public var defaultValue: ParamValue
    public init(name: String, defaultValue: ParamValue) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// A typed parameter value.
public enum ParamValue: Sendable, Hashable, CustomStringConvertible, Codable {
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case string(String)

    public var typeName: String {
        switch self {
        case .int: return "integer"
        case .double: return "number"
        case .bool: return "boolean"
        case .string: return "string"
        }
    }

    /// The value as text, as passed to a step's environment.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }

    /// Parses `text` as a value of the same type as `self` (for `--param k=v`
    /// and the trigger dialog). Nil when it is not one.
    public func parsingSameType(_ text: String) -> ParamValue? {
        switch self {
        case .int: return Int64(text).map(ParamValue.int)
        case .double: return Double(text).map(ParamValue.double)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "1": return .bool(true)
            case "false", "no", "0": return .bool(false)
            default: return nil
            }
        case .string: return .string(text)
        }
    }
}
