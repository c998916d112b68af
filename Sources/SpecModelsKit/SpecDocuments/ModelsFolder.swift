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
///
/// Older SDKs keep the folder deeper (`docs/sdk/models/`, `docs/pkg/models/`) and link from
/// `models/shared/y.md` as `../../../sdk/models/shared/x.md`: the link climbs above the folder
/// that holds `models/` and comes back down through `models/`. Such a link names the doc below
/// the models folder, whatever the folders above are called (see `linkPath(from:following:)`).
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

    /// The models folders deeper in a folder of docs that has none at its top, such as a
    /// repository (`docs/models`, `docs/sdk/models`, or one per SDK of a repository holding
    /// several): on each path, the first folder below the top named `models` (in any case) that
    /// holds a doc other than a `README.md` (Speakeasy's page of operations in `docs/sdks/models/`
    /// for an API resource called "models"). Sorted; empty when there is none.
    public static func nestedFolders<Paths: Sequence<String>>(in relativePaths: Paths) -> [String] {
        var folders: Set<String> = []
        for path in relativePaths {
            if let folder = nestedFolder(in: path) { folders.insert(folder) }
        }
        return folders.sorted()
    }

    /// The nested models folder on one path (see `nestedFolders(in:)`).
    private static func nestedFolder(in path: String) -> String? {
        if path.utf8.allSatisfy({ $0 < 0x80 }) { return nestedFolder(inASCII: path) }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 3, components.last?.lowercased() != "readme.md" else { return nil }
        guard let index = components.dropFirst().dropLast().firstIndex(where: { isModelsFolderName($0.utf8) }) else { return nil }
        return components[...index].joined(separator: "/")
    }

    /// `nestedFolder(in:)` on the bytes of an ASCII path, which are its characters: splitting
    /// every path of a spec into `Substring`s was 2% of generating Kong's 4,370 docs.
    private static func nestedFolder(inASCII path: String) -> String? {
        let bytes = path.utf8
        let slashes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }
        guard slashes.count >= 2 else { return nil }
        let last = bytes[bytes.index(after: slashes[slashes.count - 1])...]
        if last.elementsEqual("readme.md".utf8, by: { $0.asciiLowercased == $1 }) { return nil }
        for (start, end) in zip(slashes, slashes.dropFirst()) where isModelsFolderName(bytes[bytes.index(after: start)..<end]) {
            return String(path[..<end])
        }
        return nil
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

    /// The link path a relative link leads to from a doc whose link path's folders are `base`,
    /// or `nil` when it leads out of the spec.
    ///
    /// A link may climb above the folder that holds `models/` when it comes back down as many
    /// folders and then into `models/` (`../../../sdk/models/shared/x.md` from `models/shared/`):
    /// it re-enters through the models folder's own name, so it means `models/shared/x.md`. The
    /// names of the folders it passes above are not checked: they are outside the spec, and a
    /// copy of the docs elsewhere keeps its links.
    public func linkPath(from base: [String], following path: Substring) -> String? {
        // Read from a byte buffer into one: a `String` per component, or even `Substring`'s
        // UTF-8 view, was most of resolving a link (3% of generating Kong's 4,370 docs).
        var path = path
        return path.withUTF8 { bytes in
            var linkPath = LinkPathBuffer(base)
            /// How far above the holding folder the link has climbed, and how far it has come back.
            var above = 0
            var returned = 0
            for component in bytes.split(separator: UInt8(ascii: "/")) {
                if component.elementsEqual(".".utf8) { continue }
                if component.elementsEqual("..".utf8) {
                    if returned > 0 {
                        returned -= 1
                    } else if above > 0 || linkPath.isEmpty {
                        above += 1
                    } else {
                        linkPath.removeLast()
                    }
                } else if returned < above {
                    returned += 1
                } else if above > 0 {
                    // Back at the folder that holds `models/`: only `models/` itself leads into the spec.
                    guard Self.isModelsFolderName(component) else { return nil }
                    above = 0
                    returned = 0
                    linkPath = LinkPathBuffer([Self.name])
                } else {
                    linkPath.append(component)
                }
            }
            guard above == 0 else { return nil }
            return linkPath.path
        }
    }

    /// Path components joined by `/`, as bytes.
    private struct LinkPathBuffer {
        private var bytes: [UInt8] = []
        /// Where each component starts in `bytes`.
        private var starts: [Int] = []

        init(_ components: [String]) {
            for var component in components { component.withUTF8 { append($0) } }
        }

        var isEmpty: Bool { starts.isEmpty }
        var path: String { String(decoding: bytes, as: UTF8.self) }

        mutating func append<Component: Collection<UInt8>>(_ component: Component) {
            if !starts.isEmpty { bytes.append(UInt8(ascii: "/")) }
            starts.append(bytes.count)
            bytes.append(contentsOf: component)
        }

        mutating func removeLast() {
            let start = starts.removeLast()
            bytes.removeSubrange((starts.isEmpty ? start : start - 1)...)
        }
    }

    /// Whether a path component is `models`, in any case.
    private static func isModelsFolderName<Bytes: Collection<UInt8>>(_ component: Bytes) -> Bool {
        component.count == name.utf8.count && zip(component, name.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// The path relative to the spec folder of a link path, or `nil` when it is outside the spec.
    public func relativePath(ofLinkPath path: String) -> String? {
        guard isSpecFolder else { return path }
        guard Self.startsWithModelsFolder(path) else { return nil }
        // The prefix is ASCII: on bytes, unless what follows it could join its `/` in one Character.
        let rest = path.utf8.dropFirst(Self.prefix.utf8.count)
        if rest.first.map({ $0 < 0x80 }) ?? true, let sliced = String(rest) { return sliced }
        return String(path.dropFirst(Self.prefix.count))
    }

    /// The namespace of a doc: the name of the folder that holds it, `models` for a doc at the
    /// top of the models folder (`*models.X*`), "" for a doc beside a `models/` folder.
    public func namespace(ofRelativePath path: String) -> String {
        // The second of the path's non-empty components counted from the end, found by a
        // backward scan of its bytes (splitting every path was 2% of reading the docs).
        var linkPath = linkPath(ofRelativePath: path)
        return linkPath.withUTF8 { bytes in
            var seen = 0
            var end = bytes.count
            for index in stride(from: bytes.count, through: 0, by: -1) where index == 0 || bytes[index - 1] == UInt8(ascii: "/") {
                if index < end {
                    seen += 1
                    if seen == 2 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) }
                }
                end = index - 1
            }
            return ""
        }
    }
}
