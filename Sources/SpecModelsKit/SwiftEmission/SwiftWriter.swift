/// Generated Swift source as it is written: UTF-8 bytes, four spaces per level of indentation,
/// `\n` line endings.
///
/// The translators write each line as its pieces (`line(access, "var ", name, ": ", type)`)
/// straight into one buffer per file: no interpolated String per line and no tree of lines
/// to build, print and free, which together were most of emitting a model.
///
/// The writer owns its buffer (so it cannot be copied): a piece is one copy into place, where
/// Array's `append(contentsOf:)` cost about 70 instructions a piece, over half a million pieces
/// for a large spec.
struct SwiftWriter: ~Copyable {
    /// The source written so far is `buffer[..<length]`; the rest is room to write into.
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var length = 0
    /// The current level of indentation.
    private var depth = 0

    init(capacity: Int = 8192) {
        buffer = .allocate(capacity: max(capacity, 1))
    }

    deinit {
        buffer.deallocate()
    }

    /// The source written so far, as it goes to its file.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(rebasing: buffer[..<length])) }

    /// The source written so far.
    var text: String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
    }

    /// One line of the pieces joined, at the current indentation; an empty line has no indentation.
    mutating func line(_ pieces: String...) {
        indent()
        let start = length
        for piece in pieces { append(piece) }
        if length == start { length -= depth * 4 }
        newline()
    }

    /// A line written in parts: `startLine` indents and writes pieces, `write` adds pieces,
    /// `endLine` adds the last pieces and ends it.
    mutating func startLine(_ pieces: String...) {
        indent()
        for piece in pieces { append(piece) }
    }

    mutating func write(_ pieces: String...) {
        for piece in pieces { append(piece) }
    }

    mutating func endLine(_ pieces: String...) {
        for piece in pieces { append(piece) }
        newline()
    }

    mutating func blank() {
        newline()
    }

    /// `///` lines; an empty string is an empty comment line.
    mutating func docComment(_ lines: [String]) {
        for line in lines {
            indent()
            if line.isEmpty {
                append("///\n")
            } else {
                append("/// ")
                append(line)
                newline()
            }
        }
    }

    /// One `///` line of the pieces joined.
    mutating func docLine(_ pieces: String...) {
        indent()
        if pieces.allSatisfy(\.isEmpty) {
            append("///\n")
        } else {
            append("/// ")
            for piece in pieces { append(piece) }
            newline()
        }
    }

    /// `opening {` … body, one level deeper … `}`. An opening that ends in `[` or `(` gets no
    /// brace, and `closing` says how the bracket closes (`])`). A closure's `parameters` follow
    /// the brace: `opening { decoder in`.
    mutating func block(
        _ opening: String..., parameters: String? = nil, closing: String = "}", body: (inout SwiftWriter) -> Void
    ) {
        indent()
        for piece in opening { append(piece) }
        let bracketed = opening.last { !$0.isEmpty }.map { $0.hasSuffix("[") || $0.hasSuffix("(") } ?? false
        if let parameters {
            append(" { ")
            append(parameters)
            append(" in\n")
        } else {
            append(bracketed ? "\n" : " {\n")
        }
        indented(body)
        indent()
        append(closing)
        newline()
    }

    /// `switch subject {`, its `case` lines at the switch's own indentation, `}`.
    mutating func switchBlock(_ subject: String, cases: (inout SwiftWriter) -> Void) {
        indent()
        append("switch ")
        append(subject)
        append(" {\n")
        cases(&self)
        indent()
        append("}\n")
    }

    /// A declaration with one parameter per line: `head(` … parameters (each written with
    /// `parameter`) … `) {` … body … `}`.
    mutating func parameterized(
        _ head: String..., parameters: (inout SwiftWriter) -> Void, body: (inout SwiftWriter) -> Void
    ) {
        indent()
        for piece in head { append(piece) }
        append("(\n")
        indented(parameters)
        // Every parameter line ends in `,`: the last one's goes.
        if length >= 2, buffer[length - 2] == UInt8(ascii: ",") {
            buffer[length - 2] = buffer[length - 1]
            length -= 1
        }
        indent()
        append(") {\n")
        indented(body)
        indent()
        append("}\n")
    }

    /// One parameter of `parameterized`, its pieces joined.
    mutating func parameter(_ pieces: String...) {
        indent()
        for piece in pieces { append(piece) }
        append(",\n")
    }

    private mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    // MARK: Bytes

    private mutating func indent() {
        var count = depth * 4
        while count > 0 {
            let run = min(count, Self.spaces.count)
            Self.spaces.withUnsafeBytes { append(UnsafeRawBufferPointer(rebasing: $0[..<run])) }
            count -= run
        }
    }

    private mutating func append(_ text: String) {
        // A native string's bytes are contiguous: one copy.
        if text.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) == nil {
            Array(text.utf8).withUnsafeBytes { append($0) }
        }
    }

    private mutating func newline() {
        reserve(1)
        buffer[length] = UInt8(ascii: "\n")
        length += 1
    }

    private mutating func append(_ source: UnsafeRawBufferPointer) {
        guard let bytes = source.baseAddress else { return }
        reserve(source.count)
        UnsafeMutableRawPointer(buffer.baseAddress! + length).copyMemory(from: bytes, byteCount: source.count)
        length += source.count
    }

    /// Makes room for `count` more bytes, at least doubling the buffer when it grows.
    private mutating func reserve(_ count: Int) {
        let needed = length + count
        guard needed > buffer.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(needed, buffer.count * 2))
        UnsafeMutableRawPointer(grown.baseAddress!).copyMemory(from: buffer.baseAddress!, byteCount: length)
        buffer.deallocate()
        buffer = grown
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
}
