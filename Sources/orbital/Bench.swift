import ArgumentParser
import Foundation
import MallocCounter
import OrbitalCompute
import OrbitalReport

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine's speed on the shipped 1 GW scenario (build with -c release).",
        discussion: """
        --profile runs one loop alone for a profiler; --profile allocations:N prints the heap allocations \
        per draw of the hot path after N warm-up draws.

        Prints: full evaluations per second on one core with every cache defeated (a fresh model: the \
        annual eclipse integral, the transient ODE and the network contact analysis run every time), and with \
        only the eclipse and transient caches cleared; the Monte Carlo hot path (one draw sampled and evaluated, \
        µs on one core) with its heap allocations per draw (counted by the process's allocator hooks: 0 means \
        no dictionary, array, string or class is made); whole Monte Carlo runs (summaries included) per draw on \
        one core and per core on all cores, next to spacedc-mdao's per draw when python3 has it \
        (pip install spacedc-mdao==0.4.2; timed by Scripts/spacedc-bench.py); cost-only sweeps streamed as CSV \
        to /dev/null, points per second on one core and on all cores, with allocations per point; and the peak \
        resident memory (getrusage ru_maxrss) after sweeps of 10 k, 1 M and --sweep-points points (flat memory: \
        the three are close).
        """
    )

    @Argument(help: "The scenario (default: the shipped 1 GW dawn-dusk scenario).", completion: Completions.scenario)
    var scenario: String = "orbital-1gw-dawn-dusk"

    @Option(help: "Worker threads for the parallel figures (default: all cores).")
    var jobs: Int?

    @Option(help: "Points of the largest sweep whose peak memory is measured (after 10 k and 1 M points).")
    var sweepPoints: Int = 10_000_000

    @Option(help: "Monte Carlo draws of the whole runs.")
    var draws: Int = 100_000

    @Option(help: "Seconds spent on each single-core rate.")
    var seconds: Double = 2

    @Option(help: "Draws spacedc-mdao is timed over (0: skip it).")
    var spacedcDraws: Int = 200

    @Option(help: ArgumentHelp("Only run one loop, for a profiler (perf record, valgrind --tool=callgrind): `draws` (the Monte Carlo hot path) or `sweep` (a cost-only CSV sweep to /dev/null on one core), N times.", valueName: "LOOP:N"))
    var profile: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "Output format.")
    var format: Format = .table

    func run() throws {
        try reportingErrors {
            let jobs = self.jobs ?? Parallel.defaultJobs
            let scenario = try Scenario.resolve(self.scenario)
            let inputs = try scenario.orbitalInputs()
            var figures: [(String, ResultValue)] = []
            func round(_ x: Double, _ digits: Double = 1000) -> Double { (x * digits).rounded() / digits }
            if let profile {
                let parts = profile.split(separator: ":")
                guard parts.count == 2, let count = Int(parts[1]), count > 0, ["draws", "sweep", "allocations"].contains(parts[0]) else {
                    throw ValidationError("--profile takes draws:N, sweep:N or allocations:N")
                }
                let setup = try StudySetup(primary: scenario, ground: Scenario.colossus1)
                if parts[0] == "allocations" {
                    // Heap allocations per draw of the hot path after a warm-up (0 in a release
                    // build): the default columns, then columns that read the training fabric
                    // (which the result then carries, in a box lent to it).
                    let fabricSetup = try setup.selecting(columns: ["fabric.training_efficiency", "fabric.training_clusters", "cost_per_pflop_hour_usd"])
                    for (name, study) in [("allocations_per_draw", setup), ("allocations_per_draw_reading_the_fabric", fabricSetup)] {
                        let loop = try MonteCarlo.DrawLoop(setup: study, inputs: try study.uncertainInputs(), seed: 1)
                        _ = loop.run(draws: count)
                        let before = orbital_thread_allocations()
                        _ = loop.run(draws: count)
                        let after = orbital_thread_allocations()  // read before print builds its arguments
                        print(name, Double(after - before) / Double(count))
                    }
                } else if parts[0] == "draws" {
                    let loop = try MonteCarlo.DrawLoop(setup: setup, inputs: try setup.uncertainInputs(), seed: 1)
                    _ = loop.run(draws: count)
                    print(loop.checksum)
                } else {
                    let side = Int(Double(count).squareRoot().rounded(.up))
                    let plan = try SweepPlan(setup: setup, axes: [SweepAxis.parse("launch.cost_per_kg_usd=20:2000:\(side):log", setup: setup),
                                                                  SweepAxis.parse("solar.cost_usd_per_w=5:100:\(side)", setup: setup)])
                    var bytes = 0
                    try Sweep.run(plan, jobs: 1, bytes: { bytes += $0.count })
                    print(bytes)
                }
                return
            }

            // 1. Full evaluation, caches defeated: a fresh model every time.
            var n = 0
            var t0 = Date()
            while Date().timeIntervalSince(t0) < seconds {
                _ = try OrbitalModel().evaluate(inputs); n += 1
            }
            let full = Double(n) / Date().timeIntervalSince(t0)
            figures.append(("full_evaluations_per_s_1_core", .number(full.rounded())))
            figures.append(("full_evaluation_ms", .number(round(1000 / full, 1e4))))
            // The same with the network contact geometry cached: the annual eclipse integral and the
            // transient ODE still run every time.
            let model = OrbitalModel()
            _ = try model.evaluate(inputs)
            n = 0
            t0 = Date()
            while Date().timeIntervalSince(t0) < seconds {
                model.clearOrbitAndThermalCaches()
                _ = try model.evaluate(inputs); n += 1
            }
            let eclipseTransient = Double(n) / Date().timeIntervalSince(t0)
            figures.append(("eclipse_and_transient_evaluations_per_s_1_core", .number(eclipseTransient.rounded())))
            figures.append(("eclipse_and_transient_evaluation_ms", .number(round(1000 / eclipseTransient, 1e4))))

            // 2. The Monte Carlo hot path on this thread: sample, evaluate, read every metric.
            let setup = try StudySetup(primary: scenario, ground: Scenario.colossus1)
            let uncertain = try setup.uncertainInputs()
            let loop = try MonteCarlo.DrawLoop(setup: setup, inputs: uncertain, seed: 1)
            _ = loop.run(draws: 20_000)  // warm: caches, the layout's pass table, buffers
            let before = orbital_thread_allocations()
            let counted = 20_000
            _ = loop.run(draws: counted)
            let allocations = Double(orbital_thread_allocations() - before) / Double(counted)
            n = 0
            t0 = Date()
            let cpuStart = threadCPUSeconds()
            while Date().timeIntervalSince(t0) < seconds { _ = loop.run(draws: 10_000); n += 10_000 }
            let drawUs = Date().timeIntervalSince(t0) / Double(n) * 1e6
            // CPU time of this thread: the cost on one core even when other processes share it.
            let drawCpuUs = (threadCPUSeconds() - cpuStart) / Double(n) * 1e6
            figures.append(("montecarlo_inputs", .integer(uncertain.count)))
            figures.append(("draw_hot_path_us_1_core", .number(round(drawUs))))
            figures.append(("draw_hot_path_cpu_us", .number(round(drawCpuUs))))
            figures.append(("allocations_per_draw", .number(before < 0 ? .nan : round(allocations, 100))))

            // 3. Cost-only sweeps streamed as CSV to /dev/null; peak memory after 10 k, 1 M and the largest.
            let devNull = fopen("/dev/null", "w")
            defer { if let devNull { fclose(devNull) } }
            func sweep(points: Int, jobs: Int) throws -> (rate: Double, allocationsPerPoint: Double, perCPUSecond: Double) {
                let side = Int(Double(points).squareRoot().rounded(.up))
                let axes = try [SweepAxis.parse("launch.cost_per_kg_usd=20:2000:\(side):log", setup: setup),
                                SweepAxis.parse("solar.cost_usd_per_w=5:100:\(side)", setup: setup)]
                let plan = try SweepPlan(setup: setup, axes: axes)
                let a0 = orbital_thread_allocations()
                let t = Date(), c = cpuSeconds()
                try Sweep.run(plan, jobs: jobs, bytes: { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, devNull) })
                let elapsed = Date().timeIntervalSince(t)
                return (Double(plan.total) / elapsed, Double(orbital_thread_allocations() - a0) / Double(plan.total), Double(plan.total) / (cpuSeconds() - c))
            }
            var memory: [(String, ResultValue)] = []
            var largeRate = 0.0
            for points in [10_000, 1_000_000, sweepPoints] where points <= sweepPoints {
                let r = try sweep(points: points, jobs: jobs)
                largeRate = r.rate
                memory.append(("peak_rss_mb_after_\(points)_point_sweep", .number(round(maxResidentMB(), 10))))
            }
            let one = try sweep(points: 1_000_000, jobs: 1)
            let cpu0 = cpuSeconds(), wall0 = Date()
            let all = try sweep(points: 1_000_000, jobs: jobs)
            let utilisation = (cpuSeconds() - cpu0) / Date().timeIntervalSince(wall0)
            figures.append(("csv_sweep_points_per_s_1_core", .number(one.rate.rounded())))
            figures.append(("csv_sweep_points_per_cpu_s", .number(one.perCPUSecond.rounded())))
            figures.append(("csv_sweep_points_per_s_\(jobs)_cores", .number(all.rate.rounded())))
            figures.append(("csv_sweep_points_per_s_\(jobs)_cores_\(sweepPoints)_points", .number(largeRate.rounded())))
            figures.append(("allocations_per_sweep_point", .number(round(one.allocationsPerPoint, 1e4))))
            figures.append(("scaling_factor", .number(round(all.rate / one.rate, 100))))
            // Cores actually used by the parallel sweep (CPU time over wall time): below `jobs`
            // when other processes share the machine, which caps the scaling factor.
            figures.append(("cores_used_by_parallel_sweep", .number(round(utilisation, 100))))
            figures += memory

            // 4. Whole Monte Carlo runs (sampling, evaluation, exact summaries), 1 core and all cores.
            t0 = Date()
            let mc1 = try MonteCarlo.run(setup: setup, inputs: uncertain, draws: draws, seed: 1, jobs: 1)
            let run1 = Date().timeIntervalSince(t0) / Double(draws) * 1e6
            t0 = Date()
            _ = try MonteCarlo.run(setup: setup, inputs: uncertain, draws: draws, seed: 1, jobs: jobs)
            let runAll = Date().timeIntervalSince(t0) / Double(draws) * 1e6
            figures.append(("montecarlo_us_per_draw_1_core", .number(round(run1))))
            figures.append(("montecarlo_us_per_draw_per_core_\(jobs)_cores", .number(round(runAll * Double(jobs)))))
            figures.append(("montecarlo_draws_per_s_\(jobs)_cores", .number((1e6 / runAll).rounded())))
            figures.append(("montecarlo_failed_draws", .integer(mc1.failedDraws)))
            // Past `MonteCarlo.exactSummaryDraws` the percentiles are streamed (P², three
            // estimators per column): a run of 4× that many draws on all cores.
            let streamedDraws = 4 * MonteCarlo.exactSummaryDraws
            t0 = Date()
            _ = try MonteCarlo.run(setup: setup, inputs: uncertain, draws: streamedDraws, seed: 1, jobs: jobs)
            let streamed = Date().timeIntervalSince(t0) / Double(streamedDraws) * 1e6
            figures.append(("montecarlo_us_per_draw_per_core_\(jobs)_cores_\(streamedDraws)_draws_streamed", .number(round(streamed * Double(jobs)))))

            // 5. spacedc-mdao 0.4.2's Monte Carlo, side by side.
            if spacedcDraws > 0 {
                if let perDraw = spacedcSecondsPerDraw() {
                    figures.append(("spacedc_mdao_us_per_draw_1_core", .number(round(perDraw * 1e6, 10))))
                    figures.append(("speedup_vs_spacedc_mdao_hot_path", .number((perDraw * 1e6 / drawUs).rounded())))
                    figures.append(("speedup_vs_spacedc_mdao_whole_run", .number((perDraw * 1e6 / run1).rounded())))
                } else {
                    figures.append(("spacedc_mdao_us_per_draw_1_core", .text("not installed")))
                }
            }

            var load = [Double](repeating: 0, count: 3)
            getloadavg(&load, 3)
            figures.append(("load_average_1_min", .number(round(load[0], 100))))
            figures.append(("cores", .integer(ProcessInfo.processInfo.activeProcessorCount)))

            let result = ResultValue.object(figures)
            switch format {
            case .json: print(Envelope.json(verb: "bench", result), terminator: "")
            default:
                print(Render.table(header: ["figure", "value"], rows: figures.map { [$0.0, $0.1.displayText] }))
            }
        }
    }

    /// spacedc-mdao's seconds per Monte Carlo draw, from Scripts/spacedc-bench.py (found next to
    /// the sources this binary was built from, else in the working directory); nil when python3,
    /// the script or the package is missing.
    func spacedcSecondsPerDraw() -> Double? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [root.appendingPathComponent("Scripts/spacedc-bench.py").path, "Scripts/spacedc-bench.py"]
        guard let script = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, String(spacedcDraws)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let first = String(decoding: data, as: UTF8.self).split(separator: " ").first else { return nil }
        return Double(first)
    }

    /// CPU time of the calling thread [s].
    func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// User + system CPU time of this process [s].
    func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size of this process [MB] (Linux reports ru_maxrss in kB).
    func maxResidentMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
