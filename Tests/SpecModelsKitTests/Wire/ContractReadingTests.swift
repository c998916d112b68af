import Foundation
import SpecModelsConfiguration
import XCTest
@testable import SpecModelsKit

/// Reading contract tests: Arazzo steps, the SDK docs' response types, the 2xx body type of
/// an operation, and JSON with positions.
final class ContractReadingTests: XCTestCase {
    // MARK: Arazzo

    static let arazzo = """
        arazzo: 1.0.1
        info:
          title: Accounts
        workflows:
          - workflowId: getAccount
            steps:
              - stepId: test
                operationId: getAccount
                successCriteria:
                  - condition: $statusCode == 200
                  - condition: $response.header.Content-Type == application/vnd.api.v1.hal+json
                  - context: $response.body
                    condition: |
                      {"account_id": "a1",
                       "nickname": 'Al'}
                    type: simple
          - workflowId: deleteAccount
            steps:
              - stepId: test
                operationId: deleteAccount
                successCriteria:
                  - condition: $statusCode == default
                  - condition: $response.header.Content-Type == text/plain
        """

    func testArazzoStepsGiveStatusMediaTypeAndBodyWithItsPlace() throws {
        var diagnostics = Diagnostics()
        let steps = ArazzoDocument.parse(Self.arazzo, path: "tests.arazzo.yaml", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all, [])
        XCTAssertEqual(steps.map(\.operationID), ["getAccount", "deleteAccount"])
        XCTAssertEqual(steps.map(\.status), ["200", "default"])
        XCTAssertEqual(steps.map(\.isSuccess), [true, false])
        XCTAssertEqual(steps.map(\.isJSON), [true, false])
        XCTAssertEqual(steps[0].location, SourceLocation(file: "tests.arazzo.yaml", line: 8, column: 22))
        let body = try XCTUnwrap(steps[0].body)
        XCTAssertEqual(body.text, "{\"account_id\": \"a1\",\n \"nickname\": 'Al'}\n")
        // The body's second line, column 14 (the `'`), is line 15 of the file, after 14 spaces.
        guard case .failure(let error) = JSONSample.parse(body.text) else { return XCTFail("the body is not JSON") }
        XCTAssertEqual(body.placement.location(line: error.line, column: error.column), SourceLocation(file: "tests.arazzo.yaml", line: 15, column: 28))
        XCTAssertNil(steps[1].body)
    }

    func testAFileThatIsNotArazzoIsReportedWhereItStarts() {
        var diagnostics = Diagnostics()
        _ = ArazzoDocument.parse("openapi: 3.1.0\npaths: {}\n", path: "api.yaml", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), ["api.yaml:1:1: error: not an Arazzo document: it has no `arazzo:` version key"])
        diagnostics = Diagnostics()
        _ = ArazzoDocument.parse("arazzo: 2.0.0\nworkflows: []\n", path: "next.yaml", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), ["next.yaml:1:9: error: unsupported Arazzo version `2.0.0`: expected `1.x`"])
        diagnostics = Diagnostics()
        _ = ArazzoDocument.parse("arazzo: 1.0.0\nworkflows:\n  - steps: 3\n", path: "bad.yaml", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), ["bad.yaml:3:5: error: missing `workflowId`"])
        diagnostics = Diagnostics()
        _ = ArazzoDocument.parse("- just\n- a list\n", path: "list.yaml", diagnostics: &diagnostics)
        XCTAssertEqual(
            diagnostics.all.map(\.description),
            ["list.yaml:1:1: error: not an Arazzo document: expected a mapping with `arazzo: 1.x` and `workflows`, found a list"])
    }

    // MARK: SDK docs

    static let readme = """
        # Funding sources

        ## get

        ### Example Usage: card

        <!-- UsageSnippet language="typescript" operationID="getFundingSource" method="get" path="/funding-sources/{id}" example="card" -->
        ```typescript
        await sdk.fundingSources.get({ id: "f1" });
        ```

        ### Example Usage: bank

        <!-- UsageSnippet language="typescript" operationID="getFundingSource" method="get" path="/funding-sources/{id}" example="bank" -->
        ```typescript
        await sdk.fundingSources.get({ id: "f2" });
        ```

        ### Response

        **Promise\\<[operations.GetFundingSourceResponse](../../models/operations/getfundingsourceresponse.md)\\>**

        ## download

        <!-- UsageSnippet language="typescript" operationID="download" method="get" path="/files/{id}" -->

        ### Response

        **Promise\\<[ReadableStream<Uint8Array>](../../models/.md)\\>**

        ## remove

        <!-- UsageSnippet language="typescript" operationID="remove" method="delete" path="/x" -->

        ## ping

        ### Response

        **Promise\\<void\\>**
        """

    func testEachSnippetsOperationGetsTheResponseAfterTheLastOne() {
        var findings = Findings()
        let responses = SDKOperationDocs.parse(Array(Self.readme.utf8), path: "sdks/funding/README.md", findings: &findings)
        XCTAssertEqual(responses.map(\.operationID), ["getFundingSource", "download"])
        XCTAssertEqual(responses.map(\.spelling), ["operations.GetFundingSourceResponse", "ReadableStream<Uint8Array>"])
        XCTAssertEqual(responses.map(\.link), ["../../models/operations/getfundingsourceresponse.md", "../../models/.md"])
        XCTAssertEqual(findings.diagnostics.all.map(\.description), [
            "sdks/funding/README.md:33:1: warning: operation `remove` has no `### Response` section after its usage snippet",
        ])
    }

    /// The line after `### Response` in each SDK language's README, and the type inside.
    func testEveryLanguagesResponseSpellingGivesTheTypeAndItsLink() {
        let cases: [(String, String, String?)] = [
            (#"**Promise\<[operations.GetAccountResponse](../../models/operations/getaccountresponse.md)\>**"#, "operations.GetAccountResponse", "../../models/operations/getaccountresponse.md"),
            (#"**Promise\<void\>**"#, "void", nil),
            ("**[*operations.GetAccountResponse](../../pkg/models/operations/getaccountresponse.md), error**", "operations.GetAccountResponse", "../../pkg/models/operations/getaccountresponse.md"),
            ("**error**", "void", nil),
            ("**[operations.GetAccountResponse](../../models/operations/getaccountresponse.md)**", "operations.GetAccountResponse", "../../models/operations/getaccountresponse.md"),
            ("**[List[models.Account]](../../models/.md)**", "List[models.Account]", "../../models/.md"),
            ("**[GetAccountResponse](../../models/operations/GetAccountResponse.md)**", "GetAccountResponse", "../../models/operations/GetAccountResponse.md"),
            ("**[Models.Requests.GetAccountResponse](../../Models/Requests/GetAccountResponse.md)**", "Models.Requests.GetAccountResponse", "../../Models/Requests/GetAccountResponse.md"),
            (#"**[?Operations\GetAccountResponse](../../Models/Operations/GetAccountResponse.md)**"#, "Operations.GetAccountResponse", "../../Models/Operations/GetAccountResponse.md"),
            (#"**[?\acme\sdk\Models\Operations\GetAccountResponse](../../Models/Operations/GetAccountResponse.md)**"#, "acme.sdk.Models.Operations.GetAccountResponse", "../../Models/Operations/GetAccountResponse.md"),
            ("**[T.nilable(Models::Operations::GetAccountResponse)](../../models/operations/getaccountresponse.md)**", "Models.Operations.GetAccountResponse", "../../models/operations/getaccountresponse.md"),
            ("**[T.nilable(::AcmeSDK::Operations::GetAccountResponse)](../../models/operations/getaccountresponse.md)**", "AcmeSDK.Operations.GetAccountResponse", "../../models/operations/getaccountresponse.md"),
        ]
        for (line, spelling, link) in cases {
            let readme = "# Accounts\n\n## get\n\n<!-- UsageSnippet language=\"x\" operationID=\"getAccount\" -->\n\n### Response\n\n\(line)\n"
            var findings = Findings()
            let responses = SDKOperationDocs.parse(Array(readme.utf8), path: "README.md", findings: &findings)
            XCTAssertEqual(findings.diagnostics.all, [], line)
            XCTAssertEqual(responses.map(\.spelling), [spelling], line)
            XCTAssertEqual(responses.map(\.link), [link], line)
        }
    }

    /// Docs without usage snippets (older Go, Python, C# and Ruby docs): a section documents the
    /// operation its response type is named after, whatever its heading (Go's `## Get`).
    func testASectionWithoutSnippetsDocumentsTheOperationItsResponseTypeIsNamedAfter() {
        let readme = """
            # Workspaces

            ## Get

            ### Parameters

            | Parameter | Type | Required | Description |
            | --- | --- | --- | --- |
            | `ctx` | [context.Context](https://pkg.go.dev/context#Context) | :heavy_check_mark: | The context. |
            | `request` | [operations.GetWorkspaceByContextRequest](../../pkg/models/operations/getworkspacebycontextrequest.md) | :heavy_check_mark: | The request. |

            ### Response

            **[*operations.GetWorkspaceByContextResponse](../../pkg/models/operations/getworkspacebycontextresponse.md), error**

            ## Show

            ### Response

            **[?Operations\\PublicApiV1AccountShowResponse](../../Models/Operations/PublicApiV1AccountShowResponse.md)**

            ## Ping

            ### Response

            **[components.Pong](../../models/components/pong.md)**

            """
        var findings = Findings()
        let responses = SDKOperationDocs.parse(Array(readme.utf8), path: "README.md", findings: &findings)
        XCTAssertEqual(findings.diagnostics.all, [])
        XCTAssertEqual(responses.map(\.operationID), ["GetWorkspaceByContext", "PublicApiV1AccountShow"])
        XCTAssertEqual(responses.map(\.isNamedBySnippet), [false, false])
        XCTAssertEqual(responses[0].parameters, [
            "[context.Context](https://pkg.go.dev/context#Context)",
            "[operations.GetWorkspaceByContextRequest](../../pkg/models/operations/getworkspacebycontextrequest.md)",
        ])
        let docs = SDKOperationDocs(responses: responses)
        XCTAssertEqual(docs.response(for: "getWorkspaceByContext")?.spelling, "operations.GetWorkspaceByContextResponse")
        XCTAssertEqual(docs.response(for: "public-api.v1.account.show")?.spelling, "Operations.PublicApiV1AccountShowResponse")
        XCTAssertNil(docs.response(for: "getWorkspace"))
        XCTAssertNil(docs.response(for: "ping"))
    }

    /// One operation in two groups' READMEs is one operation when both say the same; when they
    /// differ, the first is used and a finding names both places.
    func testAnOperationDocumentedTwiceIsOneWhenBothDocsAgree() {
        func readme(_ type: String) -> [UInt8] {
            Array("""
                # Group

                ## list

                <!-- UsageSnippet language="typescript" operationID="listIntegrations" -->

                ### Parameters

                | Parameter | Type | Required | Description |
                | --- | --- | --- | --- |
                | `request` | [operations.ListIntegrationsRequest](../../models/operations/listintegrationsrequest.md) | :heavy_check_mark: | N/A |

                ### Response

                **Promise\\<[operations.\(type)](../../models/operations/x.md)\\>**

                """.utf8)
        }
        var findings = Findings()
        var docs = SDKOperationDocs()
        docs.add(SDKOperationDocs.parse(readme("ListIntegrationsResponse"), path: "sdks/integrations/README.md", findings: &findings), findings: &findings)
        docs.add(SDKOperationDocs.parse(readme("ListIntegrationsResponse"), path: "sdks/deployments/README.md", findings: &findings), findings: &findings)
        XCTAssertEqual(findings.diagnostics.all, [])
        docs.add(SDKOperationDocs.parse(readme("ListDeploymentsResponse"), path: "sdks/other/README.md", findings: &findings), findings: &findings)
        XCTAssertEqual(findings.diagnostics.all.map(\.description), [
            "sdks/other/README.md:13:1: warning: operation `listIntegrations` is documented again with other types: `operations.ListDeploymentsResponse` here, `operations.ListIntegrationsResponse` at sdks/integrations/README.md:13:1; the first is used",
        ])
        XCTAssertEqual(docs.response(for: "listIntegrations")?.readmePath, "sdks/integrations/README.md")
    }

    // MARK: Body types

    func testAWrappersBodyIsItsFirstFieldThatIsNeitherMetadataNorAnError() throws {
        let folder = try TestSupport.temporaryDirectory(self)
        let fields = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        try TestSupport.write([
            "models/components/httpmetadata.md": "# HTTPMetadata\n\n## Fields\n\n\(fields)| `status` | *number* | :heavy_check_mark: | N/A |\n",
            "models/components/account.md": "# Account\n\n## Fields\n\n\(fields)| `id` | *string* | :heavy_check_mark: | N/A |\n",
            "models/errors/notfound.md": "# NotFound\n\n## Fields\n\n\(fields)| `message` | *string* | :heavy_check_mark: | N/A |\n",
            "models/operations/getaccountresponse.md": """
                # GetAccountResponse

                ## Fields

                \(fields)| `httpMeta` | [components.HTTPMetadata](../../models/components/httpmetadata.md) | :heavy_check_mark: | N/A |
                | `notFound` | [errors.NotFound](../../models/errors/notfound.md) | :heavy_minus_sign: | N/A |
                | `account` | [components.Account](../../models/components/account.md) | :heavy_minus_sign: | OK |

                """,
            "models/operations/downloadresponse.md": """
                # DownloadResponse

                ## Fields

                \(fields)| `headers` | Record<string, *string*[]> | :heavy_check_mark: | N/A |
                | `result` | *string* | :heavy_check_mark: | N/A |

                """,
        ], to: folder)
        let models = folder.appendingPathComponent("models").path
        var diagnostics = Diagnostics()
        let source = SpecSource(directory: models)
        let graph = Generator.buildGraph(from: source.read(diagnostics: &diagnostics), diagnostics: &diagnostics)
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.all.map(\.description).joined(separator: "\n"))
        let resolver = ResponseBodyType.Resolver(graph: graph, specDirectory: models)
        func body(_ spelling: String, _ link: String?) -> ResponseBodyType {
            resolver.successBody(of: .init(
                operationID: "x", spelling: spelling, link: link, readmePath: folder.appendingPathComponent("sdks/a/README.md").path,
                location: .start(of: "README.md")))
        }
        let account = try XCTUnwrap(graph.models.first { $0.name == "Account" }).id
        XCTAssertEqual(body("operations.GetAccountResponse", "../../models/operations/getaccountresponse.md"), .model(account))
        XCTAssertEqual(body("components.Account", "../../models/components/account.md"), .model(account))
        XCTAssertEqual(body("operations.DownloadResponse", "../../models/operations/downloadresponse.md"), .notAModel("`operations.DownloadResponse.result` is `string`"))
        XCTAssertEqual(body("ReadableStream<Uint8Array>", "../../models/.md"), .notAModel("`ReadableStream<Uint8Array>`"))
        XCTAssertEqual(body("void", nil), .notAModel("`void`"))
    }

    /// Java's wrappers: `contentType`, `statusCode` and the runtime's `rawResponse`, then one
    /// field per response. The README of another language's SDK links outside the spec, so its
    /// type is found by name.
    func testAJavaWrappersBodyFoundByTheNameAnotherLanguagesReadmeGives() throws {
        let folder = try TestSupport.temporaryDirectory(self)
        let fields = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        try TestSupport.write([
            "java/models/components/Account.md": "# Account\n\n## Fields\n\n\(fields)| `id` | *String* | :heavy_check_mark: | N/A |\n",
            "java/models/components/UnexpectedErrorResponse.md": "# UnexpectedErrorResponse\n\n## Fields\n\n\(fields)| `message` | *String* | :heavy_check_mark: | N/A |\n",
            "java/models/operations/GetAccountResponse.md": """
                # GetAccountResponse

                ## Fields

                \(fields)| `contentType` | *String* | :heavy_check_mark: | HTTP response content type for this operation |
                | `statusCode` | *int* | :heavy_check_mark: | HTTP response status code for this operation |
                | `rawResponse` | [HttpResponse\\<?>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html) | :heavy_check_mark: | Raw HTTP response |
                | `account` | [Optional\\<Account>](../../models/components/Account.md) | :heavy_minus_sign: | OK |
                | `unexpectedErrorResponse` | [Optional\\<UnexpectedErrorResponse>](../../models/components/UnexpectedErrorResponse.md) | :heavy_minus_sign: | Unexpected error |

                """,
        ], to: folder)
        let models = folder.appendingPathComponent("java/models").path
        var diagnostics = Diagnostics()
        let graph = Generator.buildGraph(from: SpecSource(directory: models).read(diagnostics: &diagnostics), diagnostics: &diagnostics)
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.all.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(graph.flavour, .java)
        let resolver = ResponseBodyType.Resolver(graph: graph, specDirectory: models)
        func body(_ spelling: String, _ link: String?) -> ResponseBodyType {
            resolver.successBody(of: .init(
                operationID: "x", spelling: spelling, link: link,
                readmePath: folder.appendingPathComponent("typescript/sdks/a/README.md").path, location: .start(of: "README.md")))
        }
        let account = try XCTUnwrap(graph.models.first { $0.name == "Account" }).id
        let unexpected = try XCTUnwrap(graph.models.first { $0.name == "UnexpectedErrorResponse" }).id
        // Java lists the error responses' models beside the body: the body is the one it fits,
        // the first on a tie.
        XCTAssertEqual(body("operations.GetAccountResponse", "../../models/operations/getaccountresponse.md"), .oneOfModels([account, unexpected]))
        XCTAssertEqual(body("GetAccountResponse", nil), .oneOfModels([account, unexpected]))
        XCTAssertEqual(resolver.bestModel(for: try JSONSample.parse(#"{"id": "a1"}"#).get(), among: [account, unexpected]), account)
        XCTAssertEqual(resolver.bestModel(for: try JSONSample.parse("{}").get(), among: [account, unexpected]), account)
        XCTAssertEqual(body("operations.Missing", "../../models/operations/missing.md"), .notAModel("`operations.Missing`"))
        XCTAssertEqual(body("void", nil), .notAModel("`void`"))
    }

    /// Go's wrappers (`ContentType`, `StatusCode`, `RawResponse`: metadata names compare with
    /// case ignored) of an operation answering 200 and 202 with different bodies: a body
    /// decodes as the response model it fits.
    func testABodyOfAnOperationWithSeveralSuccessModelsIsTheOneItFits() throws {
        let folder = try TestSupport.temporaryDirectory(self)
        let fields = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        try TestSupport.write([
            "models/shared/snippets.md": "# Snippets\n\n## Fields\n\n\(fields)| `Snippets` | [][shared.Snippet](../../models/shared/snippet.md) | :heavy_check_mark: | N/A |\n",
            "models/shared/snippet.md": "# Snippet\n\n## Fields\n\n\(fields)| `Path` | *string* | :heavy_check_mark: | N/A |\n",
            "models/operations/job.md": "# Job\n\n## Fields\n\n\(fields)| `Status` | *string* | :heavy_check_mark: | N/A |\n",
            "models/operations/getpreviewresponse.md": """
                # GetPreviewResponse

                ## Fields

                \(fields)| `ContentType` | *string* | :heavy_check_mark: | HTTP response content type for this operation |
                | `StatusCode` | *int* | :heavy_check_mark: | HTTP response status code for this operation |
                | `RawResponse` | [*http.Response](https://pkg.go.dev/net/http#Response) | :heavy_check_mark: | Raw HTTP response |
                | `Snippets` | [*shared.Snippets](../../models/shared/snippets.md) | :heavy_minus_sign: | OK |
                | `Object` | [*operations.Job](../../models/operations/job.md) | :heavy_minus_sign: | Job is still in progress |

                """,
        ], to: folder)
        let models = folder.appendingPathComponent("models").path
        var diagnostics = Diagnostics()
        let graph = Generator.buildGraph(from: SpecSource(directory: models).read(diagnostics: &diagnostics), diagnostics: &diagnostics)
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.all.map(\.description).joined(separator: "\n"))
        let resolver = ResponseBodyType.Resolver(graph: graph, specDirectory: models)
        let response = SDKOperationDocs.Response(
            operationID: "getPreview", spelling: "operations.GetPreviewResponse", link: "../../models/operations/getpreviewresponse.md",
            readmePath: folder.appendingPathComponent("sdks/a/README.md").path, location: .start(of: "README.md"))
        let snippets = try graph.model(spelled: "shared.Snippets").get()
        let job = try graph.model(spelled: "operations.Job").get()
        XCTAssertEqual(resolver.successBody(of: response), .oneOfModels([snippets, job]))
        XCTAssertEqual(resolver.bestModel(for: try JSONSample.parse(#"{"status": "pending"}"#).get(), among: [snippets, job]), job)
        XCTAssertEqual(resolver.bestModel(for: try JSONSample.parse(#"{"snippets": []}"#).get(), among: [snippets, job]), snippets)
        // The body's own keys decide, not what is inside them: items that each lack a key
        // their doc requires do not make the small model a better fit.
        let items = #"{"snippets": [{"p": "/a"}, {"p": "/b"}, {"p": "/c"}]}"#
        XCTAssertEqual(resolver.bestModel(for: try JSONSample.parse(items).get(), among: [snippets, job]), snippets)
    }

    // MARK: JSON

    func testJSONKeepsKeyOrderNumberSpellingAndPlaces() throws {
        let json = try JSONSample.parse("{\n  \"b\": 1.50,\n  \"a\": [true, null, \"\\u00e9\\ud83d\\ude00\"]\n}").get()
        guard case .object(let members) = json.value else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["b", "a"])
        XCTAssertEqual(members.map { "\($0.keyLine):\($0.keyColumn)" }, ["2:3", "3:3"])
        guard case .number(let number) = members[0].value.value, case .array(let items) = members[1].value.value,
              case .string(let text) = items[2].value
        else { return XCTFail("unexpected values") }
        XCTAssertEqual(number, "1.50")
        XCTAssertEqual(text, "é😀")
        XCTAssertEqual("\(items[2].line):\(items[2].column)", "3:21")
    }

    func testJSONErrorsSayWhatAndWhere() {
        func error(_ text: String) -> String? {
            if case .failure(let error) = JSONSample.parse(text) { return error.description }
            return nil
        }
        XCTAssertEqual(error("{\"a\": 01}"), "1:7: a number may not start with 0 followed by digits")
        XCTAssertEqual(error("{\"a\" 1}"), "1:6: expected `:` after the key, found `1`")
        XCTAssertEqual(error("[1, 2"), "1:6: expected `,` or `]`, found the end of the text")
        XCTAssertEqual(error("{\"a\": \"x\ny\"}"), "1:9: control character 0x0A in a string: escape it")
        XCTAssertEqual(error("{} {}"), "1:4: unexpected text after the JSON value")
        XCTAssertEqual(error(String(repeating: "[", count: 600)), "1:513: JSON nested deeper than 512 levels")
    }

    // MARK: Spelling

    func testKeysMatchFieldsByNormalisedSpelling() {
        XCTAssertEqual(KeySpelling.normalized("created_at"), "createdat")
        XCTAssertEqual(KeySpelling.normalized("$Schema"), "schema")
        XCTAssertEqual(KeySpelling.normalized("@odata.next-link"), "odatanextlink")
        XCTAssertEqual(JSONPath.appending(key: "@odata.id", to: JSONPath.appending(index: 0, to: "$.value")), "$.value[0][\"@odata.id\"]")
        XCTAssertEqual(JSONPath.appending(key: "created_at", to: "$"), "$.created_at")
    }
}
