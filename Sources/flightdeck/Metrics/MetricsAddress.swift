import Foundation

/// Where `--metrics-addr` listens: `HOST:PORT`, `[IPV6]:PORT`, or a bare
/// `PORT` (meaning 127.0.0.1:PORT). Port 0 asks the system for a free one.
struct MetricsAddress: Equatable, Sendable {
    var host: String
    var port: UInt16

    /// Parses the option's value; the message names what is wrong.
    init(parsing text: String) throws {
        func bad(_ why: String) -> ValidationFailure { ValidationFailure(message: "--metrics-addr: \(why), got '\(text)' (expected PORT or HOST:PORT)") }
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { throw bad("an IPv6 address needs [ADDRESS]:PORT") }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            guard !hostPart.contains(":") else { throw bad("write an IPv6 address in brackets") }
        } else {
            hostPart = "127.0.0.1"
            portPart = text[...]
        }
        guard !hostPart.isEmpty else { throw bad("the host is empty") }
        guard !portPart.isEmpty, portPart.allSatisfy(\.isASCII), portPart.allSatisfy(\.isNumber), let port = UInt16(portPart) else {
            throw bad("the port must be a number from 0 to 65535")
        }
        host = String(hostPart)
        self.port = port
    }

    init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`, with brackets around an IPv6 host.
    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    struct ValidationFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
