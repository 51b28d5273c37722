/// `builtin: noop`: succeeds at once and logs one line.
public struct NoopBuiltin: BuiltinTask {
    public init() {}

    public func run(_ context: BuiltinContext) -> BuiltinResult {
        BuiltinResult(succeeded: true, logLines: ["noop: nothing to do"], duration: .zero)
    }
}
