import Foundation
@testable import SpecModelsKit

/// Every TypeScript example of a generated graph's docs, converted to round-trip samples.
///
/// Each example is either converted (a sample with the Swift type to decode it as), skipped
/// with the reason (a placeholder such as `// No examples available`, a runtime value such
/// as `await openAsBlob(…)`, or a type whose doc the set lacks), or failed (the converter rejects it; the reason says why). Enum
/// member references resolve through the graph's enum docs. Examples of union members are
/// checked as the member type and, when that differs, as the union too.
struct CorpusExamples {
    /// The number of example blocks in the graph's docs.
    private(set) var found = 0
    private(set) var samples: [RoundTripHarness.Sample] = []
    /// Each sample's type in the graph, by the index of the sample.
    private(set) var sampleTypes: [TypeExpression] = []
    /// `path:line` of the example → why it is skipped.
    private(set) var skipped: [(origin: String, reason: String)] = []
    /// `path:line` of the example → why it did not convert.
    private(set) var failed: [(origin: String, reason: String)] = []

    /// The examples that became samples (an example of a union member gives two samples).
    private(set) var converted = 0

    init(_ graph: TypeGraph, options: EmissionOptions = EmissionOptions()) {
        let names = SwiftNameTable(graph, options: options)
        let mapping = SwiftTypeMapping(names: names)
        let types = AnnotationTypes(graph)
        let enumMembers = TypeScriptExample.EnumMembers(graph)
        for model in graph.models {
            for example in model.examples {
                found += 1
                let origin = "\(model.relativePath):\(example.location.line)"
                let parsed: TypeScriptExample
                do {
                    parsed = try TypeScriptExample.parse(example.code, enumMembers: enumMembers, namespace: model.namespace)
                } catch where error.isSkipped {
                    skipped.append((origin, error.description))
                    continue
                } catch {
                    failed.append((origin, error.description))
                    continue
                }
                let annotated: TypeExpression
                do {
                    annotated = try types.type(forAnnotation: parsed.typeName, in: model)
                } catch let error as AnnotationTypes.Unresolvable where error.isMissing {
                    // A type whose doc was never published (`missingTypes: jsonValue`): there is
                    // no generated type to check the example against.
                    skipped.append((origin, "its type is not in the doc set: \(error)"))
                    continue
                } catch {
                    failed.append((origin, "\(error)"))
                    continue
                }
                converted += 1
                let type = mapping.swiftType(annotated)
                samples.append(.init(swiftType: type, json: parsed.json, origin: origin))
                sampleTypes.append(annotated)
                if case .union = model.shape, type != names[model.id] {
                    samples.append(.init(swiftType: names[model.id], json: parsed.json, origin: "\(origin) as \(model.name)"))
                    sampleTypes.append(.model(model.id))
                }
            }
        }
    }

    /// A one-line summary for the test log.
    var summary: String {
        "\(found) examples: \(converted) converted (\(samples.count) samples), \(skipped.count) skipped, \(failed.count) failed"
    }
}

/// Resolves the type annotation of an example (`let value: operations.X[] = …`) to a Swift type.
///
/// A qualified name (`operations.X`) names that doc; `models.X` is a doc at the top of a flat
/// models folder (Speakeasy's spelling, as in the docs' type cells). An unqualified name is
/// the doc's own namespace's model of that name, else the one model of that name anywhere.
struct AnnotationTypes {
    private var byQualifiedName: [String: ModelID] = [:]
    private var byName: [String: [ModelID]] = [:]

    init(_ graph: TypeGraph) {
        for model in graph.models {
            byQualifiedName[model.qualifiedName] = model.id
            byName[model.name, default: []].append(model.id)
        }
    }

    struct Unresolvable: Error, CustomStringConvertible {
        var description: String
        /// No doc of that name exists at all (as opposed to an ambiguous or malformed annotation).
        var isMissing = false
    }

    func swiftType(forAnnotation annotation: String, in model: ModelNode, mapping: SwiftTypeMapping) throws -> String {
        mapping.swiftType(try type(forAnnotation: annotation, in: model))
    }

    /// The annotation's type in the graph.
    func type(forAnnotation annotation: String, in model: ModelNode) throws -> TypeExpression {
        let cell = TypeCell(
            inlines: [MarkdownNode(kind: .text, literal: annotation)], location: model.location, source: annotation)
        func convert(_ type: TypeExpressionParser.Unresolved) throws -> TypeExpression {
            switch type {
            case .primitive(let primitive): return primitive
            case .named(let name, _):
                guard let id = resolve(name, from: model) else {
                    let simpleName = String(name.split(separator: ".").last ?? "")
                    throw Unresolvable(
                        description: "the annotation `\(annotation)` names no single model `\(name)`",
                        isMissing: byName[simpleName] == nil)
                }
                return .model(id)
            case .array(let element): return .array(try convert(element))
            case .map(let value): return .map(try convert(value))
            default:  // links, `A | B`, streams: not a type an example's value can be decoded as
                throw Unresolvable(description: "unexpected annotation `\(annotation)`")
            }
        }
        switch TypeExpressionParser.parse(cell) {
        case .success(let type): return try convert(type)
        case .failure(let failure): throw Unresolvable(description: "the annotation `\(annotation)` is not a type: \(failure.message)")
        }
    }

    private func resolve(_ name: String, from model: ModelNode) -> ModelID? {
        if let id = byQualifiedName[name] { return id }
        if name.hasPrefix("models."), let id = byQualifiedName[String(name.dropFirst("models.".count))] { return id }
        guard !name.contains(".") else { return nil }
        let local = model.namespace.isEmpty ? name : "\(model.namespace).\(name)"
        if let id = byQualifiedName[local] { return id }
        guard let candidates = byName[name], candidates.count == 1 else { return nil }
        return candidates[0]
    }
}
