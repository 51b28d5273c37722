#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import TUICore

/// The real terminal, driven through ncursesw.
///
/// Start-up: `setlocale(LC_ALL, "")`, UTF-8 detection from
/// `nl_langinfo(nl_item(CODESET))` (ASCII glyphs otherwise), refusal when stdin or
/// stdout is not a terminal or `TERM` is unset or `dumb`, signal handlers
/// (see `installSignalHandlers`), then `newterm` with `$TERM`, falling back
/// to `xterm-256color` and then `vt100` (ASCII, no colour) when the entry is
/// unknown. Modes: cbreak, noecho, keypad, nonl, invisible cursor, 25 ms
/// escape delay, default colours when the terminal has colours.
///
/// Drawing writes only the cells that changed since the last draw (ncurses
/// keeps its own copy of the screen) and refreshes once; an unchanged frame
/// calls no ncurses function at all. Use it from one thread.
public final class NcursesTerminal: TerminalBackend {
    public let colorDepth: ColorDepth
    public let glyphs: GlyphSet
    /// Whether the locale's codeset is UTF-8. Without it non-ASCII scalars
    /// are drawn as `?`.
    public let isUTF8: Bool
    /// The terminfo entry in use (differs from `$TERM` after a fallback).
    public let terminalName: String
    /// A line for the user when `$TERM` has no terminfo entry and another
    /// one is used instead (see `TerminalCheck.fallbackNotice`), else nil.
    public let fallbackNotice: String?

    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs: ColorPairTable
    private var lastDrawn: CellBuffer?
    private var restored = false
    private let attributeBits: (bold: attr_t, dim: attr_t, reverse: attr_t, underline: attr_t)

    /// Takes over the terminal.
    ///
    /// - Parameter forceMonochrome: draw without colour (`--no-color`,
    ///   `NO_COLOR`); bold, dim, reverse and underline still apply.
    /// - Throws: `TerminalError` with a message for the user when there is
    ///   no interactive terminal or ncurses cannot start.
    public init(forceMonochrome: Bool = false) throws {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        isUTF8 = TerminalCheck.isUTF8(codeset: codeset)

        let term = Self.environment("TERM")
        if let reason = TerminalCheck.refusalReason(term: term, stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1) {
            throw TerminalError(message: reason)
        }

        TerminalSignals.install()
        TerminalSignals.saveTerminalState(fd: STDIN_FILENO)

        var opened: (screen: OpaquePointer, name: String)?
        for candidate in [term, "xterm-256color", "vt100"] {
            let screen: OpaquePointer? = candidate.map { name in
                name.withCString { newterm($0, fd_stdout(), fd_stdin()) }
            } ?? newterm(nil, fd_stdout(), fd_stdin())
            if let screen {
                opened = (screen, candidate ?? "")
                break
            }
        }
        guard let opened, let window = fd_stdscr() else {
            throw TerminalError(message: "flightdeck: cannot initialise the terminal (TERM=\(term ?? "")): no usable terminfo entry, not even xterm-256color or vt100. \(TerminalCheck.headlessHint)")
        }
        TerminalSignals.cursesActive.store(true, ordering: .releasing)
        self.window = window
        terminalName = opened.name
        fallbackNotice = TerminalCheck.fallbackNotice(term: term, used: opened.name)
        let isFallbackVT100 = opened.name == "vt100" && term != "vt100"
        glyphs = isUTF8 && !isFallbackVT100 ? .unicode : .ascii

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)

        var colorsUsable = false
        if !forceMonochrome && !isFallbackVT100 && has_colors() {
            colorsUsable = start_color() == OK && use_default_colors() == OK
        }
        colorDepth = TerminalCheck.colorDepth(
            hasColors: colorsUsable,
            colors: Int(fd_colors()),
            colorTerm: Self.environment("COLORTERM"),
            forceMonochrome: forceMonochrome || !colorsUsable
        )
        pairs = ColorPairTable(capacity: colorDepth == .monochrome ? 0 : Int(fd_color_pairs()) - 1)
        attributeBits = (fd_a_bold(), fd_a_dim(), fd_a_reverse(), fd_a_underline())
    }

    deinit {
        restore()
    }

    /// Installs handlers for quit and crash signals and an `atexit` hook so
    /// the terminal is always given back (see `TerminalSignals` in the
    /// source for the approach). `init` calls it too; repeated calls do
    /// nothing.
    public static func installSignalHandlers() {
        TerminalSignals.install()
    }

    /// The quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received since
    /// start-up, if any. The run loop should then call `restore()` and exit
    /// with status `128 + signal`.
    public static var pendingSignal: Int32? {
        TerminalSignals.pendingSignal
    }

    /// Forgets a pending quit signal.
    public static func clearPendingSignal() {
        TerminalSignals.clearPendingSignal()
    }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ buffer: CellBuffer) {
        guard !restored else { return }
        let runs = BufferDiff.runs(from: lastDrawn, to: buffer)
        lastDrawn = buffer
        guard !runs.isEmpty else { return }
        let screenSize = size
        for run in runs where run.y < screenSize.height {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                let x = run.x + offset
                guard x + Int(max(1, cell.width)) <= screenSize.width else { break }
                write(cell, x: x, y: run.y)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Waits up to `timeoutMilliseconds` (a negative value waits without
    /// limit) for a key. Returns `nil` on timeout, on a signal, for keys the
    /// control room ignores, and after `restore()`. On `.resize` the next
    /// draw repaints the whole screen.
    ///
    /// A terminal that has gone away (the window closed, the SSH connection
    /// dropped) makes every read fail at once. When stdin reports a hang-up
    /// the terminal records SIGHUP as the pending signal, as if it had been
    /// delivered: a process that is not the session leader, or that started
    /// with SIGHUP ignored, gets no signal from the kernel and would
    /// otherwise spin on failing reads.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard !restored else { return nil }
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        guard result != ERR else {
            if Self.inputHungUp(fd: STDIN_FILENO) { TerminalSignals.noteHangUp() }
            return nil
        }
        let event = KeyDecoder.decode(code: Int32(bitPattern: UInt32(code)), isKeyCode: result == KEY_CODE_YES)
        if event == .resize { invalidate() }
        return event
    }

    public func invalidate() {
        guard !restored else { return }
        lastDrawn = nil
        clearok(window, true)
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        if TerminalSignals.cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
            endwin()
        }
    }

    private func write(_ cell: Cell, x: Int, y: Int) {
        var scalar = cell.scalar
        if !isUTF8 && scalar.value > 0x7E {
            scalar = "?"
            if cell.width == 2 { write(Cell(" ", style: cell.style), x: x + 1, y: y) }
        }
        var characters: [wchar_t] = [wchar_t(bitPattern: scalar.value), 0]
        var pair = colorPair(for: cell.style)
        var complex = cchar_t()
        setcchar(&complex, &characters, attributes(cell.style.attributes), 0, &pair)
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    private func colorPair(for style: Style) -> Int32 {
        guard colorDepth != .monochrome else { return 0 }
        let fg = ColorReduction.reduce(style.fg, to: colorDepth)
        let bg = ColorReduction.reduce(style.bg, to: colorDepth)
        let resolution = pairs.resolve(fg: fg, bg: bg)
        if resolution.isNew {
            let status = init_extended_pair(
                resolution.pair,
                NcursesColorNumber.of(fg, depth: colorDepth),
                NcursesColorNumber.of(bg, depth: colorDepth)
            )
            if status == ERR { return 0 }
        }
        return resolution.pair
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var bits: attr_t = 0
        if attributes.contains(.bold) { bits |= attributeBits.bold }
        if attributes.contains(.dim) { bits |= attributeBits.dim }
        if attributes.contains(.reverse) { bits |= attributeBits.reverse }
        if attributes.contains(.underline) { bits |= attributeBits.underline }
        return bits
    }

    /// Whether `fd` reports a hang-up or an error without waiting (a
    /// terminal whose other side closed).
    private static func inputHungUp(fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) >= 0 else { return false }
        return entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
