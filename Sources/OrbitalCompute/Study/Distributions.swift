import Foundation
import GSL

/// An input distribution for Monte Carlo and variance-based sensitivity studies.
///
/// Written in a scenario's `uncertainty:` section or after `--vary KEY=` as:
///
/// | text | meaning |
/// |---|---|
/// | `uniform(lo, hi)` | flat on [lo, hi] |
/// | `normal(mean, sd)` | Gaussian with that mean and standard deviation |
/// | `lognormal(median, sigma)` | X = median · e^{σZ}, Z ~ N(0, 1): `median` is the median of X (= e^μ) and `sigma` the standard deviation of ln X (dimensionless). sigma = 0.5 puts the 5–95 % range at median ÷ 2.28 … × 2.28 |
/// | `triangular(lo, mode, hi)` | triangular on [lo, hi] peaking at mode |
/// | `fixed(x)` or a bare number `x` | no uncertainty |
///
/// Draws outside the parameter's accepted range (a normal tail below zero, say) are clamped to
/// the range (`StudyInput.clamp`), so that every draw is a valid scenario.
public enum InputDistribution: Sendable, Equatable, CustomStringConvertible {
    case fixed(Double)
    case uniform(lower: Double, upper: Double)
    case normal(mean: Double, sd: Double)
    case lognormal(median: Double, sigma: Double)
    case triangular(lower: Double, mode: Double, upper: Double)

    /// The accepted spellings, for error messages.
    public static let accepted = "uniform(lo, hi) | normal(mean, sd) | lognormal(median, sigma) | triangular(lo, mode, hi) | fixed(x) | a number"

    /// Parses `name(a, b, …)` or a bare number. `key` and `origin` name the place in errors.
    public static func parse(_ text: String, key: String, origin: String) throws -> InputDistribution {
        let t = text.trimmingCharacters(in: .whitespaces)
        func fail(_ why: String) -> ScenarioError { ScenarioError(file: origin, key: key, "'\(t)': \(why)", accepted: accepted) }
        if let x = Scenario.number(t) { return .fixed(x) }
        guard let open = t.firstIndex(of: "("), t.hasSuffix(")") else { throw fail("not a distribution") }
        let name = t[..<open].trimmingCharacters(in: .whitespaces).lowercased()
        let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
        let args = try inner.split(separator: ",", omittingEmptySubsequences: false).map { part -> Double in
            guard let x = Scenario.number(part.trimmingCharacters(in: .whitespaces)) else { throw fail("'\(part.trimmingCharacters(in: .whitespaces))' is not a number") }
            return x
        }
        func arity(_ n: Int) throws { if args.count != n { throw fail("\(name) takes \(n) numbers, got \(args.count)") } }
        switch name {
        case "fixed":
            try arity(1); return .fixed(args[0])
        case "uniform":
            try arity(2)
            guard args[0] < args[1] else { throw fail("needs lo < hi") }
            return .uniform(lower: args[0], upper: args[1])
        case "normal":
            try arity(2)
            guard args[1] > 0 else { throw fail("needs sd > 0") }
            return .normal(mean: args[0], sd: args[1])
        case "lognormal":
            try arity(2)
            guard args[0] > 0, args[1] > 0 else { throw fail("needs median > 0 and sigma > 0") }
            return .lognormal(median: args[0], sigma: args[1])
        case "triangular":
            try arity(3)
            guard args[0] <= args[1], args[1] <= args[2], args[0] < args[2] else { throw fail("needs lo ≤ mode ≤ hi and lo < hi") }
            return .triangular(lower: args[0], mode: args[1], upper: args[2])
        default:
            throw fail("unknown distribution '\(name)'")
        }
    }

    public var description: String {
        switch self {
        case let .fixed(x): return "fixed(\(formatNumber(x)))"
        case let .uniform(a, b): return "uniform(\(formatNumber(a)), \(formatNumber(b)))"
        case let .normal(m, s): return "normal(\(formatNumber(m)), \(formatNumber(s)))"
        case let .lognormal(m, s): return "lognormal(\(formatNumber(m)), \(formatNumber(s)))"
        case let .triangular(a, c, b): return "triangular(\(formatNumber(a)), \(formatNumber(c)), \(formatNumber(b)))"
        }
    }

    /// One draw from `rng` (GSL mt19937). Uses exactly one uniform or one Gaussian variate, so
    /// the stream position does not depend on the values drawn.
    public func sample(_ rng: RandomGenerator) -> Double { PreparedDistribution(self).sample(rng) }

    /// The p-quantile (inverse CDF), p in (0, 1): turns quasi-random points into samples.
    public func quantile(_ p: Double) -> Double {
        switch self {
        case let .fixed(x): return x
        case let .uniform(a, b): return Quantile.uniform(p, lower: a, upper: b)
        case let .normal(m, s): return Quantile.normal(p, mean: m, sd: s)
        case let .lognormal(m, s): return Quantile.lognormal(p, mu: log(m), sigma: s)
        case let .triangular(a, c, b): return Triangular(lower: a, mode: c, upper: b).quantile(p)
        }
    }

    /// The interval every draw lies in: nil for the unbounded normal and lognormal.
    var drawRange: ClosedRange<Double>? {
        switch self {
        case let .fixed(x): return x...x
        case let .uniform(a, b), let .triangular(a, _, b): return a <= b ? a...b : nil
        case .normal, .lognormal: return nil
        }
    }

    /// The central value: the mode of a triangle, the median otherwise.
    public var center: Double {
        switch self {
        case let .fixed(x): return x
        case let .uniform(a, b): return (a + b) / 2
        case let .normal(m, _): return m
        case let .lognormal(m, _): return m
        case let .triangular(_, c, _): return c
        }
    }

    /// The low and high ends used by the tornado: the bounds of a bounded distribution, the
    /// 5th and 95th percentiles of an unbounded one.
    public var span: (low: Double, high: Double) {
        switch self {
        case let .fixed(x): return (x, x)
        case let .uniform(a, b), let .triangular(a, _, b): return (a, b)
        case .normal, .lognormal: return (quantile(0.05), quantile(0.95))
        }
    }
}

/// A distribution as plain numbers for a hot loop: a tag and its parameters, the lognormal's μ =
/// ln(median) taken once. `InputDistribution.sample` draws through it, so both draw the same values.
struct PreparedDistribution {
    private enum Kind: UInt8 { case fixed, uniform, normal, lognormal, triangular }
    private let kind: Kind
    private let p0, p1: Double
    private let triangular: Triangular

    init(_ d: InputDistribution) {
        var t = Triangular(lower: 0, mode: 0, upper: 1)
        switch d {
        case let .fixed(x): (kind, p0, p1) = (.fixed, x, 0)
        case let .uniform(a, b): (kind, p0, p1) = (.uniform, a, b)
        case let .normal(m, s): (kind, p0, p1) = (.normal, m, s)
        case let .lognormal(m, s): (kind, p0, p1) = (.lognormal, log(m), s)
        case let .triangular(a, c, b): (kind, p0, p1) = (.triangular, 0, 0); t = Triangular(lower: a, mode: c, upper: b)
        }
        triangular = t
    }

    /// One draw from `rng` (GSL mt19937).
    @inline(__always)
    func sample(_ rng: RandomGenerator) -> Double {
        switch kind {
        case .fixed: return p0
        case .uniform: return rng.uniform(p0, p1)
        case .normal: return rng.normal(mean: p0, sd: p1)
        case .lognormal: return rng.lognormal(mu: p0, sigma: p1)
        case .triangular: return rng.triangular(triangular)
        }
    }
}
