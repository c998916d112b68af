import XCTest
@testable import SpecModelsKit

/// Type-level changes: added, removed, renamed, kind changed, deprecated, Swift name changed;
/// and that a change is reported once, at its owner, cycles included.
final class DiffTypeChangeTests: XCTestCase {
    typealias D = SpecDoc

    private var base: SpecFixture {
        SpecFixture([
            ("Pet", D.object("Pet", [
                D.field("id", "*string*"),
                D.field("name", "*string*", required: false),
                D.field("owner", D.link("Owner"), required: false),
            ])),
            ("Owner", D.object("Owner", [D.field("name", "*string*")])),
            ("Bone", D.object("Bone", [D.field("length", "*number*")])),
        ])
    }

    func testIdenticalSpecsHaveNoChanges() {
        assertChanges(base, base, [])
    }

    func testAddedAndRemovedTypes() {
        var new = base
        new[name: "Bone"] = nil
        new[name: "Toy"] = D.object("Toy", [D.field("squeaks", "*boolean*")])
        assertChanges(base, new, [
            "type-removed operations.Bone breaking/info/info",
            "type-added operations.Toy info/info/info",
        ])
    }

    func testRenameBySameShapeIsFollowedThroughReferences() {
        var new = base
        new[name: "Owner"] = nil
        new[name: "Keeper"] = D.object("Keeper", [D.field("name", "*string*")])
        new[name: "Pet"] = D.object("Pet", [
            D.field("id", "*string*"),
            D.field("name", "*string*", required: false),
            D.field("owner", D.link("Keeper"), required: false),
        ])
        // Pet only points at the renamed type: nothing changed there. The examples name the
        // type, which alone is no example change either.
        let changes = self.changes(base, new, documentation: true)
        XCTAssertEqual(changes.map(\.compact), ["type-renamed operations.Keeper breaking/info/info"])
        XCTAssertEqual(changes.first?.before, "operations.Owner")
        XCTAssertEqual(changes.first?.after, "operations.Keeper")
        XCTAssertEqual(changes.first?.evidence, [
            "same 1 field with the same types: `name`",
            "doc moved from `models/operations/owner.md` to `models/operations/keeper.md`",
        ])
        XCTAssertEqual(changes.first?.oldLocation, SourceLocation(file: "old/models/operations/owner.md", line: 1, column: 1))
        XCTAssertEqual(changes.first?.newLocation, SourceLocation(file: "new/models/operations/keeper.md", line: 1, column: 1))
        XCTAssertEqual(changes.first?.message, "renamed from `operations.Owner` (Swift `Owner` → `Keeper`)")
    }

    /// Two removed and two added types share one shape: names decide who is who.
    func testRenamesWithTheSameShapePairByName() {
        let shape = [D.field("username", "*string*"), D.field("password", "*string*")]
        let old = SpecFixture([
            ("Oauth2Password", D.object("Oauth2Password", shape)),
            ("UpdateConnectionOauth2Password", D.object("UpdateConnectionOauth2Password", shape)),
        ])
        let new = SpecFixture([
            ("UpdateConnectionOauth2PasswordCredentials", D.object("UpdateConnectionOauth2PasswordCredentials", shape)),
            ("Oauth2PasswordCredentials", D.object("Oauth2PasswordCredentials", shape)),
        ])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map { "\($0.before!) → \($0.after!)" }, [
            "operations.Oauth2Password → operations.Oauth2PasswordCredentials",
            "operations.UpdateConnectionOauth2Password → operations.UpdateConnectionOauth2PasswordCredentials",
        ])
    }

    func testEmptyShapesAreNotRenames() {
        let old = SpecFixture([("Empty", D.object("Empty", []))])
        let new = SpecFixture([("Blank", D.object("Blank", []))])
        assertChanges(old, new, [
            "type-added operations.Blank info/info/info",
            "type-removed operations.Empty breaking/info/info",
        ])
    }

    /// The heading changed in the same doc, and so did a field: a rename, then the field.
    func testRenamedHeadingInTheSameDoc() {
        var new = base
        new.documents[D.path("Bone")] = D.object("Stick", [D.field("length", "*string*")])
        let changes = self.changes(base, new)
        XCTAssertEqual(changes.map(\.compact), [
            "type-renamed operations.Stick breaking/info/info",
            "field-type-changed operations.Stick.length breaking/breaking/breaking",
        ])
        XCTAssertEqual(changes.first?.evidence, ["same doc `models/operations/bone.md`, renamed heading"])
    }

    func testKindChanged() {
        var new = base
        new[name: "Bone"] = D.enumeration("Bone", ["\"small\"", "\"large\""])
        new[name: "Owner"] = D.union("Owner", ["string", "operations.Bone"])
        let changes = self.changes(base, new)
        XCTAssertEqual(changes.map(\.compact), [
            "type-kind-changed operations.Bone breaking/breaking/breaking",
            "type-kind-changed operations.Owner breaking/breaking/breaking",
        ])
        XCTAssertEqual(changes.map(\.message), ["changed from an object to an enum", "changed from an object to a union"])
    }

    func testDeprecatedAndUndeprecated() {
        var old = base
        old[name: "Bone"] = D.object("Bone", deprecated: "use Toy", [D.field("length", "*number*")])
        var new = base
        new[name: "Owner"] = D.object("Owner", deprecated: "owners are keepers now", [D.field("name", "*string*")])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "type-undeprecated operations.Bone info/info/info",
            "type-deprecated operations.Owner warning/info/info",
        ])
        XCTAssertEqual(changes.last?.message, "type deprecated: owners are keepers now")
    }

    /// A new `errors.Problem` makes the generator prefix both Swift names: code naming
    /// `Problem` breaks although `operations.Problem` did not change.
    func testSwiftNameChangedByANewTypeOfTheSameName() {
        var old = base
        old[name: "Problem"] = D.object("Problem", [D.field("title", "*string*")])
        var new = old
        new[name: "Problem", namespace: "errors"] = D.object("Problem", [D.field("status", "*number*")])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "type-added errors.Problem info/info/info",
            "type-swift-name-changed operations.Problem breaking/info/info",
        ])
        XCTAssertEqual(changes.last?.before, "Problem")
        XCTAssertEqual(changes.last?.after, "OperationsProblem")
    }

    /// A change deep in a chain is reported at the leaf, not at every type that reaches it.
    func testChangeIsReportedOnceAtItsOwner() {
        let old = SpecFixture([
            ("Root", D.object("Root", [D.field("middle", D.link("Middle"))])),
            ("Middle", D.object("Middle", [D.field("leaves", D.link("Leaf") + "[]")])),
            ("Leaf", D.object("Leaf", [D.field("id", "*string*")])),
        ])
        var new = old
        new[name: "Leaf"] = D.object("Leaf", [D.field("id", "*string*"), D.field("color", "*string*")])
        assertChanges(old, new, ["field-added-required operations.Leaf.color breaking/breaking/info"])
    }

    /// `Node` contains itself and `Tree` ↔ `Forest` refer to each other: the diff does not
    /// walk references, so cycles end nowhere and each change appears once.
    func testCycleInTheGraph() {
        let old = SpecFixture([
            ("Node", D.object("Node", [
                D.field("children", D.link("Node") + "[]"),
                D.field("parent", D.link("Node"), required: false),
            ])),
            ("Tree", D.object("Tree", [D.field("forest", D.link("Forest"), required: false), D.field("height", "*number*")])),
            ("Forest", D.object("Forest", [D.field("trees", D.link("Tree") + "[]")])),
        ])
        var new = old
        new[name: "Node"] = D.object("Node", [
            D.field("children", D.link("Node") + "[]"),
            D.field("parent", D.link("Node"), required: true),
        ])
        new[name: "Tree"] = D.object("Tree", [D.field("forest", D.link("Forest"), required: false), D.field("height", "*string*")])
        assertChanges(old, new, [
            "field-became-required operations.Node.parent breaking/breaking/info",
            "field-type-changed operations.Tree.height breaking/breaking/breaking",
        ])
    }

    /// Two types that refer to each other are renamed together: their shapes match only
    /// once each is assumed to be the other's counterpart.
    func testTypesRenamedTogetherInACycle() {
        let old = SpecFixture([
            ("Tree", D.object("Tree", [D.field("forest", D.link("Forest"), required: false), D.field("height", "*number*")])),
            ("Forest", D.object("Forest", [D.field("trees", D.link("Tree") + "[]")])),
        ])
        let new = SpecFixture([
            ("Oak", D.object("Oak", [D.field("forest", D.link("Woods"), required: false), D.field("height", "*number*")])),
            ("Woods", D.object("Woods", [D.field("trees", D.link("Oak") + "[]")])),
        ])
        assertChanges(old, new, [
            "type-renamed operations.Oak breaking/info/info",
            "type-renamed operations.Woods breaking/info/info",
        ])
    }

    /// A chain of renamed types, each pointing at the next: found leaf first, and the rest
    /// at once when the chain is long.
    func testChainOfRenames() {
        func chain(_ prefix: String) -> SpecFixture {
            SpecFixture((0..<7).map { level in
                var rows = [D.field("level\(level)", "*number*")]
                if level < 6 { rows.append(D.field("next", D.link("\(prefix)\(level + 1)"))) }
                return ("\(prefix)\(level)", D.object("\(prefix)\(level)", rows))
            })
        }
        let changes = self.changes(chain("Link"), chain("Node"))
        XCTAssertEqual(changes.map { "\($0.before!) → \($0.after!)" }, (0..<7).map { "operations.Link\($0) → operations.Node\($0)" })
    }

    /// Types that only look alike through references to unrelated types are not renames.
    func testReferencesToUnrelatedTypesAreNotRenames() {
        let old = SpecFixture([
            ("CatResponse", D.object("CatResponse", [D.field("data", D.link("Cat"))])),
            ("Cat", D.object("Cat", [D.field("meows", "*boolean*")])),
        ])
        let new = SpecFixture([
            ("DogResponse", D.object("DogResponse", [D.field("data", D.link("Dog"))])),
            ("Dog", D.object("Dog", [D.field("barks", "*number*")])),
        ])
        assertChanges(old, new, [
            "type-removed operations.Cat breaking/info/info",
            "type-removed operations.CatResponse breaking/info/info",
            "type-added operations.Dog info/info/info",
            "type-added operations.DogResponse info/info/info",
        ])
    }

    func testTypeDescriptionAndExampleAreDocumentation() {
        var new = base
        new[name: "Owner"] = D.object("Owner", description: "Who feeds the pet.", example: "let value: Owner = { name: \"Ann\" };",
                                      [D.field("name", "*string*")])
        let changes = self.changes(base, new, documentation: true)
        XCTAssertEqual(changes.map(\.compact), [
            "description-changed operations.Owner info/info/info",
            "example-changed operations.Owner info/info/info",
        ])
        XCTAssertTrue(changes.allSatisfy(\.isDocumentation))
        XCTAssertEqual(changes.first?.after, "Who feeds the pet.")
    }
}
