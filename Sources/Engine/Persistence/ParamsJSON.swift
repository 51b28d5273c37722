import Foundation

/// A run's parameters as stored in `runs.params`: a JSON array of
/// `{"name": ..., "value": ...}` objects in the pipeline's declared order.
enum ParamsJSON {
    static func encode(_ params: [ParamBinding]) throws -> String {
        if params.isEmpty { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(params), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [ParamBinding] {
        try JSONDecoder().decode([ParamBinding].self, from: Data(text.utf8))
    }
}
