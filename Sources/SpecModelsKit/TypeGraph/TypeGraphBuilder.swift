/// Builds the type graph from all documents of a spec: parses every type expression,
/// resolves links relative to the linking file and unlinked `ns.Name` spellings by
/// namespace and name, and records who references whom.
public enum TypeGraphBuilder {
    /// - Parameters:
    ///   - modelsFolder: where the spec's `models/` folder is: links resolve as if the docs were
    ///     in it, as Speakeasy's `../../models/ns/name.md` does from `models/ns/`.
    ///   - missingTypes: what a reference to a doc the spec does not have becomes.
    ///   - unknownTypes: what a Type cell or member heading that cannot be read becomes.
    ///   - flavour: the SDK language whose spellings the Type cells use.
    public static func build(
        _ documents: [SpecDocument], modelsFolder: ModelsFolder, missingTypes: MissingTypes = .error,
        unknownTypes: UnknownTypes = .error, flavour: SpecFlavour = .typeScript, diagnostics: inout Diagnostics
    ) -> TypeGraph {
        let sorted = documents.sorted { $0.relativePath < $1.relativePath }
        // A doc with no shape (a heading alone: Speakeasy's Java docs leave some unions so)
        // is no model: references to it are `JSONValue`.
        let documents = sorted.filter { !$0.isShapeless }
        reportShapeless(sorted.filter { $0.isShapeless && !$0.isUnreadable }, vocabulary: flavour.vocabulary, unknownTypes: unknownTypes, diagnostics: &diagnostics)
        let index = ModelIndex(
            documents, shapeless: sorted.filter(\.isShapeless), modelsFolder: modelsFolder, missingTypes: missingTypes,
            unknownTypes: unknownTypes, vocabulary: flavour.vocabulary, withSuggestions: false, diagnostics: &diagnostics)
        let resolutions = resolve(documents, index: index, diagnostics: &diagnostics)
        let runtimeModels = RuntimeValues.runtimeModels(resolutions.map(\.shape))
        // Each model on its own, on every core; only who references whom is gathered in order.
        let runtimeSplits = resolutions.concurrentMap { RuntimeValues.split($0.shape, runtimeModels: runtimeModels) }
        let streamOnlyUnions = Streams.streamOnlyUnions(runtimeSplits.map(\.shape))
        // Keys follow the language's default style (Go's `DocID` is `docId` on the wire), settled
        // as each model is made (as `TypeGraph.applying(_:)` would, without a second copy of them all).
        let wireSettings = WireSettings(keyStyle: flavour.vocabulary.defaultWireKeys)
        let settlesKeys = wireSettings != WireSettings()
        let models = Array(documents.indices).concurrentMap { position in
            let document = documents[position]
            let (withoutRuntime, runtimeFields, runtimeMembers) = runtimeSplits[position]
            let (shape, streamFields) = Streams.splitStreamFields(withoutRuntime, streamOnlyUnions: streamOnlyUnions)
            var model = ModelNode(
                id: ModelID(index: position),
                name: document.name,
                namespace: document.namespace,
                relativePath: document.relativePath,
                displayPath: document.displayPath,
                location: document.nameLocation,
                description: document.description,
                deprecation: document.deprecation,
                shape: shape,
                examples: document.examples,
                runtimeFields: runtimeFields,
                runtimeMembers: runtimeMembers)
            model.streamFields = streamFields
            if settlesKeys { model.settle(by: wireSettings) }
            return model
        }
        var referrers = [Set<ModelID>](repeating: [], count: documents.count)
        for (position, resolution) in resolutions.enumerated() {
            for target in resolution.referencedModels {
                referrers[target.index].insert(ModelID(index: position))
            }
        }
        var graph = TypeGraph(models: models)
        graph.wireSettings = wireSettings
        graph.flavour = flavour
        if unknownTypes == .jsonValue {
            // Java's union docs left empty are no model; an unreadable doc is an alias in any language.
            let aliases = sorted.filter { $0.isShapeless && ($0.isUnreadable || !flavour.vocabulary.leavesUnionsEmpty) }
            graph.jsonValueAliases = aliases.map { document in
                JSONValueAlias(
                    name: document.name, namespace: document.namespace, relativePath: document.relativePath,
                    location: document.nameLocation, description: document.description,
                    isUnreadable: document.isUnreadable)
            }
        }
        graph.setReferrers(referrers)
        ExampleNulls.mark(in: &graph)
        UnionCycles.report(in: graph, diagnostics: &diagnostics)
        Streams.reportMisplacedStreamOnlyUnions(in: graph, diagnostics: &diagnostics)
        return graph
    }

    /// A doc without a shape is an error, unless the docs' language leaves union docs so (then
    /// it is no model and fields of its type are `JSONValue`, with a warning naming the doc) or
    /// `unknownTypes: jsonValue` is set (then it becomes `typealias Name = JSONValue`, and
    /// fields of its type `JSONValue`, with a warning at its heading).
    private static func reportShapeless(
        _ documents: [SpecDocument], vocabulary: FlavourVocabulary, unknownTypes: UnknownTypes, diagnostics: inout Diagnostics
    ) {
        for document in documents {
            let missing = "`\(document.name.excerpt)` has no `## Fields`, `## Values` or `## Supported Types` section"
            if vocabulary.leavesUnionsEmpty {
                diagnostics.warning(
                    "\(missing): Speakeasy's \(vocabulary.displayName) docs leave the members of some unions out, so fields of this type are `JSONValue`",
                    at: document.nameLocation)
            } else if unknownTypes == .jsonValue {
                diagnostics.warning("\(missing), so its shape is unknown: add one; it becomes an alias of `JSONValue` (unknownTypes: jsonValue)", at: document.nameLocation)
            } else {
                diagnostics.error("\(missing), so its shape is unknown: add one", at: document.nameLocation)
            }
        }
    }

    private struct Resolution: Sendable {
        var shape: ModelNode.Shape
        var referencedModels: Set<ModelID>
        var diagnostics = Diagnostics()
    }

    /// Resolves every document's types, on every core. The "did you mean" searches share one
    /// budget per run, spent in document order; so when any document reports a problem, the
    /// documents are resolved again one after the other, with the budget, for the same
    /// messages as ever. A spec without problems is resolved once.
    private static func resolve(
        _ documents: [SpecDocument], index: ModelIndex, diagnostics: inout Diagnostics
    ) -> [Resolution] {
        let optimistic = documents.concurrentMap { document in
            var resolver = ReferenceResolver(document: document, index: index, suggestionBudget: 0)
            var diagnostics = Diagnostics()
            let shape = resolver.shape(of: document.body, diagnostics: &diagnostics)
            return Resolution(shape: shape, referencedModels: resolver.referencedModels, diagnostics: diagnostics)
        }
        if optimistic.allSatisfy({ $0.diagnostics.all.isEmpty }) { return optimistic }
        var suggestionBudget = ReferenceResolver.suggestionBudget
        let index = index.withSuggestions()
        return documents.map { document in
            var resolver = ReferenceResolver(document: document, index: index, suggestionBudget: suggestionBudget)
            let shape = resolver.shape(of: document.body, diagnostics: &diagnostics)
            suggestionBudget = resolver.suggestionBudget
            return Resolution(shape: shape, referencedModels: resolver.referencedModels)
        }
    }
}

/// Looks models up by path and by `namespace.Name`.
struct ModelIndex: Sendable {
    let byPath: [String: ModelID]
    /// The docs without a shape (a `#` heading alone), by path and by qualified name.
    let shapelessPaths: Set<String>
    let shapelessNames: Set<String>
    let vocabulary: FlavourVocabulary
    let byQualifiedName: [String: ModelID]
    let byName: [String: [ModelID]]
    let documents: [SpecDocument]
    let modelsFolder: ModelsFolder
    let missingTypes: MissingTypes
    let unknownTypes: UnknownTypes
    /// For "did you mean" hints; only the resolution that reports problems needs them (see
    /// `withSuggestions()`).
    private(set) var suggestions: Suggestions?

    struct Suggestions: Sendable {
        /// Qualified names with the built-in types.
        let nameCandidates: Suggestion.Candidates
        /// Lower-cased paths, for case mismatches.
        let byLowercasedPath: [String: String]
    }

    init(
        _ documents: [SpecDocument], shapeless: [SpecDocument] = [], modelsFolder: ModelsFolder, missingTypes: MissingTypes,
        unknownTypes: UnknownTypes = .error, vocabulary: FlavourVocabulary = .typeScript, withSuggestions: Bool = true,
        diagnostics: inout Diagnostics
    ) {
        self.modelsFolder = modelsFolder
        self.vocabulary = vocabulary
        shapelessPaths = Set(shapeless.map(\.relativePath))
        shapelessNames = Set(shapeless.flatMap { [$0.qualifiedName, $0.name] })
        self.missingTypes = missingTypes
        self.unknownTypes = unknownTypes
        var byPath: [String: ModelID] = [:]
        var byQualifiedName: [String: ModelID] = [:]
        var byName: [String: [ModelID]] = [:]
        byPath.reserveCapacity(documents.count)
        byQualifiedName.reserveCapacity(documents.count)
        byName.reserveCapacity(documents.count)
        for position in documents.indices {
            let document = documents[position]
            let id = ModelID(index: position)
            byPath[document.relativePath] = id
            let qualified = document.namespace.isEmpty ? document.name : "\(document.namespace).\(document.name)"
            if let existing = byQualifiedName[qualified] {
                let first = documents[existing.index]
                diagnostics.error(
                    "type `\(qualified.excerpt)` is declared twice: first in \(first.displayPath) at line \(first.nameLocation.line); delete one of the docs or rename its `#` heading",
                    at: document.nameLocation)
                continue
            }
            byQualifiedName[qualified] = id
            byName[document.name, default: []].append(id)
        }
        self.byPath = byPath
        self.byQualifiedName = byQualifiedName
        self.byName = byName
        self.documents = documents
        if withSuggestions { suggestions = makeSuggestions() }
    }

    /// The index with `suggestions`. The first, optimistic resolution has none: its messages
    /// are reported only when it has none at all (see `TypeGraphBuilder.resolve`), and making
    /// them (sorting every name, lower-casing every path) was 1% of generating Kong's 4,370 docs.
    func withSuggestions() -> ModelIndex {
        var index = self
        index.suggestions = index.suggestions ?? makeSuggestions()
        return index
    }

    private func makeSuggestions() -> Suggestions {
        var byLowercasedPath: [String: String] = [:]
        for document in documents {
            byLowercasedPath[document.relativePath.lowercased()] = document.relativePath
        }
        return Suggestions(
            nameCandidates: Suggestion.Candidates(byQualifiedName.keys.sorted() + vocabulary.primitives.keys.sorted()),
            byLowercasedPath: byLowercasedPath)
    }
}

/// Resolves the type expressions of one document.
struct ReferenceResolver {
    /// How many "did you mean" searches one build may make: each compares a name with every
    /// model, so a spec of thousands of docs full of typos would otherwise take quadratic time.
    static let suggestionBudget = 100

    let document: SpecDocument
    let index: ModelIndex
    private(set) var referencedModels: Set<ModelID> = []
    private(set) var suggestionBudget: Int
    /// The folders of the document's link path: where its links start.
    private let linkBase: [String]

    init(document: SpecDocument, index: ModelIndex, suggestionBudget: Int = Self.suggestionBudget) {
        self.document = document
        self.index = index
        self.suggestionBudget = suggestionBudget
        var linkPath = index.modelsFolder.linkPath(ofRelativePath: document.relativePath)
        linkBase = linkPath.withUTF8 { bytes in
            bytes.split(separator: UInt8(ascii: "/")).dropLast().map { String(decoding: $0, as: UTF8.self) }
        }
    }

    mutating func shape(of body: SpecDocument.Body, diagnostics: inout Diagnostics) -> ModelNode.Shape {
        switch body {
        case .object(let fields):
            let properties = fields.compactMap { field -> Property? in
                var missing: String?
                var presence: TypeExpressionParser.Presence?
                guard let resolved = resolve(field.type, missing: &missing, presence: &presence, diagnostics: &diagnostics)
                else { return nil }
                let type = index.vocabulary.fieldType(resolved, example: field.example)
                var property = Property(
                    name: index.vocabulary.fieldName(field.name), location: field.location, type: type, isRequired: field.isRequired,
                    deprecationMessage: field.deprecationMessage, description: field.description, example: field.example)
                if field.name == index.vocabulary.additionalPropertiesField, case .map = type {
                    property.gathersAdditionalProperties = true
                }
                if presence?.isNullable == true {
                    property.isNullableInDocs = true
                    property.isNullable = true
                }
                return property
            }
            return .object(properties)
        case .enumeration(let values):
            return .enumeration(enumeration(values, diagnostics: &diagnostics))
        case .union(let members):
            var missing = [String?](repeating: nil, count: members.count)
            var presence: TypeExpressionParser.Presence?
            var untyped: [Int] = []
            let types = members.indices.map { position -> TypeExpression? in
                let cell = members[position].type
                if index.vocabulary.membersHeadedByName, members[position].example.flatMap(MemberExampleType.cell) == nil,
                   CSharpMemberHeading.namesNoType(cell, unionName: document.name, isModel: { lookUp(name: $0) != nil || isShapeless($0) }) {
                    // Held as a missing member is: any JSON, tried after the typed members.
                    missing[position] = cell.source.trimmingSpaces
                    untyped.append(position)
                    return .any
                }
                return resolve(cell, isUnionMember: true, missing: &missing[position], presence: &presence, diagnostics: &diagnostics)
            }
            if let first = untyped.first {
                let names = untyped.map { "`\(members[$0].type.source.trimmingSpaces.excerpt)`" }.joined(separator: ", ")
                diagnostics.warning(
                    "`\(document.name)`: the member\(untyped.count == 1 ? "" : "s") \(names) name\(untyped.count == 1 ? "s" : "") no type (the heading is a case name that no model doc has, and the example writes no type), so \(untyped.count == 1 ? "it holds" : "they hold") any JSON (`JSONValue`), tried after the typed members",
                    at: members[first].type.location)
            }
            let integers = Self.integerMembers(members, types: types)
            let resolved = members.indices.compactMap { index -> UnionMemberNode? in
                guard let type = types[index] else { return nil }
                let member = members[index]
                return UnionMemberNode(
                    type: integers.contains(index) ? .integer : type, spelling: member.type.source, location: member.type.location,
                    missingType: missing[index], isUnreadable: missing[index] == UnknownTypes.memberCaseName)
            }
            return .union(resolved)
        case .unknown:
            // Shapeless docs are left out of the graph before resolution.
            return .object([])
        }
    }

    /// The `number` members that are Speakeasy's integer member: those whose example is an
    /// integer (`128403`), when another `number` member's example is not (`1284.03`, or none).
    private static func integerMembers(_ members: [UnionMember], types: [TypeExpression?]) -> Set<Int> {
        let numbers = types.indices.filter { types[$0] == .number }
        guard numbers.count >= 2 else { return [] }
        let integral = Set(numbers.filter { members[$0].example.map(isIntegerExample) ?? false })
        return integral.count < numbers.count ? integral : []
    }

    /// `const value: number = 10;`: whether the value assigned is an integer literal.
    private static func isIntegerExample(_ example: Example) -> Bool {
        guard let equals = example.code.lastIndex(of: "=") else { return false }
        var value = String(example.code[example.code.index(after: equals)...]).trimmingSpaces
        if value.hasSuffix(";") { value = String(value.dropLast()).trimmingSpaces }
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private func enumeration(_ values: [EnumValue], diagnostics: inout Diagnostics) -> EnumerationShape {
        var seen: [EnumValue.Literal: SourceLocation] = [:]
        var unique: [EnumValue] = []
        for value in values {
            if let first = seen[value.value] {
                let place = first.line == value.location.line ? "column \(first.column)" : "line \(first.line)"
                diagnostics.error("duplicate value \(Self.describe(value.value).excerpt): already listed at \(place); remove one", at: value.location)
                continue
            }
            seen[value.value] = value.location
            unique.append(value)
        }
        let hasStrings = unique.contains { if case .string = $0.value { true } else { false } }
        let hasNumbers = unique.contains { if case .string = $0.value { false } else { true } }
        if hasStrings && hasNumbers, let first = unique.first {
            let isString: (EnumValue) -> Bool = { if case .string = $0.value { true } else { false } }
            let string = unique.first(where: isString).map { Self.describe($0.value).excerpt } ?? ""
            let number = unique.first(where: { !isString($0) }).map { Self.describe($0.value).excerpt } ?? ""
            diagnostics.error(
                "`## Values` mixes strings (\(string)) and numbers (\(number)); an enum's values must be all strings or all numbers",
                at: first.location)
        }
        let rawType: EnumerationShape.RawType
        if hasStrings || unique.isEmpty {
            rawType = .string
        } else if unique.allSatisfy({ if case .integer = $0.value { true } else { false } }) {
            rawType = .integer
        } else {
            rawType = .number
        }
        return EnumerationShape(rawType: rawType, values: unique)
    }

    private static func describe(_ literal: EnumValue.Literal) -> String {
        switch literal {
        case .string(let value): return "\"\(value)\""
        case .integer(let value): return String(value)
        case .number(let value): return value
        }
    }

    /// - Parameter missing: set to the name of the first type the cell names that the spec does
    ///   not have, when `missingTypes: jsonValue` makes it `.any`.
    /// - Parameter presence: set to what a wrapper around the whole type says of the field
    ///   (`Optional<T>`, `JsonNullable<T>`).
    private mutating func resolve(
        _ cell: TypeCell, isUnionMember: Bool = false, missing: inout String?, presence: inout TypeExpressionParser.Presence?,
        diagnostics: inout Diagnostics
    ) -> TypeExpression? {
        if isUnionMember, cell.source.trimmingSpaces.isEmpty {
            let readable = reportUnreadable(
                "empty member heading: under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`",
                at: cell.location, diagnostics: &diagnostics)
            return unreadable(readable, isUnionMember: true, missing: &missing)
        }
        let parsed = isUnionMember && index.vocabulary.membersHeadedByName
            ? CSharpMemberHeading.parse(cell, unionName: document.name, isModel: { lookUp(name: $0) != nil })
                ?? TypeExpressionParser.parse(cell, vocabulary: index.vocabulary)
            : TypeExpressionParser.parse(cell, vocabulary: index.vocabulary)
        switch parsed {
        case .failure(let failure):
            let message = isUnionMember
                ? "member heading `\(cell.source.excerpt)` is not a type: \(failure.message); under `## Supported Types` each `###` heading names one member type, like `operations.Name` or `string`"
                : "cannot read the type `\(cell.source.excerpt)`: \(failure.message)"
            let readable = reportUnreadable(
                message,
                at: failure.atEnd ? location(cell, offset: cell.source.utf8.count) : location(cell, offset: failure.offset),
                diagnostics: &diagnostics)
            return unreadable(readable, isUnionMember: isUnionMember, missing: &missing)
        case .success(var unresolved):
            if case .marked(let inner, let wrapper) = unresolved {
                presence = wrapper
                unresolved = inner
            }
            if let misplaced = Self.misplacedStream(in: unresolved) {
                diagnostics.error(misplaced.message, at: location(cell, offset: misplaced.column))
                return nil
            }
            var failed = false
            let resolved = resolve(unresolved, cell: cell, failed: &failed, missing: &missing, diagnostics: &diagnostics)
            return failed ? nil : resolved
        }
    }

    private mutating func resolve(
        _ expression: TypeExpressionParser.Unresolved, cell: TypeCell, failed: inout Bool, missing: inout String?,
        diagnostics: inout Diagnostics
    ) -> TypeExpression {
        switch expression {
        case .primitive(let primitive):
            return primitive
        case .array(let element):
            return .array(resolve(element, cell: cell, failed: &failed, missing: &missing, diagnostics: &diagnostics))
        case .map(let value):
            return .map(resolve(value, cell: cell, failed: &failed, missing: &missing, diagnostics: &diagnostics))
        case .oneOf(let members):
            return .oneOf(members.map { resolve($0, cell: cell, failed: &failed, missing: &missing, diagnostics: &diagnostics) })
        case .stream(let kind, let element, _):
            return .stream(kind, resolve(element, cell: cell, failed: &failed, missing: &missing, diagnostics: &diagnostics))
        case .marked(let inner, _):
            // Inside another type (`List<Optional<T>>`) a wrapper says nothing the graph keeps.
            return resolve(inner, cell: cell, failed: &failed, missing: &missing, diagnostics: &diagnostics)
        case .named(let name, let offset):
            if let id = lookUp(name: name) {
                referencedModels.insert(id)
                return .model(id)
            }
            if isShapeless(name) { return .any }
            if index.vocabulary.runtimeNames.contains(name) {
                return .runtime(name)
            }
            // Only a qualified name says which doc is missing; a bare unknown name is a typo.
            if index.missingTypes == .jsonValue, name.contains(".") {
                missing = missing ?? name
                diagnostics.warning(unknownNameMessage(name, note: MissingTypes.jsonValueNote), at: location(cell, offset: offset))
                return .any
            }
            // A bare unknown name is no spelling of the language and no model.
            if index.unknownTypes == .jsonValue {
                missing = missing ?? name
                diagnostics.warning(unknownNameMessage(name, note: UnknownTypes.jsonValueNote), at: location(cell, offset: offset))
                return .any
            }
            failed = true
            diagnostics.error(unknownNameMessage(name), at: location(cell, offset: offset))
            return .any
        case .linked(let text, let destination, let offset):
            let link = resolveLink(destination)
            // `[Date](../../types/rfcdate.md)`, `[*types.Date](../../types/date.md)`: Speakeasy's
            // date-only type, whose page is never published with the models.
            if case .failure = link, Self.isSDKDateLink(destination) {
                return .date
            }
            if case .failure(let failure) = link, failure.isShapeless {
                return .any
            }
            // `[Date](https://developer.mozilla.org/…)`, `[date](https://docs.python.org/…)`:
            // built-in types link to their language's reference, unless the spec itself has
            // such a doc. (A relative link that misses is a broken link.)
            if case .failure = link, Self.hasURLScheme(Substring(destination)) {
                let name = index.vocabulary.qualifiedName(text)
                if let primitive = index.vocabulary.primitives[name] { return primitive }
                if index.vocabulary.runtimeNames.contains(name) || RuntimeValues.isWebAPILink(destination) {
                    return .runtime(text)
                }
            }
            switch link {
            case .success(let id):
                referencedModels.insert(id)
                let target = index.documents[id.index]
                let qualified = target.namespace.isEmpty ? target.name : "\(target.namespace).\(target.name)"
                if !Self.linkText(text, names: target), !TypeExpressionParser.spellsUnion(text, vocabulary: index.vocabulary),
                   !index.vocabulary.spellsAnyValue(text), !Self.linkText(text, namesSoleMemberOf: target, vocabulary: index.vocabulary) {
                    diagnostics.warning(
                        "link text `\(text.excerpt)` does not match the linked doc's type `\(qualified)`",
                        at: location(cell, offset: offset))
                }
                return .model(id)
            case .failure(let failure):
                if failure.isMissingDoc, index.missingTypes == .jsonValue {
                    missing = missing ?? text
                    diagnostics.warning(failure.text, at: location(cell, offset: offset))
                    return .any
                }
                // A link to no model doc (a web page, out of the spec): nothing says its type.
                if !failure.isMissingDoc, reportUnreadable(failure.text, at: location(cell, offset: offset), diagnostics: &diagnostics) {
                    missing = missing ?? text
                    return .any
                }
                failed = true
                if failure.isMissingDoc { diagnostics.error(failure.text, at: location(cell, offset: offset)) }
                return .any
            }
        }
    }

    /// Reports a Type cell or member heading that cannot be read: an error, or with
    /// `unknownTypes: jsonValue` a warning with its note. Returns whether it was a warning.
    private func reportUnreadable(_ message: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> Bool {
        guard index.unknownTypes == .jsonValue else {
            diagnostics.error(message, at: location)
            return false
        }
        diagnostics.warning("\(message); \(UnknownTypes.jsonValueNote)", at: location)
        return true
    }

    /// What a cell that cannot be read becomes: nothing (after an error), or `JSONValue`; a
    /// union member's keeps a case of its own, tried after the members that can be read.
    private func unreadable(_ readable: Bool, isUnionMember: Bool, missing: inout String?) -> TypeExpression? {
        guard readable else { return nil }
        if isUnionMember { missing = missing ?? UnknownTypes.memberCaseName }
        return .any
    }

    /// Whether a link's text names the linked doc: its name, or its qualified name with any
    /// prefix (C# writes `Models.Components.X` for `Components/X.md`), ignoring case.
    private static func linkText(_ text: String, names target: SpecDocument) -> Bool {
        let qualified = target.qualifiedName
        if text == qualified || text == target.name { return true }
        let lowered = text.lowercased()
        return lowered == qualified.lowercased() || lowered.hasSuffix("." + qualified.lowercased())
    }

    /// Whether the text names the one member of the union the link names: Speakeasy's PHP docs
    /// write a field whose schema wraps one other (`allOf` of one) as `[Components\Dto](All.md)`,
    /// where `All` is a union whose only member is ``### `Components\Dto` ``.
    private static func linkText(_ text: String, namesSoleMemberOf target: SpecDocument, vocabulary: FlavourVocabulary) -> Bool {
        guard case .union(let members) = target.body, members.count == 1 else { return false }
        let spelling = members[0].type.inlines.map(\.plainText).joined().trimmingCharacters(in: .whitespaces)
        return !spelling.isEmpty && vocabulary.qualifiedName(spelling).lowercased() == text.lowercased()
    }

    private func isShapeless(_ name: String) -> Bool {
        if index.shapelessNames.contains(name) { return true }
        return !name.contains(".") && index.shapelessNames.contains("\(document.namespace).\(name)")
    }

    /// A stream is a whole response body: a union's member heading or a field's type by
    /// itself (``### `EventStream<ns.T>` ``), never part of another type.
    private static func misplacedStream(in expression: TypeExpressionParser.Unresolved) -> (message: String, column: Int)? {
        if case .stream(let kind, let element, _) = expression {
            guard let (inner, column) = firstStream(in: element) else { return nil }
            return ("the elements of `\(kind.spelling)<…>` are JSON values, not `\(inner.spelling)<…>` streams", column)
        }
        guard let (kind, column) = firstStream(in: expression) else { return nil }
        let what = kind == .serverSentEvents ? "a stream of server-sent events" : "a stream of JSON lines"
        return ("`\(kind.spelling)<…>` is a whole response body (\(what)), not part of a type: write it by itself, like `\(kind.spelling)<components.Event>`", column)
    }

    private static func firstStream(in expression: TypeExpressionParser.Unresolved) -> (StreamKind, Int)? {
        switch expression {
        case .stream(let kind, _, let column): return (kind, column)
        case .array(let inner), .map(let inner), .marked(let inner, _): return firstStream(in: inner)
        case .oneOf(let members):
            for member in members { if let found = firstStream(in: member) { return found } }
            return nil
        case .primitive, .named, .linked: return nil
        }
    }

    private func lookUp(name: String) -> ModelID? {
        if let id = index.byQualifiedName[name] { return id }
        // A bare `Name` resolves when exactly one namespace declares it, preferring the doc's own.
        if !name.contains(".") {
            if let own = index.byQualifiedName[document.namespace.isEmpty ? name : "\(document.namespace).\(name)"] {
                return own
            }
            if let candidates = index.byName[name], candidates.count == 1 { return candidates[0] }
        }
        return nil
    }

    /// - Parameter note: what becomes of the reference, for a warning (`missingTypes: jsonValue`).
    private mutating func unknownNameMessage(_ name: String, note: String? = nil) -> String {
        var message = "unknown type `\(name.excerpt)`: no model doc declares it"
        if !name.contains("."), let candidates = index.byName[name], candidates.count > 1 {
            let spellings = candidates.map { index.documents[$0.index] }.map { "`\($0.namespace).\($0.name)`" }
            return "ambiguous type `\(name)`: write one of \(spellings.joined(separator: ", "))"
        }
        if let note { message += "; \(note)" }
        if let builtIn = index.vocabulary.commonMistakes[name] {
            message += "; did you mean `\(builtIn)`?"
            // A spelling of another language: say which language the docs were read as.
            if index.vocabulary.displayName != FlavourVocabulary.typeScript.displayName {
                message += " (the docs read as \(index.vocabulary.displayName); `flavour:` in specmodels.yml sets the language)"
            }
        } else if let suggestion = closestModelName(to: name) {
            message += "; did you mean `\(suggestion)`?"
        } else if note == nil {
            message += " (built-in types are \(index.vocabulary.builtInSummary))"
        }
        return message
    }

    /// The closest qualified model name, while the build's budget for such searches lasts.
    private mutating func closestModelName(to name: String) -> String? {
        guard suggestionBudget > 0 else { return nil }
        suggestionBudget -= 1
        return index.suggestions.flatMap { Suggestion.closest(to: name, among: $0.nameCandidates) }
    }

    private mutating func closestSibling(of path: String) -> String? {
        suggestionBudget -= 1
        return Self.closestSibling(of: path, among: index.byPath.keys)
    }

    /// The message is built only when it is reported: every `[Date](https://…)` cell fails
    /// to resolve as a doc link before it is read as the built-in type, and quoting the URL
    /// for nothing was 8% of a whole run.
    private struct LinkFailure: Error {
        private let message: @Sendable () -> String
        /// The link points into the spec, at a doc that is not there.
        let isMissingDoc: Bool
        /// The link points at a doc without a shape, which is no model.
        var isShapeless = false

        init(text: @autoclosure @escaping @Sendable () -> String, isMissingDoc: Bool = false) {
            message = text
            self.isMissingDoc = isMissingDoc
        }

        var text: String { message() }
    }

    private mutating func resolveLink(_ destination: String) -> Result<ModelID, LinkFailure> {
        var path = Substring(destination)
        var bytes = destination
        if let hash = bytes.withUTF8({ $0.firstIndex(of: UInt8(ascii: "#")) }) {
            path = path[..<destination.utf8.index(destination.startIndex, offsetBy: hash)]
        }
        // Checked on bytes first: an ASCII prefix of Characters is one of bytes.
        if Self.hasURLScheme(path) || (path.utf8.starts(with: "mailto:".utf8) && path.hasPrefix("mailto:")) {
            return .failure(LinkFailure(text: "link to `\(destination.excerpt)` is not a model doc: types link to `.md` files in the spec"))
        }
        if path.utf8.first == UInt8(ascii: "/"), path.hasPrefix("/") {
            return .failure(LinkFailure(text: "link `\(destination.excerpt)` is absolute: links between model docs are relative to the linking file"))
        }
        let outside = LinkFailure(text: "link `\(destination.excerpt)` points outside the spec folder: model docs link only to docs in the spec")
        guard let linkPath = index.modelsFolder.linkPath(from: linkBase, following: path),
              let resolved = index.modelsFolder.relativePath(ofLinkPath: linkPath),
              !resolved.isEmpty
        else {
            return .failure(outside)
        }
        guard resolved.hasSuffix(".md") else {
            return .failure(LinkFailure(text: "link `\(destination.excerpt)` is not a model doc: expected a `.md` file"))
        }
        if let id = index.byPath[resolved] { return .success(id) }
        if index.shapelessPaths.contains(resolved) {
            var failure = LinkFailure(text: "")
            failure.isShapeless = true
            return .failure(failure)
        }
        var message = "link `\(destination.excerpt)` points to `\(resolved.excerpt)`, which is not in the spec"
        if index.missingTypes == .jsonValue { message += "; \(MissingTypes.jsonValueNote)" }
        if let actual = index.suggestions?.byLowercasedPath[resolved.lowercased()] {
            message += "; did you mean `\(actual.split(separator: "/").last.map(String.init) ?? actual)`? (file names are case-sensitive)"
        } else if suggestionBudget > 0, let suggestion = closestSibling(of: resolved) {
            message += "; did you mean `\(suggestion)`?"
        }
        let finished = message
        return .failure(LinkFailure(text: finished, isMissingDoc: true))
    }

    /// `../../types/rfcdate.md` (TypeScript) or `../../types/date.md` (Go), namespaced or flat:
    /// the SDK's own date type, documented outside the models.
    private static func isSDKDateLink(_ destination: String) -> Bool {
        // Both end `date.md`: checked on bytes first, since nearly every link is another
        // (splitting and comparing Strings was 2% of generating ampersand v4).
        let bytes = destination.utf8
        guard bytes[..<(bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex)].reversed().starts(with: "dm.etad".utf8)
        else { return false }
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return ["types/rfcdate.md", "types/date.md"].contains { path == $0 || path.hasSuffix("/" + $0) }
    }

    /// Whether the link has a scheme (`https://…`), checked on bytes: `contains("://")`
    /// went through Foundation's string search for every link.
    static func hasURLScheme(_ path: Substring) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var index = 0
            while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
                if bytes[(colon + 1)...].starts(with: "//".utf8) { return true }
                index = colon + 1
            }
            return false
        }
    }

    /// The closest file name in the same folder as `path`, compared by name alone.
    private static func closestSibling<Paths: Sequence<String>>(of path: String, among paths: Paths) -> String? {
        let (folder, name) = split(path)
        let siblings = paths.compactMap { candidate -> String? in
            let (candidateFolder, candidateName) = split(candidate)
            return candidateFolder == folder ? candidateName : nil
        }
        return Suggestion.closest(to: name, among: siblings)
    }

    private static func split(_ path: String) -> (folder: Substring, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (path[..<slash], String(path[path.index(after: slash)...]))
    }

    private func location(_ cell: TypeCell, offset: Int?) -> SourceLocation {
        var location = cell.location
        location.column += offset ?? 0
        return location
    }
}
