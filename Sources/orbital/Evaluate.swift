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
            var results: [(String, ResultValue)] = []
            for argument in scenarios {
                // An override applies to the scenarios whose kind has that key.
                let scenario = try options.load(argument, strictOverrides: scenarios.count == 1)
                let evaluation = try Engine.evaluate(scenario, model: model)
                results.append((scenario.name, Engine.report(scenario, evaluation)))
            }
            try checkOverridesUsed(options.overrides, scenarios: scenarios)
            try options.emit(Render.results(results, format: options.format))
        }
    }
}

/// With several scenarios, overrides are applied where they fit; one that fits none is an error.
func checkOverridesUsed(_ overrides: [String], scenarios: [String]) throws {
    guard scenarios.count > 1 else { return }
    for text in overrides {
        let key = String(text.split(separator: "=", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
        if ParameterTable.orbital[key] == nil && ParameterTable.terrestrial[key] == nil {
            throw ScenarioError(file: "--set", key: key, "unknown key", accepted: "see `orbital explain`")
        }
    }
}
