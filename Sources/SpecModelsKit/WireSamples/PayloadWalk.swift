/// A JSON payload and the model it should decode as, with where its text is.
public struct PayloadSample: Sendable {
    public var type: ModelID
    public var json: JSONSample
    public var placement: TextPlacement

    public init(type: ModelID, json: JSONSample, placement: TextPlacement) {
        self.type = type
        self.json = json
        self.placement = placement
    }

    public func location(of node: JSONSample) -> SourceLocation {
        placement.location(line: node.line, column: node.column)
    }

    public func location(of member: JSONSample.Member) -> SourceLocation {
        placement.location(line: member.keyLine, column: member.keyColumn)
    }
}

/// JSON paths as messages and the wire tests write them: `$.data[0].created_at`,
/// `$["@odata.id"]` for keys that are not plain words.
public enum JSONPath {
    public static let root = "$"

    public static func appending(key: String, to path: String) -> String {
        let isWord = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        } && !(key.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false)
        if isWord { return "\(path).\(key)" }
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return "\(path)[\(quoted)\"]"
    }

    public static func appending(index: Int, to path: String) -> String {
        "\(path)[\(index)]"
    }
}

/// How well a JSON value fits a documented type, for choosing among a union's members: the
/// number of problems decoding it would meet (keys that match no field, missing required
/// fields, values of the wrong kind). Keys match a field by its wire key or by spelling
/// (`KeySpelling`), so the choice does not depend on the settings being learned.
struct PayloadFit {
    let graph: TypeGraph

    /// The member that fits best; ties go to the member listed first, as when decoding.
    func bestMember(_ json: JSONSample, among members: [TypeExpression]) -> TypeExpression? {
        var best: (type: TypeExpression, problems: Int)?
        for member in members {
            let problems = self.problems(json, member, budget: best?.problems ?? Int.max)
            if best == nil || problems < best!.problems { best = (member, problems) }
            if problems == 0 { break }
        }
        return best?.type
    }

    /// Problems of `json` as `type`; stops counting once `budget` is reached.
    func problems(_ json: JSONSample, _ type: TypeExpression, budget: Int) -> Int {
        switch type {
        case .any:
            return 0
        case .model(let id):
            switch graph[id].shape {
            case .object(let properties):
                guard case .object(let members) = json.value else { return 1 }
                var count = 0
                var present = Set<Int>()
                for member in members {
                    guard count < budget else { return count }
                    switch KeySpelling.match(member.key, in: properties) {
                    case .wireKey(let index), .spelling(let index), .extendedSpelling(let index, _):
                        present.insert(index)
                        if case .null = member.value.value { continue }
                        count += problems(member.value, properties[index].type, budget: budget - count)
                    case .additionalProperty(let index):
                        guard case .map(let valueType) = properties[index].type else { continue }
                        count += problems(member.value, valueType, budget: budget - count)
                    case .none, .several:
                        count += 1
                    }
                }
                for (index, property) in properties.enumerated() where property.isRequired && !present.contains(index) {
                    count += 1
                }
                return count
            case .enumeration(let shape):
                return ScalarFit.fitsEnumeration(json, shape) ? 0 : 1
            case .union(let members):
                return bestProblems(json, members.map(\.type), budget: budget)
            }
        case .array(let element):
            guard case .array(let elements) = json.value else { return 1 }
            var count = 0
            for item in elements where count < budget {
                count += problems(item, element, budget: budget - count)
            }
            return count
        case .map(let value):
            guard case .object(let members) = json.value else { return 1 }
            var count = 0
            for member in members where count < budget {
                count += problems(member.value, value, budget: budget - count)
            }
            return count
        case .oneOf(let members):
            return bestProblems(json, members, budget: budget)
        default:
            return ScalarFit.fits(json, type) ? 0 : 1
        }
    }

    /// Problems of `json` as the model sees it without looking inside the values: keys no
    /// field has, required fields missing, values of the wrong kind. For choosing among an
    /// operation's response models, where counting deep would favour a small error model over
    /// a list whose every item has a key its doc lacks.
    func shallowProblems(_ json: JSONSample, _ id: ModelID) -> Int {
        guard case .object(let properties) = graph[id].shape else {
            return ScalarFit.kindFits(json, .model(id), in: graph) ? 0 : 1
        }
        guard case .object(let members) = json.value else { return 1 }
        var count = 0
        var present = Set<Int>()
        for member in members {
            switch KeySpelling.match(member.key, in: properties) {
            case .wireKey(let index), .spelling(let index), .extendedSpelling(let index, _):
                present.insert(index)
                if case .null = member.value.value { continue }
                if !ScalarFit.kindFits(member.value, properties[index].type, in: graph) { count += 1 }
            case .additionalProperty:
                continue
            case .none, .several:
                count += 1
            }
        }
        for (index, property) in properties.enumerated()
        where property.isRequired && !present.contains(index) && !KeySpelling.gathersAdditionalProperties(property) {
            count += 1
        }
        return count
    }

    private func bestProblems(_ json: JSONSample, _ members: [TypeExpression], budget: Int) -> Int {
        var best = budget
        for member in members {
            best = min(best, problems(json, member, budget: best))
            if best == 0 { break }
        }
        return best
    }
}

/// Whether a JSON scalar decodes as a scalar type.
enum ScalarFit {
    static func fits(_ json: JSONSample, _ type: TypeExpression) -> Bool {
        switch (type, json.value) {
        case (.any, _): return true
        case (.null, .null): return true
        case (.string, .string), (.dateTime, .string), (.date, .string), (.bytes, .string): return true
        case (.number, .number), (.decimal, .number): return true
        case (.integer, .number(let spelling)): return JSONSample.isInteger(spelling)
        case (.boolean, .bool): return true
        case (.stringLiteral(let expected), .string(let found)): return expected == found
        case (.booleanLiteral(let expected), .bool(let found)): return expected == found
        case (.numberLiteral(let expected), .number(let found)): return Double(expected) == Double(found)
        default: return false
        }
    }

    static func fitsEnumeration(_ json: JSONSample, _ shape: EnumerationShape) -> Bool {
        switch (shape.rawType, json.value) {
        case (.string, .string): return true
        case (.integer, .number(let spelling)): return JSONSample.isInteger(spelling)
        case (.number, .number): return true
        default: return false
        }
    }

    /// Whether the value is of the kind the type takes (an object for a model or map, an
    /// array for an array, a scalar that fits), without looking inside it.
    static func kindFits(_ json: JSONSample, _ type: TypeExpression, in graph: TypeGraph) -> Bool {
        switch type {
        case .any:
            return true
        case .model(let id):
            switch graph[id].shape {
            case .object:
                if case .object = json.value { return true }
                return false
            case .enumeration(let shape):
                return fitsEnumeration(json, shape)
            case .union(let members):
                return members.contains { kindFits(json, $0.type, in: graph) }
            }
        case .array:
            if case .array = json.value { return true }
            return false
        case .map:
            if case .object = json.value { return true }
            return false
        case .oneOf(let members):
            return members.contains { kindFits(json, $0, in: graph) }
        default:
            return fits(json, type)
        }
    }

    /// "a string", "an object"… for messages.
    static func kind(_ json: JSONSample) -> String {
        switch json.value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// Which field a JSON key belongs to: the field whose wire key it is, else the one field
/// whose documented name (or wire key) is spelled the same once case and `_ - . $ @` are
/// ignored (`created_at`, `CreatedAt` and `createdAt` are one spelling).
///
/// A type whose doc has Speakeasy's `additionalProperties` field (`Record<string, T>`) takes
/// keys that match no field there: the SDK gathers them into it.
public enum KeySpelling {
    public enum Match: Sendable, Equatable {
        case wireKey(Int)
        case spelling(Int)
        /// The field spelled like the key cannot hold its value; this one, whose name extends
        /// that spelling, is the only one that can (`Guid` beside `guid: string` → `guids`).
        case extendedSpelling(Int, instead: Int)
        /// A key no field has, gathered by the `additionalProperties` field at this index.
        case additionalProperty(Int)
        case none
        case several([Int])
    }

    /// Whether the field gathers the keys no other field has (see
    /// `Property.gathersAdditionalProperties`). It has no key of its own.
    public static func gathersAdditionalProperties(_ property: Property) -> Bool {
        property.gathersAdditionalProperties
    }

    public static func match(_ key: String, in properties: [Property]) -> Match {
        let fields = properties.indices.filter { !gathersAdditionalProperties(properties[$0]) }
        if let index = fields.first(where: { properties[$0].wireKey == key }) { return .wireKey(index) }
        let spelling = normalized(key)
        let indices = fields.filter {
            normalized(properties[$0].name) == spelling || normalized(properties[$0].wireKey) == spelling
        }
        switch indices.count {
        case 0:
            if let index = properties.firstIndex(where: gathersAdditionalProperties) { return .additionalProperty(index) }
            return .none
        case 1: return .spelling(indices[0])
        default: return .several(indices)
        }
    }

    /// For a key spelled like the field at `index`, whose value that field cannot hold: the
    /// one other field whose documented name starts with the key's spelling and can hold it.
    static func extendedSpelling(
        of key: String, value: JSONSample, spelledLike index: Int, in properties: [Property], graph: TypeGraph
    ) -> Int? {
        let spelling = normalized(key)
        let candidates = properties.indices.filter { candidate in
            let name = normalized(properties[candidate].name)
            return candidate != index && name.count > spelling.count && name.hasPrefix(spelling)
                && ScalarFit.kindFits(value, properties[candidate].type, in: graph)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The key with case, `_`, `-`, `.`, `$` and `@` ignored.
    public static func normalized(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { !ignored.contains($0) }.map(Character.init))
    }

    private static let ignored: Set<Unicode.Scalar> = ["_", "-", ".", "$", "@"]
}
