import ArgumentParser
import OrbitalCompute

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
                let header = ["scenario", "metric", "published", "ours", "difference", "source", "note"]
                let body = rows.map { r in header.map { r.report[$0].map { format == .csv ? $0.plainText : $0.displayText } ?? "" } }
                text = format == .csv
                    ? ([header] + body).map { $0.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }.joined(separator: ",") }.joined(separator: "\n") + "\n"
                    : "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
                      + body.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
            case .table:
                let body = rows.map { r in [r.scenario, r.figure.metric, humanNumber(r.figure.value), r.ours.map(humanNumber) ?? "—",
                                            r.difference.map { (($0 * 1000).rounded() / 10).description + " %" } ?? "—"] }
                text = Render.table(header: ["scenario", "metric", "published", "ours", "difference"], rows: body, rightAlignedFrom: 2)
                    + "\n" + rows.map { "• \($0.scenario) — \($0.figure.source). \($0.figure.note)" }.joined(separator: "\n") + "\n"
            }
            if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
        }
    }
}
