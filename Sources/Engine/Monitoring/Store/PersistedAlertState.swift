import Foundation

/// An alert's evaluator state as the store keeps it: opaque JSON bytes, so
/// the store does not depend on the evaluator's state type.
public struct PersistedAlertState: Sendable, Hashable {
    /// The alert rule's id.
    public var alert: String
    /// The evaluator's state, JSON-encoded.
    public var json: Data

    public init(alert: String, json: Data) {
        self.alert = alert
        self.json = json
    }

    /// Encodes `state` as JSON (sorted keys, so equal states give equal bytes).
    public init(alert: String, encoding state: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self.init(alert: alert, json: try encoder.encode(state))
    }

    /// Decodes the state saved by ``init(alert:encoding:)``.
    public func decode<State: Decodable>(_ type: State.Type) throws -> State {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(type, from: json)
    }
}
