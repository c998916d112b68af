import Foundation

/// The fields a model doc's own example shows as `null`: the docs spell a required
/// `string | null` as `*string*` ✔, so its example is the only place the null shows.
enum ExampleNulls {
    /// The documented names whose value is `null` at the top level of one of the examples.
    /// Examples that are not data (placeholders, syntax the converter rejects) say nothing.
    static func fieldNames(in examples: [Example]) -> Set<String> {
        var names: Set<String> = []
        // Most examples hold no `null`: those are not parsed at all.
        for example in examples where example.code.contains("null") {
            guard let converted = try? TypeScriptExample.parse(example.code),
                  let object = try? JSONSerialization.jsonObject(with: converted.json) as? [String: Any] else { continue }
            for (key, value) in object where value is NSNull {
                names.insert(key)
            }
        }
        return names
    }
}
