/// The version of the project's code, for the run history.
public enum CodeVersion {
    /// `git describe --always --dirty --tags` run in `directory`; nil when
    /// it is not a git repository, git is missing, or it takes more than
    /// about 2 seconds. Never throws.
    public static func describe(directory: String) -> String? {
        let launcher = ProcessShellLauncher()
        let key = AttemptKey(run: RunID(0), step: "git-describe", attempt: 1)
        launcher.launch(ShellRequest(
            key: key,
            command: "exec git describe --always --dirty --tags",
            environment: [EnvironmentEntry(name: "GIT_OPTIONAL_LOCKS", value: "0"),
                          EnvironmentEntry(name: "GIT_TERMINAL_PROMPT", value: "0"),
                          EnvironmentEntry(name: "LC_ALL", value: "C")],
            workingDirectory: directory,
            timeout: .milliseconds(1_700),
            killGrace: .milliseconds(200)))
        var firstLine: String?
        // The launcher ends the process within 1.9 s; the deadline is a backstop.
        let deadline = Posix.monotonicNanoseconds() + 2_000_000_000
        while Posix.monotonicNanoseconds() < deadline {
            _ = launcher.waitForEvent(milliseconds: 100)
            for event in launcher.drain() {
                switch event {
                case .output(_, .stdout, let line, _):
                    if firstLine == nil { firstLine = line }
                case .output:
                    break
                case .finished(_, let outcome):
                    guard outcome.succeeded, let version = firstLine?.trimmingSpaces(), !version.isEmpty else { return nil }
                    return version
                }
            }
        }
        return nil
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
