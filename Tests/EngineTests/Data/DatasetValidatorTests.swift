import XCTest
@testable import Engine

/// `validate`: schema, ranges, categories and null shares, one line each.
final class DatasetValidatorTests: XCTestCase {
    private let spec = DataSpec(
        features: [
            FeatureSpec(name: "amount", distribution: .numeric(.normal(mean: 50, sd: 20)), min: 0, max: 100),
            FeatureSpec(name: "merchant", distribution: .categorical(CategoricalDistribution(categories: ["online", "store"], probabilities: [0.5, 0.5]))),
        ],
        label: LabelRule(intercept: 0),
        drift: [.newCategory(feature: "merchant", category: "crypto", at: .hours(1), probability: 0.1)])

    private func dataset(_ schema: DatasetSchema, _ columns: [DatasetColumn]) throws -> Dataset {
        try Dataset(schema: schema, columns: columns, labels: [UInt8](repeating: 0, count: columns.first?.count ?? 0), drawnAt: .zero)
    }

    func testSampledDataPasses() {
        var spec = DataTestSupport.fraudSpec
        spec.features[0].nulls = 0.01
        let dataset = DataTestSupport.sample(spec, rows: 5_000)
        XCTAssertEqual(DatasetValidator.validate(dataset, against: spec), [])
    }

    func testRangesAndNullShare() throws {
        let amounts: [Double] = [-3.5, -1, 50, 100.25, .nan, .nan, 7, 8, 9, 10]
        let data = try dataset(spec.schema, [.numeric(amounts), .categorical([0, 1, 2, 0, 0, 0, 0, 0, 0, 0])])
        let issues = DatasetValidator.validate(data, against: spec, maxNullShare: 0.1)
        XCTAssertEqual(issues.map(\.description), [
            "amount: 2 values below min 0 (lowest -3.5)",
            "amount: 1 value above max 100 (highest 100.25)",
            "amount: 20% nulls (limit 10%)",
        ])
        XCTAssertEqual(issues.map(\.kind), [.belowMinimum, .aboveMaximum, .tooManyNulls])
        XCTAssertEqual(issues.map(\.feature), ["amount", "amount", "amount"])
        XCTAssertEqual(DatasetValidator.validate(data, against: spec, maxNullShare: 0.2).count, 2, "a share at the limit passes")
    }

    func testNullShareMessageWithDecimals() throws {
        var spec = DataTestSupport.fraudSpec
        spec.features[0].nulls = 0.072
        let data = DataTestSupport.sample(spec, rows: 1_000)
        let share = try XCTUnwrap(data.summary(of: "amount")).nullShare
        let issues = DatasetValidator.validate(data, against: spec)
        XCTAssertEqual(issues.map(\.description), ["amount: \(NumberText.percent(share)) nulls (limit 5%)"])
        XCTAssertEqual(NumberText.percent(0.072), "7.2%")
        XCTAssertEqual(NumberText.percent(0.05), "5%")
        XCTAssertEqual(NumberText.percent(0.05041), "5.04%")
    }

    func testSchemaProblems() throws {
        let schema = DatasetSchema(features: [
            FeatureSchema(name: "merchant", kind: .numeric),
            FeatureSchema(name: "extra", kind: .categorical(["a"])),
        ])
        let data = try dataset(schema, [.numeric([1, 2]), .categorical([0, 0])])
        XCTAssertEqual(DatasetValidator.validate(data, against: spec).map(\.description), [
            "amount: missing column (expected numeric)",
            "merchant: expected a categorical column, found numeric",
            "extra: unexpected column (not in the data spec)",
        ])
    }

    func testUnknownCategoriesAndEmptyDatasets() throws {
        let schema = DatasetSchema(features: [
            FeatureSchema(name: "amount", kind: .numeric),
            FeatureSchema(name: "merchant", kind: .categorical(["online", "crypto", "atm", "bank"])),
        ])
        let data = try dataset(schema, [.numeric([1, 2, 3, 4]), .categorical([0, 1, 2, 2])])
        XCTAssertEqual(DatasetValidator.validate(data, against: spec).map(\.description), [
            "merchant: 2 rows with unknown category 'atm'",
        ], "crypto is known through drift; bank has no rows")
        let empty = try dataset(spec.schema, [.numeric([]), .categorical([])])
        XCTAssertEqual(DatasetValidator.validate(empty, against: spec).map(\.kind), [.noRows])
    }
}
