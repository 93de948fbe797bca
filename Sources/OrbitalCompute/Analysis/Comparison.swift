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

    /// Both sides under `window` timing over the ground's lifetime, written as studies write
    /// inputs (`StudySetup.inputs(_:values:)`).
    static func sameWindow(setup: StudySetup, o: Evaluation, g: Evaluation, model: OrbitalModel) throws -> SameWindow? {
        guard case let .orbital(or) = o, case let .terrestrial(gr) = g, or.levelized.timing.windowYears == nil, gr.levelized.timing.windowYears == nil,
              let years = setup.baseTerrestrial?.finance.lifetimeYears else { return nil }
        let window = [try setup.resolve("both:finance.deployment_timing", origin: "compare"), try setup.resolve("both:finance.comparison_window_years", origin: "compare")]
        let inputs = setup.inputs(window, values: [.text(DeploymentTiming.Convention.window.rawValue), .number(years)])
        guard let x = inputs.orbital, let y = inputs.terrestrial else { return nil }
        let a = try model.evaluate(x), b = try TerrestrialModel.evaluate(y)
        return SameWindow(windowYears: years, costRatio: a.costPerPflopHourUsd / b.costPerPflopHourUsd,
                          orbitalDeliveredShare: a.deliveredAcceleratorHours / or.deliveredAcceleratorHours,
                          groundDeliveredShare: b.deliveredAcceleratorHours / gr.deliveredAcceleratorHours)
    }

    /// Throws unless the pair is an orbital scenario and a terrestrial one.
    public static func checkKinds(orbital: Scenario, ground: Scenario) throws {
        guard orbital.kind == .orbital else { throw ScenarioError(file: orbital.origin, key: "kind", "the first scenario of a comparison must be orbital") }
        guard ground.kind == .terrestrial else { throw ScenarioError(file: ground.origin, key: "kind", "the second scenario of a comparison must be terrestrial") }
    }

    /// Evaluates both sides, the cost ratio, the same-window comparison and the deciding inputs.
    /// - Parameter sensitivity: the `SensitivityAnalysis` of these two scenarios at this `swing`
    ///   when the caller has run it already (the report does, for its Sobol indices): its
    ///   tornado is then reused rather than run again.
    public static func make(orbital: Scenario, ground: Scenario, swing: Double = 0.25, top: Int = 6,
                            sensitivity: SensitivityAnalysis.Result? = nil) throws -> Comparison {
        try checkKinds(orbital: orbital, ground: ground)
        let model = OrbitalModel.shared
        let o = try Engine.evaluate(orbital, model: model)
        let g = try Engine.evaluate(ground, model: model)
        let ratio = o.costPerPflopHourUsd / g.costPerPflopHourUsd
        let setup = try StudySetup(primary: orbital, ground: ground)
        // The tornado of `orbital sensitivity` (one implementation): each input across its own
        // range — declared uncertainty, else its source's documented range, else ±swing.
        let tornado = try sensitivity ?? SensitivityAnalysis.run(setup: setup, uncertain: try setup.uncertainInputs(), swing: swing, jobs: 1, sobol: false)
        let sensitivities = tornado.bars.prefix(top).map { b -> Sensitivity in
            let (side, key) = StudySetup.sideAndKey(column: b.key)
            let both = StudySetup.sameHardwareKeys.contains(key) && !b.key.contains(":")
            return Sensitivity(key: key, side: side, bothSides: both, base: b.base, low: b.low, high: b.high,
                               ratioAtLow: b.atLow, ratioAtHigh: b.atHigh, rangeSource: b.rangeSource)
        }
        return Comparison(orbitalScenario: orbital, groundScenario: ground, orbital: o, ground: g, costRatio: ratio,
                          deciding: Array(sensitivities),
                          sameWindow: try sameWindow(setup: setup, o: o, g: g, model: model))
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
