import Engine
import Foundation
import TUICore
import XCTest
@testable import ControlRoom

/// A corpus of hostile strings (escape sequences, C0/C1 controls, bidi
/// overrides, zero-width and wide characters, very long lines) put into every
/// place user text reaches the screen; every screen is rendered at 120x40
/// and 80x24 and no cell may hold ESC, a C0 or C1 control, DEL or a bidi
/// control, and no escape sequence's payload (`PWN`) may show.
final class HostileTextTests: XCTestCase {
    /// Each string hides `PWN` inside an escape sequence's payload only.
    static let corpus: [String] = [
        "csi \u{1B}[31;1mred\u{1B}[0m \u{1B}[2J\u{1B}[H\u{1B}[10;10H\u{1B}[?1049h\u{1B}[PWNm",
        "title \u{1B}]0;PWN title\u{07} st \u{1B}]2;PWN\u{1B}\\ done",
        "link \u{1B}]8;;http://PWN.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
        "dcs \u{1B}P+qPWN\u{1B}\\ apc \u{1B}_PWN\u{1B}\\ pm \u{1B}^PWN\u{1B}\\ sos \u{1B}XPWN\u{1B}\\",
        "c1 \u{9B}31mPWN-is-not-hidden-by-CSI-alone \u{9D}0;PWN\u{07} \u{90}PWN\u{9C} \u{85}\u{84}\u{9F}",
        "bel\u{07} bs\u{08}\u{08} cr\r del\u{7F} nul\u{0} vt\u{0B} ff\u{0C} tab\tend",
        "bidi \u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{200F}rlm\u{200E} zw\u{200B}\u{200D}\u{2060}\u{FEFF}",
        "wide 日本語テキスト 🚀🔥 combining e\u{301}\u{302}\u{303} a\u{20DD}",
        String(repeating: "long-line-", count: 2_000),
    ].map { $0.replacingOccurrences(of: "PWN-is-not-hidden-by-CSI-alone", with: "visible") }

    static var joined: String { corpus.joined(separator: " | ") }

    // MARK: - Screens

    func testNoControlCharacterReachesAnyScreen() throws {
        let snapshot = try hostileSnapshot()
        for (name, state) in try states(snapshot) {
            for (width, height) in [(120, 40), (80, 24)] {
                let buffer = ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: .unicode),
                                                   width: width, height: height)
                assertClean(buffer, "\(name) \(width)x\(height)")
            }
        }
    }

    func testStepLogThroughTheRealShellIsClean() throws {
        let engine = try shellEngine()
        let snapshot = engine.snapshot()
        let run = try XCTUnwrap(snapshot.runs.first)
        XCTAssertEqual(run.state, .succeeded, "the hostile step did not run")
        var state = UIState(screen: .pipelines)
        state.pipelines.pane = .log
        state.pipelines.pipeline = "p"
        state.pipelines.run = run.id
        state.pipelines.step = "s"
        state.pipelines.followLog = false
        let tail = try engine.logTail(run: run.id, step: "s", limit: 500)
        XCTAssertFalse(tail.isEmpty, "the step's output was captured")
        for (width, height) in [(120, 40), (80, 24)] {
            let buffer = ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: .unicode),
                                               width: width, height: height, logTail: tail)
            assertClean(buffer, "shell log \(width)x\(height)")
            if width == 120 { XCTAssertTrue(buffer.lines.joined().contains("title"), buffer.lines.joined(separator: "\n")) }
        }
    }

    // MARK: - Checks

    private func assertClean(_ buffer: CellBuffer, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        for cell in buffer.cells {
            let value = cell.scalar.value
            let bad = value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            if bad {
                XCTFail("\(name): U+\(String(value, radix: 16)) on screen", file: file, line: line)
                return
            }
        }
        let text = buffer.lines.joined(separator: "\n")
        XCTAssertFalse(text.contains("PWN"), "\(name): an escape sequence's payload on screen:\n\(text)", file: file, line: line)
        XCTAssertFalse(text.contains("[31"), "\(name): a CSI's parameters on screen:\n\(text)", file: file, line: line)
    }

    // MARK: - Fixtures

    /// The monitoring fixture's snapshot with hostile text in every free
    /// text: events, alerts, alert history, CT stories, deployments and their
    /// traffic changes, store errors, models (descriptions, tags, params,
    /// reasons) and runs (params, user).
    private func hostileSnapshot() throws -> EngineSnapshot {
        var snapshot = try MonitoringFixture.snapshot()
        let corpus = Self.corpus
        func hostile(_ index: Int) -> String { corpus[index % corpus.count] }
        snapshot.recentEvents = snapshot.recentEvents.enumerated().map { index, event in
            var event = event
            event.message += " " + hostile(index)
            return event
        }
        snapshot.alerts = snapshot.alerts.enumerated().map { index, alert in
            var alert = alert
            alert.message += " " + hostile(index)
            alert.description = hostile(index + 1)
            alert.acknowledgedBy = hostile(index + 2)
            return alert
        }
        snapshot.alertHistory = snapshot.alertHistory.enumerated().map { index, entry in
            var entry = entry
            entry.message += " " + hostile(index)
            entry.actor = hostile(index + 3)
            return entry
        }
        snapshot.stories = snapshot.stories.enumerated().map { index, story in
            var story = story
            story.chapters = story.chapters.enumerated().map { offset, chapter in
                var chapter = chapter
                chapter.text += " " + hostile(index + offset)
                return chapter
            }
            story.marks = story.marks.map { $0 + hostile(index) }
            return story
        }
        snapshot.deployments = snapshot.deployments.enumerated().map { index, deployment in
            var deployment = deployment
            deployment.reason += " " + hostile(index)
            deployment.description = hostile(index + 1)
            deployment.analysisVerdict = deployment.analysisVerdict.map { $0 + hostile(index + 2) }
            deployment.recentChanges = deployment.recentChanges.enumerated().map { offset, change in
                var change = change
                change.why += " " + hostile(index + offset)
                change.who = hostile(index + offset + 1)
                return change
            }
            return deployment
        }
        snapshot.storeError = hostile(0)
        snapshot.registryStoreError = hostile(1)
        snapshot.servingStoreError = hostile(2)
        let registry = try modelsEngine().snapshot()
        snapshot.models = registry.models
        snapshot.pendingApprovals = registry.pendingApprovals
        snapshot.recentEvents += registry.recentEvents
        let pipelines = try pipelinesEngine().snapshot()
        snapshot.pipelines = pipelines.pipelines
        snapshot.runs = pipelines.runs
        snapshot.recentEvents += pipelines.recentEvents
        snapshot.totalEventCount = snapshot.recentEvents.count
        return snapshot
    }

    /// Every screen, with its panes and details open, the help overlay, a
    /// dialog with hostile text and a hostile status line.
    private func states(_ snapshot: EngineSnapshot) throws -> [(String, UIState)] {
        var states: [(String, UIState)] = []
        for screen in Screen.allCases {
            states.append(("\(screen)", UIState(screen: screen)))
        }
        for pane in [PipelinesPane.pipelines, .runs, .steps, .log] {
            var state = UIState(screen: .pipelines)
            state.pipelines.pane = pane
            state.pipelines.pipeline = "retrain"
            state.pipelines.run = snapshot.runs.first?.id
            states.append(("pipelines \(pane)", state))
        }
        for model in snapshot.models {
            for version in model.versions {
                var state = UIState(screen: .models)
                state.models.pane = .versions
                state.models.model = model.id
                state.models.version = version.version.version
                states.append(("models \(model.id) v\(version.version.version)", state))
            }
        }
        for deployment in snapshot.deployments {
            var state = UIState(screen: .deployments)
            state.deployments.deployment = deployment.id
            states.append(("deployment \(deployment.id)", state))
        }
        var help = UIState(screen: .overview)
        help.mode = .help
        states.append(("help", help))
        var dialog = UIState(screen: .models)
        dialog.dialog = .confirm(ConfirmDialog(title: Self.corpus[1], message: Self.corpus, command: .pause))
        dialog.mode = .dialog
        states.append(("dialog", dialog))
        var status = UIState(screen: .events)
        status.status = StatusMessage(Self.joined, isError: true)
        states.append(("status", status))
        return states
    }

    private func modelsEngine() throws -> Engine {
        let engine = try Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 7), project: ModelsFixture.project())
        engine.advance(to: SimTime(sinceEpoch: .hours(1)))
        let corpus = Self.corpus
        for (index, text) in corpus.enumerated() {
            var lineage = ModelsFixture.lineage(run: Int64(index + 1), rows: 1000, hash: "abc\(index)")
            lineage.params = [ParamBinding(name: "p\(index)", value: text)]
            lineage.codeVersion = text
            _ = try engine.registerModelVersion(model: "fraud", lineage: lineage,
                                                metrics: ModelsFixture.metrics(auc: 0.9, accuracy: 0.9, logLoss: 0.3),
                                                artifact: ModelsFixture.artifact("v\(index)"), description: text, tags: [text])
            let identity = ModelsFixture.identity(text)
            // The unvalidated path: text that got into the store some other way.
            if index % 2 == 0 {
                _ = engine.apply(.approve(model: "fraud", version: index + 1, reason: text, identity: identity))
                _ = engine.apply(.approve(model: "fraud", version: index + 1, reason: text, identity: ModelsFixture.identity("bo")))
                _ = engine.apply(.moveAlias(model: "fraud", alias: "staging", version: index + 1, by: text, reason: text))
            } else {
                _ = engine.apply(.reject(model: "fraud", version: index + 1, reason: text, identity: identity))
            }
        }
        engine.advance(to: SimTime(sinceEpoch: .hours(2)))
        return engine
    }

    private func pipelinesEngine() throws -> Engine {
        let engine = try Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 7), project: PipelinesFixture.project())
        for text in Self.corpus {
            _ = engine.apply(.trigger(pipeline: "retrain", params: [ParamBinding(name: "region", value: text)], by: text))
        }
        engine.advance(to: SimTime(milliseconds: 10 * 60_000))
        return engine
    }

    /// A real shell step printing the corpus (and raw bytes that are not UTF-8).
    private func shellEngine() throws -> Engine {
        var script = ""
        for text in Self.corpus.prefix(8) {
            script += "printf '%b\\n' '" + text.utf8.map { String(format: "\\0%03o", $0) }.joined() + "'\n"
        }
        script += "printf 'raw \\233\\061m \\377\\376 \\302\\233[2J end\\n'\n"
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let scriptPath = work.appendingPathComponent("hostile.sh").path
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let project = ProjectSpec(name: "evil", pipelines: [PipelineSpec(id: "p", steps: [StepSpec(id: "s", action: .shell("sh \(scriptPath)"))])])
        let engine = try Engine(configuration: EngineConfiguration(projectName: "evil", seed: 1), project: project,
                                shell: ProcessShellLauncher(), workingDirectory: work.path)
        _ = engine.apply(.trigger(pipeline: "p", params: [], by: nil))
        engine.runUntilIdle(maxTime: SimTime(milliseconds: 60_000), waitForShell: true)
        return engine
    }
}
