import XCTest
@testable import SpecModelsKit

/// Speakeasy's Python docs label dates and timestamps the other way round from Python's
/// types: `[date](…#date-objects)` marks a timestamp (OpenAPI `date-time`) and
/// `[datetime](…#datetime-objects)` a calendar date. The Go, Java, C# and TypeScript docs of
/// the same APIs, their examples and their field names agree on it (CrossFlavourTests).
final class PythonDatesTests: XCTestCase {
    func testDateIsATimestampAndDatetimeADate() throws {
        let doc = """
            # Event

            ## Fields

            | Field | Type | Required | Description | Example |
            | --- | --- | --- | --- | --- |
            | `created_at` | [date](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_check_mark: | When it happened. | 2024-01-01T00:00:00.000Z |
            | `birthday` | [datetime](https://docs.python.org/3/library/datetime.html#datetime-objects) | :heavy_minus_sign: | Date (YYYY-MM-DD format) | 2025-01-01 |
            | `name` | *Optional[str]* | :heavy_minus_sign: | N/A | |
            """
        var diagnostics = Diagnostics()
        let graph = Generator.buildGraph(
            from: [SpecSource.File(relativePath: "event.md", displayPath: "event.md", bytes: Array(doc.utf8))],
            diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(graph.flavour, .python)
        guard case .object(let fields) = try XCTUnwrap(graph.models.first).shape else { return XCTFail("expected an object") }
        XCTAssertEqual(fields.map(\.type), [.dateTime, .date, .string])
    }
}
