import Engine
import TUICore

/// A modal dialog waiting for the operator.
public enum DialogState: Equatable, Sendable {
    /// Start a run: one field per parameter, prefilled with the defaults.
    case trigger(TriggerForm)
    /// Ask before doing something that cannot be undone.
    case confirm(ConfirmDialog)
    /// Mark a step succeeded (s) or failed (f) by hand.
    case markStep(run: RunID, step: String)
    /// Approve or reject a model version with a required reason.
    case decision(DecisionForm)
    /// Point an alias of a model at a version.
    case alias(AliasForm)
    /// A rollout command that needs a reason: promote at an approval gate
    /// (it records the approval), abort.
    case rolloutReason(RolloutReasonForm)
    /// Set the candidate's live share (a percent 0-100).
    case rolloutWeight(RolloutWeightForm)
    /// Acknowledge an alert, with an optional reason.
    case acknowledgeAlert(AcknowledgeForm)
    /// Silence an alert for a duration, with an optional reason.
    case silenceAlert(SilenceForm)
}

/// A yes/no question guarding one engine command.
public struct ConfirmDialog: Equatable, Sendable {
    public var title: String
    public var message: [String]
    public var command: EngineCommand

    public init(title: String, message: [String], command: EngineCommand) {
        self.title = title
        self.message = message
        self.command = command
    }
}

/// The trigger dialog's form.
public struct TriggerForm: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public var name: String
        public var defaultValue: ParamValue
        public var input: TextField
    }

    public var pipeline: String
    public var fields: [Field]
    public var focus = 0
    /// Why the last Enter was refused (a value of the wrong type).
    public var error: String?

    public init(pipeline: String, params: [ParamSpec]) {
        self.pipeline = pipeline
        self.fields = params.map { Field(name: $0.name, defaultValue: $0.defaultValue, input: TextField(text: $0.defaultValue.description)) }
    }

    /// The bindings to send, or the first field whose text is not a value
    /// of its parameter's type.
    public func bindings() -> Result<[ParamBinding], TriggerFormError> {
        var out: [ParamBinding] = []
        for field in fields {
            guard let value = field.defaultValue.parsingSameType(field.input.text) else {
                return .failure(TriggerFormError(field: field.name, message: "\(field.name): '\(field.input.text)' is not a \(field.defaultValue.typeName)"))
            }
            out.append(ParamBinding(name: field.name, value: value.description))
        }
        return .success(out)
    }
}

/// A trigger form value that does not fit its parameter's type.
public struct TriggerFormError: Error, Equatable, Sendable {
    public var field: String
    public var message: String
}
