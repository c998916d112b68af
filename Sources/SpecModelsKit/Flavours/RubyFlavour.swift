extension FlavourVocabulary {
    /// Speakeasy's Ruby docs, in Sorbet's notation: `*::String*`, `*::Integer*`, `*::Float*`,
    /// `*T::Boolean*`, `*::Object*`, `T.nilable(T)` (may be `nil`), `T::Array<T>` (also
    /// `T::Array[T]`), `T::Hash[Symbol, T]`, `T.any(A, B)`, `[Date](…)` (a timestamp) and `[DateTime](…)` (a
    /// date) linked to Ruby's reference, names qualified with `::` (`[Models::Shared::X](…)`), and
    /// `Faraday::Response` for the raw response.
    static let ruby = FlavourVocabulary(
        displayName: "Ruby",
        exampleLanguages: ["ruby", "rb"],
        primitives: [
            "String": .string,
            "Integer": .integer,
            "Float": .number,
            "T.Boolean": .boolean,
            "Object": .any,
            // As in Python's docs, the two are labelled the other way round: `[Date](…Date.html)`
            // is a timestamp (`created_at`, "Datetime for when …") and `[DateTime](…)` a
            // calendar date ("ISO 8601 YYYY-MM-DD"), as the same API's TypeScript docs say.
            "Date": .dateTime,
            "DateTime": .date,
        ],
        generics: [
            "T.nilable": .nullable,
            "T.Array": .list,
            "T.Hash": .map(keys: ["Symbol"]),
            "T.any": .union,
        ],
        genericOpener: "[",
        genericOpeners: ["T.nilable": ["("], "T.any": ["("], "T.Array": ["<", "["]],
        namespaceSeparators: ["::"],
        runtimeNames: ["Faraday.Response", "Faraday.Request"],
        // A union's members are written only where it is used (`T.any(A, B)` in a link's
        // text); its own doc is the `#` heading alone.
        leavesUnionsEmpty: true,
        commonMistakes: [
            "string": "::String", "integer": "::Integer", "int": "::Integer", "number": "::Float", "float": "::Float",
            "boolean": "T::Boolean", "bool": "T::Boolean", "Boolean": "T::Boolean", "any": "::Object",
        ],
        builtInSummary: "::String, ::Integer, ::Float, T::Boolean, ::Object, Date, DateTime, T.nilable(T), T::Array<T>, T::Hash[Symbol, T], T.any(A, B)",
        genericSummary: "`T.nilable(T)`, `T::Array<T>`, `T::Hash[Symbol, T]` or `T.any(A, B)`")
}
