/// Turns a byte stream into log lines: splits on `\n`, strips one trailing
/// `\r`, cuts lines longer than `maximumLineBytes` (at a UTF-8 character
/// boundary when there is one nearby) and hands back a final partial line on
/// `finish()`. Bytes are decoded as UTF-8 with replacement characters for
/// invalid sequences; escape sequences are kept verbatim.
struct LogLineSplitter {
    /// 16 KiB.
    static let defaultMaximumLineBytes = 16 * 1024

    let maximumLineBytes: Int
    private var pending: [UInt8] = []

    init(maximumLineBytes: Int = LogLineSplitter.defaultMaximumLineBytes) {
        precondition(maximumLineBytes >= 4, "a line must hold at least one UTF-8 character")
        self.maximumLineBytes = maximumLineBytes
    }

    /// Appends `bytes` and returns the lines completed by them.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> [String] {
        var lines: [String] = []
        var segmentStart = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            pending.append(contentsOf: bytes[segmentStart..<index])
            emitLong(into: &lines)
            lines.append(Self.decode(pending, stripCarriageReturn: true))
            pending.removeAll(keepingCapacity: true)
            segmentStart = index + 1
        }
        pending.append(contentsOf: bytes[segmentStart..<bytes.count])
        emitLong(into: &lines)
        return lines
    }

    /// Convenience for tests and small inputs.
    mutating func append(_ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The final partial line, if any bytes are left after the last newline.
    mutating func finish() -> String? {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll() }
        return Self.decode(pending, stripCarriageReturn: true)
    }

    /// Emits full-size chunks while more than the maximum is pending, so a
    /// line without a newline never grows without bound.
    private mutating func emitLong(into lines: inout [String]) {
        while pending.count > maximumLineBytes {
            let cut = Self.characterBoundary(in: pending, atOrBefore: maximumLineBytes)
            lines.append(Self.decode(pending[0..<cut], stripCarriageReturn: false))
            pending.removeFirst(cut)
        }
    }

    /// The largest index <= `limit` that does not fall inside a UTF-8
    /// sequence (looking back at most 3 bytes), else `limit`.
    static func characterBoundary(in bytes: [UInt8], atOrBefore limit: Int) -> Int {
        var cut = limit
        while cut > limit - 3, cut > 0, cut < bytes.count, bytes[cut] & 0xC0 == 0x80 {
            cut -= 1
        }
        return (cut > 0 && cut < bytes.count && bytes[cut] & 0xC0 != 0x80) ? cut : limit
    }

    private static func decode<C: BidirectionalCollection>(_ bytes: C, stripCarriageReturn: Bool) -> String where C.Element == UInt8 {
        if stripCarriageReturn, bytes.last == 0x0D {
            return String(decoding: bytes.dropLast(), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
