import Foundation
import SpecModelsKit

// specmodels-bench: the benchmark behind `make bench`. See Benchmarks/README.md… the
// usage text below says what each part measures.

let usage = """
    usage: specmodels-bench [options]
      --corpus DIR        the corpus root (default: $SPECMODELS_CORPUS or ../shared/specs)
      --spec DIR          the docs to time (default: CORPUS/ampersand/v4)
      --runs N            rounds of floor / empty / up-to-date (default 21)
      --sizes A,B,C       synthetic spec sizes in docs (default 1000,10000,50000; 0 skips)
      --specmodels PATH   the built specmodels executable, to time `--help` (optional)
    For profiling (e.g. under valgrind --tool=callgrind), one step alone:
      specmodels-bench floor SPEC | generate SPEC OUTPUT | synthesize SPEC DOCS OUTPUT
    Where a run's time goes, stage by stage (median of RUNS, default 11):
      specmodels-bench phases SPEC [RUNS]
    The working tree against a git revision and the C floor, as whole processes (what
    `make bench BENCH_BASE=REV` runs; see Comparison.swift):
      specmodels-bench compare --specmodels PATH --floor PATH [--base PATH --base-label NAME]...
          [--spec DIR]... [--replicas N] [--runs N] [--generate-args "ARGS"]
        --base PATH       another build to time beside the head (repeatable: one column each;
                          --base-label names them in the same order); each base's output is
                          diffed against the head's and a difference reported, not hidden
        --spec DIR        a spec to time (repeatable; default CORPUS/ampersand/v4,
                          CORPUS/apideck/models and the largest set of CORPUS/pool, unpacked);
                          the first is also timed replicated N times
        --replicas N      (default 15; 0 skips the replicated spec)
        --runs N          rounds per spec (default 11)
        --generate-args   passed to every generate, e.g. "--missing-types json-value"
    Internal: scale-run SPEC RUNS RESULTFILE (one size in a child process, for its peak memory).
    """

/// Creates the files with open/write/close: what writing the output costs at the least.
func writeFiles(_ files: [(name: String, bytes: [UInt8])], to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in files {
        let descriptor = open("\(folder)/\(file.name)", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw GenerateRun.Failure(description: "cannot create \(folder)/\(file.name)") }
        _ = file.bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }
}

/// One synthetic size, run in a child process so that its peak memory is its own.
func scaleRun(spec: String, runs: Int, resultFile: String) throws {
    let scratch = try ScratchFolder("out")
    defer { scratch.remove() }
    var generate = Samples()
    var upToDate = Samples()
    var floor = Samples()
    for run in 0..<runs {
        floor.append(time { _ = CMarkFloor.run(directory: spec) })
        let output = "\(scratch.path)/run\(run)"
        generate.append(try time { try GenerateRun.run(spec: spec, output: output, unlimited: true) })
        // Again into the same folder: the generator's own work, without creating the files
        // (whose cost on a shared VM disk swings by several times between runs).
        upToDate.append(try time { try GenerateRun.run(spec: spec, output: output, unlimited: true) })
        try? FileManager.default.removeItem(atPath: output)
    }
    let line = "\(generate.median) \(generate.minimum) \(floor.median) \(peakResidentBytes()) \(upToDate.median)\n"
    try line.write(toFile: resultFile, atomically: true, encoding: .utf8)
}

struct Options {
    var corpus = ProcessInfo.processInfo.environment["SPECMODELS_CORPUS"].flatMap { $0.isEmpty ? nil : $0 } ?? "../shared/specs"
    var spec: String?
    var runs = 21
    var sizes = [1000, 10000, 50000]
    var specmodels: String?
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        func value() -> String {
            guard let value = iterator.next() else { fail("\(argument) needs a value\n\(usage)") }
            return value
        }
        switch argument {
        case "--corpus": options.corpus = value()
        case "--spec": options.spec = value()
        case "--runs": options.runs = max(1, Int(value()) ?? 21)
        case "--sizes": options.sizes = value().split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        case "--specmodels": options.specmodels = value()
        case "-h", "--help": print(usage); exit(0)
        default: fail("unknown argument \(argument)\n\(usage)")
        }
    }
    return options
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("specmodels-bench: \(message)\n".utf8))
    exit(1)
}

func machineDescription() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
    let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(model), load average \(load)"
}

func runAll(_ options: Options) throws {
    let spec = options.spec ?? "\(options.corpus)/ampersand/v4"
    guard FileManager.default.fileExists(atPath: spec) else {
        fail("no spec at \(spec): set SPECMODELS_CORPUS or pass --corpus / --spec")
    }
    print("SpecModels benchmark: \(machineDescription())")

    // Floor and ratio: rounds of floor / empty folder / up-to-date folder, interleaved so
    // that load from other processes hits all three alike.
    let scratch = try ScratchFolder("v4")
    defer { scratch.remove() }
    let upToDate = "\(scratch.path)/up-to-date"
    try GenerateRun.run(spec: spec, output: upToDate)
    let totals = CMarkFloor.run(directory: spec)
    // The outputs, to time creating that many files of those sizes without generating them.
    let outputs: [(name: String, bytes: [UInt8])] = try FileManager.default.contentsOfDirectory(atPath: upToDate).sorted().map { name in
        var bytes: [UInt8] = []
        _ = CMarkFloor.read("\(upToDate)/\(name)", into: &bytes)
        return (name, bytes)
    }
    var floor = Samples(), empty = Samples(), fresh = Samples(), writes = Samples()
    var writtenCount = 0
    for round in 0..<options.runs {
        floor.append(time { _ = CMarkFloor.run(directory: spec) })
        let output = "\(scratch.path)/empty\(round)"
        empty.append(try time { writtenCount = try GenerateRun.run(spec: spec, output: output).written.count })
        try? FileManager.default.removeItem(atPath: output)
        let written = "\(scratch.path)/written\(round)"
        writes.append(try time { try writeFiles(outputs, to: written) })
        try? FileManager.default.removeItem(atPath: written)
        fresh.append(try time {
            let changes = try GenerateRun.run(spec: spec, output: upToDate)
            if !changes.written.isEmpty { throw GenerateRun.Failure(description: "up-to-date run wrote \(changes.written.count) files") }
        })
    }
    let megabytes = format(Double(totals.bytes) / 1_000_000, decimals: 2)
    print("spec: \(spec) (\(totals.files) docs, \(megabytes) MB, \(totals.nodes) cmark nodes; \(writtenCount) files written); \(options.runs) rounds")
    print("")
    print(padded("step", 44) + padded("median", 10, right: true) + padded("min", 10, right: true) + padded("per doc", 10, right: true) + padded("× floor", 9, right: true)
        + padded("min × min", 11, right: true))
    for (name, samples) in [
        ("cmark floor (list, read, parse, walk)", floor),
        ("generate into an empty folder", empty),
        ("generate into an up-to-date folder", fresh),
        ("(file floor: create the \(outputs.count) output files)", writes),
    ] {
        print(padded(name, 44)
            + padded(formatDuration(samples.median), 10, right: true)
            + padded(formatDuration(samples.minimum), 10, right: true)
            + padded(formatDuration(samples.median / Double(max(totals.files, 1))), 10, right: true)
            + padded(format(samples.median / floor.median, decimals: 2) + "×", 9, right: true)
            + padded(format(samples.minimum / floor.minimum, decimals: 2) + "×", 11, right: true))
    }

    if let specmodels = options.specmodels {
        var help = Samples()
        _ = timeProcess(specmodels, ["--help"])  // warm the page cache
        for _ in 0..<options.runs {
            guard let elapsed = timeProcess(specmodels, ["--help"]) else { fail("\(specmodels) --help failed") }
            help.append(elapsed)
        }
        print(padded("specmodels --help (process start to exit)", 44) + padded(formatDuration(help.median), 10, right: true) + padded(formatDuration(help.minimum), 10, right: true))
    }

    guard !options.sizes.isEmpty else { return }
    print("")
    print("scale: whole replicas of \(totals.files) docs with renamed types; generate into an empty folder, in a child process per size")
    let limits = SpecSource.Limits()
    print("       (in-process with SpecSource's limits of \(limits.fileCount) docs and \(limits.totalSize >> 20) MiB lifted: the 100k spec is 540 MB)")
    print("       up-to-date: the same spec generated again into the same folder (nothing written)")
    print(padded("size", 8) + padded("docs", 8, right: true) + padded("runs", 6, right: true) + padded("median", 10, right: true) + padded("per doc", 10, right: true) + padded("vs first", 10, right: true) + padded("× floor", 9, right: true) + padded("peak RSS", 11, right: true)
        + padded("up-to-date", 12, right: true) + padded("per doc", 10, right: true) + padded("vs first", 10, right: true))
    let builder = try SyntheticSpec(corpusRoot: spec)
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    var firstPerDoc: Double?
    var firstUpToDatePerDoc: Double?
    for size in options.sizes {
        let replicas = builder.replicas(near: size)
        let documents = replicas * builder.docs.count
        let folder = try ScratchFolder("scale\(size)")
        defer { folder.remove() }
        let synthetic = "\(folder.path)/spec"
        try builder.write(replicas: replicas, to: synthetic)
        let runs = documents > 20_000 ? 3 : documents > 5_000 ? 5 : 7
        let resultFile = "\(folder.path)/result"
        let child = runProcess(executable, ["scale-run", synthetic, String(runs), resultFile])
        guard child.status == 0, let line = try? String(contentsOfFile: resultFile, encoding: .utf8) else {
            fail("the scale run for \(size) docs failed (status \(child.status))")
        }
        let fields = line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let median = fields[0], floorMedian = fields[2], upToDateMedian = fields[4]
        let perDoc = median / Double(documents)
        let upToDatePerDoc = upToDateMedian / Double(documents)
        firstPerDoc = firstPerDoc ?? perDoc
        firstUpToDatePerDoc = firstUpToDatePerDoc ?? upToDatePerDoc
        let label = size >= 1000 ? "\(size / 1000)k" : "\(size)"
        print(padded(label, 8) + padded(String(documents), 8, right: true) + padded(String(runs), 6, right: true)
            + padded(formatDuration(median), 10, right: true)
            + padded(formatDuration(perDoc), 10, right: true)
            + padded(format(perDoc / firstPerDoc!, decimals: 2) + "×", 10, right: true)
            + padded(format(median / floorMedian, decimals: 2) + "×", 9, right: true)
            + padded(formatBytes(child.peakBytes), 11, right: true)
            + padded(formatDuration(upToDateMedian), 12, right: true)
            + padded(formatDuration(upToDatePerDoc), 10, right: true)
            + padded(format(upToDatePerDoc / firstUpToDatePerDoc!, decimals: 2) + "×", 10, right: true))
    }
}

func parseComparisonOptions(_ arguments: [String]) -> (Comparison.Options, corpus: String) {
    var options = Comparison.Options()
    var corpus = Options().corpus
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        func value() -> String {
            guard let value = iterator.next() else { fail("\(argument) needs a value\n\(usage)") }
            return value
        }
        switch argument {
        case "--corpus": corpus = value()
        case "--specmodels": options.specmodels = value()
        case "--base": if let base = value().nilIfEmpty { options.bases.append(base) }
        case "--base-label": options.baseLabels.append(value())
        case "--floor": options.floor = value()
        case "--spec": options.specs.append(value())
        case "--replicas": options.replicas = max(0, Int(value()) ?? 15)
        case "--runs": options.runs = max(1, Int(value()) ?? 11)
        case "--generate-args": options.generateArguments = value().split(separator: " ").map(String.init)
        default: fail("unknown argument \(argument)\n\(usage)")
        }
    }
    return (options, corpus)
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "compare" {
        let (options, corpus) = parseComparisonOptions(Array(arguments.dropFirst()))
        try Comparison.run(options, corpus: corpus)
    } else if arguments.first == "floor", arguments.count == 2 {
        let totals = CMarkFloor.run(directory: arguments[1])
        print("\(totals.files) docs, \(totals.bytes) bytes, \(totals.nodes) nodes")
    } else if arguments.first == "phases", arguments.count >= 2 {
        try Phases.run(spec: arguments[1], runs: arguments.count > 2 ? Int(arguments[2]) ?? 11 : 11)
    } else if arguments.first == "generate", arguments.count == 3 {
        let changes = try GenerateRun.run(spec: arguments[1], output: arguments[2])
        print("\(changes.written.count) written, \(changes.unchanged.count) unchanged")
    } else if arguments.first == "synthesize", arguments.count == 4, let size = Int(arguments[2]) {
        let builder = try SyntheticSpec(corpusRoot: arguments[1])
        let replicas = builder.replicas(near: size)
        try builder.write(replicas: replicas, to: arguments[3])
        print("\(replicas * builder.docs.count) docs in \(arguments[3])")
    } else if arguments.first == "scale-run", arguments.count == 4, let runs = Int(arguments[2]) {
        try scaleRun(spec: arguments[1], runs: runs, resultFile: arguments[3])
    } else {
        try runAll(parseOptions(arguments))
    }
} catch {
    fail("\(error)")
}
