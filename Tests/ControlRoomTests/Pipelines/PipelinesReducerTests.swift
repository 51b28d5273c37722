import Engine
import TUICore
import XCTest
@testable import ControlRoom

final class PipelinesReducerTests: XCTestCase {
    private var engine: Engine!

    override func setUpWithError() throws {
        engine = try PipelinesFixture.engine()
    }

    private func press(_ keys: [KeyEvent], _ state: inout UIState) -> [EngineCommand] {
        keys.flatMap { key -> [EngineCommand] in
            let context = ControlRoomView.reducerContext(snapshot: engine.snapshot(), state: state, user: "alice")
            return Reducer.handle(key, state: &state, context: context)
        }
    }

    func testEnterDrillsFromPipelineToRunToStepToLogAndEscapeBacksOut() {
        var state = UIState(screen: .pipelines)
        _ = press([.enter], &state)
        XCTAssertEqual(state.pipelines.pane, .runs)
        XCTAssertEqual(state.pipelines.pipeline, "retrain")
        _ = press([.enter], &state)
        XCTAssertEqual(state.pipelines.pane, .steps)
        XCTAssertNotNil(state.pipelines.run)
        _ = press([.enter], &state)
        XCTAssertEqual(state.pipelines.pane, .log)
        XCTAssertEqual(state.pipelines.step, "train", "the failed step is the one picked first")
        _ = press([.escape, .escape, .left], &state)
        XCTAssertEqual(state.pipelines.pane, .pipelines)
    }

    func testSelectionMovesWithinTheFocusedPane() {
        var state = UIState(screen: .pipelines)
        _ = press([.char("j")], &state)
        XCTAssertEqual(state.pipelines.pipeline, "report")
        _ = press([.char("j")], &state)
        XCTAssertEqual(state.pipelines.pipeline, "report", "clamped at the last pipeline")
        _ = press([.char("k"), .enter, .enter, .char("g")], &state)
        XCTAssertEqual(state.pipelines.step, "sample")
        _ = press([.char("j"), .char("j")], &state)
        XCTAssertEqual(state.pipelines.step, "train")
    }

    func testTriggerOpensAFormWithDefaultsAndSendsTypedParams() {
        var state = UIState(screen: .pipelines)
        _ = press([.char("t")], &state)
        guard case .trigger(let form) = state.dialog else { return XCTFail("no trigger dialog") }
        XCTAssertEqual(form.fields.map(\.input.text), ["20000", "eu"])
        // A non-integer for an integer parameter is refused in the dialog.
        _ = press([.ctrl("u")] + "lots".map { .char($0) } + [.enter], &state)
        guard case .trigger(let refused) = state.dialog else { return XCTFail("dialog closed on a bad value") }
        XCTAssertEqual(refused.error, "rows: 'lots' is not a integer")
        let commands = press([.ctrl("u"), .char("5"), .tab, .ctrl("u"), .char("u"), .char("s"), .enter], &state)
        XCTAssertEqual(commands, [.trigger(pipeline: "retrain", params: [ParamBinding(name: "rows", value: "5"), ParamBinding(name: "region", value: "us")], by: "alice")])
        XCTAssertEqual(state.mode, .normal)
    }

    func testCancelAsksFirstAndRerunDoesNot() {
        var state = UIState(screen: .pipelines)
        let run = engine.snapshot().runs.first { $0.pipeline == "retrain" }!.id
        XCTAssertEqual(press([.char("c")], &state), [])
        XCTAssertEqual(state.mode, .dialog)
        XCTAssertEqual(press([.char("n")], &state), [])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(press([.char("c"), .char("y")], &state), [.cancelRun(run, by: "alice")])
        XCTAssertEqual(press([.char("r")], &state), [.rerunFromFailure(run, by: "alice")])
    }

    func testMarkAndClearActOnTheSelectedStep() {
        var state = UIState(screen: .pipelines)
        let run = engine.snapshot().runs.first { $0.pipeline == "retrain" }!.id
        XCTAssertEqual(press([.char("m")], &state), [])
        XCTAssertEqual(press([.char("x")], &state), [], "keys other than s/f/Esc do nothing in the mark dialog")
        XCTAssertEqual(press([.char("s")], &state), [.markStep(run, step: "train", succeeded: true, by: "alice")])
        XCTAssertEqual(press([.char("x")], &state), [.clearStep(run, step: "train", by: "alice")])
    }

    func testFollowLogToggleAndScrollBack() {
        var state = UIState(screen: .pipelines)
        _ = press([.enter, .enter, .enter], &state)
        XCTAssertTrue(state.pipelines.followLog)
        _ = press([.char("k"), .char("k")], &state)
        XCTAssertEqual(state.pipelines.logOffset, 2)
        XCTAssertFalse(state.pipelines.followLog)
        _ = press([.char("l")], &state)
        XCTAssertTrue(state.pipelines.followLog)
        XCTAssertEqual(state.pipelines.logOffset, 0)
    }
}
