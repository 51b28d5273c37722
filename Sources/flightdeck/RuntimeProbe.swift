import Engine
import Foundation

/// The software this flightdeck process runs in, recorded in the lineage
/// of the model versions it trains.
enum RuntimeProbe {
    static var current: RuntimeEnvironment {
        RuntimeEnvironment(flightdeckVersion: Flightdeck.version, swiftVersion: swiftVersion, os: operatingSystem)
    }

    /// The compiler's language version, from compile-time checks.
    static var swiftVersion: String {
        #if swift(>=6.3)
        return "6.3"
        #elseif swift(>=6.2)
        return "6.2"
        #elseif swift(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// `PRETTY_NAME` of /etc/os-release, or the kernel's name and release.
    static var operatingSystem: String {
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        let info = ProcessInfo.processInfo
        return "\(info.operatingSystemVersionString)"
    }
}
