import Foundation

/// Orbit versus ground, side by side, with the inputs that decide the verdict.
public struct Comparison: Sendable {
    public var orbitalScenario: Scenario
    public var groundScenario: Scenario
    public var orbital: Evaluation
    public var ground: Evaluation
    /// Orbital over ground levelized cost per delivered PFLOP-hour (BF16 dense).
    public var costRatio: Double
    public var deciding: [Sensitivity]
    /// The same comparison over one calendar window from the decision date (nil when the
    /// scenarios already use `window`): capacity that arrives late delivers less in it.
    public var sameWindow: SameWindow?

    /// Orbit and ground over the same calendar window (MODEL.md §11).
    public struct SameWindow: Sendable {
        public var windowYears: Double
        public var costRatio: Double
        /// PFLOP-hours each side delivers inside the window over what it delivers under the
        /// headline convention.
        public var orbitalDeliveredShare: Double
        public var groundDeliveredShare: Double
    }

    /// Why `compare` and `sensitivity` can name different deciding inputs.
    public static let rankingNote = "Deciding inputs are ranked by how far each moves the cost ratio across its own range (its declared uncertainty, else the range its source documents, else ±swing): what could be true. `orbital sensitivity` also gives Sobol shares of variance over the declared uncertainties only: what we believe. An input with a wide documented range and no declared uncertainty can lead the first and be absent from the second."

    /// How much the cost ratio moves when one input moves ±`swing` (relative) from its value.
    public struct Sensitivity: Sendable {
        public var key: String
        public var side: ScenarioKind
        /// The same hardware on both sides, moved together.
        public var bothSides: Bool = false
        public var base: Double
        public var low: Double
        public var high: Double
        public var ratioAtLow: Double
        public var ratioAtHigh: Double
        /// Where the range comes from: "uncertainty" (declared), "documented range" (the default's
        /// source), or "±25 %".
        public var rangeSource: String
        /// |ln(ratio_high / ratio_low)|: the ranking measure.
        public var spread: Double { abs(log(ratioAtHigh / ratioAtLow)) }
    }

    public var verdict: String { Comparison.verdict(ratio: costRatio) + " (timing: \(timingText))" }

    /// The deployment convention of the headline, in words.
    public var timingText: String {
        guard case let .orbital(o) = orbital else { return "" }
        return o.levelized.timingDescription
    }

    static func verdict(ratio r: Double) -> String {
        if r < 0.95 { return "orbit is cheaper: \(humanNumber(1 / r))× less per delivered PFLOP-hour" }
        if r > 1.05 { return "the ground is cheaper: orbit costs \(humanNumber(r))× more per delivered PFLOP-hour" }
        return "a draw: within 5 % per delivered PFLOP-hour"
    }

    /// One sentence on the same-window comparison.
    public var sameWindowText: String {
        guard let w = sameWindow else { return "" }
        return "over the same \(humanNumber(w.windowYears))-year window from the decision date: \(Comparison.verdict(ratio: w.costRatio)); in it the orbit delivers \(humanNumber(w.orbitalDeliveredShare * 100)) % and the ground \(humanNumber(w.groundDeliveredShare * 100)) % of their PFLOP-hours under the headline timing"
    }

    static func sameWindow(orbital: Scenario, ground: Scenario, o: Evaluation, g: Evaluation, model: OrbitalModel) throws -> SameWindow? {
        guard case let .orbital(or) = o, case let .terrestrial(gr) = g, or.levelized.timing.windowYears == nil, gr.levelized.timing.windowYears == nil else { return nil }
        let years = try ground.terrestrialInputs().finance.lifetimeYears
        var ow = orbital, gw = ground
        try ow.set("finance.deployment_timing", .text("window")); try ow.set("finance.comparison_window_years", .number(years))
        try gw.set("finance.deployment_timing", .text("window")); try gw.set("finance.comparison_window_years", .number(years))
        guard case let .orbital(a) = try Engine.evaluate(ow, model: model), case let .terrestrial(b) = try Engine.evaluate(gw, model: model) else { return nil }
        return SameWindow(windowYears: years, costRatio: a.costPerPflopHourUsd / b.costPerPflopHourUsd,
                          orbitalDeliveredShare: a.deliveredAcceleratorHours / or.deliveredAcceleratorHours,
                          groundDeliveredShare: b.deliveredAcceleratorHours / gr.deliveredAcceleratorHours)
    }

    public static func make(orbital: Scenario, ground: Scenario, swing: Double = 0.25, top: Int = 6) throws -> Comparison {
        guard orbital.kind == .orbital else { throw ScenarioError(file: orbital.origin, key: "kind", "the first scenario of a comparison must be orbital") }
        guard ground.kind == .terrestrial else { throw ScenarioError(file: ground.origin, key: "kind", "the second scenario of a comparison must be terrestrial") }
        let model = OrbitalModel.shared
        let o = try Engine.evaluate(orbital, model: model)
        let g = try Engine.evaluate(ground, model: model)
        let ratio = o.costPerPflopHourUsd / g.costPerPflopHourUsd
        // The tornado of `orbital sensitivity` (one implementation): each input across its own
        // range — declared uncertainty, else its source's documented range, else ±swing.
        let setup = try StudySetup(primary: orbital, ground: ground)
        let tornado = try SensitivityAnalysis.run(setup: setup, uncertain: try setup.uncertainInputs(), swing: swing, jobs: 1, sobol: false)
        let sensitivities = tornado.bars.prefix(top).map { b -> Sensitivity in
            let (side, key) = StudySetup.sideAndKey(column: b.key)
            let both = StudySetup.sameHardwareKeys.contains(key) && !b.key.contains(":")
            return Sensitivity(key: key, side: side, bothSides: both, base: b.base, low: b.low, high: b.high,
                               ratioAtLow: b.atLow, ratioAtHigh: b.atHigh, rangeSource: b.rangeSource)
        }
        return Comparison(orbitalScenario: orbital, groundScenario: ground, orbital: o, ground: g, costRatio: ratio,
                          deciding: Array(sensitivities),
                          sameWindow: try sameWindow(orbital: orbital, ground: ground, o: o, g: g, model: model))
    }

    static func groundHas(_ key: String) -> Bool { ParameterTable.terrestrial[key] != nil }

    /// The cost ratio with one key of one side (or of both) set to `value`.
    static func ratioWith(_ key: String, _ value: Double, side: ScenarioKind, both: Bool = false, orbital: Scenario, ground: Scenario, model: OrbitalModel) throws -> Double {
        var o = orbital, g = ground
        if side == .orbital || both { try o.set(key, .number(value)) }
        if side == .terrestrial || both { try g.set(key, .number(value)) }
        return try Engine.evaluate(o, model: model).costPerPflopHourUsd / Engine.evaluate(g, model: model).costPerPflopHourUsd
    }

    /// The effective numeric inputs of a scenario: defaults and explicit values, plus the launch
    /// price per kg that the vehicle implies.
    static func numericValues(of s: Scenario, model: OrbitalModel) -> [(String, Double)] {
        var out: [(String, Double)] = []
        let infos = s.kind == .orbital ? ParameterTable.orbital.parameters.map { ParameterInfo($0, kind: .orbital) }
                                       : ParameterTable.terrestrial.parameters.map { ParameterInfo($0, kind: .terrestrial) }
        for info in infos {
            if case .integer = info.domain { continue }
            if case let .number(x)? = s.value(of: info.key) { out.append((info.key, x)) }
        }
        if s.kind == .orbital, s.values["launch.cost_per_kg_usd"] == nil, let inputs = try? s.orbitalInputs(), let launch = try? inputs.launch.resolved() {
            out.append(("launch.cost_per_kg_usd", launch.costPerKg))
        }
        return out
    }

    static func clamp(_ x: Double, _ b: Bounds) -> Double {
        let span = b.upper - b.lower
        let lower = b.lowerOpen ? b.lower + span * 1e-9 : b.lower
        let upper = b.upperOpen ? b.upper - span * 1e-9 : b.upper
        return min(max(x, lower), upper)
    }

    public var report: ResultValue {
        let o = orbital, g = ground
        func pick(_ key: String, _ e: Evaluation) -> ResultValue { OutputTable.number(key, of: e).map(ResultValue.number) ?? .null }
        func ratio(_ key: String) -> ResultValue {
            guard let a = OutputTable.number(key, of: o), let b = OutputTable.number(key, of: g), b != 0 else { return .null }
            return .number(a / b)
        }
        let keys = OutputTable.sideBySide
        return .object([
            ("orbital", .text(orbitalScenario.name)),
            ("terrestrial", .text(groundScenario.name)),
            ("verdict", .text(verdict)),
            ("cost_ratio", .number(costRatio)),
            ("deployment_timing", .text(timingText)),
            ("same_window", sameWindow.map { w in .object([
                ("window_years", .number(w.windowYears)), ("cost_ratio", .number(w.costRatio)),
                ("orbital_delivered_share", .number(w.orbitalDeliveredShare)), ("ground_delivered_share", .number(w.groundDeliveredShare)),
            ]) } ?? .null),
            ("ranking_note", .text(Comparison.rankingNote)),
            ("side_by_side", .object(keys.map { key in (key, .object([("orbital", pick(key, o)), ("terrestrial", pick(key, g)), ("ratio", ratio(key))])) })),
            ("deciding_inputs", .array(deciding.map { s in .object([
                ("key", .text(s.key)), ("side", .text(s.bothSides ? "both" : s.side.rawValue)), ("base", .number(s.base)),
                ("low", .number(s.low)), ("high", .number(s.high)),
                ("cost_ratio_at_low", .number(s.ratioAtLow)), ("cost_ratio_at_high", .number(s.ratioAtHigh)),
                ("range_from", .text(s.rangeSource)),
            ]) })),
            ("latency", latencyReport),
            ("fabric", fabricReport),
            ("orbital_report", Engine.report(orbitalScenario, o)),
            ("terrestrial_report", Engine.report(groundScenario, g)),
        ])
    }
}
