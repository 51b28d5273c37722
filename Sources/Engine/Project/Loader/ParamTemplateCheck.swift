/// Checks every `${params.NAME}` in `run` and `env` values names a declared
/// param, pointing at the `$` of the reference.
enum ParamTemplateCheck {
    static let prefix = Array("${params.".unicodeScalars)

    /// The references in `text`: the scalar offset of each `${`, and the
    /// name (nil when the closing `}` is missing).
    static func references(in text: String) -> [(offset: Int, name: String?)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(offset: Int, name: String?)] = []
        var index = 0
        while index + prefix.count <= scalars.count {
            guard Array(scalars[index..<(index + prefix.count)]) == prefix else {
                index += 1
                continue
            }
            let nameStart = index + prefix.count
            if let close = scalars[nameStart...].firstIndex(of: "}") {
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[nameStart..<close])
                result.append((index, String(name)))
                index = close + 1
            } else {
                result.append((index, nil))
                index = scalars.count
            }
        }
        return result
    }

    static func check(_ steps: [StepSource], params: [ParamSpec], pipeline: String, diagnostics d: inout ProjectDiagnostics) {
        let names = params.map(\.name)
        for step in steps {
            for (label, node) in step.templated {
                guard let text = node.scalar?.text else { continue }
                for reference in references(in: text) {
                    let position = d.position(in: node, offset: reference.offset)
                    guard let name = reference.name else {
                        d.error("\(label): unterminated ${params.; expected ${params.NAME}", at: position)
                        continue
                    }
                    guard !names.contains(name) else { continue }
                    let hint = DidYouMean.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" }
                        ?? (names.isEmpty ? "; pipeline '\(pipeline)' declares no params" : "; declared params: \(names.joined(separator: ", "))")
                    d.error("\(label): unknown param '\(name)' in ${params.\(name)}\(hint)", at: position)
                }
            }
        }
    }
}
