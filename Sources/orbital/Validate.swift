import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check scenario files: keys, types, ranges, and that the model can evaluate them.")

    @Argument(help: "Scenario files to check.", completion: Completions.scenario)
    var scenarios: [String]

    @OptionGroup var scenarioOptions: ScenarioOptions
    var overrides: [String] { scenarioOptions.overrides }

    func run() throws {
        var failures = 0
        let model = OrbitalModel.shared
        for argument in scenarios {
            do {
                var one = [try Scenario.resolve(argument)]
                try Overrides.apply(overrides, to: &one)
                let scenario = one[0]
                let evaluation = try Engine.evaluate(scenario, model: model)
                // The same check montecarlo and sensitivity make: every distribution fits its key.
                if !scenario.uncertainty.isEmpty { _ = try StudySetup(primary: scenario).uncertainInputs() }
                print("ok  \(terminalText(argument)) (\(scenario.kind.rawValue), \(scenario.values.count) values set)")
                for w in evaluation.warnings { print("    warning: \(w)") }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("orbital: error: \(oneLine(errorMessage(error), max: 2000))\n".utf8))
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

/// Folder levels `models --directory` descends (Models/ and Models/published/).
let scenarioListingDepth = 2
/// Entries `models --directory` looks at before it stops (so `--directory /` ends at once).
let scenarioListingEntries = 10_000

/// Scenario files (*.yaml) in a folder and its subfolders down to `scenarioListingDepth`,
/// catalogs excluded, sorted. Bounded: never a walk of the whole file system.
func scenarioFiles(in directory: String) throws -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
        throw ScenarioError(file: directory, "no such folder")
    }
    var found: [String] = []
    var visited = 0
    func walk(_ relative: String, depth: Int) {
        let path = relative.isEmpty ? directory : directory + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            visited += 1
            guard visited <= scenarioListingEntries else { return }
            let child = relative.isEmpty ? name : relative + "/" + name
            if name.hasSuffix(".yaml") { if !child.hasPrefix("catalogs") { found.append(child) }; continue }
            var sub: ObjCBool = false
            // Subfolders, not symbolic links to them (no cycles).
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + child)
            if depth < scenarioListingDepth, attributes?[.type] as? FileAttributeType == .typeDirectory,
               FileManager.default.fileExists(atPath: directory + "/" + child, isDirectory: &sub), sub.boolValue {
                walk(child, depth: depth + 1)
            }
        }
    }
    walk("", depth: 1)
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    return found.sorted().map { "\(base)/\($0)" }
}
