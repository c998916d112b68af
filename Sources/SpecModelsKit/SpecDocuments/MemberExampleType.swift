/// The type of a union member whose `###` heading leaves it out (Go's and older Python's
/// empty headings), read from the member's example.
///
/// Speakeasy's example fills the member with a placeholder, `/* values here */`, written where
/// a value of the member's type goes, so the type stands next to it in every language that
/// writes one:
/// - a composite literal fills it: `CreateTagNamesArrayOfStr([]string{/* values here */})`
///   (the type is just before the brace);
/// - an assignment declares it: `loc: int = /* values here */`, `const value: T = …`
///   (after the name's `:`), `T $value = …` (before the name).
///
/// C#'s `Union.CreateInApp(/* values here */)` passes the placeholder as an argument and names
/// no type: there is none to read.
enum MemberExampleType {
    static let placeholder = "/* values here */"

    /// The type written at the placeholder, as a type cell placed where it stands in the
    /// file; `nil` when the example names none.
    static func cell(in example: Example) -> TypeCell? {
        let lines = example.code.split(separator: "\n", omittingEmptySubsequences: false)
        guard let lineIndex = lines.firstIndex(where: { $0.contains(placeholder) }) else { return nil }
        let line = Array(lines[lineIndex].utf8)
        guard let placeholderStart = firstIndex(of: Array(placeholder.utf8), in: line),
              let (start, end) = typeRange(before: placeholderStart, in: line)
        else { return nil }
        let spelling = String(decoding: line[start..<end], as: UTF8.self)
        // A fenced block's code starts on the line after its fence.
        let location = SourceLocation(
            file: example.location.file, line: example.location.line + 1 + lineIndex,
            column: example.location.column + start)
        let text = MarkdownNode(
            kind: .text, literal: spelling, startLine: 1, startColumn: 1, endLine: 1, endColumn: spelling.utf8.count)
        return TypeCell(inlines: [text], location: location, source: spelling)
    }

    /// The byte range of the type before the placeholder at `placeholder` in `line`.
    private static func typeRange(before placeholder: Int, in line: [UInt8]) -> (Int, Int)? {
        var end = placeholder
        while end > 0, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > 0 else { return nil }
        switch line[end - 1] {
        case UInt8(ascii: "{"):
            // `T{…}`: the type runs back from the brace to the call's `(` or a space.
            let typeEnd = end - 1
            var start = typeEnd
            while start > 0, isTypeByte(line[start - 1]) { start -= 1 }
            return start < typeEnd ? (start, typeEnd) : nil
        case UInt8(ascii: "="):
            // `name: T =` or `T name =`.
            let declaration = line[..<(end - 1)]
            let first = declaration.firstIndex { $0 != UInt8(ascii: " ") } ?? declaration.endIndex
            if let colon = declaration.firstIndex(of: UInt8(ascii: ":")) {
                return trimmed(colon + 1, declaration.endIndex, in: line)
            }
            guard let (start, last) = trimmed(first, declaration.endIndex, in: line),
                  let space = line[start..<last].lastIndex(of: UInt8(ascii: " "))
            else { return nil }
            return trimmed(start, space, in: line)
        default:
            return nil
        }
    }

    private static func trimmed(_ start: Int, _ end: Int, in line: [UInt8]) -> (Int, Int)? {
        var start = start
        var end = end
        while start < end, line[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return start < end ? (start, end) : nil
    }

    /// Bytes of a type as the SDK languages write it in code: names, `.`, `[]`, `*`.
    private static func isTypeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
