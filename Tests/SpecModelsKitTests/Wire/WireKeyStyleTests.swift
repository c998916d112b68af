import XCTest
@testable import SpecModelsKit

/// `WireKeyStyle.key(for:)`: the key each style gives a documented name, on names with
/// digits, acronyms, separators and leading symbols.
final class WireKeyStyleTests: XCTestCase {
    /// documented name → (snake_case, PascalCase, kebab-case, camelCase)
    static let table: [(name: String, snake: String, pascal: String, kebab: String, camel: String)] = [
        ("createdAt", "created_at", "CreatedAt", "created-at", "createdAt"),
        ("id", "id", "Id", "id", "id"),
        ("addressLine1", "address_line1", "AddressLine1", "address-line1", "addressLine1"),
        ("line2", "line2", "Line2", "line2", "line2"),
        ("ipV4Address", "ip_v4_address", "IpV4Address", "ip-v4-address", "ipV4Address"),
        ("v2Field", "v2_field", "V2Field", "v2-field", "v2Field"),
        ("HTTPMeta", "http_meta", "HTTPMeta", "http-meta", "httpMeta"),
        ("httpMeta", "http_meta", "HttpMeta", "http-meta", "httpMeta"),
        ("parseURL", "parse_url", "ParseURL", "parse-url", "parseUrl"),
        ("userIDs", "user_i_ds", "UserIDs", "user-i-ds", "userIds"),
        ("mediaContainer", "media_container", "MediaContainer", "media-container", "mediaContainer"),
        ("deploymentAlias", "deployment_alias", "DeploymentAlias", "deployment-alias", "deploymentAlias"),
        ("dollarSchema", "dollar_schema", "DollarSchema", "dollar-schema", "dollarSchema"),
        ("links", "links", "Links", "links", "links"),
        ("_links", "_links", "_Links", "_links", "_links"),
        ("$schema", "$schema", "$Schema", "$schema", "$schema"),
        ("@odata.type", "@odata_type", "@OdataType", "@odata-type", "@odataType"),
        ("created_at", "created_at", "CreatedAt", "created-at", "createdAt"),
        ("deployment-alias", "deployment_alias", "DeploymentAlias", "deployment-alias", "deploymentAlias"),
        ("MediaContainer", "media_container", "MediaContainer", "media-container", "mediaContainer"),
        ("oauth2Token", "oauth2_token", "Oauth2Token", "oauth2-token", "oauth2Token"),
        ("x", "x", "X", "x", "x"),
        ("__", "__", "__", "__", "__"),
        ("émigréName", "émigré_name", "ÉmigréName", "émigré-name", "émigréName"),
        ("DocID", "doc_id", "DocID", "doc-id", "docId"),
        ("DocId", "doc_id", "DocId", "doc-id", "docId"),
        ("doc_id", "doc_id", "DocId", "doc-id", "docId"),
        ("baseURL", "base_url", "BaseURL", "base-url", "baseUrl"),
        ("SCREAMING_CASE", "screaming_case", "SCREAMINGCASE", "screaming-case", "screamingCase"),
    ]

    func testEachStyle() {
        for row in Self.table {
            XCTAssertEqual(WireKeyStyle.documented.key(for: row.name), row.name, row.name)
            XCTAssertEqual(WireKeyStyle.snakeCase.key(for: row.name), row.snake, row.name)
            XCTAssertEqual(WireKeyStyle.pascalCase.key(for: row.name), row.pascal, row.name)
            XCTAssertEqual(WireKeyStyle.kebabCase.key(for: row.name), row.kebab, row.name)
            XCTAssertEqual(WireKeyStyle.camelCase.key(for: row.name), row.camel, row.name)
        }
    }

    /// `camelCase` gives the Swift property name, so a field's key and property agree whatever
    /// SDK language's docs spelled the name (only leading symbols and escaping differ).
    func testCamelCaseIsTheSwiftPropertyName() {
        let names = Self.table.map(\.name) + SwiftNamingTests.spellingsOfOneName.flatMap(\.spellings)
        for name in names where name.first?.isLetter == true {
            XCTAssertEqual(WireKeyStyle.camelCase.key(for: name), SwiftNaming.memberName(name), name)
        }
    }

    /// A style applied to its own output changes nothing.
    func testStylesAreIdempotent() {
        for row in Self.table {
            for style in WireKeyStyle.allCases {
                let key = style.key(for: row.name)
                XCTAssertEqual(style.key(for: key), key, "\(style) of \(row.name)")
            }
        }
    }

    func testRawValuesAreTheSpellingsOfSpecModelsYml() {
        XCTAssertEqual(WireKeyStyle.allCases.map(\.rawValue), ["documented", "snake_case", "PascalCase", "kebab-case", "camelCase"])
    }
}

/// The key a struct probes to notice `.convertFromSnakeCase`, and that strategy's result.
final class ConvertedKeyProbeTests: XCTestCase {
    func testConversionOfCertainKeysOnly() {
        let table: [(String, String?)] = [
            ("status_code", "statusCode"),
            ("address_line1", "addressLine1"),
            ("ip_v4_address", "ipV4Address"),
            ("a_b_c", "aBC"),
            ("statusCode", nil),
            ("line1", nil),
            ("_links", nil),
            ("links_", nil),
            ("a__b", nil),
            ("Status_Code", nil),
            ("v2_1", nil),
            ("deployment-alias", nil),
        ]
        for (key, converted) in table {
            XCTAssertEqual(ConvertedKeyProbe.convertedFromSnakeCase(key), converted, key)
        }
    }

    func testPrefersARequiredKeyAndSkipsKeysWhoseConvertedFormIsAKeyToo() {
        XCTAssertNil(ConvertedKeyProbe.probe(wireKeys: [("id", true), ("createdAt", true), ("_links", false)]))
        XCTAssertEqual(ConvertedKeyProbe.probe(wireKeys: [("created_at", false), ("status_code", true)])?.key, "status_code")
        XCTAssertEqual(ConvertedKeyProbe.probe(wireKeys: [("created_at", false), ("updated_at", false)])?.key, "created_at")
        XCTAssertEqual(ConvertedKeyProbe.probe(wireKeys: [("status_code", true), ("statusCode", false), ("row_version", false)])?.converted, "rowVersion")
    }
}
