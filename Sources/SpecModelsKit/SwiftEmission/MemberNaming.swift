/// The Swift names of a model's members, in one place, so the translators and the diff's
/// view of the generated API cannot drift apart.
enum MemberNaming {
    /// The property names of an object, in field order: lowerCamelCase (or the configured
    /// name), unique within the type, and never the type's own name (a member cannot share it).
    static func propertyNames(of properties: [Property], typeName: String, customNames: [String?] = []) -> [String] {
        var taken = UniqueNames(capacity: properties.count)
        // By position: `enumerated()` would copy every property to read its name.
        return properties.indices.map { position in
            let custom = position < customNames.count ? customNames[position] : nil
            var name = taken.claim(custom ?? SwiftNaming.memberName(properties[position].name))
            if name == typeName { name = taken.claim(name + "Value") }
            return name
        }
    }

    /// The case of an open enum that holds values the spec does not list.
    static let unrecognizedCase = "unrecognized"

    /// The case names of an enum, in value order, the same from every SDK language's docs.
    ///
    /// A string value names its case (`manual` → `.manual`, `*` → `.asterisk`), whatever the
    /// Name column says (Java `MANUAL`, C# `Manual`, Go `ActivityEnumManual`). A number has no
    /// readable name of its own, so the Name column names its case, without the enum's name in
    /// front as Go writes it (`DefaultSubtitleForcedPreferForced` → `.preferForced`); without a
    /// name it is `value1`.
    static func caseNames(of values: [EnumValue], enumName: String) -> [String] {
        var taken = UniqueNames(reserving: [unrecognizedCase])
        // Only numbers take their names from the Name column.
        let columnNames = values.map { value -> String? in
            if case .string = value.value { return nil }
            return value.name
        }
        let names = namesWithoutEnumPrefix(columnNames, enumName: enumName)
        return zip(values, names).map { value, name in
            let spelling: String
            switch value.value {
            case .string(let string):
                spelling = SwiftNaming.hasWords(string) ? string : symbolNames(string)
            case .integer(let integer):
                spelling = name ?? "value\(integer < 0 ? "Minus" : "")\(abs(integer))"
            case .number(let number):
                spelling = name ?? "value " + (number.hasPrefix("-") ? "minus " + number.dropFirst() : number)
            }
            var base = SwiftNaming.memberName(spelling)
            // `.none` would read as `Optional.none` wherever the enum is optional.
            if base == "none" { base = "none_" }
            return taken.claim(base)
        }
    }

    /// A value of symbols alone, by the Unicode names of its characters (`*` → `ASTERISK`,
    /// `<=` → `LESS-THAN SIGN EQUALS SIGN`); "" for the empty string.
    static func symbolNames(_ value: String) -> String {
        value.unicodeScalars.map { $0.properties.name ?? "u\(String($0.value, radix: 16))" }.joined(separator: " ")
    }

    /// The Name column's names without the words of the enum's name while every name starts
    /// with them and goes on after them: Go's `ActivityEnumAll` of `ActivityEnum` is `All`.
    /// Repeated, so that a name that already began with the enum's name in other languages'
    /// docs (`LevelLow` of `Level`, which Go writes `LevelLevelLow`) ends up the same.
    static func namesWithoutEnumPrefix(_ names: [String?], enumName: String) -> [String?] {
        let prefix = NameWords.split(enumName).map { $0.lowercased() }
        guard !prefix.isEmpty, names.contains(where: { $0 != nil }) else { return names }
        var words = names.map { $0.map { NameWords.split($0).map(String.init) } }
        while words.allSatisfy({ name in
            guard let name else { return true }
            return name.count > prefix.count && zip(name, prefix).allSatisfy { $0.lowercased() == $1 }
        }) {
            words = words.map { $0.map { Array($0.dropFirst(prefix.count)) } }
        }
        return words.map { $0?.joined(separator: " ") }
    }
}
