import GRDB

/// `state.db` opened read-only for a process that only looks (the CLI while
/// an engine holds the state directory): it must exist and be migrated.
enum ReadOnlyStateDatabase {
    static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(path: path, operation: "open", underlying: error)
        }
    }
}
