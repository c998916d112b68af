#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock samples and their summary.
struct Samples {
    private(set) var seconds: [Double] = []

    mutating func append(_ value: Double) { seconds.append(value) }

    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var minimum: Double { seconds.min() ?? .nan }
}

/// A monotonic clock reading in seconds.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` and returns how long it took, in seconds.
@discardableResult
func time(_ body: () throws -> Void) rethrows -> Double {
    let start = monotonicSeconds()
    try body()
    return monotonicSeconds() - start
}

#if canImport(Glibc)
private let RUSAGE_SELF_ID = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
private let RUSAGE_SELF_ID = RUSAGE_SELF
#endif

/// The peak resident set size of this process so far, in bytes (`ru_maxrss` is KiB on Linux).
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF_ID, &usage)
    #if canImport(Darwin)
    return Int(usage.ru_maxrss)
    #else
    return Int(usage.ru_maxrss) * 1024
    #endif
}

/// Runs an executable with its output sent to /dev/null and returns the wall time from
/// spawn to exit, or nil when it could not start or failed.
func timeProcess(_ path: String, _ arguments: [String]) -> Double? {
    measureProcess(path, arguments)?.wall
}

/// One whole-process run: wall seconds from spawn to exit, and user + system seconds.
struct ProcessSample {
    var wall: Double
    var cpu: Double
}

/// Runs an executable with its output sent to /dev/null; nil when it could not start or failed.
func measureProcess(_ path: String, _ arguments: [String]) -> ProcessSample? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = monotonicSeconds()
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = monotonicSeconds() - start
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return status == 0 ? ProcessSample(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime)) : nil
}

/// Runs an executable and returns its exit status and what it printed (stdout and stderr).
func runCapturing(_ path: String, _ arguments: [String]) -> (status: Int32, output: String) {
    let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let file = "\(folder)/specmodels-bench-output-\(getpid())"
    defer { unlink(file) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return (-1, "cannot start \(path)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    return (status == 0 ? 0 : (status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)), output)
}

/// Runs an executable, waits, and returns its exit status and peak memory (from wait4).
func runProcess(_ path: String, _ arguments: [String]) -> (status: Int32, peakBytes: Int) {
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else { return (-1, 0) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return (status, Int(usage.ru_maxrss) * 1024)
}

/// `12.3 ms`, `1.23 s`, `45 µs`.
func formatDuration(_ seconds: Double) -> String {
    if seconds.isNaN { return "-" }
    if seconds >= 1 { return format(seconds, decimals: 2) + " s" }
    if seconds >= 1e-3 { return format(seconds * 1e3, decimals: seconds >= 0.1 ? 0 : 1) + " ms" }
    return format(seconds * 1e6, decimals: 1) + " µs"
}

func formatBytes(_ bytes: Int) -> String {
    let mebibytes = Double(bytes) / 1_048_576
    return mebibytes >= 1024 ? format(mebibytes / 1024, decimals: 2) + " GiB" : format(mebibytes, decimals: 0) + " MiB"
}

/// Fixed-point formatting without Foundation's locale machinery.
func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(Int(rounded))
    if decimals > 0 {
        var fraction = Int(((abs(rounded) - Double(Int(abs(rounded)))) * scale).rounded())
        var digits = ""
        for _ in 0..<decimals {
            digits = String(fraction % 10) + digits
            fraction /= 10
        }
        if rounded < 0 && Int(rounded) == 0 { text = "-" + text }
        text += "." + digits
    }
    return text
}

func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    let count = text.count
    guard count < width else { return text }
    let padding = String(repeating: " ", count: width - count)
    return right ? padding + text : text + padding
}
