import ArgumentParser
import Foundation
import OrbitalCompute

@main
struct Orbital: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orbital",
        abstract: "Can gigawatt-scale AI compute in orbit beat a terrestrial cluster like Colossus 1 — and under which assumptions?",
        discussion: "Scenarios are YAML files (see Models/). Every input has a unit, a default, an accepted range and a source: `orbital explain KEY`.",
        version: "0.1.0",
        subcommands: [Evaluate.self, Compare.self, Breakeven.self, Report.self,
                      SweepCommand.self, MonteCarloCommand.self, SensitivityCommand.self, TimelineCommand.self,
                      Latency.self, Published.self, OrbitCalculator.self, RadiatorCalculator.self, LinksCalculator.self,
                      Validate.self, ModelsList.self, Explain.self, CatalogList.self, BenchCommand.self]
    )
}

/// Options every scenario verb takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the result to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set orbit.altitude_km=800 (repeatable). With two sides, prefix orbital:, ground: or both: (unprefixed: the first scenario if it has the key, else the ground).", valueName: "KEY=VALUE"))
    var overrides: [String] = []

    /// Prints or writes the text.
    func emit(_ text: String) throws {
        if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
    }

    /// Loads a scenario (path or shipped name) with the overrides.
    func load(_ argument: String) throws -> Scenario {
        var scenarios = [try Scenario.load(path: Scenario.locate(argument))]
        try Overrides.apply(overrides, to: &scenarios)
        return scenarios[0]
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Runs a verb body, turning any engine error into one line on stderr and exit status 2.
func reportingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let error as ExitCode { throw error } catch {
        FileHandle.standardError.write(Data("orbital: error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
