import Foundation
import SimKernel

/// Helpers the model builtins share: parameters, the model they work on,
/// artifact files and simulated durations.
enum BuiltinSupport {
    /// An integer param, or `fallback` when unbound; nil when it is not an integer.
    static func integer(_ context: BuiltinContext, _ name: String, default fallback: Int) -> Int? {
        guard let text = context.param(name) else { return fallback }
        return Int(text)
    }

    /// A number param, or `fallback` when unbound; nil when it is not a number.
    static func number(_ context: BuiltinContext, _ name: String, default fallback: Double) -> Double? {
        guard let text = context.param(name) else { return fallback }
        return Double(text)
    }

    /// The model the step works on: the `model` param, or the only declared
    /// model; otherwise why not.
    static func model(_ context: BuiltinContext) -> Result<String, BuiltinFailure> {
        if let named = context.param("model") {
            guard context.models.contains(named) else {
                return .failure(BuiltinFailure("unknown model \(named) (declared: \(context.models.isEmpty ? "none" : context.models.joined(separator: ", ")))"))
            }
            return .success(named)
        }
        guard context.models.count == 1 else {
            return .failure(BuiltinFailure(context.models.isEmpty
                ? "no model is declared under models:"
                : "several models are declared (\(context.models.joined(separator: ", "))); set the pipeline param model"))
        }
        return .success(context.models[0])
    }

    /// `artifacts/run-<id>`.
    static func runDirectory(_ context: BuiltinContext) -> String {
        "artifacts/run-\(context.key.run)"
    }

    /// `path` resolved against the working directory.
    static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Writes `bytes` to `path` (relative to the working directory),
    /// creating directories, and returns the recorded artifact.
    static func write(_ bytes: [UInt8], to path: String, in directory: String) -> Result<ModelArtifact, BuiltinFailure> {
        let full = resolve(path, in: directory)
        let url = URL(fileURLWithPath: full)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            return .failure(BuiltinFailure("cannot write \(path): \(error.localizedDescription)"))
        }
        return .success(ModelArtifact(path: path, sha256: SHA256.hexDigest(of: bytes), size: Int64(bytes.count)))
    }

    /// The bytes of `path` (relative to the working directory).
    static func read(_ path: String, in directory: String) -> Result<[UInt8], BuiltinFailure> {
        guard let data = FileManager.default.contents(atPath: resolve(path, in: directory)) else {
            return .failure(BuiltinFailure("cannot read \(path)"))
        }
        return .success([UInt8](data))
    }

    /// A duration of `seconds` (rounded to whole milliseconds, at least 1 ms).
    static func duration(seconds: Double) -> SimDuration {
        .milliseconds(max(1, Int64((seconds * 1000).rounded())))
    }

    /// `0.8712`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        let scaled = (value * 10_000).rounded() / 10_000
        return String(scaled)
    }

    /// The first 12 hex digits of a hash.
    static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}

/// Why a builtin stops: the step fails with this reason.
struct BuiltinFailure: Error, Sendable, CustomStringConvertible {
    var reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}

extension BuiltinResult {
    /// A failure with `reason` (also the last log line) after `duration`.
    static func failure(_ reason: String, log: [String] = [], duration: SimDuration = .seconds(1)) -> BuiltinResult {
        BuiltinResult(succeeded: false, reason: reason, logLines: log + ["error: \(reason)"], duration: duration)
    }
}
