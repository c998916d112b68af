import Foundation

/// `specmodels-bench compare`: the working tree's `specmodels generate` against other builds
/// of it (`make bench BENCH_BASE="REV…"` builds each revision) and against the cmark floor,
/// as whole processes, in one run. Per spec, each round runs the floor, every base and the
/// head once, in an order that rotates from round to round, so that load from other processes
/// and the machine's drift hit them all alike; ratios are taken round by round and their
/// median printed. Output folders are up to date (generated once before the rounds): the
/// generator's own work, as in the build plugin's common case.
///
/// Whether each base's output is byte-identical to the head's is checked and printed per
/// spec and per base. A base whose output differs (an older revision, before a change to the
/// emitted code) is still timed: the difference is reported in the row, never hidden.
enum Comparison {
    struct Options {
        var specmodels: String?
        /// The builds to compare with, in the order given: `--base PATH`, each labelled by the
        /// `--base-label` at the same position (`base`, `base2`, … without one).
        var bases: [String] = []
        var baseLabels: [String] = []
        var floor: String?
        var specs: [String] = []
        /// The first spec is also timed replicated this many times (0: not at all).
        var replicas = 15
        var runs = 11
        /// Passed to every `generate` (e.g. `--missing-types json-value`).
        var generateArguments: [String] = []
    }

    /// One program's samples over the rounds of one spec.
    private struct Timings {
        var wall = Samples()
        var cpu = Samples()
        var walls: [Double] = []
        var cpus: [Double] = []

        mutating func append(_ sample: ProcessSample) {
            wall.append(sample.wall)
            cpu.append(sample.cpu)
            walls.append(sample.wall)
            cpus.append(sample.cpu)
        }
    }

    private struct Contender {
        var label: String
        var executable: String
        var arguments: [String]
        var timings = Timings()
        /// False for a base that cannot generate this spec (an older revision that stops with
        /// errors): its columns print `-` and the others are timed without it.
        var isTimed = true
    }

    static func run(_ options: Options, corpus: String) throws {
        guard let specmodels = options.specmodels, let floor = options.floor else {
            fail("compare needs --specmodels PATH and --floor PATH (make bench-compare builds both)")
        }
        let scratch = try ScratchFolder("compare")
        defer { scratch.remove() }
        var specs = options.specs
        if specs.isEmpty {
            specs = ["\(corpus)/ampersand/v4", "\(corpus)/apideck/models"]
            if let largest = try largestPoolSet(corpus: corpus, unpackingInto: scratch.path) { specs.append(largest) }
        }
        for spec in specs where !FileManager.default.fileExists(atPath: spec) {
            fail("no spec at \(spec): set SPECMODELS_CORPUS or pass --corpus / --spec")
        }
        print("SpecModels comparison: \(machineDescription())")
        let bases = options.bases.enumerated().map { index, path in
            (label: index < options.baseLabels.count ? options.baseLabels[index] : (index == 0 ? "base" : "base\(index + 1)"), path: path)
        }
        print("head: \(specmodels)")
        for base in bases { print("\(base.label): \(base.path)") }
        print("floor: \(floor) (C: list, read, cmark-parse and walk the docs)")
        print("each: `generate --spec SPEC --output OUT\(options.generateArguments.map { " " + $0 }.joined())` into an up-to-date OUT, whole process;")
        print("\(options.runs) round\(options.runs == 1 ? "" : "s") per spec, floor / \(bases.isEmpty ? "" : bases.map(\.label).joined(separator: " / ") + " / ")head in rotating order; medians; ratios are medians of each round's ratio")
        if !bases.isEmpty {
            print("outputs: each base's is diffed against head's (diff -r) per spec; a difference is reported under the row, not hidden, and the base is timed all the same")
        }
        print("")

        var rows: [(label: String, path: String)] = specs.map { (shortLabel($0), $0) }
        if options.replicas > 1 {
            let replicated = "\(scratch.path)/replicated"
            let builder = try SyntheticSpec(corpusRoot: specs[0])
            try builder.write(replicas: options.replicas, to: replicated)
            rows.insert(("\(shortLabel(specs[0])) ×\(options.replicas)", replicated), at: 1)
        }

        let baseLabels = bases.map(\.label)
        printHeader(baseLabels: baseLabels)
        var perDoc: [(label: String, docs: Int, head: Double)] = []
        for (index, row) in rows.enumerated() {
            let docs = CMarkFloor.markdownFiles(below: row.path).count
            var contenders = [Contender(label: "floor", executable: floor, arguments: [row.path])]
            let programs = bases.map { ($0.label, $0.path) } + [("head", specmodels)]
            var notes: [String] = []
            var failed = false
            for (label, executable) in programs {
                let output = "\(scratch.path)/out\(index)-\(label)"
                let arguments = ["generate", "--spec", row.path, "--output", output] + options.generateArguments
                // Into an empty folder, then once more to check that it is up to date.
                let first = runCapturing(executable, arguments)
                var problem: String?
                if first.status != 0 {
                    problem = "generate failed (exit \(first.status)): \(firstError(first.output))"
                } else {
                    let second = runCapturing(executable, arguments)
                    if second.status != 0 || !second.output.contains(" 0 written") {
                        problem = "the second run was not up to date: \(second.output.prefix(200))"
                    }
                }
                if let problem {
                    notes.append("\(label): \(problem)\(label == "head" ? "" : "; not timed on this spec")")
                    if label == "head" { failed = true }
                }
                contenders.append(Contender(label: label, executable: executable, arguments: arguments, isTimed: problem == nil))
            }
            if !failed {
                for (base, contender) in zip(bases, contenders.dropFirst()) where contender.isTimed {
                    let baseOutput = "\(scratch.path)/out\(index)-\(base.label)"
                    // diff's list of files is counted, not printed: the row says how many differ.
                    let diff = runCapturing("/usr/bin/diff", ["-r", "-q", baseOutput, "\(scratch.path)/out\(index)-head"])
                    let differing = diff.output.split(separator: "\n").count
                    notes.append(diff.status == 0
                        ? "outputs byte-identical to \(base.label)"
                        : "OUTPUTS DIFFER from \(base.label) in \(differing) files (reported, not hidden: `diff -r` the two builds' outputs)")
                }
            }
            guard !failed else {
                print(padded(row.label, labelWidth) + padded(String(docs), 7, right: true) + "  skipped: " + notes.joined(separator: "; "))
                continue
            }
            let timed = contenders.indices.filter { contenders[$0].isTimed }
            for round in 0..<options.runs {
                // Rotate the order: floor/base/head, base/head/floor, head/floor/base, …
                for offset in 0..<timed.count {
                    let position = timed[(round + offset) % timed.count]
                    guard let sample = measureProcess(contenders[position].executable, contenders[position].arguments) else {
                        fail("\(contenders[position].label) failed on \(row.path)")
                    }
                    contenders[position].timings.append(sample)
                }
            }
            printRow(row.label, docs: docs, contenders: contenders, baseLabels: baseLabels)
            for note in notes { print(padded("", labelWidth + 7) + note) }
            perDoc.append((row.label, docs, contenders.last!.timings.wall.median / Double(max(docs, 1))))
        }
        if perDoc.count >= 2 {
            print("")
            print("head per doc (wall median / docs): " + perDoc.map { "\($0.label) \(formatDuration($0.head))" }.joined(separator: ", "))
        }
    }

    private static func printHeader(baseLabels: [String]) {
        var line = padded("spec", labelWidth) + padded("docs", 7, right: true) + padded("floor", 10, right: true)
        for label in baseLabels { line += padded(label, 10, right: true) + padded("×floor", 8, right: true) }
        line += padded("head", 10, right: true) + padded("×floor", 8, right: true)
        for label in baseLabels { line += padded("head/\(label)", ratioWidth(label), right: true) }
        line += padded("cpu ×floor", 12, right: true)
        for label in baseLabels { line += padded(baseLabels.count == 1 ? "cpu h/b" : "cpu h/\(label)", cpuRatioWidth(label, baseLabels.count), right: true) }
        print(line)
    }

    /// The spec column: as wide as the longest label the default specs have
    /// (`Kong+sdk-konnect-go/docs/models`) and a margin.
    private static let labelWidth = 34

    /// The head/base column: as wide as its heading and a margin.
    private static func ratioWidth(_ baseLabel: String) -> Int { max(11, baseLabel.count + 7) }

    private static func cpuRatioWidth(_ baseLabel: String, _ baseCount: Int) -> Int {
        baseCount == 1 ? 9 : max(9, baseLabel.count + 8)
    }

    /// `contenders` are the floor, the bases in order, then the head.
    private static func printRow(_ label: String, docs: Int, contenders: [Contender], baseLabels: [String]) {
        let floor = contenders[0].timings
        let head = contenders[contenders.count - 1].timings
        let bases = contenders.dropFirst().dropLast().map(\.timings)
        func ratio(_ numerator: [Double], _ denominator: [Double]) -> String {
            guard !numerator.isEmpty, !denominator.isEmpty else { return "-" }  // a base not timed
            var ratios = Samples()
            for (top, bottom) in zip(numerator, denominator) { ratios.append(top / bottom) }
            return format(ratios.median, decimals: 2) + "×"
        }
        var line = padded(label, labelWidth) + padded(String(docs), 7, right: true) + padded(formatDuration(floor.wall.median), 10, right: true)
        for base in bases {
            line += padded(base.walls.isEmpty ? "-" : formatDuration(base.wall.median), 10, right: true)
                + padded(ratio(base.walls, floor.walls), 8, right: true)
        }
        line += padded(formatDuration(head.wall.median), 10, right: true) + padded(ratio(head.walls, floor.walls), 8, right: true)
        for (base, baseLabel) in zip(bases, baseLabels) { line += padded(ratio(head.walls, base.walls), ratioWidth(baseLabel), right: true) }
        line += padded(ratio(head.cpus, floor.cpus), 12, right: true)
        for (base, baseLabel) in zip(bases, baseLabels) {
            line += padded(ratio(head.cpus, base.cpus), cpuRatioWidth(baseLabel, baseLabels.count), right: true)
        }
        print(line)
    }

    /// The models folder of the pool's largest doc set (by `POOL.tsv`'s `docs` column),
    /// unpacked from its archive into `folder`; `nil` when the corpus has no pool.
    private static func largestPoolSet(corpus: String, unpackingInto folder: String) throws -> String? {
        guard let table = try? String(contentsOfFile: "\(corpus)/pool/POOL.tsv", encoding: .utf8) else { return nil }
        let rows = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let name = header.firstIndex(of: "name"), let models = header.firstIndex(of: "models_dir"),
              let docs = header.firstIndex(of: "docs")
        else { return nil }
        let sets = rows.dropFirst().filter { $0.count == header.count }
        guard let largest = sets.max(by: { (Int($0[docs]) ?? 0) < (Int($1[docs]) ?? 0) }) else { return nil }
        let destination = "\(folder)/pool/\(largest[name])"
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        let unpacked = runCapturing("/usr/bin/env", ["tar", "xzf", "\(corpus)/pool/\(largest[name]).tar.gz", "-C", destination])
        guard unpacked.status == 0 else { fail("cannot unpack \(largest[name]): \(unpacked.output.prefix(200))") }
        return "\(destination)/\(largest[models])"
    }

    /// `ampersand/v4` for `/…/specs/ampersand/v4`: the last two components of a path, three
    /// when those are Speakeasy's `docs/models` (`Kong+sdk-konnect-go/docs/models`).
    private static func shortLabel(_ path: String) -> String {
        let components = path.split(separator: "/")
        let count = components.suffix(2).joined(separator: "/") == "docs/models" ? 3 : 2
        return components.suffix(count).joined(separator: "/")
    }

    private static func firstError(_ output: String) -> String {
        let lines = output.split(separator: "\n")
        let error = lines.first { $0.contains("error:") } ?? lines.first ?? ""
        let errors = lines.filter { $0.contains("error:") }.count
        return String(error.prefix(200)) + (errors > 1 ? " (and \(errors - 1) more errors)" : "")
    }
}
