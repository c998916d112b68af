import Foundation
import XCTest
@testable import SpecModelsKit

/// The four output formats, on one small report.
final class DiffRendererTests: XCTestCase {
    typealias D = SpecDoc

    private func report(verbose: Bool = false) throws -> DiffReport {
        let old = SpecFixture([
            ("Pet", D.object("Pet", [D.field("id", "*string*"), D.field("name", "*string*", required: false)])),
            ("Toy", D.object("Toy", [D.field("squeaks", "*boolean*")])),
        ])
        let new = SpecFixture([
            ("Pet", D.object("Pet", [D.field("id", "*string*", description: "The id, 100% unique.")])),
            ("Bone", D.object("Bone", [D.field("length", "*number*")])),
        ])
        return DiffReport(old: try XCTUnwrap(old.snapshot(label: "old")), new: try XCTUnwrap(new.snapshot(label: "new")))
    }

    func testText() throws {
        XCTAssertEqual(TextDiffRenderer.render(try report()), """
            old (2 types) → new (2 types), wire direction: both

            operations.Bone
              info     type-added     type added (object, 1 field)
                       swift info, wire info (request info, response info) · at new/models/operations/bone.md:1 · 4ebf4877c730

            operations.Pet
              breaking field-removed  optional field `name` removed (`string`)
                       swift breaking, wire warning (request warning, response info) · was old/models/operations/pet.md:14 · 3c721e92f315

            operations.Toy
              breaking type-removed   type removed (object `Toy`)
                       swift breaking, wire info (request info, response info) · was old/models/operations/toy.md:1 · 70fe7abfc949

            Summary: 2 breaking, 0 warnings, 1 info in 3 types; 1 description/example change (--verbose lists them)

            """)
        let verbose = TextDiffRenderer.render(try report(), verbose: true)
        XCTAssertTrue(verbose.contains("description-changed  description of `id` changed"), verbose)
        XCTAssertFalse(verbose.contains("--verbose lists them"))
    }

    func testTextColours() throws {
        let coloured = TextDiffRenderer.render(try report(), color: true)
        XCTAssertTrue(coloured.contains("\u{1B}[1;31mbreaking\u{1B}[0m"))
        XCTAssertTrue(coloured.contains("\u{1B}[1moperations.Pet\u{1B}[0m"))
        XCTAssertFalse(TextDiffRenderer.render(try report()).contains("\u{1B}"))
    }

    func testMarkdown() throws {
        XCTAssertEqual(MarkdownDiffRenderer.render(try report()), """
            ### specmodels diff: 2 breaking, 0 warnings, 1 info in 3 types; 1 description/example change

            `old` → `new` · wire direction: both

            | | Type | Change | Rule | Swift | Wire | Where |
            | --- | --- | --- | --- | --- | --- | --- |
            | :red_circle: breaking | `operations.Pet` | optional field `name` removed (`string`) | `field-removed` | breaking | warning | was old/models/operations/pet.md:14 |
            | :red_circle: breaking | `operations.Toy` | type removed (object `Toy`) | `type-removed` | breaking | info | was old/models/operations/toy.md:1 |

            <details><summary>1 info change</summary>

            | | Type | Change | Rule | Swift | Wire | Where |
            | --- | --- | --- | --- | --- | --- | --- |
            | info | `operations.Bone` | type added (object, 1 field) | `type-added` | info | info | at new/models/operations/bone.md:1 |

            </details>

            1 description/example change is not listed (`--verbose` lists them).

            """)
    }

    func testJSON() throws {
        let text = JSONDiffRenderer.render(try report())
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["schemaVersion"] as? Int, 1)
        XCTAssertEqual(object["direction"] as? String, "both")
        XCTAssertEqual((object["old"] as? [String: Any])?["label"] as? String, "old")
        XCTAssertEqual((object["new"] as? [String: Any])?["types"] as? Int, 2)
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["breaking": 2, "warning": 0, "info": 1, "documentation": 1, "ignored": 0, "changedTypes": 3])
        let changes = try XCTUnwrap(object["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.count, 3)
        let removed = changes[1]
        XCTAssertEqual(Set(removed.keys), [
            "fingerprint", "rule", "severity", "swift", "wire", "request", "response", "type", "member", "path",
            "message", "before", "after", "evidence", "old", "new",
        ])
        XCTAssertEqual(removed["rule"] as? String, "field-removed")
        XCTAssertEqual(removed["severity"] as? String, "breaking")
        XCTAssertEqual(removed["wire"] as? String, "warning")
        XCTAssertEqual(removed["path"] as? String, "operations.Pet.name")
        XCTAssertEqual(removed["fingerprint"] as? String, "3c721e92f315")
        XCTAssertTrue(removed["new"] is NSNull)
        XCTAssertTrue(removed["after"] is NSNull)
        let place = try XCTUnwrap(removed["old"] as? [String: Any])
        XCTAssertEqual(place["file"] as? String, "old/models/operations/pet.md")
        XCTAssertEqual(place["line"] as? Int, 14)
        XCTAssertEqual(place["column"] as? Int, 3)
        XCTAssertTrue(changes[0]["member"] is NSNull)
        XCTAssertEqual((object["ignored"] as? [Any])?.count, 0)
        // Verbose adds the documentation changes.
        let verbose = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONDiffRenderer.render(try report(), verbose: true).utf8)) as? [String: Any])
        XCTAssertEqual((verbose["changes"] as? [Any])?.count, 4)
    }

    func testGitHubAnnotations() throws {
        XCTAssertEqual(GitHubDiffRenderer.render(try report()), """
            ::error file=new/models/operations/pet.md,line=1,col=1,title=field-removed (swift breaking%2C wire warning)::operations.Pet: optional field `name` removed (`string`) (was old/models/operations/pet.md:14) [3c721e92f315]
            ::error title=type-removed (swift breaking%2C wire info)::operations.Toy: type removed (object `Toy`) (was old/models/operations/toy.md:1) [70fe7abfc949]
            specmodels diff: 2 breaking, 0 warnings, 1 info in 3 types; 1 description/example change

            """)
        let verbose = GitHubDiffRenderer.render(try report(), verbose: true)
        XCTAssertTrue(verbose.contains("::notice file=new/models/operations/pet.md,line=13,col=3,title=description-changed (swift info%2C wire info)::operations.Pet: description of `id` changed"), verbose)
        XCTAssertEqual(GitHubDiffRenderer.data("100% done\nnext"), "100%25 done%0Anext")
        XCTAssertEqual(GitHubDiffRenderer.property("a:b,c"), "a%3Ab%2Cc")
    }
}
