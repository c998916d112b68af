/// One step of a contract test (an Arazzo workflow step): the operation it calls and the
/// response it expects. Reading the Arazzo YAML is `SpecModelsArazzo`'s job; this value needs
/// no YAML.
public struct ContractStep: Sendable {
    public var workflowID: String
    public var stepID: String
    public var operationID: String
    /// Where the step's `operationId` is.
    public var location: SourceLocation
    /// `200`, `201`, `default`…, from `$statusCode == N`; `nil` when the step states none.
    public var status: String?
    /// From `$response.header.Content-Type == …`.
    public var contentType: String?
    /// The expected response body, from the criterion whose context is `$response.body`.
    public var body: Body?

    public init(
        workflowID: String, stepID: String, operationID: String, location: SourceLocation,
        status: String? = nil, contentType: String? = nil, body: Body? = nil
    ) {
        self.workflowID = workflowID
        self.stepID = stepID
        self.operationID = operationID
        self.location = location
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// The text of a body and where each of its characters is in the file that holds it.
    public struct Body: Sendable {
        public var text: String
        public var placement: TextPlacement

        public init(text: String, placement: TextPlacement) {
            self.text = text
            self.placement = placement
        }
    }

    /// A 2xx status (`200`, `201`, `2XX`).
    public var isSuccess: Bool {
        guard let status, status.utf8.count == 3, status.first == "2" else { return false }
        return status.dropFirst().allSatisfy { $0.isNumber || $0 == "X" || $0 == "x" }
    }

    /// `application/json` or a `+json` media type (`application/vnd.dwolla.v1.hal+json`).
    public var isJSON: Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return mediaType == "application/json" || mediaType.hasSuffix("+json")
    }
}

/// Where a piece of text sits in a file: lines of the text map to lines of the file from
/// `line` on, each indented by `indentation` bytes (a YAML block scalar), or the text is one
/// run starting at `line`:`column` (a JSON file, a one-line YAML scalar).
public struct TextPlacement: Sendable, Equatable {
    public var file: String
    /// The file line of the text's first line.
    public var line: Int
    /// The file column of the text's first character.
    public var column: Int
    /// For block text: the file column of every line's first character is `indentation + 1`.
    public var indentation: Int?

    /// A whole file.
    public static func file(_ path: String) -> TextPlacement {
        TextPlacement(file: path, line: 1, column: 1, indentation: nil)
    }

    public init(file: String, line: Int, column: Int, indentation: Int?) {
        self.file = file
        self.line = line
        self.column = column
        self.indentation = indentation
    }

    /// The file location of a 1-based line and byte column of the text.
    public func location(line textLine: Int, column textColumn: Int) -> SourceLocation {
        if let indentation {
            return SourceLocation(file: file, line: line + textLine - 1, column: indentation + textColumn)
        }
        if textLine == 1 {
            return SourceLocation(file: file, line: line, column: column + textColumn - 1)
        }
        return SourceLocation(file: file, line: line + textLine - 1, column: textColumn)
    }
}
