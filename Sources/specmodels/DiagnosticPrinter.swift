import Foundation
import SpecModelsKit

/// Writes diagnostics to standard error in the compiler's `path:line:column: error: message` form.
enum DiagnosticPrinter {
    static func print(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted {
            printError(diagnostic.description)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
