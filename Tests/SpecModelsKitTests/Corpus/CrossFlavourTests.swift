import Foundation
import XCTest
@testable import SpecModelsKit

/// One API documented by several SDK languages gives one API (issue 13): the type graphs of
/// each language's docs, compared by `FlavourAgreement`, with every difference explained.
///
/// Each test holds the shares that agree and sorts every difference into an explanation: a
/// rule that picks it out, and why the languages differ there. The two corpora of one API
/// were not generated from the same revision of it, so some differences are the API's own
/// changes; those are listed one by one.
final class CrossFlavourTests: XCTestCase {
    /// The graph of a corpus folder, as `generate` builds it (the flavour recognised from the
    /// docs), and the names of the docs it warns have no shape. Errors fail the test.
    private func graph(_ path: String) throws -> (graph: TypeGraph, shapeless: Set<String>) {
        let folder = try TestSupport.corpusFolder(path)
        var diagnostics = Diagnostics()
        let files = SpecSource(directory: folder.path).read(diagnostics: &diagnostics)
        let graph = Generator.buildGraph(from: files, diagnostics: &diagnostics)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(errors.prefix(20).map(\.description), [], "\(path): \(errors.count) errors")
        var shapeless = Set<String>()
        for warning in diagnostics.all where warning.severity == .warning && warning.message.contains("has no `## Fields`") {
            shapeless.insert(String(warning.message.split(separator: "`")[0]))
        }
        return (graph, shapeless)
    }

    private func side(_ label: String, _ path: String) throws -> FlavourAgreement.Side {
        FlavourAgreement.Side(label: label, graph: try graph(path).graph)
    }

    /// Two revisions of one API in one language: what differs is what the API changed.
    func testAmpersandRevisionsDifferByTheirChanges() throws {
        let v3 = try graph("ampersand/v3/models").graph
        let v4 = try graph("ampersand/v4/models").graph
        // Nothing differs between a graph and itself.
        let same = FlavourAgreement([.init(label: "A", graph: v4), .init(label: "B", graph: v4)])
        XCTAssertEqual(same.differences.map(\.description), [])
        XCTAssertEqual([same.typeCount, same.agreeingTypes, same.agreeingFields], [v4.models.count, v4.models.count, same.fieldCount])

        let agreement = FlavourAgreement([.init(label: "v3", graph: v3), .init(label: "v4", graph: v4)])
        print("ampersand v3 / v4: \(agreement.summary)")
        XCTAssertEqual(agreement.counts, .init(
            types: 620, typesOnEverySide: 615, agreeingTypes: 612, fields: 3796, fieldsOnEverySide: 3783, agreeingFields: 3778))
        // Each type that differs is one `specmodels diff` reports a change in (under its v4
        // name, or its v3 name when it was removed or renamed).
        var changed = Set<String>()
        for change in SpecDiff.compare(old: v3, new: v4) {
            for name in [change.typeName, change.before].compactMap({ $0 }) {
                changed.insert(String(name.split(separator: ".").last ?? ""))
            }
        }
        let differing = Set(agreement.differences.map(\.typeName))
        XCTAssertEqual(differing.subtracting(changed).sorted(), [])
        XCTAssertEqual(differing.sorted(), [
            "Builder", "ConnectionRequestBody", "GenerateConnectionGenerateConnectionRequest", "ListOrgBuildersAPIProblem",
            "ListOrgBuildersRequest", "ListOrgBuildersResponse", "UpdateConnectionConnectionRequestBody",
            "UpdateConnectionUpdateConnectionRequest",
        ])
    }

    // MARK: apideck in TypeScript, Java and C#

    func testApideckInTypeScriptJavaAndCSharp() throws {
        let started = Date()
        let java = try graph("flavours/java-apideck/models")
        let agreement = FlavourAgreement([
            try side(Self.ts, "apideck/models"),
            .init(label: Self.java, graph: java.graph),
            try side(Self.cs, "flavours/csharp-apideck/Models"),
        ], folderAliases: ["components": "", "requests": "operations"])
        let seconds = Date().timeIntervalSince(started)
        print("apideck TypeScript / Java / C#: \(agreement.summary) (\(String(format: "%.1f", seconds)) s with reading)")

        // Types on every side 81.1%, 73.8% of them agreeing; fields 93.3%, 99.1% of them agreeing.
        XCTAssertEqual(agreement.counts, .init(
            types: 2031, typesOnEverySide: 1647, agreeingTypes: 1216, fields: 10269, fieldsOnEverySide: 9578, agreeingFields: 9492))
        // Dates and timestamps agree field by field: 207 timestamps, 79 dates.
        XCTAssertEqual(agreement.agreeingFieldTypes["Date"], 207)
        XCTAssertEqual(agreement.agreeingFieldTypes["RFCDate"], 79)
        // The SDK's credentials: TypeScript's may come from the environment.
        XCTAssertEqual(agreement.requirednessDifferences, ["Security.apiKey"])
        // Only Java says which fields may be `null` (`JsonNullable`); C#'s types carry no
        // nullability, and TypeScript's only through a required field's `null` in an example
        // (none here).
        XCTAssertEqual(agreement.nullableFields, [Self.java: 2471])

        // TypeScript says `number` for all of them; Java and C# tell 440 integers from 317
        // floats, and never disagree on which is which.
        let numbers = Self.integers(agreement, strict: [Self.java, Self.cs])
        XCTAssertEqual(numbers.integers, 440)
        XCTAssertEqual(numbers.floats, 317)
        XCTAssertEqual(numbers.disagreeing, [])
        let (explained, unexplained) = agreement.explain(Self.apideckExplanations(agreement, javaShapeless: java.shapeless))
        XCTAssertEqual(unexplained.map(\.description), [])
        XCTAssertEqual(explained.mapValues(\.count), [
            "TypeScript's SDK globals": 337,
            "Java's unions without members": 96,
            "response metadata": 679,
            "TypeScript's T suffix": 9,
            "literal or one-value enum": 4,
            "C#'s member named like its type": 2,
            "API revisions": 35,
        ])
        XCTAssertEqual(explained["API revisions"]?.map(\.description) ?? [], Self.apideckRevisions)
    }

    // MARK: glean in Python and Go

    func testGleanInPythonAndGo() throws {
        let started = Date()
        let agreement = FlavourAgreement(
            [try side(Self.python, "flavours/python-glean/models"), try side(Self.go, "flavours/go-glean/models")],
            folderAliases: ["components": "", "models": ""])
        let seconds = Date().timeIntervalSince(started)
        print("glean Python / Go: \(agreement.summary) (\(String(format: "%.1f", seconds)) s with reading)")

        // Types on every side 71.2%, 98.7% of them agreeing; fields 99.2%, 99.9% of them agreeing.
        XCTAssertEqual(agreement.counts, .init(
            types: 671, typesOnEverySide: 478, agreeingTypes: 472, fields: 1799, fieldsOnEverySide: 1785, agreeingFields: 1783))
        // The date rule (PythonDatesTests): all 54 fields where either says date or timestamp
        // agree, 47 timestamps and 7 dates; read as Python's types, every one would differ.
        XCTAssertEqual(agreement.agreeingFieldTypes["Date"], 47)
        XCTAssertEqual(agreement.agreeingFieldTypes["RFCDate"], 7)
        XCTAssertEqual(agreement.differences.filter { !$0.fieldTypes.isEmpty && Set($0.fieldTypes.values).isSubset(of: [.date, .dateTime]) }.count, 0)
        // Python's revision of `Agent` requires its name.
        XCTAssertEqual(agreement.requirednessDifferences, ["Agent.name"])
        // Neither language's docs of this API say a field may be `null`.
        XCTAssertEqual(agreement.nullableFields, [:])

        // Python and Go agree on every integer (191) and float (9).
        let numbers = Self.integers(agreement, strict: [Self.python, Self.go])
        XCTAssertEqual(numbers.integers, 191)
        XCTAssertEqual(numbers.floats, 9)
        XCTAssertEqual(numbers.disagreeing, [])
        let (explained, unexplained) = agreement.explain(Self.gleanExplanations(agreement))
        XCTAssertEqual(unexplained.map(\.description), [])
        XCTAssertEqual(explained.mapValues(\.count), [
            "response metadata": 96,
            "Python's Request suffix": 14,
            "Go's API errors": 2,
            "additionalProperties": 2,
            "upload file": 2,
            "inline object named differently": 3,
            "API revisions": 91,
        ])
        XCTAssertEqual(explained["API revisions"]?.map(\.description) ?? [], Self.gleanRevisions)
    }

    private static let python = "Python", go = "Go"

    private static func gleanExplanations(_ agreement: FlavourAgreement) -> [FlavourAgreement.Explanation] {
        typealias Difference = FlavourAgreement.Difference
        func model(_ label: String, _ difference: Difference) -> ModelNode? {
            difference.models[label].map { agreement.graph(label)[$0] }
        }
        func oneSided(_ label: String) -> Set<String> {
            Set(agreement.differences.filter { $0.kind == .type && $0.present == [label] }.map(\.typeName))
        }
        let onlyPython = oneSided(python), onlyGo = oneSided(go)
        let goComponents = Set(agreement.graph(go).models.filter { $0.namespace == "components" }.map(\.name))
        // Speakeasy's field for OpenAPI's additionalProperties, by language.
        let additionalProperties = [python: "__pydantic_extra__", go: "AdditionalProperties"]
        func fieldKeys(_ label: String, _ type: TypeExpression?) -> Set<String>? {
            guard let id = type?.directModel, case .object(let fields) = agreement.graph(label)[id].shape else { return nil }
            return Set(fields.map { FlavourAgreement.fieldKey($0.name) })
        }
        // Fields whose types are one-sided models of the same fields: one inline object, named twice.
        var renamedInline = Set<String>()
        for difference in agreement.differences where difference.kind == .fieldType {
            guard let pythonType = difference.fieldTypes[python], let goType = difference.fieldTypes[go],
                  let pythonModel = pythonType.directModel, let goModel = goType.directModel,
                  onlyPython.contains(agreement.graph(python)[pythonModel].name), onlyGo.contains(agreement.graph(go)[goModel].name),
                  fieldKeys(python, pythonType) == fieldKeys(go, goType) else { continue }
            renamedInline.formUnion([difference.description, agreement.graph(python)[pythonModel].name, agreement.graph(go)[goModel].name])
        }
        return [
            .init(
                name: "response metadata",
                reason: """
                    Go's SDK answers each operation with a wrapper of the body and `HTTPMeta` \
                    (`HTTPMetadata`, runtime values); Python's returns the body itself.
                    """,
                applies: { difference in
                    guard difference.kind == .type, difference.present == [go], let wrapper = model(go, difference) else { return false }
                    return !wrapper.runtimeFields.isEmpty
                        || { if case .object(let fields) = wrapper.shape { return fields.isEmpty } else { return false } }()
                }),
            .init(
                name: "Python's Request suffix",
                reason: """
                    An operation's request type named like a component (`ChatRequest`): Go keeps \
                    both in their packages (`operations.ChatRequest`), Python's one namespace \
                    adds `Request` (`ChatRequestRequest`).
                    """,
                applies: { difference in
                    guard difference.kind == .type else { return false }
                    if difference.present == [go], let request = model(go, difference), request.namespace == "operations" {
                        return onlyPython.contains(request.name + "Request")
                    }
                    return difference.present == [python] && difference.typeName.hasSuffix("Request")
                        && onlyGo.contains(String(difference.typeName.dropLast("Request".count)))
                }),
            .init(
                name: "Go's API errors",
                reason: "Go documents an error body twice: as a component and as the `apierrors` error type.",
                applies: { difference in
                    guard difference.kind == .type, difference.present == [go], let error = model(go, difference) else { return false }
                    return error.namespace == "apierrors" && goComponents.contains(error.name)
                }),
            .init(
                name: "additionalProperties",
                reason: """
                    Speakeasy names the field of OpenAPI's additionalProperties per language: \
                    Python `__pydantic_extra__`, Go `AdditionalProperties`.
                    """,
                applies: { difference in
                    guard difference.kind == .field, difference.present.count == 1, let label = difference.present.first,
                          difference.field == additionalProperties[label] else { return false }
                    let other = label == python ? go : python
                    guard let otherModel = model(other, difference), case .object(let fields) = otherModel.shape else { return false }
                    return fields.contains { $0.name == additionalProperties[other] }
                }),
            .init(
                name: "upload file",
                reason: """
                    A multipart upload's file: Python takes `bytes` or a binary stream with an \
                    optional `content_type`, Go `any` (an `io.Reader`).
                    """,
                applies: { difference in
                    if difference.kind == .fieldType {
                        return difference.fieldTypes[python] == .bytes && difference.fieldTypes[go] == .any
                    }
                    guard difference.kind == .field, difference.present == [python], let file = model(python, difference),
                          case .object(let fields) = file.shape else { return false }
                    return fields.contains { $0.type == .bytes }
                }),
            .init(
                name: "inline object named differently",
                reason: """
                    An inline object's type is named after different parents: Python \
                    `RelatedObjectMetadata`, Go `Metadata`, with the same fields.
                    """,
                applies: { renamedInline.contains($0.kind == .fieldType ? $0.description : $0.typeName) }),
            .init(
                name: "API revisions",
                reason: """
                    The SDKs were generated from different revisions of Glean's API: Python's has \
                    the DLP, policy, tool, document-visibility and agent-run operations, Go's the \
                    older agent operations.
                    """,
                applies: { gleanRevisions.contains($0.description) }),
        ]
    }

    /// Differences that are changes of Glean's API between the revisions the SDKs were
    /// generated from.
    private static let gleanRevisions: [String] = [
        "Agent.agent_id [field] Python: agent_id: string",
        "Agent.description [field] Python: description: string",
        "Agent.metadata [field] Python: metadata: agentmetadata",
        "Agent.capabilities [field] Python: capabilities: agentcapabilities",
        "Agent.Author [field] Go: Author: person",
        "Agent.CreateTimestamp [field] Go: CreateTimestamp: number",
        "Agent.LastUpdateTimestamp [field] Go: LastUpdateTimestamp: number",
        "Agent.LastUpdatedBy [field] Go: LastUpdatedBy: person",
        "Agent.ID [field] Go: ID: string",
        "Agent.Permissions [field] Go: Permissions: objectpermissions",
        "AgentCapabilities [type] Python: models.AgentCapabilities",
        "AgentExecutionStatus [type] Python: models.AgentExecutionStatus",
        "AgentMetadata [type] Python: models.AgentMetadata",
        "AgentResult [type] Go: components.AgentResult",
        "AgentRun [type] Python: models.AgentRun",
        "AgentRunCreate [type] Python: models.AgentRunCreate",
        "AgentRunWaitResponse [type] Python: models.AgentRunWaitResponse",
        "AgentSchemas [type] Python: models.AgentSchemas",
        "AllowlistOptions [type] Python: models.AllowlistOptions",
        "ContentType [type] Python: models.ContentType",
        "CreateDlpReportRequest [type] Python: models.CreateDlpReportRequest",
        "CreateDlpReportResponse [type] Python: models.CreateDlpReportResponse",
        "DatasourcesType [type] Python: models.DatasourcesType",
        "DlpConfig [type] Python: models.DlpConfig",
        "DlpFrequency [type] Python: models.DlpFrequency",
        "DlpPerson [type] Python: models.DlpPerson",
        "DlpPersonMetadata [type] Python: models.DlpPersonMetadata",
        "DlpReport [type] Python: models.DlpReport",
        "DlpReportStatus [type] Python: models.DlpReportStatus",
        "DlpSimpleResult [type] Python: models.DlpSimpleResult",
        "DocumentVisibilityOverride [type] Python: models.DocumentVisibilityOverride",
        "DocumentVisibilityOverrideOverride [type] Python: models.DocumentVisibilityOverrideOverride",
        "DocumentVisibilityUpdateResult [type] Python: models.DocumentVisibilityUpdateResult",
        "DocumentVisibilityUpdateResultOverride [type] Python: models.DocumentVisibilityUpdateResultOverride",
        "DownloadpolicycsvRequest [type] Python: models.DownloadpolicycsvRequest",
        "DownloadreportcsvRequest [type] Python: models.DownloadreportcsvRequest",
        "ExternalSharingOptions [type] Python: models.ExternalSharingOptions",
        "GetAgentInputsRequest [type] Go: components.GetAgentInputsRequest",
        "GetAgentInputsResponse [type] Go: components.GetAgentInputsResponse",
        "GetAgentRequest [type] Python: models.GetAgentRequest",
        "GetAgentSchemasRequest [type] Python: models.GetAgentSchemasRequest",
        "GetDlpReportResponse [type] Python: models.GetDlpReportResponse",
        "GetDocumentVisibilityOverridesResponse [type] Python: models.GetDocumentVisibilityOverridesResponse",
        "GetdocvisibilityRequest [type] Python: models.GetdocvisibilityRequest",
        "GetpolicyRequest [type] Python: models.GetpolicyRequest",
        "GetreportstatusRequest [type] Python: models.GetreportstatusRequest",
        "GetRestAPIV1ToolsListRequest [type] Python: models.GetRestAPIV1ToolsListRequest",
        "Hotword [type] Python: models.Hotword",
        "HotwordProximity [type] Python: models.HotwordProximity",
        "InputOptions [type] Python: models.InputOptions",
        "InputSchema [type] Python: models.InputSchema",
        "LastScanStatus [type] Python: models.LastScanStatus",
        "LikelihoodThreshold [type] Python: models.LikelihoodThreshold",
        "ListagentsRequest [type] Go: operations.ListagentsRequest",
        "ListAgentsResponse [type] Go: components.ListAgentsResponse",
        "ListDlpReportsResponse [type] Python: models.ListDlpReportsResponse",
        "ListpoliciesRequest [type] Python: models.ListpoliciesRequest",
        "Message [type] Python: models.Message",
        "MessageTextBlock [type] Python: models.MessageTextBlock",
        "GetagentinputsRequest [type] Go: operations.GetagentinputsRequest",
        "RunagentRequest [type] Go: operations.RunagentRequest",
        "OutputSchema [type] Python: models.OutputSchema",
        "ReportStatusResponse [type] Python: models.ReportStatusResponse",
        "ReportStatusResponseStatus [type] Python: models.ReportStatusResponseStatus",
        "RunAgentRequest [type] Go: components.RunAgentRequest",
        "SearchAgentsRequest [type] Python: models.SearchAgentsRequest",
        "SearchAgentsResponse [type] Python: models.SearchAgentsResponse",
        "SensitiveContentOptions [type] Python: models.SensitiveContentOptions",
        "SensitiveExpression [type] Python: models.SensitiveExpression",
        "SensitiveInfoType [type] Python: models.SensitiveInfoType",
        "SharingOptions [type] Python: models.SharingOptions",
        "StructuredTextItem.structured_result [field] Python: structured_result: structuredresult",
        "TextRangeType [enumValues] Go: no other value, Python: also \"HIGHLIGHT\"",
        "TimePeriodType [type] Python: models.TimePeriodType",
        "TimeRange [type] Python: models.TimeRange",
        "Tool [type] Python: models.Tool",
        "ToolParameter [type] Python: models.ToolParameter",
        "ToolParameterType [type] Python: models.ToolParameterType",
        "ToolsCallParameter [type] Python: models.ToolsCallParameter",
        "ToolsCallRequest [type] Python: models.ToolsCallRequest",
        "ToolsCallResponse [type] Python: models.ToolsCallResponse",
        "ToolsListResponse [type] Python: models.ToolsListResponse",
        "ToolType [type] Python: models.ToolType",
        "UpdateDlpConfigRequest [type] Python: models.UpdateDlpConfigRequest",
        "UpdateDlpConfigResponse [type] Python: models.UpdateDlpConfigResponse",
        "UpdateDlpReportRequest [type] Python: models.UpdateDlpReportRequest",
        "UpdateDlpReportResponse [type] Python: models.UpdateDlpReportResponse",
        "UpdateDocumentVisibilityOverridesRequest [type] Python: models.UpdateDocumentVisibilityOverridesRequest",
        "UpdateDocumentVisibilityOverridesResponse [type] Python: models.UpdateDocumentVisibilityOverridesResponse",
        "UpdatepolicyRequest [type] Python: models.UpdatepolicyRequest",
        "WorkflowInputField [type] Go: components.WorkflowInputField",
    ]

    /// How the `strict` languages, which tell integers from floats, type the fields they agree
    /// on as numbers: integers, floats, and the fields where they disagree (`Type.field`).
    private static func integers(_ agreement: FlavourAgreement, strict: [String]) -> (integers: Int, floats: Int, disagreeing: [String]) {
        let sides = agreement.sides.filter { strict.contains($0.label) }
        let strictAgreement = FlavourAgreement(sides, folderAliases: ["components": "", "models": "", "requests": "operations"], distinguishingIntegers: true)
        let disagreeing = strictAgreement.differences.filter { difference in
            difference.kind == .fieldType && Set(difference.sides.values) == ["integer", "number"]
        }
        return (
            strictAgreement.agreeingFieldTypes["integer", default: 0], strictAgreement.agreeingFieldTypes["number", default: 0],
            disagreeing.map { "\($0.typeName).\($0.field!)" })
    }

    private static let ts = "TypeScript", java = "Java", cs = "C#"

    /// What the languages' docs of one API differ in, as rules over the differences.
    private static func apideckExplanations(
        _ agreement: FlavourAgreement, javaShapeless: Set<String>
    ) -> [FlavourAgreement.Explanation] {
        typealias Difference = FlavourAgreement.Difference
        func model(_ label: String, _ difference: Difference) -> ModelNode? {
            difference.models[label].map { agreement.graph(label)[$0] }
        }
        let typeScriptNames = Dictionary(grouping: agreement.graph(ts).models, by: \.name)
        let onlyTypeScript = Set(agreement.differences.filter { $0.kind == .type && $0.present == [ts] }.map(\.typeName))
        let notTypeScript = Set(agreement.differences.filter { $0.kind == .type && $0.present == [java, cs] }.map(\.typeName))
        let shapeless = Set(javaShapeless.map { $0.lowercased() })
        return [
            .init(
                name: "TypeScript's SDK globals",
                reason: """
                    Speakeasy's TypeScript docs describe the SDK-wide parameters each operation takes \
                    (`consumerId`, `appId`) as a type `<Operation>Globals`, whose fields are also the \
                    operation's request's; Java and C# keep them in the SDK's configuration.
                    """,
                applies: { difference in
                    guard difference.kind == .type, difference.present == [ts], let globals = model(ts, difference),
                          globals.name.hasSuffix("Globals"), case .object(let fields) = globals.shape else { return false }
                    let requestName = globals.name.dropLast("Globals".count) + "Request"
                    guard let request = typeScriptNames[String(requestName)]?.first, case .object(let requestFields) = request.shape
                    else { return false }
                    return Set(fields.map(\.name)).isSubset(of: requestFields.map(\.name))
                }),
            .init(
                name: "Java's unions without members",
                reason: """
                    Speakeasy's Java docs leave the members of unions of objects and lists out (a `#` \
                    heading alone): such a doc is no type, and fields of it are `JSONValue`.
                    """,
                applies: { difference in
                    switch difference.kind {
                    case .type:
                        return difference.present == [ts, cs] && shapeless.contains(difference.typeName.lowercased())
                    case .fieldType:
                        guard let typeScript = difference.sides[ts], typeScript == difference.sides[cs],
                              let key = Self.innermostModelKey(difference.fieldTypes[ts], agreement, ts),
                              shapeless.contains(String(key.split(separator: ".").last!)) else { return false }
                        return difference.sides[java] == typeScript.replacingOccurrences(of: key, with: "any")
                    default:
                        return false
                    }
                }),
            .init(
                name: "response metadata",
                reason: """
                    Each operation's response wrapper holds the SDK's view of the HTTP response: \
                    TypeScript and C# an `httpMeta` field (`HTTPMetadata`, runtime values left out \
                    of the type), Java `rawResponse` with plain `contentType` and `statusCode` \
                    fields, Java and C# the proxy responses' `headers` as a field; Java has no \
                    `HTTPMetadata` doc.
                    """,
                applies: { difference in
                    let models = difference.present.compactMap { label in model(label, difference) }
                    switch difference.kind {
                    case .type:
                        return models.allSatisfy { model in
                            guard case .object(let fields) = model.shape else { return false }
                            return fields.isEmpty && !model.runtimeFields.isEmpty
                        }
                    case .field:
                        let everySide = [ts, java, cs].compactMap { label in model(label, difference) }
                        return everySide.count == 3 && everySide.allSatisfy { !$0.runtimeFields.isEmpty }
                            && difference.fieldTypes.values.allSatisfy { !$0.contains { $0.directModel != nil } }
                    default:
                        return false
                    }
                }),
            .init(
                name: "TypeScript's T suffix",
                reason: """
                    TypeScript names a type that would shadow a JavaScript global (`Error`, \
                    `Request`, `Response`) with a `T` suffix: `ErrorT`.
                    """,
                applies: { difference in
                    switch difference.kind {
                    case .type:
                        if difference.present == [ts] { return notTypeScript.contains(String(difference.typeName.dropLast())) }
                        return difference.present == [java, cs] && onlyTypeScript.contains(difference.typeName + "T")
                    case .fieldType:
                        guard let other = difference.sides[java], other == difference.sides[cs] else { return false }
                        return difference.sides[ts] == other + "t"
                    default:
                        return false
                    }
                }),
            .init(
                name: "literal or one-value enum",
                reason: """
                    A property that can hold one string only: TypeScript writes the literal \
                    (`*"simple"*`), Java and C# an enum of that one value (`OptionType`).
                    """,
                applies: { difference in
                    func oneValue(_ label: String, _ id: ModelID?) -> EnumValue.Literal? {
                        guard let id, case .enumeration(let shape) = agreement.graph(label)[id].shape, shape.values.count == 1
                        else { return nil }
                        return shape.values[0].value
                    }
                    switch difference.kind {
                    case .type:
                        return difference.present == [java, cs] && oneValue(java, difference.models[java]) != nil
                    case .fieldType:
                        guard case .stringLiteral(let literal) = difference.fieldTypes[ts] else { return false }
                        return [java, cs].allSatisfy { oneValue($0, difference.fieldTypes[$0]?.directModel) == .string(literal) }
                    default:
                        return false
                    }
                }),
            .init(
                name: "C#'s member named like its type",
                reason: "C# cannot name a property like its type: `Email.email` is `Email.EmailValue`.",
                applies: { difference in
                    guard difference.kind == .field, let field = difference.field else { return false }
                    if difference.present == [cs] { return field == difference.typeName + "Value" }
                    return difference.present == [ts, java] && field.lowercased() == difference.typeName.lowercased()
                }),
            .init(
                name: "API revisions",
                reason: """
                    The three SDKs were generated from different revisions of Apideck's API: \
                    TypeScript's has webhook event logs, Java's CRM lists, connection metadata, \
                    `passThrough` on list requests and tracking-category events.
                    """,
                applies: { apideckRevisions.contains($0.description) }),
        ]
    }

    /// The model key a field type names, through arrays and maps.
    private static func innermostModelKey(_ type: TypeExpression?, _ agreement: FlavourAgreement, _ label: String) -> String? {
        guard let type else { return nil }
        switch type {
        case .model: return agreement.spell(type, side: agreement.sides.firstIndex { $0.label == label }!)
        case .array(let element), .map(let element): return innermostModelKey(element, agreement, label)
        default: return nil
        }
    }

    /// Differences that are changes of Apideck's API between the revisions the SDKs were
    /// generated from (TypeScript's has the `webhook.eventLogs` operation, Java's the CRM
    /// `lists` operations, connection metadata, `passThrough` on eleven list requests and
    /// the tracking-category webhook events).
    private static let apideckRevisions: [String] = [
        "AccountingAttachmentsAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingCategoriesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingCompaniesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingDepartmentsAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingEmployeesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingExpenseCategoriesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingExpenseReportsAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingExpensesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingLocationsAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingQuotesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "AccountingSubsidiariesAllRequest.passThrough [field] Java: passThrough: [string: any]",
        "Attempts [type] TypeScript: components.Attempts",
        "Connection.metadata [fieldType] C#: [string: any], Java: connectionmetadata, TypeScript: [string: any]",
        "ConnectionInput.metadata [fieldType] C#: [string: any], Java: connectionmetadatainput, TypeScript: [string: any]",
        "ConnectionMetadata [type] Java: components.ConnectionMetadata",
        "ConnectionMetadataInput [type] Java: components.ConnectionMetadataInput",
        "ConsumerConnection.metadata [fieldType] C#: [string: any], Java: metadata, TypeScript: [string: any]",
        "CrmListsAllRequest [type] Java: operations.CrmListsAllRequest",
        "CrmListsAllResponse [type] Java: operations.CrmListsAllResponse",
        "CrmListsOneRequest [type] Java: operations.CrmListsOneRequest",
        "CrmListsOneResponse [type] Java: operations.CrmListsOneResponse",
        "GetListResponse [type] Java: components.GetListResponse",
        "GetListsResponse [type] Java: components.GetListsResponse",
        "GetWebhookEventLogsResponse [type] TypeScript: components.GetWebhookEventLogsResponse",
        "List [type] Java: components.List",
        "ListType [type] Java: components.ListType",
        "ListVisibility [type] Java: components.ListVisibility",
        "Metadata [type] Java: components.Metadata",
        "WebhookEventLog [type] TypeScript: components.WebhookEventLog",
        "WebhookEventLogsAllRequest [type] TypeScript: operations.WebhookEventLogsAllRequest",
        "WebhookEventLogsAllResponse [type] TypeScript: operations.WebhookEventLogsAllResponse",
        "WebhookEventLogService [type] TypeScript: components.WebhookEventLogService",
        "WebhookEventLogsFilter [type] TypeScript: components.WebhookEventLogsFilter",
        "WebhookEventLogsFilterService [type] TypeScript: components.WebhookEventLogsFilterService",
        "WebhookEventType [enumValues] C#: no other value, Java: also \"accounting.tracking_category.created\", \"accounting.tracking_category.deleted\", \"accounting.tracking_category.updated\", TypeScript: no other value",
    ]
}
