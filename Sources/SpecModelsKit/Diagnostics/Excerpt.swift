extension String {
    /// The text as a diagnostic quotes it: on one line, and shortened in the middle when long,
    /// so that a 100 KB cell or a runaway heading does not flood the terminal.
    var excerpt: String {
        excerpt(limit: 80)
    }

    func excerpt(limit: Int) -> String {
        var line = ""
        line.reserveCapacity(Swift.min(utf8.count, limit * 4))
        var count = 0
        for character in self {
            line.append(character.isNewline ? " " : character)
            count += 1
            if count > limit { break }
        }
        guard count > limit else { return line }
        let characters = Array(self)
        let keep = (limit - 1) / 2
        let head = String(characters[..<keep]).map { $0.isNewline ? " " : $0 }
        let tail = String(characters[(characters.count - keep)...]).map { $0.isNewline ? " " : $0 }
        return String(head) + "…" + String(tail)
    }
}
