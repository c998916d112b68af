/// The small structured form of Swift source that translation builds and rendering prints:
/// lines, blank lines, doc comments, and blocks whose bodies are indented one level.
indirect enum SwiftCode: Equatable, Sendable {
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
        var output = ""
        output.reserveCapacity(4096)
        for line in file.headerComment {
            output += line.isEmpty ? "//\n" : "// \(line)\n"
        }
        if !file.headerComment.isEmpty { output += "\n" }
        for module in file.imports {
            output += "import \(module)\n"
        }
        for declaration in file.declarations {
            output += "\n"
            render(declaration, indentation: "", into: &output)
        }
        return output
    }

    static func render(_ code: [SwiftCode], indentation: String = "") -> String {
        var output = ""
        for item in code { render(item, indentation: indentation, into: &output) }
        return output
    }

    /// Appends piece by piece: interpolating each line first built and freed a temporary
    /// string per line (the renderer was a tenth of a whole run).
    private static func render(_ code: SwiftCode, indentation: String, into output: inout String) {
        switch code {
        case .line(let text):
            if !text.isEmpty {
                output += indentation
                output += text
            }
            output += "\n"
        case .blank:
            output += "\n"
        case .docComment(let lines):
            for line in lines {
                output += indentation
                if line.isEmpty {
                    output += "///\n"
                } else {
                    output += "/// "
                    output += line
                    output += "\n"
                }
            }
        case .block(let opening, let body, let closing):
            let bracketed = opening.hasSuffix("[") || opening.hasSuffix("(")
            output += indentation
            output += opening
            output += bracketed ? "\n" : " {\n"
            let inner = indentation + "    "
            for item in body { render(item, indentation: inner, into: &output) }
            output += indentation
            output += closing
            output += "\n"
        case .switchBlock(let subject, let cases):
            output += indentation
            output += "switch "
            output += subject
            output += " {\n"
            for item in cases { render(item, indentation: indentation, into: &output) }
            output += indentation
            output += "}\n"
        case .group(let items):
            for item in items { render(item, indentation: indentation, into: &output) }
        case .parameterized(let head, let parameters, let body):
            let inner = indentation + "    "
            output += indentation
            output += head
            output += "(\n"
            for (index, parameter) in parameters.enumerated() {
                output += inner
                output += parameter
                output += index < parameters.count - 1 ? ",\n" : "\n"
            }
            output += indentation
            output += ") {\n"
            for item in body { render(item, indentation: inner, into: &output) }
            output += indentation
            output += "}\n"
        }
    }
}
