import ArgumentParser
import OrbitalCompute
import OrbitalReport

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate one or more scenarios (orbital or terrestrial).")

    @Argument(help: "Scenario files, or names of shipped scenarios in Models/.", completion: Completions.scenario)
    var scenarios: [String]

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingErrors {
            let results = try Self.results(try scenarios.map { try Scenario.resolve($0) }, overrides: options.overrides)
            // JSON: always a list, whatever the number of scenarios.
            try options.emit(options.format == .json
                ? Envelope.json(verb: "evaluate", .array(results.map(\.1)))
                : Render.results(results, format: options.format))
        }
    }

    /// Each scenario's report (by name) with the overrides applied: what `run` prints and
    /// `orbital serve` answers (`POST /api/v1/evaluate`).
    static func results(_ scenarios: [Scenario], overrides: [String]) throws -> [(String, ResultValue)] {
        let model = OrbitalModel.shared
        var loaded = scenarios
        try Overrides.apply(overrides, to: &loaded)
        return try loaded.map { ($0.name, Engine.report($0, try Engine.evaluate($0, model: model))) }
    }
}
