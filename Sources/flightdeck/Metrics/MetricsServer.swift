import Engine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `/metrics` on a background thread (POSIX
/// sockets). It never touches the engine: the engine's thread hands it the
/// rendered text with ``publish(_:)`` and it serves the latest copy.
///
/// `GET /metrics` (or `HEAD`): 200 with the Prometheus text and
/// ``PrometheusExposition/contentType``; another path: 404; another method:
/// 405; a request line it cannot read, or headers over
/// ``maximumRequestBytes``: 400. One connection at a time, each closed after
/// its answer; a client has ``readTimeoutMilliseconds`` in all to send its
/// request.
final class MetricsServer: @unchecked Sendable {
    static let maximumRequestBytes = 8192
    static let readTimeoutMilliseconds: Int32 = 2000

    /// Where it listens (the port the system chose when asked for port 0).
    let address: MetricsAddress
    /// Whether the address is a loopback one (127.0.0.0/8 or ::1).
    let isLoopback: Bool

    private let listener: Int32
    private let lock = NSLock()
    private var body = Data("# flightdeck: no metrics published yet\n".utf8)
    private var stopping = false
    private var thread: Thread?

    /// Binds and listens on `address` (not yet answering: see ``start()``).
    init(address: MetricsAddress) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(address.host, String(address.port), &hints, &info)
        guard status == 0, let first = info else {
            throw ServerError(message: "cannot resolve \(address.description): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(message: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ServerError(message: "cannot listen on \(address.description): \(message)")
        }
        guard listen(fd, 16) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ServerError(message: "cannot listen on \(address.description): \(message)")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        var port = address.port
        var loopback = false
        if bound == 0 {
            if Int32(storage.ss_family) == AF_INET {
                let v4 = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee } }
                port = UInt16(bigEndian: v4.sin_port)
                loopback = (UInt32(bigEndian: v4.sin_addr.s_addr) >> 24) == 127
            } else if Int32(storage.ss_family) == AF_INET6 {
                let v6 = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee } }
                port = UInt16(bigEndian: v6.sin6_port)
                let bytes = withUnsafeBytes(of: v6.sin6_addr) { Array($0) }
                loopback = bytes == [UInt8](repeating: 0, count: 15) + [1]
            }
        }
        listener = fd
        self.address = MetricsAddress(host: address.host, port: port)
        isLoopback = loopback
    }

    deinit {
        close(listener)
    }

    /// The text served from now on (the engine's thread calls it).
    func publish(_ text: String) {
        let data = Data(text.utf8)
        lock.lock()
        body = data
        lock.unlock()
    }

    /// Starts answering on a background thread.
    func start() {
        let thread = Thread { [self] in serve() }
        thread.name = "flightdeck-metrics"
        self.thread = thread
        thread.start()
    }

    /// Stops answering (within about 100 ms) and closes the listening socket on deinit.
    func stop() {
        lock.lock()
        stopping = true
        lock.unlock()
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func serve() {
        while !isStopping {
            var listening = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&listening, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            answer(client)
            drainAndClose(client)
        }
    }

    private func answer(_ client: Int32) {
        let response: Data
        switch readRequest(client) {
        case .complete(let head):
            response = Self.response(toRequestHead: head, body: currentBody())
        case .tooLarge, .malformed:
            response = Self.plain(status: "400 Bad Request", "bad request\n")
        case .closed:
            return
        }
        response.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Ends the answer and reads what the client still sends (up to 64 KiB,
    /// 200 ms) before closing, so closing with unread input does not reset
    /// the connection before the client has read the answer.
    private func drainAndClose(_ client: Int32) {
        shutdown(client, Int32(SHUT_WR))
        var chunk = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 65_536 {
            var waiting = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 200) > 0 else { break }
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { break }
            drained += count
        }
        close(client)
    }

    private func currentBody() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return body
    }

    enum RequestRead {
        case complete(String)
        case tooLarge, malformed, closed
    }

    /// Reads up to the blank line after the headers, within the size and time bounds.
    private func readRequest(_ client: Int32) -> RequestRead {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 2048)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.readTimeoutMilliseconds) * 1_000_000
        while true {
            if let end = Self.headerEnd(buffer) {
                guard let head = String(bytes: buffer[..<end], encoding: .utf8) else { return .malformed }
                return .complete(head)
            }
            if buffer.count > Self.maximumRequestBytes { return .tooLarge }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return buffer.isEmpty ? .closed : .malformed }
            var waiting = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, Int32((deadline - now) / 1_000_000) + 1) > 0 else { continue }
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { return buffer.isEmpty ? .closed : .malformed }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// The index where the headers end (`\r\n\r\n` or `\n\n`), if they have.
    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 1..<bytes.count where bytes[index] == 10 {
            if bytes[index - 1] == 10 { return index - 1 }
            if index >= 3 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 { return index - 3 }
        }
        return nil
    }

    /// The response to a request whose head (request line and headers) is `head`.
    static func response(toRequestHead head: String, body: Data) -> Data {
        let requestLine = head.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.first.map(String.init) ?? ""
        let parts = requestLine.trimmingCharacters(in: CharacterSet(charactersIn: "\r")).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/"), !parts[0].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            return plain(status: "400 Bad Request", "bad request\n")
        }
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard path == "/metrics" else { return plain(status: "404 Not Found", "not found: try /metrics\n") }
        guard parts[0] == "GET" || parts[0] == "HEAD" else {
            return plain(status: "405 Method Not Allowed", "method not allowed\n", extra: "Allow: GET, HEAD\r\n")
        }
        var response = Data(("HTTP/1.1 200 OK\r\nContent-Type: \(PrometheusExposition.contentType)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n").utf8)
        if parts[0] == "GET" { response.append(body) }
        return response
    }

    static func plain(status: String, _ text: String, extra: String = "") -> Data {
        Data(("HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(text.utf8.count)\r\n"
            + "\(extra)Connection: close\r\n\r\n\(text)").utf8)
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
