/// Reads produced files for the run history (outside the engine's pure logic).
public protocol ArtifactHasher: Sendable { func hash(path: String) throws -> (sha256: String, size: Int64) }
