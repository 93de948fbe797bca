import ArgumentParser
import OrbitalCompute

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate one or more scenarios (orbital or terrestrial).")

    @Argument(help: "Scenario files, or names of shipped scenarios in Models/.")
    var scenarios: [String]

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingErrors {
            let model = OrbitalModel()
            var loaded = try scenarios.map { try Scenario.resolve($0) }
            try Overrides.apply(options.overrides, to: &loaded)
            var results: [(String, ResultValue)] = []
            for scenario in loaded {
                results.append((scenario.name, Engine.report(scenario, try Engine.evaluate(scenario, model: model))))
            }
            try options.emit(Render.results(results, format: options.format))
        }
    }
}
