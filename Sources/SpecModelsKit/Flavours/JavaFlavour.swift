extension FlavourVocabulary {
    /// Speakeasy's Java docs: `*String*`, `*long*`, `*double*`, `List\<T>`,
    /// `Map\<String, T>`, `Optional\<T>` (may be absent), `JsonNullable\<T>` (absent, `null`
    /// or a value), `OffsetDateTime`, `LocalDate`, and `HttpResponse\<?>` for the raw response.
    static let java = FlavourVocabulary(
        displayName: "Java",
        exampleLanguages: ["java"],
        primitives: [
            "String": .string,
            "int": .integer,
            "Integer": .integer,
            "long": .integer,
            "Long": .integer,
            "BigInteger": .decimal,
            "double": .number,
            "Double": .number,
            "float": .number,
            "Float": .number,
            "BigDecimal": .decimal,
            "boolean": .boolean,
            "Boolean": .boolean,
            "Object": .any,
            "OffsetDateTime": .dateTime,
            "LocalDate": .date,
            "InputStream": .bytes,
        ],
        generics: [
            "List": .list,
            "Map": .map(keys: ["String"]),
            "Optional": .optional,
            "JsonNullable": .optionalNullable,
        ],
        byteArrayElement: "byte",
        runtimeNames: ["HttpResponse<?>", "HttpResponse<InputStream>", "HttpResponse", "HttpRequest"],
        reservedWords: [
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "false", "final", "finally", "float", "for", "goto",
            "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "null", "package",
            "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "true", "try", "void", "volatile", "while",
        ],
        leavesUnionsEmpty: true,
        commonMistakes: [
            "string": "String", "integer": "long", "number": "double", "bool": "boolean", "any": "Object",
            "Date": "OffsetDateTime",
        ],
        builtInSummary: "String, long, int, double, boolean, Object, OffsetDateTime, LocalDate, List<T>, Map<String, T>, Optional<T>, JsonNullable<T>",
        genericSummary: "`List<T>`, `Map<String, T>`, `Optional<T>` or `JsonNullable<T>`")
}
