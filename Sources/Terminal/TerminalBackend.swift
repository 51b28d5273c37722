import TUICore

/// The size of a terminal in character cells.
public struct TerminalSize: Equatable, Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What the run loop needs from a terminal: its size and capabilities,
/// drawing a frame, reading keys and giving the terminal back.
///
/// Implementations: `NcursesTerminal` for a real terminal and
/// `InMemoryTerminal` for tests.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// How many colours the terminal can show; styles are reduced to it.
    var colorDepth: ColorDepth { get }
    /// The glyphs widgets should draw with: `.unicode` in a UTF-8 locale,
    /// `.ascii` otherwise.
    var glyphs: GlyphSet { get }
    /// Writes the cells that changed since the previous draw and refreshes
    /// once. Writes nothing at all when nothing changed.
    func draw(_ buffer: CellBuffer)
    /// Waits at most `timeoutMilliseconds` for a key; `nil` on timeout or
    /// when the wait was interrupted (e.g. by a signal).
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Forgets what is on screen so the next `draw` repaints everything.
    func invalidate()
    /// Gives the terminal back in the state it was found in. Idempotent.
    func restore()
}
