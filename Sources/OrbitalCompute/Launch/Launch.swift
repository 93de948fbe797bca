import Foundation

/// Launch count, cost and cadence (MODEL.md §7).
public enum Launch {
    /// Launches needed for `mass` [kg] at `payload` [kg] per launch: ⌈m / p⌉.
    /// - Throws: `ModelError` beyond a billion launches (a mass no programme could launch, and
    ///   past what a count can hold).
    public static func count(mass: Double, payload: Double) throws -> Int {
        guard mass > 0 else { return 0 }
        let launches = (mass / payload).rounded(.up)
        guard launches.isFinite, launches <= 1e9 else {
            throw ModelError(key: "launch.payload_kg", "\(formatNumber(mass)) kg would need \(formatNumber(launches)) launches")
        }
        return Int(launches)
    }

    /// Wright's-law exponent b = log₂(1 − learning rate): the n-th unit costs c₁ · n^b.
    public static func learningExponent(rate: Double) -> Double { log2(1 - rate) }

    /// Mean price factor over launches 1…n relative to the first, (1/n) Σ k^b, with b the Wright
    /// exponent; 1 without learning. The first 63 terms are summed; the tail from 64 by
    /// Euler–Maclaurin, ∫₆₄ⁿ x^b dx + (64^b + n^b)/2 + b(n^{b−1} − 64^{b−1})/12, whose error is
    /// below 1e-9 of the sum (the next term is b(b−1)(b−2)·64^{b−3}/720). b = −1 (50 % learning)
    /// integrates to a logarithm.
    public static func meanLearningFactor(launches n: Int, learningRate: Double) -> Double {
        var memo: LearningMemo? = nil
        return meanLearningFactor(launches: n, learningRate: learningRate, memo: &memo)
    }

    /// The factor of the last learning rate and launch count, and the head sum Σ_{k≤h} k^b of the
    /// last rate and head length (63 powers): a study's points mostly repeat both.
    struct LearningMemo: Sendable { var rate: Double; var head: Int; var sum: Double; var launches: Int; var factor: Double }
    static func meanLearningFactor(launches n: Int, learningRate: Double, memo: inout LearningMemo?) -> Double {
        guard n > 1, learningRate > 0 else { return 1 }
        if let m = memo, m.rate == learningRate, m.launches == n { return m.factor }
        let b = learningExponent(rate: learningRate)
        let head = min(n, 63)
        let headSum = memo.flatMap { $0.rate == learningRate && $0.head == head ? $0.sum : nil } ?? (1...head).reduce(0.0) { $0 + pow(Double($1), b) }
        var sum = headSum
        if n > 63 {
            let a = 64.0, x = Double(n)
            let integral = abs(b + 1) < 1e-12 ? log(x / a) : (pow(x, b + 1) - pow(a, b + 1)) / (b + 1)
            sum += integral + (pow(a, b) + pow(x, b)) / 2 + b * (pow(x, b - 1) - pow(a, b - 1)) / 12
        }
        memo = LearningMemo(rate: learningRate, head: head, sum: headSum, launches: n, factor: sum / Double(n))
        return sum / Double(n)
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

    /// Days to deploy: the slower of launching `launches` at `perYear` and building `massKg` of
    /// spacecraft at `buildKgPerYear` [day].
    public static func deploymentDays(launches: Int, perYear: Double, massKg: Double, buildKgPerYear: Double) -> Double {
        max(Double(launches) / perYear, massKg / buildKgPerYear) * Constants.daysPerYear
    }
}
