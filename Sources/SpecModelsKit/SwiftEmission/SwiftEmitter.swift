/// Turns a type graph into Swift source files: one per model doc, named from the doc's
/// path so the set of outputs is known from the inputs alone, plus the support file.
public enum SwiftEmitter {
    public struct OutputFile: Equatable, Sendable {
        public var name: String
        /// The file's UTF-8 bytes, as they are written: emission writes bytes, so no run
        /// converts them to a String and back.
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        public init(name: String, contents: String) {
            self.init(name: name, bytes: Array(contents.utf8))
        }

        /// The file's text.
        public var contents: String { String(decoding: bytes, as: UTF8.self) }
    }

    public static func emit(_ graph: TypeGraph, options: EmissionOptions = EmissionOptions()) -> [OutputFile] {
        let graph = graph.applying(options.wire)
        let context = TranslationContext(graph: graph, options: options)
        var files: [OutputFile] = graph.models.filter(options.emits).concurrentMap { model in
            OutputFile(name: outputFileName(forSpecPath: model.relativePath), bytes: render(model, context: context))
        }
        for (alias, name) in zip(graph.jsonValueAliases, context.names.aliasNames) where options.emits(qualifiedName: alias.qualifiedName) {
            files.append(OutputFile(name: outputFileName(forSpecPath: alias.relativePath), bytes: render(alias, named: name, context: context)))
        }
        files.append(OutputFile(
            name: SupportLibrary.fileName,
            contents: SupportLibrary.source(access: options.accessModifier.rawValue)))
        return files
    }

    /// `models/operations/listinstallationsgroup.md` → `models.operations.listinstallationsgroup.swift`.
    ///
    /// Swift rejects two files with one name in a module, so the whole relative path goes
    /// into the name; characters that are awkward in file names become `_`.
    public static func outputFileName(forSpecPath path: String) -> String {
        if let name = asciiOutputFileName(forSpecPath: path) { return name }
        var stem = Substring(path)
        if stem.lowercased().hasSuffix(".md") { stem = stem.dropLast(3) }
        let sanitized = stem.split(separator: "/").map { component in
            String(component.map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
                    ? character : "_"
            })
        }
        return sanitized.joined(separator: ".") + ".swift"
    }

    /// `outputFileName` for ASCII paths, on bytes: the Character-by-Character version cost
    /// 7% of a run, called for every model by the name check and by `emit`.
    private static func asciiOutputFileName(forSpecPath path: String) -> String? {
        var bytes = Array(path.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if bytes.count >= 3, bytes[bytes.count - 3] == UInt8(ascii: "."),
           bytes[bytes.count - 2] | 0x20 == UInt8(ascii: "m"), bytes[bytes.count - 1] | 0x20 == UInt8(ascii: "d") {
            bytes.removeLast(3)
        }
        // Components are joined with `.`; empty ones (`a//b`, a leading or trailing `/`) are
        // dropped, as `split` does: a `/` only asks for a dot before the next component.
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 6)
        var startsComponent = false
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                startsComponent = !output.isEmpty
                continue
            }
            if startsComponent {
                output.append(UInt8(ascii: "."))
                startsComponent = false
            }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                output.append(byte)
            default:
                output.append(UInt8(ascii: "_"))
            }
        }
        output.append(contentsOf: ".swift".utf8)
        return String(decoding: output, as: UTF8.self)
    }

    static func render(_ model: ModelNode, context: TranslationContext) -> [UInt8] {
        renderFile(from: model.relativePath) { writer in
            switch model.shape {
            case .object(let properties):
                ObjectTranslator(context: context, model: model, properties: context.inheritingDeprecation(context.codingProperties(of: model, properties)))
                    .write(to: &writer)
            case .enumeration(let shape):
                EnumTranslator(context: context, model: model, shape: shape).write(to: &writer)
            case .union(let members):
                UnionTranslator(context: context, model: model, members: members).write(to: &writer)
            }
        }
    }

    /// A file of the declarations `declarations` writes, made from the doc at `relativePath`,
    /// under the header naming it.
    static func renderFile(from relativePath: String, declarations: (inout SwiftWriter) -> Void) -> [UInt8] {
        var writer = SwiftWriter()
        writer.line("// Generated by SpecModels from ", relativePath, ". Do not edit:")
        writer.line("// change the spec and run `specmodels generate` instead.")
        writer.blank()
        writer.line("import Foundation")
        writer.blank()
        declarations(&writer)
        return writer.bytes
    }
}
