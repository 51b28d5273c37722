#if canImport(Glibc)
import Glibc
#endif

/// Why a produced file could not be hashed.
public struct ArtifactHashError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The system's reason (`No such file or directory`).
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot hash \(path): \(reason)" }
}

/// Hashes a file with SHA-256, streaming it in 64 KiB chunks.
public struct FileArtifactHasher: ArtifactHasher {
    public init() {}

    public func hash(path: String) throws -> (sha256: String, size: Int64) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArtifactHashError(path: path, reason: Posix.errorText(errno)) }
        defer { close(fd) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        var size: Int64 = 0
        while true {
            let count = read(fd, chunk.baseAddress, chunk.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ArtifactHashError(path: path, reason: Posix.errorText(errno))
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            size += Int64(count)
        }
        return (hasher.finalizeHex(), size)
    }
}
