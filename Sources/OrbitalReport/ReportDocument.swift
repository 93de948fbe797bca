import Foundation
import OrbitalCompute

/// A comparison report: the verdict, the side-by-side table, the deciding inputs, charts and a
/// provenance appendix of every input used, as a format-neutral document that renders as one
/// self-contained HTML file (`html()`) or as Markdown with the charts as SVG files beside it
/// (`markdown(figureFolder:)`).
///
/// Every number is traceable: each table row and each chart names the inputs behind it and links
/// to their row in the appendix (key, value, unit, source, confidence; explicit values marked).
public struct ReportDocument: Sendable {
    /// A table cell: text, optionally a link (to an anchor or URL), code style, right-aligned.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var link: String?
        /// Several links in one cell (text, target), shown comma-separated after `text`.
        public var links: [Link] = []
        public var anchor: String?
        public var code = false
        public var numeric = false
        /// A parameter or output key shown under a human `text` (code font, and as a tooltip).
        public var key: String?
        public init(_ text: String, link: String? = nil, anchor: String? = nil, code: Bool = false, numeric: Bool = false, key: String? = nil) {
            self.text = text; self.link = link; self.anchor = anchor; self.code = code; self.numeric = numeric; self.key = key
        }
    }

    public struct Link: Sendable, Equatable {
        public var text: String
        public var target: String
        public init(_ text: String, _ target: String) { self.text = text; self.target = target }
    }

    public struct Table: Sendable {
        public var id: String
        public var caption: String
        public var header: [String]
        public var rows: [[Cell]]
    }

    /// An input behind a figure or a row: its side and key, linked to the appendix.
    public struct InputReference: Sendable, Equatable {
        public var side: ScenarioKind
        public var key: String
    }

    public struct Figure: Sendable {
        /// Also the `id` of the `<svg>` element and the file name stem in Markdown.
        public var id: String
        public var title: String
        public var caption: String
        public var svg: String
        public var inputs: [InputReference]
    }

    public enum Block: Sendable {
        case paragraph(String)
        /// A paragraph shown as a highlighted note (e.g. an omitted section).
        case note(String)
        case table(Table)
        case figure(Figure)
    }

    public struct Section: Sendable {
        public var id: String
        public var title: String
        public var blocks: [Block]
    }

    public var title: String
    public var subtitle: String
    public var sections: [Section]
    /// The box at the top: verdict, deciding inputs, break-even launch price.
    public var summary: Summary?
    /// Version, date and command that made the document.
    public var footer: Footer?

    /// Every figure, in document order.
    public var figures: [Figure] {
        sections.flatMap { $0.blocks.compactMap { if case let .figure(f) = $0 { return f } else { return nil } } }
    }

    /// The appendix anchor of an input.
    public static func anchor(_ side: ScenarioKind, _ key: String) -> String { "input-\(side.rawValue)-\(key)" }

    /// The ids of the charts every comparison report contains, in document order.
    public static let chartIDs = ["chart-tornado", "chart-sobol", "chart-cost-breakdown", "chart-mass-breakdown", "chart-launch-price",
                                  "chart-beta-angle", "chart-eclipse-fraction", "chart-radiator-temperature", "chart-rtt-per-city",
                                  "chart-link-rate", "chart-training-efficiency", "chart-capacity-online"]
}

// MARK: - Building the report

/// Settings of a report.
public struct ReportOptions: Sendable {
    /// Relative swing of each input when ranking the deciding inputs (as `compare --swing`).
    public var swing = 0.25
    /// How many deciding inputs the tornado shows.
    public var topInputs = 10
    /// Launch prices [USD/kg] of the levelized-cost curve (log grid; widened to include the
    /// scenario's own price and the break-even).
    public var launchPriceRange: ClosedRange<Double> = 10...10_000
    public var launchPricePoints = 31
    /// Most launches the capacity timeline enumerates (`--max-launches`).
    public var maxLaunches = Limits.timelineLaunches
    /// A reference launch price marked on the launch chart (Suncatcher's ≲ $200/kg by the mid-2030s).
    public var referenceLaunchPrice: (value: Double, label: String)? = (200, "Suncatcher target $200/kg")
    /// Whether to set published analyses beside ours: the ones shipped inside the tool, or
    /// the scenarios in `publishedDirectory` when given (never ./Models/published implicitly).
    public var includePublished = true
    /// A folder of scenarios with a `published:` section to use instead of the shipped ones;
    /// the section says so when it has none.
    public var publishedDirectory: String?
    /// The command line that made the report, for its footer (nil: built through the library).
    public var command: String?
    /// The date printed in the footer (default: `ReportDocument.buildDate()`).
    public var date: Date?
    /// Base samples N of the Sobol analysis (N·(k+2) evaluations; `orbital sensitivity --samples`).
    public var sobolSamples = 256
    /// Worker threads of the sensitivity analysis.
    public var jobs = Parallel.defaultJobs

    public init() {}
}

extension ReportDocument {
    /// Evaluates both scenarios and builds the report. `comparison` may be passed in when the
    /// caller has one already (it must be of these two scenarios).
    public static func make(orbital: Scenario, ground: Scenario, options: ReportOptions = ReportOptions()) throws -> ReportDocument {
        try Comparison.checkKinds(orbital: orbital, ground: ground)
        // The sensitivity study of `orbital sensitivity` (issue 6), run once: its tornado ranks
        // the comparison's deciding inputs and its Sobol indices fill the deciding section.
        let setup = try StudySetup(primary: orbital, ground: ground)
        let study = try SensitivityAnalysis.run(setup: setup, uncertain: try setup.uncertainInputs(), swing: options.swing,
                                                samples: options.sobolSamples, jobs: max(options.jobs, 1))
        let comparison = try Comparison.make(orbital: orbital, ground: ground, swing: options.swing, top: options.topInputs, sensitivity: study)
        guard case let .orbital(o) = comparison.orbital, case let .terrestrial(g) = comparison.ground else {
            throw ModelError("a report compares an orbital scenario with a terrestrial one")
        }
        let launchBreakeven = try? Breakeven.solve(orbital: orbital, ground: ground, key: ReportBuilder.launchKey)
        var builder = ReportBuilder(comparison: comparison, study: study, launchBreakeven: launchBreakeven, o: o, g: g,
                                    oInputs: try orbital.orbitalInputs(), gInputs: try ground.terrestrialInputs(), options: options)
        return try builder.build()
    }
}

/// Builds the sections of a report from a comparison (internal; one use).
struct ReportBuilder {
    let comparison: Comparison
    /// The sensitivity study behind `comparison.deciding` (tornado and Sobol indices).
    let study: SensitivityAnalysis.Result
    /// Where orbit and ground cost the same as the launch price moves (nil: not computable),
    /// solved once for the summary and the launch section.
    let launchBreakeven: Breakeven?
    static let launchKey = "launch.cost_per_kg_usd"
    let o: OrbitalResult
    let g: TerrestrialResult
    let oInputs: OrbitalInputs
    let gInputs: TerrestrialInputs
    let options: ReportOptions
    var orbitalScenario: Scenario { comparison.orbitalScenario }
    var groundScenario: Scenario { comparison.groundScenario }

    typealias Cell = ReportDocument.Cell

    mutating func build() throws -> ReportDocument {
        var sections: [ReportDocument.Section] = []
        sections.append(verdictSection())
        sections.append(sideBySideSection())
        sections.append(try decidingSection())
        sections.append(costSection())
        sections.append(massSection())
        sections.append(try launchSection())
        sections.append(try eclipseSection())
        sections.append(radiatorSection())
        sections.append(try latencySection())
        sections.append(fabricSection())
        sections.append(try capacitySection())
        if options.includePublished { sections.append(try publishedSection(options.publishedDirectory)) }
        sections.append(provenanceSection())
        sections.append(outputsSection())
        return ReportDocument(
            title: "Orbit versus ground: \(ReportBuilder.shortName(orbitalScenario)) against \(ReportBuilder.shortName(groundScenario))",
            subtitle: "Levelized cost per delivered PFLOP-hour (BF16 dense), computed by the orbital engine from the two scenarios below; every input is listed with its source in the appendix.",
            sections: sections, summary: summary(),
            footer: .init(date: options.date ?? ReportDocument.buildDate(), command: options.command))
    }

    /// A scenario in words: its description up to the first dash or comma, else its name.
    static func shortName(_ s: Scenario) -> String {
        guard var text = s.summary, !text.isEmpty else { return s.name }
        for separator in [" — ", ", "] { if let r = text.range(of: separator) { text = String(text[..<r.lowerBound]) } }
        return text
    }

    /// The summary box: verdict, the three inputs that move the cost ratio most (as `orbital
    /// compare` ranks them) and the launch price at which orbit and ground cost the same.
    func summary() -> ReportDocument.Summary {
        let deciding = comparison.deciding.prefix(3).map { s in
            ReportDocument.Summary.Input(label: ReportLabels.input(s.key, side: s.side), key: s.key, side: s.side,
                                         range: "\(humanNumber(s.low)) … \(ReportBuilder.withUnit(s.high, unit(s.side, s.key)))",
                                         ratios: "\(humanNumber(s.ratioAtLow)) … \(humanNumber(s.ratioAtHigh))")
        }
        let breakeven: String
        if let b = launchBreakeven {
            if let v = b.value {
                breakeven = "\(humanNumber(v)) USD/kg (the scenario assumes \(humanNumber(o.launchCostPerKgUsd)) USD/kg)"
            } else {
                breakeven = "none between \(humanNumber(b.searched.lowerBound)) and \(humanNumber(b.searched.upperBound)) USD/kg: at \(humanNumber(b.closestValue)) USD/kg orbit still costs \(humanNumber(b.costRatioAtValue))× the ground (the scenario assumes \(humanNumber(o.launchCostPerKgUsd)) USD/kg)"
            }
        } else {
            breakeven = "not computable for these scenarios"
        }
        return .init(verdict: comparison.verdict,
                     costs: "Orbit \(humanNumber(o.costPerPflopHourUsd)) USD, ground \(humanNumber(g.costPerPflopHourUsd)) USD per delivered PFLOP-hour: a cost ratio of \(humanNumber(comparison.costRatio)).",
                     deciding: Array(deciding), breakevenLaunchPrice: breakeven,
                     scenarios: [orbitalScenario, groundScenario].map { s in
                         "\(s.kind == .orbital ? "Orbit" : "Ground"): \(s.summary ?? s.name) (\(s.name))"
                     })
    }

    // MARK: Helpers

    func ref(_ side: ScenarioKind, _ keys: [String]) -> [ReportDocument.InputReference] {
        keys.map { ReportDocument.InputReference(side: side, key: $0) }
    }

    func inputLink(_ side: ScenarioKind, _ key: String) -> Cell {
        Cell(key, link: "#" + ReportDocument.anchor(side, key), code: true)
    }

    /// A cell linking each key to its appendix row.
    func inputLinks(_ side: ScenarioKind, _ keys: [String]) -> Cell {
        var cell = Cell("")
        cell.links = keys.map { ReportDocument.Link($0, "#" + ReportDocument.anchor(side, $0)) }
        return cell
    }

    static func withUnit(_ x: Double, _ unit: String) -> String {
        let text = humanNumber(x)
        return unit.isEmpty || unit == "-" ? text : "\(text) \(unit)"
    }

    func unit(_ side: ScenarioKind, _ key: String) -> String {
        let scenario = side == .orbital ? orbitalScenario : groundScenario
        return scenario.parameter(key)?.unit ?? ""
    }

    // MARK: Sections

    func verdictSection() -> ReportDocument.Section {
        var blocks: [ReportDocument.Block] = [
            .paragraph("Verdict: \(comparison.verdict)."),
            .paragraph("Cost ratio (orbit / ground, levelized USD per delivered PFLOP-hour): \(humanNumber(comparison.costRatio)). Orbit: \(humanNumber(o.costPerPflopHourUsd)) USD/PFLOP-h; ground: \(humanNumber(g.costPerPflopHourUsd)) USD/PFLOP-h."),
        ]
        for s in [orbitalScenario, groundScenario] {
            blocks.append(.paragraph("\(s.kind == .orbital ? "Orbital" : "Terrestrial") scenario \(s.name) (\(s.origin))\(s.summary.map { ": " + $0 } ?? "")."))
        }
        let first = comparison.deciding.first
        if let first {
            blocks.append(.paragraph("Moving each input across its own range (declared uncertainty, else its source's documented range, else ±\(Int((options.swing * 100).rounded())) %, as `orbital compare` does), the one that moves the verdict most is \(first.key) (\(first.side.rawValue)): the cost ratio goes from \(humanNumber(first.ratioAtLow)) to \(humanNumber(first.ratioAtHigh))."))
        }
        for w in o.warnings { blocks.append(.note("Warning (orbit): \(w)")) }
        for w in g.warnings { blocks.append(.note("Warning (ground): \(w)")) }
        return .init(id: "verdict", title: "Verdict", blocks: blocks)
    }

    func sideBySideSection() -> ReportDocument.Section {
        var rows: [[Cell]] = OutputTable.sideBySide.map { key in
            let a = OutputTable.number(key, of: comparison.orbital), b = OutputTable.number(key, of: comparison.ground)
            let ratio = (a != nil && b != nil && b! != 0) ? humanNumber(a! / b!) + "×" : ""
            return [Cell(ReportLabels.output(key), key: key), Cell(OutputTable.numeric(key, for: .orbital)?.unit ?? ""), Cell(a.map(humanNumber) ?? "", numeric: true), Cell(b.map(humanNumber) ?? "", numeric: true),
                    Cell(ratio, numeric: true), Cell("all orbital inputs", link: "#inputs-orbital"), Cell("all ground inputs", link: "#inputs-terrestrial")]
        }
        let extra: [(String, Double?, Double?, [String], [String])] = [
            ("it_power_w", o.itPowerTargetW, g.itPowerW, ["compute.it_power_w", "compute.accelerator_count"], ["compute.accelerator_count", "compute.it_power_per_accelerator_w"]),
            ("accelerator_count", o.acceleratorCountInstalled, g.acceleratorCount, ["compute.accelerator", "reliability.accelerator_failure_rate_per_year", "reliability.strategy"], ["compute.accelerator_count"]),
            ("mass_total_kg", o.massTotalKg, nil, ["compute.accelerator", "solar.specific_power_w_per_kg", "thermal.areal_mass_kg_per_m2", "satellite.structure_mass_fraction"], []),
            ("launch_count", Double(o.launchCount), nil, ["launch.vehicle", "launch.payload_kg"], []),
            ("radiator_area_m2", o.radiatorAreaM2, nil, ["thermal.radiator_temperature_k", "thermal.emissivity", "thermal.sides", "thermal.orientation"], []),
            ("array_area_m2", o.arrayAreaM2, nil, ["solar.cell_efficiency", "solar.packing_factor", "solar.degradation_per_year"], []),
            ("energy_cost_usd_per_year", nil, g.energyCostUsdPerYear, [], ["energy.price_usd_per_mwh", "facility.pue"]),
            ("water_liters_per_year", nil, g.waterLitersPerYear, [], ["water.liters_per_kwh"]),
        ]
        for (key, a, b, oKeys, gKeys) in extra {
            let oLinks = oKeys.filter { orbitalScenario.parameter($0) != nil }, gLinks = gKeys.filter { groundScenario.parameter($0) != nil }
            rows.append([Cell(ReportLabels.output(key), key: key), Cell(OutputTable.anyNumeric(key)?.unit ?? ""), Cell(a.map(humanNumber) ?? "—", numeric: true), Cell(b.map(humanNumber) ?? "—", numeric: true),
                         Cell(a != nil && b != nil && b! != 0 ? humanNumber(a! / b!) + "×" : "", numeric: true),
                         inputLinks(.orbital, oLinks), inputLinks(.terrestrial, gLinks)])
        }
        let table = ReportDocument.Table(id: "table-side-by-side", caption: "Side by side (ratio = orbit / ground; the last two columns link to the inputs behind each row)",
                                         header: ["quantity", "unit", "orbit", "ground", "orbit/ground", "orbital inputs", "ground inputs"], rows: rows)
        return .init(id: "side-by-side", title: "Side by side", blocks: [.table(table)])
    }

    /// The side and parameter key of a study column ("ground:KEY" is the ground side's KEY).
    static func sideKey(_ column: String) -> (ScenarioKind, String) { StudySetup.sideAndKey(column: column) }

    func decidingSection() throws -> ReportDocument.Section {
        // The sensitivity study of `orbital sensitivity` (issue 6), run once in `make`: tornado
        // over every real input of both sides (declared uncertainty, else the source's documented
        // range, else ±swing), elasticities, and Sobol indices over the declared uncertain inputs.
        let bars = Array(study.bars.sorted { $0.swing > $1.swing }.prefix(options.topInputs))
        let sobol = Dictionary(study.indices.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Cell]] = bars.map { b in
            let (side, key) = ReportBuilder.sideKey(b.key)
            let u = unit(side, key)
            let index = sobol[b.key]
            return [Cell(ReportLabels.input(key, side: side), link: "#" + ReportDocument.anchor(side, key), key: key), Cell(side == .orbital ? "orbit" : "ground"), Cell(ReportBuilder.withUnit(b.base, u), numeric: true),
                    Cell("\(humanNumber(b.low)) … \(humanNumber(b.high))", numeric: true), Cell(b.rangeSource),
                    Cell("\(humanNumber(b.atLow)) … \(humanNumber(b.atHigh))", numeric: true), Cell(b.elasticity.isFinite ? humanNumber(b.elasticity) : "—", numeric: true),
                    Cell(index.map(ReportBuilder.sobolText) ?? "", numeric: true), Cell(b.flipsVerdict ? "yes" : "")]
        }
        let table = ReportDocument.Table(
            id: "table-deciding",
            caption: "Inputs that decide the verdict (cost ratio orbit / ground), widest first: each moved across its declared uncertainty, else its source's documented range, else ±\(Int((options.swing * 100).rounded())) %, the others at base",
            header: ["input", "side", "value", "range", "range from", "cost ratio", "elasticity", "Sobol first / total [95 % interval]", "flips verdict"], rows: rows)
        let tornadoRows = bars.map { b -> TornadoChart.Row in
            let (side, key) = ReportBuilder.sideKey(b.key)
            return TornadoChart.Row(label: "\(ReportLabels.input(key, side: side)) (\(side == .orbital ? "orbit" : "ground"))", atLow: b.atLow, atHigh: b.atHigh,
                                    lowText: ReportBuilder.withUnit(b.low, unit(side, key)), highText: ReportBuilder.withUnit(b.high, unit(side, key)))
        }
        var chart = TornadoChart(title: "What decides the verdict", valueLabel: "cost ratio orbit / ground [-] (< 1: orbit cheaper)",
                                 base: study.baseValue, rows: tornadoRows)
        chart.reference = (1, "parity")
        chart.width = 960
        let tornado = ReportDocument.Figure(id: "chart-tornado", title: "Tornado of the deciding inputs",
                                            caption: "Bars span the cost ratio when one input is set to the low (blue) or high (orange) end of its range, all else at the scenario's values (`orbital sensitivity`). The black line is the scenario's ratio, the dashed red line parity.",
                                            svg: chart.svg(id: "chart-tornado"), inputs: bars.map { let (side, key) = ReportBuilder.sideKey($0.key); return .init(side: side, key: key) })
        let indices = Array(study.indices.sorted { $0.total > $1.total }.prefix(8))
        var sobolChart = BarChart(title: "Sobol indices of the cost ratio", categories: indices.map { let (side, key) = ReportBuilder.sideKey($0.key); return side == .orbital ? key : key + " (ground)" },
                                  valueLabel: "share of the variance of the cost ratio [-]",
                                  series: [BarChart.Series("first order", indices.map { max($0.first, 0) }, color: "#0072B2"),
                                           BarChart.Series("total", indices.map { max($0.total, 0) }, color: "#E69F00")])
        sobolChart.horizontal = true
        sobolChart.width = 860
        let sobolFigure = ReportDocument.Figure(
            id: "chart-sobol", title: "Sobol indices",
            caption: "Share of the variance of the cost ratio due to each uncertain input alone (first order) and with its interactions (total), the \(indices.count) largest, over \(study.sobolInputs) (Saltelli/Jansen estimators on a GSL Sobol sequence, N = \(study.sobolSamples), \(study.sobolEvaluations) evaluations). Negative estimates (sampling noise) are shown as 0.",
            svg: sobolChart.svg(id: "chart-sobol"), inputs: indices.map { let (side, key) = ReportBuilder.sideKey($0.key); return .init(side: side, key: key) })
        let unresolved = study.indices.filter { !$0.resolved }.map { ReportBuilder.sideKey($0.key).1 }
        let resolution = unresolved.isEmpty
            ? "Every Sobol index is resolved at N = \(study.sobolSamples): its 95 % bootstrap interval (\(Sobol.bootstrapResamples) resamples) is narrower than ±\(humanNumber(Sobol.resolvedHalfWidth))."
            : "Not resolved at N = \(study.sobolSamples) (95 % bootstrap interval wider than ±\(humanNumber(Sobol.resolvedHalfWidth)), or a first-order estimate above the total): \(unresolved.joined(separator: ", ")); raise `--samples` in `orbital sensitivity` to resolve them."
        var blocks: [ReportDocument.Block] = [.table(table), .paragraph(Comparison.rankingNote), .figure(tornado), .figure(sobolFigure), .paragraph(resolution)]
        let flips = bars.filter(\.flipsVerdict).map { ReportBuilder.sideKey($0.key).1 }
        blocks.insert(.paragraph(flips.isEmpty ? "No single input flips the verdict across its range." : "Alone, these inputs flip the verdict within their range: \(flips.joined(separator: ", "))."), at: 0)
        return .init(id: "deciding-inputs", title: "Deciding inputs", blocks: blocks)
    }

    /// "first / total [interval]" for the deciding-inputs table, marked when not resolved.
    static func sobolText(_ i: SensitivityAnalysis.Index) -> String {
        func ci(_ r: ClosedRange<Double>) -> String { "[\(humanNumber(r.lowerBound)), \(humanNumber(r.upperBound))]" }
        return "\(humanNumber(i.first)) \(ci(i.firstInterval)) / \(humanNumber(i.total)) \(ci(i.totalInterval))" + (i.resolved ? "" : " (not resolved)")
    }

    func costSection() -> ReportDocument.Section {
        // The engine's own shares (same schedule as the headline), so each stack sums to its verdict.
        let oLines = o.levelized.costPerPflopHourByLine.filter { $0.usdPerPflopHour != 0 }.map { ($0.name, $0.usdPerPflopHour) }
        let gLines = g.levelized.costPerPflopHourByLine.filter { $0.usdPerPflopHour != 0 }.map { ($0.name, $0.usdPerPflopHour) }
        var names: [String] = []
        for (n, _) in oLines + gLines where !names.contains(n) { names.append(n) }
        let oMap = Dictionary(oLines, uniquingKeysWith: +), gMap = Dictionary(gLines, uniquingKeysWith: +)
        var chart = BarChart(title: "Levelized cost by component", categories: ["orbit: \(orbitalScenario.name)", "ground: \(groundScenario.name)"],
                             valueLabel: "levelized cost [USD per delivered PFLOP-hour]",
                             series: names.map { BarChart.Series($0, [oMap[$0] ?? 0, gMap[$0] ?? 0]) })
        chart.stacked = true
        chart.width = 860
        let inputs = ref(.orbital, ["finance.discount_rate", "finance.lifetime_years", "finance.cost_boundary", "compute.accelerator", "launch.vehicle", "launch.cost_per_kg_usd",
                                    "finance.satellite_cost_usd_per_kg", "solar.cost_usd_per_w", "finance.ops_cost_usd_per_year"])
            + ref(.terrestrial, ["finance.discount_rate", "finance.lifetime_years", "facility.capex_usd_per_w", "facility.lifetime_years", "energy.price_usd_per_mwh", "facility.pue"])
        let figure = ReportDocument.Figure(id: "chart-cost-breakdown", title: "Cost breakdown, side by side",
                                           caption: "Each segment is the present value of one cost line divided by the present value of the PFLOP-hours delivered, with the same deployment timing as the verdict (orbit \(o.levelized.timingName), ground \(g.levelized.timingName)); the stack is the levelized cost (cost boundary: orbit \(o.boundary.rawValue), ground \(g.boundary.rawValue)).",
                                           svg: chart.svg(id: "chart-cost-breakdown"), inputs: inputs.filter { input in (input.side == .orbital ? orbitalScenario : groundScenario).parameter(input.key) != nil })
        func rows(_ lines: [CostLine], _ levelized: [String: Double], side: String) -> [[Cell]] {
            lines.filter { levelized[$0.name] != nil }.map { l in
                [Cell(side), Cell(l.name, code: true), Cell(humanNumber(l.upfront), numeric: true), Cell(humanNumber(l.annual) + (l.amortised ? " (amortised)" : ""), numeric: true),
                 Cell(humanNumber(levelized[l.name] ?? 0), numeric: true)]
            }
        }
        let table = ReportDocument.Table(id: "table-cost-lines", caption: "Cost lines",
                                         header: ["side", "line", "upfront [USD]", "annual [USD/year]", "levelized [USD/PFLOP-h]"],
                                         rows: rows(o.costLines, oMap, side: "orbit") + rows(g.costLines, gMap, side: "ground"))
        return .init(id: "cost", title: "Cost breakdown", blocks: [.figure(figure), .table(table)])
    }

    func massSection() -> ReportDocument.Section {
        var chart = BarChart(title: "Orbital mass budget (\(humanNumber(o.massTotalKg / 1000)) t in \(humanNumber(Double(o.satelliteCount))) satellites)", categories: o.massBreakdownKg.map(\.0),
                             valueLabel: "mass [t]", series: [BarChart.Series("mass", o.massBreakdownKg.map { $0.1 / 1000 })])
        chart.horizontal = true
        let figure = ReportDocument.Figure(
            id: "chart-mass-breakdown", title: "Mass breakdown",
            caption: "Launch mass by subsystem, tonnes: \(humanNumber(o.massTotalKg / 1000)) t in total, \(humanNumber(o.massTotalKg / (o.itPowerTargetW / 1000))) kg per kW of target IT power, \(o.launchCount) launches.",
            svg: chart.svg(id: "chart-mass-breakdown"),
            inputs: ref(.orbital, ["compute.accelerator", "solar.specific_power_w_per_kg", "thermal.areal_mass_kg_per_m2", "thermal.loop_mass_factor", "thermal.radiator_temperature_k",
                                   "power.battery_specific_energy_wh_per_kg", "satellite.structure_mass_fraction", "radiation.shield_thickness_mm", "satellite.thruster_isp_s"])
                .filter { orbitalScenario.parameter($0.key) != nil })
        return .init(id: "mass", title: "Mass", blocks: [.figure(figure)])
    }

    func launchSection() throws -> ReportDocument.Section {
        let groundCost = g.costPerPflopHourUsd
        let breakeven = launchBreakeven
        var lo = options.launchPriceRange.lowerBound, hi = options.launchPriceRange.upperBound
        for v in [o.launchCostPerKgUsd, breakeven?.value].compactMap({ $0 }) where v > 0 {
            lo = min(lo, v / 2); hi = max(hi, v * 2)
        }
        let n = max(options.launchPricePoints, 3)
        // A sweep of the orbital scenario's launch price, evaluated as `orbital sweep` does.
        let setup = try StudySetup(primary: orbitalScenario)
        let price = try setup.resolve(ReportBuilder.launchKey, origin: "report")
        let evaluator = StudyEvaluator(setup: setup, inputs: [price], thermalTransient: false)
        let cost = setup.metrics.firstIndex(of: "cost_per_pflop_hour_usd")!
        var points: [(Double, Double)] = []
        for k in 0..<n {
            let x = lo * pow(hi / lo, Double(k) / Double(n - 1))
            guard price.bounds?.contains(x) ?? true, (try? evaluator.evaluate(numbers: [x])) != nil else { continue }
            points.append((x, evaluator.metrics[cost]))
        }
        let ys = points.map(\.1) + [groundCost]
        let logY = (ys.max() ?? 1) / max(ys.min() ?? 1, 1e-300) > 20
        var chart = LineChart(title: "Levelized cost against launch price", xLabel: "launch price [USD/kg] (log scale)",
                              yLabel: "levelized cost [USD per PFLOP-hour]\(logY ? " (log)" : "")",
                              series: [LineChart.Series("orbit: \(orbitalScenario.name)", points, color: "#0072B2"),
                                       LineChart.Series("ground: \(groundScenario.name)", [(lo, groundCost), (hi, groundCost)], color: "#E69F00", dashed: true)])
        chart.xLog = true
        chart.yLog = logY
        chart.yIncludesZero = !logY
        chart.xRange = lo...hi
        chart.markers.append(.init(x: o.launchCostPerKgUsd, y: o.costPerPflopHourUsd, label: "this scenario: $\(humanNumber(o.launchCostPerKgUsd))/kg", color: "#0072B2"))
        var message: String
        if let b = breakeven, let v = b.value {
            chart.markers.append(.init(x: v, y: groundCost, label: "break-even: $\(humanNumber(v))/kg"))
            message = "Orbit and ground cost the same at a launch price of \(humanNumber(v)) USD/kg (GSL Brent root of the cost ratio); this scenario assumes \(humanNumber(o.launchCostPerKgUsd)) USD/kg."
        } else if let b = breakeven {
            let note = "No break-even: at best orbit costs \(humanNumber(b.costRatioAtValue))× the ground (at $\(humanNumber(b.closestValue))/kg)"
            chart.notes.append(note)
            message = "\(note), searching \(humanNumber(b.searched.lowerBound))…\(humanNumber(b.searched.upperBound)) USD/kg: launch price alone cannot close the gap."
        } else {
            chart.notes.append("No break-even could be computed")
            message = "The break-even launch price could not be computed for these scenarios."
        }
        if let reference = options.referenceLaunchPrice { chart.rules.append(.init(x: reference.value, label: reference.label)) }
        let figure = ReportDocument.Figure(id: "chart-launch-price", title: "Launch price and break-even",
                                           caption: "The orbital scenario re-evaluated over a log grid of launch.cost_per_kg_usd (all else fixed) against the ground's levelized cost. " + message,
                                           svg: chart.svg(id: "chart-launch-price"), inputs: ref(.orbital, [ReportBuilder.launchKey, "launch.vehicle", "launch.learning_rate"]))
        return .init(id: "launch", title: "Launch price and break-even", blocks: [.paragraph(message), .figure(figure)])
    }

    func eclipseSection() throws -> ReportDocument.Section {
        let (orbit, year) = try OrbitalModel().orbitAndEclipse(oInputs.orbit)
        let days = Array(stride(from: 0.0, through: 365.0, by: 1.0))
        let betas = days.map { ($0, orbit.beta(at: $0 * 86_400) / Constants.degree) }
        let fractions = days.map { ($0, orbit.eclipseFraction(at: $0 * 86_400)) }
        let bands = year.seasons.map { LineChart.Band(from: $0.lowerBound / 86_400, to: $0.upperBound / 86_400, label: "eclipse season") }
        let critical = orbit.criticalBeta / Constants.degree
        let epochLabel = orbit.epochDays == SunPosition.epoch2026 ? "1 Jan 2026" : "the epoch"
        var beta = LineChart(title: "Beta angle through the year", xLabel: "days from \(epochLabel) [d]", yLabel: "beta angle [deg]",
                             series: [LineChart.Series("beta angle", betas, color: "#0072B2")])
        beta.rules = [.init(y: critical, label: "β* = \(humanNumber(critical))°: eclipses below", color: "#8b0000")]
        if betas.contains(where: { $0.1 < 0 }) { beta.rules.append(.init(y: -critical, label: "−β*", color: "#8b0000")) }
        beta.bands = bands
        beta.xRange = 0...365
        var eclipse = LineChart(title: "Eclipse fraction of each orbit through the year", xLabel: "days from \(epochLabel) [d]",
                                yLabel: "eclipse fraction of the orbit [-]", series: [LineChart.Series("eclipse fraction", fractions, color: "#009E73")])
        eclipse.bands = bands
        eclipse.xRange = 0...365
        eclipse.yIncludesZero = true
        eclipse.rules = [.init(y: year.meanFraction, label: "annual mean \(humanNumber(year.meanFraction))", color: "#555555")]
        if year.maxFraction == 0 { eclipse.notes.append("No eclipses: the orbit stays in sunlight all year") }
        let keys = ["orbit.altitude_km", "orbit.sso_ltan_h", "orbit.inclination_deg", "orbit.raan_deg", "orbit.beta_deg", "orbit.shadow_model"].filter { orbitalScenario.parameter($0) != nil }
        let summary = "\(humanNumber(year.eclipseDays)) eclipse days a year; longest eclipse \(humanNumber(year.maxDuration / 60)) min (fraction \(humanNumber(year.maxFraction)) of a \(humanNumber(orbit.period / 60))-min orbit); annual mean shadow fraction \(humanNumber(year.meanFraction)); beta from \(humanNumber(year.betaMin / Constants.degree))° to \(humanNumber(year.betaMax / Constants.degree))°."
        return .init(id: "eclipses", title: "Eclipse seasons", blocks: [
            .paragraph(summary),
            .figure(.init(id: "chart-beta-angle", title: "Beta angle", caption: "Angle between the orbit plane and the Sun, daily, with the eclipse seasons shaded (|β| below the critical β*).",
                          svg: beta.svg(id: "chart-beta-angle"), inputs: ref(.orbital, keys))),
            .figure(.init(id: "chart-eclipse-fraction", title: "Eclipse fraction", caption: "Fraction of each orbit in the Earth's shadow (\(orbit.shadow.rawValue) shadow model), daily. The arrays and batteries are sized for the worst orbit.",
                          svg: eclipse.svg(id: "chart-eclipse-fraction"), inputs: ref(.orbital, keys))),
        ])
    }

    func radiatorSection() -> ReportDocument.Section {
        let period = o.periodS
        let profile = o.transient.profile.map { ($0.0 / 60, $0.1) }
        var chart = LineChart(title: "Radiator temperature through the worst orbit", xLabel: "time since eclipse exit [min]", yLabel: "radiator temperature [K]",
                              series: [LineChart.Series("radiator (periodic steady state)", profile, color: "#D55E00")])
        let f = o.eclipse.maxFraction
        if f > 0 { chart.bands = [.init(from: (1 - f) * period / 60, to: period / 60, label: "eclipse")] }
        chart.rules = [.init(y: o.maxRadiatorTemperatureK, label: "accelerator limit \(humanNumber(o.maxRadiatorTemperatureK)) K", color: "#8b0000"),
                       .init(y: o.radiatorTemperatureK, label: "design \(humanNumber(o.radiatorTemperatureK)) K", color: "#555555")]
        let temps = profile.map(\.1) + [o.maxRadiatorTemperatureK, o.radiatorTemperatureK]
        if let lo = temps.min(), let hi = temps.max() { chart.yRange = (floor(lo / 5) * 5 - 5)...(ceil(hi / 5) * 5 + 5) }
        chart.xRange = 0...(period / 60)
        let text = "One satellite's radiator through the orbit with the longest eclipse (β = \(humanNumber(o.eclipse.worstBeta / Constants.degree))°): \(humanNumber(o.transient.minimum)) K to \(humanNumber(o.transient.maximum)) K\(o.throttleRequired ? "; above the accelerator's limit, so compute must throttle" : ", within the accelerator's limit")."
        let figure = ReportDocument.Figure(id: "chart-radiator-temperature", title: "Radiator temperature over an orbit",
                                           caption: "Lumped-capacitance transient (GSL rk8pd) at its periodic steady state; eclipse shaded. " + text, svg: chart.svg(id: "chart-radiator-temperature"),
                                           inputs: ref(.orbital, ["thermal.radiator_temperature_k", "thermal.emissivity", "thermal.solar_absorptivity", "thermal.heat_capacity_j_per_k",
                                                                  "thermal.specific_heat_j_per_kg_k", "satellite.it_power_w", "power.eclipse_strategy"]).filter { orbitalScenario.parameter($0.key) != nil })
        return .init(id: "radiators", title: "Radiators", blocks: [.paragraph(text), .figure(figure)])
    }

    func latencySection() throws -> ReportDocument.Section {
        // The same propagation as `orbital latency` with its defaults: one day in 10-second steps.
        let (orbit, _) = try OrbitalModel().orbitAndEclipse(oInputs.orbit)
        let analysis = try LatencyAnalysis(scenarioName: orbitalScenario.name, orbit: orbit, network: oInputs.network, users: CityCatalog.all,
                                           span: 0...86_400, step: 10)
        func ms(_ x: Double?) -> Double? { x.map { $0 * 1000 } }
        let rows = analysis.users.map { u in
            DistributionChart.Row(label: u.user.name, minimum: ms(u.best.min), p50: ms(u.best.p50), p90: ms(u.best.p90), p99: ms(u.best.p99),
                                  maximum: ms(u.best.max), reference: u.terrestrial * 1000,
                                  note: u.best.noPathFraction > 0 ? "no path \(humanNumber(u.best.noPathFraction * 100)) %" : nil)
        }
        let chart = DistributionChart(title: "Round-trip time per city over a day", valueLabel: "round-trip time [ms]", rows: rows,
                                      distributionName: "orbit (best path)", referenceName: "Colossus 1 (fibre)")
        let table = ReportDocument.Table(
            id: "table-rtt", caption: "Round-trip times per city over one day (best of ground-station and relay paths; percentiles over the times a path exists)",
            header: ["city", "Colossus 1 [ms]", "orbit p50 [ms]", "p90 [ms]", "p99 [ms]", "max [ms]", "no path [%]"],
            rows: analysis.users.map { u in
                [Cell(u.user.name), Cell(humanNumber(u.terrestrial * 1000), numeric: true)]
                    + [u.best.p50, u.best.p90, u.best.p99, u.best.max].map { Cell(ms($0).map(humanNumber) ?? "no path", numeric: true) }
                    + [Cell(humanNumber(u.best.noPathFraction * 100), numeric: true)]
            })
        let text = "The cluster is in contact with a ground station \(humanNumber(analysis.contact.contactFraction * 100)) % of the time (relay: \(oInputs.network.relay.rawValue)); the longest gap without contact lasts \(humanNumber((analysis.contact.gaps.max() ?? 0) / 60)) min. Percentiles are over time, through the best available path (`orbital latency` gives the ground-station and relay paths separately)."
        let keys = ParameterInfo.all.filter { $0.kind == .orbital && $0.key.hasPrefix("network.") }.map(\.key)
        let figure = ReportDocument.Figure(id: "chart-rtt-per-city", title: "RTT distribution per city",
                                           caption: "Box: median to 90th percentile of the round-trip time to the orbital cluster through the day; black tick: 99th percentile; dashed line: minimum to maximum; diamond: fibre RTT to Colossus 1 in Memphis. " + text,
                                           svg: chart.svg(id: "chart-rtt-per-city"), inputs: ref(.orbital, ["orbit.altitude_km", "orbit.sso_ltan_h"] + keys))
        return .init(id: "latency", title: "Latency", blocks: [.paragraph(text), .figure(figure), .table(table)])
    }

    func capacitySection() throws -> ReportDocument.Section {
        // The launch-by-launch timeline of `orbital timeline` (issue 6).
        let t = try Timeline.run(orbital: orbitalScenario, ground: groundScenario, maxLaunches: options.maxLaunches)
        let orbitSeries = t.series.map { ($0.days, $0.orbitalItPowerW / 1e6) }
        let groundSeries = t.series.compactMap { p in p.groundItPowerW.map { (p.days, $0 / 1e6) } }
        var chart = LineChart(title: "IT capacity online against time", xLabel: "days from the first launch or groundbreaking [d]", yLabel: "IT power online [MW]",
                              series: [LineChart.Series("orbit: \(t.launches) launches at \(humanNumber(oInputs.launch.launchesPerYear))/year", orbitSeries, color: "#0072B2"),
                                       LineChart.Series("ground: \(groundScenario.name)", groundSeries, color: "#E69F00", dashed: true)])
        chart.yIncludesZero = true
        if let end = t.series.last?.days { chart.xRange = 0...end }
        let oMW = t.orbital.targetItPowerW / 1e6
        if let days = t.orbital.daysToTarget { chart.markers.append(.init(x: days, y: oMW, label: "\(humanNumber(oMW)) MW after \(humanNumber(days)) d", color: "#0072B2")) }
        if let g = t.ground, let days = g.daysToTarget {
            chart.markers.append(.init(x: days, y: g.targetItPowerW / 1e6, label: "\(humanNumber(g.targetItPowerW / 1e6)) MW after \(humanNumber(days)) d", color: "#E69F00"))
        }
        var text = "Orbit: \(t.launches) launches and \(humanNumber(Double(t.satellites))) satellites put \(humanNumber(oMW)) MW of IT online"
            + (t.orbital.daysToTarget.map { " in \(humanNumber($0)) days" } ?? " (the target is not reached: failures outpace the launches)")
            + "; waiting costs \(humanNumber(t.orbital.delayCostUsd / 1e9)) billion USD of undelivered accelerator-hours."
        if let g = t.ground {
            text += " Ground: \(humanNumber(g.targetItPowerW / 1e6)) MW" + (g.daysToTarget.map { " in \(humanNumber($0)) days" } ?? "") + ", a delay cost of \(humanNumber(g.delayCostUsd / 1e9)) billion USD."
        }
        let figure = ReportDocument.Figure(id: "chart-capacity-online", title: "Capacity online",
                                           caption: "Satellites built and launched at their rates, each launch carrying its share of the cluster and decaying without repair; the ground comes online when the facility is built (`orbital timeline`). " + text,
                                           svg: chart.svg(id: "chart-capacity-online"),
                                           inputs: ref(.orbital, ["launch.launches_per_year", "satellite.manufacturing_kg_per_year", "launch.learning_rate", "reliability.accelerator_failure_rate_per_year", "compute.it_power_w"]).filter { orbitalScenario.parameter($0.key) != nil }
                                               + ref(.terrestrial, ["facility.build_days"]).filter { groundScenario.parameter($0.key) != nil })
        return .init(id: "deployment", title: "Deployment", blocks: [.paragraph(text), .figure(figure)])
    }

    func publishedSection(_ directory: String?) throws -> ReportDocument.Section {
        let scenarios: [Scenario]
        let folder = directory ?? "Models/published"
        if let directory {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            scenarios = try files.map { try Scenario.load(path: directory + "/" + $0) }
        } else {
            scenarios = try ShippedModels.published.map { try Scenario.parse(yaml: $0.text, origin: $0.path) }
        }
        guard !scenarios.isEmpty else {
            return .init(id: "published", title: "Published analyses", blocks: [.note("No published analyses to set beside ours: \(folder) has no scenarios.")])
        }
        let rows = try PublishedComparison.make(scenarios)
        let table = ReportDocument.Table(
            id: "table-published", caption: "Published figures beside this engine's, each under the publication's own assumptions (`orbital published`; the scenarios are in \(folder))",
            header: ["scenario", "metric", "unit", "published", "on their assumptions", "ours", "source", "from theirs to ours, one input at a time", "note"],
            rows: rows.map { r in
                [Cell(r.scenario, code: true), Cell(r.figure.metric, code: true), Cell(OutputTable.unit(ofPath: r.figure.metric)), Cell(humanNumber(r.figure.value), numeric: true),
                 Cell(humanNumber(r.onTheirAssumptions), numeric: true), Cell(humanNumber(r.ours), numeric: true),
                 Cell(r.figure.source), Cell(r.stepsText), Cell(r.figure.note)]
            })
        let shown = rows.filter { $0.ours > 0 && $0.figure.value > 0 }
        var chart = BarChart(title: "This engine against the published figures", categories: shown.map { "\($0.scenario): \($0.figure.metric)" },
                             valueLabel: "ours / published [-] (log scale)", series: [BarChart.Series("on their assumptions / published", shown.map { $0.onTheirAssumptions / $0.figure.value }),
                                                                                      BarChart.Series("ours / published", shown.map { $0.ours / $0.figure.value })])
        chart.horizontal = true
        chart.valueLog = true
        chart.baseline = 1
        chart.width = 900
        let figure = ReportDocument.Figure(id: "chart-published", title: "Published analyses side by side",
                                           caption: "Our engine over the published figure (1: identical; bars to the left: lower): first on the publication's own assumptions (how well it is reproduced), then on ours for the same question; the table moves one input at a time from theirs to ours.",
                                           svg: chart.svg(id: "chart-published"), inputs: [])
        return .init(id: "published", title: "Published analyses", blocks: [
            .paragraph("Published answers differ mostly in what they count. Each scenario in \(folder) restates one analysis's assumptions; here is its figure beside ours under those assumptions."),
            .figure(figure), .table(table),
        ])
    }

    /// Values that the engine derives when a key is absent, for the appendix.
    func derivedValue(_ side: ScenarioKind, _ key: String) -> Double? {
        switch (side, key) {
        case (.orbital, "launch.cost_per_kg_usd"): return o.launchCostPerKgUsd
        case (.orbital, "compute.it_power_w"): return o.itPowerTargetW
        case (.orbital, "compute.accelerator_count"): return o.acceleratorCountTarget
        case (.orbital, "thermal.heat_capacity_j_per_k"): return o.heatCapacityJPerKPerSatellite
        case (.orbital, "compute.it_power_per_accelerator_w"): return o.accelerator.itPowerPerAcceleratorW
        case (.orbital, "compute.max_radiator_temperature_k"): return o.maxRadiatorTemperatureK
        case (.terrestrial, "compute.accelerator_count"): return g.acceleratorCount
        case (.terrestrial, "compute.it_power_w"): return g.itPowerW
        case (.terrestrial, "compute.it_power_per_accelerator_w"): return g.accelerator.itPowerPerAcceleratorW
        default: return nil
        }
    }

    func provenanceTable(_ scenario: Scenario) -> ReportDocument.Table {
        let side = scenario.kind
        let rows: [[Cell]] = ParameterInfo.all.filter { $0.kind == side }.map { info in
            let explicit = scenario.values[info.key]
            let anchor = ReportDocument.anchor(side, info.key)
            let valueText: String
            if case let .number(x)? = scenario.value(of: info.key), x == x.rounded(), abs(x) >= 10_000 { valueText = humanNumber(x) }
            else if let v = scenario.value(of: info.key) { valueText = v.description }
            else if let d = derivedValue(side, info.key) { valueText = "≈ \(humanNumber(d)) (derived)" }
            else { valueText = "derived" }
            var source: String
            if explicit != nil {
                source = "set in \(scenario.origin)"
                if let d = info.defaultValue { source += "; default \(d)" + (info.provenance.map { " from " + $0.summary } ?? "") }
            } else if let p = info.provenance { source = p.summary }
            else { source = "derived: " + (info.derivation ?? "by the model") }
            let confidence = info.provenance?.confidence.rawValue ?? "derived"
            return [Cell(info.key, anchor: anchor, code: true), Cell(valueText, numeric: true), Cell(info.unit == "-" ? "" : info.unit),
                    Cell(source), Cell(explicit != nil ? "scenario (default: \(confidence))" : confidence), Cell(explicit != nil ? "explicit" : "")]
        }
        return .init(id: "inputs-\(side.rawValue)", caption: "\(side == .orbital ? "Orbital" : "Terrestrial") inputs of \(scenario.name) (\(scenario.origin)): every parameter the engine read",
                     header: ["key", "value", "unit", "source", "confidence", "explicit"], rows: rows)
    }

    func provenanceSection() -> ReportDocument.Section {
        .init(id: "provenance", title: "Appendix A: inputs and their provenance", blocks: [
            .paragraph("Every input of both scenarios as the engine used it: values written in the scenario (or with --set) are marked explicit; the others are the parameter table's defaults with their source, year and confidence (`orbital explain KEY`)."),
            .table(provenanceTable(orbitalScenario)),
            .table(provenanceTable(groundScenario)),
        ])
    }

    func outputsSection() -> ReportDocument.Section {
        func table(_ scenario: Scenario, _ e: Evaluation) -> ReportDocument.Table {
            let rows = Engine.report(scenario, e).flattened().map { key, value in
                [Cell(key, code: true), Cell(OutputTable.unit(ofPath: key)), Cell(value.displayText, numeric: value.doubleValue != nil)]
            }
            return .init(id: "outputs-\(scenario.kind.rawValue)", caption: "Outputs of \(scenario.name) (`orbital evaluate --format json` gives the same keys)", header: ["key", "unit", "value"], rows: rows)
        }
        return .init(id: "outputs", title: "Appendix B: all outputs", blocks: [.table(table(orbitalScenario, comparison.orbital)), .table(table(groundScenario, comparison.ground))])
    }
}
