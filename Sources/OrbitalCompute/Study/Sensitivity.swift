import Foundation
import GSL

/// Which inputs decide the verdict: a one-at-a-time tornado with elasticities, and
/// variance-based (Sobol) first-order and total indices.
public enum SensitivityAnalysis {
    /// One bar of the tornado: the input moved from `low` to `high`, the others at base.
    public struct Bar: Sendable {
        public var key: String
        public var base: Double
        public var low: Double
        public var high: Double
        /// Where the range comes from: "uncertainty", "documented range" or "±25 %".
        public var rangeSource: String
        public var atLow: Double
        public var atHigh: Double
        /// d ln Y / d ln X at the base (central difference, ±1 %); NaN when undefined.
        public var elasticity: Double
        /// |ln(Y_high / Y_low)|: the ranking measure (relative swing).
        public var swing: Double { abs(log(atHigh / atLow)) }
        /// The verdict (ratio above or below 1) changes within the range.
        public var flipsVerdict: Bool
    }

    /// First-order and total Sobol indices of one input, with 95 % bootstrap intervals.
    public struct Index: Sendable {
        public var key: String
        public var first: Double
        public var total: Double
        public var firstInterval: ClosedRange<Double>
        public var totalInterval: ClosedRange<Double>

        /// Whether the sample size resolves this index (`Sobol.resolvedHalfWidth`).
        public var resolved: Bool {
            let h = Sobol.resolvedHalfWidth
            return (firstInterval.upperBound - firstInterval.lowerBound) / 2 <= h
                && (totalInterval.upperBound - totalInterval.lowerBound) / 2 <= h && first <= total + h
        }
    }

    public struct Result: Sendable {
        public var metric: String
        public var baseValue: Double
        public var bars: [Bar]
        public var indices: [Index]
        public var sobolSamples: Int
        public var sobolEvaluations: Int
        public var sobolFailed: Int
        public var sobolInputs: String

        /// Inputs ranked by total Sobol index where computed, then by tornado swing.
        public var ranking: [String] {
            let byTotal = indices.sorted { $0.total > $1.total }.map(\.key)
            let rest = bars.map(\.key).filter { !byTotal.contains($0) }
            return byTotal + rest
        }

        public var report: ResultValue {
            let indexByKey = Dictionary(indices.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            return .object([
                ("metric", .text(metric)),
                ("base_value", .number(baseValue)),
                ("ranking", .array(ranking.prefix(20).map(ResultValue.text))),
                ("tornado", .array(bars.map { b in .object([
                    ("key", .text(b.key)), ("base", .number(b.base)), ("low", .number(b.low)), ("high", .number(b.high)),
                    ("range_source", .text(b.rangeSource)), ("\(metric)_at_low", .number(b.atLow)), ("\(metric)_at_high", .number(b.atHigh)),
                    ("swing", .number(b.swing)), ("elasticity", b.elasticity.isFinite ? .number(b.elasticity) : .null),
                    ("flips_verdict", .bool(b.flipsVerdict)),
                    ("sobol_first", indexByKey[b.key].map { .number($0.first) } ?? .null),
                    ("sobol_total", indexByKey[b.key].map { .number($0.total) } ?? .null),
                ]) })),
                ("sobol", .object([
                    ("inputs", .text(sobolInputs)),
                    ("samples", .integer(sobolSamples)), ("evaluations", .integer(sobolEvaluations)), ("failed_samples", .integer(sobolFailed)),
                    ("bootstrap_resamples", .integer(Sobol.bootstrapResamples)),
                    ("indices", .array(indices.map { .object([
                        ("key", .text($0.key)), ("first_order", .number($0.first)), ("total", .number($0.total)),
                        ("first_order_ci95", .array([.number($0.firstInterval.lowerBound), .number($0.firstInterval.upperBound)])),
                        ("total_ci95", .array([.number($0.totalInterval.lowerBound), .number($0.totalInterval.upperBound)])),
                        ("resolved", .bool($0.resolved)),
                    ]) })),
                ])),
            ])
        }
    }

    /// Runs the tornado over every numeric input of both sides and the Sobol analysis over the
    /// declared uncertain inputs (or, when none are declared, the `fallbackTop` widest tornado
    /// bars taken as uniform over their ranges).
    /// `sobol: false` runs the tornado alone (what `compare` ranks its deciding inputs by).
    public static func run(setup: StudySetup, uncertain: [UncertainInput], swing: Double = 0.25, samples: Int = 1024,
                           fallbackTop: Int = 10, jobs: Int, maxSobolEvaluations: Int = Limits.sobolEvaluations, sobol: Bool = true) throws -> Result {
        guard samples >= 2 else { throw ScenarioError(file: "--samples", "\(samples) is too few", accepted: "at least 2") }
        let metric = setup.headlineMetric
        // Candidates: every real-valued parameter with a base value, on each side.
        var candidates: [StudyInput] = []
        var bases: [Double] = []
        let bothSides = setup.baseOrbital != nil && setup.baseTerrestrial != nil
        func addSide(_ keys: [String], prefix: String) throws {
            for key in keys {
                // The same hardware on both sides is one bar, moving both (as it is one draw).
                let shared = bothSides && StudySetup.sameHardwareKeys.contains(key)
                if shared && prefix == "ground:" { continue }
                let input = try setup.resolve((shared ? "" : prefix) + key, origin: "sensitivity")
                guard case .real = input.info.domain, let base = setup.numericBase(of: input) else { continue }
                candidates.append(input); bases.append(base)
            }
        }
        if setup.baseOrbital != nil { try addSide(ParameterTable.orbital.keys, prefix: "orbital:") }
        if setup.baseTerrestrial != nil { try addSide(ParameterTable.terrestrial.keys, prefix: setup.baseOrbital != nil ? "ground:" : "") }
        // Column names: unprefixed for the primary side.
        candidates = candidates.map { c in
            c.key.hasPrefix("orbital:") ? StudyInput(key: c.parameterKey, parameterKey: c.parameterKey, info: c.info, orbital: c.orbital, terrestrial: c.terrestrial) : c
        }
        let declared = Dictionary(uncertain.map { (sideKey($0.input), $0) }, uniquingKeysWith: { a, _ in a })

        // Ranges.
        var ranges: [(Double, Double, String)] = []
        for (c, base) in zip(candidates, bases) {
            if let u = declared[sideKey(c)] {
                let s = u.distribution.span
                ranges.append((c.clamp(s.low), c.clamp(s.high), "uncertainty"))
            } else if let r = documentedRange(c, base: base) {
                ranges.append((r.0, r.1, "documented range"))
            } else {
                let a = c.clamp(base * (1 - swing)), b = c.clamp(base * (1 + swing))
                ranges.append((min(a, b), max(a, b), "±\(formatNumber(swing * 100)) %"))
            }
        }
        let n = candidates.count
        // Points: base, then for each candidate low, high, base·(1 ± 1 %).
        let pointCount = 1 + 4 * n
        let y = SharedSlots<Double>(count: pointCount, initial: .nan)
        let evaluators = (0..<Limits.workers(requested: jobs, work: (pointCount + 3) / 4)).map { _ in StudyEvaluator(setup: setup, inputs: candidates, thermalTransient: false) }
        let metricIndex = setup.metrics.firstIndex(of: metric)!
        // Every bar is measured from the base: a base the model cannot evaluate is an error, not NaN.
        try evaluators[0].evaluate(numbers: bases)
        guard evaluators[0].metrics[metricIndex].isFinite else {
            throw ModelError(key: metric, "the base scenario gives no finite \(metric): nothing to measure the inputs against")
        }
        Parallel.forEachBlock(count: pointCount, blockSize: 4, jobs: evaluators.count) { worker, block in
            var x = bases
            for p in block {
                x = bases
                if p > 0 {
                    let i = (p - 1) / 4, which = (p - 1) % 4
                    switch which {
                    case 0: x[i] = ranges[i].0
                    case 1: x[i] = ranges[i].1
                    case 2: x[i] = candidates[i].clamp(bases[i] * 0.99)
                    default: x[i] = candidates[i].clamp(bases[i] * 1.01)
                    }
                }
                if (try? evaluators[worker].evaluate(numbers: x)) != nil { y[p] = evaluators[worker].metrics[metricIndex] }
            }
        }
        let base = y[0]
        var bars: [Bar] = []
        for i in 0..<n {
            let lo = y[1 + 4 * i], hi = y[2 + 4 * i], dn = y[3 + 4 * i], up = y[4 + 4 * i]
            guard lo.isFinite, hi.isFinite, lo > 0, hi > 0, ranges[i].0 < ranges[i].1 else { continue }
            let xd = candidates[i].clamp(bases[i] * 0.99), xu = candidates[i].clamp(bases[i] * 1.01)
            var e = Double.nan
            if dn > 0, up > 0, xd != xu, xd != 0, xu != 0 { e = (log(up) - log(dn)) / (log(abs(xu)) - log(abs(xd))) }
            let flips = setup.hasRatio && (min(lo, hi, base) < 1) && (max(lo, hi, base) > 1)
            bars.append(Bar(key: candidates[i].key, base: bases[i], low: ranges[i].0, high: ranges[i].1, rangeSource: ranges[i].2,
                            atLow: lo, atHigh: hi, elasticity: e, flipsVerdict: flips))
        }
        // Swings equal to 12 significant digits are ties, ordered by key: two inputs can move the
        // ratio by the same factor (two ±25 % costs that each scale one whole side), and their
        // order must not hang on the last bits of the arithmetic.
        // (Each swing rounded once, not in every comparison.)
        let ranks: [Double] = bars.map { bar in Double(String(format: "%.11e", bar.swing)) ?? bar.swing }
        let order = bars.indices.sorted { i, j in ranks[i] > ranks[j] || (ranks[i] == ranks[j] && bars[i].key < bars[j].key) }
        bars = order.map { bars[$0] }

        // Sobol indices.
        var sobolInputs: [UncertainInput] = uncertain
        var sobolSource = "declared uncertainty"
        if !sobol { sobolInputs = [] } else if sobolInputs.isEmpty {
            sobolSource = "the \(fallbackTop) widest tornado bars, uniform over their ranges"
            sobolInputs = bars.prefix(fallbackTop).map { b in
                let c = candidates.first { $0.key == b.key }!
                return UncertainInput(input: c, distribution: .uniform(lower: b.low, upper: b.high), origin: "tornado")
            }
        }
        var indices: [Index] = []
        var evaluations = 0, failed = 0
        if !sobolInputs.isEmpty {
            guard sobolInputs.count <= 20 else {
                throw ScenarioError(file: "sensitivity", "Sobol indices take at most 20 uncertain inputs (GSL's Sobol sequence has 40 dimensions), got \(sobolInputs.count)")
            }
            let k = sobolInputs.count
            let planned = try Limits.product(samples, k + 2, what: "Sobol evaluations N·(k+2)", flag: "--samples")
            try Limits.check(planned, limit: maxSobolEvaluations, what: "Sobol evaluations N·(k+2) =", flag: "--max-sobol-evaluations")
            let sobolJobs = Limits.workers(requested: jobs, work: (samples + 15) / 16)
            let sobolEvaluators = (0..<sobolJobs).map { _ in StudyEvaluator(setup: setup, inputs: sobolInputs.map(\.input), thermalTransient: false) }
            let r = try Sobol.indices(dimension: k, samples: samples, jobs: sobolJobs, transform: { j, p in sobolInputs[j].input.clamp(sobolInputs[j].distribution.quantile(p)) }) { worker, x in
                try sobolEvaluators[worker].evaluate(numbers: x)
                return sobolEvaluators[worker].metrics[metricIndex]
            }
            indices = (0..<k).map { Index(key: sobolInputs[$0].input.key, first: r.first[$0], total: r.total[$0],
                                          firstInterval: r.firstInterval[$0], totalInterval: r.totalInterval[$0]) }
            evaluations = r.evaluations
            failed = r.failedSamples
        }
        return Result(metric: metric, baseValue: base, bars: bars, indices: indices, sobolSamples: samples, sobolEvaluations: evaluations,
                      sobolFailed: failed, sobolInputs: sobolSource)
    }

    /// Side and key, to match declared uncertainty with tornado candidates.
    static func sideKey(_ i: StudyInput) -> String { (i.orbital != nil ? "o:" : "") + (i.terrestrial != nil ? "t:" : "") + i.parameterKey }

    /// The range a parameter's source documents, as the parameter table declares it
    /// (`Provenance.documentedRange`), accepted only when it brackets the base value and lies in
    /// the accepted range (so a range in other units than the value's is never used).
    public static func documentedRange(_ input: StudyInput, base: Double) -> (Double, Double)? {
        guard let r = input.info.provenance?.documentedRange, let b = input.bounds else { return nil }
        let lo = r.lowerBound, hi = r.upperBound
        guard lo < hi, lo <= base, base <= hi, b.contains(lo) || lo == b.lower, b.contains(hi) || hi == b.upper else { return nil }
        return (lo, hi)
    }
}

/// Variance-based sensitivity indices with quasi-random sampling.
public enum Sobol {
    public struct Result: Sendable {
        public var first: [Double]
        public var total: [Double]
        /// 95 % bootstrap intervals of each index (percentile method over resampled rows).
        public var firstInterval: [ClosedRange<Double>]
        public var totalInterval: [ClosedRange<Double>]
        public var mean: Double
        public var variance: Double
        public var evaluations: Int
        public var failedSamples: Int
    }

    /// First-order and total Sobol indices of Y = f(X₁…X_k) with independent inputs.
    ///
    /// Sampling: N points of GSL's 2k-dimensional Sobol sequence (`SobolSequence`; the all-zero
    /// first point skipped) give the matrices A (first k coordinates) and B (last k);
    /// `transform(j, u)` maps a unit coordinate to input j (its quantile function). With A_B⁽ⁱ⁾ = A
    /// with column i from B, and V the variance of f over A and B together:
    /// - first order (Saltelli et al. 2010, Comput. Phys. Commun. 181, 259, eq. (b) of table 2):
    ///   S_i = (1/N) Σ f(B)_j (f(A_B⁽ⁱ⁾)_j − f(A)_j) / V
    /// - total (Jansen 1999, eq. (f) of the same table):
    ///   S_Ti = (1/2N) Σ (f(A)_j − f(A_B⁽ⁱ⁾)_j)² / V
    /// N(k + 2) evaluations, run on `jobs` workers (`f(worker, x)`); a sample whose evaluation
    /// throws is dropped from every estimator (counted in `failedSamples`).
    public static func indices(dimension k: Int, samples n: Int, jobs: Int, transform: (Int, Double) -> Double,
                               _ f: (_ worker: Int, _ x: [Double]) throws -> Double) throws -> Result {
        guard k >= 1, k <= 20 else { throw ScenarioError(file: "sobol", "1 to 20 inputs, got \(k)") }
        guard n >= 2 else { throw ScenarioError(file: "--samples", "at least 2 samples") }
        let q = try SobolSequence(dimension: 2 * k)
        _ = try q.next()
        var a = [[Double]](), b = [[Double]]()
        a.reserveCapacity(n); b.reserveCapacity(n)
        for _ in 0..<n {
            let u = try q.next()
            let clampU = { (x: Double) in min(max(x, 1e-12), 1 - 1e-12) }
            a.append((0..<k).map { transform($0, clampU(u[$0])) })
            b.append((0..<k).map { transform($0, clampU(u[k + $0])) })
        }
        // Rows: fA, fB, fAB(0..k-1).
        let width = k + 2
        let y = SharedSlots<Double>(count: n * width, initial: .nan)
        Parallel.forEachBlock(count: n, blockSize: 16, jobs: jobs) { worker, block in
            for j in block {
                y[j * width] = (try? f(worker, a[j])) ?? .nan
                y[j * width + 1] = (try? f(worker, b[j])) ?? .nan
                for i in 0..<k {
                    var x = a[j]
                    x[i] = b[j][i]
                    y[j * width + 2 + i] = (try? f(worker, x)) ?? .nan
                }
            }
        }
        let good = (0..<n).filter { j in (0..<width).allSatisfy { y[j * width + $0].isFinite } }
        let m = Double(good.count)
        guard good.count >= 2 else { throw ScenarioError(file: "sobol", "fewer than 2 samples could be evaluated") }
        var sum = 0.0
        for j in good { sum += y[j * width] + y[j * width + 1] }
        let mean = sum / (2 * m)
        var ss = 0.0
        for j in good { ss += pow(y[j * width] - mean, 2) + pow(y[j * width + 1] - mean, 2) }
        let variance = ss / (2 * m - 1)
        let (first, total) = estimates(y, width: width, rows: good, k: k)
        // Bootstrap: the same estimators on rows resampled with replacement (Archer, Saltelli &
        // Sobol 1997, J. Stat. Comput. Simul. 58, 99), seeded so that a report is reproducible.
        let rng = try RandomGenerator(seed: bootstrapSeed)
        var firstDraws = [[Double]](repeating: [], count: k), totalDraws = [[Double]](repeating: [], count: k)
        var rows = good
        for _ in 0..<bootstrapResamples {
            for r in rows.indices { rows[r] = good[min(Int(rng.uniform() * m), good.count - 1)] }
            let (f, t) = estimates(y, width: width, rows: rows, k: k)
            for i in 0..<k { firstDraws[i].append(f[i]); totalDraws[i].append(t[i]) }
        }
        func interval(_ draws: [Double]) -> ClosedRange<Double> {
            let sorted = draws.sorted()
            let lo = MonteCarlo.percentile(sorted, 0.025)
            return lo...max(lo, MonteCarlo.percentile(sorted, 0.975))
        }
        return Result(first: first, total: total, firstInterval: firstDraws.map(interval), totalInterval: totalDraws.map(interval),
                      mean: mean, variance: variance, evaluations: n * width, failedSamples: n - good.count)
    }

    /// Resamples of the bootstrap behind each index's interval.
    public static let bootstrapResamples = 200
    /// Fixed seed of the bootstrap, so intervals are reproducible.
    static let bootstrapSeed: UInt = 20_240_101
    /// An index counts as resolved when its 95 % interval is narrower than ±this share of the
    /// variance and the first-order estimate does not exceed the total beyond it.
    public static let resolvedHalfWidth = 0.05

    /// Saltelli (first order) and Jansen (total) estimators over the given rows of y (rows may
    /// repeat), with the variance of f(A) and f(B) over the same rows.
    static func estimates(_ y: SharedSlots<Double>, width: Int, rows: [Int], k: Int) -> (first: [Double], total: [Double]) {
        let m = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += y[j * width] + y[j * width + 1] }
        let mean = sum / (2 * m)
        var ss = 0.0
        for j in rows { ss += (y[j * width] - mean) * (y[j * width] - mean) + (y[j * width + 1] - mean) * (y[j * width + 1] - mean) }
        let variance = ss / (2 * m - 1)
        var first = [Double](repeating: 0, count: k), total = [Double](repeating: 0, count: k)
        for i in 0..<k {
            var s1 = 0.0, st = 0.0
            for j in rows {
                let fa = y[j * width], fb = y[j * width + 1], fab = y[j * width + 2 + i]
                s1 += fb * (fab - fa)
                st += (fa - fab) * (fa - fab)
            }
            first[i] = variance > 0 ? s1 / m / variance : 0
            total[i] = variance > 0 ? st / (2 * m) / variance : 0
        }
        return (first, total)
    }
}
