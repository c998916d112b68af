/// Checks a configuration against the spec it configures and turns it into emission options.
///
/// Every name the file gives must exist in the spec (with a "did you mean" when it is close),
/// every Swift name and type must be usable as such, and the chosen types must not refer to
/// types that are left out. Each problem is reported at its line in the file.
extension Configuration {
    /// Spellings `typeOverrides` may replace everywhere: the ones whose values code as themselves.
    public static let overridableSpellings = ["string", "number", "boolean", "any"]

    /// Protocols every generated type already has.
    static let builtInConformances: Set<String> = ["Codable", "Decodable", "Encodable", "Hashable", "Equatable", "Sendable"]

    public func resolve(against graph: TypeGraph, base: EmissionOptions = EmissionOptions(), diagnostics: inout Diagnostics) -> EmissionOptions {
        var options = base.withWireDefaults(of: graph)
        if let accessModifier { options.accessModifier = accessModifier.value }
        if let integerType { options.integerType = integerType.value }
        let lookup = ModelLookup(graph)
        let emitted = selection(in: graph, lookup: lookup, diagnostics: &diagnostics)
        if emitted.count != graph.models.count {
            options.emittedModels = Set(emitted.map { graph[$0].qualifiedName })
        }
        var resolver = OverrideResolver(graph: graph, lookup: lookup, emitted: emitted)
        for entry in typeOverrides { resolver.typeOverride(entry, into: &options, diagnostics: &diagnostics) }
        for entry in nameOverrides { resolver.nameOverride(entry, into: &options, diagnostics: &diagnostics) }
        if let wireKeys { options.wire.keyStyle = wireKeys.value }
        for entry in keyOverrides { resolver.keyOverride(entry, into: &options, diagnostics: &diagnostics) }
        for entry in nullable { resolver.nullable(entry, into: &options, diagnostics: &diagnostics) }
        resolver.checkNames(options, wireKeys: wireKeys, diagnostics: &diagnostics)
        for conformance in conformances { resolver.conformance(conformance, into: &options, diagnostics: &diagnostics) }
        return options
    }

    // MARK: Namespaces and roots

    /// The models to emit: those in the chosen namespaces, or, with roots, those the roots reach.
    func selection(in graph: TypeGraph, lookup: ModelLookup, diagnostics: inout Diagnostics) -> Set<ModelID> {
        func checked(_ names: [Located<String>]) -> [Located<String>] {
            names.filter { name in
                if case .failure(let failure) = lookup.namespace(name.value) {
                    diagnostics.error(failure.message, at: name.location)
                    return false
                }
                return true
            }
        }
        let errorsBefore = diagnostics.all.count
        let included = includedNamespaces.map { Set(checked($0).map(\.value)) }
        let excluded = Dictionary(checked(excludedNamespaces).map { ($0.value, $0.location) }, uniquingKeysWith: { first, _ in first })
        // With a misspelt namespace, what is left out is a guess: report the spellings only.
        if diagnostics.all.count > errorsBefore {
            for root in roots {
                if case .failure(let failure) = lookup.model(root.value) { diagnostics.error(failure.message, at: root.location) }
            }
            return Set(graph.ids)
        }
        func isAllowed(_ model: ModelNode) -> Bool {
            (included?.contains(model.namespace) ?? true) && excluded[model.namespace] == nil
        }
        func whyLeftOut(_ model: ModelNode) -> (reason: String, location: SourceLocation?) {
            if let location = excluded[model.namespace] {
                return ("namespace `\(model.namespace)` is excluded", location)
            }
            return (model.namespace.isEmpty ? "`include` names no namespace for docs at the spec root" : "`include` does not name namespace `\(model.namespace)`", includeLocation)
        }

        var selection: Set<ModelID>
        if roots.isEmpty {
            selection = Set(graph.models.filter(isAllowed).map(\.id))
        } else {
            var rootIDs: [ModelID] = []
            for root in roots {
                switch lookup.model(root.value) {
                case .success(let id):
                    let model = graph[id]
                    if isAllowed(model) {
                        rootIDs.append(id)
                    } else {
                        diagnostics.error("root `\(model.qualifiedName)` is left out: \(whyLeftOut(model).reason)", at: root.location)
                    }
                case .failure(let failure):
                    diagnostics.error(failure.message, at: root.location)
                }
            }
            selection = ModelSelection.reachable(from: rootIDs, in: graph).filter { isAllowed(graph[$0]) }
        }

        // A generated type that refers to a left-out one would not compile: report each left-out
        // type once, at the setting that leaves it out, with the first reference to it.
        var referrers: [ModelID: [ModelSelection.Reference]] = [:]
        var order: [ModelID] = []
        for reference in ModelSelection.escapingReferences(from: selection, in: graph) {
            if referrers[reference.target] == nil { order.append(reference.target) }
            referrers[reference.target, default: []].append(reference)
        }
        for target in order {
            let references = referrers[target, default: []]
            let first = references[0]
            let (reason, location) = whyLeftOut(graph[target])
            let others = references.count > 1 ? " (and \(references.count - 1) more)" : ""
            diagnostics.error(
                "`\(graph[target].qualifiedName)` is left out (\(reason)), but `\(graph[first.owner].qualifiedName)` refers to it at \(first.location)\(others); include it, or leave out the types that refer to it",
                at: location ?? first.location)
        }
        return selection
    }
}

/// Resolves the override sections one entry at a time, remembering what it set so that
/// clashes between entries are found.
private struct OverrideResolver {
    let graph: TypeGraph
    let lookup: ModelLookup
    let emitted: Set<ModelID>
    /// Where each type rename was given, for clash reports.
    private var typeRenames: [ModelID: Configuration.Override] = [:]
    private var fieldRenames: [ModelID: [Int: Configuration.Override]] = [:]
    private var keyRenames: [ModelID: [Int: Configuration.Override]] = [:]
    private var nullableFields: [ModelID: [Int: Configuration.Located<String>]] = [:]

    init(graph: TypeGraph, lookup: ModelLookup, emitted: Set<ModelID>) {
        self.graph = graph
        self.lookup = lookup
        self.emitted = emitted
    }

    /// Warns when a setting names a type that is not generated, and says whether to apply it.
    private func isGenerated(_ id: ModelID, for entry: Configuration.Located<String>, diagnostics: inout Diagnostics) -> Bool {
        guard emitted.contains(id) else {
            diagnostics.warning("`\(graph[id].qualifiedName)` is not generated (see `namespaces`), so this setting has no effect", at: entry.location)
            return false
        }
        return true
    }

    private func field(_ key: Configuration.Located<String>, diagnostics: inout Diagnostics) -> (model: ModelNode, property: Property, index: Int)? {
        switch lookup.field(key.value) {
        case .success(let (id, index)):
            guard isGenerated(id, for: key, diagnostics: &diagnostics), case .object(let properties) = graph[id].shape else { return nil }
            return (graph[id], properties[index], index)
        case .failure(let failure):
            diagnostics.error(failure.message, at: key.location)
            return nil
        }
    }

    // MARK: typeOverrides

    mutating func typeOverride(_ entry: Configuration.Override, into options: inout EmissionOptions, diagnostics: inout Diagnostics) {
        guard SwiftSpelling.isTypeName(entry.value.value) else {
            diagnostics.error("`\(entry.value.value)` is not a Swift type", at: entry.value.location)
            return
        }
        let key = entry.key.value
        if Configuration.overridableSpellings.contains(key) {
            options.spellingTypes[key] = entry.value.value
            return
        }
        if FlavourVocabulary.typeScript.primitives[key] != nil {  // settings spell built-ins as TypeScript does, whatever the docs' language
            diagnostics.error(
                "`\(key)` cannot be replaced everywhere, its coding is fixed; replace it field by field (`Type.field: \(entry.value.value)`), or replace one of \(Configuration.overridableSpellings.map { "`\($0)`" }.joined(separator: ", "))",
                at: entry.key.location)
            return
        }
        if !key.contains(".") || lookup.isType(key) {
            var message = "`typeOverrides` keys are a spelling (\(Configuration.overridableSpellings.joined(separator: ", "))) or a field (`Type.field`)"
            if lookup.isType(key) { message += "; to rename the type `\(key)`, use `nameOverrides`" }
            else if let suggestion = Suggestion.closest(to: key, among: Configuration.overridableSpellings) { message += "; did you mean `\(suggestion)`?" }
            diagnostics.error(message, at: entry.key.location)
            return
        }
        guard let (model, property, _) = field(entry.key, diagnostics: &diagnostics) else { return }
        options.fields[model.qualifiedName, default: [:]][property.name, default: .init()].swiftType = entry.value.value
    }

    // MARK: nameOverrides

    mutating func nameOverride(_ entry: Configuration.Override, into options: inout EmissionOptions, diagnostics: inout Diagnostics) {
        let key = entry.key.value
        let name = entry.value.value
        if lookup.isType(key) || !key.contains(".") {
            let id: ModelID
            switch lookup.model(key) {
            case .success(let found): id = found
            case .failure(let failure):
                diagnostics.error(failure.message, at: entry.key.location)
                return
            }
            guard isGenerated(id, for: entry.key, diagnostics: &diagnostics) else { return }
            if let problem = SwiftSpelling.problemWithTypeName(name) {
                diagnostics.error(problem, at: entry.value.location)
                return
            }
            if let earlier = typeRenames[id] {
                diagnostics.error("`\(graph[id].qualifiedName)` is already renamed at line \(earlier.key.location?.line ?? 0)", at: entry.key.location)
                return
            }
            typeRenames[id] = entry
            options.typeNames[graph[id].qualifiedName] = name
            return
        }
        guard let (model, property, index) = field(entry.key, diagnostics: &diagnostics) else { return }
        if let problem = SwiftSpelling.problemWithMemberName(name) {
            diagnostics.error(problem, at: entry.value.location)
            return
        }
        if let earlier = fieldRenames[model.id]?[index] {
            diagnostics.error("`\(model.qualifiedName).\(property.name)` is already renamed at line \(earlier.key.location?.line ?? 0)", at: entry.key.location)
            return
        }
        fieldRenames[model.id, default: [:]][index] = entry
        options.fields[model.qualifiedName, default: [:]][property.name, default: .init()].swiftName = name
    }

    // MARK: keyOverrides

    mutating func keyOverride(_ entry: Configuration.Override, into options: inout EmissionOptions, diagnostics: inout Diagnostics) {
        guard let (model, property, index) = field(entry.key, diagnostics: &diagnostics) else { return }
        let key = entry.value.value
        guard !key.isEmpty else {
            diagnostics.error("a wire key cannot be empty", at: entry.value.location)
            return
        }
        if let earlier = keyRenames[model.id]?[index] {
            diagnostics.error("`\(model.qualifiedName).\(property.name)` already has a key at line \(earlier.key.location?.line ?? 0)", at: entry.key.location)
            return
        }
        keyRenames[model.id, default: [:]][index] = entry
        options.wire.keys[model.qualifiedName, default: [:]][property.name] = key
    }

    // MARK: nullable

    /// A field listed under `nullable`: a required one becomes `T?` with its key still
    /// required, an optional one three-state (`Nullable<T>?`: absent, `null` or a value).
    /// The additional properties have no key to be `null`: listing them is a warning.
    mutating func nullable(_ entry: Configuration.Located<String>, into options: inout EmissionOptions, diagnostics: inout Diagnostics) {
        guard let (model, property, index) = field(entry, diagnostics: &diagnostics) else { return }
        if let earlier = nullableFields[model.id]?[index] {
            diagnostics.error("`\(model.qualifiedName).\(property.name)` is already listed at line \(earlier.location?.line ?? 0)", at: entry.location)
            return
        }
        nullableFields[model.id, default: [:]][index] = entry
        guard !KeySpelling.gathersAdditionalProperties(property) else {
            diagnostics.warning("`\(model.qualifiedName).\(property.name)` holds the object's other keys and has no key of its own, so it cannot be `null`; `nullable` changes nothing for it", at: entry.location)
            return
        }
        options.wire.nullable[model.qualifiedName, default: []].insert(property.name)
    }

    // MARK: Clashes

    /// Two types or two fields of one type that would end up with the same Swift name, or
    /// two fields with the same wire key (by `keyOverrides`, or by the `wireKeys` style).
    func checkNames(_ options: EmissionOptions, wireKeys: Configuration.Located<WireKeyStyle>?, diagnostics: inout Diagnostics) {
        // Type names: a rename must not take the name another generated type gets.
        var derived = options
        derived.typeNames = [:]
        let derivedNames = SwiftNameTable(graph, options: derived)
        var owners: [String: ModelID] = [:]
        for id in emitted.sorted() where typeRenames[id] == nil {
            owners[derivedNames[id]] = id
        }
        for (id, entry) in typeRenames.sorted(by: { $0.key < $1.key }) {
            let name = entry.value.value
            if let other = owners[name], other != id {
                diagnostics.error("`\(name)` is already the Swift name of `\(graph[other].qualifiedName)`", at: entry.value.location)
            } else {
                owners[name] = id
            }
        }
        // Field names and keys, per model; with a key style, every model's keys.
        let isStyled = options.wire.keyStyle != .documented
        let checked = isStyled ? emitted : Set(fieldRenames.keys).union(keyRenames.keys)
        for id in checked.sorted() {
            guard case .object(let properties) = graph[id].shape else { continue }
            let fields = options.fields[graph[id].qualifiedName] ?? [:]
            var names: [String: Int] = [:]
            var keys: [String: Int] = [:]
            for (index, property) in properties.enumerated() {
                let name = fields[property.name]?.swiftName ?? SwiftNaming.memberName(property.name)
                let key = options.wire.wireKey(of: property, in: graph[id])
                if let other = names[name], let entry = fieldRenames[id]?[index] ?? fieldRenames[id]?[other] {
                    diagnostics.error("`\(name)` would name both `\(properties[other].name)` and `\(property.name)` of `\(graph[id].qualifiedName)`", at: entry.value.location)
                }
                if let other = keys[key] {
                    let clash = "`\(key)` would be the wire key of both `\(properties[other].name)` and `\(property.name)` of `\(graph[id].qualifiedName)`"
                    if let entry = keyRenames[id]?[index] ?? keyRenames[id]?[other] {
                        diagnostics.error(clash, at: entry.value.location)
                    } else if isStyled {
                        diagnostics.error("\(clash) (by `wireKeys: \(options.wire.keyStyle.rawValue)`); give one of them its key with `keyOverrides`", at: wireKeys?.location)
                    }
                }
                names[name] = names[name] ?? index
                keys[key] = keys[key] ?? index
            }
        }
    }

    // MARK: conformances

    func conformance(_ entry: Configuration.Conformance, into options: inout EmissionOptions, diagnostics: inout Diagnostics) {
        let name = entry.protocolName.value
        guard SwiftSpelling.isTypeName(name), !name.contains("<"), !name.contains("[") else {
            diagnostics.error("`\(name)` is not a protocol name", at: entry.protocolName.location)
            return
        }
        if Configuration.builtInConformances.contains(name) {
            diagnostics.warning("every generated type is already `Codable, Hashable, Sendable`; `\(name)` adds nothing", at: entry.protocolName.location)
            return
        }
        let targets: [ModelID]
        switch entry.types {
        case .all:
            targets = emitted.sorted().filter { name != "Identifiable" || hasIDProperty(graph[$0], options: options) }
        case .listed(let types):
            var found: [ModelID] = []
            for type in types {
                switch lookup.model(type.value) {
                case .success(let id):
                    guard isGenerated(id, for: type, diagnostics: &diagnostics) else { continue }
                    if name == "Identifiable" && !hasIDProperty(graph[id], options: options) {
                        diagnostics.error("`\(graph[id].qualifiedName)` cannot be `Identifiable`: it has no field whose Swift name is `id`; rename one with `nameOverrides`", at: type.location)
                        continue
                    }
                    found.append(id)
                case .failure(let failure):
                    diagnostics.error(failure.message, at: type.location)
                }
            }
            targets = found
        }
        for id in targets where !(options.conformances[graph[id].qualifiedName]?.contains(name) ?? false) {
            options.conformances[graph[id].qualifiedName, default: []].append(name)
        }
    }

    private func hasIDProperty(_ model: ModelNode, options: EmissionOptions) -> Bool {
        guard case .object(let properties) = model.shape else { return false }
        let fields = options.fields[model.qualifiedName] ?? [:]
        return properties.contains { (fields[$0.name]?.swiftName ?? SwiftNaming.memberName($0.name)) == "id" }
    }
}

/// Checks the Swift names and types a configuration gives.
enum SwiftSpelling {
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// A type as one writes it after `:`: `Int`, `Foundation.Decimal`, `[String]`,
    /// `[String: Int]`, `Tagged<User, String>`, `Int?`. Nothing that could end the declaration.
    static func isTypeName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 200 else { return false }
        var depth: [Character] = []
        var previous: Character = " "
        for character in text {
            switch character {
            case "[", "<": depth.append(character)
            case "]": guard depth.popLast() == "[" else { return false }
            case ">": guard depth.popLast() == "<" else { return false }
            case ":", ",": guard !depth.isEmpty else { return false }
            case "?", ".", " ", "_": break
            default:
                guard character.isLetter || character.isNumber else { return false }
                if character.isNumber && !(previous.isLetter || previous.isNumber || previous == "_") { return false }
            }
            previous = character
        }
        return depth.isEmpty && text.first.map { $0.isLetter || $0 == "_" || $0 == "[" } == true
    }

    static func problemWithTypeName(_ name: String) -> String? {
        guard isIdentifier(name), !SwiftNaming.keywords.contains(name) else {
            return "`\(name)` is not a Swift type name"
        }
        if SwiftNaming.reservedTypeNames.contains(name) || SupportLibrary.declaredNames.contains(name) {
            return "`\(name)` would hide the standard library's or the support file's `\(name)`; choose another name"
        }
        return nil
    }

    static func problemWithMemberName(_ name: String) -> String? {
        guard isIdentifier(name) else { return "`\(name)` is not a Swift identifier" }
        if SwiftNaming.unusableMemberNames.contains(name) { return "`\(name)` cannot name a property" }
        if name.hasPrefix("_") { return "names starting with `_` are kept for the generated storage" }
        return nil
    }
}
