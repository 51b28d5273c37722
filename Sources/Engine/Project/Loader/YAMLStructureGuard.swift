import CYaml

/// Checks the shape of project-file text before it is composed, so hostile
/// input gives a clear error instead of exhausting the stack or memory.
///
/// Yams composes recursively (one call per nesting level, so 100,000 levels
/// of `[` overflow the stack) and resolves aliases by copying (so a "billion
/// laughs" file of nested aliases expands exponentially). This guard walks
/// libyaml's event stream iteratively and stops at:
/// - text longer than ``maxBytes``;
/// - nesting deeper than ``maxDepth`` (aliases count with the depth of what
///   they refer to);
/// - more than ``maxNodes`` nodes once aliases are expanded.
///
/// A syntax error ends the walk without a verdict: the composer reports it.
enum YAMLStructureGuard {
    /// The longest project file accepted, in UTF-8 bytes (16 MiB).
    static let maxBytes = 16 << 20
    /// The deepest nesting of mappings and sequences accepted. Real project
    /// files nest fewer than 10 levels.
    static let maxDepth = 100
    /// The most nodes (scalars, mappings, sequences) a file may hold with its
    /// aliases expanded. The embedded demo has about 1,500.
    static let maxNodes = 250_000

    /// Where and why the text is refused, or nil when it may be composed.
    static func problem(in text: String) -> (SourcePosition, String)? {
        let byteCount = text.utf8.count
        if byteCount > maxBytes {
            return (.start, "the project file is \(byteCount) bytes; expected at most \(maxBytes) bytes (16 MiB)")
        }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var walk = Walk()
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                let verdict: String?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    walk.startDocument()
                    verdict = nil
                case YAML_SCALAR_EVENT:
                    verdict = walk.scalar(anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    verdict = walk.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT:
                    verdict = walk.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    walk.close()
                    verdict = nil
                case YAML_ALIAS_EVENT:
                    verdict = walk.alias(name(event.data.alias.anchor))
                default:
                    verdict = nil
                }
                if let verdict { return (position, verdict) }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// The running counts of one document.
    private struct Walk {
        /// An open collection: its anchor, the nodes inside it so far and
        /// the deepest nesting below it.
        struct Frame {
            var anchor: String?
            var nodes: Int
            var depthBelow: Int
        }

        /// What an anchor refers to: its node count and nesting depth.
        var anchors: [String: (nodes: Int, depth: Int)] = [:]
        var stack: [Frame] = []
        var total = 0

        mutating func startDocument() {
            anchors = [:]
            stack = []
            total = 0
        }

        mutating func scalar(anchor: String?) -> String? {
            if let anchor { anchors[anchor] = (1, 0) }
            if let problem = check(nodes: 1, depth: 0) { return problem }
            addToParent(nodes: 1, depth: 0)
            return nil
        }

        mutating func open(anchor: String?) -> String? {
            if let problem = check(nodes: 1, depth: 1) { return problem }
            stack.append(Frame(anchor: anchor, nodes: 1, depthBelow: 0))
            return nil
        }

        mutating func close() {
            guard let frame = stack.popLast() else { return }
            if let anchor = frame.anchor { anchors[anchor] = (frame.nodes, frame.depthBelow + 1) }
            addToParent(nodes: frame.nodes, depth: frame.depthBelow + 1)
        }

        mutating func alias(_ anchor: String?) -> String? {
            // An unknown anchor is a composer error, reported by Yams.
            guard let anchor, let target = anchors[anchor] else { return nil }
            if let problem = check(nodes: target.nodes, depth: target.depth, alias: anchor) { return problem }
            addToParent(nodes: target.nodes, depth: target.depth)
            return nil
        }

        private mutating func addToParent(nodes: Int, depth: Int) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].nodes += nodes
            stack[stack.count - 1].depthBelow = max(stack[stack.count - 1].depthBelow, depth)
        }

        /// Counts `nodes` more nodes, nesting `depth` levels below the
        /// current place; the problem when a limit is passed.
        private mutating func check(nodes: Int, depth: Int, alias: String? = nil) -> String? {
            total += nodes
            if total > YAMLStructureGuard.maxNodes {
                let through = alias.map { " (alias *\($0) expands to \(nodes) values)" } ?? ""
                return "the project file holds more than \(YAMLStructureGuard.maxNodes) values with its aliases expanded\(through); "
                    + "expected a project file of ordinary size (is this an alias bomb?)"
            }
            if stack.count + depth > YAMLStructureGuard.maxDepth {
                return "mappings and lists nested more than \(YAMLStructureGuard.maxDepth) levels deep; "
                    + "expected a project file nested at most \(YAMLStructureGuard.maxDepth) levels"
            }
            return nil
        }
    }
}
