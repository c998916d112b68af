extension FlavourVocabulary {
    /// Speakeasy's TypeScript docs: `*string*`, `*number*`, `components.X[]`,
    /// `Record<string, T>`, literals and `|` unions. Numbers are not split into integers and
    /// floats, and nullability is not written: examples are the only evidence of either.
    static let typeScript = FlavourVocabulary(
        displayName: "TypeScript",
        exampleLanguages: ["typescript", "ts"],
        primitives: [
            "string": .string,
            "number": .number,
            "BigInt": .decimal,
            "Decimal": .decimal,
            "boolean": .boolean,
            "any": .any,
            "Date": .dateTime,
            "RFCDate": .date,
            "File": .bytes,
            "Blob": .bytes,
            "Uint8Array": .bytes,
            "true": .booleanLiteral(true),
            "false": .booleanLiteral(false),
            "null": .null,
        ],
        generics: [
            "Record": .map(keys: ["string"]),
            "Array": .list,
            "ReadableStream": .bytes(argument: "Uint8Array"),
            "EventStream": .stream(.serverSentEvents),
            "JsonLStream": .stream(.jsonLines),
        ],
        // `*Request*` and `*Response*` unlinked, when no model doc declares them.
        runtimeNames: ["Request", "Response"],
        commonMistakes: [
            "integer": "number", "int": "number", "Int": "number", "float": "number", "double": "number",
            "Double": "number", "Number": "number", "str": "string", "String": "string", "text": "string",
            "bool": "boolean", "Bool": "boolean", "Boolean": "boolean", "Datetime": "Date", "DateTime": "Date",
            "datetime": "Date", "date": "Date", "timestamp": "Date", "object": "Record<string, any>",
            "Object": "Record<string, any>", "unknown": "any", "Any": "any", "bytes": "Blob", "binary": "Blob",
            "Map": "Record<string, T>", "list": "T[]",
        ],
        builtInSummary: "string, number, boolean, any, Date, RFCDate, File, Blob, Record<string, T>, T[]",
        genericSummary: "`Record<string, T>`, `Array<T>` or `ReadableStream<Uint8Array>`")
}
