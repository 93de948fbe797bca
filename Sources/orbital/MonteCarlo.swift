import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct MonteCarloCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo",
        abstract: "Propagate input distributions: percentiles of the key metrics and P(orbit cheaper than the ground).",
        discussion: """
        Distributions come from the scenario's uncertainty: section and from --vary KEY=DIST, where DIST is \
        uniform(lo, hi), normal(mean, sd), lognormal(median, sigma) (median of X, sigma = sd of ln X), \
        triangular(lo, mode, hi) or a fixed number. Draws outside a parameter's accepted range are clamped to it. \
        GSL mt19937 streams of 1,000 draws seeded from (--seed, stream index): the same seed gives byte-identical \
        output whatever --jobs is. Percentiles interpolate between order statistics (type 7).
        """
    )

    @OptionGroup var study: StudyScenarios
    var scenario: String { study.scenario }
    var terrestrial: String? { study.terrestrial }

    @Option(help: "Number of draws.")
    var draws: Int = 10_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .customLong("vary"), help: ArgumentHelp("An input distribution KEY=DIST (repeatable; replaces the scenario's declaration of KEY).", valueName: "KEY=DIST"), completion: Completions.vary)
    var vary: [String] = []

    @Flag(help: "Ignore the scenario's uncertainty: section (use only --vary).")
    var noDeclared = false

    @Flag(help: "Also integrate the radiator transient for every draw (adds temperature_max_k; about 10× slower).")
    var thermalTransient = false

    @Option(help: "Write every draw (inputs, metrics, error) as CSV to FILE.")
    var drawsOutput: String?

    @Option(help: "Worker threads (default: all cores), at most the streams of 1,000 draws and 4 per core.")
    var jobs: Int?

    @Option(name: .customLong("max-draws"), help: "Most draws accepted (a guard against a typo costing hours).")
    var maxDraws = Limits.draws

    @Option(help: ArgumentHelp("The metric columns summarised, comma-separated (as `orbital sweep --columns`; default: costs, mass, power and schedule).", valueName: "KEY,…"))
    var columns: String?

    @Flag(help: "Never draw a progress bar.")
    var quiet = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard draws >= 1 else { throw ValidationError("--draws must be at least 1") }
        guard maxDraws >= 1 else { throw ValidationError("--max-draws must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let primary = try Scenario.resolve(scenario)
            var setup = try studySetup(scenario, against: primary.kind == .orbital ? (terrestrial ?? "colossus-1") : nil, overrides: options.overrides)
            if let columns { setup = try setup.selecting(columns: columns.split(separator: ",").map(String.init)) }
            let inputs = try Self.inputs(setup, vary: vary, useDeclared: !noDeclared, draws: draws, maxDraws: maxDraws)
            // The draws file is written atomically too: an interrupted run leaves no partial file.
            let file = try drawsOutput.map { try OutputFile(path: $0) }
            let bar = ProgressBar(total: draws, enabled: !quiet, label: "montecarlo")
            let sink: ((String) throws -> Void)? = file.map { f in { text in try f.write(text) } }
            let result: MonteCarlo.Result
            do {
                result = try MonteCarlo.run(setup: setup, inputs: inputs, draws: draws, seed: seed, jobs: jobs ?? Parallel.defaultJobs, thermalTransient: thermalTransient,
                                            maxDraws: maxDraws, drawsSink: sink, progress: { done, _ in bar.update(done) })
                try file?.commit()
            } catch {
                file?.abandon()
                throw error
            }
            bar.finish()
            switch options.format {
            case .json: try options.emit(Envelope.json(verb: "montecarlo", result.report))
            case .csv:
                let units = Self.units(result)
                var text = "column,unit,mean,sd,p5,p50,p95,min,max\n"
                for s in result.summaries {
                    text += ([s.name, units(s.name)] + [s.mean, s.sd, s.p5, s.p50, s.p95, s.min, s.max].map { $0.isFinite ? "\($0)" : "" }).joined(separator: ",") + "\n"
                }
                if let p = result.probabilityOrbitCheaper { text += "probability_orbit_cheaper,-,\(p),,,,,,\n" }
                try options.emit(text)
            case .table, .markdown:
                try options.emit(monteCarloText(result, markdown: options.format == .markdown))
            }
        }
    }

    /// The distributions drawn from, after checking the draw limit: shared by `run` and
    /// `orbital serve` (`POST /api/v1/montecarlo`), which then call `MonteCarlo.run` alike.
    static func inputs(_ setup: StudySetup, vary: [String], useDeclared: Bool, draws: Int, maxDraws: Int) throws -> [UncertainInput] {
        let inputs = try setup.uncertainInputs(vary: vary, useDeclared: useDeclared)
        try Limits.check(draws, limit: maxDraws, what: "draws:", flag: "--max-draws")
        return inputs
    }

    /// The unit of a summarised column: a varied input's from the parameter table, an output's
    /// from the output table.
    static func units(_ r: MonteCarlo.Result) -> (String) -> String {
        let inputs = Dictionary(r.inputs.map { ($0.input.key, $0.input.info.unit) }, uniquingKeysWith: { a, _ in a })
        return { inputs[$0] ?? OutputTable.unit(ofPath: $0) }
    }

    func monteCarloText(_ r: MonteCarlo.Result, markdown: Bool) -> String {
        let name = markdown ? markdownText(r.scenario) : terminalText(r.scenario)
        var head = name + (r.ground.map { " vs " + (markdown ? markdownText($0) : terminalText($0)) } ?? "") + ": \(r.draws) draws, seed \(r.seed)"
        if r.failedDraws > 0 { head += ", \(r.failedDraws) failed (first: \(r.firstError ?? ""))" }
        if let p = r.probabilityOrbitCheaper { head += "\nP(orbit cheaper than the ground) = \(humanNumber(p * 100)) %" }
        let header = ["column", "unit", "p5", "p50", "p95", "mean"]
        let units = Self.units(r)
        let rows = r.summaries.map { s in [s.name, units(s.name), humanNumber(s.p5), humanNumber(s.p50), humanNumber(s.p95), humanNumber(s.mean)] }
        let inputs = r.inputs.map { "  \($0.input.key) ~ \($0.distribution)" }.joined(separator: "\n")
        if markdown {
            return head + "\n\n| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
                + rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
        }
        return head + "\ninputs:\n" + inputs + "\n\n" + Render.table(header: header, rows: rows, rightAlignedFrom: 2)
    }
}
