import TUICore

/// A terminal that lives in memory, for tests of the run loop and screens.
///
/// It records every frame drawn, how many cells each draw would have
/// written (from `BufferDiff`, like the real terminal), and serves keys from
/// a queue. It is not thread-safe: use it from one thread.
public final class InMemoryTerminal: TerminalBackend {
    public private(set) var size: TerminalSize
    public var colorDepth: ColorDepth
    public var glyphs: GlyphSet

    /// Every buffer passed to `draw`, in order, including unchanged ones.
    public private(set) var frames: [CellBuffer] = []
    /// For each `draw`, the number of cells that differed from what was on
    /// screen (0 when nothing changed).
    public private(set) var cellsWrittenPerDraw: [Int] = []
    /// How many draws wrote at least one cell.
    public private(set) var drawsThatWrote = 0
    /// What is on screen: the last buffer drawn, or `nil` after `invalidate`.
    public private(set) var screen: CellBuffer?
    /// How many times `restore` was called.
    public private(set) var restoreCount = 0
    /// The timeouts `readKey` was called with, in order.
    public private(set) var readTimeouts: [Int] = []
    private var pendingKeys: [KeyEvent] = []

    public init(width: Int = 80, height: Int = 24, colorDepth: ColorDepth = .palette256, glyphs: GlyphSet = .unicode) {
        self.size = TerminalSize(width: width, height: height)
        self.colorDepth = colorDepth
        self.glyphs = glyphs
    }

    /// Queues keys for `readKey` to return, first in first out.
    public func enqueue(_ keys: KeyEvent...) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Queues keys for `readKey` to return, first in first out.
    public func enqueue(contentsOf keys: [KeyEvent]) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Keys queued and not yet read.
    public var queuedKeyCount: Int { pendingKeys.count }

    /// Changes the size and queues `.resize`, as a real terminal would.
    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        pendingKeys.append(.resize)
    }

    public func draw(_ buffer: CellBuffer) {
        frames.append(buffer)
        let written = BufferDiff.changedCellCount(from: screen, to: buffer)
        cellsWrittenPerDraw.append(written)
        if written > 0 { drawsThatWrote += 1 }
        screen = buffer
    }

    /// Pops the next queued key; `nil` when the queue is empty. Never waits.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        readTimeouts.append(timeoutMilliseconds)
        return pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func invalidate() {
        screen = nil
    }

    public func restore() {
        restoreCount += 1
    }

    /// The last frame drawn, if any.
    public var lastFrame: CellBuffer? { frames.last }
}
