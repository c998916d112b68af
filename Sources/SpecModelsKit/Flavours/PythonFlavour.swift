extension FlavourVocabulary {
    /// Speakeasy's Python docs: `*str*`, `*int*`, `*float*`, `List[T]`, `Dict[str, T]`,
    /// `Optional[T]` (may be absent), `Nullable[T]` (may be `null`), `OptionalNullable[T]`
    /// (both), `[date](…)` and `[datetime](…)` linked to Python's reference.
    static let python = FlavourVocabulary(
        displayName: "Python",
        exampleLanguages: ["python", "py"],
        primitives: [
            "str": .string,
            "int": .integer,
            "float": .number,
            "bool": .boolean,
            "Any": .any,
            "date": .date,
            "datetime": .dateTime,
            "bytes": .bytes,
            "io.BufferedReader": .bytes,
            "None": .null,
        ],
        generics: [
            "List": .list,
            "Dict": .map(keys: ["str"]),
            "Optional": .optional,
            "Nullable": .nullable,
            "OptionalNullable": .optionalNullable,
            "Union": .union,
            "IO": .bytes(argument: "bytes"),
        ],
        genericOpener: "[",
        runtimeNames: ["httpx.Response", "httpx.Request"],
        commonMistakes: [
            "string": "str", "integer": "int", "number": "float", "boolean": "bool", "any": "Any",
            "list": "List[T]", "dict": "Dict[str, T]",
        ],
        builtInSummary: "str, int, float, bool, Any, date, datetime, bytes, List[T], Dict[str, T], Optional[T], Nullable[T], OptionalNullable[T]",
        genericSummary: "`List[T]`, `Dict[str, T]`, `Optional[T]`, `Nullable[T]`, `OptionalNullable[T]`, `Union[…]` or `IO[bytes]`")
}
