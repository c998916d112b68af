import Foundation

/// The model a successful (2xx) response body decodes as, from the type an SDK doc's
/// `### Response` names.
///
/// Speakeasy's operation wrappers hold the body in one field per response, in the order the API
/// lists its responses, after the HTTP metadata: a field `httpMeta`, or `headers` beside
/// `result` (TypeScript), or `contentType` and `statusCode` beside the runtime's `rawResponse`
/// (Java; `ContentType` in Go and C#, `content_type` in Python and Ruby: names compare with
/// case and `_` ignored). The 2xx body is a field that is neither HTTP metadata nor a
/// documented error (`errors.…`): the first, or, when several such fields are models (an
/// operation answering 200 and 202 with different bodies, or Java's and TypeScript's error
/// models beside the body), the one whose own keys the body fits best.
///
/// The README's link names the type's doc. A README of another SDK language of the same API
/// (TypeScript's READMEs beside Java's docs) links into that SDK's folder, outside the spec:
/// then the type is the doc of the name the README gives (`operations.GetAccountResponse`).
public enum ResponseBodyType: Sendable, Equatable {
    case model(ModelID)
    /// One of several success responses' models: the body decodes as the one it fits best
    /// (`bestModel(for:among:)`).
    case oneOfModels([ModelID])
    /// Not a model doc (`ReadableStream<Uint8Array>`, `void`, `shared.Device[]`): what the doc
    /// says instead, for listing.
    case notAModel(String)

    /// Resolves SDK responses against the graph of the spec they link into.
    public struct Resolver: Sendable {
        let graph: TypeGraph
        let byPath: [String: ModelID]
        let byName: ModelLookup
        let specRoot: [String]

        /// - Parameter specDirectory: the spec folder the graph was read from; README links
        ///   resolve relative to the README and must land in it.
        public init(graph: TypeGraph, specDirectory: String) {
            self.graph = graph
            var byPath: [String: ModelID] = [:]
            for model in graph.models { byPath[model.relativePath] = model.id }
            self.byPath = byPath
            self.byName = ModelLookup(graph)
            self.specRoot = Self.absoluteComponents(specDirectory)
        }

        /// The body type of the response's 2xx status.
        public func successBody(of response: SDKOperationDocs.Response) -> ResponseBodyType {
            guard let id = linkedModel(response) else {
                return .notAModel("`\(response.spelling)`")
            }
            guard case .object(let properties) = graph[id].shape, Self.isOperationWrapper(fieldNames: documentedFieldNames(of: id)) else {
                return .model(id)
            }
            let candidates = properties.filter { !Self.isHTTPMetadata($0.name) && !isErrorType($0.type) }
            guard let body = candidates.first else {
                return .notAModel("`\(graph[id].qualifiedName)` has no response body field")
            }
            let models = candidates.compactMap { candidate -> ModelID? in
                if case .model(let bodyID) = candidate.type { return bodyID }
                return nil
            }
            if models.count > 1 { return .oneOfModels(models) }
            if case .model(let bodyID) = body.type {
                return .model(bodyID)
            }
            return .notAModel("`\(graph[id].qualifiedName).\(body.name)` is `\(TypeSpelling.spell(body.type, in: graph))`")
        }

        /// The model among `ids` whose own keys the body fits best, the first on a tie (see
        /// `PayloadFit.shallowProblems`): the body of the success response, not an error
        /// response's model listed beside it.
        public func bestModel(for json: JSONSample, among ids: [ModelID]) -> ModelID {
            let fit = PayloadFit(graph: graph)
            var best = (id: ids[0], problems: fit.shallowProblems(json, ids[0]))
            for id in ids.dropFirst() where best.problems > 0 {
                let problems = fit.shallowProblems(json, id)
                if problems < best.problems { best = (id, problems) }
            }
            return best.id
        }

        /// `httpMeta`, or `headers` beside `result`, or `contentType`, `statusCode` and
        /// `rawResponse`: the SDK's envelope, not the API's body.
        /// - Parameter names: the fields' names as `KeySpelling.normalized` spells them.
        static func isOperationWrapper(fieldNames names: Set<String>) -> Bool {
            names.contains("httpmeta") || (names.contains("headers") && names.contains("result"))
                || (names.contains("contenttype") && names.contains("statuscode") && names.contains("rawresponse"))
        }

        /// Every field the model's doc lists, the SDK runtime's (`httpMeta`) included, normalized.
        private func documentedFieldNames(of id: ModelID) -> Set<String> {
            guard case .object(let properties) = graph[id].shape else { return [] }
            return Set((properties + graph[id].runtimeFields).map { KeySpelling.normalized($0.name) })
        }

        static func isHTTPMetadata(_ fieldName: String) -> Bool {
            ["httpmeta", "headers", "contenttype", "statuscode", "rawresponse"].contains(KeySpelling.normalized(fieldName))
        }

        private func isErrorType(_ type: TypeExpression) -> Bool {
            guard case .model(let id) = type else { return false }
            return graph[id].namespace == "errors"
        }

        /// The model doc the response's link points to when the link lands in the spec, or
        /// else the doc of the type's name.
        private func linkedModel(_ response: SDKOperationDocs.Response) -> ModelID? {
            guard var link = response.link, !link.contains("://") else { return namedModel(response) }
            if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
            var components = Self.absoluteComponents(response.readmePath).dropLast()
            for component in link.split(separator: "/") {
                switch component {
                case ".": continue
                case "..": if !components.isEmpty { components.removeLast() }
                default: components.append(String(component))
                }
            }
            guard components.count > specRoot.count, components.prefix(specRoot.count).elementsEqual(specRoot) else {
                return namedModel(response)
            }
            return byPath[components.dropFirst(specRoot.count).joined(separator: "/")]
        }

        /// The model the README's type spelling names (`operations.GetAccountResponse`), or,
        /// for a spelling whose namespaces are the SDK's (`Models.Operations.X`), its last two
        /// parts or its name.
        private func namedModel(_ response: SDKOperationDocs.Response) -> ModelID? {
            let parts = response.spelling.split(separator: ".", omittingEmptySubsequences: false)
            for count in stride(from: parts.count, through: 1, by: -1) where count == parts.count || count <= 2 {
                if let id = try? byName.model(parts.suffix(count).joined(separator: ".")).get() { return id }
            }
            return nil
        }

        private static func absoluteComponents(_ path: String) -> [String] {
            URL(fileURLWithPath: path).standardizedFileURL.pathComponents.filter { $0 != "/" }
        }
    }
}
