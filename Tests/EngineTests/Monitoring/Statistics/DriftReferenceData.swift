import Foundation
import XCTest

/// The SciPy reference sets (copied from shared/reference/drift into the
/// test bundle so a clean checkout has them): inputs and `values.json`.
enum DriftReferenceData {
    static func directory(_ name: String) throws -> URL {
        let root = try XCTUnwrap(Bundle.module.url(forResource: "drift", withExtension: nil), "drift reference data missing from the test bundle")
        return root.appendingPathComponent(name)
    }

    /// Little-endian float64 values.
    static func float64s(_ set: String, _ file: String) throws -> [Double] {
        let data = try Data(contentsOf: directory(set).appendingPathComponent(file))
        XCTAssertEqual(data.count % 8, 0)
        return stride(from: 0, to: data.count, by: 8).map { offset in
            var bits: UInt64 = 0
            for byte in 0..<8 { bits |= UInt64(data[data.startIndex + offset + byte]) << (8 * UInt64(byte)) }
            return Double(bitPattern: bits)
        }
    }

    /// A CSV with a header row: the columns by name, as text.
    static func csvColumns(_ set: String, _ file: String) throws -> [String: [String]] {
        let text = try String(contentsOf: directory(set).appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        var columns = [String: [String]]()
        for name in header { columns[name] = [] }
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(fields.count, header.count)
            for (name, field) in zip(header, fields) { columns[name, default: []].append(field) }
        }
        return columns
    }

    static func numbers(_ column: [String]?) throws -> [Double] {
        try XCTUnwrap(column).map { try XCTUnwrap(Double($0), "not a number: \($0)") }
    }

    static func values(_ set: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory(set).appendingPathComponent("values.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A float64 written as a Python repr string.
    static func double(_ any: Any?) throws -> Double {
        if let text = any as? String { return try XCTUnwrap(Double(text), "not a float: \(text)") }
        if let number = any as? NSNumber { return number.doubleValue }
        struct MissingValue: Error {}
        XCTFail("no value: \(String(describing: any))")
        throw MissingValue()
    }

    static func doubles(_ any: Any?) throws -> [Double] {
        try XCTUnwrap(any as? [Any]).map { try double($0) }
    }

    static func ints(_ any: Any?) throws -> [Int] {
        try XCTUnwrap(any as? [Any]).map { try XCTUnwrap(($0 as? NSNumber)?.intValue) }
    }
}

/// Relative agreement: |actual - expected| <= tolerance * |expected|
/// (exact equality for an expected 0).
func assertRelative(_ actual: Double, _ expected: Double, _ tolerance: Double, _ message: String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
    let scale = abs(expected)
    let ok = scale == 0 ? actual == 0 : abs(actual - expected) <= tolerance * scale
    XCTAssertTrue(ok, "\(message): \(actual) vs expected \(expected) (relative \(scale == 0 ? actual : abs(actual - expected) / scale), tolerance \(tolerance))",
                  file: file, line: line)
}
