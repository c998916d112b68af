import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Optional fields that are also nullable (`nullable` lists them, or a flavour's
/// `JsonNullable<T>` / `OptionalNullable[T]`): `Nullable<T>?`, whose three states (absent,
/// `null`, a value) survive decoding and encoding, so that a PATCH body can clear a field.
final class ThreeStateFieldTests: XCTestCase {
    static let docs: [String: String] = [
        "models/components/patchaccount.md": """
            # PatchAccount

            The fields of an account to change.

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `id` | *string* | :heavy_check_mark: | The ID. |
            | `nickname` | *string* | :heavy_minus_sign: | Null clears it. |
            | `deletedAt` | [Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date) | :heavy_minus_sign: | A timestamp. |
            | `reminders` | [Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)[] | :heavy_minus_sign: | Timestamps. |
            | `kind` | *"patch"* | :heavy_minus_sign: | A literal. |
            | `owner` | [components.Owner](../../models/components/owner.md) | :heavy_minus_sign: | Another model. |
            | `parent` | [components.PatchAccount](../../models/components/patchaccount.md) | :heavy_minus_sign: | Contains this type. |
            | `score` | *number* | :heavy_minus_sign: | Optional, not nullable. |
            | ~~`legacyNote`~~ | *string* | :heavy_minus_sign: | :warning: ** DEPRECATED **: Use nickname.<br/><br/>A deprecated field. |
            | `additionalProperties` | Record<string, *string*> | :heavy_minus_sign: | The other keys. |
            """,
        "models/components/owner.md": """
            # Owner

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `name` | *string* | :heavy_check_mark: | The name. |
            | ~~`formerOwner`~~ | [components.LegacyOwner](../../models/components/legacyowner.md) | :heavy_minus_sign: | :warning: ** DEPRECATED **: Gone.<br/><br/>A deprecated field of a deprecated type. |
            """,
        "models/components/legacyowner.md": """
            # ~~LegacyOwner~~

            > :warning: **DEPRECATED**: Use Owner.

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `ownerName` | *string* | :heavy_check_mark: |
            """,
    ]

    static let configuration = """
        wireKeys: snake_case
        nullable:
          - PatchAccount.nickname
          - PatchAccount.deletedAt
          - PatchAccount.reminders
          - PatchAccount.kind
          - PatchAccount.owner
          - PatchAccount.parent
          - PatchAccount.legacyNote
          - Owner.formerOwner
        """

    private func generate() throws -> [SwiftEmitter.OutputFile] {
        try TestSupport.generate(Self.docs, configuration: Self.configuration)
    }

    /// The graph says which fields are three-state: optional and nullable.
    func testTheGraphMarksOptionalNullableFields() throws {
        var diagnostics = Diagnostics()
        let configuration = try XCTUnwrap(ConfigurationFile.parse(Self.configuration, path: "specmodels.yml", diagnostics: &diagnostics))
        let files = Self.docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(Self.docs[$0, default: ""].utf8)) }
        let graph = Generator.buildGraph(from: files, diagnostics: &diagnostics)
        let wired = graph.applying(configuration.resolve(against: graph, diagnostics: &diagnostics).wire)
        XCTAssertEqual(diagnostics.sorted.map(\.description), [])
        let model = try XCTUnwrap(wired.models.first { $0.name == "PatchAccount" })
        guard case .object(let properties) = model.shape else { return XCTFail("PatchAccount is an object") }
        XCTAssertEqual(properties.filter(\.isThreeState).map(\.name), ["nickname", "deletedAt", "reminders", "kind", "owner", "parent", "legacyNote"])
        XCTAssertEqual(properties.filter { !$0.isThreeState }.map(\.name), ["id", "score", "additionalProperties"])
    }

    /// The docs of other SDK languages say it themselves: Java's `JsonNullable<T>` and Python's
    /// `OptionalNullable[T]` on an optional field are three-state without a setting, while
    /// `Optional<T>` / `Optional[T]` stay plain optionals and Python's required `Nullable[T]`
    /// is `T?` with its key required.
    func testFlavoursThatSpellOptionalAndNullable() throws {
        let header = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        let java = ["models/components/Patch.md": "# Patch\n\n" + header + """
            | `id` | *String* | :heavy_check_mark: | The ID. |
            | `name` | *JsonNullable\\<String>* | :heavy_minus_sign: | Absent, null or a name. |
            | `count` | *JsonNullable\\<Long>* | :heavy_minus_sign: | Absent, null or a count. |
            | `page` | *Optional\\<Long>* | :heavy_minus_sign: | Absent or a page. |
            | `note` | *String* | :heavy_check_mark: | Required. |

            """]
        let python = ["models/patch.md": "# Patch\n\n" + header + """
            | `id` | *str* | :heavy_check_mark: | The ID. |
            | `name` | *OptionalNullable[str]* | :heavy_minus_sign: | Absent, null or a name. |
            | `count` | *OptionalNullable[int]* | :heavy_minus_sign: | Absent, null or a count. |
            | `page` | *Optional[int]* | :heavy_minus_sign: | Absent or a page. |
            | `note` | *Nullable[str]* | :heavy_check_mark: | Required, may be null. |

            """]
        for (language, docs, note) in [("Java", java, "String"), ("Python", python, "String?")] {
            let files = try TestSupport.generate(docs, configuration: "")
            let patch = try XCTUnwrap(files.first { $0.name != SupportLibrary.fileName }, language).contents
            for fragment in [
                "    public var name: Nullable<String>?\n",
                "    public var count: Nullable<Int>?\n",
                "    public var page: Int?\n",
                "    public var note: \(note)\n",
                "        self.name = try container.decodeNullableIfPresent(String.self, forKey: \"name\")\n",
                "        try container.writeIfPresent(self.count, forKey: \"count\")\n",
            ] {
                XCTAssertTrue(patch.contains(fragment), "\(language): missing\n\(fragment)\nin:\n\(patch)")
            }
        }
    }

    /// A model named like the support type is renamed, so that `Nullable<NullableModel>?` compiles.
    func testAModelNamedNullableDoesNotShadowTheSupportType() throws {
        let header = "## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n"
        let docs = [
            "models/components/nullable.md": "# Nullable\n\n" + header + "| `flag` | *boolean* | :heavy_check_mark: |\n",
            "models/components/holder.md": "# Holder\n\n" + header + "| `inner` | [components.Nullable](../../models/components/nullable.md) | :heavy_minus_sign: |\n",
        ]
        let files = try TestSupport.generate(docs, configuration: "nullable: [Holder.inner]\n")
        let holder = try XCTUnwrap(files.first { $0.name == "models.components.holder.swift" }).contents
        XCTAssertTrue(holder.contains("    public var inner: Nullable<NullableModel>?\n"), holder)
        let folder = try TestSupport.temporaryDirectory(self)
        try TestSupport.write(Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }), to: folder)
        let checked = try TestSupport.typecheck(try TestSupport.swiftFiles(in: folder), moduleName: "Shadowing")
        XCTAssertEqual(checked.status, 0, checked.standardError)
    }

    /// The emitted text: declarations, defaults, and coding that tells an absent key from `null`.
    func testDeclarationsAndCoding() throws {
        let account = try XCTUnwrap(try generate().first { $0.name == "models.components.patchaccount.swift" }).contents
        for fragment in [
            "    public var nickname: Nullable<String>?\n",
            "    public var reminders: Nullable<[Date]>?\n",
            "    public var score: Double?\n",
            "    public var parent: Nullable<PatchAccount>? {\n        get { _parent?.map(\\.value) }\n        set { _parent = newValue?.map(Indirect.init) }\n    }\n    private var _parent: Nullable<Indirect<PatchAccount>>?\n",
            "    private var _legacyNote: Nullable<String>?\n",
            "        nickname: Nullable<String>? = nil,\n",
            "        kind: Nullable<String>? = .value(\"patch\"),\n",
            "        self._parent = parent?.map(Indirect.init)\n",
            "        self.nickname = try container.decodeNullableIfPresent(String.self, forKey: \"nickname\")\n",
            "        self.deletedAt = try container.decodeNullableIfPresent(RFC3339Timestamp.self, forKey: \"deleted_at\")?.map(\\.date)\n",
            "        self.reminders = try container.decodeNullableIfPresent([RFC3339Timestamp].self, forKey: \"reminders\")?.map { $0.map { $0.date } }\n",
            "        guard decodedKind == nil || decodedKind == .null || decodedKind == .value(\"patch\") else {\n",
            "        self._parent = try container.decodeNullableIfPresent(PatchAccount.self, forKey: \"parent\")?.map(Indirect.init)\n",
            "        self.score = try container.readIfPresent(Double.self, forKey: \"score\")\n",
            "        try container.writeIfPresent(self.nickname, forKey: \"nickname\")\n",
            "        try container.writeIfPresent(self.deletedAt?.map(RFC3339Timestamp.init(date:)), forKey: \"deleted_at\")\n",
            "        try container.writeIfPresent(self.reminders?.map { $0.map { RFC3339Timestamp(date: $0) } }, forKey: \"reminders\")\n",
            "        try container.writeIfPresent(self._parent, forKey: \"parent\")\n",
        ] {
            XCTAssertTrue(account.contains(fragment), "missing:\n\(fragment)\nin:\n\(account)")
        }
    }

    func testAbsentNullAndValueSurviveDecodingAndEncoding() throws {
        let run = try TestSupport.compileAndRun(try generate(), main: #"""
            import Foundation

            func json(_ value: some Encodable) throws -> String {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return String(decoding: try encoder.encode(value), as: UTF8.self)
            }
            func state<T>(_ field: Nullable<T>?) -> String {
                switch field {
                case nil: return "absent"
                case .null?: return "null"
                case .value(let value)?: return "\(value)"
                }
            }
            func states(_ account: PatchAccount) -> String {
                [state(account.nickname), state(account.deletedAt), state(account.reminders), state(account.kind),
                 state(account.owner.map { $0.map(\.name) }), state(account.parent.map { $0.map(\.id) }), "\(account.score as Any)"].joined(separator: " | ")
            }
            func decode<T: Decodable>(_ type: T.Type, _ text: String) -> String {
                do { _ = try JSONDecoder().decode(type, from: Data(text.utf8)); return "ok" }
                catch DecodingError.typeMismatch(_, let context) { return "mismatch at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
                catch DecodingError.dataCorrupted(let context) { return context.debugDescription }
                catch { return "error \(error)" }
            }

            let absent = try JSONDecoder().decode(PatchAccount.self, from: Data(#"{"id":"a"}"#.utf8))
            print(states(absent))
            print(try json(absent))

            let nullsJSON = #"{"deleted_at":null,"id":"a","kind":null,"legacy_note":null,"nickname":null,"owner":null,"parent":null,"reminders":null,"score":null}"#
            let nulls = try JSONDecoder().decode(PatchAccount.self, from: Data(nullsJSON.utf8))
            print(states(nulls))
            print(try json(nulls))

            let valuesJSON = #"{"deleted_at":"2024-01-02T03:04:05Z","extra":"x","id":"a","kind":"patch","legacy_note":"n","nickname":"Ann","owner":{"former_owner":null,"name":"O"},"parent":{"id":"b","nickname":null},"reminders":["2024-01-01T00:00:00Z"],"score":1.5}"#
            let values = try JSONDecoder().decode(PatchAccount.self, from: Data(valuesJSON.utf8))
            print(states(values))
            let again = try json(values)
            print(again)
            print(try JSONDecoder().decode(PatchAccount.self, from: Data(again.utf8)) == values)

            // The three states are three values: equal and hashed apart.
            print(Set([absent, nulls, values, absent]).count, absent == nulls, nulls.nickname == .null, values.nickname == "Ann", values.parent?.value?.nickname == .null)

            // A PATCH body: clear the nickname, set the deletion time, leave the rest alone.
            var patch = PatchAccount(id: "a", kind: nil)
            patch.nickname = .null
            patch.deletedAt = .value(Date(timeIntervalSince1970: 0))
            patch.owner = .value(Owner(name: "O"))
            patch.parent = .value(PatchAccount(id: "b", nickname: "B", kind: nil))
            print(try json(patch))
            patch.nickname = Nullable(nil as String?)
            patch.reminders = .value([])
            patch.parent = nil
            patch.owner = .null
            print(try json(patch))
            print(try json(PatchAccount(id: "c")))

            // The literal is still checked; a wrong type is still an error.
            print(decode(PatchAccount.self, #"{"id":"a","kind":"other"}"#))
            print(decode(PatchAccount.self, #"{"id":"a","nickname":5}"#))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            absent | absent | absent | absent | absent | absent | nil
            {"id":"a"}
            null | null | null | null | null | null | nil
            {"deleted_at":null,"id":"a","kind":null,"legacy_note":null,"nickname":null,"owner":null,"parent":null,"reminders":null}
            Ann | 2024-01-02 03:04:05 +0000 | [2024-01-01 00:00:00 +0000] | patch | O | b | Optional(1.5)
            {"deleted_at":"2024-01-02T03:04:05.000000Z","extra":"x","id":"a","kind":"patch","legacy_note":"n","nickname":"Ann","owner":{"former_owner":null,"name":"O"},"parent":{"id":"b","nickname":null},"reminders":["2024-01-01T00:00:00.000000Z"],"score":1.5}
            true
            3 false true true true
            {"deleted_at":"1970-01-01T00:00:00.000000Z","id":"a","nickname":null,"owner":{"name":"O"},"parent":{"id":"b","nickname":"B"}}
            {"deleted_at":"1970-01-01T00:00:00.000000Z","id":"a","nickname":null,"owner":null,"reminders":[]}
            {"id":"c","kind":"patch"}
            expected the literal "patch"
            mismatch at nickname

            """, run.standardError)
    }
}
