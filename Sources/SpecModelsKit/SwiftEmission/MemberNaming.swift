/// The Swift names of a model's members, in one place, so the translators and the diff's
/// view of the generated API cannot drift apart.
enum MemberNaming {
    /// The property names of an object, in field order: lowerCamelCase (or the configured
    /// name), unique within the type, and never the type's own name (a member cannot share it).
    static func propertyNames(of properties: [Property], typeName: String, customNames: [String?] = []) -> [String] {
        var taken = UniqueNames()
        return properties.enumerated().map { position, property in
            let custom = position < customNames.count ? customNames[position] : nil
            var name = taken.claim(custom ?? SwiftNaming.memberName(property.name))
            if name == typeName { name = taken.claim(name + "Value") }
            return name
        }
    }

    /// The case of an open enum that holds values the spec does not list.
    static let unrecognizedCase = "unrecognized"

    /// The case names of an enum, in value order: from the Name column when the values
    /// table has one, otherwise from the values.
    static func caseNames(of values: [EnumValue]) -> [String] {
        var taken = UniqueNames(reserving: [unrecognizedCase])
        return values.map { value in
            let spelling: String
            switch value.value {
            case .string(let string):
                spelling = string
            case .integer(let integer):
                spelling = "value\(integer < 0 ? "Minus" : "")\(abs(integer))"
            case .number(let number):
                spelling = "value " + (number.hasPrefix("-") ? "minus " + number.dropFirst() : number)
            }
            var base = SwiftNaming.memberName(value.name ?? spelling)
            // `.none` would read as `Optional.none` wherever the enum is optional.
            if base == "none" { base = "none_" }
            return taken.claim(base)
        }
    }
}
