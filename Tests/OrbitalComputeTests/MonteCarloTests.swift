import XCTest
import GSL
@testable import OrbitalCompute

/// Monte Carlo: reproducibility across worker counts, and sample percentiles against the
/// analytic quantiles of the input distributions.
final class MonteCarloTests: XCTestCase {
    func setup() throws -> StudySetup {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try StudySetup(primary: Scenario.load(path: root.appendingPathComponent("Models/orbital-1gw-dawn-dusk.yaml").path), ground: Scenario.colossus1)
    }

    func testSameSeedSameOutputWhateverJobs() throws {
        let s = try setup()
        let inputs = try s.uncertainInputs()
        XCTAssertGreaterThanOrEqual(inputs.count, 8, "the shipped scenario declares its uncertainty")
        func run(_ jobs: Int, seed: UInt64 = 7) throws -> (String, String) {
            var draws = ""
            let r = try MonteCarlo.run(setup: s, inputs: inputs, draws: 2_500, seed: seed, jobs: jobs, drawsSink: { draws += $0 })
            return (r.report.json(), draws)
        }
        let one = try run(1)
        XCTAssertEqual(try run(2).0, one.0)
        XCTAssertEqual(try run(3).1, one.1)
        XCTAssertNotEqual(try run(2, seed: 8).0, one.0)
        XCTAssertEqual(one.1.split(separator: "\n").count, 2_501)
    }

    /// A lognormal launch price passed straight through: its sample percentiles must match
    /// exp(ln(median) + σ Φ⁻¹(p)) within 4 standard errors of a sample quantile,
    /// SE = √(p(1 − p)/N) / f(q_p) (asymptotic variance of order statistics).
    func testPercentilesOfKnownDistributions() throws {
        let s = try setup()
        let n = 40_000
        let inputs = try s.uncertainInputs(vary: ["launch.cost_per_kg_usd=lognormal(500, 0.5)", "thermal.emissivity=triangular(0.8, 0.85, 0.95)",
                                                  "compute.utilization=uniform(0.8, 0.95)"], useDeclared: false)
        let r = try MonteCarlo.run(setup: s, inputs: inputs, draws: n, seed: 1, jobs: 2)
        let price = try XCTUnwrap(r.summaries.first { $0.name == "launch.cost_per_kg_usd" })
        let mu = log(500.0), sigma = 0.5
        for (p, sample) in [(0.05, price.p5), (0.5, price.p50), (0.95, price.p95)] {
            let q = Quantile.lognormal(p, mu: mu, sigma: sigma)
            let z = (log(q) - mu) / sigma
            let density = exp(-z * z / 2) / ((2 * Double.pi).squareRoot() * q * sigma)
            let se = (p * (1 - p) / Double(n)).squareRoot() / density
            XCTAssertEqual(sample, q, accuracy: 4 * se, "p\(Int(p * 100))")
        }
        // The mean of a lognormal: median · e^{σ²/2}; SE = sd/√N.
        let mean = 500 * exp(sigma * sigma / 2), sd = mean * (exp(sigma * sigma) - 1).squareRoot()
        XCTAssertEqual(price.mean, mean, accuracy: 4 * sd / Double(n).squareRoot())
        // Triangular mean (a + b + c)/3 and uniform median.
        let tri = try XCTUnwrap(r.summaries.first { $0.name == "thermal.emissivity" })
        XCTAssertEqual(tri.mean, (0.8 + 0.85 + 0.95) / 3, accuracy: 4 * 0.0312 / Double(n).squareRoot())
        let uni = try XCTUnwrap(r.summaries.first { $0.name == "compute.utilization" })
        XCTAssertEqual(uni.p50, 0.875, accuracy: 4 * 0.15 * (0.25 / Double(n)).squareRoot())
        // A dearer launch is never cheaper: the cost percentiles are ordered and the ratio is reported.
        let ratio = try XCTUnwrap(r.summaries.first { $0.name == "cost_ratio" })
        XCTAssertLessThan(ratio.p5, ratio.p50); XCTAssertLessThan(ratio.p50, ratio.p95)
        XCTAssertNotNil(r.probabilityOrbitCheaper)
    }

    func testDistributionParsingAndErrors() throws {
        XCTAssertEqual(try InputDistribution.parse("lognormal(500, 0.5)", key: "k", origin: "o"), .lognormal(median: 500, sigma: 0.5))
        XCTAssertEqual(try InputDistribution.parse(" 42 ", key: "k", origin: "o"), .fixed(42))
        for bad in ["gamma(1, 2)", "uniform(2, 1)", "normal(1)", "normal(1, -1)", "lognormal(-5, 1)", "triangular(1, 5, 3)", "uniform(a, b)", "beta"] {
            XCTAssertThrowsError(try InputDistribution.parse(bad, key: "k", origin: "o"), bad) { XCTAssertTrue($0 is ScenarioError) }
        }
        let s = try setup()
        // Unknown key, a choice, a bounded distribution outside the accepted range.
        for bad in ["no.such=uniform(1, 2)", "power.eclipse_strategy=uniform(1, 2)", "thermal.emissivity=uniform(0.5, 1.5)", "launch.cost_per_kg_usd"] {
            XCTAssertThrowsError(try s.uncertainInputs(vary: [bad]), bad) { XCTAssertTrue($0 is ScenarioError, "\(bad): \($0)") }
        }
        // Triangular quantile inverts its CDF: F(x) = (x − a)² / ((b − a)(c − a)) below the mode.
        let t = InputDistribution.triangular(lower: 1, mode: 2, upper: 4)
        XCTAssertEqual(t.quantile(1.0 / 6), 1 + (3.0 * 1 / 6).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(t.quantile(1.0 / 3), 2, accuracy: 1e-12)
    }

    /// The P² estimator against the worked example of its paper: Jain & Chlamtac, "The P²
    /// algorithm for dynamic calculation of quantiles and histograms without storing
    /// observations", CACM 28(10), 1985, Table I (the median of 20 observations). The table
    /// prints two decimals, so the tolerance is half a unit of the last one.
    func testP2QuantileReproducesThePapersWorkedExample() {
        let observations = [0.02, 0.15, 0.74, 3.39, 0.83, 22.37, 10.15, 15.43, 38.62, 15.92,
                            34.60, 10.28, 1.47, 0.40, 0.05, 11.39, 0.27, 0.42, 0.09, 11.37]
        var median = P2Quantile(0.5)
        for x in observations { median.add(x) }
        let heights = [median.h0, median.h1, median.h2, median.h3, median.h4]
        for (got, table) in zip(heights, [0.02, 0.49, 4.44, 17.20, 38.62]) { XCTAssertEqual(got, table, accuracy: 0.005) }
        XCTAssertEqual([median.n0, median.n1, median.n2, median.n3, median.n4], [1, 6, 10, 16, 20])
        XCTAssertEqual(median.value, 4.44, accuracy: 0.005)
        // Fewer than five values: the exact type-7 percentile of what was seen.
        var early = P2Quantile(0.5)
        for x in observations.prefix(4) { early.add(x) }
        XCTAssertEqual(early.value, (0.15 + 0.74) / 2, accuracy: 1e-15)
    }
}
