import XCTest
@testable import SpecModelsKit

final class PipeTableTests: XCTestCase {
    private func table(_ text: String) -> PipeTable? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            (number: $0.offset + 1, text: String($0.element))
        }
        return PipeTable.parse(lines: lines)
    }

    func testSplitsCellsAndKeepsTheirColumns() throws {
        let parsed = try XCTUnwrap(table("""
            | Field | Type     |
            | ----- | -------- |
            | `id`  | *string* |
            """))
        XCTAssertEqual(parsed.header.cells.map(\.text), ["Field", "Type"])
        XCTAssertEqual(parsed.rows.count, 1)
        XCTAssertEqual(parsed.rows[0].cells.map(\.text), ["`id`", "*string*"])
        XCTAssertEqual(parsed.rows[0].cells.map(\.column), [3, 11])
        XCTAssertEqual(parsed.rows[0].line, 3)
    }

    func testEscapedPipeStaysInTheCell() throws {
        let parsed = try XCTUnwrap(table("""
            | Type | Required |
            | :--- | :------: |
            | [File] \\| [Blob] | yes |
            """))
        XCTAssertEqual(parsed.rows[0].cells.map(\.text), ["[File] | [Blob]", "yes"])
    }

    /// A backslash escapes the character after it, so a pipe after an even run of
    /// backslashes (`\\|`: an escaped backslash) still separates cells.
    func testBackslashRunsBeforeAPipe() throws {
        let parsed = try XCTUnwrap(table(#"""
            | A | B | C |
            | - | - | - |
            | a\\| b\\\| c | d\ |
            | \| x | \\| y |
            """#))
        XCTAssertEqual(parsed.rows[0].cells.map(\.text), [#"a\\"#, #"b\\| c"#, #"d\"#])
        XCTAssertEqual(parsed.rows[1].cells.map(\.text), ["| x", #"\\"#, "y"])
    }

    /// Padding and delimiter runs longer than the eight bytes compared at a time.
    func testLongPaddingAndDelimiterRuns() throws {
        let parsed = try XCTUnwrap(table("""
            | Field                    | Type 	                  |
            | :----------------------- | -----------------------: |
            | `id`                     |  *string*	              |
            """))
        XCTAssertEqual(parsed.header.cells.map(\.text), ["Field", "Type"])
        XCTAssertEqual(parsed.rows[0].cells.map(\.text), ["`id`", "*string*"])
        XCTAssertEqual(parsed.rows[0].cells.map(\.column), [3, 31])
        XCTAssertNil(table("| A |\n| -------------x---------- |"))
        XCTAssertNil(table("| A |\n| ---------------- - |"))
    }

    func testLeadingAndTrailingPipesAreOptional() throws {
        let parsed = try XCTUnwrap(table("""
            Name | Value
            --- | ---
            a | "b"
            """))
        XCTAssertEqual(parsed.rows[0].cells.map(\.text), ["a", "\"b\""])
    }

    func testKeepsEmptyCellsAndReportsRowWidths() throws {
        let parsed = try XCTUnwrap(table("""
            | A | B | C |
            |---|---|---|
            | 1 |   | 3 |
            | 1 | 2 |
            """))
        XCTAssertEqual(parsed.rows[0].cells.map(\.text), ["1", "", "3"])
        XCTAssertEqual(parsed.rows[1].cells.count, 2)
    }

    func testRejectsParagraphsThatAreNotTables() {
        XCTAssertNil(table("just a paragraph\nof two lines"))
        XCTAssertNil(table("| A | B |\n| --- |"))  // delimiter row narrower than the header
        XCTAssertNil(table("| A |\n| x- |"))
        XCTAssertNil(table("| A |"))
    }
}

final class MarkdownParserTests: XCTestCase {
    func testDocumentKeepsBlocksAndPositions() {
        let document = MarkdownParser.parseDocument(Array("# Title\n\nSome *text*.\n\n```typescript\nlet a = 1;\n```\n".utf8))
        XCTAssertEqual(document.children.map(\.kind), [.heading(level: 1), .paragraph, .codeBlock])
        XCTAssertEqual(document.children[0].plainText, "Title")
        XCTAssertEqual(document.children[1].startLine, 3)
        XCTAssertEqual(document.children[2].fenceInfo, "typescript")
        XCTAssertEqual(document.children[2].literal, "let a = 1;\n")
        XCTAssertEqual(document.children[1].children.map(\.kind), [.text, .emphasis, .text])
    }

    /// Top-level pipe tables come back as `.table` nodes with their rows, the same rows
    /// `PipeTable.parse(lines:)` makes of the lines; everything else stays a paragraph.
    func testRecoversTopLevelPipeTables() throws {
        let text = """
            # Title

            | Field | Type |
            | ----- | ---- |
            | `id`  | *string* |
            | `n` \\| x | [A](a.md) |

            | just one line |

            > | A | B |
            > | - | - |

            - | A | B |
              | - | - |
            """
        let document = MarkdownParser.parseDocument(Array(text.utf8))
        XCTAssertEqual(document.children.map(\.kind), [.heading(level: 1), .table, .paragraph, .blockQuote, .list])
        let table = try XCTUnwrap(document.children[1].table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            (number: $0.offset + 1, text: String($0.element))
        }
        XCTAssertEqual(table, PipeTable.parse(lines: Array(lines[2...5])))
        XCTAssertEqual(table.rows.map { $0.cells.map(\.text) }, [["`id`", "*string*"], ["`n` | x", "[A](a.md)"]])
        XCTAssertEqual(document.children[1].children, [])
        XCTAssertEqual([document.children[1].startLine, document.children[1].endLine], [3, 6])
        XCTAssertNil(document.children[2].table)
        XCTAssertEqual(document.children[3].children[0].kind, .paragraph)
    }

    func testCellInlines() {
        let link = MarkdownParser.parseInlines("Record<string, [operations.X](../../models/operations/x.md)>")
        XCTAssertEqual(link.map(\.kind), [.text, .link, .text])
        XCTAssertEqual(link[1].url, "../../models/operations/x.md")
        XCTAssertEqual(link[1].plainText, "operations.X")
        XCTAssertEqual(MarkdownParser.parseInlines("~~`name`~~").map(\.kind), [.text, .code, .text])
        XCTAssertEqual(MarkdownParser.parseInlines("a<br/>b").map(\.kind), [.text, .htmlInline, .text])
    }

    func testCellTextThatLooksLikeABlockStaysInline() {
        // GFM cells hold inline content only; cmark alone would read these as blocks.
        XCTAssertEqual(MarkdownParser.parseInlines("# not a heading").map(\.plainText).joined(), "# not a heading")
        XCTAssertEqual(MarkdownParser.parseInlines("- item").map(\.plainText).joined(), "- item")
        XCTAssertEqual(MarkdownParser.parseInlines("1. first").map(\.plainText).joined(), "1. first")
        XCTAssertEqual(MarkdownParser.parseInlines("[a]: http://x").map(\.plainText).joined(), "[a]: http://x")
        XCTAssertEqual(MarkdownParser.parseInlines("> quote *x*").map(\.kind), [.text, .emphasis])
    }

    func testBatchedCellInlinesEqualOneParseEach() {
        // One cmark parse for a whole table must give exactly what a parse per cell gives,
        // positions included, whatever the cells hold.
        let cells = [
            "`token`", "*string*", "[Date](https://developer.mozilla.org/x)", "", "The connection ID.",
            "Record<string, [operations.X](../../models/operations/x.md)>", "~~`name`~~", "a<br/>b",
            "**DEPRECATED**: use *x* instead", "  padded  ", "trailing backslash \\", "&amp; &copy; entity",
            // Shapes that skip cmark altogether, and near misses that must not.
            "*some words*", "*x.*", "* x*", "*x *", "**bold**", "*a*b*", "` padded `", "`a`b`", "``", "`x`",
            "a  b", "A: b (c) d=e, f; g/h?i#j", "1. first", "1 day", "x_y", "x*y", "a!b", "tab\there", "trailing ",
            "café", "*café*", "`café`", "a [b](c)", "<b>", "a&b", "*1*", "*a1*",
            "503", "2024-04-22T18:55:28.456076Z", "1)", "12.5", "1234567890. x", ":heavy_check_mark:", "\"quoted\"",
            "{\"a\": 1}", "(x)", "$5", "/path", "?q", "@me", "- x", "+ x", "= x", "~~x~~", "#x", ">x", ".x",
            "[operations.X](../../models/operations/x.md)", "[errors.Y](../../models/errors/y.md)[]", "[a](b)c",
            "[a](b c)", "[a](<b>)", "[a](b&amp;c)", "[a](b\\)c)", "[ a](b)", "[a ](b)", "[*a*](b)", "[a](b \"t\")",
            "[a](b)(c)", "[a]()", "[](b)", "[a](#frag)", "[a](b(c))", "[a]b(c)", "[a](b)]", "[a](https://x.y/z?q=1&r=2)",
            // Type prefixes and `[]` suffixes around one construct, and near misses.
            "[*components.ACL](../../models/components/acl.md)", "[**a](b)", "[* a](b)", "[*a*](b)", "[*](b)",
            "[]`string`", "map[string]`string`", "[]map[string][]`any`", "[][components.Foo](../../models/components/foo.md)",
            "[][*a.B](c.md)", "[]*string*", "*string*[]", "[a.B](c.md)[]", "`a`[]", "[]`a`[][]", "map[string]*any*",
            "[string][a.B](c.md)", "[a](b)[a](b)", "map[string]", "[]", "[][]", "[a]`b`", "a[b]c", "a[b c]`d`", "[x](y)`z`",
            "map[str_ing]`x`", "[]` a`", "[]`a`b", "[*a](b)[]", "x[]`y`[]z", "Map[K]*v*[]", "[a](b) []",
            // Plain text with `<br/>`s, code spans and underscores inside words, and near misses.
            "{<br/>\"category\": \"finance\"<br/>}", "a <br/><br/> b<br/>", "a<br/>", "<br/>a", "a<br>b", "a<br/ >b",
            "Returns True if a user belongs to a `system_team`. System teams", "`a` b `c`", "a `b`", "a ``b`` c",
            "a `b", "a ` b` c", "a `b ` c", "a `b<br/>c` d", "a `x_y*z` b", "a `é` b", "Defines the max_tokens, if using",
            "a_b_c", "a__b", "_a", "a_", "a _b", "a_ b", "\"a_b\"", "a_`b`", "x<br/>max_tokens `y`<br/>z", "1_000",
            "a `b``c` d", "a `b`` c", "1. `a`", "a<br/>1. b", "a<br/>- b", "a<br/># b", "a <br/>",
            "**Pre-release Feature**<br/>This feature", "Filter using **one** of the `eq`", "a**b**c", "**a** **b**", "**a**b**c**",
            "a **b", "a **b*", "a ***b*** c", "a **b*** c", "a ** b** c", "a **b ** c", "a **.b** c", "a **b_c** c", "a****b",
            "**a*b**", "**a**", "a **b`c`** d", "a**b**_c", "x **1** y",
            "Product [tax code](https://docs.stripe.com/tax/tax-codes).", "a [b](c)<br/>d [e](f#g) h", "a [b](c) [d](e)",
            "a [b] c", "a [b](c d) e", "a [b](c", "a [b]( c) d", "a ![b](c) d", "a [*b](c) d", "a [b](c)(d) e", "a [`b`](c) d",
            "or \"_\".<br/>", "a \"_\" b \"_\" c", "a (_) b", "a \"_ b", "a _\" b", "a \"_\" **b** c", "a \"_\" `_` c",
        ]
        for shortcut in ["[*a.B](c.md)", "[]`string`", "map[string]`any`", "[][a.B](c.md)", "*string*[]", "[a.B](c.md)[]",
                         "{<br/>\"a\": 1<br/>}", "a `b` c", "max_tokens", "a **b** c", "or \"_\".", "a [b](c) d"] {
            XCTAssertNotNil(MarkdownParser.simpleInlines(shortcut), shortcut)
        }
        XCTAssertEqual(MarkdownParser.parseInlines(batch: cells), cells.map(MarkdownParser.parseInlines))
        // (The batch above falls back to a parse per cell, for its block-like cells: each
        // shortcut is checked against cmark on its own too.)
        for cell in cells {
            if let inlines = MarkdownParser.simpleInlines(cell) {
                XCTAssertEqual(inlines, MarkdownParser.parseInlines(cell), cell)
            }
        }
        // Cells that would be blocks on their own make the batch fall back to one parse each.
        let blocks = ["plain", "# heading", "- item", "[a]: http://x", "[a]", "```", "after fence", "    code", "<div>", ">"]
        XCTAssertEqual(MarkdownParser.parseInlines(batch: blocks), blocks.map(MarkdownParser.parseInlines))
        XCTAssertEqual(MarkdownParser.parseInlines(batch: ["two\nlines", "x"]), ["two\nlines", "x"].map(MarkdownParser.parseInlines))
        XCTAssertEqual(MarkdownParser.parseInlines(batch: []), [])
        XCTAssertEqual(MarkdownParser.parseInlines(batch: ["", ""]), [[], []])
    }

    /// The same over every table cell of the real corpus (each distinct cell once, batched
    /// by doc as the readers batch a table), so the shortcuts that skip cmark stay exact.
    func testBatchedCellInlinesEqualOneParseEachOnTheCorpus() throws {
        var checked = 0
        for version in TestSupport.corpusVersions {
            let models = try TestSupport.corpusModels(version)
            var seen: Set<String> = []
            let enumerator = FileManager.default.enumerator(atPath: models.path)
            while let relative = enumerator?.nextObject() as? String {
                guard relative.hasSuffix(".md"),
                      let text = try? String(contentsOf: models.appendingPathComponent(relative), encoding: .utf8)
                else { continue }
                var cells: [String] = []
                for line in text.split(separator: "\n") where line.hasPrefix("|") {
                    for cell in PipeTable.splitRow(String(line), line: 1).cells where seen.insert(cell.text).inserted {
                        cells.append(cell.text)
                    }
                }
                XCTAssertEqual(MarkdownParser.parseInlines(batch: cells), cells.map(MarkdownParser.parseInlines), relative)
                checked += cells.count
            }
        }
        XCTAssertGreaterThan(checked, 3_000)
    }

    func testDeepNestingDoesNotExhaustTheStack() {
        let deep = String(repeating: "> ", count: 20_000) + "x\n"
        let document = MarkdownParser.parseDocument(Array(deep.utf8))
        XCTAssertEqual(document.kind, .document)
    }

    func testFindsInvalidUTF8() {
        let text = SourceText(bytes: Array("ok\nab".utf8) + [0xFF] + Array("c\n".utf8))
        XCTAssertEqual(text.firstInvalidUTF8()?.line, 2)
        XCTAssertEqual(text.firstInvalidUTF8()?.column, 3)
        XCTAssertNil(SourceText(bytes: Array("héllo\n".utf8)).firstInvalidUTF8())
        // Past a run of ASCII longer than a word, and after valid non-ASCII text.
        let late = SourceText(bytes: Array("0123456789abcdef\né".utf8) + [0xC3] + Array("x".utf8))
        XCTAssertEqual(late.firstInvalidUTF8()?.line, 2)
        XCTAssertEqual(late.firstInvalidUTF8()?.column, 3)
        XCTAssertNil(SourceText(bytes: Array("0123456789abcdef".utf8)).firstInvalidUTF8())
        XCTAssertEqual(text.line(1), "ok")
    }
}
