import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// `wireKeys`, `keyOverrides` and `nullable` in `specmodels.yml`: read from YAML, checked
/// against a small spec, and settled on the graph's properties by `TypeGraph.applying(_:)`.
final class WireConfigurationTests: XCTestCase {
    static let docs: [String: String] = [
        "models/components/account.md": """
            # Account

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `id` | *string* | :heavy_check_mark: | The ID. |
            | `createdAt` | *string* | :heavy_check_mark: | When it was made. |
            | `addressLine1` | *string* | :heavy_minus_sign: | The first line. |
            | `links` | *string* | :heavy_minus_sign: | HAL links. |
            """,
        "models/components/clash.md": """
            # Clash

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `fooBar` | *string* | :heavy_check_mark: |
            | `foo_bar` | *string* | :heavy_check_mark: |
            """,
    ]

    private func graph(_ docs: [String: String] = docs) -> TypeGraph {
        var diagnostics = Diagnostics()
        let files = docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(docs[$0, default: ""].utf8)) }
        let graph = Generator.buildGraph(from: files, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.description), [])
        return graph
    }

    /// Parses and resolves `yaml`; the settled graph and every diagnostic.
    private func resolve(_ yaml: String, docs: [String: String] = docs) -> (TypeGraph, [String]) {
        var diagnostics = Diagnostics()
        let graph = graph(docs)
        guard let configuration = ConfigurationFile.parse(yaml, path: "specmodels.yml", diagnostics: &diagnostics) else {
            return (graph, diagnostics.sorted.map(\.description))
        }
        let options = configuration.resolve(against: graph, diagnostics: &diagnostics)
        return (graph.applying(options.wire), diagnostics.sorted.map(\.description))
    }

    /// `name: wireKey (nullable)` for each field of the model.
    private func fields(_ model: String, in graph: TypeGraph) -> [String] {
        guard let node = graph.models.first(where: { $0.qualifiedName == model }), case .object(let properties) = node.shape else { return [] }
        return properties.map { "\($0.name): \($0.wireKey)\($0.isNullable ? " (nullable)" : "")" }
    }

    func testReadsWireKeysAndNullable() {
        var diagnostics = Diagnostics()
        let configuration = ConfigurationFile.parse(
            "wireKeys: snake_case\nnullable:\n  - Account.createdAt\n  - Account.id\n", path: "specmodels.yml", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.description), [])
        let location = { (line: Int, column: Int) in SourceLocation(file: "specmodels.yml", line: line, column: column) }
        XCTAssertEqual(configuration, Configuration(
            wireKeys: .init(.snakeCase, at: location(1, 11)),
            nullable: [.init("Account.createdAt", at: location(3, 5)), .init("Account.id", at: location(4, 5))]))
    }

    func testWithoutSettingsTheKeysAreTheDocumentedNames() {
        let (graph, diagnostics) = resolve("")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(fields("components.Account", in: graph), ["id: id", "createdAt: createdAt", "addressLine1: addressLine1", "links: links"])
    }

    func testStyleThenOverridesThenNullable() {
        let (graph, diagnostics) = resolve("""
            wireKeys: snake_case
            keyOverrides:
              Account.links: _links
              Clash.foo_bar: foo__bar
            nullable: [Account.createdAt]
            """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(fields("components.Account", in: graph), [
            "id: id", "createdAt: created_at (nullable)", "addressLine1: address_line1", "links: _links",
        ])
        XCTAssertEqual(fields("components.Clash", in: graph), ["fooBar: foo_bar", "foo_bar: foo__bar"])
    }

    func testApplyingIsSettledByTheLastSettings() {
        let (styled, _) = resolve("wireKeys: PascalCase\nnullable: [Account.id]\n")
        XCTAssertEqual(fields("components.Account", in: styled).prefix(2), ["id: Id (nullable)", "createdAt: CreatedAt"])
        let back = styled.applying(WireSettings())
        XCTAssertEqual(fields("components.Account", in: back), fields("components.Account", in: graph()))
    }

    func testUnknownStyleSuggestsOne() {
        let (_, diagnostics) = resolve("wireKeys: snake-case\n")
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:1:11: error: `wireKeys` must be `documented`, `snake_case`, `PascalCase`, `kebab-case` or `camelCase`, found `snake-case`; did you mean `snake_case`?",
        ])
        let (_, others) = resolve("wireKeys: [snake_case]\nnullable: Account.id\n")
        XCTAssertEqual(others, [
            "specmodels.yml:1:11: error: `wireKeys` must be `documented`, `snake_case`, `PascalCase`, `kebab-case` or `camelCase`; found a list",
            "specmodels.yml:2:11: error: `nullable` must be a list of fields (`Type.field`); found the string `Account.id`",
        ])
    }

    /// Listing an optional field makes it three-state (absent, `null` or a value); the
    /// additional properties have no key to be `null`, so listing them is a warning.
    func testNullableErrorsAndOptionalFieldsBecomeThreeState() {
        var docs = Self.docs
        docs["models/components/bag.md"] = """
            # Bag

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `label` | *string* | :heavy_minus_sign: |
            | `additionalProperties` | Record<string, *string*> | :heavy_minus_sign: |
            """
        let (graph, diagnostics) = resolve("""
            nullable:
              - Account.createdat
              - Acount.id
              - Account.links
              - Account.id
              - Account.id
              - Bag.additionalProperties
            """, docs: docs)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:5: error: `components.Account` has no field `createdat`; did you mean `createdAt`?",
            "specmodels.yml:3:5: error: unknown type `Acount`; did you mean `Account`?",
            "specmodels.yml:6:5: error: `components.Account.id` is already listed at line 5",
            "specmodels.yml:7:5: warning: `components.Bag.additionalProperties` holds the object's other keys and has no key of its own, so it cannot be `null`; `nullable` changes nothing for it",
        ])
        XCTAssertEqual(fields("components.Account", in: graph), ["id: id (nullable)", "createdAt: createdAt", "addressLine1: addressLine1", "links: links (nullable)"])
        XCTAssertEqual(fields("components.Bag", in: graph), ["label: label", "additionalProperties: additionalProperties"])
        guard case .object(let properties) = graph.models.first(where: { $0.name == "Account" })?.shape else { return XCTFail("no Account") }
        XCTAssertEqual(properties.filter(\.isThreeState).map(\.name), ["links"])
    }

    func testAStyleThatGivesTwoFieldsOneKeyIsAnError() {
        let (_, diagnostics) = resolve("wireKeys: snake_case\n")
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:1:11: error: `foo_bar` would be the wire key of both `fooBar` and `foo_bar` of `components.Clash` (by `wireKeys: snake_case`); give one of them its key with `keyOverrides`",
        ])
    }

    /// A required field the docs' examples show as `null` is nullable: in its own doc's
    /// example, or nested in another's, through fields, arrays and maps.
    func testExamplesShowNullableFields() {
        let docs = [
            "models/components/invoice.md": """
                # Invoice

                ## Example Usage

                ```typescript
                let value: Invoice = {
                  number: null,
                  note: null,
                  lines: [{ sku: "a", discount: 1 }, { sku: "b", discount: null }],
                  byRegion: { eu: { sku: null, discount: 2 } },
                  customer: { name: "n", vatId: null },
                };
                ```

                ## Fields

                | Field | Type | Required |
                | --- | --- | --- |
                | `number` | *string* | :heavy_check_mark: |
                | `note` | *string* | :heavy_minus_sign: |
                | `lines` | [components.Line](../../models/components/line.md)[] | :heavy_check_mark: |
                | `byRegion` | Record<string, [components.Line](../../models/components/line.md)> | :heavy_minus_sign: |
                | `customer` | [components.Customer](../../models/components/customer.md) | :heavy_check_mark: |
                """,
            "models/components/line.md": """
                # Line

                ## Example Usage

                ```typescript
                let value: Line = { sku: "a", discount: 3 };
                ```

                ## Fields

                | Field | Type | Required |
                | --- | --- | --- |
                | `sku` | *string* | :heavy_check_mark: |
                | `discount` | *number* | :heavy_check_mark: |
                """,
            "models/components/customer.md": """
                # Customer

                ## Fields

                | Field | Type | Required |
                | --- | --- | --- |
                | `name` | *string* | :heavy_check_mark: |
                | `vatId` | *string* | :heavy_minus_sign: |
                """,
        ]
        let graph = graph(docs)
        XCTAssertEqual(fields("components.Invoice", in: graph), [
            "number: number (nullable)", "note: note", "lines: lines", "byRegion: byRegion", "customer: customer",
        ])
        XCTAssertEqual(fields("components.Line", in: graph), ["sku: sku (nullable)", "discount: discount (nullable)"])
        XCTAssertEqual(fields("components.Customer", in: graph), ["name: name", "vatId: vatId"])
    }

    /// An example that names an enum member still shows its nulls.
    func testExamplesNamingEnumMembersShowNullableFields() {
        let graph = graph([
            "models/shared/server.md": """
                # Server

                ## Example Usage

                ```typescript
                import { Server, ServerStatus } from "@sdk/models/shared";

                let value: Server = { status: ServerStatus.Online, owner: null };
                ```

                ## Fields

                | Field | Type | Required |
                | --- | --- | --- |
                | `status` | [shared.ServerStatus](../../models/shared/serverstatus.md) | :heavy_check_mark: |
                | `owner` | *string* | :heavy_check_mark: |
                """,
            "models/shared/serverstatus.md": """
                # ServerStatus

                ## Values

                | Name      | Value    |
                | --------- | -------- |
                | `Online`  | online   |
                | `Offline` | offline  |
                """,
        ])
        XCTAssertEqual(fields("shared.Server", in: graph), ["status: status", "owner: owner (nullable)"])
    }
}
