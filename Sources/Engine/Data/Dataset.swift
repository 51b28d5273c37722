import SimKernel

/// One column of a dataset. Equal columns hold the same values bit for
/// bit (every NaN counts as the same missing value).
public enum DatasetColumn: Sendable, Equatable {
    /// Values, NaN where missing.
    case numeric([Double])
    /// Indices into the feature's categories, -1 where missing.
    case categorical([Int32])

    public var count: Int {
        switch self {
        case .numeric(let values): values.count
        case .categorical(let codes): codes.count
        }
    }

    public static func == (lhs: DatasetColumn, rhs: DatasetColumn) -> Bool {
        switch (lhs, rhs) {
        case (.numeric(let a), .numeric(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0.bitPattern == $1.bitPattern }
        case (.categorical(let a), .categorical(let b)):
            a == b
        default:
            false
        }
    }
}

/// Why a dataset could not be built from its parts.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A labelled table of rows drawn at one simulated time, stored by column.
///
/// ``contentHash()`` is the SHA-256 of a canonical byte encoding of the
/// schema, the columns and the labels (not the time): little-endian,
/// doubles by their bit pattern with every NaN as `0x7FF8000000000000`, so
/// it is the same across runs and platforms and changes when any value
/// does. The hash and the summaries are computed on each call (keep the
/// result): a dataset that is only trained on never pays for them.
public struct Dataset: Sendable, Equatable {
    public let schema: DatasetSchema
    /// One per schema feature, each with ``rowCount`` values.
    public let columns: [DatasetColumn]
    /// 0 or 1 per row.
    public let labels: [UInt8]
    /// The simulated time the rows were drawn at.
    public let drawnAt: SimTime

    /// Checks that the parts fit together: one column per feature of the
    /// right kind, all as long as `labels`, category indices in range (or
    /// -1), labels 0 or 1.
    public init(schema: DatasetSchema, columns: [DatasetColumn], labels: [UInt8], drawnAt: SimTime) throws(DatasetError) {
        guard columns.count == schema.features.count else {
            throw DatasetError("expected \(schema.features.count) columns (one per feature), found \(columns.count)")
        }
        for (feature, column) in zip(schema.features, columns) {
            guard column.count == labels.count else {
                throw DatasetError("\(feature.name): expected \(labels.count) values (one per label), found \(column.count)")
            }
            switch (feature.kind, column) {
            case (.numeric, .numeric):
                break
            case (.categorical(let categories), .categorical(let codes)):
                if let bad = codes.first(where: { $0 < -1 || Int($0) >= categories.count }) {
                    throw DatasetError("\(feature.name): category index \(bad) out of range; expected -1 to \(categories.count - 1)")
                }
            default:
                throw DatasetError("\(feature.name): expected a \(feature.kind) column")
            }
        }
        if let bad = labels.first(where: { $0 > 1 }) {
            throw DatasetError("label: expected 0 or 1, found \(bad)")
        }
        self.init(checkedSchema: schema, columns: columns, labels: labels, drawnAt: drawnAt)
    }

    /// For parts known to fit (the generator's).
    init(checkedSchema schema: DatasetSchema, columns: [DatasetColumn], labels: [UInt8], drawnAt: SimTime) {
        self.schema = schema
        self.columns = columns
        self.labels = labels
        self.drawnAt = drawnAt
    }

    /// Lower-case hex SHA-256 of the content (see the type's notes).
    public func contentHash() -> String {
        Self.hash(schema: schema, columns: columns, labels: labels)
    }

    /// One summary per schema feature, in order.
    public func summaries() -> [FeatureSummary] {
        zip(schema.features, columns).map { FeatureSummary(feature: $0, column: $1) }
    }

    /// The summary of one column.
    public func summary(of name: String) -> FeatureSummary? {
        schema.index(of: name).map { FeatureSummary(feature: schema.features[$0], column: columns[$0]) }
    }

    public var rowCount: Int { labels.count }

    /// The share of rows labelled 1 (0 for no rows).
    public var positiveRate: Double {
        labels.isEmpty ? 0 : Double(labels.reduce(0) { $0 + Int($1) }) / Double(labels.count)
    }

    public func column(named name: String) -> DatasetColumn? {
        schema.index(of: name).map { columns[$0] }
    }


    // MARK: Content hash

    /// The canonical NaN bit pattern used in the hash.
    static let canonicalNaN: UInt64 = 0x7FF8_0000_0000_0000

    static func hash(schema: DatasetSchema, columns: [DatasetColumn], labels: [UInt8]) -> String {
        var hasher = SHA256()
        var header = CanonicalBytes()
        header.append(text: "flightdeck-dataset-v1")
        header.append(UInt64(labels.count))
        header.append(UInt64(schema.features.count))
        for feature in schema.features {
            header.append(text: feature.name)
            switch feature.kind {
            case .numeric:
                header.bytes.append(0)
            case .categorical(let categories):
                header.bytes.append(1)
                header.append(UInt64(categories.count))
                for category in categories { header.append(text: category) }
            }
        }
        hasher.update(header.bytes)
        for column in columns {
            var body = CanonicalBytes()
            switch column {
            case .numeric(let values):
                body.bytes.reserveCapacity(values.count * 8)
                for value in values { body.append(value.isNaN ? canonicalNaN : value.bitPattern) }
            case .categorical(let codes):
                body.bytes.reserveCapacity(codes.count * 4)
                for code in codes { body.append(UInt32(bitPattern: code)) }
            }
            hasher.update(body.bytes)
        }
        hasher.update(labels)
        return hasher.finalizeHex()
    }
}

/// Little-endian encoding for hashing.
struct CanonicalBytes {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func append(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// Length-prefixed UTF-8.
    mutating func append(text: String) {
        append(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }
}
