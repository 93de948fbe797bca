import ArgumentParser
import OrbitalCompute
import OrbitalReport

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Orbit versus ground side by side: ratios, the verdict and the inputs that decide it.")

    @OptionGroup var pair: ScenarioPair
    var orbital: String { pair.orbital }
    var terrestrial: String? { pair.terrestrial }

    @Option(help: "Relative swing of an input with neither a declared uncertainty nor a documented range, when ranking the deciding inputs.")
    var swing = 0.25

    func validate() throws {
        guard swing > 0, swing < 1 else { throw ValidationError("--swing must be between 0 and 1 (exclusive)") }
    }

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingErrors {
            let (o, g) = try loadPair(orbital, terrestrial, options)
            let comparison = try Comparison.make(orbital: o, ground: g, swing: swing)
            switch options.format {
            case .table, .markdown: try options.emit(comparisonText(comparison, markdown: options.format == .markdown))
            case .json: try options.emit(Envelope.json(verb: "compare", comparison.report))
            case .csv: try options.emit(Render.results([("comparison", comparison.report)], format: .csv))
            }
        }
    }

    func comparisonText(_ c: Comparison, markdown: Bool) -> String {
        let rows: [[String]] = OutputTable.sideBySide.map { key in
            let a = OutputTable.number(key, of: c.orbital), b = OutputTable.number(key, of: c.ground)
            return [key, OutputTable.numeric(key, for: .orbital)?.unit ?? "", a.map(humanNumber) ?? "", b.map(humanNumber) ?? "",
                    (a != nil && b != nil && b! != 0) ? humanNumber(a! / b!) + "×" : ""]
        }
        let header = ["", "unit", c.orbitalScenario.name, c.groundScenario.name, "orbit/ground"]
        let deciding: [[String]] = c.deciding.map { s in
            [s.key, s.bothSides ? "both" : s.side.rawValue, "\(humanNumber(s.low)) … \(humanNumber(s.high))", s.rangeSource, "\(humanNumber(s.ratioAtLow)) … \(humanNumber(s.ratioAtHigh))"]
        }
        let dHeader = ["deciding input", "side", "range", "range from", "cost ratio"]
        if markdown {
            func md(_ h: [String], _ r: [[String]]) -> String {
                "| " + h.map(markdownText).joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: h.count) + "\n" + r.map { "| " + $0.map(markdownText).joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
            }
            return "**Verdict:** \(c.verdict)\n\n" + (c.sameWindowText.isEmpty ? "" : "The same window: \(c.sameWindowText).\n\n") + md(header, rows) + "\n"
                + (c.latencySummary.isEmpty ? "" : c.latencySummary + "\n") + (c.fabricSummary.isEmpty ? "" : c.fabricSummary + "\n") + md(dHeader, deciding) + "\n" + Comparison.rankingNote + "\n"
        }
        var text = "verdict: \(c.verdict)\n" + (c.sameWindowText.isEmpty ? "" : "same window: \(c.sameWindowText)\n") + "\n"
            + Render.table(header: header, rows: rows, rightAlignedFrom: 2) + "\n"
        text += c.latencySummary + c.fabricSummary + (c.latencySummary.isEmpty && c.fabricSummary.isEmpty ? "" : "\n")
        text += Render.table(header: dHeader, rows: deciding, rightAlignedFrom: 2)
        text += "\n" + wrap(Comparison.rankingNote, width: 100) + "\n"
        let warnings = c.orbital.warnings + c.ground.warnings
        if !warnings.isEmpty { text += "\n" + warnings.map { "warning: \($0)" }.joined(separator: "\n") + "\n" }
        return text
    }
}

/// Loads an orbital scenario and a terrestrial one (Colossus 1 by default), with the overrides
/// (`orbital:`, `ground:`, `both:` prefixes; unprefixed: the orbital side if it has the key).
func loadPair(_ orbital: String, _ terrestrial: String?, _ options: CommonOptions) throws -> (Scenario, Scenario) {
    try pair(try Scenario.resolve(orbital), try terrestrial.map { try Scenario.resolve($0) }, overrides: options.overrides)
}

/// An orbital scenario and a terrestrial one (Colossus 1 when nil) with the overrides applied:
/// the pair `compare`, `breakeven` and `orbital serve` evaluate.
func pair(_ orbital: Scenario, _ terrestrial: Scenario?, overrides: [String]) throws -> (Scenario, Scenario) {
    var o = orbital
    var g: Scenario? = terrestrial ?? Scenario.colossus1
    try Overrides.apply(overrides, primary: &o, ground: &g)
    return (o, g!)
}

struct Breakeven: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The value of one input at which orbit and ground cost the same (GSL root solver).",
        discussion: """
        Keys most worth solving for (they move the cost ratio most; `orbital sensitivity` ranks them for \
        your scenario): launch.cost_per_kg_usd (launch price), solar.cost_usd_per_w (array price), \
        finance.satellite_cost_usd_per_kg (spacecraft bus), compute.accelerator_price_usd (GPU price, both \
        sides), energy.price_usd_per_mwh (the ground's electricity) and facility.pue. Any numeric key works; \
        the search runs over the key's accepted range unless --range is given.
        """)

    @OptionGroup var pair: ScenarioPair
    var orbital: String { pair.orbital }
    var terrestrial: String? { pair.terrestrial }

    @Option(help: "The numeric key to solve for, e.g. launch.cost_per_kg_usd.", completion: Completions.solve)
    var solve: String

    @Option(parsing: .unconditional, help: "Search range LO:HI (default: the key's accepted range).")
    var range: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingErrors {
            let (o, g) = try loadPair(orbital, terrestrial, options)
            let result = try Self.solve(orbital: o, ground: g, key: solve, range: range)
            switch options.format {
            case .json: try options.emit(Envelope.json(verb: "breakeven", result.report))
            default: try options.emit(Render.results([("breakeven", result.report)], format: options.format))
            }
        }
    }

    /// The break-even of `key` over `range` (LO:HI text, default the key's accepted range): what
    /// `run` prints and `orbital serve` answers (`POST /api/v1/breakeven`).
    static func solve(orbital o: Scenario, ground g: Scenario, key solve: String, range: String?) throws -> OrbitalCompute.Breakeven {
        var searchRange: ClosedRange<Double>?
        if let range {
            let parts = range.split(separator: ":", omittingEmptySubsequences: false).map { Scenario.decimal(String($0).trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo < hi else {
                throw ScenarioError(file: "--range", key: solve, "'\(range)' is not LO:HI with LO < HI", accepted: "e.g. 10:5000")
            }
            searchRange = lo...hi
        }
        return try OrbitalCompute.Breakeven.solve(orbital: o, ground: g, key: solve, range: searchRange)
    }
}

/// Greedy word wrap for prose under a table.
func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, line.count + 1 + word.count > width { lines.append(line); line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}
