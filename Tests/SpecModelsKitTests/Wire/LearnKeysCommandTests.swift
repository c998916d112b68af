import Foundation
import XCTest
@testable import SpecModelsKit

/// `specmodels learn-keys`, run as a user runs it, on a small spec of a snake_case API whose
/// docs show camelCase names.
final class LearnKeysCommandTests: XCTestCase {
    private var workspace: URL!

    static let dateLink = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"

    static let spec: [String: String] = [
        "spec/models/components/account.md": """
            # Account

            A customer account.

            ## Fields

            | Field       | Type                                                        | Required           | Description        |
            | ----------- | ----------------------------------------------------------- | ------------------ | ------------------ |
            | `accountId` | *string*                                                    | :heavy_check_mark: | The account's id.  |
            | `createdAt` | \(dateLink)                                                 | :heavy_check_mark: | When it was made.  |
            | `deletedAt` | \(dateLink)                                                 | :heavy_check_mark: | When it was closed. |
            | `links`     | [components.Links](../../models/components/links.md)        | :heavy_minus_sign: | HAL links.         |
            | `eTag`      | *string*                                                    | :heavy_minus_sign: | The entity tag.    |
            | `etag`      | *string*                                                    | :heavy_minus_sign: | The legacy tag.    |
            | `addresses` | [components.Address](../../models/components/address.md)[] | :heavy_minus_sign: | Where it is.       |

            """,
        "spec/models/components/address.md": """
            # Address

            ## Fields

            | Field         | Type     | Required           | Description   |
            | ------------- | -------- | ------------------ | ------------- |
            | `streetLine1` | *string* | :heavy_check_mark: | The street.   |
            | `postalCode`  | *string* | :heavy_minus_sign: | The zip code. |

            """,
        "spec/models/components/links.md": """
            # Links

            ## Fields

            | Field  | Type     | Required           | Description     |
            | ------ | -------- | ------------------ | --------------- |
            | `self` | *string* | :heavy_minus_sign: | This resource.  |

            """,
    ]

    /// The wire: snake_case keys, a HAL `_links`, and a `null` the docs do not show.
    static let goodSample = """
        {
          "account_id": "a1",
          "created_at": "2024-01-01T00:00:00Z",
          "deleted_at": null,
          "_links": {"self": "https://example.com/accounts/a1"},
          "addresses": [{"street_line1": "1 Main Street", "postal_code": "1000"}]
        }
        """

    override func setUpWithError() throws {
        workspace = try TestSupport.temporaryDirectory(self)
        try TestSupport.write(Self.spec, to: workspace)
        try TestSupport.write(["good.json": Self.goodSample], to: workspace)
    }

    private func specmodels(_ arguments: String...) throws -> TestSupport.ProcessResult {
        try TestSupport.run(try TestSupport.specmodelsExecutable, arguments, in: workspace)
    }

    func testPrintsTheStyleTheOverridesAndTheNullableFields() throws {
        let result = try specmodels("learn-keys", "--type", "Account", "good.json")
        XCTAssertEqual(result.standardError, "")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardOutput, """
            # learn-keys: 1 sample, 8 fields seen; `snake_case` gives 7 of them their key
            wireKeys: snake_case
            keyOverrides:
              components.Account.links: _links
            nullable:
              - components.Account.deletedAt

            """)
    }

    static let badSample = """
        {
          "account_id": "a1",
          "created_at": "2024-01-01T00:00:00Z",
          "deleted_at": null,
          "ETag": "v1",
          "nickname": "Al",
          "addresses": [{"street_line1": "1 Main Street", "zip": "1000"}]
        }
        """

    static let badSampleFindings = [
        "bad.json:5:3: KIND: key `ETag` at `$.ETag` matches 2 fields of `components.Account` by spelling (`eTag`, `etag`); add a keyOverrides entry for the one it belongs to",
        "bad.json:6:3: KIND: key `nickname` at `$.nickname` matches no field of `components.Account` (its fields are `accountId`, `createdAt`, `deletedAt`, `links`, `eTag`, `etag`, `addresses`)",
        "bad.json:7:51: KIND: key `zip` at `$.addresses[0].zip` matches no field of `components.Address` (its fields are `streetLine1`, `postalCode`)",
    ]

    /// Keys it cannot place are warnings with their paths; the keys it can place are learned.
    func testReportsUnmatchedAndAmbiguousKeysWithTheirPathsAndLearnsTheRest() throws {
        try TestSupport.write(["bad.json": Self.badSample], to: workspace)
        let result = try specmodels("learn-keys", "--type", "components.Account", "bad.json")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardError.split(separator: "\n").map(String.init), Self.badSampleFindings.map {
            $0.replacingOccurrences(of: "KIND", with: "warning")
        })
        XCTAssertEqual(result.standardOutput, """
            # learn-keys: 1 sample, 5 fields seen; `snake_case` gives 5 of them their key
            wireKeys: snake_case
            nullable:
              - components.Account.deletedAt

            """)
    }

    /// --strict: the same findings are errors, and the run fails.
    func testStrictMakesEveryFindingAnError() throws {
        try TestSupport.write(["bad.json": Self.badSample], to: workspace)
        let result = try specmodels("learn-keys", "--strict", "--type", "components.Account", "bad.json")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardError.split(separator: "\n").map(String.init), Self.badSampleFindings.map {
            $0.replacingOccurrences(of: "KIND", with: "error")
        })
    }

    func testReportsAMissingRequiredKey() throws {
        try TestSupport.write(["missing.json": #"{"account_id": "a1", "deleted_at": null}"#], to: workspace)
        let result = try specmodels("learn-keys", "--type", "Account", "missing.json")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardError, """
            missing.json:1:1: warning: `$` has no key for the required field `components.Account.createdAt` (key `createdAt`): the doc says it is always sent

            """)
    }

    /// No key that belongs to a field: nothing learned is an error, not an empty setting.
    func testNothingLearnedFails() throws {
        try TestSupport.write(["specmodels.yml": "accessModifier: internal\n", "other.json": #"{"what": 1}"#], to: workspace)
        let result = try specmodels("learn-keys", "--type", "Address", "other.json", "--write")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardError, """
            other.json:1:1: warning: `$` has no key for the required field `components.Address.streetLine1` (key `streetLine1`): the doc says it is always sent
            other.json:1:2: warning: key `what` at `$.what` matches no field of `components.Address` (its fields are `streetLine1`, `postalCode`)
            error: nothing learned: no key of the 1 sample belongs to one field with one key

            """)
        XCTAssertEqual(try String(contentsOf: workspace.appendingPathComponent("specmodels.yml"), encoding: .utf8), "accessModifier: internal\n")
    }

    func testWriteKeepsTheUsersSettingsAndComments() throws {
        let before = """
            # Settings for the accounts API.
            accessModifier: internal   # the app's own module

            keyOverrides:
              # The docs say accountId; the API agrees with snake_case.
              Address.postalCode: postal_code
            nameOverrides:
              Account.etag: legacyTag
            """
        try TestSupport.write(["specmodels.yml": before + "\n"], to: workspace)
        let result = try specmodels("learn-keys", "--type", "Account", "good.json", "--write")
        XCTAssertEqual(result.standardError, "")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardOutput, "specmodels.yml: wireKeys snake_case, 1 key overrides, 1 nullable fields\n")
        let after = try String(contentsOf: workspace.appendingPathComponent("specmodels.yml"), encoding: .utf8)
        XCTAssertEqual(after, """
            # Settings for the accounts API.
            accessModifier: internal   # the app's own module

            keyOverrides:
              # The docs say accountId; the API agrees with snake_case.
              Address.postalCode: postal_code
              components.Account.links: _links
            nameOverrides:
              Account.etag: legacyTag
            wireKeys: snake_case
            nullable:
              - components.Account.deletedAt

            """)
        // Learning again from the same sample changes nothing: every key now matches.
        let again = try specmodels("learn-keys", "--type", "Account", "good.json", "--write")
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(try String(contentsOf: workspace.appendingPathComponent("specmodels.yml"), encoding: .utf8), after)
        // And generate accepts the settings as written.
        let generated = try specmodels("generate", "--output", "Generated")
        XCTAssertEqual(generated.status, 0, generated.standardError)
    }

    func testWriteSetsAnExistingStyleInPlace() throws {
        try TestSupport.write(["specmodels.yml": "wireKeys: documented  # until we know\nnullable: []\n"], to: workspace)
        let result = try specmodels("learn-keys", "--type", "Account", "good.json", "--write")
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(try String(contentsOf: workspace.appendingPathComponent("specmodels.yml"), encoding: .utf8), """
            wireKeys: snake_case  # until we know
            nullable:
              - components.Account.deletedAt
            keyOverrides:
              components.Account.links: _links

            """)
    }

    /// One sample that contradicts its doc costs only what it contradicts: --write writes what
    /// the placed keys decide. --strict writes nothing.
    func testWriteWritesWhatWasLearnedDespiteWarningsAndStrictWritesNothing() throws {
        try TestSupport.write(["specmodels.yml": "accessModifier: internal\n", "bad.json": #"{"account_id": "a1", "what": 1}"#], to: workspace)
        let strict = try specmodels("learn-keys", "--type", "Account", "good.json", "bad.json", "--write", "--strict")
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.standardError, """
            bad.json:1:1: error: `$` has no key for the required field `components.Account.createdAt` (key `createdAt`): the doc says it is always sent
            bad.json:1:1: error: `$` has no key for the required field `components.Account.deletedAt` (key `deletedAt`): the doc says it is always sent
            bad.json:1:22: error: key `what` at `$.what` matches no field of `components.Account` (its fields are `accountId`, `createdAt`, `deletedAt`, `links`, `eTag`, `etag`, `addresses`)
            error: nothing written to specmodels.yml: fix the problems above first

            """)
        XCTAssertEqual(try String(contentsOf: workspace.appendingPathComponent("specmodels.yml"), encoding: .utf8), "accessModifier: internal\n")

        let result = try specmodels("learn-keys", "--type", "Account", "good.json", "bad.json", "--write")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardError, strict.standardError.replacingOccurrences(of: ": error: ", with: ": warning: ")
            .replacingOccurrences(of: "error: nothing written to specmodels.yml: fix the problems above first\n", with: ""))
        XCTAssertEqual(result.standardOutput, "specmodels.yml: wireKeys snake_case, 1 key overrides, 1 nullable fields\n")
        XCTAssertEqual(try String(contentsOf: workspace.appendingPathComponent("specmodels.yml"), encoding: .utf8), """
            accessModifier: internal
            wireKeys: snake_case
            keyOverrides:
              components.Account.links: _links
            nullable:
              - components.Account.deletedAt

            """)
    }
}
