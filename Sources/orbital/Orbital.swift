import ArgumentParser
import Foundation
import OrbitalCompute

/// The entry point: runs the parsed verb; a help request also gets the verb's EXAMPLES.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try Orbital.parseAsRoot(arguments)
            try command.run()
        } catch {
            // Help, version and completion requests carry exit 0.
            if Orbital.exitCode(for: error) == .success {
                print(Examples.appended(to: Orbital.fullMessage(for: error), arguments: arguments))
                exit(0)
            }
            Orbital.exit(withError: error)
        }
    }
}

struct Orbital: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orbital",
        abstract: "Can gigawatt-scale AI compute in orbit beat a terrestrial cluster like Colossus 1 — and under which assumptions?",
        discussion: "Scenarios are YAML files; the shipped ones are compiled in and named from any directory (`orbital models`). Every input has a unit, a default, an accepted range and a source: `orbital explain KEY`. `orbital VERB --help` ends with examples.",
        version: OrbitalVersion.tool,
        subcommands: [Evaluate.self, Compare.self, Breakeven.self, Report.self,
                      SweepCommand.self, MonteCarloCommand.self, SensitivityCommand.self, TimelineCommand.self,
                      Latency.self, Published.self, OrbitCalculator.self, RadiatorCalculator.self,
                      Validate.self, ModelsList.self, Explain.self, CatalogList.self, BenchCommand.self]
    )
}

/// Options every scenario verb takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the result to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set orbit.altitude_km=800 (repeatable). With two sides, prefix orbital:, ground: or both: (unprefixed: the first scenario if it has the key, else the ground).", valueName: "KEY=VALUE"), completion: Completions.set)
    var overrides: [String] = []

    /// Prints or writes the text.
    func emit(_ text: String) throws {
        if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
    }

    /// Loads a scenario (path or shipped name) with the overrides.
    func load(_ argument: String) throws -> Scenario {
        var scenarios = [try Scenario.resolve(argument)]
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
