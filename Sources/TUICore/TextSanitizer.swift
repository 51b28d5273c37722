/// Makes untrusted text (step output, names, reasons) safe to draw.
///
/// Removes whole escape sequences, not just the ESC byte: CSI (`ESC [` ...
/// final byte), OSC (`ESC ]` ... BEL or ST, including title changes and
/// hyperlinks), DCS/SOS/PM/APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _` ... ST),
/// two-byte escapes, and their 8-bit C1 forms (U+009B CSI, U+009D OSC,
/// U+0090 DCS ...). Other C0/C1 controls and DEL are removed; a tab becomes
/// spaces to the next multiple of `tabWidth`. Newlines are removed too: the
/// caller splits lines first. A malformed sequence ends at the first byte that
/// cannot belong to it; an ESC there starts the next sequence, and other text
/// is kept.
public enum TextSanitizer {
    public static func clean(_ text: String, tabWidth: Int = 4) -> String {
        // Fast path: printable ASCII has nothing to strip.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        var column = 0
        var it = Array(text.unicodeScalars)[...]
        while let s = it.popFirst() {
            let v = s.value
            switch v {
            case 0x1B:
                skipEscape(&it)
            case 0x9B:
                skipCSI(&it)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                skipString(&it, allowBEL: v == 0x9D)
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                for _ in 0..<spaces { out.append(" ") }
                column += spaces
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                continue // bidirectional overrides can reorder what the user reads
            default:
                out.append(s)
                column += CharacterWidth.of(s)
            }
        }
        return String(out)
    }

    /// Splits `text` on line breaks (\n, \r\n, lone \r) and cleans each line.
    public static func cleanLines(_ text: String, tabWidth: Int = 4) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\n" {
                if !previousCR { lines.append(clean(String(current), tabWidth: tabWidth)) }
                current = String.UnicodeScalarView()
                previousCR = false
            } else if s == "\r" {
                lines.append(clean(String(current), tabWidth: tabWidth))
                current = String.UnicodeScalarView()
                previousCR = true
            } else {
                current.append(s)
                previousCR = false
            }
        }
        if !current.isEmpty { lines.append(clean(String(current), tabWidth: tabWidth)) }
        return lines
    }

    private static func skipEscape(_ it: inout ArraySlice<Unicode.Scalar>) {
        // ESC ESC: the first is dropped, the second starts the sequence.
        guard let next = it.first, next.value != 0x1B else { return }
        it.removeFirst()
        switch next {
        case "[": skipCSI(&it)
        case "]": skipString(&it, allowBEL: true)
        case "P", "X", "^", "_": skipString(&it, allowBEL: false)
        default:
            // Two-byte escapes; intermediate bytes (0x20-0x2F) precede the final byte.
            var cur = next
            while (0x20...0x2F).contains(cur.value), let n = it.popFirst() { cur = n }
        }
    }

    /// CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, one final byte 0x40-0x7E.
    private static func skipCSI(_ it: inout ArraySlice<Unicode.Scalar>) {
        while let s = it.first {
            // Malformed: stop before the stray byte so it is handled on its own
            // (an ESC starts a new sequence, other text is kept).
            guard (0x20...0x7E).contains(s.value) else { return }
            it.removeFirst()
            if (0x40...0x7E).contains(s.value) { return }
        }
    }

    /// A string sequence ends at ST (ESC \ or U+009C) or, for OSC, BEL.
    private static func skipString(_ it: inout ArraySlice<Unicode.Scalar>, allowBEL: Bool) {
        while let s = it.first {
            if s.value == 0x1B {
                // ESC \ is ST; any other ESC ends the string and is left to
                // start the next sequence.
                if it.dropFirst().first == "\\" { it.removeFirst(2) }
                return
            }
            it.removeFirst()
            if s.value == 0x9C { return }
            if allowBEL && s.value == 0x07 { return }
        }
    }
}
