import XCTest
@testable import OrbitalCompute

final class SensitivityTests: XCTestCase {
    /// Additive model Y = Σ aᵢ Xᵢ with independent Xᵢ ~ U(0, 1): Var Y = Σ aᵢ²/12, so
    /// Sᵢ = S_Tᵢ = aᵢ² / Σ aⱼ² (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, §4.1).
    /// With N = 4096 Sobol-sequence points the estimators' error is well below 0.01.
    func testSobolIndicesOfAnAdditiveFunction() throws {
        let a = [1.0, 2.0, 3.0]
        let r = try Sobol.indices(dimension: 3, samples: 4096, jobs: 2, transform: { _, u in u }) { _, x in
            zip(a, x).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let total = a.reduce(0) { $0 + $1 * $1 }
        for i in 0..<3 {
            XCTAssertEqual(r.first[i], a[i] * a[i] / total, accuracy: 0.01, "S\(i + 1)")
            XCTAssertEqual(r.total[i], a[i] * a[i] / total, accuracy: 0.01, "ST\(i + 1)")
        }
        XCTAssertEqual(r.variance, total / 12, accuracy: 0.01 * total / 12)
        XCTAssertEqual(r.evaluations, 4096 * 5)
    }

    /// Y = X₁ X₂ with Xᵢ ~ U(−1, 1) (mean 0): no first-order effect, all variance in the
    /// interaction, so Sᵢ = 0 and S_Tᵢ = 1.
    func testSobolIndicesOfAPureInteraction() throws {
        let r = try Sobol.indices(dimension: 2, samples: 4096, jobs: 1, transform: { _, u in 2 * u - 1 }) { _, x in x[0] * x[1] }
        for i in 0..<2 {
            XCTAssertEqual(r.first[i], 0, accuracy: 0.02)
            XCTAssertEqual(r.total[i], 1, accuracy: 0.02)
        }
    }

    func testTornadoElasticityAndDocumentedRanges() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var orbital = try Scenario.load(path: root.appendingPathComponent("Models/orbital-1gw-dawn-dusk.yaml").path)
        try orbital.set("finance.deployment_timing", .text("instant"))   // launch cost undiscounted in the PV
        let setup = try StudySetup(primary: orbital, ground: Scenario.colossus1)
        let r = try SensitivityAnalysis.run(setup: setup, uncertain: try setup.uncertainInputs(), samples: 64, jobs: 2)
        XCTAssertEqual(r.metric, "cost_ratio")
        // The launch price enters the cost linearly (launch cost and its insurance): the elasticity of
        // the cost ratio is launch cost × (1 + insurance fraction) / TCO, exactly, as the launch count
        // does not depend on the price.
        let base = try OrbitalModel().evaluate(orbital.orbitalInputs())
        let bar = try XCTUnwrap(r.bars.first { $0.key == "launch.cost_per_kg_usd" })
        // The estimate is the central difference in logs at ±1 %: for Y = T + s·x/x₀ exactly
        // (ln(T + 0.01 s) − ln(T − 0.01 s)) / (ln 1.01 − ln 0.99), within O(h²) of s/T.
        let share = base.launchCostUsd * 1.05, tco = base.totals.presentValue
        let central = (log(tco + 0.01 * share) - log(tco - 0.01 * share)) / (log(1.01) - log(0.99))
        XCTAssertEqual(bar.elasticity, central, accuracy: 1e-9)
        XCTAssertEqual(bar.elasticity, share / tco, accuracy: 1e-4)
        XCTAssertEqual(bar.rangeSource, "uncertainty")
        XCTAssertLessThan(bar.atLow, bar.atHigh)
        // Sobol indices lie in [0, 1] up to estimator noise and the total is at least the first order.
        for i in r.indices { XCTAssertGreaterThan(i.total, -0.05); XCTAssertLessThan(i.first, 1.05) }
        // Documented ranges: accepted when they bracket the base, refused across units.
        let failure = try setup.resolve("ground:reliability.accelerator_failure_rate_per_year")
        XCTAssertEqual(SensitivityAnalysis.documentedRange(failure, base: 0.091).map { [$0.0, $0.1] }, [0.06, 0.17])
        let satellite = try setup.resolve("satellite.it_power_w")
        XCTAssertNil(SensitivityAnalysis.documentedRange(satellite, base: 100_000))
        let coefficient = try setup.resolve("solar.temperature_coefficient_per_k")
        XCTAssertEqual(SensitivityAnalysis.documentedRange(coefficient, base: -0.0025).map { [$0.0, $0.1] }, [-0.005, -0.002])
    }
}
