/// Where Speakeasy's `models/` folder is in a spec, so that its links and names mean the same
/// whatever the spec folder is called.
///
/// Speakeasy writes its docs into a folder named `models`: flat docs directly in it
/// (`models/x.md`, linked as `../models/x.md`, named `*models.X*`) and namespaced docs one
/// folder down (`models/ns/x.md`, linked as `../../models/ns/x.md`, named `*ns.X*`). A spec
/// folder that holds a folder named `models` keeps it there; any other spec folder *is* the
/// models folder, whatever its real name (`spec/`, `docs/models/`, `Sources/App/spec/`).
///
/// Links are resolved on *link paths*: paths from the folder that holds `models/`, which is
/// the spec folder itself or, when the spec folder is the models folder, a folder above it
/// that nothing reads. No link depends on the names of the folders above the spec.
///
/// The folder's name is matched ignoring case: Speakeasy's C# docs live in `Models/` and link
/// as `../../Models/Components/x.md`.
public struct ModelsFolder: Sendable, Equatable {
    /// The name Speakeasy gives the folder, in its links and in `*models.X*`.
    public static let name = "models"

    /// Whether the spec folder is the models folder itself (it holds no folder named `models`).
    public let isSpecFolder: Bool

    public init(isSpecFolder: Bool) {
        self.isSpecFolder = isSpecFolder
    }

    /// The layout of a spec with these docs (paths relative to the spec folder): a folder named
    /// `models` at the top holding docs is the models folder, otherwise the spec folder is.
    public init<Paths: Sequence<String>>(relativePaths: Paths) {
        isSpecFolder = !relativePaths.contains { Self.startsWithModelsFolder($0) }
    }

    /// Whether a path starts with `models/`, in any case.
    private static func startsWithModelsFolder(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.count > prefix.utf8.count else { return false }
        return zip(bytes, prefix.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// `models/`: the start of a link path inside the models folder.
    private static let prefix = name + "/"

    /// The doc's path as Speakeasy's links see it: `ns/x.md` → `models/ns/x.md` when the spec
    /// folder is the models folder; unchanged otherwise.
    public func linkPath(ofRelativePath path: String) -> String {
        isSpecFolder ? Self.prefix + path : path
    }

    /// The path relative to the spec folder of a link path, or `nil` when it is outside the spec.
    public func relativePath(ofLinkPath path: String) -> String? {
        guard isSpecFolder else { return path }
        guard Self.startsWithModelsFolder(path) else { return nil }
        return String(path.dropFirst(Self.prefix.count))
    }

    /// The namespace of a doc: the name of the folder that holds it, `models` for a doc at the
    /// top of the models folder (`*models.X*`), "" for a doc beside a `models/` folder.
    public func namespace(ofRelativePath path: String) -> String {
        let components = linkPath(ofRelativePath: path).utf8.split(separator: UInt8(ascii: "/"))
        return components.count >= 2 ? String(Substring(components[components.count - 2])) : ""
    }
}
