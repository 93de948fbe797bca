import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine's speed on the shipped 1 GW scenario (build with -c release).",
        discussion: """
        Prints: full evaluations per second on one core with every cache defeated (a fresh model: the \
        annual eclipse integral, the transient ODE and the network contact analysis run every time), and with \
        only the eclipse and transient caches cleared; cached sweep points per second on one core and on \
        all cores (their ratio is the scaling factor); Monte Carlo draws per second over the scenario's \
        default distributions; and the peak resident memory (getrusage ru_maxrss) after a small sweep and \
        after a --sweep-points sweep written to /dev/null (flat memory: the two are close).
        """
    )

    @Argument(help: "The scenario (default: the shipped 1 GW dawn-dusk scenario).", completion: Completions.scenario)
    var scenario: String = "orbital-1gw-dawn-dusk"

    @Option(help: "Worker threads for the parallel figures (default: all cores).")
    var jobs: Int?

    @Option(help: "Points of the large sweep whose peak memory is measured.")
    var sweepPoints: Int = 1_000_000

    @Option(help: "Monte Carlo draws.")
    var draws: Int = 100_000

    @Option(help: "Seconds spent on each single-core rate.")
    var seconds: Double = 2

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "Output format.")
    var format: Format = .table

    func run() throws {
        try reportingErrors {
            let jobs = self.jobs ?? Parallel.defaultJobs
            let scenario = try Scenario.resolve(self.scenario)
            let inputs = try scenario.orbitalInputs()
            var figures: [(String, ResultValue)] = []

            // 1. Full evaluation, caches defeated: a fresh model every time.
            var n = 0
            var t0 = Date()
            while Date().timeIntervalSince(t0) < seconds {
                _ = try OrbitalModel().evaluate(inputs); n += 1
            }
            let full = Double(n) / Date().timeIntervalSince(t0)
            figures.append(("full_evaluations_per_s_1_core", .number(full.rounded())))
            figures.append(("full_evaluation_ms", .number(1000 / full)))
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
            figures.append(("eclipse_and_transient_evaluation_ms", .number(1000 / eclipseTransient)))

            // 2. Cached sweep (orbit and radiator unchanged: the caches hit), 1 core and all cores.
            let setup = try StudySetup(primary: scenario, ground: Scenario.colossus1)
            func sweepRate(points: Int, jobs: Int) throws -> Double {
                let side = Int(Double(points).squareRoot().rounded(.up))
                let axes = try [SweepAxis.parse("launch.cost_per_kg_usd=20:2000:\(side):log", setup: setup),
                                SweepAxis.parse("solar.cost_usd_per_w=5:100:\(side)", setup: setup)]
                let plan = try SweepPlan(setup: setup, axes: axes)
                var bytes = 0
                let t = Date()
                try Sweep.run(plan, jobs: jobs, sink: { bytes += $0.utf8.count })
                return Double(plan.total) / Date().timeIntervalSince(t)
            }
            let one = try sweepRate(points: 200_000, jobs: 1)
            let cpu0 = cpuSeconds(), wall0 = Date()
            let all = try sweepRate(points: 400_000, jobs: jobs)
            let utilisation = (cpuSeconds() - cpu0) / Date().timeIntervalSince(wall0)
            figures.append(("cached_sweep_points_per_s_1_core", .number(one.rounded())))
            figures.append(("cached_sweep_points_per_s_\(jobs)_cores", .number(all.rounded())))
            figures.append(("scaling_factor", .number((all / one * 100).rounded() / 100)))
            // Cores actually used by the parallel sweep (CPU time over wall time): below `jobs`
            // when other processes share the machine, which caps the scaling factor.
            figures.append(("cores_used_by_parallel_sweep", .number((utilisation * 100).rounded() / 100)))
            var load = [Double](repeating: 0, count: 3)
            getloadavg(&load, 3)
            figures.append(("load_average_1_min", .number((load[0] * 100).rounded() / 100)))

            // 3. Monte Carlo over the scenario's uncertainty section.
            let uncertain = try setup.uncertainInputs()
            t0 = Date()
            let mc = try MonteCarlo.run(setup: setup, inputs: uncertain, draws: draws, seed: 1, jobs: jobs)
            let mcRate = Double(draws) / Date().timeIntervalSince(t0)
            figures.append(("montecarlo_draws_per_s_\(jobs)_cores", .number(mcRate.rounded())))
            figures.append(("montecarlo_inputs", .integer(uncertain.count)))
            figures.append(("montecarlo_failed_draws", .integer(mc.failedDraws)))

            // 4. Peak memory: a small sweep, then a large one.
            _ = try sweepRate(points: 10_000, jobs: jobs)
            let small = maxResidentMB()
            let bigRate = try sweepRate(points: sweepPoints, jobs: jobs)
            let big = maxResidentMB()
            figures.append(("peak_rss_mb_after_10k_sweep", .number((small * 10).rounded() / 10)))
            figures.append(("peak_rss_mb_after_\(sweepPoints)_sweep", .number((big * 10).rounded() / 10)))
            figures.append(("large_sweep_points_per_s", .number(bigRate.rounded())))
            figures.append(("cores", .integer(ProcessInfo.processInfo.activeProcessorCount)))

            let result = ResultValue.object(figures)
            switch format {
            case .json: print(Envelope.json(verb: "bench", result), terminator: "")
            default:
                print(Render.table(header: ["figure", "value"], rows: figures.map { [$0.0, $0.1.displayText] }))
            }
        }
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
