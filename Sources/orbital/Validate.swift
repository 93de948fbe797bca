import ArgumentParser
import Foundation
import OrbitalCompute

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check scenario files: keys, types, ranges, and that the model can evaluate them.")

    @Argument(help: "Scenario files to check.")
    var scenarios: [String]

    @Option(name: .customLong("set"), help: "Override a value before checking (repeatable).")
    var overrides: [String] = []

    func run() throws {
        var failures = 0
        let model = OrbitalModel()
        for argument in scenarios {
            do {
                var one = [try Scenario.load(path: Scenario.locate(argument))]
                try Overrides.apply(overrides, to: &one)
                let scenario = one[0]
                let evaluation = try Engine.evaluate(scenario, model: model)
                print("ok  \(argument) (\(scenario.kind.rawValue), \(scenario.values.count) values set)")
                for w in evaluation.warnings { print("    warning: \(w)") }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("orbital: error: \(error)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(2) }
    }
}

struct ModelsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List the shipped scenarios in Models/.")

    @Option(help: "Folder to list.")
    var directory = "Models"

    func run() throws {
        try reportingErrors {
            let files = try scenarioFiles(in: directory)
            var rows: [[String]] = []
            for path in files {
                do {
                    let s = try Scenario.load(path: path)
                    rows.append([path, s.kind.rawValue, s.summary ?? ""])
                } catch {
                    rows.append([path, "invalid", "\(error)"])
                }
            }
            print(Render.table(header: ["file", "kind", "description"], rows: rows, rightAlignedFrom: 99), terminator: "")
        }
    }
}

/// Scenario files (*.yaml) under a folder, catalogs excluded, sorted.
func scenarioFiles(in directory: String) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory) else {
        throw ScenarioError(file: directory, "no such folder")
    }
    return walker.compactMap { $0 as? String }
        .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("catalogs") }
        .sorted()
        .map { "\(directory)/\($0)" }
}
