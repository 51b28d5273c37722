import TUICore

/// Pure decisions taken before and while starting the terminal, kept apart
/// from ncurses so they can be tested.
public enum TerminalCheck {
    /// The commands that work without an interactive terminal.
    public static let headlessHint =
        "Use the headless commands instead: flightdeck run, simulate, validate, runs, logs (see flightdeck --help)."

    /// Why the control room cannot start, or `nil` when it can: stdin and
    /// stdout must be terminals and `TERM` must be set and not `dumb`.
    public static func refusalReason(term: String?, stdinIsTTY: Bool, stdoutIsTTY: Bool) -> String? {
        let reason: String
        if !stdoutIsTTY {
            reason = "stdout is not a terminal"
        } else if !stdinIsTTY {
            reason = "stdin is not a terminal"
        } else if term == nil || term!.isEmpty {
            reason = "TERM is not set"
        } else if term == "dumb" {
            reason = "TERM=dumb"
        } else {
            return nil
        }
        return "flightdeck: the control room needs an interactive terminal (\(reason)). \(headlessHint)"
    }

    /// The notice shown when `$TERM` has no terminfo entry and `used` is
    /// drawn with instead; nil when `$TERM` itself is in use.
    ///
    /// Flightdeck falls back rather than refusing: an unknown name is
    /// usually a terminal newer than the machine's terminfo database (or a
    /// name set by hand), and nearly every terminal in use understands
    /// `xterm-256color`. The notice says how to choose properly.
    public static func fallbackNotice(term: String?, used: String) -> String? {
        guard let term, !term.isEmpty, term != used else { return nil }
        return "TERM=\(term) is unknown here (no terminfo entry); drawing as \(used). Set TERM to a known type, e.g. xterm-256color."
    }

    /// Whether a codeset name from `nl_langinfo(CODESET)` is UTF-8.
    public static func isUTF8(codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }

    /// The colour depth to draw with.
    ///
    /// - Parameters:
    ///   - hasColors: ncurses' `has_colors()`.
    ///   - colors: ncurses' `COLORS` after `start_color`.
    ///   - colorTerm: the `COLORTERM` environment variable.
    ///   - forceMonochrome: `--no-color` or `NO_COLOR`.
    ///
    /// True colour needs both `COLORTERM=truecolor`/`24bit` and a terminfo
    /// entry with direct colour (`COLORS` of 2^24, e.g. `xterm-direct`);
    /// otherwise 24-bit colours are reduced to the 256-colour palette.
    public static func colorDepth(hasColors: Bool, colors: Int, colorTerm: String?, forceMonochrome: Bool) -> ColorDepth {
        if forceMonochrome || !hasColors || colors < 8 { return .monochrome }
        let wantsTrueColor = colorTerm == "truecolor" || colorTerm == "24bit"
        if wantsTrueColor && colors >= 1 << 24 { return .trueColor }
        if colors >= 256 { return .palette256 }
        return .ansi8
    }

    /// Whether `NO_COLOR` asks for monochrome: set to any non-empty value.
    public static func noColorRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }
}
