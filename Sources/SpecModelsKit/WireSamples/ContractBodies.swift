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
    /// Steps with a body that is not 2xx JSON (other statuses, media types), not read.
    public var skipped = 0

    /// Collects the bodies, reporting operations the SDK docs do not document and bodies that
    /// are not JSON.
    public static func collect(
        _ steps: [ContractStep], operations: SDKOperationDocs, resolver: ResponseBodyType.Resolver, diagnostics: inout Diagnostics
    ) -> ContractBodies {
        var result = ContractBodies()
        for step in steps {
            guard let body = step.body else { continue }
            guard step.isSuccess, step.isJSON else {
                result.skipped += 1
                continue
            }
            guard let response = operations.responses[step.operationID] else {
                diagnostics.error(
                    "operation `\(step.operationID)` is not in the SDK docs: no `<!-- UsageSnippet … operationID=\"\(step.operationID)\" -->` names it",
                    at: step.location)
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
            switch resolver.successBody(of: response) {
            case .model(let id):
                result.bodies.append(Body(step: step, type: id, json: json, text: body.text, placement: body.placement))
            case .notAModel(let description):
                result.notModels.append(NotAModel(step: step, description: description))
            }
        }
        return result
    }
}
