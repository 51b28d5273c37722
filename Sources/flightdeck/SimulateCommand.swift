import ArgumentParser
import Engine
import Foundation
import Terminal
import TUICore

/// `flightdeck simulate --for DURATION`: the whole project headless, as fast
/// as the machine allows, then a report of what happened.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the project headless on simulated time as fast as possible and report what happened.",
        discussion: """
        Schedules fire, simulated steps run on simulated time and shell steps really run (simulated time waits for them); \
        deployments serve, monitors evaluate, alerts fire, rollouts advance and decide. Approvals wait for the model's \
        approval_timeout and apply its on_timeout (without a timeout they stay pending) unless --approve-all or \
        --reject-all decides each one as soon as it opens (recorded as the user "simulate"). A progress line is drawn \
        on stderr when it is a terminal. Without --state the history goes to a scratch state directory that is removed at the end.
        """
    )

    @Option(name: .customLong("for"), help: ArgumentHelp("How much simulated time, e.g. 6h or 30d.", valueName: "DURATION"))
    var duration: String

    @Option(name: .long, help: "Root seed (default: the project's).")
    var seed: UInt64?

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Also write the report to FILE.", valueName: "FILE"))
    var report: String?

    @Flag(name: .customLong("approve-all"), help: "What-if: approve every pending approval as soon as it opens.")
    var approveAll = false

    @Flag(name: .customLong("reject-all"), help: "What-if: reject every pending approval as soon as it opens.")
    var rejectAll = false

    @Flag(name: .long, help: "Print the resident memory at each simulated day on stderr.")
    var verbose = false

    @OptionGroup var options: ProjectOptions

    func validate() throws {
        if approveAll && rejectAll { throw ValidationError("--approve-all and --reject-all exclude each other") }
    }

    func run() throws {
        let span: SimDuration
        do {
            span = try SimDuration(parsing: duration)
        } catch {
            FileHandle.standardError.write(Data("flightdeck: --for: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var workspace = try Workspace.load(options)
        // Without --state the history goes to a scratch state directory that
        // is removed at the end: SQLite keeps a month of runs, traffic
        // changes and drift rollups on disk instead of in memory.
        var scratch: String?
        if options.state == nil { scratch = try userFacing { try Self.scratchDirectory() } }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        if let scratch { workspace = Workspace(spec: workspace.spec, projectFile: workspace.projectFile, statePath: scratch) }
        let opened = try userFacing { try workspace.openEngine(persist: true, seed: seed) }
        let engine = opened.engine
        NcursesTerminal.installSignalHandlers()
        let driver = SimulationDriver(engine: engine, span: span, whatIf: approveAll ? .approveAll : rejectAll ? .rejectAll : nil,
                                      pruneDrift: false)
        let showProgress = isatty(2) == 1
        var progress = SimulationProgress()
        let verbose = self.verbose
        let completed = driver.run(measureMemory: true, poll: { opened.pollChannel() }, stop: { NcursesTerminal.pendingSignal != nil }) { driver in
            if verbose, let sample = driver.memory.last, sample.day > 0, (driver.engine.now - driver.start).milliseconds == Int64(sample.day) * 86_400_000 {
                if showProgress { progress.clear() }
                FileHandle.standardError.write(Data("day \(sample.day): resident \(ResidentMemory.text(sample.residentBytes)), wall \(String(format: "%.1f", sample.wallSeconds)) s\n".utf8))
            }
            guard showProgress else { return }
            progress.draw(SimulationProgress.line(reached: driver.engine.now - driver.start, total: span,
                                                  requests: Self.requests(driver.engine), wallSeconds: driver.wallSeconds),
                          now: MonotonicClock.nanoseconds())
        }
        if showProgress { progress.clear() }
        opened.shutdown()
        var result = SimulationReport(engine: engine, spec: workspace.spec, driver: driver, completed: completed)
        let simulated = Double((engine.now - driver.start).milliseconds) / 1000
        result.measurement = SimulationReport.Measurement(
            wallSeconds: driver.wallSeconds,
            simulatedPerWallSecond: driver.wallSeconds > 0 ? simulated / driver.wallSeconds : 0,
            requestsPerSecond: driver.wallSeconds > 0 ? Double(result.requests) / driver.wallSeconds : 0,
            peakResidentBytes: ResidentMemory.peak(), memory: driver.memory)
        let text = json ? try JSONOutput.encode(result) + "\n" : result.text(glyphs: Self.glyphs())
        print(text, terminator: "")
        if let report {
            do {
                try text.write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("flightdeck: --report: could not write \(report): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        if let signal = NcursesTerminal.pendingSignal {
            FileHandle.standardError.write(Data("flightdeck: interrupted at \(engine.now.clockLabel)\n".utf8))
            throw ExitCode(128 + signal)
        }
        if let error = engine.snapshot(recentEventLimit: 0, recentRunLimit: 0, deploymentMetrics: .none).storeError {
            FileHandle.standardError.write(Data("flightdeck: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// A fresh private directory under the temporary directory.
    static func scratchDirectory() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/flightdeck-simulate-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "could not create a scratch directory in \(base): \(String(cString: strerror(errno)))"])
        }
        return String(cString: made)
    }

    /// Requests served so far by every deployment.
    static func requests(_ engine: Engine) -> Int {
        engine.currentDeployments().reduce(0) { $0 + $1.allVersions.requests }
    }

    /// Braille charts when the locale is UTF-8, ASCII otherwise.
    static func glyphs() -> GlyphSet {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8") ? .unicode : .ascii
    }
}
