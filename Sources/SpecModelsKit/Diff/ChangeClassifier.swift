/// What the classifier knows about one change beyond its rule.
struct ChangeFacts {
    /// The generated Swift reads the same before and after: the same type name, member name,
    /// case name or property type, so no caller notices.
    var swiftUnchanged = false
    /// A new required field whose generated `init` parameter has a default (a literal type).
    var hasInitDefault = false
    /// For fields: required before, and after.
    var oldRequired = false
    var newRequired = false
    /// The JSON is the same: only a name changed (an enum's Name column), or a field now
    /// refers to another model with the same JSON shape.
    var wireUnchanged = false
    /// The new (old) type is `any`: every JSON value decodes as it.
    var newAcceptsAnything = false
    var oldAcceptsAnything = false
}

/// Decides the severity of a change on each axis: the rule's baseline, adjusted by facts.
///
/// Swift source: code written against the old generated API must still compile. Wire:
/// an old generated client talks to a server on the new spec. Requests are what the old
/// client encodes and the new server must accept; responses what the new server sends and
/// the old client must decode. Generated enums are open (`unrecognized(_:)`), so a value
/// they do not know decodes without error; unions are closed.
enum ChangeClassifier {
    static func classify(_ rule: DiffRule, _ facts: ChangeFacts = ChangeFacts())
        -> (swift: DiffSeverity, request: DiffSeverity, response: DiffSeverity) {
        var (swift, request, response) = rule.baseline
        switch rule {
        case .typeRenamed, .fieldRenamed, .fieldTypeChanged, .enumValueRenamed, .fieldBecameOptional:
            if facts.swiftUnchanged { swift = .info }
        case .fieldAddedRequired:
            if facts.hasInitDefault { swift = .info }
        default:
            break
        }
        switch rule {
        case .fieldRemoved:
            // Old decoders need a key that was required; an optional one they do without.
            response = facts.oldRequired ? .breaking : .info
        case .fieldRenamed:
            // The old key is gone and the new one is unknown to old code, unless the wire
            // key stayed (`wireKeys: snake_case`: `ownerName` → `owner_name` is `owner_name`).
            request = facts.newRequired ? .breaking : .warning
            response = facts.oldRequired ? .breaking : .warning
            if facts.wireUnchanged {
                request = .info
                response = .info
            }
        case .fieldTypeChanged:
            if facts.newAcceptsAnything { request = .info }
            if facts.oldAcceptsAnything { response = .info }
            if facts.wireUnchanged {
                request = .info
                response = .info
            }
        case .fieldBecameNullable:
            // Old decoders of an optional field read `null` as an absent key.
            if !facts.newRequired { response = .info }
        case .enumValueRenamed:
            if facts.wireUnchanged {
                request = .info
                response = .info
            }
        default:
            break
        }
        return (swift, request, response)
    }
}
