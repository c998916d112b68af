import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Each `specmodels.yml` setting on a small spec: YAML in, the generated Swift (or the
/// diagnostics) out.
final class ConfigurationTests: XCTestCase {
    /// Four namespaces' worth of docs: a connection that refers to a component enum, a message
    /// with the corpus' `operationId` field, an error type and an unreferenced component.
    static let docs: [String: String] = [
        "models/operations/connection.md": """
            # Connection

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `id` | *string* | :heavy_check_mark: | The connection ID. |
            | `retries` | *number* | :heavy_check_mark: | How often it was retried. |
            | `createTime` | [Date](https://developer.mozilla.org/Date) | :heavy_check_mark: | When it was made. |
            | `status` | [components.Status](../../models/components/status.md) | :heavy_minus_sign: | Its state. |
            """,
        "models/operations/message.md": """
            # Message

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `msg` | *string* | :heavy_check_mark: | The message. |
            | `operationId` | *string* | :heavy_minus_sign: | The operation ID. |
            """,
        "models/components/status.md": """
            # Status

            ## Values

            ```typescript
            "working" | "broken"
            ```
            """,
        "models/components/unused.md": """
            # Unused

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `note` | *string* | :heavy_minus_sign: |
            """,
        "models/errors/problem.md": """
            # Problem

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `status` | *number* | :heavy_check_mark: |
            | `detail` | *string* | :heavy_minus_sign: |
            """,
    ]

    /// Generates the docs with a configuration; returns the files by name, and the diagnostics.
    private func generate(_ yaml: String, docs: [String: String] = docs, file: StaticString = #filePath, line: UInt = #line) -> ([String: String], [String]) {
        var diagnostics = Diagnostics()
        guard let configuration = ConfigurationFile.parse(yaml, path: "specmodels.yml", diagnostics: &diagnostics) else {
            XCTFail("the configuration does not parse: \(diagnostics.sorted.map(\.description))", file: file, line: line)
            return ([:], [])
        }
        let files = docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(docs[$0, default: ""].utf8)) }
        let result = Generator.generate(files, configuration: configuration)
        let outputs = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        return (outputs, result.diagnostics.sorted.map(\.description))
    }

    private func source(_ name: String, _ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let (files, diagnostics) = generate(yaml, file: file, line: line)
        XCTAssertEqual(diagnostics, [], file: file, line: line)
        return files["models.\(name).swift"] ?? ""
    }

    private func assertContains(_ text: String, _ fragments: [String], file: StaticString = #filePath, line: UInt = #line) {
        for fragment in fragments {
            XCTAssertTrue(text.contains(fragment), "missing:\n\(fragment)\nin:\n\(text)", file: file, line: line)
        }
    }

    // MARK: accessModifier

    func testAccessModifier() {
        assertContains(source("components.status", "accessModifier: package"), [
            "package enum Status: RawRepresentable, Codable, Hashable, Sendable {",
            "    package init(rawValue: String) {",
        ])
        let internalSource = source("operations.message", "accessModifier: internal")
        assertContains(internalSource, ["\nstruct Message: Codable, Hashable, Sendable {", "    var msg: String"])
        XCTAssertFalse(internalSource.contains("public"))
        assertContains(source("operations.message", ""), ["public struct Message: Codable, Hashable, Sendable {"])
    }

    // MARK: namespaces

    func testNamespacesIncludeAndExclude() {
        let (included, diagnostics) = generate("namespaces:\n  include: [operations, components]\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(included.keys.sorted(), [
            "SpecModels+Support.swift", "models.components.status.swift", "models.components.unused.swift",
            "models.operations.connection.swift", "models.operations.message.swift",
        ])
        let (excluded, _) = generate("namespaces:\n  exclude: [errors, operations]\n")
        XCTAssertEqual(excluded.keys.sorted(), ["SpecModels+Support.swift", "models.components.status.swift", "models.components.unused.swift"])
    }

    func testRootsKeepOnlyWhatTheyReach() {
        let (files, diagnostics) = generate("namespaces:\n  roots: [Connection]\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(files.keys.sorted(), ["SpecModels+Support.swift", "models.components.status.swift", "models.operations.connection.swift"])
    }

    func testLeavingOutAReferencedTypeIsAnError() {
        let (files, diagnostics) = generate("namespaces:\n  exclude: [components]\n")
        XCTAssertEqual(files, [:])
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:13: error: `components.Status` is left out (namespace `components` is excluded), but `operations.Connection` refers to it at models/operations/connection.md:10:3; include it, or leave out the types that refer to it",
        ])
        let (_, withInclude) = generate("namespaces:\n  include: [operations]\n  roots: [Connection, Problem]\n")
        XCTAssertEqual(withInclude, [
            "specmodels.yml:2:3: error: `components.Status` is left out (`include` does not name namespace `components`), but `operations.Connection` refers to it at models/operations/connection.md:10:3; include it, or leave out the types that refer to it",
            "specmodels.yml:3:23: error: root `errors.Problem` is left out: `include` does not name namespace `errors`",
        ])
    }

    func testUnknownNamespacesAndRoots() {
        let (_, diagnostics) = generate("namespaces:\n  include: [operation]\n  roots: [Conection]\n")
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:13: error: unknown namespace `operation`; did you mean `operations`?",
            "specmodels.yml:3:11: error: unknown type `Conection`; did you mean `Connection`?",
        ])
    }

    // MARK: typeOverrides

    func testTypeOverridesForASpellingAndForAField() {
        let connection = source("operations.connection", """
            typeOverrides:
              number: Int
              Connection.createTime: String
            """)
        assertContains(connection, ["    public var retries: Int\n", "    public var createTime: String\n"])
        // The timestamp field is now a plain string: no RFC 3339 coding is left in the file.
        XCTAssertFalse(connection.contains("RFC3339"), connection)
        assertContains(source("errors.problem", "typeOverrides:\n  Problem.status: Int\n"), ["    public var status: Int\n"])
    }

    func testTypeOverrideErrors() {
        let (_, diagnostics) = generate("""
            typeOverrides:
              Date: String
              Connection: Int
              Connection.retrys: Int
              Status.working: Int
              numbr: Int
              Problem.status: "Int; struct X {"
            """)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:3: error: `Date` cannot be replaced everywhere, its coding is fixed; replace it field by field (`Type.field: String`), or replace one of `string`, `number`, `boolean`, `any`",
            "specmodels.yml:3:3: error: `typeOverrides` keys are a spelling (string, number, boolean, any) or a field (`Type.field`); to rename the type `Connection`, use `nameOverrides`",
            "specmodels.yml:4:3: error: `operations.Connection` has no field `retrys`; did you mean `retries`?",
            "specmodels.yml:5:3: error: `components.Status` is an enum; only object types have fields",
            "specmodels.yml:6:3: error: `typeOverrides` keys are a spelling (string, number, boolean, any) or a field (`Type.field`); did you mean `number`?",
            "specmodels.yml:7:19: error: `Int; struct X {` is not a Swift type",
        ])
    }

    // MARK: nameOverrides

    func testNameOverridesRenameTypesAndFields() {
        let (files, diagnostics) = generate("""
            nameOverrides:
              Connection: InstallationConnection
              components.Status: ConnectionStatus
              Connection.createTime: createdAt
            """)
        XCTAssertEqual(diagnostics, [])
        assertContains(files["models.operations.connection.swift", default: ""], [
            "public struct InstallationConnection: Codable, Hashable, Sendable {",
            "    public var createdAt: Date\n",
            "    public var status: ConnectionStatus?\n",
            "        self.createdAt = try container.decodeRFC3339Date(forKey: \"createTime\")",
        ])
        assertContains(files["models.components.status.swift", default: ""], ["public enum ConnectionStatus: RawRepresentable"])
    }

    func testNameOverrideErrors() {
        let (_, diagnostics) = generate("""
            nameOverrides:
              Connection: Message
              Problem: String
              Status: my-status
              Connection.createTime: retries
              Connection.id: self
            """)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:15: error: `Message` is already the Swift name of `operations.Message`",
            "specmodels.yml:3:12: error: `String` would hide the standard library's or the support file's `String`; choose another name",
            "specmodels.yml:4:11: error: `my-status` is not a Swift type name",
            "specmodels.yml:5:26: error: `retries` would name both `retries` and `createTime` of `operations.Connection`",
            "specmodels.yml:6:18: error: `self` cannot name a property",
        ])
    }

    // MARK: keyOverrides

    func testKeyOverrideChangesOnlyTheWireKey() {
        let message = source("operations.message", "keyOverrides:\n  Message.operationId: operation_id\n")
        assertContains(message, [
            "    public var operationId: String?\n",
            "        self.operationId = try container.readIfPresent(String.self, forKey: \"operation_id\")",
            "        try container.writeIfPresent(self.operationId, forKey: \"operation_id\")",
        ])
    }

    /// The real corpus documents `operationId` for a key the API sends as `operation_id`.
    func testKeyOverrideOnTheCorpusMessage() throws {
        let models = try TestSupport.corpusModels("v4")
        var diagnostics = Diagnostics()
        let configuration = ConfigurationFile.parse(
            "keyOverrides:\n  operations.Message.operationId: operation_id\n", path: "specmodels.yml", diagnostics: &diagnostics)
        let result = Generator.generate(specDirectory: models.path, configuration: configuration)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.sorted.prefix(5))")
        let message = try XCTUnwrap(result.files.first { $0.name == "operations.message.swift" }).contents
        XCTAssertTrue(message.contains("forKey: \"operation_id\")"), message)
    }

    func testKeyOverrideErrors() {
        let (_, diagnostics) = generate("""
            keyOverrides:
              Message.operationID: operation_id
              Message.operationId: msg
              Message: id
            """)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:3: error: `operations.Message` has no field `operationID`; did you mean `operationId`?",
            "specmodels.yml:3:24: error: `msg` would be the wire key of both `msg` and `operationId` of `operations.Message`",
            "specmodels.yml:4:3: error: expected `Type.field`, found `Message`",
        ])
    }

    // MARK: conformances

    func testIdentifiableGoesOnlyWhereThereIsAnID() {
        let (files, diagnostics) = generate("conformances:\n  Identifiable: \"*\"\n  CustomStringConvertible: [Status]\n")
        XCTAssertEqual(diagnostics, [])
        assertContains(files["models.operations.connection.swift", default: ""], ["public struct Connection: Codable, Hashable, Sendable, Identifiable {"])
        assertContains(files["models.operations.message.swift", default: ""], ["public struct Message: Codable, Hashable, Sendable {"])
        assertContains(files["models.components.status.swift", default: ""], [
            "public enum Status: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {",
        ])
        // A field renamed to `id` makes a type identifiable.
        let (renamed, _) = generate("nameOverrides:\n  Message.operationId: id\nconformances:\n  Identifiable: [Message]\n")
        assertContains(renamed["models.operations.message.swift", default: ""], ["public struct Message: Codable, Hashable, Sendable, Identifiable {"])
    }

    func testConformanceErrors() {
        let (_, diagnostics) = generate("""
            conformances:
              Identifiable: [Message, Status]
              Hashable: "*"
              "Foo {": [Message]
            """)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:2:18: error: `operations.Message` cannot be `Identifiable`: it has no field whose Swift name is `id`; rename one with `nameOverrides`",
            "specmodels.yml:2:27: error: `components.Status` cannot be `Identifiable`: it has no field whose Swift name is `id`; rename one with `nameOverrides`",
            "specmodels.yml:3:3: warning: every generated type is already `Codable, Hashable, Sendable`; `Hashable` adds nothing",
            "specmodels.yml:4:3: error: `Foo {` is not a protocol name",
        ])
    }

    // MARK: Together

    /// Every setting at once, compiled in Swift 6 mode with warnings as errors, and a JSON
    /// round trip through the overridden key.
    func testEverySettingTogetherCompilesAndDecodes() throws {
        let (files, diagnostics) = generate("""
            accessModifier: internal
            namespaces:
              exclude: [errors]
              roots: [Connection, Message]
            typeOverrides:
              number: Int
            nameOverrides:
              Connection: InstallationConnection
              Message.msg: text
            keyOverrides:
              Message.operationId: operation_id
            conformances:
              Identifiable: "*"
            """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertNil(files["models.errors.problem.swift"])
        let folder = try TestSupport.temporaryDirectory(self)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
        }
        let main = folder.appendingPathComponent("main.swift")
        try Data(#"""
            import Foundation
            let json = #"{"id":"c1","retries":2,"createTime":"2024-01-02T03:04:05Z","status":"working"}"#
            let connection = try JSONDecoder().decode(InstallationConnection.self, from: Data(json.utf8))
            let message = try JSONDecoder().decode(Message.self, from: Data(#"{"msg":"hi","operation_id":"op-1"}"#.utf8))
            let encoded = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
            print(connection.id, connection.retries, connection.status == .working, message.text, message.operationId ?? "-", encoded.contains("operation_id"))
            """#.utf8).write(to: main)
        let executable = folder.appendingPathComponent("together")
        let compiled = try TestSupport.compile(try TestSupport.swiftFiles(in: folder), moduleName: "Together", output: executable, executable: true)
        XCTAssertEqual(compiled.status, 0, compiled.standardError)
        let run = try TestSupport.run(executable, [])
        XCTAssertEqual(run.standardOutput, "c1 2 true hi op-1 true\n", run.standardError)
    }
}
