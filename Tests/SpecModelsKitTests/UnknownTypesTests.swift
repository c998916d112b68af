import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// `unknownTypes: jsonValue`: a Type cell or member heading no reader can read becomes
/// `JSONValue` with a warning, so one odd construct never costs the other models.
final class UnknownTypesTests: XCTestCase {
    static let docs: [String: String] = [
        "components/order.md": """
            # Order

            ## Fields

            | Field | Type | Required | Description |
            | ----- | ---- | -------- | ----------- |
            | `id` | *string* | :heavy_check_mark: | The ID. |
            | `amount` | *BigAmount* | :heavy_check_mark: | The amount. |
            | `lines` | *string*[[ | :heavy_minus_sign: | The lines. |
            | `receipt` | [Receipt](https://example.com/receipt) | :heavy_minus_sign: | A receipt. |
            | `payment` | [components.Payment](../../models/components/payment.md) | :heavy_check_mark: | The payment. |
            | `status` | [components.Status](../../models/components/status.md) | :heavy_minus_sign: | The status. |
            """,
        "components/payment.md": """
            # Payment

            ## Supported Types

            ### `components.Card`

            ### 

            ### `string | `
            """,
        "components/card.md": """
            # Card

            ## Fields

            | Field | Type | Required |
            | ----- | ---- | -------- |
            | `number` | *string* | :heavy_check_mark: |
            """,
        "components/status.md": "# Status\n\nIts values were never written down.\n",
    ]

    private static func files() -> [SpecSource.File] {
        docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(docs[$0, default: ""].utf8)) }
    }

    private static func messages(_ result: Generator.Result) -> [String] {
        result.diagnostics.sorted.map(\.description)
    }

    func testByDefaultEachUnreadableTypeIsAnError() {
        let result = Generator.generate(Self.files())
        XCTAssertEqual(Self.messages(result), [
            "components/order.md:8:15: error: unknown type `BigAmount`: no model doc declares it (built-in types are string, number, boolean, any, Date, RFCDate, File, Blob, Record<string, T>, T[])",
            "components/order.md:9:21: error: cannot read the type `*string*[[`: unexpected `[` after the type",
            "components/order.md:10:15: error: link to `https://example.com/receipt` is not a model doc: types link to `.md` files in the spec",
            "components/payment.md:7:5: error: empty member heading: under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`",
            "components/payment.md:9:15: error: member heading `string | ` is not a type: the type ends too early; under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`",
            "components/status.md:1:1: error: `Status` has no `## Fields`, `## Values` or `## Supported Types` section, so its shape is unknown: add one",
        ])
        XCTAssertTrue(result.files.isEmpty)
    }

    func testWithJSONValueEachIsAWarningAndTheRestIsGenerated() throws {
        let result = Generator.generate(Self.files(), unknownTypes: .jsonValue)
        let note = "; it becomes `JSONValue` (unknownTypes: jsonValue)"
        XCTAssertEqual(Self.messages(result), [
            "components/order.md:8:15: warning: unknown type `BigAmount`: no model doc declares it\(note)",
            "components/order.md:9:21: warning: cannot read the type `*string*[[`: unexpected `[` after the type\(note)",
            "components/order.md:10:15: warning: link to `https://example.com/receipt` is not a model doc: types link to `.md` files in the spec\(note)",
            "components/payment.md:7:5: warning: empty member heading: under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`\(note)",
            "components/payment.md:9:15: warning: member heading `string | ` is not a type: the type ends too early; under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`\(note)",
            "components/status.md:1:1: warning: `Status` has no `## Fields`, `## Values` or `## Supported Types` section, so its shape is unknown: add one; it becomes an alias of `JSONValue` (unknownTypes: jsonValue)",
        ])
        let order = try XCTUnwrap(result.graph.models.first { $0.name == "Order" })
        guard case .object(let properties) = order.shape else { return XCTFail("Order is an object") }
        XCTAssertEqual(properties.map(\.name), ["id", "amount", "lines", "receipt", "payment", "status"])
        XCTAssertEqual(properties.map { $0.type == .any }, [false, true, true, true, false, true])
        let payment = try XCTUnwrap(result.graph.models.first { $0.name == "Payment" })
        guard case .union(let members) = payment.shape else { return XCTFail("Payment is a union") }
        XCTAssertEqual(members.map(\.isUnreadable), [false, true, true])
        // The doc without a shape is a `JSONValue` alias: code that names it compiles.
        let status = try XCTUnwrap(result.files.first { $0.name == "components.status.swift" })
        XCTAssertTrue(status.contents.hasSuffix("""
            import Foundation

            /// Its values were never written down.
            ///
            /// The docs give this type no `## Fields`, `## Values` or `## Supported Types`, so it holds any JSON.
            public typealias Status = JSONValue

            """), status.contents)

        // The unreadable members hold what no member that can be read decodes.
        let run = try TestSupport.compileAndRun(result.files, main: """
            import Foundation
            let card = try JSONDecoder().decode(Payment.self, from: Data(#"{"number": "4242"}"#.utf8))
            let other = try JSONDecoder().decode(Payment.self, from: Data(#"[1, "a"]"#.utf8))
            let order = try JSONDecoder().decode(Order.self, from: Data(#"{"id": "o", "amount": "12.50", "payment": 7, "status": "open"}"#.utf8))
            let status: Status? = order.status
            print(card, other, order.amount, order.payment, status.map { "\\($0)" } ?? "nil", separator: "\\n")
            """, in: self)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput.split(separator: "\n").map(String.init), [
            "card(Program.Card(number: \"4242\"))",
            "unknown([1,\"a\"])",
            "\"12.50\"",
            "unknown(7)",
            "\"open\"",
        ])
    }

    /// A doc whose section cannot be read at all (here, its Required cells) is an alias of
    /// `JSONValue` under `jsonValue`, with the reader's errors as warnings; an error by default.
    func testADocWhoseSectionCannotBeReadBecomesAnAlias() throws {
        let refund = """
            # Refund

            A refund of an order.

            ## Fields

            | Field | Type | Required | Description |
            | ----- | ---- | -------- | ----------- |
            | `id` | *string* | yes | The ID. |
            | `order` | [components.Order](../../models/components/order.md) | :heavy_check_mark: | The order. |
            """
        let order = """
            # Order

            ## Fields

            | Field | Type | Required | Description |
            | ----- | ---- | -------- | ----------- |
            | `id` | *string* | :heavy_check_mark: | The ID. |
            | `refund` | [components.Refund](../../models/components/refund.md) | :heavy_minus_sign: | Its refund. |
            """
        let files = [("components/order.md", order), ("components/refund.md", refund)].map {
            SpecSource.File(relativePath: $0.0, displayPath: $0.0, bytes: Array($0.1.utf8))
        }
        XCTAssertEqual(Self.messages(Generator.generate(files)), [
            "components/refund.md:9:21: error: unknown Required marker `yes`: expected :heavy_check_mark: (required) or :heavy_minus_sign: (optional)",
        ])

        let result = Generator.generate(files, unknownTypes: .jsonValue)
        XCTAssertEqual(Self.messages(result), [
            "components/refund.md:9:21: warning: unknown Required marker `yes`: expected :heavy_check_mark: (required) or :heavy_minus_sign: (optional); `Refund` becomes an alias of `JSONValue` (unknownTypes: jsonValue)",
        ])
        let alias = try XCTUnwrap(result.files.first { $0.name == "components.refund.swift" })
        XCTAssertTrue(alias.contents.hasSuffix("""
            /// A refund of an order.
            ///
            /// SpecModels could not read this type's section in the docs, so it holds any JSON.
            public typealias Refund = JSONValue

            """), alias.contents)
        let run = try TestSupport.compileAndRun(result.files, main: """
            import Foundation
            let order = try JSONDecoder().decode(Order.self, from: Data(#"{"id": "o", "refund": {"id": "r", "amount": 5}}"#.utf8))
            let refund: Refund? = order.refund
            print(order.id, refund.map { "\\($0)" } ?? "nil")
            """, in: self)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, "o {\"amount\":5,\"id\":\"r\"}\n")
    }

    func testTheSettingIsReadFromTheConfiguration() throws {
        var diagnostics = Diagnostics()
        let configuration = try XCTUnwrap(ConfigurationFile.parse("unknownTypes: jsonValue\n", path: "specmodels.yml", diagnostics: &diagnostics))
        XCTAssertEqual(configuration.unknownTypes?.value, .jsonValue)
        let result = Generator.generate(Self.files(), configuration: configuration)
        XCTAssertFalse(result.diagnostics.hasErrors)
        XCTAssertEqual(result.files.count, 5, "Order, Payment, Card, the alias Status and the support file")
        // `--unknown-types error` overrides the file.
        XCTAssertTrue(Generator.generate(Self.files(), unknownTypes: .error, configuration: configuration).diagnostics.hasErrors)
    }
}
