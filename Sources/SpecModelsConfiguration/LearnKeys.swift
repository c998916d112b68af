import Foundation
import SpecModelsKit

/// `specmodels learn-keys` without the command line: reads the spec, its configuration and
/// the payload samples (JSON files of one type, or a contract test's 2xx JSON bodies), walks
/// the samples and learns the settings that make them decode.
///
/// Input that cannot be read (the spec's errors, a configuration, an Arazzo file or a sample
/// that is not what it should be) is an error. What the samples and the SDK docs lack is a
/// finding (`Findings`): a warning that skips only what it concerns, or an error with
/// `strict`. Learning nothing at all — no body read, no key placed — is an error.
public enum LearnKeys {
    public enum Samples: Sendable {
        /// JSON files, each a payload of the type `typeName` names (`Account`, `components.Account`).
        case files(typeName: String, paths: [String])
        /// The 2xx JSON bodies of an Arazzo contract test; `sdks` is the folder of SDK
        /// READMEs that give each operation's response type.
        case contractTest(arazzo: String, sdks: String)
    }

    public struct Result: Sendable {
        /// The graph with the configuration's current wire settings applied.
        public var graph: TypeGraph?
        public var currentSettings = WireSettings()
        public var bodies: ContractBodies?
        public var learner: KeyLearner?
        /// `nil` when reading the inputs failed or nothing was learned.
        public var learned: LearnedSettings?
        public var diagnostics = Diagnostics()
    }

    /// - Parameter strict: findings are errors (`--strict`), not warnings.
    public static func run(spec: String, configuration configurationPath: String?, samples: Samples, strict: Bool = false) -> Result {
        var result = Result()
        var findings = Findings(severity: strict ? .error : .warning)
        var configuration: Configuration?
        if let configurationPath {
            configuration = ConfigurationFile.read(path: configurationPath, diagnostics: &result.diagnostics)
        }
        let source = SpecSource(directory: spec)
        var specDiagnostics = Diagnostics()
        let graph = Generator.buildGraph(
            from: source.read(diagnostics: &specDiagnostics), missingTypes: configuration?.missingTypes?.value ?? .error,
            unknownTypes: configuration?.unknownTypes?.value ?? .error, flavour: configuration?.flavour?.value, diagnostics: &specDiagnostics)
        // The spec's warnings are `generate`'s business; its errors stop learning.
        for diagnostic in specDiagnostics.all where diagnostic.severity == .error { result.diagnostics.append(diagnostic) }
        guard !result.diagnostics.hasErrors else { return result }
        result.currentSettings = graph.wireSettings
        if let configuration {
            result.currentSettings = configuration.resolve(against: graph, diagnostics: &result.diagnostics).wire
        }
        let wired = graph.applying(result.currentSettings)
        result.graph = wired

        var payloads: [PayloadSample] = []
        switch samples {
        case .files(let typeName, let paths):
            payloads = readFiles(paths, typeName: typeName, graph: wired, diagnostics: &result.diagnostics)
        case .contractTest(let arazzo, let sdks):
            let steps = ArazzoDocument.read(path: arazzo, diagnostics: &result.diagnostics)
            let operations = SDKOperationDocs.read(directory: sdks, findings: &findings, diagnostics: &result.diagnostics)
            if !result.diagnostics.hasErrors {
                let resolver = ResponseBodyType.Resolver(graph: wired, specDirectory: spec)
                let bodies = ContractBodies.collect(
                    steps, operations: operations, resolver: resolver, findings: &findings, diagnostics: &result.diagnostics)
                payloads = bodies.bodies.map { PayloadSample(type: $0.type, json: $0.json, placement: $0.placement) }
                result.bodies = bodies
                if bodies.bodies.isEmpty && !result.diagnostics.hasErrors {
                    result.diagnostics.error(
                        "nothing to learn from: no step of `\(arazzo)` has a 2xx JSON body of a model type that the SDK docs in `\(sdks)` document",
                        at: nil)
                }
            }
        }
        guard !result.diagnostics.hasErrors else {
            result.diagnostics.append(contentsOf: findings.diagnostics)
            return result
        }

        var learner = KeyLearner(graph: wired, findings: findings.severity)
        for payload in payloads { learner.learn(payload) }
        let learned = learner.settings(current: result.currentSettings)
        result.diagnostics.append(contentsOf: findings.diagnostics)
        result.diagnostics.append(contentsOf: learner.findings.diagnostics)
        result.diagnostics.append(contentsOf: learned.problems)
        result.learner = learner
        if learned.fieldsSeen == 0 && learned.nullable.isEmpty {
            result.diagnostics.error(
                "nothing learned: no key of the \(learned.samples) sample\(learned.samples == 1 ? "" : "s") belongs to one field with one key", at: nil)
            return result
        }
        result.learned = learned
        return result
    }

    private static func readFiles(_ paths: [String], typeName: String, graph: TypeGraph, diagnostics: inout Diagnostics) -> [PayloadSample] {
        let type: ModelID
        switch graph.model(spelled: typeName) {
        case .success(let id): type = id
        case .failure(let failure):
            diagnostics.error("\(failure.message) (given with --type)", at: nil)
            return []
        }
        var samples: [PayloadSample] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.error("cannot read the sample `\(path)`", at: nil)
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.error("the sample is not UTF-8 text: expected JSON", at: .start(of: path))
                continue
            }
            let placement = TextPlacement.file(path)
            switch JSONSample.parse(text) {
            case .success(let json):
                samples.append(PayloadSample(type: type, json: json, placement: placement))
            case .failure(let error):
                diagnostics.error("the sample is not JSON: \(error.message)", at: placement.location(line: error.line, column: error.column))
            }
        }
        return samples
    }
}
