import ArgumentParser
import Engine
import Foundation
import SimKernel
import TUICore

extension Workspace {
    /// The model registry for reading, without taking the engine's lock (a
    /// running control room may hold it): the state database opened
    /// read-only, or an empty registry of the declared models when there is
    /// no database yet. Nothing is written.
    func readRegistry() throws -> ModelRegistry {
        let database = statePath + "/" + StateDirectory.databaseFileName
        let store: any RegistryStore
        if FileManager.default.fileExists(atPath: database) {
            store = try SQLiteRegistryStore(path: database, readOnly: true)
        } else {
            store = InMemoryRegistryStore()
        }
        return try ModelRegistry(models: spec.models, store: store)
    }

    /// Fails with status 2 and the known models when `model` is unknown.
    func requireModel(_ model: String, in registry: ModelRegistry) throws {
        guard registry.spec(model) == nil else { return }
        throw cliFailure(RegistryError.unknownModel(model, known: registry.modelIDs).description)
    }
}

/// Prints `flightdeck: message` to stderr; the error to throw for status 2.
func cliFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("flightdeck: \(TextSanitizer.clean(message))\n".utf8))
    return ExitCode(2)
}

/// Reads `--at`: a duration since the start (`6h`, `90m`, `1d2h`) or a
/// clock label (`d1 02:00:00`, `d1 02:00`).
enum SimTimeArgument {
    static func parse(_ text: String) -> SimTime? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("d"), let space = trimmed.firstIndex(of: " ") {
            guard let day = Int64(trimmed[trimmed.index(after: trimmed.startIndex)..<space]), day >= 0 else { return nil }
            let fields = trimmed[trimmed.index(after: space)...].split(separator: ":", omittingEmptySubsequences: false).map { Int64($0) }
            guard fields.count == 2 || fields.count == 3, fields.allSatisfy({ $0 != nil }) else { return nil }
            let hours = fields[0]!, minutes = fields[1]!, seconds = fields.count == 3 ? fields[2]! : 0
            guard (0..<24).contains(hours), (0..<60).contains(minutes), (0..<60).contains(seconds) else { return nil }
            return SimTime(milliseconds: ((day * 24 + hours) * 3600 + minutes * 60 + seconds) * 1000)
        }
        guard let duration = try? SimDuration(parsing: trimmed), duration.milliseconds >= 0 else { return nil }
        return SimTime(sinceEpoch: duration)
    }
}
