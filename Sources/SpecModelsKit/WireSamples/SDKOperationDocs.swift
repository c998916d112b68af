import Foundation

/// The response type each operation's SDK doc names, read from Speakeasy's `sdks/*/README.md`
/// in any SDK language.
///
/// An operation's section runs to the next `##` heading. It holds one or more
/// `<!-- UsageSnippet … operationID="X" … -->` comments (one per example), a `### Parameters`
/// table and, after the last snippet, `### Response` followed by the type as the language
/// spells it (`ResponseTypeSpelling`). Older docs have no snippet comments: a section without
/// one documents the operation Speakeasy named its response type after
/// (`GetWorkspaceResponse` answers `getWorkspace`, `PublicApiV1AccountShowResponse` answers
/// `public-api.v1.account.show`).
///
/// What the docs lack (a snippet without `### Response`, one operation documented twice with
/// different types) is a finding: the operation concerned is skipped or its first doc used.
public struct SDKOperationDocs: Sendable {
    public struct Response: Sendable, Equatable {
        public var operationID: String
        /// The type without the language's wrappers (`Promise<…>`, `*…, error`, `?…`,
        /// `T.nilable(…)`): `operations.X`, `void`, `shared.Device[]`.
        public var spelling: String
        /// The link's destination when the type is a link (`../../models/ns/t.md`).
        public var link: String?
        /// The Type cells of the section's `### Parameters` table, as written: with `spelling`,
        /// what tells two docs of one operation apart.
        public var parameters: [String] = []
        /// The README's path, as given, for resolving the link and for messages.
        public var readmePath: String
        /// Where `### Response` is.
        public var location: SourceLocation
        /// Whether a usage snippet names the operation; otherwise the id is the response
        /// type's name without `Response`, matched ignoring case and punctuation.
        public var isNamedBySnippet = true

        /// Whether two docs say the same of the operation: one request, one response.
        func documentsTheSame(as other: Response) -> Bool {
            spelling == other.spelling && parameters == other.parameters
        }
    }

    /// The responses whose snippets name them, by operation id.
    public private(set) var responses: [String: Response] = [:]
    /// The responses of sections without snippets, by `normalizedOperationName`.
    private var responsesByTypeName: [String: Response] = [:]

    public init(responses: [Response] = []) {
        for response in responses { insert(response) }
    }

    /// The response of the operation: the one a snippet names, or else the one whose type is
    /// named after it.
    public func response(for operationID: String) -> Response? {
        responses[operationID] ?? responsesByTypeName[Self.normalizedOperationName(operationID)]
    }

    /// Reads `README.md` in each folder of `directory` (Speakeasy's `sdks/`), in name order.
    /// A missing folder, or one without READMEs, is an error.
    public static func read(directory: String, findings: inout Findings, diagnostics: inout Diagnostics) -> SDKOperationDocs {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error("the SDK docs folder `\(directory)` does not exist: pass the `sdks` folder that holds one README.md per API group", at: nil)
            return SDKOperationDocs()
        }
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var docs = SDKOperationDocs()
        var found = 0
        for folder in folders {
            let path = directory.hasSuffix("/") ? "\(directory)\(folder)/README.md" : "\(directory)/\(folder)/README.md"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            found += 1
            guard String(validating: data, as: UTF8.self) != nil else {
                diagnostics.error("not UTF-8 text: expected an SDK README in markdown", at: .start(of: path))
                continue
            }
            docs.add(parse(Array(data), path: path, findings: &findings), findings: &findings)
        }
        if found == 0 {
            diagnostics.error("the SDK docs folder `\(directory)` holds no `*/README.md`", at: nil)
        }
        return docs
    }

    /// Adds responses. An operation documented again with the same types is the same
    /// operation; with other types it is a finding, and the first doc stays.
    public mutating func add(_ more: [Response], findings: inout Findings) {
        for response in more {
            let first = response.isNamedBySnippet
                ? responses[response.operationID] : responsesByTypeName[Self.normalizedOperationName(response.operationID)]
            guard let first else {
                insert(response)
                continue
            }
            if !first.documentsTheSame(as: response) {
                // Parameters are named only when they differ.
                let (these, those) = first.parameters == response.parameters
                    ? ("", "") : (Self.parameterList(response), Self.parameterList(first))
                findings.report(
                    "operation `\(response.operationID)` is documented again with other types: `\(response.spelling)`\(these) here, `\(first.spelling)`\(those) at \(first.location); the first is used",
                    at: response.location)
            }
        }
    }

    private mutating func insert(_ response: Response) {
        if response.isNamedBySnippet {
            responses[response.operationID] = response
        } else {
            responsesByTypeName[Self.normalizedOperationName(response.operationID)] = response
        }
    }

    private static func parameterList(_ response: Response) -> String {
        response.parameters.isEmpty ? " taking no parameters" : " taking \(response.parameters.map { "`\($0)`" }.joined(separator: ", "))"
    }

    /// The responses one README documents, in order.
    public static func parse(_ bytes: [UInt8], path: String, findings: inout Findings) -> [Response] {
        let document = MarkdownParser.parseDocument(bytes)
        var reader = SectionReader(path: path)
        for (index, block) in document.children.enumerated() {
            let next = index + 1 < document.children.count ? document.children[index + 1] : nil
            reader.visit(block, next: next, findings: &findings)
        }
        reader.endSection(findings: &findings)
        return reader.responses
    }

    /// The operation a response type is named after: `GetWorkspaceResponse` → `GetWorkspace`;
    /// `nil` for a type not named so (`components.Account`, `void`).
    static func operationName(fromResponseType spelling: String) -> String? {
        let name = spelling.split(separator: ".").last.map(String.init) ?? spelling
        let suffix = "Response"
        guard name.hasSuffix(suffix), name.count > suffix.count else { return nil }
        let stem = name.dropLast(suffix.count)
        guard stem.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(stem)
    }

    /// An operation id as Speakeasy's type names spell it: letters and digits, lowercased
    /// (`get-server-resources`, `GetServerResources` → `getserverresources`).
    static func normalizedOperationName(_ id: String) -> String {
        String(id.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}

/// Walks a README's top-level blocks, collecting the snippets' operation ids and the
/// parameters until the `### Response` that answers them.
private struct SectionReader {
    let path: String
    var responses: [Response] = []
    /// Operation ids named by snippets since the last `### Response`, with where each was.
    var pending: [(id: String, location: SourceLocation)] = []
    /// The Type cells of the section's `### Parameters` table.
    var parameters: [String] = []

    typealias Response = SDKOperationDocs.Response

    init(path: String) {
        self.path = path
    }

    func location(_ node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: path, line: max(node.startLine, 1), column: max(node.startColumn, 1))
    }

    mutating func visit(_ block: MarkdownNode, next: MarkdownNode?, findings: inout Findings) {
        switch block.kind {
        case .heading(level: let level) where level <= 2:
            endSection(findings: &findings)
        case .heading(level: 3) where block.plainText.trimmingCharacters(in: .whitespaces) == "Parameters":
            if let table = next?.table { parameters = Self.typeCells(table) }
        case .heading(level: 3) where block.plainText.trimmingCharacters(in: .whitespaces) == "Response":
            readResponse(heading: block, next: next, findings: &findings)
        case .htmlBlock:
            guard let attributes = UsageSnippetComment.attributes(of: block.literal) else { return }
            guard let id = attributes["operationID"], !id.isEmpty else {
                findings.report("a `UsageSnippet` comment without an `operationID=\"…\"` attribute", at: location(block))
                return
            }
            if !pending.contains(where: { $0.id == id }) {
                pending.append((id, location(block)))
            }
        default:
            break
        }
    }

    /// A section that ends with snippets but no `### Response` leaves their type unknown.
    mutating func endSection(findings: inout Findings) {
        for snippet in pending {
            findings.report("operation `\(snippet.id)` has no `### Response` section after its usage snippet", at: snippet.location)
        }
        pending = []
        parameters = []
    }

    private mutating func readResponse(heading: MarkdownNode, next: MarkdownNode?, findings: inout Findings) {
        let here = location(heading)
        defer { pending = [] }
        guard let next, next.kind == .paragraph, let type = ResponseTypeSpelling.read(next) else {
            // A section without a snippet that names no readable type has nothing to offer.
            if !pending.isEmpty {
                findings.report(
                    "expected the response type after `### Response` (`**Promise\\<Type\\>**`, `**[Type](link)**`…)", at: next.map { location($0) } ?? here)
            }
            return
        }
        var ids = pending.map { (id: $0.id, isNamedBySnippet: true) }
        // A section without a snippet documents the operation its response type is named after.
        if ids.isEmpty, let name = SDKOperationDocs.operationName(fromResponseType: type.spelling) {
            ids = [(name, false)]
        }
        for (id, isNamedBySnippet) in ids {
            responses.append(Response(
                operationID: id, spelling: type.spelling, link: type.link, parameters: parameters, readmePath: path, location: here,
                isNamedBySnippet: isNamedBySnippet))
        }
    }

    /// The cells of the table's `Type` column, as written.
    static func typeCells(_ table: PipeTable) -> [String] {
        guard let column = table.header.cells.firstIndex(where: { $0.text.trimmingCharacters(in: .whitespaces) == "Type" }) else { return [] }
        return table.rows.map { $0.cells.indices.contains(column) ? $0.cells[column].text : "" }
    }
}

/// The response type as each SDK language's README spells it after `### Response`, and the
/// name inside:
/// - TypeScript `**Promise\<[operations.X](…)\>**`, `**Promise\<void\>**`;
/// - Go `**[*operations.X](…), error**`, and `**error**` for no body;
/// - Python, Java, C# `**[operations.X](…)**`, `**[Models.Requests.X](…)**`;
/// - PHP `**[?Operations\X](…)**`, `**[?\Vendor\Models\Operations\X](…)**`;
/// - Ruby `**[T.nilable(Models::Operations::X)](…)**`.
///
/// Namespaces come back joined by `.` (`Models.Operations.X`).
enum ResponseTypeSpelling {
    static func read(_ paragraph: MarkdownNode) -> (spelling: String, link: String?)? {
        let spelling = unwrapped(paragraph.plainText)
        guard !spelling.isEmpty else { return nil }
        var link: String?
        var pending = [paragraph]
        while let node = pending.popLast() {
            if node.kind == .link {
                link = node.url
                break
            }
            pending.append(contentsOf: node.children.reversed())
        }
        return (spelling, link)
    }

    static func unwrapped(_ text: String) -> String {
        var type = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if type == "error" { return "void" }
        type = strip(type, prefix: "Promise<", suffix: ">")
        if type.hasSuffix(", error") { type = type.dropLast(", error".count) }
        type = strip(type, prefix: "T.nilable(", suffix: ")")
        type = type.drop { $0 == "*" || $0 == "?" }
        var result = type.replacingOccurrences(of: "::", with: ".").replacingOccurrences(of: "\\", with: ".")
        while result.hasPrefix(".") { result.removeFirst() }
        return result.trimmingCharacters(in: .whitespaces)
    }

    private static func strip(_ text: Substring, prefix: String, suffix: String) -> Substring {
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { return text }
        return text.dropFirst(prefix.count).dropLast(suffix.count)
    }
}

/// `<!-- UsageSnippet language="typescript" operationID="X" method="get" path="/x" -->`.
enum UsageSnippetComment {
    /// The comment's `name="value"` attributes, or `nil` when the block is not such a comment.
    static func attributes(of html: String) -> [String: String]? {
        var rest = Substring(html.trimmingCharacters(in: .whitespacesAndNewlines))
        guard rest.hasPrefix("<!--"), rest.hasSuffix("-->") else { return nil }
        rest = rest.dropFirst(4).dropLast(3)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("UsageSnippet") else { return nil }
        rest = rest.dropFirst("UsageSnippet".count)
        guard rest.first == " " || rest.first == "\t" || rest.first == "\n" else { return nil }
        var attributes: [String: String] = [:]
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { return attributes }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = String(rest[..<equals])
            rest = rest[rest.index(after: equals)...]
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return nil }
            attributes[name] = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        }
    }
}
