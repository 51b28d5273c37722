/// The builtin tasks steps can name, by name. ``standard`` holds the tasks
/// that ship with flightdeck; later issues register more.
public struct BuiltinRegistry: Sendable {
    private var tasks: [String: any BuiltinTask] = [:]
    /// Names in registration order.
    public private(set) var names: [String] = []

    /// An empty registry.
    public init() {}

    /// The tasks that ship with flightdeck: `noop` and the model builtins
    /// `sample`, `validate`, `train`, `evaluate` and `register`.
    public static var standard: BuiltinRegistry {
        var registry = BuiltinRegistry()
        registry.register("noop", NoopBuiltin())
        registry.register("sample", SampleBuiltin())
        registry.register("validate", ValidateBuiltin())
        registry.register("train", TrainBuiltin())
        registry.register("evaluate", EvaluateBuiltin())
        registry.register("register", RegisterBuiltin())
        return registry
    }

    /// Adds (or replaces) the task called `name`.
    public mutating func register(_ name: String, _ task: any BuiltinTask) {
        if tasks[name] == nil { names.append(name) }
        tasks[name] = task
    }

    /// The task called `name`.
    public func task(named name: String) -> (any BuiltinTask)? { tasks[name] }
}
