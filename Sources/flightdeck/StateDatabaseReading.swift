import Engine
import Foundation

extension Workspace {
    /// Reads the state directory's `state.db` the way every CLI reader does:
    /// `missing` when there is no state yet; `held` with the database's path
    /// while an engine holds the directory (read-only, its lock untouched);
    /// otherwise `stopped` with a run store on the directory, locked for the
    /// read and brought to the current schema as an engine would, after its
    /// warnings (another owner, loose modes) are printed.
    func readStateDatabase<T>(missing: () throws -> T, held: (String) throws -> T,
                              stopped: (SQLiteRunStore) throws -> T) throws -> T {
        let database = statePath + "/" + StateDirectory.databaseFileName
        guard FileManager.default.fileExists(atPath: database) else { return try missing() }
        let directory: StateDirectory
        do {
            directory = try StateDirectory(path: statePath)
        } catch StateDirectoryError.locked {
            return try held(database)
        } catch {
            throw cliFailure("\(error)")
        }
        defer { directory.close() }
        for warning in directory.warnings {
            FileHandle.standardError.write(Data("flightdeck: warning: \(warning)\n".utf8))
        }
        let runs = try userFacing { try SQLiteRunStore(directory: directory) }
        defer { try? runs.close() }
        return try stopped(runs)
    }
}
