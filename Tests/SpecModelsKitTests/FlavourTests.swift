import XCTest
@testable import SpecModelsKit

/// Each SDK language's spellings of Speakeasy's Type cells, read into the same graph: small
/// docs written the way each language's docs write them (the real corpora are in
/// FlavourCorpusTests and CrossFlavourTests).
final class FlavourTests: XCTestCase {
    // MARK: Python

    func testPythonSpellings() throws {
        let (graph, diagnostics) = build([
            "models/payment.md": fields("""
                | `id` | *str* | :heavy_check_mark: | The ID. |
                | `count` | *int* | :heavy_check_mark: | How many. |
                | `amount` | *Optional[float]* | :heavy_minus_sign: | The amount. |
                | `paid` | *Optional[bool]* | :heavy_minus_sign: | Whether paid. |
                | `extra` | Dict[str, *Any*] | :heavy_minus_sign: | Anything. |
                | `due` | [datetime](https://docs.python.org/3/library/datetime.html#datetime-objects) | :heavy_check_mark: | The day. |
                | `paid_at` | [Optional[date]](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_minus_sign: | When. |
                | `lines` | List[[models.Line](../models/line.md)] | :heavy_check_mark: | The lines. |
                | `groups` | Dict[str, List[[models.Line](../models/line.md)]] | :heavy_minus_sign: | By group. |
                | `line` | [Optional[models.Line]](../models/line.md) | :heavy_minus_sign: | The first. |
                | `tags` | List[*str*] | :heavy_minus_sign: | Tags. |
                | `note` | *Nullable[str]* | :heavy_check_mark: | May be null. |
                | `memo` | *OptionalNullable[str]* | :heavy_minus_sign: | Absent, null or a memo. |
                | `file` | *Union[bytes, IO[bytes], io.BufferedReader]* | :heavy_minus_sign: | The file. |
                | `body` | *Optional[Union[bytes, IO[bytes], io.IOBase]]* | :heavy_minus_sign: | Any binary stream. |
                | `__pydantic_extra__` | Dict[str, *int*] | :heavy_minus_sign: | N/A |
                | `filter_` | *Optional[str]* | :heavy_minus_sign: | A builtin's name, escaped by the SDK. |
                | `since_` | *Optional[str]* | :heavy_minus_sign: | Not a reserved word: the name as written. |
                """),
            "models/line.md": fields("| `sku` | *str* | :heavy_check_mark: | The SKU. |"),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .python)
        let line = try model("Line", in: graph)
        // Speakeasy's Python docs label a date `datetime` and a timestamp `date` (PythonDatesTests).
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "id": .string, "count": .integer, "amount": .number, "paid": .boolean, "extra": .map(.any),
            "due": .date, "paid_at": .dateTime, "lines": .array(.model(line)), "groups": .map(.array(.model(line))),
            "line": .model(line), "tags": .array(.string), "note": .string, "memo": .string, "file": .bytes, "body": .bytes,
            "__pydantic_extra__": .map(.integer), "filter": .string, "since_": .string,
        ])
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.gathersAdditionalProperties).map(\.name), ["__pydantic_extra__"])
        let payment = try properties(of: "Payment", in: graph)
        XCTAssertEqual(payment.filter(\.isNullableInDocs).map(\.name), ["note", "memo"])
        XCTAssertEqual(payment.filter(\.isRequired).map(\.name), ["id", "count", "due", "lines", "note"])
    }

    // MARK: Go

    func testGoSpellings() throws {
        let (graph, diagnostics) = build([
            "models/components/payment.md": fields("""
                | `ID` | *string* | :heavy_check_mark: | The ID. |
                | `Count` | **int64* | :heavy_minus_sign: | How many. |
                | `Amount` | **float64* | :heavy_minus_sign: | The amount. |
                | `Paid` | **bool* | :heavy_minus_sign: | Whether paid. |
                | `Extra` | map[string]*any* | :heavy_minus_sign: | Anything. |
                | `Due` | [*types.Date](../../types/date.md) | :heavy_minus_sign: | The day. |
                | `PaidAt` | [*time.Time](https://pkg.go.dev/time#Time) | :heavy_minus_sign: | When. |
                | `Lines` | [][components.Line](../../models/components/line.md) | :heavy_check_mark: | The lines. |
                | `Groups` | map[string][][components.Line](../../models/components/line.md) | :heavy_minus_sign: | By group. |
                | `Line` | [*components.Line](../../models/components/line.md) | :heavy_minus_sign: | The first. |
                | `Tags` | []*string* | :heavy_minus_sign: | Tags. |
                | `Content` | []*byte* | :heavy_minus_sign: | The bytes. |
                | `Stream` | *io.ReadCloser* | :heavy_minus_sign: | A binary body, as Go streams it. |
                | `AdditionalProperties` | map[string]*int64* | :heavy_minus_sign: | Keys no field has. |
                """),
            "models/components/line.md": fields("| `Sku` | *string* | :heavy_check_mark: | The SKU. |"),
            "models/operations/getPaymentResponse.md": fields("""
                | `HTTPMeta` | [components.HTTPMetadata](../../models/components/httpmetadata.md) | :heavy_check_mark: | N/A |
                | `Payment` | [*components.Payment](../../models/components/payment.md) | :heavy_minus_sign: | OK |
                """),
            "models/components/httpmetadata.md": fields("""
                | `Response` | [*http.Response](https://pkg.go.dev/net/http#Response) | :heavy_check_mark: | Raw HTTP response |
                | `Request` | [*http.Request](https://pkg.go.dev/net/http#Request) | :heavy_check_mark: | Raw HTTP request |
                """),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .go)
        let line = try model("Line", in: graph)
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "ID": .string, "Count": .integer, "Amount": .number, "Paid": .boolean, "Extra": .map(.any), "Due": .date,
            "PaidAt": .dateTime, "Lines": .array(.model(line)), "Groups": .map(.array(.model(line))), "Line": .model(line),
            "Tags": .array(.string), "Content": .bytes, "Stream": .bytes, "AdditionalProperties": .map(.integer),
        ])
        // Go's name for OpenAPI's additionalProperties: the object's other keys, flat on the wire.
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.gathersAdditionalProperties).map(\.name), ["AdditionalProperties"])
        // Go's exported names are never the wire's: keys default to camelCase.
        XCTAssertEqual(try properties(of: "Payment", in: graph).prefix(8).map(\.wireKey), [
            "id", "count", "amount", "paid", "extra", "due", "paidAt", "lines",
        ])
        // A pointer is an optional field, never a nullable one.
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.isNullableInDocs).map(\.name), [])
        // HTTPMetadata holds only runtime values: the wrapper's field is set aside.
        let wrapper = graph.models.first { $0.name == "GetPaymentResponse" }
        XCTAssertEqual(wrapper?.runtimeFields.map(\.name), ["HTTPMeta"])
    }

    // MARK: Java

    func testJavaSpellings() throws {
        let (graph, diagnostics) = build([
            "models/components/Payment.md": fields("""
                | `id` | *String* | :heavy_check_mark: | The ID. |
                | `count` | *long* | :heavy_check_mark: | How many. |
                | `page` | *Optional\\<Long>* | :heavy_minus_sign: | The page. |
                | `amount` | *JsonNullable\\<Double>* | :heavy_minus_sign: | The amount. |
                | `paid` | *boolean* | :heavy_check_mark: | Whether paid. |
                | `extra` | Map\\<String, *Object*> | :heavy_minus_sign: | Anything. |
                | `headers` | Map\\<String, List\\\\<*String*>> | :heavy_minus_sign: | Headers. |
                | `due` | [LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html) | :heavy_minus_sign: | The day. |
                | `paidAt` | [JsonNullable\\<OffsetDateTime>](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html) | :heavy_minus_sign: | When. |
                | `lines` | List\\<[Line](../../models/components/Line.md)> | :heavy_check_mark: | The lines. |
                | `line` | [Optional\\<Line>](../../models/components/Line.md) | :heavy_minus_sign: | The first. |
                | `customField` | [JsonNullable\\<CustomField>](../../models/components/CustomField.md) | :heavy_minus_sign: | A union Java leaves empty. |
                | `content` | *byte[]* | :heavy_minus_sign: | The bytes. |
                | `private_` | *Optional\\<Boolean>* | :heavy_minus_sign: | A keyword, escaped by the SDK. |
                """),
            "models/components/Line.md": fields("| `sku` | *String* | :heavy_check_mark: | The SKU. |"),
            "models/components/CustomField.md": "# CustomField\n",
            "models/operations/GetPaymentResponse.md": fields("""
                | `contentType` | *String* | :heavy_check_mark: | HTTP response content type for this operation |
                | `statusCode` | *int* | :heavy_check_mark: | HTTP response status code for this operation |
                | `rawResponse` | [HttpResponse\\<?>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html) | :heavy_check_mark: | Raw HTTP response |
                | `payment` | [Optional\\<Payment>](../../models/components/Payment.md) | :heavy_minus_sign: | OK |
                """),
        ])
        XCTAssertEqual(diagnostics, [
            "models/components/CustomField.md:1:1: warning: `CustomField` has no `## Fields`, `## Values` or `## Supported Types` section: Speakeasy's Java docs leave the members of some unions out, so fields of this type are `JSONValue`",
        ])
        XCTAssertEqual(graph.flavour, .java)
        let line = try model("Line", in: graph)
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "id": .string, "count": .integer, "page": .integer, "amount": .number, "paid": .boolean, "extra": .map(.any),
            "headers": .map(.array(.string)), "due": .date, "paidAt": .dateTime, "lines": .array(.model(line)),
            "line": .model(line), "customField": .any, "content": .bytes, "private": .boolean,
        ])
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.isNullableInDocs).map(\.name), ["amount", "paidAt", "customField"])
        XCTAssertFalse(graph.models.contains { $0.name == "CustomField" }, "a doc without a shape is no model")
        let wrapper = graph.models.first { $0.name == "GetPaymentResponse" }
        XCTAssertEqual(wrapper?.runtimeFields.map(\.name), ["rawResponse"])
    }

    // MARK: C#

    func testCSharpSpellingsAndMemberHeadings() throws {
        let (graph, diagnostics) = build([
            "Models/Components/Payment.md": fields("""
                | `Id` | *string* | :heavy_check_mark: | The ID. |
                | `Count` | *long* | :heavy_minus_sign: | How many. |
                | `Amount` | *double* | :heavy_minus_sign: | The amount. |
                | `Paid` | *bool* | :heavy_minus_sign: | Whether paid. |
                | `Extra` | Dictionary<String, *object*> | :heavy_minus_sign: | Anything. |
                | `Due` | [LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html) | :heavy_minus_sign: | The day. |
                | `PaidAt` | [DateTime](https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0) | :heavy_minus_sign: | When. |
                | `Lines` | List<[Line](../../Models/Components/Line.md)> | :heavy_check_mark: | The lines. |
                | `Webhook` | [Models.Components.Line](../../Models/Components/Line.md) | :heavy_minus_sign: | Linked by its C# name. |
                | `Content` | *byte[]* | :heavy_minus_sign: | The bytes. |
                | `Value` | [Value](../../Models/Components/Value.md) | :heavy_minus_sign: | A union. |
                | `Option` | [Option](../../Models/Components/Option.md) | :heavy_minus_sign: | A union of objects. |
                """),
            "Models/Components/Line.md": fields("| `Sku` | *string* | :heavy_check_mark: | The SKU. |"),
            "Models/Components/Five.md": fields("| `Level` | *long* | :heavy_check_mark: | N/A |"),
            "Models/Components/OptionGroup.md": fields("| `Name` | *string* | :heavy_check_mark: | N/A |"),
            "Models/Components/SimpleOption.md": fields("| `Id` | *string* | :heavy_check_mark: | N/A |"),
            "Models/Components/Value.md": union(["Str", "Integer", "Number", "Boolean", "MapOfAny", "ArrayOf5", "ArrayOfInt32"]),
            "Models/Components/Option.md": union(["Simple", "Group"]),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .csharp)
        let line = try model("Line", in: graph)
        let value = try model("Value", in: graph)
        let option = try model("Option", in: graph)
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "Id": .string, "Count": .integer, "Amount": .number, "Paid": .boolean, "Extra": .map(.any), "Due": .date,
            "PaidAt": .dateTime, "Lines": .array(.model(line)), "Webhook": .model(line), "Content": .bytes,
            "Value": .model(value), "Option": .model(option),
        ])
        guard case .union(let members) = graph[value].shape, case .union(let options) = graph[option].shape else {
            return XCTFail("Value and Option are unions")
        }
        XCTAssertEqual(try properties(of: "Payment", in: graph).prefix(3).map(\.wireKey), ["id", "count", "amount"])
        XCTAssertEqual(members.map(\.type), [
            .string, .integer, .number, .boolean, .map(.any), .array(.model(try model("Five", in: graph))), .array(.integer),
        ])
        XCTAssertEqual(options.map(\.type), [.model(try model("SimpleOption", in: graph)), .model(try model("OptionGroup", in: graph))])
    }

    func testCSharpSpellsOutLeadingDigits() {
        XCTAssertEqual(CSharpMemberHeading.spellingOutLeadingNumber("5"), "Five")
        XCTAssertEqual(CSharpMemberHeading.spellingOutLeadingNumber("25Value"), "TwentyFiveValue")
        XCTAssertEqual(CSharpMemberHeading.spellingOutLeadingNumber("Value5"), "Value5")
        XCTAssertEqual(CSharpMemberHeading.spellingOutLeadingNumber("100"), "OneHundred")
    }

    // MARK: PHP

    func testPHPSpellings() throws {
        let (graph, diagnostics) = build([
            "Models/Components/Payment.md": fields(#"""
                | `id` | *string* | :heavy_check_mark: | The ID. |
                | `count` | *int* | :heavy_check_mark: | How many. |
                | `amount` | *?float* | :heavy_minus_sign: | The amount. |
                | `paid` | *?bool* | :heavy_check_mark: | Whether paid, or null. |
                | `extra` | array<string, *mixed*> | :heavy_minus_sign: | Anything. |
                | `headers` | array<string, array<*string*>> | :heavy_minus_sign: | Headers. |
                | `tags` | array<*string*> | :heavy_minus_sign: | Tags. |
                | `paidAt` | [\DateTime](https://www.php.net/manual/en/class.datetime.php) | :heavy_minus_sign: | When. |
                | `lines` | array<[Components\Line](../../Models/Components/Line.md)> | :heavy_check_mark: | The lines. |
                | `line` | [?Components\Line](../../Models/Components/Line.md) | :heavy_check_mark: | The first, or null. |
                | `owner` | [?\Acme\Models\Components\Line](../../Models/Components/Line.md) | :heavy_minus_sign: | Fully qualified. |
                | `value` | [Components\Value](../../Models/Components/Value.md) | :heavy_minus_sign: | A union. |
                """#),
            "Models/Components/Line.md": fields("| `sku` | *string* | :heavy_check_mark: | The SKU. |"),
            "Models/Components/Value.md": #"""
                # Value

                ## Supported Types

                ### `Components\Line`

                ```php
                /** @var \Acme\Models\Components\Line */
                ```

                ### `string`

                ```php
                /** @var string */
                ```

                ### `array`

                ```php
                /** @var array */
                ```
                """#,
            "Models/Operations/GetPaymentResponse.md": fields(#"""
                | `contentType` | *string* | :heavy_check_mark: | HTTP response content type for this operation |
                | `rawResponse` | [\Psr\Http\Message\ResponseInterface](https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface) | :heavy_check_mark: | Raw HTTP response |
                """#),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .php)
        let line = try model("Line", in: graph)
        let value = try model("Value", in: graph)
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "id": .string, "count": .integer, "amount": .number, "paid": .boolean, "extra": .map(.any),
            "headers": .map(.array(.string)), "tags": .array(.string), "paidAt": .dateTime, "lines": .array(.model(line)),
            "line": .model(line), "owner": .model(line), "value": .model(value),
        ])
        // `?T` may be null; the Required column says whether it may be absent.
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.isNullableInDocs).map(\.name), ["amount", "paid", "line", "owner"])
        guard case .union(let members) = graph[value].shape else { return XCTFail("Value is a union") }
        XCTAssertEqual(members.map(\.type), [.model(line), .string, .any])
        let wrapper = graph.models.first { $0.name == "GetPaymentResponse" }
        XCTAssertEqual(wrapper?.runtimeFields.map(\.name), ["rawResponse"])
    }

    func testPHPDateTimeWithADateExampleIsADate() throws {
        let (graph, diagnostics) = build([
            "Models/Components/Charge.md": #"""
                # Charge

                ## Fields

                | Field | Type | Required | Description | Example |
                | ----- | ---- | -------- | ----------- | ------- |
                | `date` | [\DateTime](https://www.php.net/manual/en/class.datetime.php) | :heavy_check_mark: | The day (YYYY-MM-DD). | 2026-03-20 |
                | `createdAt` | [\DateTime](https://www.php.net/manual/en/class.datetime.php) | :heavy_check_mark: | When. | 2026-03-20T10:00:00Z |
                | `paidAt` | [?\DateTime](https://www.php.net/manual/en/class.datetime.php) | :heavy_minus_sign: | No example. |  |
                | `note` | *?string* | :heavy_minus_sign: | A string that looks like a date. | 2026-03-20 |
                """#,
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .php)
        XCTAssertEqual(try types(of: "Charge", in: graph), ["date": .date, "createdAt": .dateTime, "paidAt": .dateTime, "note": .string])
    }

    func testPHPArrayKeysMustBeStrings() {
        let (_, diagnostics) = build([
            "Models/Components/Payment.md": fields("| `extra` | array<int, *mixed*> | :heavy_minus_sign: | Anything. |"),
        ], flavour: .php)
        XCTAssertEqual(diagnostics, [
            "Models/Components/Payment.md:7:19: error: cannot read the type `array<int, *mixed*>`: `array` keys must be `string`, found `int`",
        ])
    }

    /// A link's text that names no particular type (PHP's `mixed`, `?array`) or names the one
    /// member of the union it links to agrees with the doc: no warning, the field is the doc's type.
    /// Another name is still a mismatch.
    func testPHPLinkTextsThatAgreeWithTheLinkedDoc() throws {
        let (graph, diagnostics) = build([
            "Models/Components/Payment.md": fields(#"""
                | `recipient` | [mixed](../../Models/Components/Recipient.md) | :heavy_check_mark: | A union PHP types `mixed`. |
                | `data` | [?array](../../Models/Components/Recipient.md) | :heavy_minus_sign: | Or `?array`. |
                | `all` | [Components\Preference](../../Models/Components/All.md) | :heavy_check_mark: | A union of one member, named by it. |
                | `other` | [Components\Line](../../Models/Components/Recipient.md) | :heavy_minus_sign: | A mismatch. |
                """#),
            "Models/Components/Recipient.md": #"""
                # Recipient

                ## Supported Types

                ### `string`

                ```php
                /** @var string */
                ```

                ### `Components\Line`

                ```php
                /** @var \Acme\Models\Components\Line */
                ```
                """#,
            "Models/Components/All.md": #"""
                # All

                ## Supported Types

                ### `Components\Preference`

                ```php
                /** @var \Acme\Models\Components\Preference */
                ```
                """#,
            "Models/Components/Line.md": fields("| `sku` | *string* | :heavy_check_mark: | The SKU. |"),
            "Models/Components/Preference.md": fields("| `enabled` | *?bool* | :heavy_minus_sign: | On or off. |"),
        ])
        XCTAssertEqual(diagnostics, [
            "Models/Components/Payment.md:10:14: warning: link text `Components.Line` does not match the linked doc's type `Components.Recipient`",
        ])
        let recipient = try model("Recipient", in: graph)
        let all = try model("All", in: graph)
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "recipient": .model(recipient), "data": .model(recipient), "all": .model(all), "other": .model(recipient),
        ])
    }

    // MARK: Ruby

    func testRubySpellings() throws {
        let (graph, diagnostics) = build([
            "models/shared/payment.md": fields("""
                | `id` | *::String* | :heavy_check_mark: | The ID. |
                | `count` | *::Integer* | :heavy_check_mark: | How many. |
                | `amount` | *T.nilable(::Float)* | :heavy_minus_sign: | The amount. |
                | `paid` | *T.nilable(T::Boolean)* | :heavy_check_mark: | Whether paid, or nil. |
                | `extra` | T::Hash[Symbol, *::Object*] | :heavy_minus_sign: | Anything. |
                | `headers` | T::Hash[Symbol, T::Array<*::String*>] | :heavy_minus_sign: | Headers. |
                | `due` | [DateTime](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html) | :heavy_minus_sign: | The day (YYYY-MM-DD). |
                | `paid_at` | [Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html) | :heavy_minus_sign: | The timestamp. |
                | `lines` | T::Array<[Models::Shared::Line](../../models/shared/line.md)> | :heavy_check_mark: | The lines. |
                | `line` | [T.nilable(Models::Shared::Line)](../../models/shared/line.md) | :heavy_minus_sign: | The first. |
                | `metadata` | [T.any(T::Hash[Symbol, ::Object], ::String, T::Array[T.any(Models::Shared::Line, ::Float)])](../../models/shared/metadata.md) | :heavy_minus_sign: | A union whose doc is its heading. |
                """),
            "models/shared/line.md": fields("| `sku` | *::String* | :heavy_check_mark: | The SKU. |"),
            "models/shared/metadata.md": "# Metadata\n",
            "models/operations/getPaymentResponse.md": fields("""
                | `status_code` | *::Integer* | :heavy_check_mark: | HTTP response status code for this operation |
                | `raw_response` | [Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response) | :heavy_check_mark: | Raw HTTP response |
                """),
        ])
        XCTAssertEqual(diagnostics, [
            "models/shared/metadata.md:1:1: warning: `Metadata` has no `## Fields`, `## Values` or `## Supported Types` section: Speakeasy's Ruby docs leave the members of some unions out, so fields of this type are `JSONValue`",
        ])
        XCTAssertEqual(graph.flavour, .ruby)
        let line = try model("Line", in: graph)
        // Like Python's, Ruby's docs label a timestamp `Date` and a date `DateTime`.
        XCTAssertEqual(try types(of: "Payment", in: graph), [
            "id": .string, "count": .integer, "amount": .number, "paid": .boolean, "extra": .map(.any),
            "headers": .map(.array(.string)), "due": .date, "paid_at": .dateTime, "lines": .array(.model(line)),
            "line": .model(line), "metadata": .any,
        ])
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.isNullableInDocs).map(\.name), ["amount", "paid", "line"])
        let wrapper = graph.models.first { $0.name == "GetPaymentResponse" }
        XCTAssertEqual(wrapper?.runtimeFields.map(\.name), ["raw_response"])
    }

    // MARK: Constants, runtime and standard types

    func testPythonLiteralsAndRequestsResponse() throws {
        let (graph, diagnostics) = build([
            "models/event.md": fields("""
                | `type` | *Literal["created"]* | :heavy_check_mark: | The event type. |
                | `live` | *Literal[True]* | :heavy_check_mark: | Always true. |
                | `kind` | *Optional[Literal["a", "b"]]* | :heavy_minus_sign: | One of two. |
                | `gone` | *OptionalNullable[Literal[None]]* | :heavy_minus_sign: | Always null. |
                | `names` | list[*str*] | :heavy_minus_sign: | Python's own list. |
                | `counts` | dict[str, *int*] | :heavy_minus_sign: | Python's own dict. |
                | `raw_response` | [requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response) | :heavy_check_mark: | Raw HTTP response |
                """),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .python)
        XCTAssertEqual(try types(of: "Event", in: graph), [
            "type": .stringLiteral("created"), "live": .booleanLiteral(true),
            "kind": .oneOf([.stringLiteral("a"), .stringLiteral("b")]), "gone": .null, "names": .array(.string),
            "counts": .map(.integer),
        ])
        XCTAssertEqual(graph.models.first { $0.name == "Event" }?.runtimeFields.map(\.name), ["raw_response"])
    }

    func testPythonLiteralHoldsConstants() {
        let (_, diagnostics) = build(["models/event.md": fields("| `type` | *Literal[str]* | :heavy_check_mark: | N/A |")])
        XCTAssertEqual(diagnostics, [
            "models/event.md:7:21: error: cannot read the type `*Literal[str]*`: `Literal[…]` holds constants like \"a\", 1, True or None, found `str`",
        ])
    }

    func testGoOptionalNullable() throws {
        let (graph, diagnostics) = build([
            "models/components/payment.md": fields("""
                | `ID` | *string* | :heavy_check_mark: | The ID. |
                | `Memo` | *optionalnullable.OptionalNullable[string]* | :heavy_minus_sign: | Absent, null or a memo. |
                | `Tags` | optionalnullable.OptionalNullable[[]*string*] | :heavy_minus_sign: | Absent, null or tags. |
                """),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .go)
        XCTAssertEqual(try types(of: "Payment", in: graph), ["ID": .string, "Memo": .string, "Tags": .array(.string)])
        XCTAssertEqual(try properties(of: "Payment", in: graph).filter(\.isNullableInDocs).map(\.name), ["Memo", "Tags"])
    }

    func testCSharpStandardAndUnityTypes() throws {
        let (graph, diagnostics) = build([
            "Models/Components/Payment.md": fields("""
                | `Count` | *Int32* | :heavy_check_mark: | .NET's name of `int`. |
                | `Total` | *Int64* | :heavy_check_mark: | .NET's name of `long`. |
                | `Due` | [DateOnly](https://learn.microsoft.com/en-us/dotnet/api/system.dateonly) | :heavy_minus_sign: | The day. |
                """),
            "Models/Requests/GetPaymentResponse.md": fields("""
                | `StatusCode` | *int* | :heavy_check_mark: | HTTP response status code for this operation |
                | `RawResponse` | [UnityWebRequest](https://docs.unity3d.com/2021.3/Documentation/ScriptReference/Networking.UnityWebRequest.html) | :heavy_check_mark: | Raw HTTP response |
                """),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.flavour, .csharp)
        XCTAssertEqual(try types(of: "Payment", in: graph), ["Count": .integer, "Total": .integer, "Due": .date])
        XCTAssertEqual(graph.models.first { $0.name == "GetPaymentResponse" }?.runtimeFields.map(\.name), ["RawResponse"])
    }

    // MARK: Recognising the language

    func testExampleLanguageDecides() {
        // `*string*` fields alone read the same in TypeScript, Go and C#; the example says C#.
        let doc = """
            # Line

            ## Example Usage

            ```csharp
            var value = new Line() { Sku = "a" };
            ```

            ## Fields

            | Field | Type | Required | Description |
            | ----- | ---- | -------- | ----------- |
            | `Sku` | *string* | :heavy_check_mark: | The SKU. |
            """
        XCTAssertEqual(build(["models/line.md": doc]).graph.flavour, .csharp)
        // Without other evidence, TypeScript.
        XCTAssertEqual(build(["models/line.md": fields("| `sku` | *string* | :heavy_check_mark: | The SKU. |")]).graph.flavour, .typeScript)
    }

    func testExamplesDecideOverTypeWords() {
        // `*String*` alone reads as Java (or Ruby); the examples of the other docs say Ruby.
        let ruby = [
            "models/shared/line.md": fields("| `sku` | *String* | :heavy_check_mark: | N/A |"),
            "models/shared/value.md": "# Value\n\n## Supported Types\n\n### `::String`\n\n```ruby\nvalue = \"x\"\n```\n",
        ]
        XCTAssertEqual(build(ruby).diagnostics, [])
        XCTAssertEqual(build(ruby).graph.flavour, .ruby)
        // Examples of two languages are one error, naming both.
        XCTAssertEqual(build([
            "models/a.md": "# A\n\n## Supported Types\n\n### `string`\n\n```php\n$a = 'x';\n```\n",
            "models/b.md": "# B\n\n## Supported Types\n\n### `::String`\n\n```ruby\nb = 'x'\n```\n",
        ]).diagnostics, [
            "models/b.md:7:1: error: this doc reads as Ruby (a ```ruby example), but models/a.md reads as PHP (a ```php example) at line 7: a spec holds the docs of one SDK language; move the other language's docs to a spec of their own, or set `flavour:` in specmodels.yml",
        ])
    }

    func testTypeWordsTellPHPAndRubyApart() {
        // Without examples: Ruby's `T::Array` is not TypeScript's `Array`, and `::String` is Ruby's.
        XCTAssertEqual(build([
            "models/a.md": fields("| `tags` | T::Array<*::String*> | :heavy_minus_sign: | N/A |"),
            "models/b.md": fields("| `name` | *::String* | :heavy_minus_sign: | N/A |"),
        ]).graph.flavour, .ruby)
        // PHP's `?` prefix.
        XCTAssertEqual(build(["models/a.md": fields("| `name` | *?string* | :heavy_minus_sign: | N/A |")]).graph.flavour, .php)
        // A C# `EventStream<T>` reads as C# (TypeScript has the word too; the folder decides).
        XCTAssertEqual(build([
            "Models/Components/Chunk.md": fields("| `Id` | *long* | :heavy_check_mark: | N/A |"),
            "Models/Requests/Response.md": fields("| `Object` | *EventStream<Chunk>* | :heavy_minus_sign: | N/A |"),
        ]).graph.flavour, .csharp)
    }

    func testFlavourSettingOverridesRecognition() throws {
        let docs = ["models/line.md": fields("| `sku` | *string* | :heavy_check_mark: | N/A |\n| `count` | *int64* | :heavy_check_mark: | N/A |")]
        XCTAssertEqual(build(docs).graph.flavour, .go)
        var diagnostics = Diagnostics()
        let graph = Generator.buildGraph(from: files(docs), flavour: .typeScript, diagnostics: &diagnostics)
        XCTAssertEqual(graph.flavour, .typeScript)
        XCTAssertEqual(diagnostics.sorted.map(\.description), [
            "models/line.md:8:14: error: unknown type `int64`: no model doc declares it (built-in types are string, number, boolean, any, Date, RFCDate, File, Blob, Record<string, T>, T[])",
        ])
        XCTAssertEqual(SpecFlavour(setting: "C#"), .csharp)
        XCTAssertEqual(SpecFlavour(setting: "TypeScript"), .typeScript)
        XCTAssertNil(SpecFlavour(setting: "kotlin"))
    }

    func testDocsOfTwoLanguagesAreOneError() {
        let (graph, diagnostics) = build([
            "models/a.md": fields("| `id` | *Optional\\<String>* | :heavy_minus_sign: | N/A |"),
            "models/b.md": fields("| `id` | *Optional[str]* | :heavy_minus_sign: | N/A |"),
        ])
        XCTAssertTrue(graph.models.isEmpty)
        XCTAssertEqual(diagnostics, [
            "models/b.md:7:10: error: this doc reads as Python (`str` in a Type cell), but models/a.md reads as Java (`String` in a Type cell) at line 7: a spec holds the docs of one SDK language; move the other language's docs to a spec of their own, or set `flavour:` in specmodels.yml",
        ])
    }

    func testPagesThatAreNoModelDocsAreSkipped() {
        let (graph, diagnostics) = build([
            "models/line.md": fields("| `sku` | *str* | :heavy_check_mark: | N/A |"),
            "models/operations/option.md": "## Options\n\n### WithServerURL\n\nText.\n",
            "models/utils/retryconfig.md": "# RetryConfig\n\n## Fields\n\n| Name | Type | Description |\n| ---- | ---- | ----------- |\n| `strategy` | `*str*` | The strategy. |\n",
        ])
        XCTAssertEqual(graph.models.map(\.name), ["Line"])
        XCTAssertEqual(diagnostics, [
            "models/operations/option.md:1:1: warning: not a model doc (no `# Name` heading and no `## Fields`, `## Values` or `## Supported Types` section): skipped",
            "models/utils/retryconfig.md:5:1: warning: not a model doc: its `## Fields` table is `Name | Type | Description`, without the `Field` and `Required` columns of a model's fields, as on Speakeasy's pages of SDK settings; skipped",
        ])
    }

    // MARK: Helpers

    private func build(_ docs: [String: String], flavour: SpecFlavour? = nil) -> (graph: TypeGraph, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let graph = Generator.buildGraph(from: files(docs), flavour: flavour, diagnostics: &diagnostics)
        return (graph, diagnostics.sorted.map(\.description))
    }

    private func files(_ docs: [String: String]) -> [SpecSource.File] {
        docs.keys.sorted().map { path in
            let file = path.split(separator: "/").last!.dropLast(3)
            let name = file.prefix(1).uppercased() + file.dropFirst()
            let text = docs[path]!.replacingOccurrences(of: "# NAME\n", with: "# \(name)\n")
            return SpecSource.File(relativePath: path, displayPath: path, bytes: Array(text.utf8))
        }
    }

    /// A doc of these field rows; `# NAME` becomes the file's name (`models/line.md` is `Line`).
    private func fields(_ rows: String) -> String {
        "# NAME\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n" + rows + "\n"
    }

    private func model(_ name: String, in graph: TypeGraph) throws -> ModelID {
        try XCTUnwrap(graph.models.first { $0.name == name }?.id, "no model \(name)")
    }

    private func properties(of name: String, in graph: TypeGraph) throws -> [Property] {
        guard case .object(let properties) = graph[try model(name, in: graph)].shape else {
            throw XCTSkip("\(name) is not an object")
        }
        return properties
    }

    private func types(of name: String, in graph: TypeGraph) throws -> [String: TypeExpression] {
        Dictionary(uniqueKeysWithValues: try properties(of: name, in: graph).map { ($0.name, $0.type) })
    }

    private func union(_ headings: [String]) -> String {
        "# NAME\n\n## Supported Types\n\n" + headings.map { "### \($0)\n\n```csharp\nU.Create\($0)(/* values here */);\n```\n" }.joined(separator: "\n")
    }
}
