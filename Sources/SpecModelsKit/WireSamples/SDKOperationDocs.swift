import Foundation

/// The response type each operation's SDK doc names, read from Speakeasy's `sdks/*/README.md`.
///
/// An operation's section holds one or more `<!-- UsageSnippet … operationID="X" … -->`
/// comments (one per example) and, after the last, `### Response` followed by
/// `**Promise\<[ns.T](../../models/ns/t.md)\>**`. The section ends at the next `##` heading.
public struct SDKOperationDocs: Sendable {
    public struct Response: Sendable, Equatable {
        public var operationID: String
        /// What the doc shows inside `Promise<…>`: `operations.X`, `void`, `shared.Device[]`.
        public var spelling: String
        /// The link's destination when the type is a link (`../../models/ns/t.md`).
        public var link: String?
        /// The README's path, as given, for resolving the link and for messages.
        public var readmePath: String
        /// Where `### Response` is.
        public var location: SourceLocation
    }

    /// Every operation's response, by operation id.
    public private(set) var responses: [String: Response] = [:]

    public init(responses: [Response] = []) {
        for response in responses { self.responses[response.operationID] = response }
    }

    /// Reads `README.md` in each folder of `directory` (Speakeasy's `sdks/`), in name order.
    public static func read(directory: String, diagnostics: inout Diagnostics) -> SDKOperationDocs {
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
            docs.add(parse(Array(data), path: path, diagnostics: &diagnostics), diagnostics: &diagnostics)
        }
        if found == 0 {
            diagnostics.error("the SDK docs folder `\(directory)` holds no `*/README.md`", at: nil)
        }
        return docs
    }

    /// Adds responses, reporting an operation id that two sections document.
    public mutating func add(_ more: [Response], diagnostics: inout Diagnostics) {
        for response in more {
            if let first = responses[response.operationID] {
                diagnostics.error(
                    "operation `\(response.operationID)` is documented twice; first at \(first.location)", at: response.location)
                continue
            }
            responses[response.operationID] = response
        }
    }

    /// The responses one README documents, in order.
    public static func parse(_ bytes: [UInt8], path: String, diagnostics: inout Diagnostics) -> [Response] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            diagnostics.error("not UTF-8 text: expected an SDK README in markdown", at: .start(of: path))
            return []
        }
        let document = MarkdownParser.parseDocument(bytes)
        var reader = SectionReader(path: path)
        for (index, block) in document.children.enumerated() {
            let next = index + 1 < document.children.count ? document.children[index + 1] : nil
            reader.visit(block, next: next, diagnostics: &diagnostics)
        }
        reader.endSection(diagnostics: &diagnostics)
        return reader.responses
    }
}

/// Walks a README's top-level blocks, collecting the snippets' operation ids until the
/// `### Response` that answers them.
private struct SectionReader {
    let path: String
    var responses: [Response] = []
    /// Operation ids named by snippets since the last `### Response`, with where each was.
    var pending: [(id: String, location: SourceLocation)] = []

    typealias Response = SDKOperationDocs.Response

    init(path: String) {
        self.path = path
    }

    func location(_ node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: path, line: max(node.startLine, 1), column: max(node.startColumn, 1))
    }

    mutating func visit(_ block: MarkdownNode, next: MarkdownNode?, diagnostics: inout Diagnostics) {
        switch block.kind {
        case .heading(level: let level) where level <= 2:
            endSection(diagnostics: &diagnostics)
        case .heading(level: 3) where block.plainText.trimmingCharacters(in: .whitespaces) == "Response":
            readResponse(heading: block, next: next, diagnostics: &diagnostics)
        case .htmlBlock:
            guard let attributes = UsageSnippetComment.attributes(of: block.literal) else { return }
            guard let id = attributes["operationID"], !id.isEmpty else {
                diagnostics.error("a `UsageSnippet` comment without an `operationID=\"…\"` attribute", at: location(block))
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
    mutating func endSection(diagnostics: inout Diagnostics) {
        for snippet in pending {
            diagnostics.error("operation `\(snippet.id)` has no `### Response` section after its usage snippet", at: snippet.location)
        }
        pending = []
    }

    private mutating func readResponse(heading: MarkdownNode, next: MarkdownNode?, diagnostics: inout Diagnostics) {
        let here = location(heading)
        // A section without a snippet names no operation id (some READMEs have such sections):
        // its response cannot be looked up, and a step that needs it is reported then.
        guard !pending.isEmpty else { return }
        guard let next, next.kind == .paragraph, let (spelling, link) = Self.promisedType(next) else {
            let shown = next.map { location($0) } ?? here
            diagnostics.error("expected `**Promise\\<Type\\>**` after `### Response`", at: shown)
            pending = []
            return
        }
        for snippet in pending {
            responses.append(Response(operationID: snippet.id, spelling: spelling, link: link, readmePath: path, location: here))
        }
        pending = []
    }

    /// `Promise<…>`'s type: the text between the angle brackets and the link inside, if any.
    static func promisedType(_ paragraph: MarkdownNode) -> (String, String?)? {
        let text = paragraph.plainText.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("Promise<"), text.hasSuffix(">"), text.count > "Promise<>".count else { return nil }
        let spelling = String(text.dropFirst("Promise<".count).dropLast())
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
