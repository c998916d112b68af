/// How much a change matters on one axis.
public enum DiffSeverity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case breaking

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .breaking: 2
        }
    }

    public static func < (lhs: DiffSeverity, rhs: DiffSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// Which JSON traffic the wire axis is judged for: requests the old generated code encodes
/// and a server on the new spec decodes, responses a server on the new spec encodes and
/// the old generated code decodes, or the stricter of the two.
public enum WireDirection: String, Sendable, Hashable, CaseIterable, Codable {
    case both
    case request
    case response
}

/// One change between two versions of a spec, reported once, at the type that owns it.
public struct SpecChange: Sendable, Hashable {
    public var rule: DiffRule
    /// The owning type as the docs spell it (`operations.Connection`): its new name, or its
    /// old name when it was removed.
    public var typeName: String
    /// The field's JSON name, the enum value or the union member concerned; `nil` for the type itself.
    public var member: String?
    public var message: String
    /// The old and the new spelling of what changed (a type, a name, a value), when there is one.
    public var before: String?
    public var after: String?
    /// Why a rename was inferred.
    public var evidence: [String]
    /// Where the change is in the old and in the new spec.
    public var oldLocation: SourceLocation?
    public var newLocation: SourceLocation?
    /// The owning type's heading in the new spec (or the old one when it was removed), for
    /// changes that have no line of their own on a side.
    public var typeLocation: SourceLocation
    /// Does code written against the old generated API still compile?
    public var swift: DiffSeverity
    /// Does an old generated client still talk to a server on the new spec?
    public var request: DiffSeverity
    public var response: DiffSeverity

    /// `Type` or `Type.member`: what an ignore file names.
    public var path: String { member.map { "\(typeName).\($0)" } ?? typeName }

    public func wire(_ direction: WireDirection) -> DiffSeverity {
        switch direction {
        case .both: max(request, response)
        case .request: request
        case .response: response
        }
    }

    /// The stricter of the two axes.
    public func severity(_ direction: WireDirection) -> DiffSeverity {
        max(swift, wire(direction))
    }

    /// Descriptions and examples: counted, and listed only on request.
    public var isDocumentation: Bool { rule.isDocumentation }

    /// A short id that stays the same while the change stays the same: it hashes the rule, the
    /// path and the before/after spellings, not line numbers, so it survives unrelated edits.
    public var fingerprint: String {
        Fingerprint.hex([rule.rawValue, path, before ?? "", after ?? ""])
    }
}

/// FNV-1a, 64 bits: stable across platforms and runs, unlike `Hasher`.
enum Fingerprint {
    static func hex(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 {
                hash ^= 0x1F
                hash = hash &* 0x0000_0100_0000_01B3
            }
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let text = String(hash, radix: 16)
        return String(String(repeating: "0", count: 16 - text.count) + text).prefix(12).description
    }
}
