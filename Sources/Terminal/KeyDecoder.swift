import CNcurses
import TUICore

/// Turns what `wget_wch` returned into a `KeyEvent`.
public enum KeyDecoder {
    /// The key event for one `wget_wch` result, or `nil` for codes the
    /// control room ignores.
    ///
    /// - Parameters:
    ///   - code: the value `wget_wch` stored.
    ///   - isKeyCode: `true` when `wget_wch` returned `KEY_CODE_YES` (an
    ///     ncurses key code such as `KEY_UP`), `false` for a character.
    public static func decode(code: Int32, isKeyCode: Bool) -> KeyEvent? {
        isKeyCode ? decodeKeyCode(code) : decodeCharacter(code)
    }

    /// Highest function key number ncurses reserves codes for.
    static let maxFunctionKey: Int32 = 63

    private static func decodeKeyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + maxFunctionKey): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private static func decodeCharacter(_ code: Int32) -> KeyEvent? {
        switch code {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26:
            guard let letter = Unicode.Scalar(UInt32(code) + 0x60) else { return nil }
            return .ctrl(Character(letter))
        case 0..<32, 128..<160: return nil
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .char(Character(scalar))
        }
    }
}
