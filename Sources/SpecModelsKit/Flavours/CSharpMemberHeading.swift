/// C# heads each union member with the name of its factory method (`### Str`,
/// `### MapOfAny`, `### ArrayOfValue5`, `### ArrayOf5`, `### CustomField1`) instead of its type.
/// The name is the member's type spelled in words: `ArrayOf` and `MapOf` wrap what follows,
/// `Str`/`Integer`/`Number`/`Boolean`/`Any` are the built-in types, and the rest is a model's
/// name, whose leading digits C# spells out (`5` is the doc `# Five`), and from which C# drops
/// the union's own name (`### Group` in `# FormFieldOption` is `FormFieldOptionGroup`,
/// `### Simple` is `SimpleFormFieldOption`).
enum CSharpMemberHeading {
    /// The type a heading names, or `nil` when the heading is not a plain name (then it is
    /// read as a type, as in the other languages).
    ///
    /// - Parameters:
    ///   - unionName: the name of the union whose member this is.
    ///   - isModel: whether a model of that name exists.
    static func parse(
        _ cell: TypeCell, unionName: String, isModel: (String) -> Bool
    ) -> Result<TypeExpressionParser.Unresolved, TypeExpressionParser.Failure>? {
        let heading = cell.source.trimmingSpaces
        guard !heading.isEmpty, heading.utf8.allSatisfy({ isIdentifierByte($0) }) else { return nil }
        return .success(type(
            named: Substring(heading), column: cell.source.utf8.count - heading.utf8.count, unionName: unionName, isModel: isModel))
    }

    /// Whether a heading is a case name that names no type: no built-in and no model's name
    /// (after `ArrayOf`/`MapOf`), as `### InApp` over `Steps.CreateInApp(/* values here */)`,
    /// whose example writes no type either. Such a member holds any JSON.
    static func namesNoType(_ cell: TypeCell, unionName: String, isModel: (String) -> Bool) -> Bool {
        guard case .success(var type)? = parse(cell, unionName: unionName, isModel: isModel) else { return false }
        while true {
            switch type {
            case .array(let inner), .map(let inner): type = inner
            case .named(let name, _): return !isModel(name)
            default: return false
            }
        }
    }

    private static func type(
        named name: Substring, column: Int, unionName: String, isModel: (String) -> Bool
    ) -> TypeExpressionParser.Unresolved {
        for (prefix, wrap) in [("ArrayOf", TypeExpressionParser.Unresolved.array), ("MapOf", TypeExpressionParser.Unresolved.map)]
        where name.hasPrefix(prefix) && name.count > prefix.count {
            return wrap(type(named: name.dropFirst(prefix.count), column: column + prefix.count, unionName: unionName, isModel: isModel))
        }
        if let primitive = FlavourVocabulary.csharpMemberNames[String(name)] { return .primitive(primitive) }
        let spelled = spellingOutLeadingNumber(name)
        let candidates = [spelled, unionName + spelled, spelled + unionName]
        return .named(candidates.first(where: isModel) ?? spelled, column: column)
    }

    /// `5` → `Five`, `25Value` → `TwentyFiveValue`: C# type names cannot start with a digit.
    static func spellingOutLeadingNumber(_ name: Substring) -> String {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), number < 1000 else { return String(name) }
        return words(number) + name.dropFirst(digits.count)
    }

    private static let units = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ]
    private static let tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]

    private static func words(_ number: Int) -> String {
        if number < 20 { return units[number] }
        if number < 100 { return tens[number / 10] + (number % 10 == 0 ? "" : units[number % 10]) }
        return units[number / 100] + "Hundred" + (number % 100 == 0 ? "" : words(number % 100))
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
