import Foundation
@testable import SpecModelsKit
import XCTest

/// The per-doc and per-model stages run through `concurrentMap`: its results must be
/// `map`'s, in order, whatever the scheduling, or the generated files would vary by run.
final class ConcurrentMapTests: XCTestCase {
    func testKeepsOrderAboveTheConcurrentThreshold() {
        let numbers = Array(0..<10_007)
        XCTAssertGreaterThan(numbers.count, [Int].minimumConcurrentCount)
        XCTAssertEqual(numbers.concurrentMap { $0 * 3 + 1 }, numbers.map { $0 * 3 + 1 })
    }

    func testSmallAndEmptyInputs() {
        XCTAssertEqual([Int]().concurrentMap { $0 + 1 }, [])
        XCTAssertEqual([5].concurrentMap { String($0) }, ["5"])
        let belowThreshold = Array(0..<([Int].minimumConcurrentCount - 1))
        XCTAssertEqual(belowThreshold.concurrentMap { -$0 }, belowThreshold.map { -$0 })
    }

    /// Results that own memory (strings, arrays) are moved out intact, and each element is
    /// transformed exactly once.
    func testTransformsEachElementOnceAndMovesOwningResults() {
        let words = (0..<5_000).map { "word-\($0)-" + String(repeating: "x", count: $0 % 40) }
        let counter = Counter()
        let results = words.concurrentMap { word -> [String] in
            counter.increment()
            return [word, word.uppercased()]
        }
        XCTAssertEqual(counter.value, words.count)
        XCTAssertEqual(results, words.map { [$0, $0.uppercased()] })
    }

    /// Every element is freed, once, by `releaseConcurrently`, and at the call: none is left
    /// alive and none is freed twice.
    func testReleasesEveryElementOnce() {
        for count in [0, 5, [Int].minimumConcurrentCount, 3_001] {
            let freed = Counter()
            var objects = (0..<count).map { _ in Tracked(freed) }
            XCTAssertEqual(freed.value, 0)
            (consume objects).releaseConcurrently()
            XCTAssertEqual(freed.value, count, "\(count) elements")
            objects = []
            XCTAssertEqual(freed.value, count)
        }
    }

    /// Generating the v4 corpus twice gives the same files in the same order: the stages
    /// that run on several cores leave no trace of their scheduling.
    func testGenerationIsDeterministicAcrossRuns() throws {
        let spec = try TestSupport.corpusModels("v4").path
        let first = Generator.generate(specDirectory: spec)
        let second = Generator.generate(specDirectory: spec)
        XCTAssertFalse(first.diagnostics.hasErrors)
        XCTAssertEqual(first.files.count, 620)
        XCTAssertEqual(first.files, second.files)
    }
}

/// Counts its own deinit.
private final class Tracked: Sendable {
    let freed: Counter
    init(_ freed: Counter) { self.freed = freed }
    deinit { freed.increment() }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
