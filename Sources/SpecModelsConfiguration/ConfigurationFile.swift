import Foundation
import SpecModelsKit
import Yams

/// Reads `specmodels.yml` into a `Configuration`, reporting every unknown key and every
/// value of the wrong kind at its line and column (`specmodels.yml:3:5: error: …`).
///
/// This is the one place that knows YAML; checking the names against the spec happens later,
/// in `Configuration.resolve(against:base:diagnostics:)`.
public enum ConfigurationFile {
    /// The top-level keys, in the order the README documents them.
    public static let topLevelKeys = ["accessModifier", "namespaces", "typeOverrides", "nameOverrides", "keyOverrides", "wireKeys", "nullable", "conformances", "missingTypes", "unknownTypes", "flavour", "integerType"]
    public static let namespaceKeys = ["include", "exclude", "roots"]

    /// Reads the file at `path`; `nil` when it cannot be read or has errors (in `diagnostics`).
    public static func read(path: String, diagnostics: inout Diagnostics) -> Configuration? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read the configuration file `\(path)`", at: nil)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("the configuration file is not UTF-8 text", at: .start(of: path))
            return nil
        }
        return parse(text, path: path, diagnostics: &diagnostics)
    }

    /// Parses configuration text; `path` is what diagnostics show.
    public static func parse(_ text: String, path: String, diagnostics: inout Diagnostics) -> Configuration? {
        var reader = Reader(path: path)
        let configuration = reader.read(text)
        diagnostics.append(contentsOf: reader.diagnostics)
        return reader.diagnostics.hasErrors ? nil : configuration
    }
}

private struct Reader {
    let path: String
    var diagnostics = Diagnostics()

    init(path: String) {
        self.path = path
    }

    mutating func read(_ text: String) -> Configuration {
        var configuration = Configuration()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (message, mark) = YAMLErrors.describe(error)
            diagnostics.error(message, at: mark.map(location) ?? .start(of: path))
            return configuration
        }
        guard let root else { return configuration }  // empty, or only comments
        guard let mapping = mapping(root, named: "the configuration", expecting: "a mapping of settings (\(ConfigurationFile.topLevelKeys.joined(separator: ", ")))") else {
            return configuration
        }
        for (key, value) in entries(of: mapping, allowed: ConfigurationFile.topLevelKeys, in: "the configuration") {
            switch key.value {
            case "accessModifier":
                configuration.accessModifier = choice(
                    value, named: "accessModifier", expecting: "`public`, `package` or `internal`",
                    among: EmissionOptions.AccessModifier.allCases.map(\.rawValue), EmissionOptions.AccessModifier.init(rawValue:))
            case "integerType":
                configuration.integerType = choice(
                    value, named: "integerType", expecting: "`Int` or `Int64`",
                    among: EmissionOptions.IntegerType.allCases.map(\.rawValue), EmissionOptions.IntegerType.init(rawValue:))
            case "missingTypes":
                configuration.missingTypes = choice(
                    value, named: "missingTypes", expecting: "`error` or `jsonValue`",
                    among: MissingTypes.allCases.map(\.rawValue), MissingTypes.init(rawValue:))
            case "unknownTypes":
                configuration.unknownTypes = choice(
                    value, named: "unknownTypes", expecting: "`error` or `jsonValue`",
                    among: UnknownTypes.allCases.map(\.rawValue), UnknownTypes.init(rawValue:))
            case "flavour":
                let flavours = SpecFlavour.allCases.map(\.rawValue)
                configuration.flavour = choice(
                    value, named: "flavour", expecting: flavours.map { "`\($0)`" }.joined(separator: ", "),
                    mismatch: "one of ", among: flavours, SpecFlavour.init(setting:))
            case "namespaces":
                readNamespaces(value, into: &configuration)
            case "typeOverrides":
                configuration.typeOverrides = overrides(
                    value, named: "`\(key.value)`", expecting: "a mapping from a spelling (`number`) or a field (`Type.field`) to a Swift type",
                    valueKind: "a Swift type")
            case "nameOverrides":
                configuration.nameOverrides = overrides(
                    value, named: "`\(key.value)`", expecting: "a mapping from a type (`Type`) or a field (`Type.field`) to a Swift name",
                    valueKind: "a Swift name")
            case "keyOverrides":
                configuration.keyOverrides = overrides(
                    value, named: "`\(key.value)`", expecting: "a mapping from a field (`Type.field`) to its JSON key",
                    valueKind: "a JSON key (a string)")
            case "wireKeys":
                configuration.wireKeys = wireKeyStyle(value)
            case "nullable":
                configuration.nullable = strings(value, named: "`nullable`", expecting: "a list of fields (`Type.field`)")
            case "conformances":
                configuration.conformances = conformances(value)
            default:
                break
            }
        }
        return configuration
    }

    // MARK: Sections

    private mutating func readNamespaces(_ node: Node, into configuration: inout Configuration) {
        if isNull(node) { return }
        guard let mapping = mapping(node, named: "`namespaces`", expecting: "a mapping with `include`, `exclude` and `roots`") else { return }
        for (key, value) in entries(of: mapping, allowed: ConfigurationFile.namespaceKeys, in: "`namespaces`") {
            let list = strings(value, named: "`namespaces.\(key.value)`", expecting: key.value == "roots" ? "a list of type names" : "a list of namespaces")
            switch key.value {
            case "include":
                configuration.includedNamespaces = list
                configuration.includeLocation = key.location
            case "exclude":
                configuration.excludedNamespaces = list
            case "roots":
                configuration.roots = list
            default:
                break
            }
        }
    }

    private mutating func overrides(_ node: Node, named name: String, expecting expectation: String, valueKind: String) -> [Configuration.Override] {
        if isNull(node) { return [] }
        guard let mapping = mapping(node, named: name, expecting: expectation) else { return [] }
        var result: [Configuration.Override] = []
        for (key, value) in entries(of: mapping, allowed: nil, in: name) {
            guard let string = string(value, named: "\(name) value for `\(key.value)`", expecting: valueKind) else { continue }
            result.append(Configuration.Override(key: key, value: string))
        }
        return result
    }

    private mutating func wireKeyStyle(_ node: Node) -> Configuration.Located<WireKeyStyle>? {
        let styles = WireKeyStyle.allCases.map(\.rawValue)
        let choices = styles.dropLast().map { "`\($0)`" }.joined(separator: ", ") + " or `\(styles.last!)`"
        guard let name = string(node, named: "`wireKeys`", expecting: choices) else { return nil }
        if let style = WireKeyStyle(rawValue: name.value) { return .init(style, at: name.location) }
        var message = "`wireKeys` must be \(choices), found `\(name.value)`"
        if let suggestion = Suggestion.closest(to: name.value, among: styles) {
            message += "; did you mean `\(suggestion)`?"
        }
        diagnostics.error(message, at: name.location)
        return nil
    }

    private mutating func conformances(_ node: Node) -> [Configuration.Conformance] {
        if isNull(node) { return [] }
        let expectation = "a mapping from a protocol to a list of types, or to \"*\" for every type that can conform"
        guard let mapping = mapping(node, named: "`conformances`", expecting: expectation) else { return [] }
        var result: [Configuration.Conformance] = []
        for (key, value) in entries(of: mapping, allowed: nil, in: "`conformances`") {
            if let scalar = value.scalar, scalar.string == "*", tagName(value) == .str {
                result.append(Configuration.Conformance(protocolName: key, types: .all(value.mark.map(location))))
                continue
            }
            let types = strings(value, named: "`conformances` value for `\(key.value)`", expecting: "a list of types, or \"*\"")
            result.append(Configuration.Conformance(protocolName: key, types: .listed(types)))
        }
        return result
    }

    // MARK: Nodes

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    private func location(of node: Node) -> SourceLocation {
        node.mark.map(location) ?? .start(of: path)
    }

    /// The resolved tag (`Tag.name` is not public in every Yams version; its description is).
    private func tagName(_ node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.description)
    }

    private func isNull(_ node: Node) -> Bool {
        node.scalar != nil && tagName(node) == .null
    }

    /// "a string", "an integer", "a list"… for messages.
    private func kind(of node: Node) -> String {
        if node.mapping != nil { return "a mapping" }
        if node.sequence != nil { return "a list" }
        guard let scalar = node.scalar else { return "an alias" }
        switch tagName(node) {
        case .str: return "the string `\(scalar.string)`"
        case .int: return "the integer `\(scalar.string)`"
        case .float: return "the number `\(scalar.string)`"
        case .bool: return "the boolean `\(scalar.string)`"
        case .null: return "nothing"
        default: return "`\(scalar.string)`"
        }
    }

    private mutating func mapping(_ node: Node, named name: String, expecting expectation: String) -> Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        diagnostics.error("\(name) must be \(expectation); found \(kind(of: node))", at: location(of: node))
        return nil
    }

    /// The entries of a mapping whose keys are strings, reporting unknown and repeated keys.
    private mutating func entries(of mapping: Node.Mapping, allowed: [String]?, in context: String) -> [(Configuration.Located<String>, Node)] {
        var result: [(Configuration.Located<String>, Node)] = []
        var seen: [String: SourceLocation] = [:]
        for (keyNode, value) in mapping {
            guard let scalar = keyNode.scalar else {
                diagnostics.error("keys in \(context) must be names; found \(kind(of: keyNode))", at: location(of: keyNode))
                continue
            }
            let key = Configuration.Located(scalar.string, at: location(of: keyNode))
            if let allowed, !allowed.contains(key.value) {
                var message = "unknown key `\(key.value)` in \(context)"
                if let suggestion = Suggestion.closest(to: key.value, among: allowed) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += "; expected one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
                }
                diagnostics.error(message, at: key.location)
                continue
            }
            if let first = seen[key.value] {
                diagnostics.error("`\(key.value)` is given twice in \(context); first at line \(first.line)", at: key.location)
                continue
            }
            seen[key.value] = key.location
            result.append((key, value))
        }
        return result
    }

    /// A setting whose value is one of a few words (`accessModifier: public`): the value, or an
    /// error at it that says what is expected and suggests the closest word.
    ///
    /// - Parameter mismatch: put before `expectation` when the word is not one of them
    ///   (`must be one of …`).
    private mutating func choice<Value>(
        _ node: Node, named name: String, expecting expectation: String, mismatch: String = "", among words: [String],
        _ value: (String) -> Value?
    ) -> Configuration.Located<Value>? {
        guard let word = string(node, named: "`\(name)`", expecting: expectation) else { return nil }
        if let parsed = value(word.value) { return .init(parsed, at: word.location) }
        var message = "`\(name)` must be \(mismatch)\(expectation), found `\(word.value)`"
        if let suggestion = Suggestion.closest(to: word.value, among: words) { message += "; did you mean `\(suggestion)`?" }
        diagnostics.error(message, at: word.location)
        return nil
    }

    private mutating func string(_ node: Node, named name: String, expecting expectation: String) -> Configuration.Located<String>? {
        guard let scalar = node.scalar, tagName(node) == .str else {
            diagnostics.error("\(name) must be \(expectation); found \(kind(of: node))", at: location(of: node))
            return nil
        }
        return .init(scalar.string, at: location(of: node))
    }

    private mutating func strings(_ node: Node, named name: String, expecting expectation: String) -> [Configuration.Located<String>] {
        if isNull(node) { return [] }
        guard let sequence = node.sequence else {
            diagnostics.error("\(name) must be \(expectation); found \(kind(of: node))", at: location(of: node))
            return []
        }
        return sequence.compactMap { string($0, named: "an entry of \(name)", expecting: "a string") }
    }
}
