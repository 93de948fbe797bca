import ArgumentParser
import OrbitalCompute

struct Published: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Published analyses side by side: their figure, ours under their assumptions, the difference and why.")

    @Argument(help: "Scenario files with a `published:` section (default: every file in Models/published).")
    var scenarios: [String] = []

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Write the result to FILE (atomically).")
    var output: String?

    func run() throws {
        try reportingErrors {
            let paths = scenarios.isEmpty ? try scenarioFiles(in: "Models/published") : scenarios.map { Scenario.locate($0) }
            let rows = try PublishedComparison.make(paths.map { try Scenario.load(path: $0) })
            let text: String
            switch format {
            case .json: text = ResultValue.array(rows.map(\.report)).json() + "\n"
            case .csv, .markdown:
                let header = ["scenario", "metric", "published", "on_their_assumptions", "ours", "steps", "source", "note"]
                let body: [[String]] = rows.map { r in
                    [r.scenario, r.figure.metric, formatNumber(r.figure.value), formatNumber(r.onTheirAssumptions), formatNumber(r.ours), r.stepsText, r.figure.source, r.figure.note]
                }
                text = format == .csv ? Render.csv(header: header, rows: body) : Render.markdown(header: header, rows: body)
            case .table:
                let body: [[String]] = rows.map { r in
                    [r.scenario, r.figure.metric, humanNumber(r.figure.value), humanNumber(r.onTheirAssumptions), humanNumber(r.ours)]
                }
                let notes = rows.map { r in "• \(r.scenario) — \(r.figure.source).\n  theirs \(humanNumber(r.onTheirAssumptions)) → " + r.stepsText + (r.figure.note.isEmpty ? "" : "\n  " + r.figure.note) }
                text = Render.table(header: ["scenario", "metric", "published", "on their assumptions", "ours"], rows: body, rightAlignedFrom: 2)
                    + "\n" + notes.joined(separator: "\n") + "\n"
            }
            if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
        }
    }
}
