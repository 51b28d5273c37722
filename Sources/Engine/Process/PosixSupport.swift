#if canImport(Glibc)
import Glibc
#endif

/// glibc functions that exist in the C library but are hidden from Swift's
/// Glibc module behind `_GNU_SOURCE`; looked up once at run time.
enum GNULibC {
    typealias AddChdirFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias Pipe2Function = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias PidfdOpenFunction = @convention(c) (pid_t, UInt32) -> Int32

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+).
    static let addChdir: AddChdirFunction? = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdirFunction.self)
    /// `pipe2` (glibc 2.9+), so both ends are close-on-exec from the start.
    static let pipe2: Pipe2Function? = symbol("pipe2", as: Pipe2Function.self)
    /// `pidfd_open` (glibc 2.36+, Linux 5.3+): a pollable descriptor that
    /// becomes readable when the process exits.
    static let pidfdOpen: PidfdOpenFunction? = symbol("pidfd_open", as: PidfdOpenFunction.self)

    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}

/// Small POSIX helpers shared by the process launcher.
enum Posix {
    /// The text for an errno value.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// Monotonic clock in nanoseconds (real time, for process timing only).
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// A pipe whose two ends are close-on-exec, so a child spawned
    /// concurrently by another launch never inherits them.
    static func closeOnExecPipe() throws(LaunchFailure) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        if let pipe2 = GNULibC.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { throw LaunchFailure("pipe: \(errorText(errno))") }
        } else {
            guard pipe(&fds) == 0 else { throw LaunchFailure("pipe: \(errorText(errno))") }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    /// Decodes a `waitpid` status (the W* macros do not import into Swift).
    static func decodeWaitStatus(_ status: Int32) -> (exitCode: Int32?, signal: Int32?) {
        let low = status & 0x7f
        if low == 0 { return ((status >> 8) & 0xff, nil) }
        if low != 0x7f { return (nil, low) }
        return (nil, nil)
    }

    /// A NULL-terminated array of C strings; free with `freeCStringArray`.
    static func cStringArray(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }

    static func freeCStringArray(_ array: [UnsafeMutablePointer<CChar>?]) {
        for pointer in array { free(pointer) }
    }

    /// The environment block for a child, built from the pointers in
    /// `environ` (the inherited entries are not copied) with `overrides`
    /// applied in order: an entry replaces an existing variable of the same
    /// name in place, otherwise it is added at the end; a later override
    /// wins over an earlier one. NULL-terminated, ready for `posix_spawn`;
    /// pass it to ``releaseEnvironment(_:)`` afterwards, which frees the
    /// override lines only.
    static func childEnvironment(_ overrides: [EnvironmentEntry]) -> (block: [UnsafeMutablePointer<CChar>?], owned: [UnsafeMutablePointer<CChar>]) {
        var block: [UnsafeMutablePointer<CChar>?] = []
        var cursor = environ
        while let entry = cursor.pointee {
            block.append(entry)
            cursor += 1
        }
        var owned: [UnsafeMutablePointer<CChar>] = []
        for entry in overrides {
            guard let line = strdup("\(entry.name)=\(entry.value)") else { continue }
            owned.append(line)
            if let index = block.firstIndex(where: { $0.map { names($0, entry.name) } ?? false }) {
                block[index] = line
            } else {
                block.append(line)
            }
        }
        block.append(nil)
        return (block, owned)
    }

    static func releaseEnvironment(_ owned: [UnsafeMutablePointer<CChar>]) {
        for line in owned { free(line) }
    }

    /// Whether the C string `line` (`NAME=value`, or all name without `=`)
    /// is a variable called `name`.
    private static func names(_ line: UnsafePointer<CChar>, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return line[0] == 0 || line[0] == CChar(UInt8(ascii: "=")) }
            // strncmp stops at the end of a shorter line (its NUL differs).
            guard strncmp(line, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), count) == 0 else { return false }
            return line[count] == 0 || line[count] == CChar(UInt8(ascii: "="))
        }
    }
}

/// Why a process could not be started.
struct LaunchFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
