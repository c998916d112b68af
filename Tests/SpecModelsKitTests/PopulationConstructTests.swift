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
        let node = try XCTUnwrap(graph.models.first { $0.qualifiedName == name }, name)
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
}
