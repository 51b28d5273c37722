import Foundation

/// A CSV file as text cells: a header row and data rows of the same width,
/// each row with the line it starts on (for error messages).
///
/// The format is RFC 4180: fields separated by commas, records by LF or
/// CRLF, a field in double quotes may hold commas, line breaks and `""` for
/// a quote. Blank lines are skipped. Cells are kept as written (no
/// trimming); an empty cell is a missing value to the callers.
public struct CSVTable: Sendable, Equatable {
    /// The file name used in errors.
    public var source: String
    public var header: [String]
    public var rows: [[String]]
    /// The 1-based line each row starts on, parallel to `rows`.
    public var rowLines: [Int]

    public init(source: String, header: [String], rows: [[String]], rowLines: [Int]) {
        self.source = source
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
    }

    /// Reads and parses the file at `path`; errors name it as `path`.
    public static func read(path: String) throws(DriftCompareError) -> CSVTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DriftCompareError(file: path, line: nil, message: "cannot read the file: no such file; expected a CSV file with a header row")
        }
        guard !isDirectory.boolValue else {
            throw DriftCompareError(file: path, line: nil, message: "cannot read the file: it is a directory; expected a CSV file with a header row")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DriftCompareError(file: path, line: nil, message: "cannot read the file: permission denied or read error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DriftCompareError(file: path, line: nil, message: "invalid UTF-8; expected a UTF-8 text file")
        }
        return try parse(text, source: path)
    }

    /// Parses CSV text; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws(DriftCompareError) -> CSVTable {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var wasQuoted = false
        var wasQuotedRecord = false
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            // A blank line is one empty, unquoted field: skipped.
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuotedRecord) { records.append((recordLine, fields)) }
            fields = []
            wasQuotedRecord = false
        }

        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars = scalars.dropFirst()
                        field.append("\"")
                    } else {
                        inQuotes = false
                        if let next = scalars.first, next != ",", next != "\n", next != "\r" {
                            throw DriftCompareError(file: source, line: line,
                                                    message: "unexpected '\(next)' after a closing quote; expected a comma or the end of the line")
                        }
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r" where scalars.first == "\n":
                break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !wasQuoted else {
                    throw DriftCompareError(file: source, line: line,
                                            message: "a quote inside an unquoted field; expected the whole field in quotes, with \"\" for a quote")
                }
                inQuotes = true
                wasQuoted = true
                wasQuotedRecord = true
                quoteLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            throw DriftCompareError(file: source, line: quoteLine, message: "a quoted field is not closed; expected a closing quote")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }

        guard let first = records.first else {
            let message = text.isEmpty ? "the file is empty; expected a header row with the column names"
                : "no header row (only blank lines); expected a header row with the column names"
            throw DriftCompareError(file: source, line: text.isEmpty ? nil : 1, message: message)
        }
        let header = first.fields
        var seen: [String: Int] = [:]  // lookups only
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                throw DriftCompareError(file: source, line: first.line, message: "column \(index + 1) of the header has no name; expected a name for every column")
            }
            if let earlier = seen[name] {
                throw DriftCompareError(file: source, line: first.line,
                                        message: "duplicate column '\(name)' in the header (columns \(earlier + 1) and \(index + 1)); expected each name once")
            }
            seen[name] = index
        }
        var rows: [[String]] = []
        var rowLines: [Int] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw DriftCompareError(file: source, line: record.line, message: "expected \(header.count) fields, found \(record.fields.count)")
            }
            rows.append(record.fields)
            rowLines.append(record.line)
        }
        return CSVTable(source: source, header: header, rows: rows, rowLines: rowLines)
    }
}

/// A problem with the input of `flightdeck drift compare`, as
/// `file:line: message` (or `file: message`, or just the message for an
/// option).
public struct DriftCompareError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
