import ArgumentParser
import Foundation
import OrbitalCompute

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Evaluate a full grid of inputs, streamed as CSV or JSON lines (parallel, shardable, resumable).",
        discussion: """
        Each --vary adds an axis: KEY=LO:HI:N (N values, ends included), KEY=LO:HI:N:log, or a list KEY=a,b,c. \
        The first axis varies slowest. Rows: the varied keys, the metrics, and an error column (a point the model \
        rejects gets its message there). With --against (or --ratio, Colossus 1) a cost_ratio column compares orbit \
        with the ground. --shard I/N evaluates the I-th of N contiguous blocks (0 ≤ I < N; only shard 0 writes the \
        CSV header), so the shard files concatenated in order equal the unsharded output byte for byte. \
        --resume continues an interrupted --output file. Output is CSV or JSON lines (--format json); --output is written as the sweep streams, not atomically, so that --resume can continue it. See docs/sweeps.md.
        """
    )

    @Argument(help: "The scenario to sweep (orbital or terrestrial).", completion: Completions.scenario)
    var scenario: String

    @Option(name: .customLong("vary"), help: ArgumentHelp("An axis: KEY=LO:HI:N[:log] or KEY=a,b,c (repeatable; prefix orbital:, ground: or both: to pick a side).", valueName: "KEY=SPEC"), completion: Completions.vary)
    var vary: [String] = []

    @Option(help: "A terrestrial scenario to compare with: adds ground_cost_per_pflop_hour_usd and cost_ratio.")
    var against: String?

    @Flag(help: "Compare with Colossus 1 (the default ground) without naming it.")
    var ratio = false

    @Option(help: ArgumentHelp("The metric columns, comma-separated, in order: any numeric output of `evaluate` by its last key or dotted path (e.g. tco_usd,fabric.link.distance_m), ground:KEY, ground_cost_per_pflop_hour_usd, cost_ratio (default: costs, mass, power and schedule; --list-columns lists them).", valueName: "KEY,…"))
    var columns: String?

    @Flag(help: "List the columns --columns accepts for this scenario (and --against or --ratio), then exit: name, dotted path in `evaluate`, unit (tab-separated).")
    var listColumns = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Evaluate only the I-th of N contiguous blocks of the grid (0 ≤ I < N).", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Continue an interrupted run: keep the complete rows of --output, drop a partial last line, append the rest.")
    var resume = false

    @Option(name: .customLong("max-points"), help: "Most grid points this run evaluates (a guard against a typo costing hours).")
    var maxPoints = Limits.sweepPoints

    @Flag(help: "Never draw a progress bar (it is drawn on stderr only when stderr is a terminal).")
    var quiet = false

    /// A sweep streams rows, so only the two streaming formats are offered.
    enum StreamFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "csv, or json (JSON lines: one object per row).")
    var format: StreamFormat = .csv

    @Option(help: "Write the rows to FILE as they stream (not atomically: --resume continues it).")
    var output: String?

    @OptionGroup var scenarioOptions: ScenarioOptions
    var overrides: [String] { scenarioOptions.overrides }

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxPoints >= 1 else { throw ValidationError("--max-points must be at least 1") }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE") }
    }

    func run() throws {
        try reportingErrors {
            var setup = try studySetup(scenario, against: against ?? (ratio ? "colossus-1" : nil), overrides: overrides)
            if listColumns {
                // Column name, the output's dotted path in `evaluate`, its unit (tab-separated).
                for (name, output) in setup.selectableColumnOutputs {
                    print([name, output?.path ?? "-", output?.unit ?? (name == "cost_ratio" ? "-" : "USD/PFLOP-h")].joined(separator: "\t"))
                }
                return
            }
            if let columns { setup = try setup.selecting(columns: columns.split(separator: ",").map(String.init)) }
            let plan = try Self.plan(setup, vary: vary, shard: try parseShard(shard), format: format == .json ? .jsonl : .csv, maxPoints: maxPoints)
            let out: UnsafeMutablePointer<FILE>
            var skip = 0
            if let path = output {
                // Opened without truncating, then locked: a second writer fails before it touches
                // the file (flock is released when the process ends, however it ends).
                let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o666)
                guard fd >= 0 else { throw ScenarioError(file: path, "cannot be opened for writing: \(String(cString: strerror(errno)))") }
                var info = stat()
                fstat(fd, &info)
                let regular = (info.st_mode & S_IFMT) == S_IFREG
                if resume && !regular { close(fd); throw ScenarioError(file: path, "is not a regular file: --resume needs one", accepted: "a regular file") }
                if regular && flock(fd, LOCK_EX | LOCK_NB) != 0 {
                    close(fd)
                    throw ScenarioError(file: path, "another orbital sweep is writing this file (it is locked): refusing a second writer")
                }
                if resume {
                    skip = try Sweep.resume(plan, path: path, toolVersion: Orbital.configuration.version)
                } else if regular {
                    ftruncate(fd, 0)
                    try writeAtomically(plan.fingerprint(toolVersion: Orbital.configuration.version), to: SweepPlan.fingerprintPath(of: path))
                }
                lseek(fd, 0, SEEK_END)
                guard let f = fdopen(fd, "a") else { close(fd); throw ScenarioError(file: path, "cannot be opened for writing") }
                out = f
                if !resume, let header = plan.header { fputs(header, f) }
            } else {
                out = stdout
                if let header = plan.header { fputs(header, out) }
            }
            defer { if out != stdout { fclose(out) } }
            let bar = ProgressBar(total: plan.range.count, enabled: !quiet, label: "sweep")
            try Sweep.run(plan, jobs: jobs ?? Parallel.defaultJobs, skip: skip, bytes: { bytes in
                let written = fwrite(bytes.baseAddress, 1, bytes.count, out)
                guard written == bytes.count, fflush(out) == 0 else { throw ScenarioError(file: output ?? "<stdout>", "write failed") }
            }, progress: { done, total in bar.update(done) })
            bar.finish()
        }
    }
}

extension SweepCommand {
    /// The grid to evaluate, after checking the point limit: shared by `run` and `orbital serve`
    /// (`POST /api/v1/sweep`), which then stream `Sweep.run` alike.
    static func plan(_ setup: StudySetup, vary: [String], shard: (index: Int, count: Int), format: SweepPlan.SweepFormat, maxPoints: Int) throws -> SweepPlan {
        let axes = try vary.map { try SweepAxis.parse($0, setup: setup) }
        let plan = try SweepPlan(setup: setup, axes: axes, shard: shard, format: format)
        try Limits.check(plan.range.count, limit: maxPoints, what: "a grid (this shard) of", flag: "--max-points")
        return plan
    }
}

/// `I/N` → (I, N).
func parseShard(_ text: String?) throws -> (index: Int, count: Int) {
    guard let text else { return (0, 1) }
    let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, i >= 0, i < n else {
        throw ScenarioError(file: "--shard", key: text, "not a shard", accepted: "I/N with 0 ≤ I < N, e.g. 3/8 (Slurm: $SLURM_ARRAY_TASK_ID/N)")
    }
    return (i, n)
}

/// Loads the study's scenarios with the --set overrides; `ground` nil means no comparison.
func studySetup(_ primary: String, against ground: String?, overrides: [String]) throws -> StudySetup {
    try studySetup(try Scenario.resolve(primary), against: try ground.map { try loadGround($0) }, overrides: overrides)
}

/// The study of loaded scenarios (`ground` nil: no comparison), with the overrides applied.
func studySetup(_ primary: Scenario, against ground: Scenario?, overrides: [String]) throws -> StudySetup {
    guard let ground else {
        var one = [primary]
        try Overrides.apply(overrides, to: &one)
        return try StudySetup(primary: one[0])
    }
    var o = primary
    var g: Scenario? = ground
    try Overrides.apply(overrides, primary: &o, ground: &g)
    return try StudySetup(primary: o, ground: g)
}

func loadGround(_ argument: String?) throws -> Scenario {
    guard let argument else { return Scenario.colossus1 }
    if argument == "colossus1", !FileManager.default.fileExists(atPath: argument) { return Scenario.colossus1 }
    return try Scenario.resolve(argument)
}

/// A one-line progress bar with rate and ETA on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    let total: Int
    let enabled: Bool
    let label: String
    let start = Date()
    var lastDraw = Date.distantPast
    var first: Int?

    init(total: Int, enabled: Bool = true, label: String) {
        self.total = total
        self.label = label
        self.enabled = enabled && isatty(STDERR_FILENO) == 1 && total > 0
    }

    func update(_ done: Int) {
        guard enabled else { return }
        if first == nil { first = done }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = Double(done - (first ?? 0)) / max(elapsed, 1e-9)
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = Int(Double(width) * Double(done) / Double(total))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %@ %5.1f%% %@/%@ %@/s ETA %@ ", label, bar, 100 * Double(done) / Double(total),
                          humanCount(Double(done)), humanCount(Double(total)), humanCount(rate), clock(eta))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    func humanCount(_ x: Double) -> String {
        x >= 1e6 ? String(format: "%.2fM", x / 1e6) : x >= 1e4 ? String(format: "%.1fk", x / 1e3) : String(format: "%.0f", x)
    }

    func clock(_ s: Double) -> String {
        let t = Int(s.rounded())
        return String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
    }
}
