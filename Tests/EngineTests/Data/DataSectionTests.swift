import XCTest
@testable import Engine

/// The `data:` section of the project file: the spec it gives and every
/// class of mistake, each with its line and column.
final class DataSectionTests: XCTestCase {
    /// Errors of a project whose `data:` section is `body` (indented by two
    /// spaces; its first line is line 3 of the file).
    private func errors(_ body: String) -> [String] {
        ProjectTestSupport.errors("project: demo\ndata:\n" + body)
    }

    private let minimalLabel = "  label: {intercept: 0}\n"

    func testFullSection() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        data:
          features:
            amount: {normal: {mean: 50, sd: 20}, min: 0, nulls: 0.01}
            delay: {lognormal: {median: 30, sigma: 0.5}, max: 600}
            score: {uniform: {min: -1, max: 1}}
            share: {beta: {a: 2, b: 5}}
            gap: {exponential: {mean: 4}}
            merchant: {categorical: {online: 0.6, store: 0.3, atm: 0.1}, nulls: 0.02}
          label: {intercept: -3, weights: {amount: 0.02, merchant=online: 1.0, merchant=crypto: 2}, noise: 0.2}
          drift:
            - {gradual: amount, from: 2h, to: 6h, to_params: {mean: 80, nulls: 0.1}}
            - {sudden: delay, at: 3h, to_params: {median: 60}}
            - {seasonal: amount, amplitude: {mean: 10}, period: 12h, phase: 1.5}
            - {seasonal: merchant, amplitude: {online: 0.1}}
            - {new_category: merchant, category: crypto, at: 4h, probability: 0.1}
            - {concept: {weights: {amount: 0.04}, intercept: -2.5}, at: 8h}
            - {concept: {noise: 0.5}, from: 10h, to: 12h}
        """))
        let data = try XCTUnwrap(spec.data)
        XCTAssertEqual(data.features.map(\.name), ["amount", "delay", "score", "share", "gap", "merchant"])
        XCTAssertEqual(data.features[0], FeatureSpec(name: "amount", distribution: .numeric(.normal(mean: 50, sd: 20)), min: 0, nulls: 0.01))
        XCTAssertEqual(data.features[1], FeatureSpec(name: "delay", distribution: .numeric(.lognormal(mu: PortableMath.log(30), sigma: 0.5)), max: 600))
        XCTAssertEqual(data.features[2].distribution, .numeric(.uniform(min: -1, max: 1)))
        XCTAssertEqual(data.features[3].distribution, .numeric(.beta(a: 2, b: 5)))
        XCTAssertEqual(data.features[4].distribution, .numeric(.exponential(mean: 4)))
        XCTAssertEqual(data.features[5], FeatureSpec(name: "merchant", distribution: .categorical(CategoricalDistribution(
            categories: ["online", "store", "atm"], probabilities: [0.6, 0.3, 0.1])), nulls: 0.02))
        XCTAssertEqual(data.label, LabelRule(intercept: -3, weights: [
            LabelWeight(feature: "amount", weight: 0.02),
            LabelWeight(feature: "merchant", category: "online", weight: 1),
            LabelWeight(feature: "merchant", category: "crypto", weight: 2),
        ], noise: 0.2))
        XCTAssertEqual(data.drift, [
            .gradual(feature: "amount", from: .hours(2), to: .hours(6), targets: [ParameterValue("mean", 80), ParameterValue("nulls", 0.1)]),
            .sudden(feature: "delay", at: .hours(3), targets: [ParameterValue("mu", PortableMath.log(60))]),
            .seasonal(feature: "amount", amplitudes: [ParameterValue("mean", 10)], period: .hours(12), phase: 1.5),
            .seasonal(feature: "merchant", amplitudes: [ParameterValue("online", 0.1)], period: .days(1), phase: 0),
            .newCategory(feature: "merchant", category: "crypto", at: .hours(4), probability: 0.1),
            .concept(LabelChange(intercept: -2.5, weights: [LabelWeight(feature: "amount", weight: 0.04)]), .at(.hours(8))),
            .concept(LabelChange(noise: 0.5), .between(.hours(10), .hours(12))),
        ])
        XCTAssertEqual(data.schema.features[5].kind, .categorical(["online", "store", "atm", "crypto"]))
    }

    func testDataIsOptionalAndLabelPartsDefault() throws {
        XCTAssertNil(try XCTUnwrap(ProjectTestSupport.spec("project: demo\n")).data)
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\ndata:\n  features:\n    x: {exponential: {mean: 1}}\n  label: {}\n"))
        XCTAssertEqual(spec.data, DataSpec(features: [FeatureSpec(name: "x", distribution: .numeric(.exponential(mean: 1)))],
                                           label: LabelRule(intercept: 0)))
    }

    func testSectionShape() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\ndata: [1]\n"),
                       ["2:7: data: expected a mapping with features, label and optionally drift, found a list"])
        XCTAssertEqual(errors("  features: {x: {normal: {mean: 0, sd: 1}}}\n" + minimalLabel + "  drfit: []\n"),
                       ["5:3: unknown key 'drfit' in data; did you mean 'drift'?"])
        XCTAssertEqual(errors(minimalLabel), ["3:3: data: missing key 'features'; expected features: {NAME: {normal: {mean: NUMBER, sd: NUMBER}}, ...}"])
        XCTAssertEqual(errors("  features: {x: {normal: {mean: 0, sd: 1}}}\n"),
                       ["3:3: data: missing key 'label'; expected label: {intercept: NUMBER, weights: {FEATURE: NUMBER, FEATURE=CATEGORY: NUMBER}, noise: NUMBER}"])
        XCTAssertEqual(errors("  features: {}\n" + minimalLabel),
                       ["3:13: features: expected at least one feature like amount: {normal: {mean: 50, sd: 20}}, found an empty mapping"])
    }

    func testFeatureMistakes() {
        XCTAssertEqual(errors("""
          features:
            Amount: {normal: {mean: 0, sd: 1}}
            label: {normal: {mean: 0, sd: 1}}
            a: 5
            b: {normal: {mean: 0, sd: 1}, uniform: {min: 0, max: 1}}
            c: {min: 0}
            d: {normall: {mean: 0, sd: 1}}
            e: {categorical: {x: 1}, min: 0}
            f: {normal: {mean: 0, sd: 1}, min: 5, max: 5, nulls: 2}
            f: {normal: {mean: 0, sd: 1}}
        \(minimalLabel)
        """), [
            "4:5: invalid feature id 'Amount'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit",
            "5:5: feature name 'label' is reserved for the label column; expected another name",
            "6:8: feature 'a': expected a mapping with a distribution (normal, lognormal, uniform, beta, exponential or categorical), found '5'",
            "7:35: uniform: feature 'b' already has the distribution normal (at 7:9); expected one distribution",
            "8:5: feature 'c' has no distribution; expected one of normal, lognormal, uniform, beta, exponential or categorical",
            "9:9: unknown key 'normall' in feature 'd'; did you mean 'normal'?",
            "10:35: min: 'e' is categorical (at 10:9); expected min and max only on numeric features",
            "11:48: max: expected max above min, found min 5 and max 5",
            "11:58: nulls: expected a number from 0 to 1, found 2",
            "12:5: duplicate feature 'f' in features (first at 11:5); expected each feature once",
        ].sorted(by: Self.byPosition))
    }

    func testDistributionParameterMistakes() {
        XCTAssertEqual(errors("""
          features:
            a: {normal: {mean: 0}}
            b: {normal: {mean: 0, sdd: 1}}
            c: {normal: {mean: x, sd: -1}}
            d: {lognormal: {mu: 1, median: 3, sigma: 1}}
            e: {lognormal: {median: 0, sigma: 1}}
            f: {uniform: {min: 2, max: 1}}
            g: {beta: {a: 0, b: 1}}
            h: {exponential: {mean: -2}}
            i: {normal: 5}
        \(minimalLabel)
        """), [
            "4:17: normal: missing sd; expected {mean: NUMBER, sd: NUMBER}",
            "5:27: unknown key 'sdd' in normal; did you mean 'sd'?",
            "6:24: normal.mean: expected a number, found 'x'",
            "6:31: normal.sd: expected a number >= 0, found -1",
            "7:28: median: lognormal already has mu (at 7:21); expected mu or median, not both",
            "8:29: lognormal.median: expected a number above 0, found 0",
            "9:18: uniform: expected max above min, found min 2 and max 1",
            "10:19: beta.a: expected a number above 0, found 0",
            "11:29: exponential.mean: expected a number above 0, found -2",
            "12:17: normal: expected {mean: NUMBER, sd: NUMBER}, found '5'",
        ])
    }

    func testCategoricalMistakes() {
        XCTAssertEqual(errors("""
          features:
            a: {categorical: {}}
            b: {categorical: {x: 0.5, y: 0.4}}
            c: {categorical: {X: 0.5, nulls: 0.5}}
            d: {categorical: {x: 1.5, y: -0.5}}
            e: {categorical: [x, y]}
        \(minimalLabel)
        """), [
            "4:22: categorical: expected at least one category with its probability, found an empty mapping",
            "5:22: categorical: probabilities sum to 0.9; expected them to sum to 1",
            "6:23: invalid category id 'X'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit",
            "6:31: category name 'nulls' is reserved (drift uses it for the share of missing values); expected another name",
            "7:26: categorical.x: expected a number from 0 to 1, found 1.5",
            "7:34: categorical.y: expected a number from 0 to 1, found -0.5",
            "8:22: categorical: expected a mapping of categories to probabilities like {online: 0.6, store: 0.4}, found a list",
        ])
    }

    private let features = """
      features:
        amount: {normal: {mean: 50, sd: 20}}
        merchant: {categorical: {online: 0.6, store: 0.4}}

    """

    func testLabelMistakes() {
        XCTAssertEqual(errors(features + "  label: 5\n"),
                       ["6:10: label: expected a mapping like {intercept: -3, weights: {amount: 0.02}, noise: 0.2}, found '5'"])
        XCTAssertEqual(errors(features + """
          label:
            intercpt: 1
            noise: -1
            weights: {amout: 1, amount=x: 1, merchant: 1, merchant=onlin: 1, merchant=store: y, amount: 1, amount: 2}
        """), [
            "7:5: unknown key 'intercpt' in label; did you mean 'intercept'?",
            "8:12: label.noise: expected a number >= 0, found -1",
            "9:15: label.weights: unknown feature 'amout'; did you mean 'amount'?",
            "9:25: label.weights: 'amount' is numeric; expected amount without =CATEGORY",
            "9:38: label.weights: 'merchant' is categorical; expected merchant=CATEGORY (one of online, store)",
            "9:51: label.weights: unknown category 'onlin' of 'merchant'; did you mean 'online'?",
            "9:86: label.weights.merchant=store: expected a number, found 'y'",
            "9:100: duplicate weight 'amount' in label.weights (first at 9:89); expected each weight once",
        ])
    }

    func testDriftItemMistakes() {
        XCTAssertEqual(errors(features + minimalLabel + """
          drift:
            - 5
            - {from: 1h}
            - {gradual: amount, sudden: amount, from: 1h, to: 2h, to_params: {mean: 1}}
            - {gradual: amount, at: 1h, from: 1h, to: 2h, to_params: {mean: 1}}
            - {gradual: amount, to: 2h, to_params: {mean: 1}}
            - {sudden: amont, at: 1h, to_params: {mean: 1}}
            - {sudden: amount, at: 1.5h, to_params: {mean: 1}}
            - {gradual: amount, from: 3h, to: 2h, to_params: {mean: 1}}
            - {sudden: amount, at: 1h, atx: 2, to_params: {mean: 1}}
        """), [
            "8:7: drift item 1: expected a mapping like {sudden: amount, at: 3h, to_params: {mean: 80}}, found '5'",
            "9:7: drift item 2: expected one of gradual, sudden, seasonal, new_category or concept with the feature it changes",
            "10:25: sudden: drift item 3 is already a gradual drift (at 10:8); expected one kind per item",
            "11:25: at: not used by a gradual drift; expected {gradual: FEATURE, from: TIME, to: TIME, to_params: {PARAM: VALUE}}",
            "12:7: drift item 5: gradual drift needs from; expected {gradual: FEATURE, from: TIME, to: TIME, to_params: {PARAM: VALUE}}",
            "13:16: sudden: unknown feature 'amont'; did you mean 'amount'?",
            "14:29: at: invalid duration '1.5h': expected a whole number with a unit (write 1h30m, not 1.5h)",
            "15:39: to: expected a time after from (3h), found 2h",
            "16:32: unknown key 'atx' in drift item 9; did you mean 'at'?",
        ].sorted(by: Self.byPosition))
    }

    func testDriftParameterMistakes() {
        XCTAssertEqual(errors(features + minimalLabel + """
          drift:
            - {sudden: amount, at: 1h, to_params: {mena: 1}}
            - {sudden: amount, at: 1h, to_params: {sd: -1, nulls: 2}}
            - {sudden: amount, at: 1h, to_params: {}}
            - {sudden: merchant, at: 1h, to_params: {online: 2, shop: 0.1}}
            - {seasonal: amount, amplitude: {mean: x}, period: 0s, phase: y}
            - {seasonal: merchant}
        """), [
            "8:44: unknown key 'mena' in to_params of 'amount'; did you mean 'mean'?",
            "9:48: to_params.sd: expected a number >= 0, found -1",
            "9:59: to_params.nulls: expected a number from 0 to 1, found 2",
            "10:43: to_params: expected at least one parameter, found an empty mapping",
            "11:54: to_params.online: expected a number from 0 to 1, found 2",
            "11:57: unknown key 'shop' in to_params of 'merchant'; expected one of: online, store, nulls",
            "12:44: amplitude.mean: expected a number, found 'x'",
            "12:56: period: expected a duration above 0s, found '0s'",
            "12:67: phase: expected a number, found 'y'",
            "13:7: drift item 6: seasonal drift needs amplitude; expected {seasonal: FEATURE, amplitude: {PARAM: VALUE}, period: DURATION, phase: RADIANS}",
        ].sorted(by: Self.byPosition))
    }

    func testNewCategoryAndConceptMistakes() {
        XCTAssertEqual(errors(features + minimalLabel + """
          drift:
            - {new_category: amount, category: crypto, at: 1h, probability: 0.1}
            - {new_category: merchant, category: online, at: 1h, probability: 0.1}
            - {new_category: merchant, category: crypto, at: 1h, probability: 1}
            - {new_category: merchant, category: crypto, at: 2h, probability: 0.2}
            - {concept: {weights: {amount: 1}}}
            - {concept: {weights: {amount: 1}}, at: 1h, from: 1h, to: 2h}
            - {concept: {}, at: 1h}
            - {concept: {weight: {amount: 1}}, at: 1h}
            - {concept: {weights: {merchant=crypto: 1, merchant=bank: 1}, noise: -1}, at: 1h}
        """), [
            "8:22: new_category: 'amount' is numeric; expected a categorical feature",
            "9:42: category: 'online' is already a category of 'merchant'; expected a new one",
            "10:71: probability: expected a number above 0 and below 1, found 1",
            "11:42: category: 'crypto' of 'merchant' is already introduced at 10:42; expected each new category once",
            "12:7: drift item 5: concept drift needs a time; expected at: TIME, or from: TIME and to: TIME",
            "13:55: drift item 6: concept drift has both at and from/to; expected at: TIME, or from: TIME and to: TIME",
            "14:17: concept: expected at least one of intercept, weights or noise, found an empty mapping",
            "15:18: unknown key 'weight' in concept; did you mean 'weights'?",
            "16:48: concept.weights: unknown category 'bank' of 'merchant'; expected one of online, store, crypto",
            "16:74: concept.noise: expected a number >= 0, found -1",
        ].sorted(by: Self.byPosition))
    }

    private static func byPosition(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> (Int, Int) {
            let parts = text.split(separator: ":").prefix(2).map { Int($0) ?? 0 }
            return (parts[0], parts[1])
        }
        return key(a) < key(b)
    }
}
