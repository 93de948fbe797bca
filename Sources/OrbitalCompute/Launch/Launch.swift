import Foundation

/// Launch count, cost and cadence (MODEL.md §7).
public enum Launch {
    /// Launches needed for `mass` [kg] at `payload` [kg] per launch: ⌈m / p⌉.
    public static func count(mass: Double, payload: Double) -> Int {
        guard mass > 0 else { return 0 }
        return Int((mass / payload).rounded(.up))
    }

    /// Wright's-law exponent b = log₂(1 − learning rate): the n-th unit costs c₁ · n^b.
    public static func learningExponent(rate: Double) -> Double { log2(1 - rate) }

    /// Mean price factor over launches 1…n relative to the first, (1/n) Σ k^b, with b the Wright
    /// exponent. 1 without learning. Summed exactly up to 10⁴ launches, then by the integral
    /// approximation (n^{b+1} − 1)/(b + 1) + (1 + n^b)/2 (Euler–Maclaurin, error < 10⁻⁶).
    public static func meanLearningFactor(launches n: Int, learningRate: Double) -> Double {
        guard n > 1, learningRate > 0 else { return 1 }
        let b = learningExponent(rate: learningRate)
        if n <= 10_000 { return (1...n).reduce(0.0) { $0 + pow(Double($1), b) } / Double(n) }
        let x = Double(n)
        return ((pow(x, b + 1) - 1) / (b + 1) + (1 + pow(x, b)) / 2) / x
    }

    /// Launch cost [USD]: mass × $/kg × the learning factor over the campaign.
    public static func cost(mass: Double, costPerKg: Double, launches: Int, learningRate: Double) -> Double {
        mass * costPerKg * meanLearningFactor(launches: launches, learningRate: learningRate)
    }

    /// Suncatcher's launch-only metric [USD per kW-year]: m · $/kg / (P_kW · years).
    /// Source: Google Suncatcher, arXiv 2511.19468, table 1.
    public static func costPerKilowattYear(mass: Double, costPerKg: Double, powerW: Double, years: Double) -> Double {
        mass * costPerKg / (powerW / 1000 * years)
    }

    /// Days to deploy: the slower of launching `launches` at `perYear` and building `satellites`
    /// at `buildPerYear` [day].
    public static func deploymentDays(launches: Int, perYear: Double, satellites: Int, buildPerYear: Double) -> Double {
        max(Double(launches) / perYear, Double(satellites) / buildPerYear) * 365.25
    }
}
