import Foundation
import CLITestSupport
import XCTest

/// The CLI teaches itself: examples in every help, only accepted values listed, completions,
/// catalog ids in `explain`, one JSON envelope.
final class HelpCLITests: XCTestCase {
    /// The verbs listed by `orbital --help`.
    static func verbs() throws -> [String] {
        let help = try CLI.run(["--help"])
        let after = help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let section = after.components(separatedBy: "See 'orbital help").first ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard line.range(of: #"^  [a-z]+ "#, options: .regularExpression) != nil else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    func testEveryVerbsHelpEndsWithExamples() throws {
        let verbs = try Self.verbs()
        XCTAssertGreaterThanOrEqual(verbs.count, 17, "\(verbs)")
        for verb in verbs {
            for arguments in [[verb, "--help"], ["help", verb]] {
                let run = try CLI.run(arguments)
                XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
                let parts = run.stdout.components(separatedBy: "\nEXAMPLES:\n")
                XCTAssertEqual(parts.count, 2, "\(arguments) has no EXAMPLES section")
                // Commands, each optionally with a `# comment` line above it.
                let examples = (parts.last ?? "").split(separator: "\n").filter { !$0.hasPrefix("  # ") }
                XCTAssertTrue((2...4).contains(examples.count), "\(verb): \(examples.count) examples")
                for line in examples { XCTAssertTrue(line.hasPrefix("  orbital \(verb)"), "\(verb): \(line)") }
            }
        }
        XCTAssertTrue(try CLI.run(["--help"]).stdout.contains("\nEXAMPLES:\n  orbital models\n"))
        // Version and completion scripts are untouched.
        XCTAssertEqual(try CLI.run(["--version"]).stdout.split(separator: "\n").count, 1)
        XCTAssertFalse(try CLI.run(["--generate-completion-script", "bash"]).stdout.contains("EXAMPLES"))
    }

    func testBreakevenAndSweepHelpTeach() throws {
        let breakeven = try CLI.run(["breakeven", "--help"]).stdout
        for key in ["launch.cost_per_kg_usd", "solar.cost_usd_per_w", "energy.price_usd_per_mwh"] { XCTAssertTrue(breakeven.contains(key), key) }
        let sweep = try CLI.run(["sweep", "--help"]).stdout
        XCTAssertTrue(sweep.contains("--vary launch.cost_per_kg_usd=20:2000:50:log --vary thermal.radiator_temperature_k=300:350:11 --ratio --output sweep.csv"))
    }

    /// Help lists only what is accepted, and no build machine's core count.
    func testHelpListsOnlyAcceptedValues() throws {
        let sweep = try CLI.run(["sweep", "--help"]).stdout
        XCTAssertTrue(sweep.contains("values: csv, json;"), sweep)
        XCTAssertFalse(sweep.contains("markdown"))
        let bench = try CLI.run(["bench", "--help"]).stdout
        XCTAssertTrue(bench.contains("values: table, json;"), bench)
        for verb in ["sweep", "montecarlo", "sensitivity", "bench"] {
            let help = try CLI.run([verb, "--help"]).stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            XCTAssertTrue(help.contains("(default: all cores)"), verb)
            XCTAssertNil(help.range(of: #"all cores\)\.?\s*\(default: \d"#, options: .regularExpression), "\(verb) bakes in a core count")
        }
        for (verb, format) in [("sweep", "markdown"), ("sweep", "table"), ("bench", "csv")] {
            let run = try CLI.run([verb, "orbital-1gw-dawn-dusk", "--format", format])
            XCTAssertNotEqual(run.status, 0, "\(verb) --format \(format)")
        }
    }

    func testExplainAcceptsCatalogIds() throws {
        for (id, needle) in [("h100", "accelerator"), ("starship-500", "vehicle"), ("svalsat", "station"), ("new-york", "city")] {
            let run = try CLI.run(["explain", id])
            XCTAssertEqual(run.status, 0, "\(id): \(run.stderr)")
            XCTAssertTrue(run.stdout.hasPrefix(needle), "\(id): \(run.stdout)")
        }
        XCTAssertEqual(try CLI.run(["explain", "atlantis"]).status, 2)
    }

    func testCatalogListsCitiesAndStations() throws {
        let cities = try CLI.run(["catalog", "cities"])
        XCTAssertEqual(cities.status, 0, cities.stderr)
        XCTAssertTrue(cities.stdout.contains("  - id: new-york\n"))
        let stations = try CLI.run(["catalog", "ground-stations"])
        XCTAssertEqual(stations.status, 0, stations.stderr)
        XCTAssertTrue(stations.stdout.contains("  - id: svalsat\n"))
    }

    /// Shell completion answers: parameter keys for --set/--vary/--solve, shipped scenario names.
    func testCustomCompletions() throws {
        func complete(_ verb: String, _ argument: String, _ words: [String]) throws -> [String] {
            let word = words.last ?? ""
            let run = try CLI.run(["---completion", verb, "--", argument, "\(words.count - 1)", "\(word.count)"] + words)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout.split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try complete("evaluate", "--set", ["orbital", "evaluate", "--set", "orbit.alt"]), ["orbit.altitude_km="])
        XCTAssertEqual(try complete("compare", "--set", ["orbital", "compare", "--set", "ground:facility.pu"]), ["ground:facility.pue="])
        XCTAssertEqual(Set(try complete("evaluate", "--set", ["orbital", "evaluate", "--set", "orbit.shadow_model="])),
                       ["orbit.shadow_model=cylindrical", "orbit.shadow_model=conical"])
        XCTAssertTrue(try complete("sweep", "--vary", ["orbital", "sweep", "--vary", "launch.cost_per"]).contains("launch.cost_per_kg_usd="))
        let solve = try complete("breakeven", "--solve", ["orbital", "breakeven", "--solve", "thermal."])
        XCTAssertTrue(solve.contains("thermal.emissivity"))
        XCTAssertFalse(solve.contains("thermal.orientation"), "a categorical key cannot be solved for")
        XCTAssertTrue(try complete("evaluate", "positional@0", ["orbital", "evaluate", "colo"]).contains("colossus-1"))
        let script = try CLI.run(["--generate-completion-script", "bash"]).stdout
        XCTAssertTrue(script.contains("---completion breakeven -- --solve"))
    }
}

/// Every JSON document: one envelope with the tool version and schema version.
final class JSONEnvelopeTests: XCTestCase {
    func testEveryVerbWritesTheEnvelope() throws {
        let cases: [(String, [String])] = [
            ("evaluate", ["evaluate", "colossus-1"]),
            ("compare", ["compare", "orbital-1gw-dawn-dusk"]),
            ("breakeven", ["breakeven", "orbital-1gw-dawn-dusk", "--solve", "energy.price_usd_per_mwh"]),
            ("timeline", ["timeline", "orbital-1gw-dawn-dusk", "--points", "10"]),
            ("latency", ["latency", "orbital-1gw-dawn-dusk", "--from", "tokyo", "--step-s", "120"]),
            ("published", ["published", "turyshev-1mw"]),
            ("montecarlo", ["montecarlo", "orbital-1gw-dawn-dusk", "--draws", "50", "--quiet"]),
            ("sensitivity", ["sensitivity", "orbital-1gw-dawn-dusk", "--samples", "4", "--top", "3"]),
            ("orbit", ["orbit", "--altitude-km", "650", "--sso-ltan-h", "18"]),
            ("radiator", ["radiator", "--heat-w", "1e6", "--temperature-k", "300"]),
            ("explain", ["explain", "thermal"]),
        ]
        for (verb, arguments) in cases {
            let run = try CLI.run(arguments + ["--format", "json"])
            XCTAssertEqual(run.status, 0, "\(verb): \(run.stderr)")
            let envelope = try CLI.envelope(run)
            XCTAssertEqual(envelope["verb"] as? String, verb)
            XCTAssertEqual(Array(envelope.keys).sorted(), ["result", "schema_version", "tool", "verb", "version"], verb)
            XCTAssertEqual(envelope["version"] as? String, try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// evaluate's JSON has one shape whatever the number of scenarios: a list.
    func testEvaluateIsAlwaysAList() throws {
        for names in [["colossus-1"], ["colossus-1", "orbital-1gw-dawn-dusk"]] {
            let run = try CLI.run(["evaluate"] + names + ["--format", "json"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let list = try XCTUnwrap(try CLI.envelope(run)["result"] as? [[String: Any]])
            XCTAssertEqual(list.map { $0["scenario"] as? String }, names)
        }
    }
}

/// The help's examples are real: the quick ones run as written (in a scratch folder).
final class HelpExamplesRunTests: XCTestCase {
    func testQuickExamplesRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Slow (reports, Sobol, large grids, benchmarks), needing a user's own file, or running
        // until interrupted (serve: ServeTests start it).
        let skipped = ["report", "sensitivity", "montecarlo", "bench", "sweep", "latency", "validate my-scenario", "models --directory", "serve"]
        var ran = 0
        for verb in try HelpCLITests.verbs() {
            let help = try CLI.run([verb, "--help"]).stdout
            for line in (help.components(separatedBy: "\nEXAMPLES:\n").last ?? "").split(separator: "\n") {
                let command = line.trimmingCharacters(in: .whitespaces)
                if command.hasPrefix("#") { continue }
                if skipped.contains(where: { command.hasPrefix("orbital " + $0) }) { continue }
                let arguments = command.split(separator: " ").dropFirst().map(String.init)
                let run = try CLI.run(arguments, in: dir)
                XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
                ran += 1
            }
        }
        XCTAssertGreaterThan(ran, 20)
    }
}
