import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Constructs found across the population of published doc sets: enum values written without
/// quotes (blank, number-like, in a bullet list), union members whose heading leaves the type
/// out. Each rule with a small spec of its own, read into a graph and compiled and run.
final class PopulationConstructTests: XCTestCase {
    private func enumValues(_ name: String, in graph: TypeGraph) throws -> (EnumerationShape.RawType, [EnumValue.Literal]) {
        let node = try XCTUnwrap(graph.models.first { $0.qualifiedName == name }, name)
        guard case .enumeration(let shape) = node.shape else {
            XCTFail("\(name) is not an enum")
            return (.string, [])
        }
        return (shape.rawType, shape.values.map(\.value))
    }

    private func members(_ name: String, in graph: TypeGraph) throws -> [UnionMemberNode] {
        let node = try XCTUnwrap(graph.models.first { $0.qualifiedName == name || $0.name == name }, name)
        guard case .union(let members) = node.shape else {
            XCTFail("\(name) is not a union")
            return []
        }
        return members
    }

    // MARK: Enum values without quotes

    static let enumDocs: [String: String] = [
        // A blank Value cell is the empty string.
        "models/components/verification.md": """
            # Verification

            ## Values

            | Name      | Value     |
            | --------- | --------- |
            | `UNKNOWN` |           |
            | `NEW`     | new       |
            """,
        // Digits beside a word: the table lists strings, whatever each value looks like.
        "models/components/ordinal.md": """
            # Ordinal

            ## Values

            | Name    | Value   |
            | ------- | ------- |
            | `ONE`   | 1       |
            | `TWO`   | 2       |
            | `LAST`  | last    |
            """,
        "models/components/resolution.md": """
            # Resolution

            ## Values

            | Name      | Value  |
            | --------- | ------ |
            | `Uhd`     | 2160p  |
            | `UhdBare` | 2160   |
            | `Zero`    | 00     |
            | `Empty`   |        |
            """,
        // Every value a number, no marker: numbers.
        "models/components/speed.md": """
            # Speed

            ## Values

            | Name       | Value |
            | ---------- | ----- |
            | `Standard` | 1     |
            | `Express`  | 2     |
            """,
        // The marker decides: strings, though every value looks like a number.
        "models/components/size.md": """
            # Size

            ## Values

            This is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.

            | Name   | Value                  |
            | ------ | ---------------------- |
            | `Ten`  | 10                     |
            | `Next` | 11                     |
            | -      | `Unrecognized<string>` |
            """,
        // A bullet list after the open-enum note, in its spellings.
        "models/components/channel.md": """
            # Channel

            ## Values

            This is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.

            - "email"
            - `sms`
            - push
            - "10"
            - 20
            - `Unrecognized<string>`
            """,
        "models/components/level.md": """
            # Level

            ## Values

            - 1
            - 2
            - 3
            """,
    ]

    func testUnquotedValuesFollowTheTable() throws {
        let (graph, diagnostics) = TestSupport.buildGraph(Self.enumDocs)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try enumValues("components.Verification", in: graph).1, [.string(""), .string("new")])
        XCTAssertEqual(try enumValues("components.Ordinal", in: graph).1, [.string("1"), .string("2"), .string("last")])
        XCTAssertEqual(
            try enumValues("components.Resolution", in: graph).1, [.string("2160p"), .string("2160"), .string("00"), .string("")])
        let speed = try enumValues("components.Speed", in: graph)
        XCTAssertEqual(speed.0, .integer)
        XCTAssertEqual(speed.1, [.integer(1), .integer(2)])
        XCTAssertEqual(try enumValues("components.Size", in: graph).1, [.string("10"), .string("11")])
        XCTAssertEqual(
            try enumValues("components.Channel", in: graph).1,
            [.string("email"), .string("sms"), .string("push"), .string("10"), .string("20")])
        let level = try enumValues("components.Level", in: graph)
        XCTAssertEqual(level.0, .integer)
        XCTAssertEqual(level.1, [.integer(1), .integer(2), .integer(3)])
    }

    /// What stays an error: a code block quotes its strings, so there a number beside a string
    /// is a mix; a `Unrecognized<number>` marker over words contradicts them; a list item is
    /// one value.
    func testQuotedAndContradictoryValuesStayErrors() {
        let (_, diagnostics) = TestSupport.buildGraph([
            "models/components/mixed.md": "# Mixed\n\n## Values\n\n```typescript\n\"a\" | 1\n```\n",
            "models/components/contradiction.md": """
                # Contradiction

                ## Values

                | Name  | Value                  |
                | ----- | ---------------------- |
                | `One` | one                    |
                | -     | `Unrecognized<number>` |
                """,
            "models/components/prose.md": """
                # Prose

                ## Values

                - "image" for images
                - "video"
                """,
        ])
        XCTAssertEqual(diagnostics, [
            "models/components/contradiction.md:8:11: error: `Unrecognized<number>` marks an enum of numbers, but the values are strings (\"one\" at line 7); make them agree",
            "models/components/mixed.md:6:1: error: `## Values` mixes strings (\"a\") and numbers (1); an enum's values must be all strings or all numbers",
            "models/components/prose.md:5:3: error: `\"image\" for images` is not one literal: a `## Values` list item holds one value, like `- \"a\"`",
        ])
    }

    func testUnquotedValuesCompileAndDecode() throws {
        let files = try TestSupport.generate(Self.enumDocs, configuration: "")
        let run = try TestSupport.compileAndRun(files, main: #"""
            import Foundation

            func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
                try JSONDecoder().decode(T.self, from: Data(json.utf8))
            }
            print(try decode([Verification].self, #"["", "new", "old"]"#))
            print(try decode([Ordinal].self, #"["1", "last"]"#), (try? decode(Ordinal.self, "1")) == nil)
            print(try decode([Resolution].self, #"["2160p", "2160", "00", "", "0"]"#))
            print(Resolution.allKnownCases.map(\.rawValue))
            print(try decode([Speed].self, "[1, 2, 3]"), try decode([Size].self, #"["10", "12"]"#))
            print(try decode([Channel].self, #"["email", "sms", "push", "10", "20"]"#), try decode([Level].self, "[3]"))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            [Program.Verification.empty, Program.Verification.new, Program.Verification.unrecognized("old")]
            [Program.Ordinal._1, Program.Ordinal.last] true
            [Program.Resolution._2160p, Program.Resolution._2160, Program.Resolution._00, Program.Resolution.empty, Program.Resolution.unrecognized("0")]
            ["2160p", "2160", "00", ""]
            [Program.Speed.standard, Program.Speed.express, Program.Speed.unrecognized(3)] [Program.Size._10, Program.Size.unrecognized("12")]
            [Program.Channel.email, Program.Channel.sms, Program.Channel.push, Program.Channel._10, Program.Channel._20] [Program.Level.value3]

            """, run.standardError)
    }

    // MARK: Objects without fields

    /// An object doc with an empty Fields table (StackOne's `AccountAddress4`) decodes only from
    /// a JSON object, so a union lists it before an array member without taking the arrays.
    func testAnObjectWithoutFieldsDecodesOnlyFromAnObject() throws {
        let files = try TestSupport.generate([
            "models/components/blank.md": """
                # Blank

                ## Fields

                | Field       | Type        | Required    | Description |
                | ----------- | ----------- | ----------- | ----------- |
                """,
            "models/components/sourcevalue.md": """
                # SourceValue


                ## Supported Types

                ### `string`

                ```typescript
                const value: string = "Home";
                ```

                ### `components.Blank`

                ```typescript
                const value: components.Blank = {};
                ```

                ### `any[]`

                ```typescript
                const value: any[] = [
                  "<value 1>",
                ];
                ```
                """,
        ], configuration: "")
        let run = try TestSupport.compileAndRun(files, main: #"""
            import Foundation

            func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
                try JSONDecoder().decode(T.self, from: Data(json.utf8))
            }
            print(try decode(Blank.self, "{}"), (try? decode(Blank.self, "[]")) == nil, (try? decode(Blank.self, "1")) == nil)
            print(try decode([SourceValue].self, #"["a", {}, ["b"]]"#))
            print(String(decoding: try JSONEncoder().encode(SourceValue.blank(Blank())), as: UTF8.self))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            Blank() true true
            [Program.SourceValue.string("a"), Program.SourceValue.blank(Program.Blank()), Program.SourceValue.jsonArray(["b"])]
            {}

            """, run.standardError)
    }

    // MARK: Union members without a type in the heading

    /// Runs the generator over in-memory docs under a configuration, keeping its diagnostics.
    private func generate(_ docs: [String: String], configuration yaml: String) throws -> Generator.Result {
        var diagnostics = Diagnostics()
        let configuration = try XCTUnwrap(ConfigurationFile.parse(yaml, path: "specmodels.yml", diagnostics: &diagnostics))
        XCTAssertEqual(diagnostics.sorted.map(\.description), [])
        let files = docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(docs[$0, default: ""].utf8)) }
        return Generator.generate(files, configuration: configuration)
    }

    private static func member(_ heading: String, _ language: String, _ code: String) -> String {
        "### \(heading)\n\n```\(language)\n\(code)\n```\n"
    }

    /// Go's empty headings: the type is the composite literal's at the placeholder.
    static let goDocs: [String: String] = [
        "models/components/tagnames.md": "# TagNames\n\n## Supported Types\n\n" + [
            member("", "go", "tagNames := components.CreateTagNamesStr(string{/* values here */})"),
            member("", "go", "tagNames := components.CreateTagNamesArrayOfStr([]string{/* values here */})"),
            member("", "go", "tagNames := components.CreateTagNamesTag(components.Tag{/* values here */})"),
            member("", "go", "tagNames := components.CreateTagNamesArrayOfTag([]components.Tag{/* values here */})"),
            member("", "go", "tagNames := components.CreateTagNamesInteger(int64{/* values here */})"),
            member("", "go", "tagNames := components.CreateTagNamesMapOfAny(map[string]any{/* values here */})"),
        ].joined(separator: "\n"),
        "models/components/tag.md": "# Tag\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `Name` | *string* | :heavy_check_mark: |\n",
    ]

    /// Older Python's empty headings, and any language's typed declaration of the placeholder.
    static let pythonDocs: [String: String] = [
        "models/loc.md": "# Loc\n\n## Supported Types\n\n" + [
            member("", "python", "loc: int = /* values here */"),
            member("", "python", "loc: str = /* values here */"),
            member("", "python", "loc: List[models.Tag] = /* values here */"),
        ].joined(separator: "\n"),
        "models/tag.md": "# Tag\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `name` | *str* | :heavy_check_mark: |\n",
    ]

    func testEmptyHeadingsTakeTheTypeOfTheirExample() throws {
        let go = try generate(Self.goDocs, configuration: "flavour: go\n")
        XCTAssertEqual(go.diagnostics.all.map(\.description), [])
        let tag = try XCTUnwrap(go.graph.models.first { $0.name == "Tag" }).id
        let goMembers = try members("components.TagNames", in: go.graph)
        XCTAssertEqual(goMembers.map(\.type), [.string, .array(.string), .model(tag), .array(.model(tag)), .integer, .map(.any)])
        XCTAssertEqual(goMembers.map(\.spelling), ["string", "[]string", "components.Tag", "[]components.Tag", "int64", "map[string]any"])
        // Positions are the type's own in the file (line 8: `tagNames := …(string{`).
        XCTAssertEqual(goMembers[0].location.description, "models/components/tagnames.md:8:42")

        let python = try generate(Self.pythonDocs, configuration: "flavour: python\n")
        XCTAssertEqual(python.diagnostics.all.map(\.description), [])
        let pythonTag = try XCTUnwrap(python.graph.models.first { $0.name == "Tag" }).id
        XCTAssertEqual(try members("Loc", in: python.graph).map(\.type), [.integer, .string, .array(.model(pythonTag))])
    }

    /// An empty heading whose example writes no type stays an error, at the heading; a type
    /// that does not read is reported where it stands in the example.
    func testEmptyHeadingWithoutATypeStaysAnError() throws {
        let result = try generate([
            "models/components/value.md": "# Value\n\n## Supported Types\n\n" + [
                Self.member("", "go", "value := components.CreateValueStr(/* values here */)"),
                Self.member("", "go", "value := components.CreateValueX(components.Nothing{/* values here */})"),
            ].joined(separator: "\n"),
        ], configuration: "flavour: go\n")
        XCTAssertEqual(result.diagnostics.all.map(\.description), [
            "models/components/value.md:5:5: error: empty member heading: under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`",
            "models/components/value.md:14:34: error: unknown type `components.Nothing`: no model doc declares it (built-in types are string, int64, float64, bool, any, time.Time, types.Date, io.ReadCloser, []T, map[string]T)",
        ])
    }

    /// C#'s `### InApp` over `Steps.CreateInApp(/* values here */)`: a case name that no doc
    /// has, and an example without a type. The member holds any JSON, after the typed ones,
    /// with one warning for the doc.
    static let csharpDocs: [String: String] = [
        "Models/Components/Steps.md": "# Steps\n\n## Supported Types\n\n" + [
            member("Str", "csharp", "Steps.CreateStr(/* values here */);"),
            member("InApp", "csharp", "Steps.CreateInApp(/* values here */);"),
            member("Email", "csharp", "Steps.CreateEmail(/* values here */);"),
            member("Delay", "csharp", "Steps.CreateDelay(/* values here */);"),
            member("ArrayOfInt32", "csharp", "Steps.CreateArrayOfInt32(/* values here */);"),
        ].joined(separator: "\n"),
        "Models/Components/Delay.md": "# Delay\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `Seconds` | *long* | :heavy_check_mark: |\n",
    ]

    func testCaseNamedMembersWithoutATypeHoldJSON() throws {
        let result = try generate(Self.csharpDocs, configuration: "flavour: csharp\n")
        XCTAssertEqual(result.diagnostics.all.map(\.description), [
            "Models/Components/Steps.md:11:5: warning: `Steps`: the members `InApp`, `Email` name no type (the heading is a case name that no model doc has, and the example writes no type), so they hold any JSON (`JSONValue`), tried after the typed members",
        ])
        let delay = try XCTUnwrap(result.graph.models.first { $0.name == "Delay" }).id
        let steps = try members("Components.Steps", in: result.graph)
        XCTAssertEqual(steps.map(\.type), [.string, .any, .any, .model(delay), .array(.integer)])
        XCTAssertEqual(steps.map(\.missingType), [nil, "InApp", "Email", nil, nil])

        let run = try TestSupport.compileAndRun(result.files, main: #"""
            import Foundation

            func decode(_ json: String) throws -> Steps { try JSONDecoder().decode(Steps.self, from: Data(json.utf8)) }
            for json in [#""text""#, #"{"seconds": 5}"#, "[1, 2]", #"{"subject": "hi"}"#, "true"] {
                print(try decode(json))
            }
            print(String(decoding: try JSONEncoder().encode(Steps.inApp(.object(["a": .bool(true)]))), as: UTF8.self))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            string("text")
            delay(Program.Delay(seconds: 5))
            integerArray([1, 2])
            inApp({"subject":"hi"})
            inApp(true)
            {"a":true}

            """, run.standardError)
    }

    func testEmptyHeadingMembersCompileAndDecode() throws {
        let result = try generate(Self.goDocs, configuration: "flavour: go\n")
        let run = try TestSupport.compileAndRun(result.files, main: #"""
            import Foundation

            for json in [#""a""#, #"["a", "b"]"#, #"{"name": "n"}"#, #"[{"name": "m"}]"#, "7", #"{"x": 1}"#] {
                print(try JSONDecoder().decode(TagNames.self, from: Data(json.utf8)))
            }
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            string("a")
            stringArray(["a", "b"])
            tag(Program.Tag(name: "n"))
            tagArray([Program.Tag(name: "m")])
            integer(7)
            jsonMap(["x": 1])

            """, run.standardError)
    }

    // MARK: Numbers of any size

    /// `BigInt`, `BigInteger`, `Decimal`, `BigDecimal` in each language that writes them.
    func testBigNumbersAreDecimalInEveryLanguage() throws {
        let cases: [(flavour: String, path: String, cells: [String])] = [
            ("typescript", "models/components/hold.md", ["*BigInt*", "*Decimal*", "Record<string, *BigInt*>"]),
            ("java", "models/components/Hold.md", ["*BigInteger*", "*BigDecimal*", "Map\\<String, *BigInteger*>"]),
            ("csharp", "Models/Components/Hold.md", ["*BigInteger*", "*decimal*", "Dictionary<String, *BigInteger*>"]),
            ("python", "models/hold.md", ["*Decimal*", "*decimal.Decimal*", "Dict[str, *Decimal*]"]),
        ]
        for (flavour, path, cells) in cases {
            let rows = cells.enumerated().map { "| `f\($0)` | \($1) | :heavy_check_mark: |" }.joined(separator: "\n")
            let result = try generate([path: "# Hold\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n\(rows)\n"], configuration: "flavour: \(flavour)\n")
            XCTAssertEqual(result.diagnostics.all.map(\.description), [], flavour)
            let node = try XCTUnwrap(result.graph.models.first, flavour)
            guard case .object(let properties) = node.shape else { return XCTFail(flavour) }
            XCTAssertEqual(properties.map(\.type), [.decimal, .decimal, .map(.decimal)], flavour)
        }
        // C#'s member heading.
        let union = try generate(["Models/Components/TargetId.md": "# TargetId\n\n## Supported Types\n\n"
            + Self.member("Str", "csharp", "TargetId.CreateStr(/* values here */);") + "\n"
            + Self.member("Bigint", "csharp", "TargetId.CreateBigint(/* values here */);")], configuration: "flavour: csharp\n")
        XCTAssertEqual(union.diagnostics.all.map(\.description), [])
        XCTAssertEqual(try members("TargetId", in: union.graph).map(\.type), [.string, .decimal])
    }

    /// Every digit a JSON number sends up to 38 significant digits (Foundation's `Decimal`,
    /// which JSONDecoder reads from the number's text), where `Double` keeps 15 to 17.
    func testBigNumbersKeepTheirDigits() throws {
        let files = try TestSupport.generate([
            "models/components/hold.md": """
                # Hold

                ## Fields

                | Field | Type | Required |
                | --- | --- | --- |
                | `amount` | *BigInt* | :heavy_check_mark: |
                | `rate` | *Decimal* | :heavy_minus_sign: |
                | `balances` | Record<string, *BigInt*> | :heavy_minus_sign: |
                """,
            "models/components/quantity.md": "# Quantity\n\n## Supported Types\n\n### `string`\n\n### `BigInt`\n",
        ], configuration: "")
        let run = try TestSupport.compileAndRun(files, main: #"""
            import Foundation

            let json = #"{"amount":12345678901234567890123456789012345678,"balances":{"a":-98765432109876543210},"rate":0.1000000000000000000000000000000000001}"#
            let hold = try JSONDecoder().decode(Hold.self, from: Data(json.utf8))
            print(hold.amount, hold.rate ?? 0, hold.balances?["a"] ?? 0)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            print(String(decoding: try encoder.encode(hold), as: UTF8.self) == json)
            print(try JSONDecoder().decode([Quantity].self, from: Data(#"["10", 18446744073709551617]"#.utf8)))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            12345678901234567890123456789012345678 0.1000000000000000000000000000000000001 -98765432109876543210
            true
            [Program.Quantity.string("10"), Program.Quantity.decimal(18446744073709551617)]

            """, run.standardError)
    }
}
