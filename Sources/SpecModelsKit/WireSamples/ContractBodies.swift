/// The JSON bodies of a contract test's successful responses, each with the model it
/// decodes as: the payload samples `learn-keys` learns from and the wire tests decode.
///
/// A step counts when its status is 2xx and its content type JSON (`application/json`,
/// `…+json`); its body type is what the operation's SDK doc names (see `ResponseBodyType`).
/// Bodies whose type is not a model (a stream, `void`, an array) are listed, not counted.
public struct ContractBodies: Sendable {
    public struct Body: Sendable {
        public var step: ContractStep
        public var type: ModelID
        public var json: JSONSample
        /// The body as written in the contract test.
        public var text: String
        public var placement: TextPlacement
    }

    public struct NotAModel: Sendable {
        public var step: ContractStep
        /// What the SDK doc says the response is.
        public var description: String
    }

    public var bodies: [Body] = []
    public var notModels: [NotAModel] = []
    /// Steps with a 2xx JSON body whose operation the SDK docs do not document: skipped.
    public var undocumented: [ContractStep] = []
    /// Steps with a body that is not 2xx JSON (other statuses, media types), not read.
    public var skipped = 0

    /// Collects the bodies. A body that is not JSON is an error (the contract test is
    /// malformed); an operation the SDK docs do not document is a finding, and its step is
    /// skipped (contract tests are often newer than the SDK's docs).
    public static func collect(
        _ steps: [ContractStep], operations: SDKOperationDocs, resolver: ResponseBodyType.Resolver,
        findings: inout Findings, diagnostics: inout Diagnostics
    ) -> ContractBodies {
        var result = ContractBodies()
        for step in steps {
            guard let body = step.body else { continue }
            guard step.isSuccess, step.isJSON else {
                result.skipped += 1
                continue
            }
            let json: JSONSample
            switch JSONSample.parse(body.text) {
            case .success(let parsed):
                json = parsed
            case .failure(let error):
                diagnostics.error(
                    "the response body is not JSON: \(error.message)", at: body.placement.location(line: error.line, column: error.column))
                continue
            }
            guard let response = operations.response(for: step.operationID) else {
                let typeName = step.operationID.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Response"
                findings.report(
                    "operation `\(step.operationID)` is not in the SDK docs (no `UsageSnippet` comment names it, no `### Response` names a `\(typeName)`): its body is skipped",
                    at: step.location)
                result.undocumented.append(step)
                continue
            }
            switch resolver.successBody(of: response) {
            case .model(let id):
                result.bodies.append(Body(step: step, type: id, json: json, text: body.text, placement: body.placement))
            case .oneOfModels(let ids):
                let id = resolver.bestModel(for: json, among: ids)
                result.bodies.append(Body(step: step, type: id, json: json, text: body.text, placement: body.placement))
            case .notAModel(let description):
                result.notModels.append(NotAModel(step: step, description: description))
            }
        }
        return result
    }
}
