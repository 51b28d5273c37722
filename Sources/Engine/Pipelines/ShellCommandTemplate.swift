/// Turns a step's `run` text and `env` into what the shell launcher gets,
/// without ever pasting a parameter's value into command text.
///
/// - In `run`, `${params.NAME}` becomes a quoted expansion of the variable
///   `FLIGHTDECK_PARAM_<NAME>` (upper case, `-` as `_`), quoted for where it
///   stands: `"${FLIGHTDECK_PARAM_ROWS}"` outside quotes, the bare expansion
///   inside double quotes (already quoted there), and `'"${…}"'` inside
///   single quotes (close, expand quoted, reopen). So the shell sees a
///   variable, and a value such as `; rm -rf /` stays data.
/// - In `env` values, `${params.NAME}` is replaced by the value itself (the
///   environment is not parsed by a shell).
/// - Every parameter is exported as `FLIGHTDECK_PARAM_<NAME>`.
///
/// A name that is not a bound parameter expands to an unset variable in
/// `run` and to the empty string in `env` (validation rejects such names
/// before anything runs).
enum ShellCommandTemplate {
    static let prefix = "${params."

    /// The environment variable a parameter is exported as.
    static func variableName(_ param: String) -> String {
        "FLIGHTDECK_PARAM_" + String(param.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// `run` with every `${params.NAME}` made a quoted variable expansion.
    static func command(_ text: String) -> String {
        guard text.contains(prefix) else { return text }
        enum Quote { case none, single, double }
        var quote = Quote.none
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if text[index...].hasPrefix(prefix), let close = text[index...].firstIndex(of: "}") {
                let name = String(text[text.index(index, offsetBy: prefix.count)..<close])
                let expansion = "${\(variableName(name))}"
                switch quote {
                case .none: result += "\"\(expansion)\""
                case .double: result += expansion
                case .single: result += "'\"\(expansion)\"'"
                }
                index = text.index(after: close)
                continue
            }
            result.append(character)
            switch (quote, character) {
            case (.none, "\\"), (.double, "\\"):
                // Copy the escaped character as is.
                let next = text.index(after: index)
                if next < text.endIndex {
                    result.append(text[next])
                    index = text.index(after: next)
                    continue
                }
            case (.none, "'"): quote = .single
            case (.single, "'"): quote = .none
            case (.none, "\""): quote = .double
            case (.double, "\""): quote = .none
            default: break
            }
            index = text.index(after: index)
        }
        return result
    }

    /// An `env` value with every `${params.NAME}` replaced by its value.
    static func environmentValue(_ text: String, params: [ParamBinding]) -> String {
        guard text.contains(prefix) else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: prefix) {
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else { break }
            result += rest[..<start.lowerBound]
            let name = String(rest[start.upperBound..<close])
            result += params.first { $0.name == name }?.value ?? ""
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    /// The request for one attempt of a shell step: the step's `env` (with
    /// parameters substituted), then every parameter, then
    /// `FLIGHTDECK_RUN_ID`, `FLIGHTDECK_STEP`, `FLIGHTDECK_ATTEMPT`.
    static func request(for step: StepSpec, command: String, key: AttemptKey, params: [ParamBinding], workingDirectory: String) -> ShellRequest {
        var environment: [EnvironmentEntry] = step.env.map {
            EnvironmentEntry(name: $0.name, value: environmentValue($0.value, params: params))
        }
        for param in params {
            environment.append(EnvironmentEntry(name: variableName(param.name), value: param.value))
        }
        environment.append(EnvironmentEntry(name: "FLIGHTDECK_RUN_ID", value: String(key.run.value)))
        environment.append(EnvironmentEntry(name: "FLIGHTDECK_STEP", value: key.step))
        environment.append(EnvironmentEntry(name: "FLIGHTDECK_ATTEMPT", value: String(key.attempt)))
        return ShellRequest(key: key, command: self.command(command), environment: environment,
                            workingDirectory: workingDirectory, timeout: step.timeout)
    }
}
