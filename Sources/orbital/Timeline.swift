import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Capacity online versus time in orbit and on the ground, time to target, and what the wait costs.",
        discussion: """
        Orbit: launches at launch.launches_per_year, satellites built at satellite.manufacturing_per_year, \
        accelerators failing without repair, launch prices on Wright's law (launch.learning_rate). Ground: the \
        cluster comes online after facility.build_days. Delay cost: the present value of the accelerator-hours \
        not delivered in the analysis window versus an instant deployment, at each side's levelized cost. \
        --format json gives the summary and the series; csv gives the series.
        """
    )

    @OptionGroup var pair: ScenarioPair
    var scenario: String { pair.orbital }
    var terrestrial: String? { pair.terrestrial }

    @Option(help: "Samples of the series.")
    var points = 200

    @Option(name: .customLong("max-launches"), help: "Most launches the timeline enumerates (an error beyond).")
    var maxLaunches = Limits.timelineLaunches

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingErrors {
            guard points >= 2 else { throw ScenarioError(file: "--points", "needs at least 2 points") }
            let setup = try studySetup(scenario, against: terrestrial ?? "colossus-1", overrides: options.overrides)
            let r = try Timeline.run(orbital: setup.primary, ground: setup.ground, points: points, maxLaunches: maxLaunches)
            switch options.format {
            case .json: try options.emit(Envelope.json(verb: "timeline", r.report))
            case .csv: try options.emit(r.csv)
            case .table, .markdown:
                var summary = r.report
                if case let .object(pairs) = summary { summary = .object(pairs.filter { $0.0 != "series" }) }
                var text = Render.results([("timeline", summary)], format: options.format)
                if options.format == .table {
                    text += "\n" + sparkline(r)
                }
                try options.emit(text)
            }
        }
    }

    /// A coarse text chart of orbital IT power online (fraction of target) over time.
    func sparkline(_ r: Timeline.Result) -> String {
        let blocks = Array(" ▁▂▃▄▅▆▇█")
        let step = max(1, r.series.count / 60)
        let target = r.orbital.targetItPowerW
        var line = ""
        for p in stride(from: 0, to: r.series.count, by: step) {
            let f = min(max(r.series[p].orbitalItPowerW / target, 0), 1)
            line.append(blocks[Int((f * 8).rounded())])
        }
        let days = r.series.last?.days ?? 0
        return "orbital IT power online / target, 0 … \(humanNumber(days)) days:\n|\(line)|\n"
    }
}
