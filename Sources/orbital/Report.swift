import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A self-contained HTML (or Markdown) comparison report with charts and the provenance of every input.",
        discussion: """
        HTML: one file with inline SVG charts and no external assets. Markdown: pipe tables, with the \
        charts written as SVG files in a folder beside it named after the file (report.md → \
        report-figures/*.svg) and linked as images. The format follows the extension of --output \
        (.md/.markdown → Markdown) unless --format is given.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown }

    @OptionGroup var pair: ScenarioPair
    var orbital: String { pair.orbital }
    var terrestrial: String? { pair.terrestrial }

    @Option(help: "Write the report to FILE (atomically); HTML goes to standard output without it.")
    var output: String?

    @Option(help: "html or markdown (default: from the extension of --output, else html).")
    var format: Format?

    @OptionGroup var scenarioOptions: ScenarioOptions
    var overrides: [String] { scenarioOptions.overrides }

    @Option(help: "Relative swing of each input when ranking the deciding inputs.")
    var swing = 0.25

    @Option(name: .customLong("sobol-samples"), help: "Base samples N of the Sobol analysis (N·(k+2) evaluations).")
    var sobolSamples = 256

    @Option(name: .customLong("max-launches"), help: "Most launches the capacity timeline enumerates.")
    var maxLaunches = Limits.timelineLaunches

    func validate() throws {
        guard maxLaunches >= 1 else { throw ValidationError("--max-launches must be at least 1") }
        guard swing > 0, swing < 1 else { throw ValidationError("--swing must be between 0 and 1 (exclusive)") }
        guard sobolSamples >= 2 else { throw ValidationError("--sobol-samples must be at least 2") }
    }

    var resolvedFormat: Format {
        if let format { return format }
        let ext = output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        return ext == "md" || ext == "markdown" ? .markdown : .html
    }

    func run() throws {
        try reportingErrors {
            let document = try Self.document(try Scenario.resolve(orbital), try terrestrial.map { try Scenario.resolve($0) }, overrides: overrides,
                                             swing: swing, sobolSamples: sobolSamples, maxLaunches: maxLaunches,
                                             command: ReportDocument.shellQuoted(["orbital"] + CommandLine.arguments.dropFirst()))
            switch resolvedFormat {
            case .html:
                let html = document.html()
                if let output { try writeAtomically(html, to: output) } else { print(html, terminator: "") }
            case .markdown:
                guard let output else {
                    throw ScenarioError(file: "--output", "a Markdown report writes its charts as SVG files beside it: give --output FILE.md")
                }
                let url = URL(fileURLWithPath: output)
                let folderName = url.deletingPathExtension().lastPathComponent + "-figures"
                let parent = url.deletingLastPathComponent()
                guard FileManager.default.fileExists(atPath: parent.path) else {
                    throw ScenarioError(file: output, "the folder \(parent.path) does not exist")
                }
                let folder = parent.appendingPathComponent(folderName)
                let (text, files) = document.markdown(figureFolder: folderName)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for file in files {
                    try writeAtomically(file.contents, to: url.deletingLastPathComponent().appendingPathComponent(file.path).path)
                }
                try writeAtomically(text, to: output)
            }
        }
    }

    /// The report of a pair (Colossus 1 when `terrestrial` is nil) with the overrides applied:
    /// what `run` writes and `orbital serve` answers (`POST /api/v1/report`).
    static func document(_ orbital: Scenario, _ terrestrial: Scenario?, overrides: [String], swing: Double, sobolSamples: Int,
                         maxLaunches: Int, command: String) throws -> ReportDocument {
        var o = orbital
        var ground: Scenario? = terrestrial ?? Scenario.colossus1
        try Overrides.apply(overrides, primary: &o, ground: &ground)
        var options = ReportOptions()
        options.swing = swing
        options.sobolSamples = sobolSamples
        options.maxLaunches = maxLaunches
        options.command = command
        return try ReportDocument.make(orbital: o, ground: ground!, options: options)
    }
}
