extension FlavourVocabulary {
    /// Speakeasy's Go docs: `*string*`, `*int64*`, `*float64*`, `[]T`, `map[string]T`,
    /// `[*time.Time](…)`, `[*types.Date](…)`. A pointer (`**string*`, `[*components.X](…)`)
    /// is an optional field, not a nullable one; `optionalnullable.OptionalNullable[T]` is both. Field names are Go's exported names
    /// (`DocID`), never the wire's, so keys default to camelCase.
    static let go = FlavourVocabulary(
        displayName: "Go",
        exampleLanguages: ["go", "golang"],
        primitives: [
            "string": .string,
            "int": .integer,
            "int32": .integer,
            "int64": .integer,
            "float32": .number,
            "float64": .number,
            "bool": .boolean,
            "any": .any,
            "time.Time": .dateTime,
            "types.Date": .date,
            // A binary body, read as a stream (as Java's `InputStream`, Python's `io.BufferedReader`).
            "io.ReadCloser": .bytes,
        ],
        generics: [
            // A field that may be absent, `null` or a value.
            "optionalnullable.OptionalNullable": .optionalNullable,
        ],
        genericOpeners: ["optionalnullable.OptionalNullable": ["["]],
        hasPrefixForms: true,
        byteArrayElement: "byte",
        runtimeNames: ["http.Response", "http.Request"],
        additionalPropertiesField: "AdditionalProperties",
        defaultWireKeys: .camelCase,
        commonMistakes: [
            "integer": "int64", "number": "float64", "boolean": "bool", "String": "string", "float": "float64",
        ],
        builtInSummary: "string, int64, float64, bool, any, time.Time, types.Date, io.ReadCloser, []T, map[string]T",
        genericSummary: "`[]T` or `map[string]T`")
}
