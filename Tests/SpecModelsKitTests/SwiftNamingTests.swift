import XCTest
@testable import SpecModelsKit

/// Table-driven tests for the names the generated code uses.
final class SwiftNamingTests: XCTestCase {
    func testMemberNames() {
        let cases: [(String, String)] = [
            ("projectId", "projectId"), ("bad_credentials", "badCredentials"),
            ("oauth2/authorizationCode", "oauth2AuthorizationCode"), ("text/plain", "textPlain"),
            ("1.0", "_1_0"), ("10", "_10"), ("with space", "withSpace"), ("shipping-address", "shippingAddress"),
            ("APIKey", "apiKey"), ("URL", "url"), ("SCREAMING_CASE", "screamingCase"), ("self", "self_"),
            ("Type", "type"), ("init", "init_"), ("---", "empty"), ("SELF", "self_"),
            ("2fa", "_2fa"), ("v2beta", "v2beta"), ("x509Cert", "x509Cert"),
        ]
        for (spelling, expected) in cases {
            XCTAssertEqual(SwiftNaming.memberName(spelling), expected, spelling)
        }
        XCTAssertEqual(SwiftNaming.escaped("default"), "`default`")
        XCTAssertEqual(SwiftNaming.escaped("name"), "name")
    }

    /// One name as each SDK language's docs spell it (TypeScript and Java `docId`, Python
    /// `doc_id`, Go `DocID`, C# `DocId`) → the one Swift member name they all give.
    static let spellingsOfOneName: [(swift: String, spellings: [String])] = [
        ("docId", ["docId", "doc_id", "DocID", "DocId", "DOC_ID"]),
        ("httpMeta", ["httpMeta", "http_meta", "HTTPMeta", "HttpMeta"]),
        ("baseUrl", ["baseUrl", "base_url", "baseURL", "BaseURL", "BaseUrl"]),
        ("manual", ["manual", "MANUAL", "Manual"]),
        ("screamingCase", ["screamingCase", "screaming_case", "SCREAMING_CASE", "ScreamingCase"]),
        ("apiKey", ["apiKey", "api_key", "APIKey", "ApiKey", "API_KEY"]),
        ("userIds", ["userIds", "user_ids", "UserIDs", "userIDs", "UserIds"]),
        ("addressLine1", ["addressLine1", "address_line1", "address_line_1", "AddressLine1", "ADDRESS_LINE_1"]),
        ("v2Field", ["v2Field", "v2_field", "V2Field", "V2_FIELD"]),
        ("ipV4Address", ["ipV4Address", "ip_v4_address", "IpV4Address"]),
        ("oauth2Token", ["oauth2Token", "oauth2_token", "Oauth2Token", "OAUTH2_TOKEN"]),
        ("createdAt", ["createdAt", "created_at", "CreatedAt", "CREATED_AT", "created-at"]),
        ("id", ["id", "ID", "Id"]),
        ("version1_0", ["version1.0", "version_1_0", "Version1_0"]),
        ("odataType", ["@odata.type", "odata_type", "OdataType"]),
        ("émigréName", ["émigréName", "émigré_name", "ÉmigréName"]),
    ]

    func testEveryLanguagesSpellingGivesOneMemberName() {
        for row in Self.spellingsOfOneName {
            for spelling in row.spellings {
                XCTAssertEqual(SwiftNaming.memberName(spelling), row.swift, spelling)
            }
        }
    }

    /// The words names are cut into: case changes, acronyms, plurals of acronyms, digits.
    func testWords() {
        let cases: [(String, [String])] = [
            ("DocID", ["Doc", "ID"]), ("HTTPMeta", ["HTTP", "Meta"]), ("baseURL", ["base", "URL"]),
            ("userIDs", ["user", "IDs"]), ("URLsForUser", ["URLs", "For", "User"]), ("HTTPSettings", ["HTTP", "Settings"]),
            ("addressLine1", ["address", "Line1"]), ("v2Field", ["v2", "Field"]), ("IPV4Address", ["IPV4", "Address"]),
            ("2fa", ["2fa"]), ("oauth2/authorizationCode", ["oauth2", "authorization", "Code"]), ("_links", ["links"]),
            ("a_b", ["a", "b"]), ("ÉmigréName", ["Émigré", "Name"]), ("", []), ("--", []),
        ]
        for (name, words) in cases {
            XCTAssertEqual(NameWords.split(name).map(String.init), words, name)
        }
    }

    /// A string value names its case, whatever the Name column says; a number takes the Name
    /// column's name, without the enum's name in front (Go's style).
    func testCaseNamesAreTheSameFromEveryLanguage() {
        func names(_ rows: [(String?, EnumValue.Literal)], enumName: String) -> [String] {
            let location = SourceLocation(file: "x.md", line: 1, column: 1)
            return MemberNaming.caseNames(of: rows.map { EnumValue(name: $0.0, value: $0.1, location: location) }, enumName: enumName)
        }
        let manual: [[(String?, EnumValue.Literal)]] = [
            [(nil, .string("manual")), (nil, .string("in_progress"))],  // TypeScript's union of literals
            [("MANUAL", .string("manual")), ("IN_PROGRESS", .string("in_progress"))],  // Java, Python
            [("Manual", .string("manual")), ("InProgress", .string("in_progress"))],  // C#
            [("ActivityEnumManual", .string("manual")), ("ActivityEnumInProgress", .string("in_progress"))],  // Go
        ]
        for rows in manual {
            XCTAssertEqual(names(rows, enumName: "ActivityEnum"), ["manual", "inProgress"], "\(rows)")
        }
        let forced: [[(String?, EnumValue.Literal)]] = [
            [("PreferNonForced", .integer(0)), ("PreferForced", .integer(1))],  // TypeScript
            [("PREFER_NON_FORCED", .integer(0)), ("PREFER_FORCED", .integer(1))],  // Java, Python
            [("DefaultSubtitleForcedPreferNonForced", .integer(0)), ("DefaultSubtitleForcedPreferForced", .integer(1))],  // Go
        ]
        for rows in forced {
            XCTAssertEqual(names(rows, enumName: "DefaultSubtitleForced"), ["preferNonForced", "preferForced"], "\(rows)")
        }
        // A name that starts with the enum's name everywhere loses it in every language alike.
        XCTAssertEqual(names([("LevelLow", .integer(1)), ("LevelHigh", .integer(2))], enumName: "Level"), ["low", "high"])
        XCTAssertEqual(names([("LevelLevelLow", .integer(1)), ("LevelLevelHigh", .integer(2))], enumName: "Level"), ["low", "high"])
        // Only while every name goes on after it, and only at word boundaries.
        XCTAssertEqual(names([("LevelLow", .integer(1)), ("Level", .integer(2))], enumName: "Level"), ["levelLow", "level"])
        XCTAssertEqual(names([("Levels", .integer(1)), ("LevelOne", .integer(2))], enumName: "Level"), ["levels", "levelOne"])
        XCTAssertEqual(names([("Level1", .integer(1)), ("Level2", .integer(2))], enumName: "Level"), ["level1", "level2"])
        // Without names, numbers are spelled out; `none` and `unrecognized` stay usable.
        XCTAssertEqual(names([(nil, .integer(1)), (nil, .integer(-2)), (nil, .number("1.5"))], enumName: "Size"), ["value1", "valueMinus2", "value1_5"])
        XCTAssertEqual(names([("None", .integer(0)), ("Unrecognized", .integer(1))], enumName: "Mode"), ["none_", "unrecognized2"])
        XCTAssertEqual(names([("NONE", .string("none")), ("ALL", .string("ALL"))], enumName: "Mode"), ["none_", "all"])
        // A value of symbols alone is named by them, as it is in every language.
        XCTAssertEqual(
            names([("WILDCARD", .string("*")), (nil, .string("<=")), ("Empty", .string("")), (nil, .string("10"))], enumName: "Scope"),
            ["asterisk", "lessThanSignEqualsSign", "empty", "_10"])
    }

    func testTypeNames() {
        XCTAssertEqual(SwiftNaming.typeName("ListInstallationsGroup"), "ListInstallationsGroup")
        XCTAssertEqual(SwiftNaming.typeName("Data"), "DataModel")
        XCTAssertEqual(SwiftNaming.typeName("JSONValue"), "JSONValueModel")
        // ASCII spellings are spelled on bytes, others by Character: each word capitalized, joined.
        XCTAssertEqual(SwiftNaming.typeName("list-installations group"), "ListInstallationsGroup")
        XCTAssertEqual(SwiftNaming.typeName("_doc__id9 x"), "DocId9X")
        XCTAssertEqual(SwiftNaming.typeName("2fa-status"), "_2faStatus")
        XCTAssertEqual(SwiftNaming.typeName("--"), "Model")
        XCTAssertEqual(SwiftNaming.typeName("data"), "DataModel")
        XCTAssertEqual(SwiftNaming.typeName("état-civil"), "ÉtatCivil")
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: "UpdateConnectionAPIProblem"), ["Update", "Connection", "API", "Problem"])
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: "Version2Beta"), ["Version2", "Beta"])
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: "HTTPServer_Error"), ["HTTP", "Server_Error"])
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: "ABC"), ["ABC"])
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: ""), [])
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: "NaïveÉtatName"), ["Naïve", "État", "Name"])
    }

    func testUniqueNamesNumberCollisionsInOrder() {
        var names = UniqueNames(reserving: ["unrecognized"])
        XCTAssertEqual(["a", "a", "a3", "a", "unrecognized", "b"].map { names.claim($0) }, ["a", "a2", "a3", "a4", "unrecognized2", "b"])
        // Thousands of colliding names stay distinct (and take linear time).
        var many = UniqueNames()
        let claimed = (0..<5_000).map { _ in many.claim("field") }
        XCTAssertEqual(Set(claimed).count, 5_000)
        XCTAssertEqual(claimed.last, "field5000")
        // A capacity is a hint: a scope holds more names than it was made for.
        var sized = UniqueNames(capacity: 2)
        XCTAssertEqual(["a", "a", "b", "c", "a"].map { sized.claim($0) }, ["a", "a2", "b", "c", "a3"])
    }
}
