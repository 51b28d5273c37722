import SimKernel

/// A problem reading a dataset from CSV text, with its 1-based line.
public struct DatasetCSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 3: amount: expected a number, found 'abc'`
    public var description: String { "line \(line): \(message)" }
}

extension Dataset {
    /// The dataset as CSV: a header with the feature names and `label`, then
    /// one line per row ending in `\n`. Numbers are written in Swift's
    /// shortest form that reads back to the same double; categories by
    /// name; a missing value is an empty field. Fields holding `,`, `"` or
    /// a line break are quoted (RFC 4180).
    public func csv() -> String {
        var lines: [String] = []
        lines.reserveCapacity(rowCount + 1)
        lines.append((schema.names + ["label"]).map(Self.quoted).joined(separator: ","))
        let categoryNames: [[String]] = schema.features.map { feature in
            if case .categorical(let categories) = feature.kind { return categories.map(Self.quoted) }
            return []
        }
        for row in 0..<rowCount {
            var fields: [String] = []
            fields.reserveCapacity(columns.count + 1)
            for (index, column) in columns.enumerated() {
                switch column {
                case .numeric(let values):
                    fields.append(values[row].isNaN ? "" : "\(values[row])")
                case .categorical(let codes):
                    fields.append(codes[row] < 0 ? "" : categoryNames[index][Int(codes[row])])
                }
            }
            fields.append(labels[row] == 1 ? "1" : "0")
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads what ``csv()`` writes. The header must be `schema`'s names and
    /// `label`, in order; every row has one field per column; numbers parse
    /// as doubles, categories are names of the schema's categories, empty
    /// fields are missing values, labels are 0 or 1. A final line break and
    /// `\r\n` line ends are accepted.
    public init(csv text: String, schema: DatasetSchema, drawnAt: SimTime = .zero) throws(DatasetCSVError) {
        var records = try Self.records(text)
        if records.last?.fields == [""] { records.removeLast() }
        let header = schema.names + ["label"]
        guard let first = records.first else {
            throw DatasetCSVError(line: 1, message: "expected the header \(header.joined(separator: ",")), found nothing")
        }
        guard first.fields == header else {
            throw DatasetCSVError(line: first.line, message: "expected the header \(header.joined(separator: ",")), found \(first.fields.joined(separator: ","))")
        }
        var numeric: [[Double]] = schema.features.map { _ in [] }
        var categorical: [[Int32]] = schema.features.map { _ in [] }
        var labels: [UInt8] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw DatasetCSVError(line: record.line, message: "expected \(header.count) fields, found \(record.fields.count)")
            }
            for (index, feature) in schema.features.enumerated() {
                let field = record.fields[index]
                switch feature.kind {
                case .numeric:
                    if field.isEmpty {
                        numeric[index].append(.nan)
                    } else if let value = Double(field) {
                        numeric[index].append(value)
                    } else {
                        throw DatasetCSVError(line: record.line, message: "\(feature.name): expected a number, found '\(field)'")
                    }
                case .categorical(let categories):
                    if field.isEmpty {
                        categorical[index].append(-1)
                    } else if let code = categories.firstIndex(of: field) {
                        categorical[index].append(Int32(code))
                    } else {
                        throw DatasetCSVError(line: record.line,
                                              message: "\(feature.name): unknown category '\(field)'; expected one of \(categories.joined(separator: ", "))")
                    }
                }
            }
            switch record.fields[header.count - 1] {
            case "0": labels.append(0)
            case "1": labels.append(1)
            case let other: throw DatasetCSVError(line: record.line, message: "label: expected 0 or 1, found '\(other)'")
            }
        }
        let columns: [DatasetColumn] = schema.features.indices.map { index in
            schema.features[index].kind.isNumeric ? .numeric(numeric[index]) : .categorical(categorical[index])
        }
        self.init(checkedSchema: schema, columns: columns, labels: labels, drawnAt: drawnAt)
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The records of CSV text with the line each starts on.
    static func records(_ text: String) throws(DatasetCSVError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var quotedField = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = characters.next()
        func endRecord() {
            fields.append(field)
            records.append((recordLine, fields))
            fields = []
            field = ""
            quotedField = false
        }
        while let scalar = pending {
            pending = characters.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                quotedField = false
            case "\r" where pending == "\n":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !quotedField:
                inQuotes = true
                quoteLine = line
                quotedField = true
            default:
                if quotedField {
                    throw DatasetCSVError(line: line, message: "expected a comma or line end after a closing quote, found '\(scalar)'")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw DatasetCSVError(line: quoteLine, message: "a quoted field is not closed; expected a closing \"") }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        return records
    }
}
