import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

/// The entry point: one error convention for every failure, usage errors included — one line on
/// stderr (`orbital: error: …`) and exit status 2; `--help` (with the verb's EXAMPLES) and
/// `--version` exit 0; an interrupt (SIGINT/SIGTERM) removes temporaries and exits 130/143.
@main
enum Main {
    static func main() {
        Interrupts.install()
        if let raw = ProcessInfo.processInfo.environment["ORBITAL_MAX_INPUT_BYTES"] {
            guard let n = Int(raw), n > 0 else { fail("ORBITAL_MAX_INPUT_BYTES: '\(oneLine(raw, max: 40))' is not a positive whole number") }
            Limits.inputBytes = n
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try Orbital.parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            // Help, version and completion requests are "errors" that carry exit 0.
            if Orbital.exitCode(for: error) == .success {
                print(Examples.appended(to: Orbital.fullMessage(for: error), arguments: arguments))
                exit(0)
            }
            let message = Orbital.message(for: error)
                .replacingOccurrences(of: "^Error: ", with: "", options: .regularExpression)
            // The parser appends "Help:" and "Usage:" lines; a value's own newlines are escaped.
            var first = message
            for marker in ["\nHelp:", "\nUsage:", "\n  See '"] {
                if let r = first.range(of: marker) { first = String(first[..<r.lowerBound]) }
            }
            fail(first.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        exit(0)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("orbital: error: \(oneLine(message, max: 2000))\n".utf8))
        exit(2)
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
                      Latency.self, Published.self, OrbitCalculator.self, RadiatorCalculator.self, LinksCalculator.self,
                      Validate.self, ModelsList.self, Explain.self, CatalogList.self, BenchCommand.self, ServeCommand.self]
    )
}

/// The two scenarios of a comparison (`compare`, `breakeven`, `report`, `timeline`).
struct ScenarioPair: ParsableArguments {
    @Argument(help: "The orbital scenario.", completion: Completions.scenario)
    var orbital: String

    @Argument(help: "The terrestrial scenario (default: Colossus 1).", completion: Completions.scenario)
    var terrestrial: String?
}

/// The scenarios of an uncertainty study (`montecarlo`, `sensitivity`): one of either kind, and
/// for an orbital one the ground it is compared with.
struct StudyScenarios: ParsableArguments {
    @Argument(help: "The orbital (or terrestrial) scenario.", completion: Completions.scenario)
    var scenario: String

    @Argument(help: "The terrestrial scenario to compare with (default: Colossus 1).", completion: Completions.scenario)
    var terrestrial: String?
}

/// The scenario arguments every scenario verb shares, declared once: the input size limit and
/// `--set` overrides (with their side prefixes). Verbs include it with `@OptionGroup`.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("max-input-bytes"), help: "Largest scenario file read, in bytes (default 1 MiB; also ORBITAL_MAX_INPUT_BYTES).")
    var maxInputBytes: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set orbit.altitude_km=800 (repeatable). With two sides, prefix orbital:, ground: or both: (unprefixed: the first scenario if it has the key, else the ground; the same accelerators and training job to both).", valueName: "KEY=VALUE"), completion: Completions.set)
    var overrides: [String] = []

    func validate() throws {
        if let n = maxInputBytes {
            guard n > 0 else { throw ValidationError("--max-input-bytes must be a positive number of bytes") }
            Limits.inputBytes = n
        }
    }
}

/// Options every scenario verb with the common output formats takes: the format, the output file
/// and the scenario arguments.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the result to FILE (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var scenarioOptions: ScenarioOptions

    var overrides: [String] { scenarioOptions.overrides }

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
        FileHandle.standardError.write(Data("orbital: error: \(oneLine(errorMessage(error), max: 2000))\n".utf8))
        throw ExitCode(2)
    }
}

/// The message of an engine error, with GSL's wording translated into what the user can act on.
func errorMessage(_ error: Error) -> String {
    let text = "\(error)"
    if text.contains("GSL status") || text.contains("no sign change") || text.contains("endpoints do not straddle") {
        return "the model's numerical solver found no solution for these inputs (\(text)); check the inputs named in `orbital explain` ranges"
    }
    return text
}
