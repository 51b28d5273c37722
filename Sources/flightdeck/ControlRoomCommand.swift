import ArgumentParser
import ControlRoom
import Engine
import Foundation
import SimKernel
import Terminal
import TUICore

/// `flightdeck [ui]`: the interactive control room.
struct ControlRoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the control room (the default command)."
    )

    @OptionGroup var options: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Theme name (default, light, high-contrast, mono, or one in $XDG_CONFIG_HOME/flightdeck/themes) or a .theme file.", valueName: "NAME|PATH"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Monochrome: bold, reverse and underline only (also when NO_COLOR is set).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Simulated seconds per real second: 1, 10, 60 (default), 600, 3600 ... or max.", valueName: "N"))
    var speed: String = "60"

    @Option(name: .long, help: ArgumentHelp("Screen refreshes per second while nothing is typed.", valueName: "HZ"))
    var refresh: Double = 4

    @Option(name: .long, help: ArgumentHelp("Root seed of every random stream (default: the project's seed).", valueName: "N"))
    var seed: UInt64?

    @Option(name: .customLong("exit-after"), help: ArgumentHelp("Quit after this much real time, e.g. 30s (for tests and demos).", valueName: "DURATION"))
    var exitAfter: String?

    @Option(name: .customLong("max-frames"), help: ArgumentHelp("Quit after drawing this many frames (for tests and benchmarks).", valueName: "N"))
    var maxFrames: Int?

    @Option(name: .customLong("metrics-addr"), help: ArgumentHelp("Serve /metrics (Prometheus text) on this address: PORT (127.0.0.1) or HOST:PORT.", valueName: "ADDR"))
    var metricsAddr: String?

    func validate() throws {
        if let maxFrames, maxFrames < 1 { throw ValidationError("--max-frames must be at least 1, got \(maxFrames)") }
        guard refresh > 0, refresh <= 60 else { throw ValidationError("--refresh must be between 0 and 60 Hz, got \(refresh)") }
        guard SimSpeed(parsing: speed) != nil else { throw ValidationError("--speed expects a multiplier such as 60 or 60x, or max; got '\(speed)'") }
        if let exitAfter { _ = try parseDuration(exitAfter, option: "--exit-after") }
        if let metricsAddr {
            do { _ = try MetricsAddress(parsing: metricsAddr) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let loadedTheme: ParsedTheme
        do {
            loadedTheme = try ThemeLoader.load(theme, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("flightdeck: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for warning in loadedTheme.warnings {
            FileHandle.standardError.write(Data("flightdeck: warning: \(warning)\n".utf8))
        }
        let workspace = try Workspace.load(options)
        if let reason = TerminalCheck.refusalReason(
            term: environment["TERM"], stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1
        ) {
            FileHandle.standardError.write(Data("\(reason)\n".utf8))
            throw ExitCode(2)
        }
        let user = OperatorIdentity.loginName()
        let groups = UnixGroups.resolve(user, fallback: OperatorIdentity.groupNames())
        let metrics = try MetricsPublisher.start(option: metricsAddr)
        defer { metrics?.server.stop() }
        let appOptions = ControlRoomApp.Options(
            refreshHz: refresh,
            exitAfterMilliseconds: try exitAfter.map { try parseDuration($0, option: "--exit-after").milliseconds },
            maxFrames: maxFrames,
            monochrome: noColor || environment["NO_COLOR"] != nil,
            theme: loadedTheme.theme,
            startupMessage: loadedTheme.warnings.first.map { "theme: \($0)" },
            user: user,
            readOnly: workspace.readOnly,
            rights: OperatorRights(policy: workspace.spec.access, user: user, groups: groups, readOnly: workspace.readOnly),
            metrics: metrics
        )
        let startSpeed = SimSpeed(parsing: speed)!
        let openLocal: () throws -> any ControlRoomSource = { [seed] in
            LocalEngineSource(opened: try workspace.openEngine(persist: true, seed: seed, speed: startSpeed))
        }
        let source: any ControlRoomSource
        do {
            source = try openLocal()
        } catch StateDirectoryError.locked(_, let pid, let user) {
            // Another flightdeck runs the engine on this state directory:
            // attach to it instead of failing.
            source = try userFacing {
                try AttachedEngineSource(statePath: workspace.statePath, enginePID: pid, engineUser: user,
                                         origin: OperatorIdentity.origin(.channel, readOnly: appOptions.readOnly))
            }
        } catch {
            FileHandle.standardError.write(Data("flightdeck: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let code = ControlRoomApp(source: source, options: appOptions, takeOver: openLocal).run()
        if code != 0 { throw ExitCode(code) }
    }

    private func parseDuration(_ text: String, option: String) throws -> SimDuration {
        do {
            return try SimDuration(parsing: text)
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }
}
