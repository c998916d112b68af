extension FlavourVocabulary {
    /// Speakeasy's PHP docs: `*string*`, `*int*`, `*float*`, `*bool*`, `*mixed*`, `?T` (may be
    /// `null`), `array<T>` (a list), `array<string, T>` (a map), `[\DateTime](…)`, names
    /// qualified with `\` (`[?Components\X](…)`, union members headed ``### `Components\One` ``),
    /// and PSR-7's `ResponseInterface` for the raw response.
    static let php = FlavourVocabulary(
        displayName: "PHP",
        exampleLanguages: ["php"],
        primitives: [
            "string": .string,
            "int": .integer,
            "float": .number,
            "bool": .boolean,
            "mixed": .any,
            // A bare `array` (the union member ``### `array` ``) says neither list nor map.
            "array": .any,
            "null": .null,
            "DateTime": .dateTime,
        ],
        generics: [
            "array": .listOrMap(keys: ["string"]),
        ],
        nullablePrefix: "?",
        namespaceSeparators: ["\\"],
        runtimeNames: ["Psr.Http.Message.ResponseInterface", "Psr.Http.Message.RequestInterface"],
        // `\DateTime` is also written for dates ("Fecha del cobro (YYYY-MM-DD)", `2026-03-20`).
        timestampTypeHoldsDates: true,
        commonMistakes: [
            "String": "string", "integer": "int", "number": "float", "boolean": "bool", "any": "mixed",
            "object": "array<string, mixed>", "double": "float",
        ],
        builtInSummary: "string, int, float, bool, mixed, \\DateTime, ?T, array<T>, array<string, T>",
        genericSummary: "`array<T>` or `array<string, T>`")
}
