import Foundation
@testable import SpecModelsKit

/// Finds where an example leaves out a field that its type's Fields table marks required.
///
/// Such an example contradicts its own doc (Speakeasy leaves out fields the SDK fills in itself,
/// such as a constant `role` or a path parameter with a default, yet marks them required), so it
/// is no payload of the documented type and cannot test the models: the pool's example test
/// skips it with the field as the reason. Only what the docs say is read, never the generated
/// code: objects by their required fields' keys, arrays and maps by their elements, a union as
/// satisfied when any member is.
struct LeftOutRequiredField {
    let graph: TypeGraph

    /// The first required field left out, as "`key` of Model at $.path"; `nil` when the example
    /// has every required field (or is not the shape its type expects: the round trip says so).
    func find(in json: Data, as type: TypeExpression) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) else { return nil }
        var visited = 0
        return find(in: value, as: type, path: "$", visited: &visited)
    }

    /// `visited` bounds the walk (recursive types, unions of unions).
    private func find(in value: Any, as type: TypeExpression, path: String, visited: inout Int) -> String? {
        visited += 1
        guard visited < 100_000 else { return nil }
        switch type {
        case .model(let id):
            switch graph[id].shape {
            case .object(let properties):
                guard let object = value as? [String: Any] else { return nil }
                for property in properties where property.isRequired && !property.gathersAdditionalProperties {
                    if object[property.wireKey] == nil { return "`\(property.wireKey)` of \(graph[id].name) at \(path)" }
                }
                for property in properties where !property.gathersAdditionalProperties {
                    guard let field = object[property.wireKey], !(field is NSNull) else { continue }
                    if let found = find(in: field, as: property.type, path: "\(path).\(property.wireKey)", visited: &visited) {
                        return found
                    }
                }
                return nil
            case .enumeration:
                return nil
            case .union(let members):
                return firstOfAll(members.map(\.type), value: value, path: path, visited: &visited)
            }
        case .array(let element):
            guard let array = value as? [Any] else { return nil }
            for (index, item) in array.enumerated() where !(item is NSNull) {
                if let found = find(in: item, as: element, path: "\(path)[\(index)]", visited: &visited) { return found }
            }
            return nil
        case .map(let element):
            guard let object = value as? [String: Any] else { return nil }
            for key in object.keys.sorted() where !(object[key] is NSNull) {
                if let found = find(in: object[key]!, as: element, path: "\(path).\(key)", visited: &visited) { return found }
            }
            return nil
        case .oneOf(let members):
            return firstOfAll(members, value: value, path: path, visited: &visited)
        default:
            return nil
        }
    }

    /// `nil` when some member takes the value whole; else the first member's finding.
    private func firstOfAll(_ members: [TypeExpression], value: Any, path: String, visited: inout Int) -> String? {
        var first: String?
        for member in members {
            guard let found = find(in: value, as: member, path: path, visited: &visited) else { return nil }
            first = first ?? found
        }
        return first
    }
}
