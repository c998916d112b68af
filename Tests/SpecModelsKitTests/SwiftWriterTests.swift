import XCTest
@testable import SpecModelsKit

final class SwiftWriterTests: XCTestCase {
    func testIndentsBlocksAndLeavesEmptyLinesBare() {
        var writer = SwiftWriter()
        writer.docLine("A ", "thing.")
        writer.docLine("")
        writer.block("public struct ", "Thing") { writer in
            writer.line("let ", "id", ": ", "String")
            writer.line("")
            writer.switchBlock("self") { writer in
                writer.line("case .a: 1")
            }
        }
        XCTAssertEqual(writer.text, """
            /// A thing.
            ///
            public struct Thing {
                let id: String

                switch self {
                case .a: 1
                }
            }

            """)
    }

    func testABracketedOpeningTakesItsClosing() {
        var writer = SwiftWriter()
        writer.block("f(candidates: [", closing: "])") { writer in
            writer.line("a,")
        }
        XCTAssertEqual(writer.text, "f(candidates: [\n    a,\n])\n")
    }

    /// A closure's parameters follow its brace (a union's literal member decodes in a closure).
    func testAClosureBlockNamesItsParameters() {
        var writer = SwiftWriter()
        writer.block("UnionCandidate(name: \"a\")", parameters: "decoder", closing: "},") { writer in
            writer.line("return .a")
        }
        XCTAssertEqual(writer.text, "UnionCandidate(name: \"a\") { decoder in\n    return .a\n},\n")
    }

    func testTheLastParameterHasNoComma() {
        var writer = SwiftWriter()
        writer.parameterized("public ", "init") { writer in
            writer.parameter("a: ", "Int")
            writer.parameter("b: ", "String?", " = nil")
        } body: { writer in
            writer.line("self.a = a")
        }
        XCTAssertEqual(writer.text, """
            public init(
                a: Int,
                b: String? = nil
            ) {
                self.a = a
            }

            """)
    }

    /// The buffer grows as it fills: a writer made with room for 2 bytes holds all it is given,
    /// including indentation deeper than its table of spaces (16 levels).
    func testGrowsPastItsCapacity() {
        func nest(_ level: Int, _ writer: inout SwiftWriter) {
            guard level < 20 else { return writer.line("x") }
            writer.block("level", "\(level)") { writer in nest(level + 1, &writer) }
        }
        var writer = SwiftWriter(capacity: 2)
        nest(0, &writer)
        let indentation = { (level: Int) in String(repeating: "    ", count: level) }
        let expected = (0..<20).map { indentation($0) + "level\($0) {\n" }.joined()
            + indentation(20) + "x\n"
            + (0..<20).reversed().map { indentation($0) + "}\n" }.joined()
        XCTAssertEqual(writer.text, expected)
    }

    func testDocCommentSeparatesParagraphsAndFencesBackticks() {
        var writer = SwiftWriter()
        DocComment.write(description: [], example: "a`b", more: [[], ["More."]], to: &writer)
        XCTAssertEqual(writer.text, "/// Example: ``a`b``\n///\n/// More.\n")
    }
}
