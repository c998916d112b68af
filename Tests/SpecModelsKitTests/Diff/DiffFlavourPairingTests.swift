import XCTest
@testable import SpecModelsKit

/// The diff of one API's docs in two SDK languages: types pair across namespaces by name,
/// fields by name up to case and underscores, and only what changes the generated Swift or
/// the JSON is reported.
final class DiffFlavourPairingTests: XCTestCase {
    typealias D = SpecDoc

    private func pet(namespace: String, owner: String = "Owner", _ rows: [String]) -> SpecFixture {
        SpecFixture([
            ("Pet", D.object("Pet", rows + [D.field("owner", D.link(owner, namespace: namespace))])),
            (owner, D.object(owner, [D.field("name", "*string*")])),
        ], namespace: namespace)
    }

    // MARK: Types

    /// The generated Swift names a type without its namespace: a move alone changes nothing.
    func testATypeInAnotherNamespaceIsTheSameType() {
        let old = pet(namespace: "operations", [D.field("id", "*string*")])
        assertChanges(old, pet(namespace: "components", [D.field("id", "*string*")]), [])
        // What changed inside it is reported at the moved type.
        assertChanges(old, pet(namespace: "components", [D.field("id", "*string*"), D.field("tag", "*string*", required: false)]), [
            "field-added-optional components.Pet.tag info/info/info",
        ])
    }

    func testANameSpelledWithOtherCaseInAnotherNamespaceIsARename() {
        let old = pet(namespace: "operations", owner: "Petowner", [D.field("id", "*string*")])
        let new = pet(namespace: "components", owner: "PetOwner", [D.field("id", "*string*")])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), ["type-renamed components.PetOwner breaking/info/info"])
        XCTAssertEqual(changes.first?.message, "renamed from `operations.Petowner` (Swift `Petowner` → `PetOwner`)")
        XCTAssertEqual(changes.first?.evidence, [
            "same name up to case, doc moved from `models/operations/petowner.md` to `models/components/petowner.md`",
        ])
    }

    /// Go documents each operation's response wrapper beside the body of the same name.
    private func chatResponses(bodyNamespace: String, bodyRows: [String] = [], wrapperRows: [String]?) -> SpecFixture {
        var fixture = SpecFixture([("ChatResponse", D.object("ChatResponse", [
            D.field("messages", "*string*[]"), D.field("chatId", "*string*", required: false),
        ] + bodyRows))], namespace: bodyNamespace)
        if let wrapperRows {
            fixture[name: "ChatResponse", namespace: "operations"] = D.object("ChatResponse", wrapperRows)
        }
        return fixture
    }

    func testOfSeveralTypesOfOneNameTheOneWithTheSameFieldsPairs() {
        let old = chatResponses(bodyNamespace: "models", wrapperRows: nil)
        let new = chatResponses(bodyNamespace: "components", wrapperRows: [
            D.field("contentType", "*string*"), D.field("chatResponse", D.link("ChatResponse", namespace: "components"), required: false),
        ])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), [
            "type-swift-name-changed components.ChatResponse breaking/info/info",
            "type-added operations.ChatResponse info/info/info",
        ])
        XCTAssertEqual(changes.first?.message,
                       "generated Swift type renamed from `ChatResponse` to `ComponentsChatResponse`: another namespace declares the same name")
    }

    /// Neither shares more with the old type than the other, and neither has its shape.
    func testTypesOfOneNameThatShareFieldsEquallyStayApart() {
        let old = chatResponses(bodyNamespace: "models", wrapperRows: nil)
        let new = chatResponses(bodyNamespace: "components", bodyRows: [D.field("title", "*string*")], wrapperRows: [
            D.field("messages", "*number*"), D.field("chatId", "*number*"),
        ])
        XCTAssertEqual(changes(old, new).map(\.compact), [
            "type-added components.ChatResponse info/info/info",
            "type-removed models.ChatResponse breaking/info/info",
            "type-added operations.ChatResponse info/info/info",
        ])
    }

    /// C# capitalises namespaces: `Components.One` is `components.One`, which leaves
    /// `Requests.One` to `operations.One`, though neither has a field to tell them apart.
    /// Two types of one name take their namespace into Swift, so that name changes.
    func testANamespaceSpelledWithOtherCaseIsTheSamePlace() {
        var old = SpecFixture([("One", D.object("One", []))], namespace: "components")
        old[name: "One", namespace: "operations"] = D.object("One", [])
        var new = SpecFixture([("One", D.object("One", []))], namespace: "Components")
        new[name: "One", namespace: "Requests"] = D.object("One", [])
        let changes = self.changes(old, new)
        XCTAssertEqual(changes.map(\.compact), ["type-swift-name-changed Requests.One breaking/info/info"])
        XCTAssertEqual(changes.first?.message,
                       "generated Swift type renamed from `OperationsOne` to `RequestsOne`: another namespace declares the same name")
    }

    // MARK: Fields

    /// The changes between two fixtures, both sides under one configuration.
    private func changes(_ old: SpecFixture, _ new: SpecFixture, yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [SpecChange] {
        changes(old, yaml, new, yaml, file: file, line: line)
    }

    func testAFieldRespelledWithTheSameSwiftNameAndKeyIsNoChange() {
        let old = SpecFixture([("Pet", D.object("Pet", [D.field("owner_name", "*string*"), D.field("birth_date", "*string*", required: false)]))])
        let new = SpecFixture([("Pet", D.object("Pet", [D.field("OwnerName", "*string*"), D.field("BirthDate", "*string*", required: false)]))])
        XCTAssertEqual(changes(old, new, yaml: "wireKeys: snake_case\n").map(\.compact), [])
        // Each side's documented names are its keys: the JSON differs, the Swift does not.
        let documented = changes(old, new, yaml: "wireKeys: documented\n")
        XCTAssertEqual(documented.map(\.compact), [
            "field-wire-key-changed operations.Pet.OwnerName info/breaking/breaking",
            "field-wire-key-changed operations.Pet.BirthDate info/breaking/breaking",
        ])
        XCTAssertEqual(documented.first?.message, "wire key of `OwnerName` changed from `owner_name` to `OwnerName` (Swift unchanged)")
    }

    func testARespellingThatChangesTheSwiftNameIsARename() {
        let old = SpecFixture([("Pet", D.object("Pet", [D.field("nick_name", "*string*"), D.field("weight", "*number*")]))])
        let new = SpecFixture([("Pet", D.object("Pet", [D.field("Nickname", "*string*"), D.field("Weight", "*string*")]))])
        let changes = self.changes(old, new, yaml: "wireKeys: snake_case\n")
        XCTAssertEqual(changes.map(\.compact), [
            // The pair is found by spelling, not by type: the type change is its own.
            "field-renamed operations.Pet.Nickname breaking/breaking/breaking",
            "field-type-changed operations.Pet.Weight breaking/breaking/breaking",
        ])
        XCTAssertEqual(changes.first?.message, "field `nick_name` renamed to `Nickname` (Swift `nickName` → `nickname`)")
        XCTAssertEqual(changes.first?.evidence, ["same name up to case and underscores"])
    }

    func testSpellingsThatFoldTogetherOnOneSidePairByTypeInstead() {
        let old = SpecFixture([("Pet", D.object("Pet", [D.field("tag_id", "*string*"), D.field("tagid", "*number*")]))])
        let new = SpecFixture([("Pet", D.object("Pet", [D.field("TagID", "*number*")]))])
        XCTAssertEqual(changes(old, new, yaml: "wireKeys: snake_case\n").map(\.compact), [
            "field-removed operations.Pet.tag_id breaking/warning/breaking",
            "field-renamed operations.Pet.TagID breaking/breaking/breaking",
        ])
    }

    // MARK: Two languages

    /// Python and Go docs of one model, read under the same wire settings: only the integer
    /// that Go documents as a float, and the Swift name of the extra keys, differ (Python's `datetime` label is a calendar
    /// date, as Go's `types.Date`; see PythonDatesTests).
    func testPythonAndGoDocsDifferOnlyInWhatTheLanguagesSay() {
        var python = SpecFixture()
        python.documents["models/pet.md"] = Self.fields("Pet", """
            | `pet_name` | *str* | :heavy_check_mark: | The name. |
            | `weight` | *int* | :heavy_check_mark: | Grams. |
            | `born` | [datetime](https://docs.python.org/3/library/datetime.html#datetime-objects) | :heavy_check_mark: | The day. |
            | `owner` | [Optional[models.Owner]](../models/owner.md) | :heavy_minus_sign: | The owner. |
            | `__pydantic_extra__` | Dict[str, *int*] | :heavy_minus_sign: | N/A |
            """)
        python.documents["models/owner.md"] = Self.fields("Owner", "| `full_name` | *str* | :heavy_check_mark: | The name. |")
        var go = SpecFixture()
        go.documents["models/components/pet.md"] = Self.fields("Pet", """
            | `PetName` | *string* | :heavy_check_mark: | The name. |
            | `Weight` | *float64* | :heavy_check_mark: | Grams. |
            | `Born` | [types.Date](../../types/date.md) | :heavy_check_mark: | The day. |
            | `Owner` | [*components.Owner](../../models/components/owner.md) | :heavy_minus_sign: | The owner. |
            | `AdditionalProperties` | map[string]*int64* | :heavy_minus_sign: | Keys no field has. |
            """)
        go.documents["models/components/owner.md"] = Self.fields("Owner", "| `FullName` | *string* | :heavy_check_mark: | The name. |")
        let changes = self.changes(python, go, yaml: "wireKeys: snake_case\n")
        XCTAssertEqual(changes.map(\.compact), [
            "field-renamed components.Pet.AdditionalProperties breaking/info/info",
            "field-type-changed components.Pet.Weight breaking/breaking/breaking",
        ])
        // Each language's field for the object's other keys is the same field; its Swift
        // name comes from the documented one, its JSON is the other keys, flat.
        XCTAssertEqual(changes[0].message,
                       "field `__pydantic_extra__` renamed to `AdditionalProperties` (Swift `pydanticExtra` → `additionalProperties`)")
        XCTAssertEqual(changes[0].evidence, ["both gather the keys no other field has (additionalProperties)"])
        XCTAssertEqual(changes[1].message,
                       "type of `Weight` changed from `number (integer)` to `number` (scalar → other scalar, Swift `Int` → `Double`)")
    }

    private static func fields(_ name: String, _ rows: String) -> String {
        "# \(name)\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n" + rows + "\n"
    }
}
