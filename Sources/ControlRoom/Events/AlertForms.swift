import Engine
import SimKernel
import TUICore

/// The `k` dialog: acknowledge an alert, with an optional reason.
public struct AcknowledgeForm: Equatable, Sendable {
    public var alert: String
    /// The alert's state line when the dialog opened (`drift.amount 0.23 >= 0.2 ...`).
    public var situation: String
    public var reason = TextField()

    public init(alert: String, situation: String) {
        self.alert = alert
        self.situation = situation
    }

    /// The reason without surrounding blanks; nil when none was typed.
    public var reasonValue: String? {
        let text = reason.text.trimmingCharacters(in: " ")
        return text.isEmpty ? nil : text
    }
}

/// The `s` dialog: silence an alert for a duration (prefilled `1h`), then
/// an optional reason. Enter on the duration checks it and moves on to the
/// reason; Enter on the reason sends.
public struct SilenceForm: Equatable, Sendable {
    public enum Step: Equatable, Sendable { case duration, reason }

    public var alert: String
    public var situation: String
    /// Simulated time when the dialog opened (to show when the silence ends).
    public var now: SimTime
    public var duration = TextField(text: "1h")
    public var reason = TextField()
    public var step: Step = .duration
    /// Why the last Enter was refused (a duration that does not parse).
    public var error: String?

    public init(alert: String, situation: String, now: SimTime) {
        self.alert = alert
        self.situation = situation
        self.now = now
    }

    /// The typed duration, or why it is not one (the duration parser's
    /// message, or a zero or negative length).
    public func parsedDuration() -> Result<SimDuration, SilenceFormError> {
        let text = duration.text.trimmingCharacters(in: " ")
        guard !text.isEmpty else { return .failure(SilenceFormError(message: "type a duration such as 30m, 1h or 1h30m")) }
        let parsed: SimDuration
        do {
            parsed = try SimDuration(parsing: text)
        } catch {
            return .failure(SilenceFormError(message: error.description))
        }
        guard parsed > .zero else { return .failure(SilenceFormError(message: "a silence needs a duration longer than 0s")) }
        return .success(parsed)
    }

    /// The reason without surrounding blanks; nil when none was typed.
    public var reasonValue: String? {
        let text = reason.text.trimmingCharacters(in: " ")
        return text.isEmpty ? nil : text
    }
}

/// Why the silence form was refused.
public struct SilenceFormError: Error, Equatable, Sendable {
    public var message: String
}
