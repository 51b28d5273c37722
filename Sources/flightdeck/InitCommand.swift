import ArgumentParser
import Engine
import Foundation

/// `flightdeck init [DIR]`: write the demo project, commented key by key.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the embedded demo project as flightdeck.yaml, commented key by key, as a starting point."
    )

    @Argument(help: ArgumentHelp("Directory to write it in (default: the current directory).", valueName: "DIR"))
    var directory: String = "."

    @Flag(name: .long, help: "Overwrite an existing flightdeck.yaml.")
    var force = false

    func run() throws {
        let path = directory + "/" + EmbeddedDemo.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            FileHandle.standardError.write(Data("flightdeck: \(path) already exists; use --force to overwrite it\n".utf8))
            throw ExitCode(2)
        }
        try userFacing {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try EmbeddedDemo.text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        print("wrote \(path); check it with: flightdeck validate \(path)")
    }
}
