#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Synchronization

/// Signal handling that gives the terminal back on every way out.
///
/// - Quit signals (SIGINT from Ctrl-C in cbreak mode, SIGTERM, SIGHUP on an
///   SSH disconnect, SIGQUIT): the handler only stores the signal number in
///   an atomic (async-signal-safe). `readKey` returns early because the
///   signal interrupts its wait; the run loop reads `pendingSignal`, calls
///   `restore()` and exits with `128 + signal`. A second quit signal while
///   one is still pending (a hung loop) restores the terminal from the
///   handler and `_exit`s at once, except SIGHUP, which a closing terminal
///   can deliver more than once (and which follows a hang-up the terminal
///   already noticed by itself).
/// - Crash signals (SIGSEGV, SIGABRT, SIGBUS, SIGILL (Swift traps),
///   SIGFPE): the handler writes the termios captured before ncurses
///   started back with `tcsetattr` and writes reset sequences (leave the
///   alternate screen, show the cursor, reset attributes, leave keypad
///   mode) with `write(2)` — both async-signal-safe, unlike `endwin` — then
///   reinstates the previous handler (e.g. Swift's backtracer) and
///   re-raises, so the crash report lands on a sane terminal.
/// - Normal exit paths: an `atexit` hook calls `endwin` if the terminal was
///   not restored yet.
/// - SIGWINCH is left to ncurses, which turns it into `KEY_RESIZE`.
enum TerminalSignals {
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE]

    private static let pending = Atomic<Int32>(0)
    private static let installed = Atomic<Bool>(false)
    /// Whether curses owns the terminal (set after `newterm`, cleared by
    /// `endwin`); handlers touch the terminal only while it is set.
    static let cursesActive = Atomic<Bool>(false)
    private static let hasSavedState = Atomic<Bool>(false)

    /// The terminal modes from before ncurses started. Written once before
    /// `hasSavedState` is set; read only by the crash handler.
    nonisolated(unsafe) private static let savedTermios: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()

    /// Handlers that were installed before ours, indexed by signal number.
    nonisolated(unsafe) private static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        pointer.initialize(repeating: sigaction(), count: 65)
        return pointer
    }()

    /// rmkx, show cursor, reset attributes, leave the alternate screen.
    nonisolated(unsafe) private static let resetSequence: UnsafeMutableBufferPointer<UInt8> = {
        let bytes = Array("\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[0m\u{1B}[?1049l\r\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return buffer
    }()

    /// The quit signal received and not yet handled, if any.
    static var pendingSignal: Int32? {
        let value = pending.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Records SIGHUP as pending unless a quit signal is pending already:
    /// the terminal found its input hung up without a signal arriving.
    static func noteHangUp() {
        _ = pending.compareExchange(expected: 0, desired: SIGHUP, ordering: .acquiringAndReleasing)
    }

    /// Forgets a pending quit signal (for a loop that chose to carry on).
    static func clearPendingSignal() {
        pending.store(0, ordering: .releasing)
    }

    /// Installs the handlers and the `atexit` hook; later calls do nothing.
    static func install() {
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Touch every lazily initialised global now: initialising one
        // inside a signal handler would not be async-signal-safe.
        _ = pending.load(ordering: .relaxed)
        _ = cursesActive.load(ordering: .relaxed)
        _ = hasSavedState.load(ordering: .relaxed)
        _ = savedTermios
        _ = previousActions
        _ = resetSequence
        for signal in quitSignals {
            install(handler: { signal in TerminalSignals.handleQuit(signal) }, for: signal, flags: 0)
        }
        for signal in crashSignals {
            install(handler: { signal in TerminalSignals.handleCrash(signal) }, for: signal, flags: Int32(SA_NODEFER))
        }
        atexit { TerminalSignals.restoreAtExit() }
    }

    /// Captures the terminal modes of `fd` to put back after a crash.
    static func saveTerminalState(fd: Int32) {
        guard !hasSavedState.load(ordering: .acquiring) else { return }
        if tcgetattr(fd, savedTermios) == 0 {
            hasSavedState.store(true, ordering: .releasing)
        }
    }

    private static func install(handler: @escaping @convention(c) (Int32) -> Void, for signal: Int32, flags: Int32) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        sigaction(signal, &action, previousActions + Int(signal))
    }

    private static func handleQuit(_ signal: Int32) {
        // A hang-up can arrive more than once (tmux signals the pane's
        // process group and the kernel signals the foreground group when the
        // session leader exits): a repeated SIGHUP must not cut the orderly
        // shutdown short (shell steps would outlive it).
        if signal == SIGHUP && pending.load(ordering: .acquiring) != 0 { return }
        let earlier = pending.exchange(signal, ordering: .acquiringAndReleasing)
        if earlier != 0 {
            resetTerminalFromHandler()
            _exit(128 + signal)
        }
    }

    private static func handleCrash(_ signal: Int32) {
        resetTerminalFromHandler()
        sigaction(signal, previousActions + Int(signal), nil)
        raise(signal)
    }

    /// Async-signal-safe restore: saved termios plus reset sequences.
    private static func resetTerminalFromHandler() {
        guard cursesActive.exchange(false, ordering: .acquiringAndReleasing) else { return }
        if hasSavedState.load(ordering: .acquiring) {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, savedTermios)
        }
        _ = write(STDOUT_FILENO, resetSequence.baseAddress, resetSequence.count)
    }

    private static func restoreAtExit() {
        if cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
            endwin()
        }
    }
}
