import Yams

/// What went wrong in a YAML file, and where, from a Yams error: for `specmodels.yml` and
/// for Arazzo documents.
enum YAMLErrors {
    /// The problem and position of a Yams error, for both Yams 5 and 6.
    static func describe(_ error: Error) -> (String, Mark?) {
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return ("invalid YAML: \(problem)", mark)
            default:
                break
            }
        }
        let firstLine = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        return ("invalid YAML: \(firstLine)", findMark(in: error, depth: 0))
    }

    /// Finds the position inside errors that newer Yams versions add (duplicate keys).
    private static func findMark(in value: Any, depth: Int) -> Mark? {
        if let mark = value as? Mark { return mark }
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let mark = findMark(in: child.value, depth: depth + 1) { return mark }
        }
        return nil
    }
}
