import Foundation
import XCTest
@testable import SpecModelsKit

/// Unit tests for `TypeScriptExample`, plus a corpus test that converts every example block of the
/// ampersand docs. The corpus test reads `SPECMODELS_CORPUS` (e.g. `/work/shared/specs`): unset
/// skips it, set to a folder without `ampersand/` fails it.
final class TypeScriptExampleTests: XCTestCase {

    // MARK: Helpers

    private func convert(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> TypeScriptExample? {
        do {
            return try TypeScriptExample.parse(source)
        } catch {
            XCTFail("unexpected failure: \(error)", file: file, line: line)
            return nil
        }
    }

    /// The JSON for `let value: T = <literal>;`.
    private func json(_ literal: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        guard let example = convert("let value: T = \(literal);", file: file, line: line) else { return nil }
        XCTAssertNoThrow(
            try JSONSerialization.jsonObject(with: example.json, options: [.fragmentsAllowed]),
            "not valid JSON: \(example.jsonString)", file: file, line: line
        )
        return example.jsonString
    }

    private func failure(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> TypeScriptExample.Failure? {
        do throws(TypeScriptExample.Failure) {
            let example = try TypeScriptExample.parse(source)
            XCTFail("expected a failure, got \(example.jsonString)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func assertSyntaxError(
        _ source: String, line expectedLine: Int? = nil, column expectedColumn: Int? = nil, contains fragment: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let error = failure(source, file: file, line: line) else { return }
        guard case .syntax(let message, let errorLine, let errorColumn) = error else {
            XCTFail("expected a syntax error, got \(error)", file: file, line: line)
            return
        }
        XCTAssertTrue(message.contains(fragment), "message \"\(message)\" lacks \"\(fragment)\"", file: file, line: line)
        if let expectedLine { XCTAssertEqual(errorLine, expectedLine, "line", file: file, line: line) }
        if let expectedColumn { XCTAssertEqual(errorColumn, expectedColumn, "column", file: file, line: line) }
    }

    private func assertPlaceholder(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = failure(source, file: file, line: line) else { return }
        XCTAssertEqual(error, .placeholder(expected), file: file, line: line)
        XCTAssertTrue(error.isPlaceholder, file: file, line: line)
    }

    // MARK: Declarations and type names

    func testExampleUsageBlock() throws {
        let source = #"""
            import { ListInstallationsConnection } from "@amp-labs/sdk-node-platform/models/operations";

            let value: ListInstallationsConnection = {
              id: "connection-123",
              createTime: new Date("2023-07-13T21:34:44.816354Z"),
              scopes: [
                "[\"oauth\",\"offline\",\"crm.read\"]",
              ],
              href:
                "https://example.com",
            };
            """#
        let example = try TypeScriptExample.parse(source)
        XCTAssertEqual(example.typeName, "ListInstallationsConnection")
        XCTAssertEqual(
            example.jsonString,
            #"{"createTime":"2023-07-13T21:34:44.816354Z","href":"https://example.com","id":"connection-123","scopes":["[\"oauth\",\"offline\",\"crm.read\"]"]}"#
        )
    }

    func testSupportedTypesBlockWithAnnotationSplitAcrossLines() throws {
        let source = """
            const value:
              operations.BatchUpsertIntegrationsIntegrationFieldIntegrationFieldMapping = {
                mapToName: "<value>",
              };
            """
        let example = try TypeScriptExample.parse(source)
        XCTAssertEqual(example.typeName, "operations.BatchUpsertIntegrationsIntegrationFieldIntegrationFieldMapping")
        XCTAssertEqual(example.jsonString, #"{"mapToName":"<value>"}"#)
    }

    func testTypeNameForms() throws {
        XCTAssertEqual(try TypeScriptExample.parse("const value: operations.X[] = [];").typeName, "operations.X[]")
        XCTAssertEqual(
            try TypeScriptExample.parse(#"const value: { [k: string]: operations.ProviderInfo } = { "key": {} };"#).typeName,
            "{ [k: string]: operations.ProviderInfo }"
        )
        XCTAssertEqual(try TypeScriptExample.parse("let value: Record<string, Array<X>> = {};").typeName, "Record<string, Array<X>>")
        XCTAssertEqual(try TypeScriptExample.parse("let value: (a: number) => X = 1;").typeName, "(a: number) => X")
        XCTAssertEqual(try TypeScriptExample.parse(#"let value: "a" | "b" = "a";"#).typeName, #""a" | "b""#)
        XCTAssertEqual(try TypeScriptExample.parse("export var value: /* c */ X\n  .Y = 1").typeName, "X .Y")
    }

    func testMultiLineImportsAndMissingSemicolons() throws {
        let source = """
            import {
              A,
              B,
            } from "pkg/models"
            import type { C } from 'pkg'
            let value: A = 1
            """
        let example = try TypeScriptExample.parse(source)
        XCTAssertEqual(example.typeName, "A")
        XCTAssertEqual(example.jsonString, "1")
    }

    func testEnumString() throws {
        let example = try TypeScriptExample.parse(#"""
            import { ApplyOnUpdate } from "sdk-node-platform/models/operations";

            let value: ApplyOnUpdate = "always";
            """#)
        XCTAssertEqual(example.typeName, "ApplyOnUpdate")
        XCTAssertEqual(example.jsonString, #""always""#)
    }

    // MARK: Keys

    func testQuotedAndUnquotedKeys() {
        XCTAssertEqual(
            json(#"{ plain: 1, $dollar_1: 2, "double": 3, 'single': 4, "with space": 5, "0": 6, 7: 7, default: 8, new: 9, true: 10 }"#),
            #"{"$dollar_1":2,"0":6,"7":7,"default":8,"double":3,"new":9,"plain":1,"single":4,"true":10,"with space":5}"#
        )
        XCTAssertEqual(json(#"{ "a\"b": 1, 'c\'d': 2 }"#), #"{"a\"b":1,"c'd":2}"#)
        XCTAssertEqual(json("{ héllo: 1 }"), #"{"héllo":1}"#)
    }

    func testKeysAreSortedByUTF8Bytes() throws {
        XCTAssertEqual(json(#"{ b: 1, a: 2, B: 3, "é": 4, aa: 5, "": 6 }"#), #"{"":6,"B":3,"a":2,"aa":5,"b":1,"é":4}"#)
        let first = try TypeScriptExample.parse("let value: T = { x: 1, y: [ { q: 1, p: 2 } ] };")
        let second = try TypeScriptExample.parse("let value: T = {\n  y: [{ p: 2, q: 1, }],\n  x: 1,\n};")
        XCTAssertEqual(first, second)
    }

    // MARK: Strings

    func testStringEscapes() {
        XCTAssertEqual(json(#""quote \" backslash \\ slash \/ nl \n tab \t cr \r""#), #""quote \" backslash \\ slash / nl \n tab \t cr \r""#)
        XCTAssertEqual(json(#""\b\f\v\0""#), #""\b\f\u000b\u0000""#)
        XCTAssertEqual(json(#""\x41\u00e9\u{1F600}\uD83D\uDE00\u{41}""#), "\"Aé😀😀A\"")
        XCTAssertEqual(json(#""identity \. \a \' \` escapes""#), #""identity . a ' ` escapes""#)
        XCTAssertEqual(json("\"line \\\ncontinuation\""), #""line continuation""#)
        XCTAssertEqual(json("\"raw é and 😀 and \u{2028}\""), "\"raw é and 😀 and \u{2028}\"")
    }

    func testQuotingStyles() {
        XCTAssertEqual(json(#"'single "quoted" string'"#), #""single \"quoted\" string""#)
        XCTAssertEqual(json(#"'it\'s'"#), #""it's""#)
        XCTAssertEqual(json("`template\nliteral with \"quotes\" and 'apostrophes'`"), #""template\nliteral with \"quotes\" and 'apostrophes'""#)
        XCTAssertEqual(json("`a\r\nb`"), #""a\nb""#)
        XCTAssertEqual(json(#"`costs $5 {not a substitution}`"#), #""costs $5 {not a substitution}""#)
    }

    func testStringsJoinedByPlusAreOneString() {
        XCTAssertEqual(json("\"first line\\n\"\n  + \"\\n\"\n  + 'second'"), #""first line\n\nsecond""#)
        XCTAssertEqual(json("{ content: \"a\" + `b`, next: 1 }"), #"{"content":"ab","next":1}"#)
        assertSyntaxError("let value: T = \"a\" + 1;", line: 1, column: 22, contains: "expected a string after `+`")
    }

    func testControlCharactersAreReescaped() {
        XCTAssertEqual(json("\"\\u0001\\u001f\\u007f\""), "\"\\u0001\\u001f\u{7F}\"")
        XCTAssertEqual(json("\"tab\tinside\""), #""tab\tinside""#)
    }

    func testStringErrors() {
        assertSyntaxError("let value: T = \"abc", line: 1, column: 16, contains: "unterminated string")
        assertSyntaxError("let value: T = \"ab\nc\";", line: 1, column: 16, contains: "line break")
        assertSyntaxError("let value: T = '\\1';", contains: "octal escape")
        assertSyntaxError("let value: T = '\\01';", contains: "octal escape")
        assertSyntaxError("let value: T = '\\xZ1';", contains: "hex digits")
        assertSyntaxError("let value: T = '\\uD83D';", contains: "surrogate")
        assertSyntaxError("let value: T = '\\uDE00';", contains: "surrogate")
        assertSyntaxError("let value: T = '\\u{110000}';", contains: "U+10FFFF")
        assertSyntaxError("let value: T = `a ${b} c`;", line: 1, column: 19, contains: "substitution")
    }

    // MARK: Numbers

    func testNumbersKeepTheirSpelling() {
        XCTAssertEqual(json("215118"), "215118")
        XCTAssertEqual(json("0"), "0")
        XCTAssertEqual(json("1.5"), "1.5")
        XCTAssertEqual(json("1.50"), "1.50")
        XCTAssertEqual(json("-42"), "-42")
        XCTAssertEqual(json("- 42"), "-42")
        XCTAssertEqual(json("-0"), "-0")
        XCTAssertEqual(json("-0.25"), "-0.25")
        XCTAssertEqual(json("6.02e23"), "6.02e23")
        XCTAssertEqual(json("1E+05"), "1E+05")
        XCTAssertEqual(json("-2.5e-3"), "-2.5e-3")
        XCTAssertEqual(json("12345678901234567890123456789"), "12345678901234567890123456789")
        XCTAssertEqual(json("3.141592653589793238462643383279"), "3.141592653589793238462643383279")
        XCTAssertEqual(json("[1, -1, 0.1, 1e3]"), "[1,-1,0.1,1e3]")
    }

    func testNumbersNormalisedToJSON() {
        XCTAssertEqual(json(".5"), "0.5")
        XCTAssertEqual(json("-.5e1"), "-0.5e1")
        XCTAssertEqual(json("5."), "5")
        XCTAssertEqual(json("5.e2"), "5e2")
        XCTAssertEqual(json("+7"), "7")
        XCTAssertEqual(json("1_000_000"), "1000000")
        XCTAssertEqual(json("10n"), "10")
        XCTAssertEqual(json("0x1F"), "31")
        XCTAssertEqual(json("-0xff"), "-255")
        XCTAssertEqual(json("0o17"), "15")
        XCTAssertEqual(json("0b101"), "5")
        XCTAssertEqual(json("0xFFFF_FFFF_FFFF_FFFF"), "18446744073709551615")
    }

    func testNumberErrors() {
        assertSyntaxError("let value: T = 007;", contains: "leading zeros")
        assertSyntaxError("let value: T = 1__0;", contains: "separator")
        assertSyntaxError("let value: T = 1_;", contains: "separator")
        assertSyntaxError("let value: T = 1e;", contains: "exponent")
        assertSyntaxError("let value: T = 12abc;", contains: "invalid numeric literal")
        assertSyntaxError("let value: T = 0x;", contains: "missing digits")
        assertSyntaxError("let value: T = 0x1_0000_0000_0000_0000;", contains: "64 bits")
        assertSyntaxError("let value: T = NaN;", contains: "no JSON representation")
        assertSyntaxError("let value: T = -Infinity;", contains: "expected a number after")
        assertSyntaxError("let value: T = 1.5n;", contains: "invalid numeric literal")
    }

    // MARK: Literals, containers, dates

    func testBooleansNullAndUndefined() {
        XCTAssertEqual(json("true"), "true")
        XCTAssertEqual(json("false"), "false")
        XCTAssertEqual(json("null"), "null")
        XCTAssertEqual(
            json("{ a: true, b: false, c: null, d: undefined, e: [1, undefined, null] }"),
            #"{"a":true,"b":false,"c":null,"e":[1,null,null]}"#
        )
        assertSyntaxError("let value: T = undefined;", line: 1, column: 16, contains: "no JSON representation")
    }

    func testNestedAndEmptyContainers() {
        XCTAssertEqual(json("{}"), "{}")
        XCTAssertEqual(json("[]"), "[]")
        XCTAssertEqual(json(#"{ "key": {} , list: [ [], [[ ]] ], meta: { } }"#), #"{"key":{},"list":[[],[[]]],"meta":{}}"#)
        XCTAssertEqual(json(#"[{ a: [{ b: { c: [1, "x", true] } }] }]"#), #"[{"a":[{"b":{"c":[1,"x",true]}}]}]"#)
    }

    func testNewDate() {
        XCTAssertEqual(json(#"new Date("2023-07-13T21:34:44.816354Z")"#), #""2023-07-13T21:34:44.816354Z""#)
        XCTAssertEqual(json("{ at: new Date('2024-01-01'), list: [new Date(\"x\",)] }"), #"{"at":"2024-01-01","list":["x"]}"#)
        assertSyntaxError("let value: T = new Date(0);", contains: "string literal argument")
        assertSyntaxError("let value: T = new Date();", contains: "string literal argument")
        XCTAssertEqual(json(#"{ born: new RFCDate("1980-01-31") }"#), #"{"born":"1980-01-31"}"#)
        assertSyntaxError("let value: T = new RFCDate(1);", contains: "string literal argument")
    }

    func testRuntimeValuesAreNotData() {
        let blob = failure(#"const value: ReadableStream<Uint8Array> = await openAsBlob("example.file");"#)
        XCTAssertEqual(blob, .notData("`openAsBlob(…)` is a function call, its result a runtime value, not JSON data"))
        XCTAssertEqual(blob?.isSkipped, true)
        XCTAssertEqual(blob?.isPlaceholder, false)
        XCTAssertEqual(failure(#"let value: T = { file: new Blob(["x"]) };"#), .notData("`new Blob(…)` builds a runtime object, not JSON data"))
        XCTAssertEqual(failure("let value: T = [Buffer.from(\"x\")];"), .notData("`Buffer.from(…)` is a function call, its result a runtime value, not JSON data"))
        XCTAssertEqual(failure("let value: T = new Uint8Array();")?.description, "not data: `new Uint8Array(…)` builds a runtime object, not JSON data")
        XCTAssertEqual(TypeScriptExample.Failure.syntax(message: "m", line: 1, column: 1).isSkipped, false)
        XCTAssertEqual(TypeScriptExample.Failure.placeholder("...").isSkipped, true)
    }

    func testEnumMemberReferencesBecomeTheirValues() throws {
        let members = TypeScriptExample.EnumMembers([
            "BoolInt": ["False": .integer(0), "True": .integer(1)],
            "shared.Ratio": ["Half": .number("0.5")],
            "Kind": ["Movie": .string("movie")],
        ])
        func convert(_ literal: String) throws -> String {
            try TypeScriptExample.parse("let value: T = \(literal);", enumMembers: members).jsonString
        }
        XCTAssertEqual(try convert("BoolInt.True"), "1")
        XCTAssertEqual(try convert("shared.Ratio.Half"), "0.5")
        XCTAssertEqual(try convert("{ type: Kind.Movie, flags: [BoolInt.False, BoolInt . True] }"), #"{"flags":[0,1],"type":"movie"}"#)
        let source = "import { BoolInt } from \"x\";\n\nlet value: BoolInt =\n  BoolInt.Maybe;\n"
        XCTAssertThrowsError(try TypeScriptExample.parse(source, enumMembers: members)) { error in
            XCTAssertEqual(error as? TypeScriptExample.Failure, .syntax(message: "`BoolInt.Maybe` names no member of a known enum", line: 4, column: 3))
        }
        // Without the enum docs, a member reference cannot be resolved.
        assertSyntaxError("let value: T = BoolInt.True;", contains: "`BoolInt.True` names no member of a known enum")
        assertSyntaxError("let value: T = BoolInt.;", contains: "expected a name after `.`")
    }

    func testEnumNotImportedIsLookedUpInTheExamplesOwnNamespace() throws {
        // Two namespaces' enums share the name `DotTag`, so the plain name names neither.
        let members = TypeScriptExample.EnumMembers([
            "components.DotTag": ["CreditCard": .string("credit_card")],
            "errors.DotTag": ["UnprocessableRequest": .string("unprocessable_request")],
        ])
        func convert(_ literal: String, namespace: String?) throws -> String {
            try TypeScriptExample.parse("let value: T = \(literal);", enumMembers: members, namespace: namespace).jsonString
        }
        XCTAssertEqual(try convert("DotTag.CreditCard", namespace: "components"), #""credit_card""#)
        XCTAssertEqual(try convert("DotTag.UnprocessableRequest", namespace: "errors"), #""unprocessable_request""#)
        XCTAssertEqual(try convert("errors.DotTag.UnprocessableRequest", namespace: "components"), #""unprocessable_request""#)
        XCTAssertThrowsError(try convert("DotTag.CreditCard", namespace: "errors"))
        XCTAssertThrowsError(try convert("DotTag.CreditCard", namespace: nil))
        // An import names the module, whatever the doc's namespace.
        let imported = "import { DotTag } from \"sdk/models/errors\";\nlet value: T = DotTag.UnprocessableRequest;"
        XCTAssertEqual(try TypeScriptExample.parse(imported, enumMembers: members, namespace: "components").jsonString, #""unprocessable_request""#)
    }

    func testEnumMembersComeFromTheEnumDocs() throws {
        let result = TestSupport.generate([
            "models/shared/boolint.md": """
                # BoolInt

                ## Values

                | Name    | Value |
                | ------- | ----- |
                | `False` | 0     |
                | `True`  | 1     |
                """,
            "models/shared/kind.md": """
                # Kind

                ## Values

                | Name    | Value   |
                | ------- | ------- |
                | `Movie` | movie   |
                """,
            "models/operations/kind.md": """
                # Kind

                ## Values

                | Name    | Value   |
                | ------- | ------- |
                | `Movie` | film    |
                """,
            "models/shared/plain.md": """
                # Plain

                ## Values

                ```typescript
                "a" | "b"
                ```
                """,
        ])
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let members = TypeScriptExample.EnumMembers(result.graph)
        XCTAssertEqual(members.value(enumName: "BoolInt", member: "True"), .integer(1))
        XCTAssertEqual(members.value(enumName: "shared.BoolInt", member: "False"), .integer(0))
        XCTAssertEqual(members.value(enumName: "shared.Kind", member: "Movie"), .string("movie"))
        XCTAssertEqual(members.value(enumName: "operations.Kind", member: "Movie"), .string("film"))
        // Two enums named `Kind`: the plain name is ambiguous, so only the qualified names resolve.
        XCTAssertNil(members.value(enumName: "Kind", member: "Movie"))
        XCTAssertNil(members.value(enumName: "Plain", member: "a"))

        // The block's import says which namespace the plain name comes from.
        func convert(_ source: String) throws -> String { try TypeScriptExample.parse(source, enumMembers: members).jsonString }
        XCTAssertEqual(try convert(#"import { Kind as K, X } from "@sdk/models/operations"; let value: K = { k: K.Movie };"#), #"{"k":"film"}"#)
        XCTAssertEqual(try convert(#"import { Kind } from "@sdk/models/shared"; let value: Kind = Kind.Movie;"#), #""movie""#)
        XCTAssertEqual(try convert(#"import { Kind } from "@sdk/models/operations"; let value: Kind = Kind.Movie;"#), #""film""#)
        XCTAssertEqual(try convert(#"import { BoolInt } from "@sdk/models"; let value: BoolInt = BoolInt.True;"#), "1")
        XCTAssertThrowsError(try convert(#"let value: Kind = Kind.Movie;"#))
    }

    func testTrailingCommasAndValuesSplitAcrossLines() {
        XCTAssertEqual(json("{\n  a:\n    1,\n  b\n  :\n  [\n    2,\n    3,\n  ],\n}"), #"{"a":1,"b":[2,3]}"#)
        XCTAssertEqual(json("[\n  \"x\"\n  ,\n]"), #"["x"]"#)
    }

    func testCommentsAreTrivia() {
        let source = """
            // leading comment
            import { X } from "pkg"; // trailing comment
            /* block */ let /* a */ value /* b */ : X /* c */ = /* d */ {
              // inside
              a: /* before value */ 1, // after
              b: [ /* before element */ "x" /* after element */, 2, // end
              ],
            } /* after */ ; // done
            """
        let example = convert(source)
        XCTAssertEqual(example?.typeName, "X")
        XCTAssertEqual(example?.jsonString, #"{"a":1,"b":["x",2]}"#)
        XCTAssertEqual(json(#"{ url: "http://x/*not a comment*/", cron: "*/15 * * * *" }"#), #"{"cron":"*/15 * * * *","url":"http://x/*not a comment*/"}"#)
        XCTAssertEqual(json("[ 1, // more\n ]"), "[1]")
        XCTAssertEqual(json("{ // nothing yet\n }"), "{}")
    }

    // MARK: The parsed value (the nulls of examples walk it without writing JSON)

    /// `parseValue` keeps what the JSON drops: an object's `undefined` members, its members in
    /// source order, and numbers as spelled in JSON; enum members become their values.
    func testParseValueKeepsTheParsersView() throws {
        let source = """
            import { Level } from "../models/shared";

            let value: Task = {
              zeta: Level.High,
              id: 0x1F,
              owner: null,
              note: undefined,
              tags: ["a" + "b", undefined, 1.50],
              nested: { ok: true },
            };
            """
        let members = TypeScriptExample.EnumMembers(["shared.Level": ["High": .integer(3)]])
        let value = try TypeScriptExample.parseValue(source, enumMembers: members)
        XCTAssertEqual(
            describe(value),
            #"{zeta: 3, id: 31, owner: null, note: undefined, tags: ["ab", null, 1.50], nested: {ok: true}}"#)
        // The JSON of the same block drops `undefined` and sorts the keys.
        XCTAssertEqual(
            try TypeScriptExample.parse(source, enumMembers: members).jsonString,
            #"{"id":31,"nested":{"ok":true},"owner":null,"tags":["ab",null,1.50],"zeta":3}"#)
    }

    /// The same blocks fail with `parseValue` as with `parse`, for the same reason.
    func testParseValueFailsLikeParse() {
        for source in ["let value: T = { a: 1 ", "let value: T = { when: new Date() };", "let value: X = { a: 1, b: /* values here */ };"] {
            var parseFailure: TypeScriptExample.Failure?
            var valueFailure: TypeScriptExample.Failure?
            do throws(TypeScriptExample.Failure) { _ = try TypeScriptExample.parse(source) } catch { parseFailure = error }
            do throws(TypeScriptExample.Failure) { _ = try TypeScriptExample.parseValue(source) } catch { valueFailure = error }
            XCTAssertNotNil(parseFailure, source)
            XCTAssertEqual(valueFailure, parseFailure, source)
        }
    }

    /// A compact spelling of a parsed value, members in the parser's order.
    private func describe(_ value: TypeScriptExample.Value) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .number(let spelling): return spelling
        case .bool(let flag): return String(flag)
        case .null: return "null"
        case .undefined: return "undefined"
        case .array(let elements): return "[" + elements.map(describe).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Placeholders

    func testPlaceholders() {
        assertPlaceholder(
            """
            import { BatchUpsertIntegrationsInputValidationProblem } from "sdk-node-platform/models/errors";

            // No examples available for this model
            """,
            "// No examples available for this model"
        )
        // The form Speakeasy writes for union members it has no example for (other SDKs' docs).
        assertPlaceholder(
            """
            const value:
              components.ActiveValidatorDetails = /* values here */
            """,
            "/* values here */"
        )
        assertPlaceholder("let value: X = /* values here */;", "/* values here */")
        assertPlaceholder("let value: X = /* values here */", "/* values here */")
        assertPlaceholder("let value: X = { a: 1, b: /* values here */ };", "/* values here */")
        assertPlaceholder("let value: X = { a: /* values here */, };", "/* values here */")
        assertPlaceholder("let value: X = { a: // TODO\n };", "// TODO")
        assertPlaceholder("let value: X = { /* values here */ };", "/* values here */")
        assertPlaceholder("let value: X = [/* values here */];", "/* values here */")
        assertPlaceholder("let value: X = [1, 2, /* ... */];", "/* ... */")
        assertPlaceholder("let value: X = { a: 1, ... };", "...")
        assertPlaceholder("let value: X = [1, ...];", "...")
        assertPlaceholder("let value: X = ...;", "...")
        assertPlaceholder("let value: X = { ...base };", "...")
    }

    func testEmptyObjectIsData() throws {
        let example = try TypeScriptExample.parse(#"""
            import { Security } from "sdk-node-platform/models/components";

            let value: Security = {};
            """#)
        XCTAssertEqual(example.typeName, "Security")
        XCTAssertEqual(example.jsonString, "{}")
    }

    // MARK: Syntax errors

    func testSyntaxErrorsCarryLineAndColumn() {
        assertSyntaxError("let value: T = {\n  a: 1\n  b: 2,\n};", line: 3, column: 3, contains: "expected `,` or `}`")
        assertSyntaxError("let value: T = [1 2];", line: 1, column: 19, contains: "expected `,` or `]`")
        assertSyntaxError("let value: T = { a: 1, a: 2 };", line: 1, column: 24, contains: "duplicate property \"a\"")
        assertSyntaxError("let value: T = { a };", line: 1, column: 20, contains: "shorthand property")
        assertSyntaxError("let value: T = { f() {} };", contains: "method")
        assertSyntaxError("let value: T = { [k]: 1 };", contains: "computed property")
        assertSyntaxError("let value: T = { 1.5: 1 };", contains: "numeric property names")
        assertSyntaxError("let value: T = [1,,2];", line: 1, column: 19, contains: "hole")
        assertSyntaxError("let value: T = { a: 1,, };", contains: "expected a property name")
        assertSyntaxError("let value: T = someVariable;", contains: "unsupported expression")
        assertSyntaxError("let value: T = ;", line: 1, column: 16, contains: "expected a value")
        assertSyntaxError("let value: T = {", line: 1, column: 17, contains: "expected a property name or `}`, found end of input")
        assertSyntaxError("let value: T = { a: 1 } extra", line: 1, column: 25, contains: "after the value")
        assertSyntaxError("let value: T = 1; let other: T = 2;", contains: "after the value")
        assertSyntaxError("let value = 1;", line: 1, column: 11, contains: "type annotation")
        assertSyntaxError("let value: = 1;", contains: "empty type annotation")
        assertSyntaxError("let value: T;", contains: "expected `=`")
        assertSyntaxError("let value: T) = 1;", contains: "unbalanced")
        assertSyntaxError("import { X } from \"pkg\";\n", line: 2, column: 1, contains: "no `let value")
        assertSyntaxError("", contains: "no `let value")
        assertSyntaxError("value = 1;", contains: "expected an import")
        assertSyntaxError("import { X }", contains: "unterminated import")
        assertSyntaxError("let value: T = 1; /* open", line: 1, column: 19, contains: "unterminated block comment")
        assertSyntaxError("let value: T = # ;", contains: "expected a value, found `#`")
        assertSyntaxError("let value: T = 1;\r\nx", line: 2, column: 1, contains: "after the value")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        assertSyntaxError("let value: T = \(deep);", contains: "nesting deeper")
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertEqual(json(ok), ok)
    }

    func testFailureDescriptions() {
        XCTAssertEqual(
            TypeScriptExample.Failure.syntax(message: "expected a value", line: 3, column: 7).description,
            "3:7: expected a value"
        )
        XCTAssertEqual(TypeScriptExample.Failure.placeholder("/* values here */").description, "placeholder, not data: /* values here */")
        XCTAssertEqual(
            TypeScriptExample.Failure.placeholder("x").localizedDescription,
            "placeholder, not data: x"
        )
    }

    // MARK: Decoding

    private struct Connection: Decodable, Equatable {
        var id: String
        var createTime: Date
        var count: Int
        var ratio: Double
        var tags: [String]
        var extra: String?
    }

    func testDecodeWithGeneratedModelShape() throws {
        let example = try TypeScriptExample.parse("""
            let value: Connection = {
              id: "c-1",
              createTime: new Date("2023-07-13T21:34:44Z"),
              count: 215118,
              ratio: 1.5,
              tags: ["a", 'b'],
            };
            """)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let connection: Connection = try example.decode(using: decoder)
        XCTAssertEqual(
            connection,
            Connection(id: "c-1", createTime: Date(timeIntervalSince1970: 1_689_284_084), count: 215118, ratio: 1.5, tags: ["a", "b"], extra: nil)
        )
        XCTAssertEqual(try TypeScriptExample.parse(#"let value: E = "always";"#).decode(String.self), "always")
    }

    // MARK: Corpus

    private struct Block {
        var file: String
        /// 1-based line in the markdown file of the block's first line.
        var firstLine: Int
        var section: String
        /// The `### \`X\`` heading above a `## Supported Types` block.
        var heading: String?
        var text: String
    }

    /// The ```` ```typescript ```` blocks under `## Example Usage` and `## Supported Types`.
    private static func exampleBlocks(markdown: String, file: String) -> [Block] {
        var blocks: [Block] = []
        var section = ""
        var heading: String?
        var current: Block?
        var lines: [String] = []
        for (index, rawLine) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var block = current {
                if trimmed == "```" {
                    block.text = lines.joined(separator: "\n")
                    blocks.append(block)
                    current = nil
                } else {
                    lines.append(line)
                }
                continue
            }
            if line.hasPrefix("## ") {
                section = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                heading = nil
            } else if line.hasPrefix("### ") {
                heading = line.dropFirst(4).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            } else if trimmed == "```typescript", section == "Example Usage" || section == "Supported Types" {
                current = Block(file: file, firstLine: index + 2, section: section, heading: heading, text: "")
                lines = []
            }
        }
        return blocks
    }

    /// Names in `import { A, B } from …` lines.
    private static func importedNames(_ text: String) -> [String] {
        var names: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("import {") {
            guard let open = line.firstIndex(of: "{"), let close = line.firstIndex(of: "}") else { continue }
            names += line[line.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return names
    }

    func testCorpusExamplesConvert() throws {
        guard let root = ProcessInfo.processInfo.environment["SPECMODELS_CORPUS"] else {
            throw XCTSkip("set SPECMODELS_CORPUS (e.g. /work/shared/specs) to convert the corpus examples")
        }
        let fileManager = FileManager.default
        let base = URL(fileURLWithPath: root).appendingPathComponent("ampersand")
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            XCTFail("SPECMODELS_CORPUS=\(root): no folder \(base.path)")
            return
        }
        let versions = try fileManager.contentsOfDirectory(atPath: base.path)
            .filter { fileManager.fileExists(atPath: base.appendingPathComponent($0).appendingPathComponent("models").path) }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        XCTAssertFalse(versions.isEmpty, "no <version>/models folders under \(base.path)")

        var failures: [String] = []
        var placeholderTexts: [String: Int] = [:]
        var totals = (converted: 0, placeholder: 0, failed: 0)
        for version in versions {
            let models = base.appendingPathComponent(version).appendingPathComponent("models")
            var counts = (converted: 0, placeholder: 0, failed: 0)
            for group in try fileManager.contentsOfDirectory(atPath: models.path).sorted() {
                let folder = models.appendingPathComponent(group)
                guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                for name in try fileManager.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
                    let url = folder.appendingPathComponent(name)
                    let path = "\(version)/models/\(group)/\(name)"
                    for block in Self.exampleBlocks(markdown: try String(contentsOf: url, encoding: .utf8), file: path) {
                        do throws(TypeScriptExample.Failure) {
                            let example = try TypeScriptExample.parse(block.text)
                            var problems: [String] = []
                            do {
                                _ = try JSONSerialization.jsonObject(with: example.json, options: [.fragmentsAllowed])
                            } catch {
                                problems.append("invalid JSON \(example.jsonString): \(error)")
                            }
                            if block.section == "Supported Types", let heading = block.heading, heading != example.typeName {
                                problems.append("type \(example.typeName) differs from heading \(heading)")
                            }
                            let imported = Self.importedNames(block.text)
                            if !imported.isEmpty, !imported.contains(example.typeName) {
                                problems.append("type \(example.typeName) is not among the imports \(imported)")
                            }
                            if problems.isEmpty {
                                counts.converted += 1
                            } else {
                                counts.failed += 1
                                failures.append("\(block.file):\(block.firstLine): " + problems.joined(separator: "; "))
                            }
                        } catch .placeholder(let text) {
                            counts.placeholder += 1
                            placeholderTexts[text, default: 0] += 1
                        } catch .syntax(let message, let line, let column) {
                            counts.failed += 1
                            failures.append("\(block.file):\(block.firstLine + line - 1):\(column): \(message)")
                        } catch .notData(let reason) {
                            counts.failed += 1
                            failures.append("\(block.file):\(block.firstLine): not data: \(reason)")
                        }
                    }
                }
            }
            print("TypeScriptExample corpus \(version): converted=\(counts.converted) placeholder=\(counts.placeholder) failed=\(counts.failed)")
            totals.converted += counts.converted
            totals.placeholder += counts.placeholder
            totals.failed += counts.failed
        }
        print("TypeScriptExample corpus total: converted=\(totals.converted) placeholder=\(totals.placeholder) failed=\(totals.failed)")
        for (text, count) in placeholderTexts.sorted(by: { $0.key < $1.key }) {
            print("  placeholder \(count)× \(text)")
        }

        XCTAssertGreaterThan(totals.converted, 0, "no example under \(base.path) converted")
        XCTAssertEqual(totals.failed, 0, "failed blocks:\n" + failures.prefix(30).joined(separator: "\n"))
    }
}
