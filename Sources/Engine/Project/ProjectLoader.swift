import Foundation

/// Reads and validates `flightdeck.yaml`.
///
/// The text is composed with Yams into a positioned node tree (not decoded
/// with Codable), so every problem carries its file, line and column.
/// Validation reads every section and collects all problems before giving
/// up; nothing half-validated is returned.
public enum ProjectLoader {
    /// The source name used for the embedded demo project.
    public static let embeddedDemoSource = "<embedded demo>"

    /// The top-level sections, read in this order (later sections may rely
    /// on earlier ones, e.g. pipelines on pools).
    static var sections: [any ProjectSection.Type] {
        [ProjectNameSection.self, SeedSection.self, PoolsSection.self, DataSection.self, PipelinesSection.self, ModelsSection.self,
         DeploymentsSection.self, MonitorsSection.self, AlertsSection.self, AccessSection.self]
    }

    /// The top-level keys, in the order they are documented.
    public static var topLevelKeys: [String] { sections.map { $0.key } }

    /// Reads the file at `path` and validates it. `builtins` are the names of
    /// the registered builtin tasks. The project's directory is the file's
    /// directory, made absolute.
    public static func load(path: String, builtins: [String]) -> Result<ProjectSpec, ProjectErrors> {
        func failure(_ message: String) -> Result<ProjectSpec, ProjectErrors> {
            .failure(ProjectErrors([ProjectError(file: path, line: 0, column: 0, message: message)]))
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure("cannot read the project file: no such file; expected a YAML project file such as flightdeck.yaml")
        }
        guard !isDirectory.boolValue else {
            return failure("cannot read the project file: it is a directory; expected a YAML project file such as flightdeck.yaml")
        }
        guard manager.isReadableFile(atPath: path), let data = manager.contents(atPath: path) else {
            return failure("cannot read the project file: permission denied or read error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let decoded = String(decoding: data, as: UTF8.self)
            let prefix = decoded.unicodeScalars.prefix { $0 != "\u{FFFD}" }
            let lines = YAMLComposer.lines(of: String(String.UnicodeScalarView(prefix)))
            return .failure(ProjectErrors([ProjectError(file: path, line: lines.count, column: (lines.last?.count ?? 0) + 1,
                                                        message: "invalid UTF-8; expected a UTF-8 text file")]))
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        return parse(text: text, source: path, directory: absolute.deletingLastPathComponent().path, builtins: builtins)
    }

    /// Validates project-file text. `source` names it in errors; `directory`
    /// is where shell steps run and outputs resolve (nil: a temporary one).
    public static func parse(text: String, source: String, directory: String?, builtins: [String]) -> Result<ProjectSpec, ProjectErrors> {
        var diagnostics = ProjectDiagnostics(source: source, text: text, builtins: builtins)
        var project = ProjectSpec(name: "", source: source, directory: directory)
        let root: YAMLNode
        switch YAMLComposer.compose(text) {
        case .empty:
            diagnostics.error("the project file is empty; expected a mapping with at least project: NAME", at: .start)
            return .failure(ProjectErrors(diagnostics.errors))
        case .syntaxError(let position, let message):
            diagnostics.error(message, at: position)
            return .failure(ProjectErrors(diagnostics.errors))
        case .document(let node):
            root = node
        }
        guard case .mapping(let entries) = root.kind else {
            let found = root.scalar?.type == .null ? "nothing" : root.found
            diagnostics.error("expected a mapping of top-level keys (\(topLevelKeys.joined(separator: ", "))), found \(found)", at: root)
            return .failure(ProjectErrors(diagnostics.errors))
        }
        let known = diagnostics.knownKeys(entries, allowed: topLevelKeys, place: "the project file")
        for section in sections {
            if let entry = known.first(where: { $0.key == section.key })?.entry {
                section.read(entry.value, into: &project, diagnostics: &diagnostics)
            } else if let form = section.requiredForm {
                diagnostics.error("missing key '\(section.key)'; expected \(form) at the top level", at: root)
            }
        }
        AlertsSection.checkTriggers(of: project, diagnostics: &diagnostics)
        guard diagnostics.errors.isEmpty else { return .failure(ProjectErrors(diagnostics.errors)) }
        project.warnings = diagnostics.formattedWarnings
        return .success(project)
    }

    /// The embedded demo project (``EmbeddedDemo/text``), validated.
    public static func embeddedDemo(builtins: [String]) -> Result<ProjectSpec, ProjectErrors> {
        parse(text: EmbeddedDemo.text, source: embeddedDemoSource, directory: nil, builtins: builtins)
    }
}
