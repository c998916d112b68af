import XCTest
@testable import SpecModelsKit

/// Enum values and union members. Generated enums are open (`unrecognized(_:)`), so a new
/// value decodes in old code; generated unions are closed.
final class DiffEnumAndUnionChangeTests: XCTestCase {
    typealias D = SpecDoc

    private func spec(_ docs: (name: String, text: String)...) -> SpecFixture {
        SpecFixture(docs + [
            ("Cat", D.object("Cat", [D.field("meows", "*boolean*")])),
            ("Dog", D.object("Dog", [D.field("barks", "*boolean*")])),
        ])
    }

    func testValueAddedAndRemoved() {
        let old = spec(("Status", D.enumeration("Status", ["\"active\"", "\"paused\"", "\"gone\""])))
        let new = spec(("Status", D.enumeration("Status", ["\"active\"", "\"paused\"", "\"archived\"", "\"deleted\""])))
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            // Exhaustive switches stop compiling; old decoders read `.unrecognized("archived")`.
            "enum-value-added operations.Status.archived warning/info/warning",
            "enum-value-added operations.Status.deleted warning/info/warning",
            // Old clients may still send it.
            "enum-value-removed operations.Status.gone breaking/breaking/info",
        ])
        XCTAssertEqual(changes[2].message, "value \"gone\" removed (Swift case `.gone`)")
    }

    func testValueRenamedBySpelling() {
        let old = spec(("Status", D.enumeration("Status", ["\"in_progress\"", "\"done\""])))
        let new = spec(("Status", D.enumeration("Status", ["\"done\"", "\"inProgress\""])))
        let changes = self.changes(old, new)
        // `in_progress` and `inProgress` are both `.inProgress` in Swift.
        XCTAssertEqual(changes.map(\.compact), ["enum-value-renamed operations.Status.inProgress info/breaking/warning"])
        XCTAssertEqual(changes[0].evidence, ["same spelling up to case and punctuation"])
    }

    func testValueRenamedInPlace() {
        let old = spec(("Status", D.enumeration("Status", ["\"active\"", "\"stopped\""])))
        let new = spec(("Status", D.enumeration("Status", ["\"active\"", "\"halted\""])))
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), ["enum-value-renamed operations.Status.halted breaking/breaking/warning"])
        XCTAssertEqual(changes[0].message, "value \"stopped\" renamed to \"halted\" (Swift `.stopped` → `.halted`)")
        XCTAssertEqual(changes[0].evidence, ["the only value removed and the only one added, at the same position (2)"])
    }

    /// With a Name column, the case name follows the name, not the value.
    func testNamedValues() {
        let old = spec(("Level", D.namedEnumeration("Level", [("Low", "1"), ("High", "2"), ("Max", "3")])))
        let new = spec(("Level", D.namedEnumeration("Level", [("Low", "1"), ("Top", "2"), ("Max", "9")])))
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            // Same wire value, new Swift case.
            "enum-value-renamed operations.Level.2 breaking/info/info",
            // Same name, so the same Swift case, with a new wire value.
            "enum-value-renamed operations.Level.9 info/breaking/warning",
        ])
        XCTAssertEqual(changes[1].evidence, ["same name `Max`"])
    }

    func testRawTypeChanged() {
        let old = spec(("Code", D.enumeration("Code", ["\"1\"", "\"2\""])))
        let new = spec(("Code", D.enumeration("Code", ["1", "2"])))
        assertChanges(old, new, ["enum-raw-type-changed operations.Code breaking/breaking/breaking"])
    }

    func testUnionMembersAddedAndRemoved() {
        let old = spec(("Pet", D.union("Pet", ["operations.Cat", "string"])))
        let new = spec(("Pet", D.union("Pet", ["operations.Cat", "operations.Dog[]"])))
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            // A closed union: old decoders fail on the new member.
            "union-member-added operations.Pet.operations.Dog[] warning/info/breaking",
            "union-member-removed operations.Pet.string breaking/breaking/info",
        ])
    }

    /// A member whose type was renamed is the same member.
    func testUnionMemberOfARenamedType() {
        let old = spec(("Pet", D.union("Pet", ["operations.Cat", "operations.Dog"])))
        var new = spec(("Pet", D.union("Pet", ["operations.Kitten", "operations.Dog"])))
        new[name: "Cat"] = nil
        new[name: "Kitten"] = D.object("Kitten", [D.field("meows", "*boolean*")])
        assertChanges(old, new, ["type-renamed operations.Kitten breaking/info/info"])
    }
}
