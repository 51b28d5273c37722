import Foundation
import SimKernel

/// The limits ``EngineCommand/validationProblem`` checks: the same whether a
/// command comes from a key, the CLI or the command channel.
public enum CommandLimits {
    /// The longest reason accepted, in characters (a dialog's reason field
    /// and `--reason` alike).
    public static let reasonLength = 500
    /// The longest name (pipeline, step, model, alias, deployment, alert,
    /// parameter, user) accepted, in characters.
    public static let nameLength = 200
    /// The longest parameter value accepted, in characters.
    public static let paramValueLength = 1000
    /// The most parameter bindings one trigger may carry.
    public static let paramCount = 100
    /// The longest silence accepted: a year of simulated time.
    public static let longestSilence = SimDuration(milliseconds: 366 * 24 * 3600 * 1000)
}

extension EngineCommand {
    /// Why this command is malformed, or nil when it is well formed. Checked
    /// by ``Engine/apply(_:origin:)`` before the access policy, so a key, a
    /// CLI command and a channel command get the same validation:
    /// - a reason is required by approve, reject and a rollout abort (not
    ///   blank) and is at most ``CommandLimits/reasonLength`` characters;
    /// - reasons, names, users and parameters hold no control characters
    ///   (C0, DEL, C1) and names are at most ``CommandLimits/nameLength``;
    /// - a weight is a percent within 0...100, a speed a multiplier >= 1,
    ///   a silence positive (at most a year), versions and runs positive.
    ///
    /// Whether the command makes sense for the current state (the version
    /// exists, a gate is open) is the engine's business when it applies it.
    public var validationProblem: String? {
        var problems = Problems()
        switch self {
        case .pause, .resume, .togglePause, .faster, .slower:
            break
        case .setSpeed(let speed):
            if !speed.isValid { problems.add("the speed must be a multiplier of at least 1x or max, got \(speed)") }
        case .trigger(let pipeline, let params, let by):
            problems.name("pipeline", pipeline)
            problems.optionalName("user", by)
            if params.count > CommandLimits.paramCount {
                problems.add("at most \(CommandLimits.paramCount) parameters, got \(params.count)")
            }
            for param in params.prefix(CommandLimits.paramCount + 1) {
                problems.name("parameter", param.name)
                problems.text("parameter \(Problems.shown(param.name))", param.value, limit: CommandLimits.paramValueLength)
            }
        case .cancelRun(let run, let by), .rerunFromFailure(let run, let by):
            problems.run(run)
            problems.optionalName("user", by)
        case .clearStep(let run, let step, let by), .markStep(let run, let step, _, let by):
            problems.run(run)
            problems.name("step", step)
            problems.optionalName("user", by)
        case .approve(let model, let version, let reason, let identity, let evidence),
             .reject(let model, let version, let reason, let identity, let evidence):
            problems.name("model", model)
            problems.version(version)
            problems.reason(reason, required: true)
            problems.identity(identity)
            for item in evidence { problems.name("evidence metric", item.metric) }
        case .moveAlias(let model, let alias, let version, let by, let reason):
            problems.name("model", model)
            problems.name("alias", alias)
            if let version { problems.version(version) }
            problems.name("user", by)
            problems.reason(reason, required: false)
        case .promote(let model, let version, let by), .archive(let model, let version, let by),
             .decommission(let model, let version, let by):
            problems.name("model", model)
            problems.version(version)
            problems.name("user", by)
        case .cleanupRegistry(let by):
            problems.name("user", by)
        case .rollout(let deployment, let action, let reason, let identity):
            problems.name("deployment", deployment)
            if let reason {
                problems.reason(reason, required: action == .abort)
            } else if action == .abort {
                problems.add("abort needs a reason")
            }
            problems.identity(identity)
        case .setRolloutWeight(let deployment, let percent, let by):
            problems.name("deployment", deployment)
            if !(0...100).contains(percent) { problems.add("the weight must be a percent within 0...100, got \(percent)") }
            problems.name("user", by)
        case .banditArm(let deployment, let version, _, let by):
            problems.name("deployment", deployment)
            problems.version(version)
            problems.name("user", by)
        case .acknowledgeAlert(let alert, let identity, let reason):
            problems.name("alert", alert)
            problems.identity(identity)
            if let reason { problems.reason(reason, required: false) }
        case .silenceAlert(let alert, let duration, let identity, let reason):
            problems.name("alert", alert)
            if duration.milliseconds <= 0 {
                problems.add("a silence must last a positive duration, got \(duration.milliseconds) ms")
            } else if duration > CommandLimits.longestSilence {
                problems.add("a silence lasts at most 366d, got \(duration.milliseconds / 86_400_000)d")
            }
            problems.identity(identity)
            if let reason { problems.reason(reason, required: false) }
        }
        return problems.summary
    }
}

/// The problems found in one command, in the order they were checked.
private struct Problems {
    var list: [String] = []

    mutating func add(_ problem: String) { list.append(problem) }

    var summary: String? {
        guard !list.isEmpty else { return nil }
        return "invalid command: " + list.joined(separator: "; ")
    }

    /// A name: not empty, no control characters, at most the name limit.
    mutating func name(_ what: String, _ value: String) {
        if value.isEmpty {
            add("the \(what) name is empty")
        } else {
            text("\(what) name", value, limit: CommandLimits.nameLength)
        }
    }

    mutating func optionalName(_ what: String, _ value: String?) {
        if let value { name(what, value) }
    }

    mutating func reason(_ value: String, required: Bool) {
        if required, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add("a reason is required; expected a short text saying why")
        } else {
            text("reason", value, limit: CommandLimits.reasonLength)
        }
    }

    mutating func identity(_ identity: DecisionIdentity) {
        name("user", identity.user)
        if let client = identity.sshClient { text("SSH client", client, limit: CommandLimits.nameLength) }
        text("wall time", identity.wallTime, limit: CommandLimits.nameLength)
    }

    mutating func version(_ version: Int) {
        if version < 1 { add("a version number is at least 1, got \(version)") }
    }

    mutating func run(_ run: RunID) {
        if run.value < 1 { add("a run id is at least 1, got \(run.value)") }
    }

    /// Free text: no control characters and at most `limit` characters.
    mutating func text(_ what: String, _ value: String, limit: Int) {
        // Counting scalars bounds the work on a huge payload; a text within
        // the limit in scalars is within it in characters too.
        var scalars = 0
        var control: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            scalars += 1
            if control == nil, Self.isControl(scalar) { control = scalar }
        }
        if let control {
            add("the \(what) holds a control character (U+\(Self.hex(control))); expected printable text")
        }
        if scalars > limit, value.count > limit {
            add("the \(what) is \(value.count) characters long; expected at most \(limit)")
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A name as a message may quote it: control characters dropped, cut at 40.
    static func shown(_ name: String) -> String {
        let clean = String(String.UnicodeScalarView(name.unicodeScalars.filter { !isControl($0) }))
        return clean.count > 40 ? String(clean.prefix(37)) + "..." : clean
    }
}

extension EngineEventKind {
    /// A malformed command (invalid fields, or a channel payload that does
    /// not decode) was refused.
    public static let commandRejected = EngineEventKind(rawValue: "command-rejected")
}

/// Untrusted text made fit for a one-line message: control characters
/// (C0, DEL, C1) removed and cut to a limit with `...`.
public enum CommandText {
    /// `text` without control characters, at most `limit` characters.
    public static func shown(_ text: String, limit: Int = 80) -> String {
        var view = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars where !Problems.isControl(scalar) {
            // Bounded work on huge input: stop well past the limit.
            if count > limit + 8 { break }
            view.append(scalar)
            count += 1
        }
        let clean = String(view)
        guard clean.count > limit else { return clean }
        return String(clean.prefix(max(0, limit - 3))) + "..."
    }
}
