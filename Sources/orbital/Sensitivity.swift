import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which inputs decide the verdict: tornado, elasticities and Sobol indices.",
        discussion: """
        Tornado: each real-valued input of both sides moves from low to high with the others at base; the range is \
        the declared uncertainty (uniform/triangular ends, 5th–95th percentiles of normal/lognormal), else the range \
        the parameter's source documents, else ±25 % (--swing). Elasticity: d ln Y / d ln X at base (±1 %). Sobol \
        first-order and total indices (Saltelli 2010 / Jansen estimators, GSL Sobol sequence) over the declared \
        uncertain inputs (else the widest tornado bars, uniform over their ranges). Y is the cost ratio orbit/ground \
        (the cost per PFLOP-hour for a terrestrial scenario alone).
        """
    )

    @OptionGroup var study: StudyScenarios
    var scenario: String { study.scenario }
    var terrestrial: String? { study.terrestrial }

    @Option(help: "Relative swing for inputs without a declared or documented range.")
    var swing = 0.25

    @Option(help: "Base samples N of the Sobol analysis (N·(k+2) evaluations).")
    var samples = 1024

    @Option(name: .customLong("vary"), help: ArgumentHelp("An input distribution KEY=DIST (repeatable).", valueName: "KEY=DIST"), completion: Completions.vary)
    var vary: [String] = []

    @Option(help: "Rows of the tornado shown in the table.")
    var top = 15

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("max-sobol-evaluations"), help: "Most model evaluations the Sobol analysis may take, N·(k+2).")
    var maxSobolEvaluations = Limits.sobolEvaluations

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard samples >= 2 else { throw ValidationError("--samples must be at least 2") }
        guard swing > 0, swing < 1 else { throw ValidationError("--swing must be in (0, 1)") }
    }

    func run() throws {
        try reportingErrors {
            let primary = try Scenario.resolve(scenario)
            let setup = try studySetup(scenario, against: primary.kind == .orbital ? (terrestrial ?? "colossus-1") : nil, overrides: options.overrides)
            let r = try Self.analyse(setup, vary: vary, swing: swing, samples: samples, jobs: jobs ?? Parallel.defaultJobs, maxSobolEvaluations: maxSobolEvaluations)
            switch options.format {
            case .json: try options.emit(Envelope.json(verb: "sensitivity", r.report))
            case .csv:
                var text = "key,unit,base,low,high,range_source,\(r.metric)_at_low,\(r.metric)_at_high,swing,elasticity,sobol_first,sobol_total,flips_verdict\n"
                let idx = Dictionary(r.indices.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                for b in r.bars {
                    let cells: [String] = [b.key, AnalysisUnits.unit(ofInput: b.key) ?? "", "\(b.base)", "\(b.low)", "\(b.high)", b.rangeSource, "\(b.atLow)", "\(b.atHigh)", "\(b.swing)",
                                           b.elasticity.isFinite ? "\(b.elasticity)" : "", idx[b.key].map { "\($0.first)" } ?? "",
                                           idx[b.key].map { "\($0.total)" } ?? "", b.flipsVerdict ? "true" : "false"]
                    text += cells.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
                }
                try options.emit(text)
            case .table, .markdown:
                let idx = Dictionary(r.indices.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                let header = ["input", "unit", "low … high", "source", "\(r.metric) low … high", "elasticity", "S1", "ST", "flips"]
                let ranked = r.ranking.prefix(top).compactMap { key in r.bars.first { $0.key == key } }
                let rows = ranked.map { b in
                    [b.key, AnalysisUnits.unit(ofInput: b.key) ?? "", "\(humanNumber(b.low)) … \(humanNumber(b.high))", b.rangeSource, "\(humanNumber(b.atLow)) … \(humanNumber(b.atHigh))",
                     b.elasticity.isFinite ? humanNumber(b.elasticity) : "", idx[b.key].map { humanNumber($0.first) } ?? "",
                     idx[b.key].map { humanNumber($0.total) + ($0.resolved ? "" : " *") } ?? "", b.flipsVerdict ? "yes" : ""]
                }
                let footnote = r.indices.contains { !$0.resolved }
                    ? "\n* not resolved at N = \(r.sobolSamples): 95 % bootstrap interval wider than ±\(humanNumber(Sobol.resolvedHalfWidth)) or S1 > ST (raise --samples; intervals in --format json)\n" : ""
                var text = "\(r.metric) at base: \(humanNumber(r.baseValue))   (Sobol: \(r.sobolInputs), N = \(r.sobolSamples), \(r.sobolEvaluations) evaluations)\n"
                text += "inputs ranked by total Sobol index, then by tornado swing:\n\n"
                if options.format == .markdown {
                    text += "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
                    text += rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
                } else {
                    text += Render.table(header: header, rows: rows, rightAlignedFrom: 3)
                }
                text += footnote + "\n" + Comparison.rankingNote + "\n"
                try options.emit(text)
            }
        }
    }

    /// The tornado, elasticities and Sobol indices: what `run` prints and `orbital serve`
    /// answers (`POST /api/v1/sensitivity`).
    static func analyse(_ setup: StudySetup, vary: [String], swing: Double, samples: Int, jobs: Int, maxSobolEvaluations: Int) throws -> SensitivityAnalysis.Result {
        let uncertain = try setup.uncertainInputs(vary: vary)
        return try SensitivityAnalysis.run(setup: setup, uncertain: uncertain, swing: swing, samples: samples, jobs: jobs, maxSobolEvaluations: maxSobolEvaluations)
    }
}
