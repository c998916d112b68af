/// What a command keeps until the process exits instead of freeing it.
///
/// A run's type graph and Swift text are hundreds of thousands of small allocations. Freeing
/// them one by one just before the process ends, when the kernel takes all of its memory back
/// at once, is work nobody waits for gladly; compilers skip it too (clang's `-disable-free`).
/// Only for values the command holds until it finishes: it never lowers peak memory.
enum ProcessExit {
    /// Written only from the command's one thread, before it returns.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}
