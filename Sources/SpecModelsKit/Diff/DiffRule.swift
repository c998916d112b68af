/// The kinds of change the diff reports. The raw values are stable ids: ignore files,
/// JSON consumers and CI logs refer to them.
public enum DiffRule: String, Sendable, Hashable, CaseIterable, Codable {
    // Types
    case typeAdded = "type-added"
    case typeRemoved = "type-removed"
    case typeRenamed = "type-renamed"
    case typeKindChanged = "type-kind-changed"
    case typeSwiftNameChanged = "type-swift-name-changed"
    case typeDeprecated = "type-deprecated"
    case typeUndeprecated = "type-undeprecated"
    // Fields
    case fieldAddedOptional = "field-added-optional"
    case fieldAddedRequired = "field-added-required"
    case fieldRemoved = "field-removed"
    case fieldRenamed = "field-renamed"
    case fieldTypeChanged = "field-type-changed"
    case fieldBecameEnum = "field-became-enum"
    case fieldWrappedInUnion = "field-wrapped-in-union"
    case fieldUnwrappedFromUnion = "field-unwrapped-from-union"
    case fieldBecameRequired = "field-became-required"
    case fieldBecameOptional = "field-became-optional"
    case fieldBecameNullable = "field-became-nullable"
    case fieldBecameNonNullable = "field-became-non-nullable"
    case fieldWireKeyChanged = "field-wire-key-changed"
    case fieldDeprecated = "field-deprecated"
    case fieldUndeprecated = "field-undeprecated"
    case fieldsReordered = "fields-reordered"
    // Enums
    case enumValueAdded = "enum-value-added"
    case enumValueRemoved = "enum-value-removed"
    case enumValueRenamed = "enum-value-renamed"
    case enumRawTypeChanged = "enum-raw-type-changed"
    // Unions
    case unionMemberAdded = "union-member-added"
    case unionMemberRemoved = "union-member-removed"
    // Documentation
    case descriptionChanged = "description-changed"
    case exampleChanged = "example-changed"

    public var isDocumentation: Bool {
        self == .descriptionChanged || self == .exampleChanged
    }

    /// The severities when nothing about the particular change softens or hardens them:
    /// Swift source, then requests (old client → new server), then responses (new server →
    /// old client). `ChangeClassifier` documents the exceptions.
    public var baseline: (swift: DiffSeverity, request: DiffSeverity, response: DiffSeverity) {
        switch self {
        case .typeAdded: (.info, .info, .info)
        // References to a removed type are reported, with their wire effect, where they changed.
        case .typeRemoved: (.breaking, .info, .info)
        case .typeRenamed: (.breaking, .info, .info)
        case .typeKindChanged: (.breaking, .breaking, .breaking)
        case .typeSwiftNameChanged: (.breaking, .info, .info)
        case .typeDeprecated: (.warning, .info, .info)
        case .typeUndeprecated: (.info, .info, .info)
        case .fieldAddedOptional: (.info, .info, .info)
        case .fieldAddedRequired: (.breaking, .breaking, .info)
        case .fieldRemoved: (.breaking, .warning, .breaking)
        case .fieldRenamed: (.breaking, .warning, .warning)
        case .fieldTypeChanged: (.breaking, .breaking, .breaking)
        case .fieldBecameEnum: (.breaking, .warning, .info)
        case .fieldWrappedInUnion: (.breaking, .info, .breaking)
        case .fieldUnwrappedFromUnion: (.breaking, .breaking, .info)
        case .fieldBecameRequired: (.breaking, .breaking, .info)
        case .fieldBecameOptional: (.breaking, .info, .breaking)
        case .fieldBecameNullable: (.breaking, .info, .breaking)
        case .fieldBecameNonNullable: (.breaking, .breaking, .info)
        case .fieldWireKeyChanged: (.info, .breaking, .breaking)
        case .fieldDeprecated: (.warning, .info, .info)
        case .fieldUndeprecated: (.info, .info, .info)
        case .fieldsReordered: (.breaking, .info, .info)
        case .enumValueAdded: (.warning, .info, .warning)
        case .enumValueRemoved: (.breaking, .breaking, .info)
        case .enumValueRenamed: (.breaking, .breaking, .warning)
        case .enumRawTypeChanged: (.breaking, .breaking, .breaking)
        case .unionMemberAdded: (.warning, .info, .breaking)
        case .unionMemberRemoved: (.breaking, .breaking, .info)
        case .descriptionChanged, .exampleChanged: (.info, .info, .info)
        }
    }
}
