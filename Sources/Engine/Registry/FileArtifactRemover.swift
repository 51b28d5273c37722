import Foundation

/// Removes artifact files from disk; relative paths resolve against
/// `baseDirectory`.
public final class FileArtifactRemover: ArtifactRemover {
    /// Where relative artifact paths start (nil: the process's current directory).
    public let baseDirectory: String?

    public init(baseDirectory: String?) {
        self.baseDirectory = baseDirectory
    }

    public func remove(path: String) throws {
        let full = path.hasPrefix("/") || baseDirectory == nil ? path : baseDirectory! + "/" + path
        if unlink(full) != 0 {
            let code = errno
            guard code == ENOENT else {
                throw ArtifactRemovalError(path: full, reason: errnoText(code))
            }
        }
    }
}

/// An artifact file that could not be removed.
public struct ArtifactRemovalError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot remove \(path): \(reason)" }
}
