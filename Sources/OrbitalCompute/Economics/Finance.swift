import Foundation

/// Discounting with end-of-year cash flows (the convention of levelized-cost studies, e.g.
/// NREL's LCOE method: Short, Packey & Holt 1995, NREL/TP-462-5173).
public enum Finance {
    /// Present value of 1 paid at the end of each year for `years` years at rate r:
    /// AF = (1 − (1 + r)^{−n}) / r, and n when r = 0. A fractional last year counts in part.
    public static func annuityFactor(rate r: Double, years n: Double) -> Double { annuityFactor(rate: r, growth: log1p(r), years: n) }

    /// The same with g = ln(1 + r) given (taken once for the several factors of one rate).
    static func annuityFactor(rate r: Double, growth g: Double, years n: Double) -> Double {
        abs(r) < 1e-12 ? n : -expm1(-n * g) / r
    }

    /// Capital recovery factor CRF = r (1 + r)^n / ((1 + r)^n − 1), 1/n when r = 0: the level
    /// annual payment that repays 1 over n years.
    public static func capitalRecoveryFactor(rate r: Double, years n: Double) -> Double { 1 / annuityFactor(rate: r, years: n) }

    /// Discount factor (1 + r)^{−t}.
    public static func discountFactor(rate r: Double, years t: Double) -> Double { discountFactor(growth: log1p(r), years: t) }

    /// The same with g = ln(1 + r) given: e^{−g t}.
    static func discountFactor(growth g: Double, years t: Double) -> Double { exp(-t * g) }

    /// Present value of a quantity delivered at a rate that decays as e^{−λt} (per year at
    /// t = 0: `initial`) over `years`, each year's amount counted at the end of that year:
    /// Σ_y (1 + r)^{−y} ∫_{y−1}^{y} initial · e^{−λt} dt (the last year may be partial).
    public static func presentValueOfDecaying(initial: Double, decayRate lambda: Double, rate r: Double, years: Double) -> Double {
        // The same arithmetic as the sum written out, with the two repeated terms taken once:
        // ln(1 + r) of every discount factor, and e^{−λ·start}, which is the previous year's e^{−λ·end}.
        let growth = log1p(r)
        var total = 0.0
        var start = 0.0
        var decayedStart = 1.0  // e^{−λ·0}
        while start < years - 1e-12 {
            let end = min(start + 1, years)
            let amount: Double
            if lambda < 1e-12 { amount = end - start } else {
                let decayedEnd = exp(-lambda * end)
                amount = (decayedStart - decayedEnd) / lambda
                decayedStart = decayedEnd
            }
            total += initial * amount * discountFactor(growth: growth, years: end)
            start = end
        }
        return total
    }

    /// Validates the money inputs shared by both kinds of scenario.
    static func check(lifetime: Double, discountRate: Double) throws {
        guard lifetime > 0, lifetime.isFinite else { throw ModelError(key: "finance.lifetime_years", "the lifetime must be positive, got \(formatNumber(lifetime))") }
        guard discountRate > -1, discountRate.isFinite else { throw ModelError(key: "finance.discount_rate", "the discount rate must be above −100 %, got \(formatNumber(discountRate))") }
    }
}

/// What a cost total counts (MODEL.md §9), so published figures can be compared like for like.
public enum CostBoundary: String, Choice {
    /// Orbit: launch only (Suncatcher's metric). Ground: energy only (what the launch replaces).
    case launch
    /// Everything except the accelerators: the power, cooling and housing of compute.
    case infrastructure
    /// Every cost line.
    case everything
}
