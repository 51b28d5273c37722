import Engine
import TUICore

/// What a `:` command line asks for.
public enum ParsedCommand: Equatable, Sendable {
    case action(Action)
    case engine(EngineCommand)
}

/// Parses the text typed after `:` and completes command names.
public enum CommandLineParser {
    /// The command words, in the order help and completion list them.
    public static let commandNames: [String] =
        Screen.allCases.map(\.commandName) + ["pause", "resume", "speed", "faster", "slower", "help", "quit"]

    /// Usage lines shown by the help overlay.
    public static let usage: [(String, String)] = [
        (":overview … :events", "Show a screen by name"),
        (":pause  :resume", "Pause or resume simulated time"),
        (":speed N|max", "Set the speed: 1, 10, 60, 600, 3600 … or max"),
        (":faster  :slower", "Step the speed up or down"),
        (":help", "Show this help"),
        (":quit", "Quit (also :q)"),
    ]

    public static func parse(_ text: String) -> Result<ParsedCommand, CommandLineError> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let head = words.first?.lowercased() else { return .failure(.empty) }
        let args = Array(words.dropFirst())
        if let screen = Screen(commandName: head), args.isEmpty { return .success(.action(.showScreen(screen))) }
        switch (head, args.count) {
        case ("pause", 0): return .success(.engine(.pause))
        case ("resume", 0): return .success(.engine(.resume))
        case ("faster", 0): return .success(.engine(.faster))
        case ("slower", 0): return .success(.engine(.slower))
        case ("help", 0): return .success(.action(.openHelp))
        case ("quit", 0), ("q", 0): return .success(.action(.quit))
        case ("speed", 1):
            guard let speed = SimSpeed(parsing: args[0]) else { return .failure(.badArgument(command: "speed", argument: args[0], expected: "a multiplier such as 60 or 60x, or max")) }
            return .success(.engine(.setSpeed(speed)))
        case ("speed", _): return .failure(.usage("speed N|max"))
        default:
            if commandNames.contains(head) || head == "q" { return .failure(.usage("\(head) takes no arguments")) }
            return .failure(.unknown(head, suggestion: suggestion(for: head)))
        }
    }

    /// Completion of the first word: the names it is a prefix of.
    public static func completions(for text: String) -> [String] {
        let prefix = text.trimmingLeadingSpaces.lowercased()
        guard !prefix.contains(" ") else { return [] }
        return commandNames.filter { $0.hasPrefix(prefix) }
    }

    /// The longest text all `candidates` start with.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    static func suggestion(for word: String) -> String? {
        SpellingSuggestion.closest(to: word, among: commandNames)
    }
}

/// Why a command line could not be run; `description` is shown to the user.
public enum CommandLineError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unknown(String, suggestion: String?)
    case usage(String)
    case badArgument(command: String, argument: String, expected: String)

    public var description: String {
        switch self {
        case .empty: return "type a command, e.g. :pipelines or :speed 60 (Tab completes)"
        case .unknown(let word, let suggestion):
            return "unknown command '\(word)'" + (suggestion.map { " (did you mean :\($0)?)" } ?? " (see ? for the list)")
        case .usage(let text): return "usage: :\(text)"
        case .badArgument(let command, let argument, let expected):
            return ":\(command): '\(argument)' is not \(expected)"
        }
    }
}

extension String {
    var trimmingLeadingSpaces: Substring { drop(while: { $0 == " " }) }
}
