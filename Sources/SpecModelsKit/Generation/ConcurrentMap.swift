import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map`, with the elements spread over the machine's cores; the results keep the
    /// elements' order, so output built from them is the same whatever the scheduling.
    ///
    /// Used for the per-doc and per-model stages (reading docs, rendering models, comparing
    /// and writing output files), which share nothing but read-only inputs. Small inputs,
    /// and machines with one core, run serially: waking threads would cost more.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = concurrentWorkerCount
        guard count >= Self.minimumConcurrentCount, workers > 1 else { return map(transform) }
        // Many small chunks per core, so a core that finishes early takes more: docs and
        // models differ in size by a hundred times (32 per core measured a little faster than 4).
        let chunkCount = Swift.min(count, workers * 32)
        let slots = ResultSlots<Result>(count: count)
        defer { slots.deallocate() }
        self.withUnsafeBufferPointer { elements in
            let elements = UncheckedSendable(elements)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = Self.range(ofChunk: chunk, chunkCount: chunkCount, total: elements.value.count)
                for index in range {
                    slots.initialize(index, to: transform(elements.value[index]))
                }
            }
        }
        return slots.move()
    }

    /// Frees the elements on every core. Freeing thousands of documents, each a tree of
    /// strings and arrays, one after the other was serial work between two parallel stages.
    consuming func releaseConcurrently() {
        let workers = concurrentWorkerCount
        guard count >= Self.minimumConcurrentCount, workers > 1 else { return }
        // Moved (not copied) into one box per part; each part is then freed on its own thread.
        let parts = (0..<workers * 4).map { _ in ReleasedPart<Element>(capacity: count / (workers * 4) + 1) }
        var index = 0
        while let element = popLast() {
            parts[index % parts.count].elements.append(element)
            index += 1
        }
        DispatchQueue.concurrentPerform(iterations: parts.count) { parts[$0].elements = [] }
    }

    /// Below this many elements the work is done on the calling thread.
    static var minimumConcurrentCount: Int { 32 }

    private static func range(ofChunk chunk: Int, chunkCount: Int, total: Int) -> Range<Int> {
        (total * chunk / chunkCount)..<(total * (chunk + 1) / chunkCount)
    }
}

/// The cores to spread work over: `SPECMODELS_JOBS` when set (`1` for serial runs, as the
/// benchmark measures), else the cores this process may use.
private let concurrentWorkerCount: Int = {
    if let jobs = ProcessInfo.processInfo.environment["SPECMODELS_JOBS"].flatMap({ Int($0) }), jobs > 0 {
        return jobs
    }
    return ProcessInfo.processInfo.activeProcessorCount
}()

/// Storage for the results of `concurrentMap`: each index is written exactly once, by one
/// thread, and read only after every thread has finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
    }

    func initialize(_ index: Int, to value: Value) {
        (base + index).initialize(to: value)
    }

    /// Moves every value out; call once, after all of them are initialized.
    func move() -> [Value] {
        Array(unsafeUninitializedCapacity: count) { buffer, initializedCount in
            buffer.baseAddress!.moveInitialize(from: base, count: count)
            initializedCount = count
        }
    }

    func deallocate() {
        base.deallocate()
    }
}

/// Part of an array being freed by `releaseConcurrently`: written by one thread at a time,
/// first the caller's, then the worker's that empties it.
private final class ReleasedPart<Element>: @unchecked Sendable {
    var elements: [Element] = []

    init(capacity: Int) {
        elements.reserveCapacity(capacity)
    }
}

/// Hands a read-only buffer to the worker threads; the array it points into outlives them.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
