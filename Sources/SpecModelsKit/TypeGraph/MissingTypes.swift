/// What a reference to a type the spec does not have becomes: a link to a doc that is not in
/// the spec, or an unknown `ns.Name`. Published doc sets do name docs that were never published.
public enum MissingTypes: String, Sendable, CaseIterable {
    /// An error at each reference: nothing is generated (the default).
    case error
    /// `JSONValue` (`TypeExpression.any`), with a warning at each reference. A union member that
    /// is missing keeps its own case, decoded only when no other member fits.
    case jsonValue

    /// The note the warning at a missing reference ends with.
    static let jsonValueNote = "it becomes `JSONValue` until the doc is added (missingTypes: jsonValue)"
}
