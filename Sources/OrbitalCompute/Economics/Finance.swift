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

    /// The same with g = ln(1 + r) given: e^{−g t}. (At t = 0 that is exactly 1, without calling
    /// `exp`: capacity online at once is the common case.)
    static func discountFactor(growth g: Double, years t: Double) -> Double { t == 0 ? 1 : exp(-t * g) }

    /// Present value of a quantity delivered at a rate that decays as e^{−λt} (per year at
    /// t = 0: `initial`) over `years`, each year's amount counted at the end of that year:
    /// Σ_y (1 + r)^{−y} ∫_{y−1}^{y} initial · e^{−λt} dt (the last year may be partial).
    public static func presentValueOfDecaying(initial: Double, decayRate lambda: Double, rate r: Double, years: Double) -> Double {
        presentValueOfDecaying(initial: initial, decayRate: lambda, growth: log1p(r), years: years)
    }

    /// The same with g = ln(1 + r) given, in closed form. A whole year y delivers
    /// ∫_{y−1}^{y} e^{−λt} dt = e^{−λy} (e^λ − 1)/λ, discounted by e^{−gy}: the whole years
    /// 1…n (n = ⌊years⌋) are a geometric series in e^{−s}, s = λ + g,
    ///   Σ_{y=1}^{n} e^{−sy} = (1 − e^{−sn}) / (e^s − 1)   (n when s = 0),
    /// and a partial last year [n, T] delivers (e^{−λn} − e^{−λT})/λ, discounted by e^{−gT}.
    /// At most five exponentials (three for whole years, two more for a partial last year)
    /// whatever the lifetime, rather than two a year; `expm1` keeps the small
    /// differences exact. `FinanceTests` checks it against the year-by-year sum.
    static func presentValueOfDecaying(initial: Double, decayRate lambda: Double, growth g: Double, years: Double) -> Double {
        guard years > 1e-12 else { return 0 }
        let n = years.rounded(.down)
        let steady = lambda < 1e-12  // no decay: a whole year delivers 1, a partial one its length
        let s = steady ? g : lambda + g
        let perYear = steady ? 1 : expm1(lambda) / lambda
        let wholeYears = s == 0 ? n : -expm1(-s * n) / expm1(s)
        var total = initial * perYear * wholeYears
        let rest = years - n
        if rest > 1e-12 {
            // e^{−λn} of the delivery and e^{−gT} of the discount, as one exponential.
            total += initial * (steady ? rest * exp(-g * years) : -expm1(-lambda * rest) / lambda * exp(-lambda * n - g * years))
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
