import XCTest
@testable import Engine

/// Hyperparameters: defaults, ranges and reading them from run params.
final class TrainingParametersTests: XCTestCase {
    func testDefaults() {
        let standard = TrainingParameters.standard
        XCTAssertEqual(standard.l2, 1e-4)
        XCTAssertEqual(standard.maxIterations, 200)
        XCTAssertEqual(standard.tolerance, 1e-6)
        XCTAssertEqual(standard.optimizer, .lbfgs)
        XCTAssertEqual(try TrainingParameters(), standard)
    }

    func testBindingsAreReadAndOthersIgnored() throws {
        let parameters = try TrainingParameters(bindings: [
            ParamBinding(name: "rows", value: "5000"),
            ParamBinding(name: "l2", value: " 0.01 "),
            ParamBinding(name: "max_iterations", value: "50"),
            ParamBinding(name: "optimizer", value: "gradient_descent"),
            ParamBinding(name: "learning_rate", value: "0.3"),
        ])
        XCTAssertEqual(parameters, try TrainingParameters(l2: 0.01, maxIterations: 50, optimizer: .gradientDescent, learningRate: 0.3))
        XCTAssertEqual(try TrainingParameters(bindings: []), .standard)
    }

    func testBadValuesAreRefusedWithTheParameterName() {
        let cases: [(String, String, String)] = [
            ("l2", "-1", "must be a finite number >= 0"),
            ("l2", "lots", "\"lots\" is not a number"),
            ("max_iterations", "0", "must be at least 1"),
            ("max_iterations", "2.5", "\"2.5\" is not a whole number"),
            ("tolerance", "0", "must be a finite number > 0"),
            ("optimizer", "adam", "\"adam\" is not lbfgs or gradient_descent"),
            ("learning_rate", "inf", "must be a finite number > 0"),
        ]
        for (name, value, reason) in cases {
            XCTAssertThrowsError(try TrainingParameters(bindings: [ParamBinding(name: name, value: value)])) {
                XCTAssertEqual($0 as? LearningError, .invalidParameter(name: name, reason: reason), "\(name)=\(value)")
            }
        }
    }
}
