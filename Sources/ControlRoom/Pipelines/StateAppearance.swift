import Engine
import TUICore

/// How run, step and attempt states look: a glyph (Unicode and ASCII) and a
/// palette style, so states stay distinguishable without colour.
enum StateAppearance {
    static func glyph(_ state: StepState, _ glyphs: GlyphSet) -> Unicode.Scalar {
        let unicode = glyphs.hasBraille
        switch state {
        case .pending: return unicode ? "○" : "."
        case .queued: return unicode ? "◌" : "q"
        case .running: return unicode ? "▶" : ">"
        case .retrying: return unicode ? "↻" : "r"
        case .succeeded: return glyphs.check
        case .failed: return glyphs.crossMark
        case .upstreamFailed: return unicode ? "⊘" : "!"
        case .skipped: return unicode ? "–" : "-"
        case .cancelled: return unicode ? "■" : "#"
        case .interrupted: return unicode ? "↯" : "?"
        }
    }

    static func style(_ state: StepState, _ p: Palette) -> Style {
        switch state {
        case .pending, .skipped, .cancelled: return p.muted
        case .queued: return p.text
        case .running: return p.accent.bold()
        case .retrying, .interrupted: return p.warn
        case .succeeded: return p.ok
        case .failed, .upstreamFailed: return p.critical
        }
    }

    static func glyph(_ state: RunState, _ glyphs: GlyphSet) -> Unicode.Scalar {
        glyph(stepState(for: state), glyphs)
    }

    static func style(_ state: RunState, _ p: Palette) -> Style {
        style(stepState(for: state), p)
    }

    static func style(_ state: AttemptState, _ p: Palette) -> Style {
        switch state {
        case .running: return p.accent
        case .succeeded: return p.ok
        case .failed, .timedOut: return p.critical
        case .cancelled: return p.muted
        case .interrupted: return p.warn
        }
    }

    private static func stepState(for run: RunState) -> StepState {
        switch run {
        case .queued: return .queued
        case .running: return .running
        case .succeeded: return .succeeded
        case .failed: return .failed
        case .cancelled: return .cancelled
        case .interrupted: return .interrupted
        }
    }
}
