import Foundation
import XCTest
@testable import SpecModelsKit

/// What `wireKeys`, `keyOverrides` and `nullable` do to the generated code, compiled and run
/// against hand-written payloads in wire format.
final class WireSemanticsTests: XCTestCase {
    static let docs: [String: String] = [
        "models/components/account.md": """
            # Account

            ## Example Usage

            ```typescript
            import { Account } from "@example/sdk/models/components";

            let value: Account = {
              id: "a-1",
              createdAt: null,
              deletedAt: new Date("2024-01-02T03:04:05Z"),
              balance: 12.5,
              days: [],
              kind: "account",
              owner: null,
            };
            ```

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `id` | *string* | :heavy_check_mark: | The ID. |
            | `createdAt` | [Date](https://developer.mozilla.org/Date) | :heavy_check_mark: | Null in the example: nullable. |
            | `deletedAt` | [Date](https://developer.mozilla.org/Date) | :heavy_check_mark: | Nullable by `nullable`. |
            | `balance` | *number* | :heavy_check_mark: | Nullable by `nullable`. |
            | `days` | [Date](https://developer.mozilla.org/Date)[] | :heavy_check_mark: | Nullable by `nullable`. |
            | `kind` | *"account"* | :heavy_check_mark: | A literal, nullable by `nullable`. |
            | `owner` | [components.Owner](../../models/components/owner.md) | :heavy_check_mark: | Nullable by `nullable`. |
            | `parent` | [components.Account](../../models/components/account.md) | :heavy_minus_sign: | Optional, contains this type. |
            | `addressLine1` | *string* | :heavy_minus_sign: | Digits stay with their word. |
            | `links` | *string* | :heavy_minus_sign: | `_links` on the wire. |
            | `dollarSchema` | *string* | :heavy_minus_sign: | `$schema` on the wire. |
            | ~~`legacyOwner`~~ | [components.LegacyOwner](../../models/components/legacyowner.md) | :heavy_minus_sign: | :warning: ** DEPRECATED **: Use owner.<br/><br/>A deprecated field of a deprecated type. |
            """,
        "models/components/legacyowner.md": """
            # ~~LegacyOwner~~

            > :warning: **DEPRECATED**: Use Owner.

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `ownerName` | *string* | :heavy_check_mark: |
            """,
        "models/components/owner.md": """
            # Owner

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `ipV4Address` | *string* | :heavy_check_mark: |
            | `HTTPMeta` | *string* | :heavy_minus_sign: |
            | `account` | [components.Account](../../models/components/account.md) | :heavy_check_mark: |
            """,
    ]

    static let configuration = """
        wireKeys: snake_case
        keyOverrides:
          Account.links: _links
          Account.dollarSchema: $schema
        nullable:
          - Account.deletedAt
          - Account.balance
          - Account.days
          - Account.kind
          - Account.owner
          - Owner.account
        """

    private func generate() throws -> [SwiftEmitter.OutputFile] {
        try TestSupport.generate(Self.docs, configuration: Self.configuration)
    }

    /// A nullable field is `T?` without an init default; an optional one keeps `= nil`.
    func testDeclarations() throws {
        let account = try XCTUnwrap(try generate().first { $0.name == "models.components.account.swift" }).contents
        for fragment in [
            "    public var createdAt: Date?\n",
            "    public var balance: Double?\n",
            "        createdAt: Date?,\n",
            "        kind: String?,\n",
            "        owner: Owner?,\n",
            "        addressLine1: String? = nil,\n",
            "        self.balance = try container.read(Double?.self, forKey: \"balance\")\n",
            "        try container.checkKeysAreNotConverted(\"created_at\", convertedFromSnakeCase: \"createdAt\")\n",
            "        self.addressLine1 = try container.readIfPresent(String.self, forKey: \"address_line1\")\n",
            "        try container.write(self.balance, forKey: \"balance\")\n",
        ] {
            XCTAssertTrue(account.contains(fragment), "missing:\n\(fragment)\nin:\n\(account)")
        }
    }

    func testNullableFieldsDecodeNullEncodeNullAndRequireTheirKey() throws {
        let run = try TestSupport.compileAndRun(try generate(), main: #"""
            import Foundation

            func json(_ value: some Encodable) throws -> String {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return String(decoding: try encoder.encode(value), as: UTF8.self)
            }
            func decode<T: Decodable>(_ type: T.Type, _ text: String) -> String {
                do { _ = try JSONDecoder().decode(type, from: Data(text.utf8)); return "ok" }
                catch DecodingError.keyNotFound(let key, _) { return "missing \(key.stringValue)" }
                catch DecodingError.valueNotFound(_, let context) { return "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
                catch { return "error \(error)" }
            }

            let nulls = #"{"id":"a-1","created_at":null,"deleted_at":null,"balance":null,"days":null,"kind":null,"owner":null}"#
            let account = try JSONDecoder().decode(Account.self, from: Data(nulls.utf8))
            print(account.createdAt == nil, account.deletedAt == nil, account.balance == nil, account.days == nil, account.kind == nil, account.owner == nil)
            print(try json(account))

            let full = #"{"id":"a-2","created_at":"2024-01-02T03:04:05Z","deleted_at":"2024-02-03T04:05:06.5Z","balance":1.5,"days":["2024-01-01T00:00:00Z"],"kind":"account","owner":{"ip_v4_address":"10.0.0.1","http_meta":"h","account":null},"parent":{"id":"a-1","created_at":null,"deleted_at":null,"balance":null,"days":null,"kind":null,"owner":null},"address_line1":"Main St 1","_links":"self","$schema":"s"}"#
            let decoded = try JSONDecoder().decode(Account.self, from: Data(full.utf8))
            let again = try json(decoded)
            print(again)
            print(try JSONDecoder().decode(Account.self, from: Data(again.utf8)) == decoded)
            // A deprecated field of a deprecated type is coded under its wire key too (and compiles without warnings).
            let legacy = #"{"balance":null,"created_at":null,"days":null,"deleted_at":null,"id":"a-3","kind":null,"legacy_owner":{"owner_name":"Ann"},"owner":null}"#
            print(try json(try JSONDecoder().decode(Account.self, from: Data(legacy.utf8))) == legacy)

            // A nullable key must be present; null is not a value for a plain required field; the literal is still checked.
            print(decode(Account.self, #"{"id":"a-1","created_at":null,"deleted_at":null,"balance":null,"days":null,"kind":null}"#))
            print(decode(Account.self, #"{"id":null,"created_at":null,"deleted_at":null,"balance":null,"days":null,"kind":null,"owner":null}"#))
            print(decode(Account.self, #"{"id":"a","created_at":null,"deleted_at":null,"balance":null,"days":null,"kind":"other","owner":null}"#).contains("expected the literal"))
            print(decode(Owner.self, #"{"ip_v4_address":"x"}"#))
            // The documented names are not the wire keys any more: the check above says so.
            print(decode(Account.self, #"{"id":"a","createdAt":null,"deletedAt":null,"balance":null,"days":null,"kind":null,"owner":null}"#))
            // A decoder that converts keys is named in the error, at the object it first meets.
            let converting = JSONDecoder()
            converting.keyDecodingStrategy = .convertFromSnakeCase
            do {
                _ = try converting.decode(Account.self, from: Data(full.utf8))
                print("decoded with converted keys")
            } catch DecodingError.dataCorrupted(let context) {
                print(context.debugDescription)
            }
            do {
                _ = try converting.decode([Owner].self, from: Data(#"[{"ip_v4_address":"10.0.0.1","account":null}]"#.utf8))
            } catch DecodingError.dataCorrupted(let context) {
                print(context.codingPath.map(\.stringValue), context.debugDescription.split(separator: ".")[0])
            }
            // The memberwise init takes nullable fields without defaults.
            let made = Account(id: "m", createdAt: nil, deletedAt: nil, balance: nil, days: nil, kind: nil, owner: nil)
            print(try json(made))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            true true true true true true
            {"balance":null,"created_at":null,"days":null,"deleted_at":null,"id":"a-1","kind":null,"owner":null}
            {"$schema":"s","_links":"self","address_line1":"Main St 1","balance":1.5,"created_at":"2024-01-02T03:04:05.000000Z","days":["2024-01-01T00:00:00.000000Z"],"deleted_at":"2024-02-03T04:05:06.500000Z","id":"a-2","kind":"account","owner":{"account":null,"http_meta":"h","ip_v4_address":"10.0.0.1"},"parent":{"balance":null,"created_at":null,"days":null,"deleted_at":null,"id":"a-1","kind":null,"owner":null}}
            true
            true
            missing owner
            null at id
            true
            missing account
            error DecodingError.dataCorrupted: Data was corrupted. Debug description: Found the key "createdAt" where the wire key is "created_at". If the decoder converts keys (keyDecodingStrategy .convertFromSnakeCase), use the default strategy: these models carry their own wire keys. Otherwise the JSON is not in the models' wire format (see wireKeys in specmodels.yml).
            Found the key "createdAt" where the wire key is "created_at". If the decoder converts keys (keyDecodingStrategy .convertFromSnakeCase), use the default strategy: these models carry their own wire keys. Otherwise the JSON is not in the models' wire format (see wireKeys in specmodels.yml).
            ["Index 0"] Found the key "ipV4Address" where the wire key is "ip_v4_address"
            {"balance":null,"created_at":null,"days":null,"deleted_at":null,"id":"m","kind":null,"owner":null}

            """, run.standardError)
    }
}
