import XCTest
@testable import SpecModelsKit

/// Field changes, with both axes: what the generated struct and its init look like, and
/// whether JSON still decodes in each direction.
final class DiffFieldChangeTests: XCTestCase {
    typealias D = SpecDoc

    private func pet(_ rows: [String]) -> SpecFixture {
        SpecFixture([
            ("Pet", D.object("Pet", rows)),
            ("Owner", D.object("Owner", [D.field("name", "*string*")])),
            ("Keeper", D.object("Keeper", [D.field("name", "*string*")])),
            ("Color", D.enumeration("Color", ["\"red\"", "\"blue\""])),
            ("IdOrNumber", D.union("IdOrNumber", ["string", "number"])),
        ])
    }

    func testAddedFields() {
        let old = pet([D.field("id", "*string*")])
        let new = pet([
            D.field("id", "*string*"),
            D.field("nickname", "*string*", required: false),
            D.field("tag", "*string*"),
            D.field("kind", "*\"pet\"*"),
        ])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "field-added-optional operations.Pet.nickname info/info/info",
            // The init gets a parameter without default; old clients do not send the key.
            "field-added-required operations.Pet.tag breaking/breaking/info",
            // A literal field's init parameter defaults to the literal: callers compile.
            "field-added-required operations.Pet.kind info/breaking/info",
        ])
        XCTAssertEqual(changes[1].message, "required field `tag` added (`string`): a new init parameter without default")
        XCTAssertEqual(changes[1].newLocation?.line, 15)
        XCTAssertNil(changes[1].oldLocation)
    }

    func testRemovedFields() {
        let old = pet([D.field("id", "*string*"), D.field("name", "*string*"), D.field("nickname", "*string*", required: false)])
        let new = pet([D.field("id", "*string*")])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            // Old decoders need a key that was required; an optional one they do without.
            "field-removed operations.Pet.name breaking/warning/breaking",
            "field-removed operations.Pet.nickname breaking/warning/info",
        ])
        XCTAssertEqual(changes[0].oldLocation?.line, 14)
        XCTAssertNil(changes[0].newLocation)
        XCTAssertEqual(changes[0].typeLocation, SourceLocation(file: "new/models/operations/pet.md", line: 1, column: 1))
    }

    func testRenamedField() {
        let old = pet([D.field("id", "*string*"), D.field("ownerName", "*string*", required: false)])
        let new = pet([D.field("id", "*string*"), D.field("keeperName", "*string*", required: false)])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), ["field-renamed operations.Pet.keeperName breaking/warning/warning"])
        XCTAssertEqual(changes[0].message, "field `ownerName` renamed to `keeperName` (Swift `ownerName` → `keeperName`)")
        XCTAssertEqual(changes[0].evidence, ["same type `string`, optional in both", "same position (2)"])
    }

    /// `owner_name` and `ownerName` are the same Swift property: only the JSON key changed,
    /// which is what is reported (see DiffFlavourPairingTests).
    func testRenamedJSONKeyWithTheSameSwiftName() {
        let old = pet([D.field("owner_name", "*string*")])
        let new = pet([D.field("ownerName", "*string*")])
        assertChanges(old, new, ["field-wire-key-changed operations.Pet.ownerName info/breaking/breaking"])
    }

    func testTypeChanges() {
        let old = pet([
            D.field("tags", "*string*"),
            D.field("scores", "*number*"),
            D.field("owner", D.link("Owner")),
            D.field("extra", "*string*"),
            D.field("data", "*any*"),
            D.field("count", "*number*"),
        ])
        let new = pet([
            D.field("tags", "*string*[]"),
            D.field("scores", "Record<string, *number*>"),
            D.field("owner", D.link("Keeper")),
            D.field("extra", "*any*"),
            D.field("data", "*string*"),
            D.field("count", "*42*"),
        ])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "field-type-changed operations.Pet.tags breaking/breaking/breaking",
            "field-type-changed operations.Pet.scores breaking/breaking/breaking",
            // Keeper has Owner's JSON: the Swift type changes, the wire does not.
            "field-type-changed operations.Pet.owner breaking/info/info",
            // Every JSON value decodes as `any`, so servers accept what old clients send.
            "field-type-changed operations.Pet.extra breaking/info/breaking",
            // … and old clients decoding `any` accept whatever the server sends.
            "field-type-changed operations.Pet.data breaking/breaking/info",
            // `number` and `*42*` are both `Double` in Swift.
            "field-type-changed operations.Pet.count info/breaking/breaking",
        ])
        XCTAssertEqual(changes.map(\.message), [
            "type of `tags` changed from `string` to `string[]` (scalar → array, Swift `String` → `[String]`)",
            "type of `scores` changed from `number` to `Record<string, number>` (scalar → map, Swift `Double` → `[String: Double]`)",
            "type of `owner` changed from `operations.Owner` to `operations.Keeper` (model → other model with the same JSON, Swift `Owner` → `Keeper`)",
            "type of `extra` changed from `string` to `any` (scalar → other scalar, Swift `String` → `JSONValue`)",
            "type of `data` changed from `any` to `string` (scalar → other scalar, Swift `JSONValue` → `String`)",
            "type of `count` changed from `number` to `42` (scalar → other scalar, Swift type `Double` unchanged)",
        ])
        XCTAssertEqual(changes[0].before, "string")
        XCTAssertEqual(changes[0].after, "string[]")
    }

    func testOptionalityChanges() {
        let old = pet([D.field("id", "*string*", required: false), D.field("name", "*string*")])
        let new = pet([D.field("id", "*string*"), D.field("name", "*string*", required: false)])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "field-became-required operations.Pet.id breaking/breaking/info",
            "field-became-optional operations.Pet.name breaking/info/breaking",
        ])
        XCTAssertEqual(changes.map(\.message), [
            "field `id` became required (Swift `String?` → `String`, no default in init)",
            "field `name` became optional (Swift `String` → `String?`)",
        ])
    }

    func testDeprecation() {
        let old = pet([
            D.field("id", "*string*", description: "The id."),
            D.field("legacy", "*string*", required: false, description: "Old.", deprecated: "gone soon"),
        ])
        let new = pet([
            D.field("id", "*string*", description: "The id.", deprecated: "use `key`"),
            D.field("legacy", "*string*", required: false, description: "Old."),
        ])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "field-deprecated operations.Pet.id warning/info/info",
            "field-undeprecated operations.Pet.legacy info/info/info",
        ])
        XCTAssertEqual(changes[0].message, "field `id` deprecated: use key")
    }

    func testStringFieldBecameEnum() {
        let old = pet([D.field("color", "*string*")])
        let new = pet([D.field("color", D.link("Color"))])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), ["field-became-enum operations.Pet.color breaking/warning/info"])
        XCTAssertEqual(changes[0].message, "field `color` became the enum `operations.Color` (Swift `String` → `Color`)")
    }

    func testWrappedIntoAndUnwrappedFromAUnion() {
        let old = pet([D.field("id", "*string*"), D.field("ref", D.link("IdOrNumber")), D.field("value", "*number*")])
        let new = pet([D.field("id", D.link("IdOrNumber")), D.field("ref", "*string*"), D.field("value", "*number* \\| *boolean*")])
        XCTAssertEqual(changes(old, new).map(\.compact), [
            // Servers still accept the old member; old clients cannot decode the others.
            "field-wrapped-in-union operations.Pet.id breaking/info/breaking",
            "field-wrapped-in-union operations.Pet.value breaking/info/breaking",
            "field-unwrapped-from-union operations.Pet.ref breaking/breaking/info",
        ])
    }

    /// The init takes its parameters in field order, so a new order breaks callers.
    func testFieldsReordered() {
        let old = pet([D.field("id", "*string*"), D.field("name", "*string*"), D.field("age", "*number*")])
        let new = pet([D.field("name", "*string*"), D.field("id", "*string*"), D.field("age", "*number*")])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), ["fields-reordered operations.Pet breaking/info/info"])
        XCTAssertEqual(changes[0].before, "id, name, age")
        XCTAssertEqual(changes[0].after, "name, id, age")
    }

    /// Adding and removing fields around the others is not a reorder.
    func testInsertionIsNotAReorder() {
        let old = pet([D.field("id", "*string*"), D.field("gone", "*boolean*", required: false), D.field("age", "*number*")])
        let new = pet([D.field("new", "*string*", required: false), D.field("id", "*string*"), D.field("age", "*number*")])
        assertChanges(old, new, [
            "field-added-optional operations.Pet.new info/info/info",
            "field-removed operations.Pet.gone breaking/warning/info",
        ])
    }

    func testFieldDescriptionAndExampleAreDocumentation() {
        let old = pet([D.field("id", "*string*", description: "The id.", example: "pet-1")])
        let new = pet([D.field("id", "*string*", description: "The pet's id.", example: "pet-2")])
        let changes = self.changes(old, new, documentation: true)
        XCTAssertEqual(changes.map(\.compact), [
            "description-changed operations.Pet.id info/info/info",
            "example-changed operations.Pet.id info/info/info",
        ])
        XCTAssertEqual(changes.map(\.before), ["The id.", "pet-1"])
        XCTAssertEqual(changes.map(\.after), ["The pet's id.", "pet-2"])
    }
}
