import Foundation
import SpecModelsKit
import Yams

/// Reads an Arazzo 1.x document (Speakeasy's generated contract tests, `tests.arazzo.yaml`)
/// into its steps: each step's operation, expected status, content type and response body.
///
/// Only what the steps say about responses is read. A file that is not an Arazzo document,
/// or whose workflows and steps are not shaped as the specification says, is reported at
/// its line and column.
public enum ArazzoDocument {
    public static func read(path: String, diagnostics: inout Diagnostics) -> [ContractStep] {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read the Arazzo file `\(path)`", at: nil)
            return []
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("not UTF-8 text: expected an Arazzo document in YAML", at: .start(of: path))
            return []
        }
        return parse(text, path: path, diagnostics: &diagnostics)
    }

    public static func parse(_ text: String, path: String, diagnostics: inout Diagnostics) -> [ContractStep] {
        var reader = StepReader(path: path, lines: text.split(separator: "\n", omittingEmptySubsequences: false))
        let steps = reader.read(text)
        diagnostics.append(contentsOf: reader.diagnostics)
        return steps
    }
}

private struct StepReader {
    let path: String
    /// The file's lines, to find the indentation of block scalars.
    let lines: [Substring]
    var diagnostics = Diagnostics()

    init(path: String, lines: [Substring]) {
        self.path = path
        self.lines = lines
    }

    mutating func read(_ text: String) -> [ContractStep] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (message, mark) = YAMLErrors.describe(error)
            diagnostics.error("\(message): expected an Arazzo document", at: mark.map(location) ?? .start(of: path))
            return []
        }
        guard let root, let document = root.mapping else {
            let what = root.map(kind) ?? "an empty file"
            diagnostics.error("not an Arazzo document: expected a mapping with `arazzo: 1.x` and `workflows`, found \(what)", at: root.map(location(of:)) ?? .start(of: path))
            return []
        }
        guard let version = document["arazzo"] else {
            diagnostics.error("not an Arazzo document: it has no `arazzo:` version key", at: location(of: root))
            return []
        }
        guard let versionText = version.scalar?.string, versionText.hasPrefix("1.") else {
            diagnostics.error("unsupported Arazzo version \(kind(of: version)): expected `1.x`", at: location(of: version))
            return []
        }
        guard let workflows = document["workflows"] else {
            diagnostics.error("the Arazzo document has no `workflows`", at: location(of: root))
            return []
        }
        guard let workflowList = sequence(workflows, named: "`workflows`") else { return [] }
        var steps: [ContractStep] = []
        for workflow in workflowList {
            steps += readWorkflow(workflow)
        }
        return steps
    }

    private mutating func readWorkflow(_ node: Node) -> [ContractStep] {
        guard let workflow = mapping(node, named: "a workflow") else { return [] }
        guard let workflowID = string(workflow["workflowId"], named: "`workflowId`", in: node),
              let stepNodes = workflow["steps"].flatMap({ sequence($0, named: "`steps`") })
        else {
            if workflow["steps"] == nil { diagnostics.error("a workflow without `steps`", at: location(of: node)) }
            return []
        }
        return stepNodes.compactMap { readStep($0, workflowID: workflowID) }
    }

    private mutating func readStep(_ node: Node, workflowID: String) -> ContractStep? {
        guard let step = mapping(node, named: "a step") else { return nil }
        guard let stepID = string(step["stepId"], named: "`stepId`", in: node) else { return nil }
        // A step that runs another workflow or names an operation by path has no operation id.
        guard let operationNode = step["operationId"] else { return nil }
        guard let operationID = string(operationNode, named: "`operationId`", in: node) else { return nil }
        var result = ContractStep(workflowID: workflowID, stepID: stepID, operationID: operationID, location: location(of: operationNode))
        guard let criteriaNode = step["successCriteria"], let criteria = sequence(criteriaNode, named: "`successCriteria`") else {
            return result
        }
        for criterionNode in criteria {
            guard let criterion = mapping(criterionNode, named: "a success criterion") else { continue }
            guard let conditionNode = criterion["condition"], let condition = string(conditionNode, named: "`condition`", in: criterionNode) else {
                continue
            }
            if let context = criterion["context"] {
                guard let contextText = string(context, named: "`context`", in: criterionNode) else { continue }
                // A body criterion of type `simple` (the default) holds the expected body itself.
                let type = criterion["type"]?.scalar?.string ?? "simple"
                if contextText == "$response.body" && type == "simple" {
                    result.body = ContractStep.Body(text: condition, placement: placement(of: conditionNode))
                }
                continue
            }
            readComparison(condition, into: &result)
        }
        return result
    }

    /// `$statusCode == 200` and `$response.header.Content-Type == application/json`.
    private func readComparison(_ condition: String, into step: inout ContractStep) {
        let parts = condition.components(separatedBy: " == ")
        guard parts.count == 2 else { return }
        let subject = parts[0].trimmingCharacters(in: .whitespaces)
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        if subject == "$statusCode" {
            step.status = value
        } else if subject.lowercased() == "$response.header.content-type" {
            step.contentType = value
        }
    }

    // MARK: Positions

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    private func location(of node: Node) -> SourceLocation {
        node.mark.map(location) ?? .start(of: path)
    }

    /// Where a scalar's text lies: a literal or folded block's content starts on the line
    /// after its `|` and is indented as its first non-blank line; other scalars start at
    /// their mark (after the opening quote, for quoted ones).
    private func placement(of node: Node) -> TextPlacement {
        let start = location(of: node)
        if let scalar = node.scalar, scalar.style == .literal || scalar.style == .folded {
            var line = start.line + 1
            while line <= lines.count, lines[line - 1].allSatisfy({ $0 == " " || $0 == "\r" }) { line += 1 }
            let indentation = line <= lines.count ? lines[line - 1].prefix { $0 == " " }.count : 0
            return TextPlacement(file: path, line: start.line + 1, column: indentation + 1, indentation: indentation)
        }
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        return TextPlacement(file: path, line: start.line, column: start.column + (quoted ? 1 : 0), indentation: nil)
    }

    // MARK: Nodes

    private func kind(of node: Node) -> String {
        if node.mapping != nil { return "a mapping" }
        if node.sequence != nil { return "a list" }
        guard let scalar = node.scalar else { return "an alias" }
        return "`\(scalar.string)`"
    }

    private mutating func mapping(_ node: Node, named name: String) -> Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        diagnostics.error("\(name) must be a mapping; found \(kind(of: node))", at: location(of: node))
        return nil
    }

    private mutating func sequence(_ node: Node, named name: String) -> Node.Sequence? {
        if let sequence = node.sequence { return sequence }
        diagnostics.error("\(name) must be a list; found \(kind(of: node))", at: location(of: node))
        return nil
    }

    private mutating func string(_ node: Node?, named name: String, in parent: Node) -> String? {
        guard let node else {
            diagnostics.error("missing \(name)", at: location(of: parent))
            return nil
        }
        guard let scalar = node.scalar else {
            diagnostics.error("\(name) must be a string; found \(kind(of: node))", at: location(of: node))
            return nil
        }
        return scalar.string
    }
}
