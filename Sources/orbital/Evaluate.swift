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
            let model = OrbitalModel.shared
            var loaded = try scenarios.map { try Scenario.resolve($0) }
            try Overrides.apply(options.overrides, to: &loaded)
            var results: [(String, ResultValue)] = []
            for scenario in loaded {
                results.append((scenario.name, Engine.report(scenario, try Engine.evaluate(scenario, model: model))))
            }
            // JSON: always a list, whatever the number of scenarios.
            try options.emit(options.format == .json
                ? Envelope.json(verb: "evaluate", .array(results.map(\.1)))
                : Render.results(results, format: options.format))
        }
    }
}
