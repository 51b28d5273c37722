import XCTest
@testable import Engine

/// A project with the model `fraud` and one deployment `api` whose body
/// starts on line 6 (indented by 4); its `data:` comes last.
enum DeploymentTestSupport {
    static let data = "data:\n  features:\n    amount: {normal: {mean: 50, sd: 20}}\n  label: {intercept: -1, weights: {amount: 0.02}}\n"

    static func project(_ body: String) -> String {
        "project: demo\nmodels:\n  fraud: {policy: manual}\ndeployments:\n  api:\n" + body + "\n" + data
    }

    /// A deployment body with `strategy` (one line, indented by 4) and a
    /// real-time mode of `rate` per second.
    static func body(strategy: String, rate: String = "50", extra: String = "") -> String {
        "    model: fraud\n    mode: {realtime: {rate: \(rate)}}\n" + extra + strategy
    }

    static func errors(_ body: String) -> [String] {
        ProjectTestSupport.errors(project(body))
    }

    static func deployment(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> DeploymentSpec? {
        ProjectTestSupport.spec(project(body), file: file, line: line)?.deployments.first
    }

    static func warnings(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        ProjectTestSupport.spec(project(body), file: file, line: line)?.warnings ?? ["<errors>"]
    }
}
