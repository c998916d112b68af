import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Changes on the wire that the docs do not show: each side's `specmodels.yml` settles its
/// wire keys and nullable fields (`wireKeys`, `keyOverrides`, `nullable`, the docs' own nulls).
final class DiffWireTests: XCTestCase {
    typealias D = SpecDoc

    private func pet(_ rows: [String], example: String? = nil) -> SpecFixture {
        SpecFixture([("Pet", D.object("Pet", example: example, rows))])
    }

    private static let rows = [
        D.field("id", "*string*"),
        D.field("ownerName", "*string*"),
        D.field("birthDate", "*string*", required: false),
    ]

    /// The changes between two fixtures, each side under its own configuration.
    private func changes(_ old: SpecFixture, _ oldYAML: String, _ new: SpecFixture, _ newYAML: String, file: StaticString = #filePath, line: UInt = #line) -> [SpecChange] {
        func side(_ fixture: SpecFixture, _ yaml: String, _ label: String) -> SpecSnapshot? {
            guard var snapshot = fixture.snapshot(label: label, file: file, line: line) else { return nil }
            var diagnostics = Diagnostics()
            guard let configuration = ConfigurationFile.parse(yaml, path: "\(label)/specmodels.yml", diagnostics: &diagnostics),
                  snapshot.apply(configuration, diagnostics: &diagnostics)
            else {
                XCTFail("\(label): \(diagnostics.sorted.map(\.description))", file: file, line: line)
                return nil
            }
            XCTAssertEqual(diagnostics.sorted.map(\.description), [], file: file, line: line)
            return snapshot
        }
        guard let before = side(old, oldYAML, "old"), let after = side(new, newYAML, "new") else { return [] }
        return SpecDiff.compare(old: before.graph, new: after.graph).filter { !$0.isDocumentation }
    }

    func testAStyleChangesTheKeysOfMultiWordFieldsOnly() {
        let changes = self.changes(pet(Self.rows), "", pet(Self.rows), "wireKeys: snake_case\n")
        XCTAssertEqual(changes.map(\.compact), [
            "field-wire-key-changed operations.Pet.ownerName info/breaking/breaking",
            "field-wire-key-changed operations.Pet.birthDate info/breaking/breaking",
        ])
        XCTAssertEqual(changes[0].message, "wire key of `ownerName` changed from `ownerName` to `owner_name` (Swift unchanged)")
        XCTAssertEqual(changes[0].before, "ownerName")
        XCTAssertEqual(changes[0].after, "owner_name")
    }

    func testAKeyOverrideWinsOverTheStyleOnBothSides() {
        let old = "wireKeys: snake_case\nkeyOverrides:\n  Pet.ownerName: owner\n"
        let new = "wireKeys: snake_case\nkeyOverrides:\n  Pet.birthDate: born\n"
        XCTAssertEqual(changes(pet(Self.rows), old, pet(Self.rows), new).map(\.compact), [
            "field-wire-key-changed operations.Pet.ownerName info/breaking/breaking",
            "field-wire-key-changed operations.Pet.birthDate info/breaking/breaking",
        ])
        XCTAssertEqual(changes(pet(Self.rows), old, pet(Self.rows), old).map(\.compact), [])
    }

    /// A documented rename that keeps the wire key is a Swift change only.
    func testARenameThatKeepsTheWireKey() {
        let old = [D.field("id", "*string*"), D.field("ownerName", "*string*")]
        let new = [D.field("id", "*string*"), D.field("ownerFullName", "*string*")]
        let keepKey = "wireKeys: snake_case\nkeyOverrides:\n  Pet.ownerFullName: owner_name\n"
        let changes = self.changes(pet(old), "wireKeys: snake_case\n", pet(new), keepKey)
        XCTAssertEqual(changes.map(\.compact), ["field-renamed operations.Pet.ownerFullName breaking/info/info"])
        XCTAssertEqual(changes[0].evidence, ["same type `string`, required in both", "same position (2)", "same wire key `owner_name`"])
        // Without the override the key changes with the name.
        XCTAssertEqual(self.changes(pet(old), "wireKeys: snake_case\n", pet(new), "wireKeys: snake_case\n").map(\.compact), [
            "field-renamed operations.Pet.ownerFullName breaking/breaking/breaking",
        ])
    }

    /// A rename of the spelling alone (`ownerURL` → `ownerUrl`, as another SDK language writes
    /// it) keeps the Swift name; with a style that keeps the key, it changes nothing.
    func testARenameOfTheSpellingAloneKeepsTheSwiftName() {
        let old = [D.field("id", "*string*"), D.field("ownerURL", "*string*")]
        let new = [D.field("id", "*string*"), D.field("ownerUrl", "*string*")]
        let changes = self.changes(pet(old), "wireKeys: snake_case\n", pet(new), "wireKeys: snake_case\n")
        XCTAssertEqual(changes.map(\.compact), ["field-renamed operations.Pet.ownerUrl info/info/info"])
        XCTAssertEqual(changes[0].evidence, ["same type `string`, required in both", "same position (2)", "same wire key `owner_url`"])
        XCTAssertEqual(self.changes(pet(old), "", pet(new), "").map(\.compact), [
            "field-renamed operations.Pet.ownerUrl info/breaking/breaking",
        ])
    }

    func testNullabilityByDirection() {
        let changes = self.changes(pet(Self.rows), "", pet(Self.rows), "nullable: [Pet.ownerName]\n")
        XCTAssertEqual(changes.map(\.compact), ["field-became-nullable operations.Pet.ownerName breaking/info/breaking"])
        XCTAssertEqual(changes[0].message, "required field `ownerName` may now be null (Swift `String` → `String?`)")
        let back = self.changes(pet(Self.rows), "nullable: [Pet.ownerName]\n", pet(Self.rows), "")
        XCTAssertEqual(back.map(\.compact), ["field-became-non-nullable operations.Pet.ownerName breaking/breaking/info"])
        XCTAssertEqual(back[0].message, "required field `ownerName` may no longer be null (Swift `String?` → `String`)")
    }

    /// An optional field that becomes nullable is three-state: `T?` → `Nullable<T>?` breaks
    /// Swift code, but old decoders read the new `null` as an absent key; back, old clients may
    /// still send `null`.
    func testOptionalFieldsBecomeThreeStateAndBack() {
        let changes = self.changes(pet(Self.rows), "", pet(Self.rows), "nullable: [Pet.birthDate]\n")
        XCTAssertEqual(changes.map(\.compact), ["field-became-nullable operations.Pet.birthDate breaking/info/info"])
        XCTAssertEqual(changes[0].message, "optional field `birthDate` may now be null (Swift `String?` → `Nullable<String>?`)")
        let back = self.changes(pet(Self.rows), "nullable: [Pet.birthDate]\n", pet(Self.rows), "")
        XCTAssertEqual(back.map(\.compact), ["field-became-non-nullable operations.Pet.birthDate breaking/breaking/info"])
        XCTAssertEqual(back[0].message, "optional field `birthDate` may no longer be null (Swift `Nullable<String>?` → `String?`)")
        // Required and nullable to optional and nullable: the init gains a default, the type changes.
        let required = [D.field("id", "*string*"), D.field("ownerName", "*string*"), D.field("birthDate", "*string*")]
        let toThreeState = self.changes(pet(required), "nullable: [Pet.birthDate]\n", pet(Self.rows), "nullable: [Pet.birthDate]\n")
        XCTAssertEqual(toThreeState.map(\.compact), ["field-became-optional operations.Pet.birthDate breaking/info/breaking"])
        XCTAssertEqual(toThreeState[0].message, "field `birthDate` became optional (Swift `String?` → `Nullable<String>?`)")
    }

    /// The doc's own example showing `null` makes the field nullable without any setting.
    func testAnExampleThatStartsShowingNull() {
        let example = "let value: Pet = {\n  id: \"p-1\",\n  ownerName: null,\n};"
        XCTAssertEqual(changes(pet(Self.rows), "", pet(Self.rows, example: example), "").map(\.compact), [
            "field-became-nullable operations.Pet.ownerName breaking/info/breaking",
        ])
        // The setting and the example agree: nothing changed.
        XCTAssertEqual(changes(pet(Self.rows), "nullable: [Pet.ownerName]\n", pet(Self.rows, example: example), "").map(\.compact), [])
    }

    func testOptionalAndNullableTogether() {
        let optional = [D.field("id", "*string*"), D.field("ownerName", "*string*", required: false), D.field("birthDate", "*string*", required: false)]
        let toRequired = changes(pet(optional), "", pet(Self.rows), "nullable: [Pet.ownerName]\n")
        XCTAssertEqual(toRequired.map(\.compact), ["field-became-required operations.Pet.ownerName breaking/breaking/info"])
        XCTAssertEqual(toRequired[0].message, "field `ownerName` became required and nullable (Swift `String?` → `String?`, no default in init)")
        // Nullable to optional: the Swift type stays `String?`, the init gains a default.
        let toOptional = changes(pet(Self.rows), "nullable: [Pet.ownerName]\n", pet(optional), "")
        XCTAssertEqual(toOptional.map(\.compact), ["field-became-optional operations.Pet.ownerName info/info/breaking"])
        XCTAssertEqual(toOptional[0].message, "field `ownerName` became optional (Swift `String?` unchanged, the init parameter defaults to nil)")
    }

    /// Two copies of a schema are the same JSON only with the same wire keys and nullability.
    func testWireEquivalenceComparesWireKeys() {
        func spec(_ target: String) -> SpecFixture {
            SpecFixture([
                ("Pet", D.object("Pet", [D.field("owner", D.link(target))])),
                ("Owner", D.object("Owner", [D.field("fullName", "*string*")])),
                ("Keeper", D.object("Keeper", [D.field("full_name", "*string*")])),
            ])
        }
        XCTAssertEqual(changes(spec("Owner"), "wireKeys: snake_case\n", spec("Keeper"), "wireKeys: snake_case\n").map(\.compact), [
            "field-type-changed operations.Pet.owner breaking/info/info",
        ])
        XCTAssertEqual(changes(spec("Owner"), "", spec("Keeper"), "").map(\.compact), [
            "field-type-changed operations.Pet.owner breaking/breaking/breaking",
        ])
    }

    /// `specmodels diff` reads the committed `specmodels.yml` for `git:HEAD` and the working
    /// one for the spec folder; a broken one fails the run with its line and column.
    func testTheCommandReadsEachSidesConfiguration() throws {
        let binary = try BadInputCorpusTests.findBinary()
        let repository = try TestSupport.temporaryDirectory(self)
        func git(_ arguments: String...) throws {
            let run = try TestSupport.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments,
                in: repository)
            XCTAssertEqual(run.status, 0, run.standardError)
        }
        try TestSupport.write(pet(Self.rows).documents.mapKeys { "spec/\($0)" }.merging(["specmodels.yml": "nullable: [Pet.ownerName]\n"]) { $1 }, to: repository)
        try git("init", "-q", "-b", "main")
        try git("add", ".")
        try git("commit", "-q", "-m", "v1")
        try Data("wireKeys: snake_case\n".utf8).write(to: repository.appendingPathComponent("specmodels.yml"))

        let run = try TestSupport.run(binary, ["diff", "--color", "never"], in: repository)
        XCTAssertEqual(run.status, 0, run.standardError)
        for line in [
            "field-became-non-nullable",
            "required field `ownerName` may no longer be null (Swift `String?` → `String`)",
            "wire key of `ownerName` changed from `ownerName` to `owner_name` (Swift unchanged)",
            "wire key of `birthDate` changed from `birthDate` to `birth_date` (Swift unchanged)",
        ] {
            XCTAssertTrue(run.standardOutput.contains(line), "missing \(line) in\n\(run.standardOutput)")
        }

        try Data("wireKeys: snake-case\n".utf8).write(to: repository.appendingPathComponent("specmodels.yml"))
        let broken = try TestSupport.run(binary, ["diff"], in: repository)
        XCTAssertEqual(broken.status, 2)
        XCTAssertEqual(broken.standardError, "specmodels.yml:1:11: error: `wireKeys` must be `documented`, `snake_case`, `PascalCase`, `kebab-case` or `camelCase`, found `snake-case`; did you mean `snake_case`?\n")

        // A named file must exist on disk; at the revision, its absence means no settings.
        let missing = try TestSupport.run(binary, ["diff", "--config", "other.yml"], in: repository)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.standardError, "error: the configuration file `other.yml` does not exist\n")
    }
}

private extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
