extension SwiftEmitter {
    /// `public typealias Status = JSONValue` for a doc without a shape, or whose section could
    /// not be read (`unknownTypes: jsonValue`), under the doc's text and a line saying why.
    static func render(_ alias: JSONValueAlias, named name: String, context: TranslationContext) -> [UInt8] {
        let reason = alias.isUnreadable
            ? "SpecModels could not read this type's section in the docs, so it holds any JSON."
            : "The docs give this type no `## Fields`, `## Values` or `## Supported Types`, so it holds any JSON."
        return renderFile(from: alias.relativePath) { writer in
            DocComment.write(description: alias.description, more: [[reason]], to: &writer)
            writer.line(context.access, "typealias ", name, " = JSONValue")
        }
    }
}
