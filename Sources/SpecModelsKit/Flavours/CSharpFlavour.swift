extension FlavourVocabulary {
    /// Speakeasy's C# docs: `*string*`, `*long*`, `*double*`, `List<T>`,
    /// `Dictionary<String, T>`, `DateTime`, NodaTime's `LocalDate`, `EventStream<T>`, in folders named
    /// `Models/Components`. Union members are headed by their factory's name (`### Str`,
    /// `### MapOfAny`, `### ArrayOfValue5`), not by type. Field names are PascalCase
    /// properties (`DocId`), never the wire's, so keys default to camelCase.
    static let csharp = FlavourVocabulary(
        displayName: "C#",
        exampleLanguages: ["csharp", "cs", "c#"],
        primitives: [
            "string": .string,
            "int": .integer,
            "long": .integer,
            // .NET's names of the same types.
            "Int32": .integer,
            "Int64": .integer,
            "double": .number,
            "float": .number,
            "decimal": .decimal,
            "BigInteger": .decimal,
            "bool": .boolean,
            "object": .any,
            "DateTime": .dateTime,
            "LocalDate": .date,
            "DateOnly": .date,
        ],
        generics: [
            "List": .list,
            "Dictionary": .map(keys: ["String", "string"]),
            "EventStream": .stream(.serverSentEvents),
        ],
        byteArrayElement: "byte",
        // Unity's C# SDKs send with `UnityWebRequest` instead of .NET's `HttpClient`.
        runtimeNames: ["HttpResponseMessage", "HttpRequestMessage", "UnityWebRequest"],
        membersHeadedByName: true,
        additionalPropertiesField: "AdditionalProperties",
        defaultWireKeys: .camelCase,
        commonMistakes: [
            "String": "string", "integer": "long", "number": "double", "boolean": "bool", "any": "object",
            "Date": "DateTime",
        ],
        builtInSummary: "string, long, int, double, bool, object, DateTime, LocalDate, byte[], List<T>, Dictionary<String, T>",
        genericSummary: "`List<T>` or `Dictionary<String, T>`")

    /// The member types C# names its union factories after (`CreateStr`, `CreateMapOfAny`).
    static let csharpMemberNames: [String: TypeExpression] = [
        "Str": .string, "Integer": .integer, "Number": .number, "Boolean": .boolean, "Any": .any,
        "DateTime": .dateTime, "Date": .date, "Int32": .integer, "Int64": .integer,
        "Bigint": .decimal, "BigInteger": .decimal, "Decimal": .decimal,
    ]
}
