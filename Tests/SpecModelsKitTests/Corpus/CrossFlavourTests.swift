import Foundation
import XCTest
@testable import SpecModelsKit

/// The machinery of `FlavourAgreement`, on small doc sets whose differences are known.
final class FlavourAgreementTests: XCTestCase {
    private static func object(_ name: String, _ rows: [(String, String)]) -> String {
        """
        # \(name)

        ## Fields

        | Field | Type | Required |
        | --- | --- | --- |
        \(rows.map { "| `\($0.0)` | \($0.1) | :heavy_check_mark: |" }.joined(separator: "\n"))
        """
    }

    private static func enumeration(_ name: String, _ values: String) -> String {
        "# \(name)\n\n## Values\n\n```typescript\n\(values)\n```\n"
    }

    private func graph(_ docs: [String: String]) -> TypeGraph {
        let (graph, diagnostics) = TestSupport.buildGraph(docs)
        XCTAssertEqual(diagnostics, [])
        return graph
    }

    func testMatchesNamesAcrossSpellingsAndComparesStructure() {
        let left = graph([
            "models/components/pet.md": Self.object("Pet", [
                ("doc_id", "*string*"),
                ("age", "*number*"),
                ("owner", "[components.Owner](../../models/components/owner.md)"),
                ("tags", "Record<string, *components.Owner*[]>"),
                ("colour", "*string*"),
                ("born", "[Date](https://developer.mozilla.org/Date)"),
            ]),
            "models/components/owner.md": Self.object("Owner", [("name", "*string*")]),
            "models/components/kind.md": Self.enumeration("Kind", "\"cat\" | \"dog\""),
            "models/components/detail.md": Self.object("Detail", [("a", "*string*")]),
            "models/operations/detail.md": Self.object("Detail", [("b", "*string*")]),
            "models/components/onlyleft.md": Self.object("OnlyLeft", [("a", "*string*")]),
        ])
        let right = graph([
            "models/components/pet.md": Self.object("Pet", [
                ("DocID", "*string*"),
                ("Age", "*number*"),
                ("Owner", "[components.OWNER](../../models/components/owner.md)"),
                ("Tags", "Record<string, *components.OWNER*[]>"),
                ("Colour", "*number*"),
                ("Born", "[RFCDate](../../types/rfcdate.md)"),
                ("extra", "*boolean*"),
            ]).replacingOccurrences(of: "| `Age` | *number* | :heavy_check_mark: |", with: "| `Age` | *number* | :heavy_minus_sign: |"),
            "models/components/owner.md": Self.object("OWNER", [("Name", "*string*")]),
            "models/components/kind.md": Self.enumeration("Kind", "\"dog\" | \"cat\" | \"bird\""),
            "models/components/detail.md": Self.object("Detail", [("A", "*string*")]),
            "models/requests/detail.md": Self.object("Detail", [("B", "*string*")]),
        ])
        // Two `Detail`s on each side: the folder tells them apart, `requests` read as `operations`.
        let agreement = FlavourAgreement(
            [.init(label: "L", graph: left), .init(label: "R", graph: right)], folderAliases: ["requests": "operations"])
        XCTAssertEqual(agreement.differences.map(\.description).sorted(), [
            "Kind [enumValues] L: no other value, R: also \"bird\"",
            "OnlyLeft [type] L: components.OnlyLeft",
            "Pet.born [fieldType] L: Date, R: RFCDate",
            "Pet.colour [fieldType] L: string, R: number",
            "Pet.extra [field] R: extra: boolean",
        ])
        XCTAssertEqual(agreement.typeCount, 6)
        XCTAssertEqual(agreement.typesOnEverySide, 5)
        XCTAssertEqual(agreement.agreeingTypes, 3)  // Owner, both Details
        XCTAssertEqual(agreement.fieldCount, 7 + 1 + 1 + 1)
        XCTAssertEqual(agreement.fieldsOnEverySide, 6 + 1 + 1 + 1)
        XCTAssertEqual(agreement.agreeingFields, 4 + 1 + 1 + 1)
        XCTAssertEqual(agreement.requirednessDifferences, ["Pet.age"])

        // The first explanation that applies takes a difference; the rest stay unexplained.
        let (explained, unexplained) = agreement.explain([
            .init(name: "one side only", reason: "", applies: { $0.present.count == 1 }),
            .init(name: "date or timestamp", reason: "", applies: { Set($0.fieldTypes.values) == [.date, .dateTime] }),
            .init(name: "never", reason: "", applies: { _ in false }),
        ])
        XCTAssertEqual(explained.mapValues { $0.map(\.description).sorted() }, [
            "one side only": ["OnlyLeft [type] L: components.OnlyLeft", "Pet.extra [field] R: extra: boolean"],
            "date or timestamp": ["Pet.born [fieldType] L: Date, R: RFCDate"],
        ])
        XCTAssertEqual(unexplained.map(\.description).sorted(), [
            "Kind [enumValues] L: no other value, R: also \"bird\"",
            "Pet.colour [fieldType] L: string, R: number",
        ])
    }
}

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

    /// The comparison finds nothing between a graph and itself.
    func testTheTypeScriptDocsAgreeWithThemselves() throws {
        let apideck = try graph("apideck/models").graph
        let agreement = FlavourAgreement([.init(label: "A", graph: apideck), .init(label: "B", graph: apideck)])
        XCTAssertEqual(agreement.differences.map(\.description), [])
        XCTAssertEqual(agreement.typeCount, apideck.models.count)
        XCTAssertEqual(agreement.agreeingTypes, apideck.models.count)
        XCTAssertEqual(agreement.agreeingFields, agreement.fieldCount)
    }

    /// Two revisions of one API in one language: what differs is what the API changed.
    func testAmpersandRevisionsDifferByTheirChanges() throws {
        let v3 = try graph("ampersand/v3/models").graph
        let v4 = try graph("ampersand/v4/models").graph
        let agreement = FlavourAgreement([.init(label: "v3", graph: v3), .init(label: "v4", graph: v4)])
        print("ampersand v3 / v4: \(agreement.summary)")
        XCTAssertEqual(agreement.typeCount, 620)
        XCTAssertEqual(agreement.typesOnEverySide, 615)
        XCTAssertEqual(agreement.agreeingTypes, 612)
        XCTAssertEqual(agreement.fieldCount, 3796)
        XCTAssertEqual(agreement.fieldsOnEverySide, 3783)
        XCTAssertEqual(agreement.agreeingFields, 3778)
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

        XCTAssertEqual(agreement.typeCount, 2031)
        XCTAssertEqual(agreement.typesOnEverySide, 1647)  // 81.1%
        XCTAssertEqual(agreement.agreeingTypes, 1216)  // 73.8% of those
        XCTAssertEqual(agreement.fieldCount, 10269)
        XCTAssertEqual(agreement.fieldsOnEverySide, 9578)  // 93.3%
        XCTAssertEqual(agreement.agreeingFields, 9492)  // 99.1% of those
        // Dates and timestamps agree field by field: 207 timestamps, 79 dates.
        XCTAssertEqual(agreement.agreeingFieldTypes["Date"], 207)
        XCTAssertEqual(agreement.agreeingFieldTypes["RFCDate"], 79)
        // The SDK's credentials: TypeScript's may come from the environment.
        XCTAssertEqual(agreement.requirednessDifferences, ["Security.apiKey"])

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
