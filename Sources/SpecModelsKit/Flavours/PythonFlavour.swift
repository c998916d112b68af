extension FlavourVocabulary {
    /// Speakeasy's Python docs: `*str*`, `*int*`, `*float*`, `List[T]`, `Dict[str, T]`,
    /// `Optional[T]` (may be absent), `Nullable[T]` (may be `null`), `OptionalNullable[T]`
    /// (both), `Literal["x"]` (a constant; also `Literal[True]`, `Literal[None]`), `list[T]`,
    /// `dict[str, T]`, `[date](…)` (a timestamp) and `[datetime](…)` (a date) linked to Python's reference.
    static let python = FlavourVocabulary(
        displayName: "Python",
        exampleLanguages: ["python", "py"],
        primitives: [
            "str": .string,
            "int": .integer,
            "float": .number,
            "Decimal": .decimal,
            "decimal.Decimal": .decimal,
            "bool": .boolean,
            "Any": .any,
            // Speakeasy's Python docs label the two the other way round from Python's types:
            // `[date](…#date-objects)` is a timestamp (OpenAPI `date-time`, Python `datetime`)
            // and `[datetime](…#datetime-objects)` a calendar date (`date`, Python `date`).
            // The other languages' docs of one API, its examples and field names all say so
            // (README, "Python dates and timestamps"; CrossFlavourTests holds it).
            "date": .dateTime,
            "datetime": .date,
            "bytes": .bytes,
            "io.BufferedReader": .bytes,
            // Any binary stream (`Union[bytes, IO[bytes], io.IOBase]`, a request body).
            "io.IOBase": .bytes,
            "None": .null,
        ],
        generics: [
            "List": .list,
            "Dict": .map(keys: ["str"]),
            // Older SDKs write Python's own generics.
            "list": .list,
            "dict": .map(keys: ["str"]),
            "Optional": .optional,
            "Nullable": .nullable,
            "OptionalNullable": .optionalNullable,
            "Union": .union,
            "Literal": .literal,
            "IO": .bytes(argument: "bytes"),
        ],
        genericOpener: "[",
        // Older SDKs send with `requests` instead of `httpx`.
        runtimeNames: ["httpx.Response", "httpx.Request", "requests.Response", "requests.Request"],
        // Pydantic keeps undocumented keys in `__pydantic_extra__`.
        additionalPropertiesField: "__pydantic_extra__",
        // Keywords, and the builtins Speakeasy's Python SDK does not shadow.
        reservedWords: [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            "all", "any", "bool", "bytes", "dict", "dir", "filter", "float", "format", "hash", "help", "id", "input", "int",
            "iter", "len", "list", "map", "max", "min", "next", "object", "open", "print", "property", "range", "set",
            "str", "sum", "super", "type", "vars", "zip",
        ],
        commonMistakes: [
            "string": "str", "integer": "int", "number": "float", "boolean": "bool", "any": "Any",
            "list": "List[T]", "dict": "Dict[str, T]",
        ],
        builtInSummary: "str, int, float, bool, Any, date, datetime, bytes, List[T], Dict[str, T], Optional[T], Nullable[T], OptionalNullable[T]",
        genericSummary: "`List[T]`, `Dict[str, T]`, `Optional[T]`, `Nullable[T]`, `OptionalNullable[T]`, `Union[…]` or `IO[bytes]`")
}
