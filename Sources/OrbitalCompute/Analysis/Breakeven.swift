import Foundation
import GSL

/// The value of one input at which orbit and ground cost the same per delivered PFLOP-hour.
public struct Breakeven: Sendable {
    /// Whole-number keys with at most this many values in range are evaluated at every one.
    public static let integerScanLimit = 1_000

    public var key: String
    public var side: ScenarioKind
    /// The crossing, or nil when there is none in the searched range.
    public var value: Double?
    /// The value with the cost ratio closest to 1 (the crossing when there is one).
    public var closestValue: Double
    public var costRatioAtValue: Double
    public var baseValue: Double?
    public var baseCostRatio: Double
    public var searched: ClosedRange<Double>

    /// Finds where ln(cost ratio) = 0 for `key` with GSL's Brent solver, bracketing on a scan of
    /// the key's accepted range (log-spaced when it spans decades) or of `range`. The key belongs
    /// to the orbital scenario if it is an orbital parameter, else to the ground scenario.
    /// A key may carry a side prefix as in studies: `orbital:KEY`, `ground:KEY` or `both:KEY`.
    public static func solve(orbital: Scenario, ground: Scenario, key: String, range: ClosedRange<Double>? = nil, scanPoints: Int = 48) throws -> Breakeven {
        // The study path: the key resolved and written as a sweep writes it (`StudySetup`,
        // `StudyEvaluator`), not through `Scenario.set` at every point.
        let setup = try StudySetup(primary: orbital, ground: ground)
        let input = try setup.resolve(key, origin: "--solve")
        let info = input.info
        let side: ScenarioKind = input.orbital != nil ? .orbital : .terrestrial
        let bounds: Bounds
        switch info.domain {
        case let .real(b), let .integer(b): bounds = b
        case .choice: throw ScenarioError(file: "--solve", key: key, "is not numeric", accepted: info.acceptedText)
        }
        let integer: Bool = { if case .integer = info.domain { return true } else { return false } }()
        let clamp = bounds.clamp()
        // A key that another given key overrides (it_power_w beside accelerator_count) would
        // have no effect: say so now rather than find no crossing.
        try setup.validate(.number(clamp.apply(integer ? bounds.lower.rounded(.up) : bounds.lower)), for: input, origin: "--solve")
        let evaluator = StudyEvaluator(setup: setup, inputs: [input], thermalTransient: false)
        let ratioIndex = setup.metrics.firstIndex(of: "cost_ratio")!
        let model = OrbitalModel.shared
        let baseRatio = try Engine.evaluate(orbital, model: model).costPerPflopHourUsd / Engine.evaluate(ground, model: model).costPerPflopHourUsd
        // Whole-number keys report no base value (as before the study path).
        let base = integer ? nil : setup.numericBase(of: input)

        var lo = clamp.apply(range?.lowerBound ?? bounds.lower)
        var hi = clamp.apply(range?.upperBound ?? bounds.upper)
        if let range {
            guard bounds.contains(range.lowerBound) || range.lowerBound == bounds.lower, bounds.contains(range.upperBound) || range.upperBound == bounds.upper else {
                throw ScenarioError(file: "--range", key: key, "\(formatNumber(range.lowerBound)):\(formatNumber(range.upperBound)) is outside the accepted range", accepted: info.acceptedText)
            }
        }
        // A huge range starting at zero is scanned logarithmically from a small positive value.
        let logScan = hi > 0 && (lo > 0 ? hi / lo > 100 : hi > 1000)
        if logScan && lo <= 0 { lo = max(hi * 1e-9, base.map { $0 * 1e-4 } ?? 0, Double.leastNormalMagnitude) }
        if lo >= hi { hi = lo }
        func logRatio(_ x: Double) -> Double {
            // Whole-number keys (counts) are evaluated at the nearest whole number.
            let v = integer ? x.rounded() : x
            do {
                try evaluator.evaluate(numbers: [v])
                return log(evaluator.metrics[ratioIndex])
            } catch { return .nan }
        }
        if integer { lo = lo.rounded(.up); hi = max(lo, hi.rounded(.down)) }
        var n = max(scanPoints, 3)
        var xs: [Double] = (0..<n).map { k in
            let t = Double(k) / Double(n - 1)
            return logScan ? lo * pow(hi / lo, t) : lo + (hi - lo) * t
        }
        // A whole-number key (a count) is searched over whole numbers: every one when few, else
        // the scan rounded, then bisection on whole numbers.
        if integer {
            xs = hi - lo + 1 <= Double(integerScanLimit) ? stride(from: lo, through: hi, by: 1).map { $0 } : Array(Set(xs.map { $0.rounded() })).sorted()
            n = xs.count
            let gs = xs.map(logRatio)
            var best: (x: Double, g: Double)?
            for k in 0..<n where gs[k].isFinite && (best == nil || abs(gs[k]) < abs(best!.g)) { best = (xs[k], gs[k]) }
            if n > 1, let k = (0..<(n - 1)).filter({ gs[$0].isFinite && gs[$0 + 1].isFinite && (gs[$0] <= 0) != (gs[$0 + 1] <= 0) })
                .min(by: { a, b in base.map { abs(xs[a] - $0) < abs(xs[b] - $0) } ?? (a < b) }) {
                var a = xs[k], b = xs[k + 1], ga = gs[k]
                while b - a > 1 {
                    let m = ((a + b) / 2).rounded(.down), gm = logRatio(m)
                    guard gm.isFinite else { break }
                    if (gm <= 0) == (ga <= 0) { a = m; ga = gm } else { b = m }
                }
                let gb = logRatio(b)
                let v = abs(ga) <= abs(gb) ? a : b
                return Breakeven(key: key, side: side, value: v, closestValue: v, costRatioAtValue: exp(logRatio(v)), baseValue: base, baseCostRatio: baseRatio, searched: lo...hi)
            }
            guard let best else { throw ModelError(key: key, "the model cannot be evaluated at any whole number in \(formatNumber(lo))…\(formatNumber(hi))") }
            return Breakeven(key: key, side: side, value: nil, closestValue: best.x, costRatioAtValue: exp(best.g), baseValue: base, baseCostRatio: baseRatio, searched: lo...hi)
        }
        let gs = xs.map(logRatio)
        // Every bracketing pair of scan points; solve the one nearest the base value.
        let brackets = (0..<(n - 1)).filter { k in gs[k].isFinite && gs[k + 1].isFinite && (gs[k] <= 0) != (gs[k + 1] <= 0) }
        let chosen = brackets.min { a, b in
            guard let base else { return a < b }
            return abs(xs[a] - base) < abs(xs[b] - base)
        }
        var crossing: Double?
        if let k = chosen {
            crossing = try RootFinder.brent(in: xs[k], xs[k + 1], absoluteTolerance: 0, relativeTolerance: 1e-10) { v in
                let g = logRatio(v)
                guard g.isFinite else { throw ModelError(key: key, "the model cannot be evaluated at \(formatNumber(v))") }
                return g
            }
        }
        if let c = crossing {
            return Breakeven(key: key, side: side, value: c, closestValue: c, costRatioAtValue: exp(logRatio(c)),
                             baseValue: base, baseCostRatio: baseRatio, searched: xs[0]...xs[n - 1])
        }
        // No crossing: the closest approach, refined with GSL's minimiser around the best scan point.
        guard let best = gs.indices.filter({ gs[$0].isFinite }).min(by: { abs(gs[$0]) < abs(gs[$1]) }) else {
            throw ModelError(key: key, "the model cannot be evaluated anywhere in \(formatNumber(xs[0]))…\(formatNumber(xs[n - 1]))")
        }
        var closest = xs[best]
        if best > 0, best < n - 1, gs[best - 1].isFinite, gs[best + 1].isFinite,
           let m = try? Minimizer.brent(in: xs[best - 1], xs[best + 1], guess: xs[best], absoluteTolerance: 0, relativeTolerance: 1e-8, { v in
               let g = logRatio(v); return g.isFinite ? abs(g) : 1e300 }) {
            closest = m.x
        }
        return Breakeven(key: key, side: side, value: nil, closestValue: closest, costRatioAtValue: exp(logRatio(closest)),
                         baseValue: base, baseCostRatio: baseRatio, searched: xs[0]...xs[n - 1])
    }

    public var report: ResultValue {
        .object([
            ("key", .text(key)),
            ("side", .text(side.rawValue)),
            ("value", value.map(ResultValue.number) ?? .null),
            ("closest_value", .number(closestValue)),
            ("cost_ratio_at_value", .number(costRatioAtValue)),
            ("base_value", baseValue.map(ResultValue.number) ?? .null),
            ("base_cost_ratio", .number(baseCostRatio)),
            ("searched_from", .number(searched.lowerBound)),
            ("searched_to", .number(searched.upperBound)),
            ("message", .text(value != nil
                ? "orbit and ground cost the same per delivered PFLOP-hour at \(key) = \(humanNumber(value!))"
                : "no crossing in \(humanNumber(searched.lowerBound))…\(humanNumber(searched.upperBound)); closest approach: cost ratio \(humanNumber(costRatioAtValue)) at \(humanNumber(closestValue))")),
        ])
    }
}
