import ArgumentParser
import Engine
import Foundation
import SimKernel
import Terminal
import TUICore

/// `flightdeck serve`: the engine without a screen, for systemd and the
/// like. It holds the state directory as the control room does, advances at
/// the chosen speed, applies what other processes submit through the command
/// channel and prints one line per engine event.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the engine headless on the state directory, printing one line per event, until stopped.",
        discussion: """
        Holds the state directory like the control room: CLI commands (approve, rollout weight, ack ...) \
        from other processes are applied through its command channel. SIGTERM or SIGINT stops it after \
        writing everything (exit 0); so does reaching --for of simulated time. Exit 2 when the state \
        directory cannot be opened or a write was still failing at the end.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Simulated seconds per real second: 1, 60 (default), 3600 ... or max.", valueName: "N"))
    var speed: String = "60"

    @Option(name: .customLong("for"), help: ArgumentHelp("Stop after this much simulated time, e.g. 6h or 7d (default: run until stopped).", valueName: "DURATION"))
    var duration: String?

    @Option(name: .long, help: ArgumentHelp("Root seed of every random stream (default: the project's seed).", valueName: "N"))
    var seed: UInt64?

    @OptionGroup var options: ProjectOptions

    /// Real time between two turns of the loop below max speed.
    static let tickNanoseconds: UInt64 = 50_000_000
    /// The most simulated time one turn advances (at max speed, every turn):
    /// the engine cannot be interrupted inside a step, so this bounds how
    /// long a command from the channel waits. When the engine cannot keep up
    /// with the speed, it runs slower rather than in ever larger steps.
    static let maxStepPerTurn = SimDuration.minutes(10)

    func validate() throws {
        guard SimSpeed(parsing: speed) != nil else { throw ValidationError("--speed expects a multiplier such as 60 or 60x, or max; got '\(speed)'") }
        if let duration {
            do {
                let span = try SimDuration(parsing: duration)
                guard span > .zero else { throw ValidationError("--for must be longer than 0s") }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ValidationError("--for: \(error)")
            }
        }
    }

    func run() throws {
        let span = try duration.map { try SimDuration(parsing: $0) }
        let workspace = try Workspace.load(options)
        NcursesTerminal.installSignalHandlers()
        let opened = try userFacing { try workspace.openEngine(persist: true, seed: seed, speed: SimSpeed(parsing: speed)!) }
        let engine = opened.engine
        let end = span.map { engine.now + $0 }
        var printer = EventPrinter(engine: engine)
        ServeOutput.line("serving \(workspace.spec.name) from \(workspace.statePath) at \(engine.now.clockLabel), speed \(engine.speed), pid \(getpid())"
            + (end.map { ", until \($0.clockLabel)" } ?? ""))
        printer.printNew(engine)
        var pacer = RealTimePacer()
        var writeRetry = WriteRetry()
        var last = MonotonicClock.nanoseconds()
        var wasFailing = false
        while NcursesTerminal.pendingSignal == nil {
            opened.pollChannel()
            let now = MonotonicClock.nanoseconds()
            writeRetry.retryIfDue(engine, now: now)
            let step = min(pacer.step(elapsedNanoseconds: now - last, speed: engine.speed), Self.maxStepPerTurn)
            last = now
            if !engine.isPaused {
                var target = engine.now + step
                if let end, target > end { target = end }
                engine.advance(to: target)
            }
            printer.printNew(engine)
            let failing = engine.pendingWriteError != nil
            if wasFailing && !failing { ServeOutput.line("\(engine.now.clockLabel) store: writable again; the kept changes are written") }
            wasFailing = failing
            if let end, engine.now >= end { break }
            if engine.speed != .max || engine.isPaused { usleep(UInt32(Self.tickNanoseconds / 1000)) }
        }
        // Apply what was submitted meanwhile, then write everything.
        opened.pollChannel(force: true)
        engine.advance(to: engine.now)
        engine.flushPendingWrites()
        engine.publishServingStatus()
        engine.publishMonitoringStatus()
        printer.printNew(engine)
        opened.shutdown()
        let why = NcursesTerminal.pendingSignal.map { "signal \($0)" } ?? "--for reached"
        if let error = engine.pendingWriteError {
            ServeOutput.line("stopped at \(engine.now.clockLabel) (\(why)) with changes not written")
            throw cliFailure(error)
        }
        ServeOutput.line("stopped at \(engine.now.clockLabel) (\(why)); everything is written")
    }
}

/// Prints the engine's events not printed yet, one sanitized line each
/// (`d0 00:05:30 run-started: retrain #3 (schedule)`); when more arrived
/// than the event log keeps, says how many were skipped.
struct EventPrinter {
    private var printed: Int

    /// Starts after the events already in the log except the newest ones
    /// from start-up (recovery, bootstrap), which it prints.
    init(engine: Engine) {
        printed = max(0, engine.eventLog.totalAppended - engine.eventLog.capacity)
    }

    mutating func printNew(_ engine: Engine) {
        let total = engine.eventLog.totalAppended
        guard total > printed else { return }
        let fresh = engine.eventLog.last(total - printed)
        let skipped = total - printed - fresh.count
        var text = skipped > 0 ? "(\(skipped) events not shown: more than the event log keeps arrived at once)\n" : ""
        for event in fresh {
            text += TextSanitizer.clean("\(event.time.clockLabel) \(event.kind): \(event.message)") + "\n"
        }
        printed = total
        ServeOutput.write(text)
    }
}

/// Unbuffered standard output, so a reader (a journal, a test) sees each
/// line at once and a killed process leaves nothing behind in a buffer.
enum ServeOutput {
    static func line(_ text: String) {
        write(TextSanitizer.clean(text) + "\n")
    }

    /// A failed write (standard output on a full disk, a closed pipe) is
    /// dropped: the engine goes on (`FileHandle.write(_:)` would trap).
    static func write(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }
}
