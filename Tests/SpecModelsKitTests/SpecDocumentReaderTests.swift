import XCTest
@testable import SpecModelsKit

final class SpecDocumentReaderTests: XCTestCase {
    private func read(_ markdown: String, path: String = "models/operations/thing.md") -> (SpecDocument?, [String]) {
        var diagnostics = Diagnostics()
        let reader = SpecDocumentReader(relativePath: path, displayPath: path)
        let document = reader.read(Array(markdown.utf8), diagnostics: &diagnostics)
        return (document, diagnostics.sorted.map(\.description))
    }

    func testObjectDoc() throws {
        let (document, diagnostics) = read("""
            # Thing

            A thing.

            ## Example Usage

            ```typescript
            let value: Thing = { id: "a" };
            ```

            ## Fields

            | Field | Type | Required | Description | Example |
            | ----- | ---- | -------- | ----------- | ------- |
            | `id` | *string* | :heavy_check_mark: | The ID.<br/>Unique. | a-1 |
            | ~~`old`~~ | *number* | :heavy_minus_sign: | : warning: ** DEPRECATED **: Gone soon.<br/><br/>The old count. | |
            """)
        XCTAssertEqual(diagnostics, [])
        let thing = try XCTUnwrap(document)
        XCTAssertEqual(thing.name, "Thing")
        XCTAssertEqual(thing.namespace, "operations")
        XCTAssertEqual(thing.description.map { $0.map(\.plainText).joined() }, ["A thing."])
        XCTAssertEqual(thing.examples.count, 1)
        guard case .object(let fields) = thing.body else { return XCTFail("expected an object") }
        XCTAssertEqual(fields.map(\.name), ["id", "old"])
        XCTAssertEqual(fields.map(\.isRequired), [true, false])
        XCTAssertEqual(fields[0].location, SourceLocation(file: "models/operations/thing.md", line: 15, column: 3))
        XCTAssertEqual(fields[0].example, "a-1")
        XCTAssertNil(fields[0].deprecationMessage)
        XCTAssertEqual(fields[1].deprecationMessage, "Gone soon.")
        XCTAssertEqual(fields[1].description.map(\.plainText).joined(), "The old count.")
        XCTAssertEqual(fields[1].type.source, "*number*")
    }

    /// A table in the description stays in it, line by line, for DocC to show as a table.
    func testTableInTheDescriptionIsKeptAsItsLines() throws {
        let (document, diagnostics) = read("""
            # Thing

            | Code | Meaning |
            | ---- | ------- |
            | 1    | *one*   |

            ## Fields

            | Field | Type | Required |
            | ----- | ---- | -------- |
            | `id` | *string* | :heavy_check_mark: |
            """)
        XCTAssertEqual(diagnostics, [])
        let thing = try XCTUnwrap(document)
        var writer = SwiftWriter()
        DocComment.write(description: thing.description, to: &writer)
        XCTAssertEqual(writer.text, """
            /// | Code | Meaning |
            /// | ---- | ------- |
            /// | 1    | *one*   |

            """)
    }

    func testColumnsAreFoundByName() throws {
        let (document, diagnostics) = read("""
            # Thing

            ## Fields

            | Required | Description | Type | Field |
            | --- | --- | --- | --- |
            | :heavy_minus_sign: | Hi | *boolean* | `flag` |
            """)
        XCTAssertEqual(diagnostics, [])
        guard case .object(let fields)? = document?.body else { return XCTFail("expected an object") }
        XCTAssertEqual(fields.first?.name, "flag")
        XCTAssertEqual(fields.first?.type.source, "*boolean*")
    }

    func testDeprecatedType() throws {
        let (document, _) = read("""
            # ~~Old~~

            > :warning: **DEPRECATED**: Use New instead.

            ## Values

            ```typescript
            "a" | "b"
            ```
            """)
        XCTAssertEqual(document?.name, "Old")
        XCTAssertEqual(document?.deprecation?.message, "Use New instead.")
    }

    func testEnumValuesFromCodeAndTable() throws {
        let (code, codeDiagnostics) = read("""
            # Scheme

            ## Values

            ```typescript
            "oauth2/authorizationCode" | "it's \\"quoted\\"" | Unrecognized<string>
            ```
            """)
        XCTAssertEqual(codeDiagnostics, [])
        guard case .enumeration(let values)? = code?.body else { return XCTFail("expected an enum") }
        XCTAssertEqual(values.map(\.value), [.string("oauth2/authorizationCode"), .string("it's \"quoted\"")])
        XCTAssertEqual(values[0].location.line, 6)

        let (table, tableDiagnostics) = read("""
            # Level

            ## Values

            | Name   | Value |
            | ------ | ----- |
            | `Low`  | 1     |
            | `High` | 10    |
            """)
        XCTAssertEqual(tableDiagnostics, [])
        guard case .enumeration(let levels)? = table?.body else { return XCTFail("expected an enum") }
        XCTAssertEqual(levels.map(\.value), [.integer(1), .integer(10)])
        XCTAssertEqual(levels.map(\.name), ["Low", "High"])
    }

    /// Speakeasy's newer enum format: a note before the table, and a marker row naming the
    /// kind of the values.
    func testOpenEnumNoteAndMarkerRow() throws {
        let (numeric, numericDiagnostics) = read("""
            # Level

            How loud.

            ## Values

            This is an open enum. Unrecognized values will be captured as the `Unrecognized<number>` branded type.

            | Name   | Value                  |
            | ------ | ---------------------- |
            | `Low`  | 1                      |
            | `High` | 2.5                    |
            | -      | `Unrecognized<number>` |
            """)
        XCTAssertEqual(numericDiagnostics, [])
        guard case .enumeration(let levels)? = numeric?.body else { return XCTFail("expected an enum") }
        XCTAssertEqual(levels.map(\.value), [.integer(1), .number("2.5")])
        // The note speaks of the TypeScript SDK; the description is the doc's own.
        XCTAssertEqual(numeric?.description.map { $0.map(\.plainText).joined() }, ["How loud."])

        // Under `Unrecognized<string>`, unquoted digits are strings; other prose joins the description.
        let (strings, stringDiagnostics) = read("""
            # Resolution

            ## Values

            Heights in pixels.

            | Name    | Value                  |
            | ------- | ---------------------- |
            | `Hd`    | 1080                   |
            | `Sd`    | 480.0                  |
            | `Other` | other                  |
            | -       | `Unrecognized<string>` |
            """)
        XCTAssertEqual(stringDiagnostics, [])
        guard case .enumeration(let resolutions)? = strings?.body else { return XCTFail("expected an enum") }
        XCTAssertEqual(resolutions.map(\.value), [.string("1080"), .string("480.0"), .string("other")])
        XCTAssertEqual(strings?.description.map { $0.map(\.plainText).joined() }, ["Heights in pixels."])
    }

    func testValuesProseWithoutTableOrMismatchedMarker() {
        XCTAssertEqual(read("# Level\n\n## Values\n\nThis is an open enum.\n\nlow, high\n").1, [
            "models/operations/thing.md:7:1: error: malformed `## Values`: expected a ```typescript block like \"a\" | \"b\" or a `| Name | Value |` table",
        ])
        XCTAssertEqual(read("# Level\n\n## Values\n\n```typescript\n\"low\" | Unrecognized<number>\n```\n").1, [
            "models/operations/thing.md:6:9: error: `Unrecognized<number>` marks an enum of numbers, but the values are strings (\"low\" at line 6); make them agree",
        ])
    }

    func testUnionMembers() throws {
        let (document, diagnostics) = read("""
            # Response

            ## Supported Types

            ### `operations.Thing`

            ```typescript
            const value: operations.Thing = { id: "a" };
            ```

            ### `{ [k: string]: operations.Thing }`

            ### `string`
            """)
        XCTAssertEqual(diagnostics, [])
        guard case .union(let members)? = document?.body else { return XCTFail("expected a union") }
        XCTAssertEqual(members.map(\.type.source), ["operations.Thing", "{ [k: string]: operations.Thing }", "string"])
        XCTAssertEqual(members[0].type.location, SourceLocation(file: "models/operations/thing.md", line: 5, column: 6))
        XCTAssertEqual(document?.examples.count, 1)
    }

    func testReportsEveryProblemOfATable() {
        let (_, diagnostics) = read("""
            # Thing

            ## Fields

            | Field | Type | Required |
            | ----- | ---- | -------- |
            | `a` | *string* | :heavy_check_mark: | extra |
            | `b` | *string* | yes |
            | c | *string* | :heavy_check_mark: |
            | `d` | *string* | :heavy_check_mark: |
            | `d` | *number* | :heavy_minus_sign: |
            """)
        XCTAssertEqual(diagnostics, [
            "models/operations/thing.md:7:41: error: table row has 4 cells, the header has 3: remove the extra cells (a `|` inside a cell is written `\\|`)",
            "models/operations/thing.md:8:20: error: unknown Required marker `yes`: expected :heavy_check_mark: (required) or :heavy_minus_sign: (optional)",
            "models/operations/thing.md:9:3: error: expected the field name as a code span like `name` (or ~~`name`~~ when deprecated), found `c`: put the name between backticks",
            "models/operations/thing.md:11:3: error: duplicate field `d`: it is already declared at line 10; remove one of the rows",
        ])
    }

    func testDocsWithoutAShape() {
        XCTAssertEqual(read("").1, ["models/operations/thing.md:1:1: error: empty file: expected a model doc that starts with a `# Name` heading"])
        XCTAssertEqual(read("Some text\n").1, ["models/operations/thing.md:1:1: warning: not a model doc (no `# Name` heading and no `## Fields`, `## Values` or `## Supported Types` section): skipped"])
        XCTAssertEqual(read("Some text\n\n## Fields\n\n| Field | Type | Required |\n|-|-|-|\n").1, ["models/operations/thing.md:1:1: error: no `# Name` heading: a model doc starts with the name of its type, like `# ListInstallationsGroup`"])
        // A heading alone is read; the type graph reports it, as it depends on the docs' language.
        XCTAssertEqual(read("# A\n\ntext\n").1, [])
        XCTAssertEqual(read("# A\n\n# B\n\n## Fields\n\n| Field | Type | Required |\n|-|-|-|\n").1, [
            "models/operations/thing.md:3:1: error: second `#` heading `B`: a model doc declares one type (the first is `A` at line 1); move the second type to a doc of its own",
        ])
    }

    // MARK: Rows a Description cell split or widened, prose headings, SDK pages

    private func fields(_ document: SpecDocument?) -> [String] {
        guard case .object(let fields)? = document?.body else { return [] }
        return fields.map { field in
            let description = field.description.map(\.plainTextPreservingBreaks).joined()
            return "\(field.name): \(field.type.source) \(field.isRequired) [\(description)] [\(field.example)]"
        }
    }

    func testARowThatARawLineBreakSplitGoesOnOverTheLinesWithoutALeadingPipe() {
        let (document, diagnostics) = read("""
            # Thing

            ## Fields

            | Field | Type | Required | Description | Example |
            | ----- | ---- | -------- | ----------- | ------- |
            | `mode` | *string* | :heavy_check_mark: | Which mode.
            <br/>Update asks again.
            Refresh does not. | update |
            | `note` | *string* | :heavy_minus_sign: | A note. | |
            """)
        XCTAssertEqual(diagnostics, [
            "models/operations/thing.md:8:1: warning: the row of field `mode` goes on over lines 8–9, which do not start with `|`: a raw line break cut its last cell short (write `<br/>` for a line break in a cell); read as one row",
        ])
        XCTAssertEqual(fields(document), [
            "mode: *string* true [Which mode. \nUpdate asks again. Refresh does not.] [update]",
            "note: *string* false [A note.] []",
        ])
    }

    func testARowIsRecoveredOnlyWhenItsFieldTypeAndRequiredCellsRead() {
        let (_, diagnostics) = read("""
            # Thing

            ## Fields

            | Field | Type | Required | Description |
            | ----- | ---- | -------- | ----------- |
            | mode | *string* | :heavy_check_mark: | Which mode.
            Update asks again. |
            """)
        XCTAssertEqual(diagnostics, [
            "models/operations/thing.md:7:3: error: expected the field name as a code span like `name` (or ~~`name`~~ when deprecated), found `mode`: put the name between backticks",
        ])
        // A table written without leading pipes has no continuation lines: each line is a row.
        let (_, unpiped) = read("""
            # Thing

            ## Fields

            Field | Type | Required
            ----- | ---- | --------
            `a` | *string* | :heavy_check_mark:
            `b`
            """)
        XCTAssertEqual(unpiped, [
            "models/operations/thing.md:8:4: error: table row has 1 cell, the header has 3: add the missing cells (a `|` inside a cell is written `\\|`)",
        ])
        // The first row has no row before it to go on.
        let (_, first) = read("# Thing\n\n## Fields\n\n| Field | Type | Required |\n|-|-|-|\ntext\n")
        XCTAssertEqual(first, [
            "models/operations/thing.md:7:5: error: table row has 1 cell, the header has 3: add the missing cells (a `|` inside a cell is written `\\|`)",
        ])
    }

    func testARowWidenedByAPipeInItsDescriptionKeepsTheExtraCellsInTheDescription() {
        let (document, diagnostics) = read("""
            # Thing

            ## Fields

            | Field | Type | Required | Description | Example |
            | ----- | ---- | -------- | ----------- | ------- |
            | `op` | *string* | :heavy_check_mark: | `and` | `or` | `not` | and |
            """)
        XCTAssertEqual(diagnostics, [
            "models/operations/thing.md:7:50: warning: the row of field `op` has 7 cells, the header has 5: its Description holds an unescaped `|` (write `\\|`); the extra cells are read as part of the Description",
        ])
        XCTAssertEqual(fields(document), ["op: *string* true [and | or | not] [and]"])
        // Without a Description column, nothing says where the extra cells belong.
        let (_, narrow) = read("# Thing\n\n## Fields\n\n| Field | Type | Required |\n|-|-|-|\n| `a` | *string* | :heavy_check_mark: | x |\n")
        XCTAssertEqual(narrow, [
            "models/operations/thing.md:7:41: error: table row has 4 cells, the header has 3: remove the extra cells (a `|` inside a cell is written `\\|`)",
        ])
    }

    func testAHeadingOfSeveralWordsIsProseNotASecondType() throws {
        let (document, diagnostics) = read("""
            # Thing

            A thing.

            # Data model

            Things belong to groups.

            ## Fields

            | Field | Type | Required |
            | ----- | ---- | -------- |
            | `id` | *string* | :heavy_check_mark: |

            # More notes
            """)
        XCTAssertEqual(diagnostics, [
            "models/operations/thing.md:15:1: warning: heading `# More notes` is not a type's name (it has spaces), so it is part of the doc's text, not a second type; here, in `## Fields`, it is ignored",
        ])
        let thing = try XCTUnwrap(document)
        XCTAssertEqual(thing.name, "Thing")
        XCTAssertEqual(thing.description.map { $0.map(\.plainText).joined() }, ["A thing.", "Data model", "Things belong to groups."])
        XCTAssertEqual(fields(document), ["id: *string* true [] []"])
    }

    func testAPageOfSDKOptionsIsSkipped() {
        let (document, diagnostics) = read("""
            # Options

            ## Global Options

            ### WithServerURL

            ```go
            sdk.WithServerURL("https://api.example.com")
            ```

            ## Per-Method Options
            """)
        XCTAssertNil(document)
        XCTAssertEqual(diagnostics, [
            "models/operations/thing.md:1:1: warning: not a model doc: no `## Fields`, `## Values` or `## Supported Types` section, and its sections (`## Global Options`, `## Per-Method Options`) are none of a model doc's, as on Speakeasy's page of SDK options; skipped",
        ])
        // A type with an example but no shape is a model doc without a shape (the graph says so).
        let (shapeless, found) = read("# Thing\n\n## Example Usage\n\n## Notes\n")
        XCTAssertNotNil(shapeless)
        XCTAssertEqual(found, [
            "models/operations/thing.md:5:1: warning: unknown section `## Notes` is ignored; the sections of a model doc are `## Example Usage`, `## Fields`, `## Values` and `## Supported Types`",
        ])
    }
}
