import Foundation
import XCTest
import SpecModelsSupport

/// Uses the wrapper type as a property.
private struct Wrapped: Codable, Equatable {
    var t: RFC3339Timestamp
}

/// Uses the container helpers the way generated code does.
private struct Event: Codable, Equatable {
    var at: Date
    var until: Date?

    enum CodingKeys: String, CodingKey {
        case at
        case until = "until_time"
    }

    init(at: Date, until: Date?) {
        self.at = at
        self.until = until
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decodeRFC3339Date(forKey: .at)
        until = try container.decodeRFC3339DateIfPresent(forKey: .until)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeRFC3339Date(at, forKey: .at)
        try container.encodeRFC3339DateIfPresent(until, forKey: .until)
    }
}

private struct Feed: Codable {
    var events: [Event]
}

final class RFC3339Tests: XCTestCase {
    func unix(_ string: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        let value = try decode(Wrapped.self, #"{"t": "\#(string)"}"#)
        return value.t.date.timeIntervalSince1970
    }

    func assertUnix(_ string: String, _ expected: Double, accuracy: Double = 1e-6,
                    file: StaticString = #filePath, line: UInt = #line) {
        do {
            XCTAssertEqual(try unix(string), expected, accuracy: accuracy, string, file: file, line: line)
            // The helper path and the static parser agree with the wrapper.
            let event = try decode(Event.self, #"{"at": "\#(string)"}"#)
            XCTAssertEqual(event.at.timeIntervalSince1970, expected, accuracy: accuracy, file: file, line: line)
            XCTAssertEqual(RFC3339Timestamp.date(fromRFC3339: string), event.at, file: file, line: line)
            XCTAssertEqual(RFC3339Timestamp(rfc3339String: string)?.date, event.at, file: file, line: line)
        } catch {
            XCTFail("\(string): \(error)", file: file, line: line)
        }
    }

    func assertRejected(_ string: String, mentioning reason: String? = nil,
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(RFC3339Timestamp.date(fromRFC3339: string), string, file: file, line: line)
        let json = #"{"t": \#(JSONValue.string(string))}"#
        guard let error = expectDecodingError({ _ = try decode(Wrapped.self, json) }, file: file, line: line) else { return }
        XCTAssertTrue(error.isDataCorrupted, "\(error)", file: file, line: line)
        XCTAssertEqual(error.path, ["t"], file: file, line: line)
        let message = error.context?.debugDescription ?? ""
        let quoted = String(string.prefix(80)).debugDescription
        XCTAssertTrue(message.contains(quoted), "message quotes the input: \(message)", file: file, line: line)
        XCTAssertTrue(message.contains("YYYY-MM-DDTHH:MM:SS"), "message names the format: \(message)", file: file, line: line)
        if let reason {
            XCTAssertTrue(message.contains(reason), "message explains '\(reason)': \(message)", file: file, line: line)
        }
    }

    func testFractionalDigits() {
        assertUnix("2023-07-13T21:34:44Z", 1_689_284_084)
        assertUnix("2023-07-13T21:34:44.8Z", 1_689_284_084.8)
        assertUnix("2023-07-13T21:34:44.816Z", 1_689_284_084.816)
        assertUnix("2023-07-13T21:34:44.816354Z", 1_689_284_084.816354)
        assertUnix("2023-07-13T21:34:44.816354123Z", 1_689_284_084.816354123)
        assertUnix("2023-07-13T21:34:44.000001Z", 1_689_284_084.000001)
        // Beyond nine digits: accepted, extra digits ignored.
        assertUnix("2023-07-13T21:34:44.816354123999Z", 1_689_284_084.816354123)
    }

    func testMicrosecondsAreExactAsDoubleAllows() throws {
        // Within one ulp of Date's Double at this epoch (about 1.2e-7 s).
        let date = try XCTUnwrap(RFC3339Timestamp.date(fromRFC3339: "2023-07-13T21:34:44.816354Z"))
        XCTAssertEqual(date.timeIntervalSince1970, 1_689_284_084.816354, accuracy: 2.5e-7)
        XCTAssertEqual(date.timeIntervalSinceReferenceDate, 1_689_284_084 - 978_307_200 + 0.816354, accuracy: 1.2e-7)
    }

    func testOffsetsAndSeparators() {
        let utc = 1_689_284_084.0
        assertUnix("2023-07-13T23:34:44+02:00", utc)
        assertUnix("2023-07-13T16:04:44-05:30", utc)
        assertUnix("2023-07-13T21:34:44+00:00", utc)
        assertUnix("2023-07-13T21:34:44-00:00", utc)
        assertUnix("2023-07-13T21:34:44z", utc)
        assertUnix("2023-07-13t21:34:44Z", utc)
        assertUnix("2023-07-13 21:34:44Z", utc)
        assertUnix("2023-07-14T09:34:44.5+12:00", utc + 0.5)
        // Offset moves the date across midnight and a year boundary.
        assertUnix("2024-01-01T01:00:00+02:00", 1_704_063_600)
        assertUnix("2023-12-31T20:00:00-03:00", 1_704_063_600)
    }

    func testCalendarEdges() {
        assertUnix("1970-01-01T00:00:00Z", 0)
        assertUnix("1969-12-31T23:59:59.5Z", -0.5)
        assertUnix("1900-01-01T00:00:00Z", -2_208_988_800)
        assertUnix("2001-01-01T00:00:00Z", 978_307_200)
        assertUnix("2000-02-29T12:00:00Z", 951_825_600)
        assertUnix("2024-02-29T00:00:00Z", 1_709_164_800)
        assertUnix("2038-01-19T03:14:08Z", 2_147_483_648)
        assertUnix("0000-01-01T00:00:00Z", -62_167_219_200, accuracy: 1e-3)
        assertUnix("9999-12-31T23:59:59Z", 253_402_300_799, accuracy: 1e-3)
    }

    func testLeapSecondClampsToEndOfSecond59() throws {
        assertUnix("2016-12-31T23:59:60Z", 1_483_228_799.999999)
        assertUnix("2016-12-31T23:59:60.5Z", 1_483_228_799.999999)
        let leap = try XCTUnwrap(RFC3339Timestamp.date(fromRFC3339: "2016-12-31T23:59:60Z"))
        let next = try XCTUnwrap(RFC3339Timestamp.date(fromRFC3339: "2017-01-01T00:00:00Z"))
        let before = try XCTUnwrap(RFC3339Timestamp.date(fromRFC3339: "2016-12-31T23:59:59.999998Z"))
        XCTAssertLessThan(before, leap)
        XCTAssertLessThan(leap, next)
        XCTAssertEqual(RFC3339Timestamp.rfc3339String(from: leap), "2016-12-31T23:59:59.999999Z")
    }

    func testInvalidValuesAreRejected() {
        assertRejected("2023-02-29T00:00:00Z", mentioning: "day 29")
        assertRejected("1900-02-29T00:00:00Z", mentioning: "day 29")
        assertRejected("2023-13-01T00:00:00Z", mentioning: "month 13")
        assertRejected("2023-00-01T00:00:00Z", mentioning: "month 0")
        assertRejected("2023-04-31T00:00:00Z", mentioning: "day 31")
        assertRejected("2023-01-00T00:00:00Z", mentioning: "day 0")
        assertRejected("2023-01-01T24:00:00Z", mentioning: "hour 24")
        assertRejected("2023-01-01T23:60:00Z", mentioning: "minute 60")
        assertRejected("2023-01-01T23:59:61Z", mentioning: "second 61")
        assertRejected("2023-01-01T23:59:59+24:00", mentioning: "offset")
        assertRejected("2023-01-01T23:59:59+02:60", mentioning: "offset")
    }

    func testGarbageIsRejected() {
        for garbage in [
            "garbage", "", " ", "2023-07-13", "2023-07-13T", "2023-07-13T21:34:44", "2023-07-13T21:34Z",
            "2023-07-13T21:34:44.Z", "2023-07-13T21:34:44Z ", " 2023-07-13T21:34:44Z", "2023-7-13T21:34:44Z",
            "23-07-13T21:34:44Z", "2023-07-13X21:34:44Z", "2023-07-13T21:34:44+0200", "2023-07-13T21:34:44+02",
            "2023-07-13T21:34:44+2:00", "2023-07-13T21:34:44ZZ", "2023/07/13T21:34:44Z", "2023-07-13T21:34:44,5Z",
            "２０２３-07-13T21:34:44Z", "2023-07-13T21:34:44.123abcZ", "1689284084", "+2023-07-13T21:34:44Z",
            String(repeating: "x", count: 500),
        ] {
            assertRejected(garbage)
        }
    }

    func testNonStringValueIsATypeMismatch() {
        let error = expectDecodingError { _ = try decode(Wrapped.self, #"{"t": 1689284084}"#) }
        if case .typeMismatch = error {} else { XCTFail("\(String(describing: error))") }
        XCTAssertEqual(error?.path, ["t"])
    }

    func testErrorMessageFormat() throws {
        let error = expectDecodingError { _ = try decode(Wrapped.self, #"{"t": "2023-02-29T00:00:00Z"}"#) }
        XCTAssertEqual(
            error?.context?.debugDescription,
            "Invalid RFC 3339 timestamp \"2023-02-29T00:00:00Z\": day 29 is out of range for month 2 of year 2023, which has 28 days; expected an RFC 3339 date-time YYYY-MM-DDTHH:MM:SS[.fraction] followed by Z or an offset +HH:MM/-HH:MM, such as \"2023-07-13T21:34:44.816354Z\"."
        )
        // Very long inputs are shortened in the message.
        let long = String(repeating: "9", count: 500)
        let longError = expectDecodingError { _ = try decode(Wrapped.self, #"{"t": "\#(long)"}"#) }
        XCTAssertLessThan(longError?.context?.debugDescription.count ?? .max, 400)
    }

    func testHelpersReportTheKeyInTheCodingPath() {
        let json = #"{"events": [{"at": "2023-07-13T21:34:44Z"}, {"at": "2023-07-13T21:34:44Z", "until_time": "nope"}]}"#
        let error = expectDecodingError { _ = try decode(Feed.self, json) }
        XCTAssertEqual(error?.isDataCorrupted, true)
        XCTAssertEqual(error?.path, ["events", "#1", "until_time"])
        XCTAssertTrue(error?.context?.debugDescription.contains("\"nope\"") ?? false)

        let missing = expectDecodingError { _ = try decode(Event.self, "{}") }
        if case .keyNotFound(let key, _) = missing { XCTAssertEqual(key.stringValue, "at") } else { XCTFail("\(String(describing: missing))") }

        let bad = expectDecodingError { _ = try decode(Event.self, #"{"at": "2023-13-01T00:00:00Z"}"#) }
        XCTAssertEqual(bad?.path, ["at"])
    }

    func testIfPresentTreatsNullAndMissingAsNil() throws {
        XCTAssertNil(try decode(Event.self, #"{"at": "2023-07-13T21:34:44Z"}"#).until)
        XCTAssertNil(try decode(Event.self, #"{"at": "2023-07-13T21:34:44Z", "until_time": null}"#).until)
        let present = try decode(Event.self, #"{"at": "2023-07-13T21:34:44Z", "until_time": "2023-07-14T00:00:00Z"}"#)
        XCTAssertEqual(present.until?.timeIntervalSince1970, 1_689_292_800)
        // Encoding nil writes nothing.
        XCTAssertEqual(try encodeString(Event(at: Date(timeIntervalSince1970: 0), until: nil)), #"{"at":"1970-01-01T00:00:00.000000Z"}"#)
    }

    func testIndependentOfDateStrategies() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let event = try decode(Event.self, #"{"at": "2023-07-13T21:34:44.816354Z", "until_time": "2023-07-13T21:34:45Z"}"#, with: decoder)
        XCTAssertEqual(event.at.timeIntervalSince1970, 1_689_284_084.816354, accuracy: 1e-6)
        let wrapped = try decode(Wrapped.self, #"{"t": "2023-07-13T21:34:44Z"}"#, with: decoder)
        XCTAssertEqual(wrapped.t.date.timeIntervalSince1970, 1_689_284_084)
        let list = try decode([RFC3339Timestamp].self, #"["2023-07-13T21:34:44Z", "1970-01-01T00:00:00Z"]"#, with: decoder)
        XCTAssertEqual(list.map(\.date.timeIntervalSince1970), [1_689_284_084, 0])

        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        XCTAssertEqual(try encodeString(event, with: encoder),
                       #"{"at":"2023-07-13T21:34:44.816354Z","until_time":"2023-07-13T21:34:45.000000Z"}"#)
        XCTAssertEqual(try encodeString(wrapped, with: encoder), #"{"t":"2023-07-13T21:34:44.000000Z"}"#)
    }

    func testEncodingFormatAndRoundTrip() throws {
        let inputs = [
            "2023-07-13T21:34:44.816354Z": "2023-07-13T21:34:44.816354Z",
            "2023-07-13T21:34:44Z": "2023-07-13T21:34:44.000000Z",
            "2023-07-13T23:34:44.5+02:00": "2023-07-13T21:34:44.500000Z",
            "2023-07-13T16:04:44.123-05:30": "2023-07-13T21:34:44.123000Z",
            "1969-12-31T23:59:59.999999Z": "1969-12-31T23:59:59.999999Z",
            "1900-01-01T00:00:00.000001Z": "1900-01-01T00:00:00.000001Z",
            "2000-02-29T23:59:59.999999Z": "2000-02-29T23:59:59.999999Z",
            "0000-01-01T00:00:00Z": "0000-01-01T00:00:00.000000Z",
            "9999-12-31T23:59:59Z": "9999-12-31T23:59:59.000000Z",
        ]
        for (input, output) in inputs {
            let decoded = try decode(Wrapped.self, #"{"t": "\#(input)"}"#)
            let encoded = try encodeString(decoded)
            XCTAssertEqual(encoded, #"{"t":"\#(output)"}"#, input)
            XCTAssertEqual(try decode(Wrapped.self, encoded), decoded, "re-decodes to the same Date: \(input)")
            XCTAssertEqual(decoded.t.description, output)
        }
    }

    func testArbitraryDatesRoundTripExactlyAndDeterministically() throws {
        var generator = SplitMix64(seed: 0x5EED)
        let pattern = try NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6,9}Z$"#)
        var exact = 0
        var digitCounts: [Int: Int] = [:]
        let count = 20_000
        for index in 0..<count {
            // Mostly present-day instants with arbitrary sub-second parts, some anywhere in 1900-2200.
            let range: ClosedRange<Double> = index % 4 == 0 ? -2_208_988_800...7_258_118_400 : 1_600_000_000...1_900_000_000
            let date = Date(timeIntervalSince1970: Double.random(in: range, using: &generator))
            let string = try XCTUnwrap(RFC3339Timestamp.rfc3339String(from: date))
            XCTAssertEqual(pattern.numberOfMatches(in: string, range: NSRange(location: 0, length: string.utf16.count)), 1, string)
            XCTAssertEqual(RFC3339Timestamp.rfc3339String(from: date), string, "deterministic")
            let back = try XCTUnwrap(RFC3339Timestamp.date(fromRFC3339: string))
            XCTAssertEqual(back.timeIntervalSinceReferenceDate, date.timeIntervalSinceReferenceDate, accuracy: 1e-9, string)
            if back == date {
                exact += 1
            } else {
                // Only within ~97 days of 2001-01-01 does Date's Double resolve finer than a nanosecond.
                XCTAssertLessThan(date.timeIntervalSinceReferenceDate.magnitude, 8_388_608, "must be exact: \(string)")
            }
            digitCounts[string.count - 21, default: 0] += 1
            // Formatting the re-decoded Date gives a string for that same Date (the same string when exact).
            let again = try XCTUnwrap(RFC3339Timestamp.rfc3339String(from: back))
            XCTAssertEqual(RFC3339Timestamp.date(fromRFC3339: again), back)
            if back == date { XCTAssertEqual(again, string) }
        }
        print("RFC3339 random round trip: \(exact)/\(count) exact; fractional digit counts \(digitCounts.sorted { $0.key < $1.key })")
        XCTAssertGreaterThanOrEqual(Double(exact) / Double(count), 0.99)
        // Exactness right next to the reference date is limited to nanoseconds.
        let nearReference = Date(timeIntervalSinceReferenceDate: 1.000000000123)
        XCTAssertEqual(RFC3339Timestamp.rfc3339String(from: nearReference), "2001-01-01T00:00:01.000000000Z")
    }

    func testCivilConversionMatchesFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        var generator = SplitMix64(seed: 0x5EED)
        // Foundation's Gregorian calendar is Julian before 1582, so compare from 1600 on.
        let lower = -11_676_096_000.0, upper = 253_402_300_799.0
        for _ in 0..<5_000 {
            let seconds = Double(Int64.random(in: Int64(lower)...Int64(upper), using: &generator))
            let date = Date(timeIntervalSince1970: seconds)
            let string = try XCTUnwrap(RFC3339Timestamp.rfc3339String(from: date))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld.000000Z",
                                  parts.year ?? -1, parts.month ?? -1, parts.day ?? -1,
                                  parts.hour ?? -1, parts.minute ?? -1, parts.second ?? -1)
            XCTAssertEqual(string, expected)
            XCTAssertEqual(RFC3339Timestamp.date(fromRFC3339: string), date)
        }
    }

    func testOutOfRangeDatesCannotBeEncoded() {
        for seconds in [-62_167_219_201.0, 253_402_300_800.0, .infinity, -.infinity, .nan] {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertNil(RFC3339Timestamp.rfc3339String(from: date), "\(seconds)")
            XCTAssertThrowsError(try JSONEncoder().encode(Event(at: date, until: nil))) { error in
                guard case EncodingError.invalidValue(_, let context) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(context.codingPath.map(\.stringValue), ["at"])
            }
        }
        let last = RFC3339Timestamp.rfc3339String(from: Date(timeIntervalSince1970: 253_402_300_799.999)) ?? ""
        XCTAssertTrue(last.hasPrefix("9999-12-31T23:59:59.99"), last)
    }

    func testValueSemanticsAndConformances() throws {
        let a = RFC3339Timestamp(date: Date(timeIntervalSince1970: 1))
        var b = a
        b.date = Date(timeIntervalSince1970: 2)
        XCTAssertLessThan(a, b)
        XCTAssertEqual(Set([a, b, a]).count, 2)
        XCTAssertEqual(a.description, "1970-01-01T00:00:01.000000Z")
        requireSendable(RFC3339Timestamp.self)
        XCTAssertEqual([Date(timeIntervalSince1970: 0)].map(RFC3339Timestamp.init).map(\.date), [Date(timeIntervalSince1970: 0)])
    }
}

/// Deterministic generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
