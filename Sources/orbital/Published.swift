import ArgumentParser
import OrbitalCompute
import OrbitalReport

struct Published: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Published analyses side by side: their figure, ours under their assumptions, the difference and why.")

    @Argument(help: "Scenario files with a `published:` section (default: the shipped published analyses, `orbital models --published`).", completion: Completions.scenario)
    var scenarios: [String] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(help: "Write the result to FILE (atomically).")
    var output: String?

    func run() throws {
        try reportingErrors {
            // Only what ships, or files the user names: never ./Models/published implicitly.
            let loaded = scenarios.isEmpty
                ? try ShippedModels.published.map { try Scenario.parse(yaml: $0.text, origin: $0.path) }
                : try scenarios.map { try Scenario.resolve($0) }
            let rows = try PublishedComparison.make(loaded)
            guard !rows.isEmpty else {
                throw ScenarioError(file: scenarios.joined(separator: ", "), "no `published:` figures in these scenarios", accepted: "scenarios with a published: section, e.g. `orbital models --published`")
            }
            let text: String
            switch format {
            case .json: text = Envelope.json(verb: "published", .array(rows.map(\.report)))
            case .csv, .markdown:
                let header = ["scenario", "metric", "unit", "published", "on_their_assumptions", "ours", "steps", "source", "note"]
                // CSV carries every digit (as the other verbs' CSV does); Markdown is read, so rounded.
                let number: (Double) -> String = format == .csv ? { "\($0)" } : humanNumber
                let body: [[String]] = rows.map { r in
                    [r.scenario, r.figure.metric, OutputTable.unit(ofPath: r.figure.metric), number(r.figure.value), number(r.onTheirAssumptions), number(r.ours), r.stepsText, r.figure.source, r.figure.note]
                }
                text = format == .csv ? Render.csv(header: header, rows: body) : Render.markdown(header: header, rows: body)
            case .table:
                let body: [[String]] = rows.map { r in
                    [r.scenario, r.figure.metric, OutputTable.unit(ofPath: r.figure.metric), humanNumber(r.figure.value), humanNumber(r.onTheirAssumptions), humanNumber(r.ours)]
                }
                let notes = rows.map { r in "• \(r.scenario) — \(r.figure.source).\n  theirs \(humanNumber(r.onTheirAssumptions)) → " + r.stepsText + (r.figure.note.isEmpty ? "" : "\n  " + r.figure.note) }
                text = Render.table(header: ["scenario", "metric", "unit", "published", "on their assumptions", "ours"], rows: body, rightAlignedFrom: 3)
                    + "\n" + notes.joined(separator: "\n") + "\n"
            }
            if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
        }
    }
}
