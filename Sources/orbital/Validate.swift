import ArgumentParser
import Foundation
import OrbitalCompute

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check scenario files: keys, types, ranges, and that the model can evaluate them.")

    @Argument(help: "Scenario files to check.", completion: Completions.scenario)
    var scenarios: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value before checking (repeatable).", valueName: "KEY=VALUE"), completion: Completions.set)
    var overrides: [String] = []

    func run() throws {
        var failures = 0
        let model = OrbitalModel()
        for argument in scenarios {
            do {
                var one = [try Scenario.resolve(argument)]
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
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the scenarios shipped inside orbital (or the scenario files in a folder).",
        discussion: "A shipped scenario is named by its NAME column in every verb (`orbital evaluate colossus-1`), from any directory.")

    @Option(help: ArgumentHelp("List the *.yaml scenario files in FOLDER instead of the shipped ones.", valueName: "FOLDER"), completion: .directory)
    var directory: String?

    @Flag(help: "Only the published analyses (Models/published/).")
    var published = false

    func run() throws {
        try reportingErrors {
            var rows: [[String]] = []
            if let directory {
                for path in try scenarioFiles(in: directory) where !published || path.contains("/published/") {
                    do {
                        let s = try Scenario.load(path: path)
                        rows.append([path, s.kind.rawValue, s.summary ?? ""])
                    } catch {
                        rows.append([path, "invalid", "\(error)"])
                    }
                }
            } else {
                for file in published ? ShippedModels.published : ShippedModels.scenarios {
                    let s = try Scenario.parse(yaml: file.text, origin: file.path)
                    rows.append([file.name, s.kind.rawValue, s.summary ?? ""])
                }
            }
            // An empty listing is a mistake (a wrong folder), not an answer.
            guard !rows.isEmpty else {
                throw ScenarioError(file: directory ?? "<shipped>", "no scenario files found", accepted: "a folder with *.yaml scenarios")
            }
            print(Render.table(header: [directory == nil ? "name" : "file", "kind", "description"], rows: rows, rightAlignedFrom: 99), terminator: "")
        }
    }
}

/// Scenario files (*.yaml) under a folder, catalogs excluded, sorted.
func scenarioFiles(in directory: String) throws -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue,
          let walker = FileManager.default.enumerator(atPath: directory) else {
        throw ScenarioError(file: directory, "no such folder")
    }
    return walker.compactMap { $0 as? String }
        .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("catalogs") }
        .sorted()
        .map { "\(directory)/\($0)" }
}
