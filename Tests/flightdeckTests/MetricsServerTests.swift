import Foundation
import XCTest
@testable import flightdeck

/// The /metrics server answers real socket requests on loopback.
final class MetricsServerTests: XCTestCase {
    private func request(_ raw: String, port: UInt16) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(raw.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var reply = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { break }
            reply.append(contentsOf: chunk[..<count])
        }
        return String(decoding: reply, as: UTF8.self)
    }

    private func startServer() throws -> MetricsServer {
        let server = try MetricsServer(address: MetricsAddress(parsing: "127.0.0.1:0"))
        server.publish("# TYPE flightdeck_up gauge\nflightdeck_up 1\n")
        server.start()
        return server
    }

    func testServesTheLatestPublishedText() throws {
        let server = try startServer()
        defer { server.stop() }
        XCTAssertTrue(server.isLoopback)
        XCTAssertNotEqual(server.address.port, 0)
        var reply = try request("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", port: server.address.port)
        XCTAssertTrue(reply.hasPrefix("HTTP/1.1 200 OK\r\n"), reply)
        XCTAssertTrue(reply.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"), reply)
        XCTAssertTrue(reply.contains("Content-Length: 43\r\n"), reply)
        XCTAssertTrue(reply.hasSuffix("\r\n\r\n# TYPE flightdeck_up gauge\nflightdeck_up 1\n"), reply)
        server.publish("flightdeck_up 2\n")
        reply = try request("GET /metrics?x=1 HTTP/1.0\n\n", port: server.address.port)
        XCTAssertTrue(reply.hasSuffix("\r\n\r\nflightdeck_up 2\n"), reply)
    }

    func testOtherPathsAre404AndBadRequests400() throws {
        let server = try startServer()
        defer { server.stop() }
        XCTAssertTrue(try request("GET / HTTP/1.1\r\n\r\n", port: server.address.port).hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        XCTAssertTrue(try request("GET /metricsx HTTP/1.1\r\n\r\n", port: server.address.port).hasPrefix("HTTP/1.1 404 "))
        XCTAssertTrue(try request("POST /metrics HTTP/1.1\r\n\r\n", port: server.address.port).hasPrefix("HTTP/1.1 405 "))
        XCTAssertTrue(try request("hello\r\n\r\n", port: server.address.port).hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        XCTAssertTrue(try request("GET /metrics\r\n\r\n", port: server.address.port).hasPrefix("HTTP/1.1 400 "))
        let huge = "GET /metrics HTTP/1.1\r\nX: " + String(repeating: "a", count: 20_000) + "\r\n\r\n"
        XCTAssertTrue(try request(huge, port: server.address.port).hasPrefix("HTTP/1.1 400 "))
        // Still answering afterwards.
        XCTAssertTrue(try request("GET /metrics HTTP/1.1\r\n\r\n", port: server.address.port).hasPrefix("HTTP/1.1 200 "))
    }

    func testAddressParsing() throws {
        XCTAssertEqual(try MetricsAddress(parsing: "9464"), MetricsAddress(host: "127.0.0.1", port: 9464))
        XCTAssertEqual(try MetricsAddress(parsing: "0.0.0.0:80"), MetricsAddress(host: "0.0.0.0", port: 80))
        XCTAssertEqual(try MetricsAddress(parsing: "[::1]:9"), MetricsAddress(host: "::1", port: 9))
        XCTAssertEqual(MetricsAddress(host: "::1", port: 9).description, "[::1]:9")
        for bad in ["", "x", ":9", "host:", "host:70000", "::1:9", "[::1]9", "1.2.3.4:-1"] {
            XCTAssertThrowsError(try MetricsAddress(parsing: bad), bad)
        }
    }

    func testNonLoopbackIsReported() throws {
        let server = try MetricsServer(address: MetricsAddress(parsing: "0.0.0.0:0"))
        XCTAssertFalse(server.isLoopback)
    }
}
