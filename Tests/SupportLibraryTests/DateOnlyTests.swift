import Foundation
import XCTest
import SpecModelsSupport

private struct Holder: Codable, Equatable {
    var day: DateOnly
    var days: [DateOnly]?
}

final class DateOnlyTests: XCTestCase {
    func testRoundTrip() throws {
        let holder = try decode(Holder.self, #"{"day": "2024-02-29", "days": ["0005-01-01", "9999-12-31", "2000-02-29"]}"#)
        XCTAssertEqual(holder.day.year, 2024)
        XCTAssertEqual(holder.day.month, 2)
        XCTAssertEqual(holder.day.day, 29)
        XCTAssertEqual(holder.days?.map(\.description), ["0005-01-01", "9999-12-31", "2000-02-29"])
        let encoded = try encodeString(holder)
        XCTAssertEqual(encoded, #"{"day":"2024-02-29","days":["0005-01-01","9999-12-31","2000-02-29"]}"#)
        XCTAssertEqual(try decode(Holder.self, encoded), holder)
        // Independent of date strategies.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        XCTAssertEqual(try decode(Holder.self, encoded, with: decoder), holder)
    }

    func testValidation() {
        XCTAssertNotNil(DateOnly(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(DateOnly(year: 2000, month: 2, day: 29))
        XCTAssertNotNil(DateOnly(year: 0, month: 1, day: 1))
        XCTAssertNil(DateOnly(year: 2023, month: 2, day: 29))
        XCTAssertNil(DateOnly(year: 1900, month: 2, day: 29))
        XCTAssertNil(DateOnly(year: 2023, month: 13, day: 1))
        XCTAssertNil(DateOnly(year: 2023, month: 0, day: 1))
        XCTAssertNil(DateOnly(year: 2023, month: 4, day: 31))
        XCTAssertNil(DateOnly(year: 2023, month: 1, day: 0))
        XCTAssertNil(DateOnly(year: -1, month: 1, day: 1))
        XCTAssertNil(DateOnly(year: 10_000, month: 1, day: 1))
        for bad in ["2023-02-29", "2023-13-01", "2023-1-01", "20230101", "2023-01-01T00:00:00Z", "2023-01-01 ",
                    "", "yyyy-mm-dd", "2023/01/01", "-2023-01-01", "+2023-01-01"] {
            XCTAssertNil(DateOnly(bad), bad)
        }
    }

    func testDecodingErrorNamesTheKeyAndTheValue() {
        let error = expectDecodingError { _ = try decode(Holder.self, #"{"day": "2024-01-01", "days": ["2023-02-29"]}"#) }
        XCTAssertEqual(error?.isDataCorrupted, true)
        XCTAssertEqual(error?.path, ["days", "#0"])
        let message = error?.context?.debugDescription ?? ""
        XCTAssertTrue(message.contains("\"2023-02-29\""), message)
        XCTAssertTrue(message.contains("YYYY-MM-DD"), message)
        XCTAssertTrue(message.contains("day 29"), message)
    }

    func testLosslessStringComparableHashable() throws {
        let a = try XCTUnwrap(DateOnly("2023-12-31"))
        let b = try XCTUnwrap(DateOnly(year: 2024, month: 1, day: 1))
        let c = try XCTUnwrap(DateOnly(year: 2024, month: 1, day: 2))
        XCTAssertEqual(String(describing: a), "2023-12-31")
        XCTAssertEqual(DateOnly(a.description), a)
        XCTAssertEqual([c, a, b].sorted(), [a, b, c])
        XCTAssertLessThan(a, b)
        XCTAssertEqual(Set([a, b, a, DateOnly("2023-12-31")]).count, 2)
        requireSendable(DateOnly.self)
    }
}
