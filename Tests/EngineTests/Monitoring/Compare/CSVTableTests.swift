import Foundation
import XCTest
@testable import Engine

/// RFC 4180 parsing and every malformed-CSV error with its line number.
final class CSVTableTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try CSVTable.parse(text, source: "current.csv")
            XCTFail("no error", file: file, line: line)
            return nil
        } catch {
            return error.description
        }
    }

    func testQuotesLineBreaksAndBlankLines() throws {
        let table = try CSVTable.parse("\u{FEFF}name,\"note, quoted\"\r\n\"a \"\"b\"\"\",\"two\nlines\"\n\n\"\",3\nx,\n", source: "t.csv")
        XCTAssertEqual(table.header, ["name", "note, quoted"])
        XCTAssertEqual(table.rows, [["a \"b\"", "two\nlines"], ["", "3"], ["x", ""]])
        XCTAssertEqual(table.rowLines, [2, 5, 6])
        // No final line break; a single column.
        XCTAssertEqual(try CSVTable.parse("v\n1\n2", source: "t.csv").rows, [["1"], ["2"]])
        // A header only.
        XCTAssertEqual(try CSVTable.parse("a,b\n", source: "t.csv").rows, [])
    }

    func testEmptyFileAndNoHeader() {
        XCTAssertEqual(error(""), "current.csv: the file is empty; expected a header row with the column names")
        XCTAssertEqual(error("\n\n"), "current.csv:1: no header row (only blank lines); expected a header row with the column names")
    }

    func testRaggedRows() {
        XCTAssertEqual(error("a,b,c\n1,2,3\n\n4,5\n"), "current.csv:4: expected 3 fields, found 2")
        XCTAssertEqual(error("a,b\n1,2,3\n"), "current.csv:2: expected 2 fields, found 3")
        // A quoted line break does not start a new row: the row starts on line 2.
        XCTAssertEqual(error("a,b\n\"x\ny\"\n"), "current.csv:2: expected 2 fields, found 1")
    }

    func testHeaderProblems() {
        XCTAssertEqual(error("a,b,a\n1,2,3\n"), "current.csv:1: duplicate column 'a' in the header (columns 1 and 3); expected each name once")
        XCTAssertEqual(error("a,,c\n1,2,3\n"), "current.csv:1: column 2 of the header has no name; expected a name for every column")
    }

    func testQuoteErrors() {
        XCTAssertEqual(error("a,b\n1,\"open\n2,3\n"), "current.csv:2: a quoted field is not closed; expected a closing quote")
        XCTAssertEqual(error("a,b\n1,x\"y\n"), "current.csv:2: a quote inside an unquoted field; expected the whole field in quotes, with \"\" for a quote")
        XCTAssertEqual(error("a,b\n1,\"x\"y\n"), "current.csv:2: unexpected 'y' after a closing quote; expected a comma or the end of the line")
    }

    func testUnreadableFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func readError(_ path: String) -> String? {
            do {
                _ = try CSVTable.read(path: path)
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(readError(directory.path + "/none.csv"), "\(directory.path)/none.csv: cannot read the file: no such file; expected a CSV file with a header row")
        XCTAssertEqual(readError(directory.path), "\(directory.path): cannot read the file: it is a directory; expected a CSV file with a header row")
        let binary = directory.appendingPathComponent("bad.csv")
        try Data([0x61, 0x0A, 0xFF, 0xFE]).write(to: binary)
        XCTAssertEqual(readError(binary.path), "\(binary.path): invalid UTF-8; expected a UTF-8 text file")
        let good = directory.appendingPathComponent("good.csv")
        try Data("a\n1\n".utf8).write(to: good)
        XCTAssertEqual(try CSVTable.read(path: good.path).rows, [["1"]])
    }
}
