import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Small Speakeasy-style docs for diff tests, written the way the corpus writes them.
enum SpecDoc {
    /// `models/<namespace>/<lowercased name>.md`.
    static func path(_ name: String, namespace: String = "operations") -> String {
        "models/\(namespace)/\(name.lowercased()).md"
    }

    /// A link cell to another doc, relative to a doc in `models/<namespace>/`.
    static func link(_ name: String, namespace: String = "operations") -> String {
        "[\(namespace).\(name)](../../\(path(name, namespace: namespace)))"
    }

    /// A `## Fields` row. `deprecated` strikes the name through with that notice.
    static func field(
        _ name: String, _ type: String, required: Bool = true, description: String = "N/A",
        example: String = "", deprecated: String? = nil
    ) -> String {
        let marker = required ? ":heavy_check_mark:" : ":heavy_minus_sign:"
        if let deprecated {
            return "| ~~`\(name)`~~ | \(type) | \(marker) | :warning: ** DEPRECATED **: \(deprecated)<br/><br/>\(description) | \(example) |"
        }
        return "| `\(name)` | \(type) | \(marker) | \(description) | \(example) |"
    }

    static func object(
        _ name: String, description: String = "", deprecated: String? = nil, example: String? = nil, _ rows: [String]
    ) -> String {
        var text = "# \(name)\n\n"
        if !description.isEmpty { text += "\(description)\n\n" }
        if let deprecated { text += "> :warning: **DEPRECATED**: \(deprecated)\n\n" }
        text += "## Example Usage\n\n```typescript\n\(example ?? "let value: \(name) = {};")\n```\n\n"
        text += "## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n"
        text += rows.joined(separator: "\n") + "\n"
        return text
    }

    /// `values` as written in the TypeScript union: `"a"`, `1`.
    static func enumeration(_ name: String, _ values: [String]) -> String {
        "# \(name)\n\n## Values\n\n```typescript\n\(values.joined(separator: " | "))\n```\n"
    }

    /// An enum written as a `| Name | Value |` table.
    static func namedEnumeration(_ name: String, _ rows: [(name: String, value: String)]) -> String {
        var text = "# \(name)\n\n## Values\n\n| Name | Value |\n| --- | --- |\n"
        for row in rows { text += "| `\(row.name)` | \(row.value) |\n" }
        return text
    }

    /// `members` are heading spellings such as `operations.Cat` or `string`.
    static func union(_ name: String, _ members: [String]) -> String {
        var text = "# \(name)\n\n\n## Supported Types\n\n"
        for member in members { text += "### `\(member)`\n\n```typescript\nconst value: \(member) = {};\n```\n\n" }
        return text
    }
}

/// A spec version under construction: docs by path.
struct SpecFixture {
    var documents: [String: String] = [:]

    init(_ docs: [(name: String, text: String)] = [], namespace: String = "operations") {
        for doc in docs { documents[SpecDoc.path(doc.name, namespace: namespace)] = doc.text }
    }

    subscript(name name: String, namespace namespace: String = "operations") -> String? {
        get { documents[SpecDoc.path(name, namespace: namespace)] }
        set { documents[SpecDoc.path(name, namespace: namespace)] = newValue }
    }

    func snapshot(label: String, file: StaticString = #filePath, line: UInt = #line) -> SpecSnapshot? {
        var diagnostics = Diagnostics()
        let snapshot = SpecSnapshot.build(label: label, documents: documents, diagnostics: &diagnostics)
        if snapshot == nil || !diagnostics.all.isEmpty {
            XCTFail("fixture \(label) has diagnostics:\n" + diagnostics.sorted.map(\.description).joined(separator: "\n"), file: file, line: line)
        }
        return snapshot
    }
}

extension XCTestCase {
    /// The changes between two fixtures; description and example changes only when asked.
    func changes(
        _ old: SpecFixture, _ new: SpecFixture, documentation: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) -> [SpecChange] {
        guard let before = old.snapshot(label: "old", file: file, line: line),
              let after = new.snapshot(label: "new", file: file, line: line)
        else { return [] }
        return SpecDiff.compare(old: before.graph, new: after.graph).filter { documentation || !$0.isDocumentation }
    }

    /// The changes between two fixtures, each side under its own configuration.
    func changes(_ old: SpecFixture, _ oldYAML: String, _ new: SpecFixture, _ newYAML: String, file: StaticString = #filePath, line: UInt = #line) -> [SpecChange] {
        func side(_ fixture: SpecFixture, _ yaml: String, _ label: String) -> SpecSnapshot? {
            guard var snapshot = fixture.snapshot(label: label, file: file, line: line) else { return nil }
            var diagnostics = Diagnostics()
            guard let configuration = ConfigurationFile.parse(yaml, path: "\(label)/specmodels.yml", diagnostics: &diagnostics),
                  snapshot.apply(configuration, diagnostics: &diagnostics)
            else {
                XCTFail("\(label): \(diagnostics.sorted.map(\.description))", file: file, line: line)
                return nil
            }
            XCTAssertEqual(diagnostics.sorted.map(\.description), [], file: file, line: line)
            return snapshot
        }
        guard let before = side(old, oldYAML, "old"), let after = side(new, newYAML, "new") else { return [] }
        return SpecDiff.compare(old: before.graph, new: after.graph).filter { !$0.isDocumentation }
    }

    /// Asserts the changes as `rule path swift/request/response` lines, in report order.
    func assertChanges(
        _ old: SpecFixture, _ new: SpecFixture, _ expected: [String], documentation: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let actual = changes(old, new, documentation: documentation, file: file, line: line).map(\.compact)
        XCTAssertEqual(actual, expected, "\n" + actual.map { "\"\($0)\"," }.joined(separator: "\n"), file: file, line: line)
    }
}

extension SpecChange {
    /// `field-removed operations.Pet.name breaking/warning/breaking`: rule, path, then the
    /// Swift, request and response severities.
    var compact: String {
        "\(rule.rawValue) \(path) \(swift.rawValue)/\(request.rawValue)/\(response.rawValue)"
    }
}
