/// The SDK language a spec's docs were written for. Speakeasy writes the same model docs for
/// every SDK it generates, but each language spells the Type column its own way: TypeScript
/// `*number*`, Python `*Optional[int]*`, Go `**int64*`, Java `*JsonNullable\<Long>*`, C#
/// `*long*`, PHP `*?string*`, Ruby `*T.nilable(::String)*`. A flavour only changes how a Type cell (and a C# union member heading) is read;
/// everything after the type graph is the same for all of them.
public enum SpecFlavour: String, CaseIterable, Sendable, Hashable {
    case typeScript = "typescript"
    case python
    case go
    case java
    case csharp
    case php
    case ruby

    /// The language's name in messages.
    public var displayName: String { vocabulary.displayName }

    /// How this language spells types.
    var vocabulary: FlavourVocabulary {
        switch self {
        case .typeScript: return .typeScript
        case .python: return .python
        case .go: return .go
        case .java: return .java
        case .csharp: return .csharp
        case .php: return .php
        case .ruby: return .ruby
        }
    }

    /// The flavour a `flavour:` setting names: the raw values, or the language's display name
    /// in any case (`TypeScript`, `C#`).
    public init?(setting: String) {
        let lowered = setting.lowercased()
        guard let flavour = Self.allCases.first(where: { $0.rawValue == lowered || $0.displayName.lowercased() == lowered })
        else { return nil }
        self = flavour
    }
}

/// A language's spellings of the types Speakeasy writes into model docs.
struct FlavourVocabulary: Sendable {
    /// How a generic type (`List<T>`, `Optional[T]`, `Record<string, T>`) is read.
    enum Generic: Sendable, Equatable {
        /// `List<T>`, `Array<T>`: an array of `T`.
        case list
        /// `Map<String, T>`, `Dict[str, T]`: a map whose keys are one of these words.
        case map(keys: Set<String>)
        /// PHP's `array<T>` (a list) and `array<string, T>` (a map whose keys are these words).
        case listOrMap(keys: Set<String>)
        /// `Optional<T>` (the field may be absent: the Required column says so too).
        case optional
        /// `Nullable[T]`: the field may be `null`.
        case nullable
        /// `JsonNullable<T>`, `OptionalNullable[T]`: absent, `null` or a value.
        case optionalNullable
        /// `ReadableStream<Uint8Array>`, `IO[bytes]`: bytes; the argument must be this word.
        case bytes(argument: String)
        /// `Union[A, B]`: one of the arguments.
        case union
        /// Python's `Literal["x"]`, `Literal[True]`, `Literal[None]`: the constant (one of the
        /// constants, when there are several).
        case literal
        /// `EventStream<T>`, `JsonLStream<T>`.
        case stream(StreamKind)
    }

    /// The language's name in messages (`TypeScript`, `C#`).
    var displayName: String
    /// The info strings of the fenced examples the language's docs use (```` ```java ````).
    var exampleLanguages: Set<String>
    /// Names of built-in types (`str`, `int64`, `OffsetDateTime`), also as link texts to the
    /// language's reference (`[date](https://docs.python.org/…)`).
    var primitives: [String: TypeExpression]
    /// Generic types by name (qualified names with `.`: Ruby's `T::Array` is `T.Array`).
    var generics: [String: Generic]
    /// The bracket that opens a generic's arguments: `<` (`List<T>`) or `[` (`List[T]`).
    var genericOpener: Character = "<"
    /// Generics whose arguments open with other brackets than `genericOpener`: Ruby writes
    /// `T.nilable(T)`, `T::Array<T>` and `T::Hash[Symbol, T]` side by side.
    var genericOpeners: [String: Set<Character>] = [:]
    /// A prefix that makes a type nullable: PHP's `?string` (`nil` when the language has none).
    var nullablePrefix: Character?
    /// What separates the parts of a qualified name besides `.`: PHP's `\` (`Components\One`)
    /// and Ruby's `::` (`Models::Shared::X`). Names are read with `.` in their place, and a
    /// leading separator (the global namespace: `\DateTime`, `::String`) is dropped.
    var namespaceSeparators: [String] = []
    /// Go's prefix forms: `[]T`, `map[string]T` and the pointer `*T` (an optional field).
    var hasPrefixForms = false
    /// `byte[]` is bytes (Java, C#), not an array of a `byte` type.
    var byteArrayElement: String?
    /// SDK runtime values (HTTP responses and requests), by their spelling in a cell or a
    /// link's text (`HttpResponse<?>`, `*http.Response`).
    var runtimeNames: Set<String>
    /// How union members are headed under `## Supported Types`: by type (`` ### `string` ``)
    /// or, in C#, by the name of the member's factory method (`### Str`, `### ArrayOfValue5`).
    var membersHeadedByName = false
    /// The name the language gives the map of an object's undocumented keys (OpenAPI's
    /// `additionalProperties`): a map-typed field of this name has no key of its own.
    var additionalPropertiesField = "additionalProperties"
    /// Words the language's SDK cannot use as a property name, which Speakeasy writes with a
    /// trailing `_` (Python `filter_`, Java `private_`): the field's name is the word.
    var reservedWords: Set<String> = []
    /// Some union docs are a `#` heading alone (Speakeasy's Java docs of unions of objects
    /// and lists): such a doc is `JSONValue`, with a warning, instead of an error.
    var leavesUnionsEmpty = false
    /// The language writes one type for timestamps and calendar dates (PHP's `\\DateTime`): a
    /// field of that type whose example is a date (`2026-03-20`) is a date.
    var timestampTypeHoldsDates = false
    /// The key style the language's field names follow when the docs do not show wire keys.
    var defaultWireKeys: WireKeyStyle = .documented
    /// Spellings of other languages and their names in this one, for "did you mean" hints.
    var commonMistakes: [String: String]
    /// The built-in types as a list for messages.
    var builtInSummary: String
    /// The generic types as a list for messages.
    var genericSummary: String

    /// A field's name as the API has it: `filter_` is `filter` when `filter` is reserved.
    func fieldName(_ documented: String) -> String {
        guard documented.utf8.last == UInt8(ascii: "_"), !reservedWords.isEmpty else { return documented }
        let word = String(documented.dropLast())
        return reservedWords.contains(word) ? word : documented
    }

    /// A field's type given its Example cell: a timestamp whose example is a calendar date
    /// (`YYYY-MM-DD`) is a date where the language spells both alike.
    func fieldType(_ type: TypeExpression, example: String) -> TypeExpression {
        guard timestampTypeHoldsDates, type == .dateTime, Self.isCalendarDate(example) else { return type }
        return .date
    }

    private static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.indices.allSatisfy { index in
            index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
    }

    /// The brackets that may open the arguments of the generic `name`.
    func openers(of name: String) -> Set<Character> {
        genericOpeners[name] ?? [genericOpener]
    }

    /// A name as this vocabulary's tables spell it: namespace separators read as `.`, without
    /// a leading one (`\Psr\Http\Message\ResponseInterface` is `Psr.Http.Message.ResponseInterface`).
    func qualifiedName(_ spelling: String) -> String {
        guard !namespaceSeparators.isEmpty else { return spelling }
        var name = spelling
        for separator in namespaceSeparators where name.contains(separator) {
            name = name.replacingOccurrences(of: separator, with: ".")
        }
        return name.hasPrefix(".") ? String(name.drop { $0 == "." }) : name
    }

    /// Whether the spelling is this language's type of any value (PHP's `mixed`, a bare
    /// `array`), nullable or not (`?array`): it names no particular type, so as a link's text
    /// it agrees with whatever doc the link names (PHP writes a union's fields `[mixed](…)`).
    func spellsAnyValue(_ spelling: String) -> Bool {
        var name = Substring(spelling)
        if let nullablePrefix, name.first == nullablePrefix { name = name.dropFirst() }
        return primitives[String(name)] == .any
    }

    /// Every word of this vocabulary that names a type, for recognising the language. (Runtime
    /// names are left out: `Request` and `Response` are model names as often.)
    var typeWords: Set<String> {
        Set(primitives.keys).union(generics.keys)
    }
}
