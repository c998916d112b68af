/// The small structured form of Swift source that translation builds and rendering prints:
/// lines, blank lines, doc comments, and blocks whose bodies are indented one level.
/// Not `indirect`: the nested cases hold arrays, which already box their elements, and an
/// indirect enum would allocate a box for every line as well.
enum SwiftCode: Equatable, Sendable {
    case line(String)
    case blank
    /// `///` lines; an empty string is an empty comment line.
    case docComment([String])
    /// `opening {` … body … `}`. An opening that ends in `[` or `(` gets no brace, and
    /// the closing says how the bracket closes (`])`).
    case block(String, [SwiftCode], closing: String = "}")
    /// `switch subject {` with its `case` lines at the switch's own indentation.
    case switchBlock(String, [SwiftCode])
    /// Several items in sequence, at the current indentation.
    case group([SwiftCode])
    /// A declaration with one parameter per line: `head(` … parameters … `)` then a body block.
    case parameterized(head: String, parameters: [String], body: [SwiftCode])
}

/// One generated Swift file.
struct SwiftFile: Equatable, Sendable {
    var headerComment: [String]
    var imports: [String]
    var declarations: [SwiftCode]
}

/// Prints `SwiftCode` with four-space indentation and `\n` line endings.
enum SwiftRenderer {
    static func render(_ file: SwiftFile) -> String {
        var output = Output()
        output.bytes.reserveCapacity(8192)
        for line in file.headerComment {
            output.append(line.isEmpty ? "//\n" : "// ")
            if !line.isEmpty {
                output.append(line)
                output.append("\n")
            }
        }
        if !file.headerComment.isEmpty { output.append("\n") }
        for module in file.imports {
            output.append("import ")
            output.append(module)
            output.append("\n")
        }
        for declaration in file.declarations {
            output.append("\n")
            render(declaration, depth: 0, into: &output)
        }
        return output.text
    }

    /// The text being printed, as UTF-8 bytes: appending bytes costs a fraction of String's
    /// `+=`, and the renderer appends a few pieces per line (it was a tenth of a whole run).
    private struct Output {
        var bytes: [UInt8] = []

        mutating func append(_ text: String) {
            // A native string's bytes are contiguous: one copy, not the generic sequence append.
            if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: text.utf8)
            }
        }

        /// Four spaces per level.
        mutating func indent(_ depth: Int) {
            let count = depth * 4
            if count <= Self.spaces.count {
                Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: $0[0..<count]) }
            } else {
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
            }
        }

        private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private static func render(_ code: SwiftCode, depth: Int, into output: inout Output) {
        switch code {
        case .line(let text):
            if !text.isEmpty {
                output.indent(depth)
                output.append(text)
            }
            output.append("\n")
        case .blank:
            output.append("\n")
        case .docComment(let lines):
            for line in lines {
                output.indent(depth)
                if line.isEmpty {
                    output.append("///\n")
                } else {
                    output.append("/// ")
                    output.append(line)
                    output.append("\n")
                }
            }
        case .block(let opening, let body, let closing):
            let bracketed = opening.hasSuffix("[") || opening.hasSuffix("(")
            output.indent(depth)
            output.append(opening)
            output.append(bracketed ? "\n" : " {\n")
            for item in body { render(item, depth: depth + 1, into: &output) }
            output.indent(depth)
            output.append(closing)
            output.append("\n")
        case .switchBlock(let subject, let cases):
            output.indent(depth)
            output.append("switch ")
            output.append(subject)
            output.append(" {\n")
            for item in cases { render(item, depth: depth, into: &output) }
            output.indent(depth)
            output.append("}\n")
        case .group(let items):
            for item in items { render(item, depth: depth, into: &output) }
        case .parameterized(let head, let parameters, let body):
            output.indent(depth)
            output.append(head)
            output.append("(\n")
            for (index, parameter) in parameters.enumerated() {
                output.indent(depth + 1)
                output.append(parameter)
                output.append(index < parameters.count - 1 ? ",\n" : "\n")
            }
            output.indent(depth)
            output.append(") {\n")
            for item in body { render(item, depth: depth + 1, into: &output) }
            output.indent(depth)
            output.append("}\n")
        }
    }
}
