import XCTest
@testable import Engine

/// CSV writing and reading of datasets.
final class DatasetCSVTests: XCTestCase {
    private let schema = DatasetSchema(features: [
        FeatureSchema(name: "amount", kind: .numeric),
        FeatureSchema(name: "merchant", kind: .categorical(["online", "store"])),
    ])

    private func error(_ text: String) -> String {
        do {
            _ = try Dataset(csv: text, schema: schema)
            return "no error"
        } catch {
            return error.description
        }
    }

    func testWritesAHeaderAndOneLinePerRow() throws {
        let data = try Dataset(schema: schema, columns: [.numeric([50, .nan, 0.1, -2.5e-7]), .categorical([0, 1, -1, 0])],
                               labels: [1, 0, 0, 1], drawnAt: .zero)
        XCTAssertEqual(data.csv(), "amount,merchant,label\n50.0,online,1\n,store,0\n0.1,,0\n-2.5e-07,online,1\n")
    }

    func testRoundTripIsExact() throws {
        var spec = DataTestSupport.fraudSpec
        spec.features[0].nulls = 0.05
        spec.features[1].nulls = 0.05
        spec.features.append(FeatureSpec(name: "ratio", distribution: .numeric(.lognormal(mu: -3, sigma: 2))))
        let data = DataTestSupport.sample(spec, rows: 3_000, at: SimTime(milliseconds: 42))
        let read = try Dataset(csv: data.csv(), schema: data.schema, drawnAt: data.drawnAt)
        XCTAssertEqual(read, data)
        XCTAssertEqual(read.contentHash(), data.contentHash())
        XCTAssertEqual(try Dataset(csv: data.csv().replacingOccurrences(of: "\n", with: "\r\n"), schema: data.schema, drawnAt: data.drawnAt), data)
    }

    func testQuotedFields() throws {
        let odd = DatasetSchema(features: [FeatureSchema(name: "a,b", kind: .categorical(["say \"hi\"", "x"]))])
        let data = try Dataset(schema: odd, columns: [.categorical([0, 1])], labels: [0, 1], drawnAt: .zero)
        XCTAssertEqual(data.csv(), "\"a,b\",label\n\"say \"\"hi\"\"\",0\nx,1\n")
        XCTAssertEqual(try Dataset(csv: data.csv(), schema: odd), data)
    }

    func testReadErrorsNameTheLine() {
        XCTAssertEqual(error(""), "line 1: expected the header amount,merchant,label, found nothing")
        XCTAssertEqual(error("amount,label\n"), "line 1: expected the header amount,merchant,label, found amount,label")
        XCTAssertEqual(error("amount,merchant,label\n1,online,1\nabc,online,0\n"), "line 3: amount: expected a number, found 'abc'")
        XCTAssertEqual(error("amount,merchant,label\n1,shop,1\n"), "line 2: merchant: unknown category 'shop'; expected one of online, store")
        XCTAssertEqual(error("amount,merchant,label\n1,online\n"), "line 2: expected 3 fields, found 2")
        XCTAssertEqual(error("amount,merchant,label\n1,online,yes\n"), "line 2: label: expected 0 or 1, found 'yes'")
        XCTAssertEqual(error("amount,merchant,label\n1,\"online,1\n"), "line 2: a quoted field is not closed; expected a closing \"")
        XCTAssertEqual(error("amount,merchant,label\n1,\"online\"x,1\n"), "line 2: expected a comma or line end after a closing quote, found 'x'")
    }

    func testEmptyDatasetHasOnlyTheHeader() throws {
        let data = try Dataset(schema: schema, columns: [.numeric([]), .categorical([])], labels: [], drawnAt: .zero)
        XCTAssertEqual(data.csv(), "amount,merchant,label\n")
        XCTAssertEqual(try Dataset(csv: "amount,merchant,label", schema: schema), data)
    }
}
