import XCTest
@testable import OrbitalCompute

final class LaunchTests: XCTestCase {
    func testSuncatcherTableOneMetric() {
        // Google Suncatcher (arXiv 2511.19468) table 1: Starlink v2 mini, 575 kg, 28 kW, 5 years:
        // $14,700 per kW-year at $3,600/kg and $810 at $200/kg. Within 2 % (their rounding).
        XCTAssertEqual(Launch.costPerKilowattYear(mass: 575, costPerKg: 3_600, powerW: 28_000, years: 5), 14_700, accuracy: 14_700 * 0.02)
        XCTAssertEqual(Launch.costPerKilowattYear(mass: 575, costPerKg: 200, powerW: 28_000, years: 5), 810, accuracy: 810 * 0.02)
    }

    func testLaunchCount() {
        XCTAssertEqual(try Launch.count(mass: 22_800, payload: 22_800), 1)
        XCTAssertEqual(try Launch.count(mass: 22_801, payload: 22_800), 2)
        XCTAssertEqual(try Launch.count(mass: 0, payload: 22_800), 0)
        XCTAssertThrowsError(try Launch.count(mass: 1e20, payload: 22_800))
    }

    func testWrightsLaw() {
        // 20 % learning: the second launch costs 80 % of the first; mean of two = 0.9.
        XCTAssertEqual(Launch.meanLearningFactor(launches: 2, learningRate: 0.2), 0.9, accuracy: 1e-12)
        // The 4th costs 0.64: mean of 1, 0.8, 0.8^log2(3), 0.64.
        XCTAssertEqual(Launch.meanLearningFactor(launches: 4, learningRate: 0.2), (1 + 0.8 + pow(3, log2(0.8)) + 0.64) / 4, accuracy: 1e-12)
        // The Euler–Maclaurin tail matches the brute-force sum, also at 50 % learning (b = −1).
        for rate in [0.1, 0.2, 0.5] {
            for n in [64, 65, 1_000, 20_000] {
                let b = log2(1 - rate)
                let exact = (1...n).reduce(0.0) { $0 + pow(Double($1), b) } / Double(n)
                XCTAssertEqual(Launch.meanLearningFactor(launches: n, learningRate: rate), exact, accuracy: 1e-9, "rate \(rate), n \(n)")
            }
        }
    }

    func testDeploymentTakesTheSlowerOfLaunchAndFactory() {
        XCTAssertEqual(Launch.deploymentDays(launches: 100, perYear: 100, massKg: 10, buildKgPerYear: 1000), 365.25, accuracy: 1e-9)
        XCTAssertEqual(Launch.deploymentDays(launches: 1, perYear: 100, massKg: 2000, buildKgPerYear: 1000), 730.5, accuracy: 1e-9)
    }
}

final class ReliabilityTests: XCTestCase {
    func testTuryshevLifetimePenalty() {
        // Turyshev (arXiv 2604.27197): λT/(1 − e^{−λT}) = 1.27 at λ = 0.1/yr, T = 5 yr.
        XCTAssertEqual(Reliability.overprovisionFactor(rate: 0.1, years: 5), 1.27, accuracy: 0.001)
        XCTAssertEqual(Reliability.overprovisionFactor(rate: 0, years: 5), 1, accuracy: 1e-12)
    }

    func testMeanSurvivalIsTheIntegralOfSurvival() {
        // (1/T)∫₀ᵀ e^{−λt} dt, checked by a midpoint sum.
        let n = 100_000, rate = 0.3, years = 7.0
        let sum = (0..<n).reduce(0.0) { $0 + Reliability.survival(rate: rate, years: (Double($1) + 0.5) * years / Double(n)) } / Double(n)
        XCTAssertEqual(Reliability.meanSurvival(rate: rate, years: years), sum, accuracy: 1e-9)
    }
}

final class FinanceTests: XCTestCase {
    func testCapitalRecoveryFactorTextbookValues() {
        // Standard interest tables (e.g. Newnan, Engineering Economic Analysis, A/P):
        // 7 %, 15 years: 0.10979; 10 %, 10 years: 0.16275.
        XCTAssertEqual(Finance.capitalRecoveryFactor(rate: 0.07, years: 15), 0.10979, accuracy: 5e-6)
        XCTAssertEqual(Finance.capitalRecoveryFactor(rate: 0.10, years: 10), 0.16275, accuracy: 5e-6)
        XCTAssertEqual(Finance.capitalRecoveryFactor(rate: 0, years: 4), 0.25, accuracy: 1e-12)
    }

    func testAnnuityFactorTextbookValue() {
        // P/A at 5 %, 10 years: 7.7217.
        XCTAssertEqual(Finance.annuityFactor(rate: 0.05, years: 10), 7.7217, accuracy: 5e-5)
        XCTAssertEqual(Finance.discountFactor(rate: 0.05, years: 10), 0.61391, accuracy: 5e-6)
    }

    func testPresentValueOfAConstantStreamIsAnAnnuity() {
        XCTAssertEqual(Finance.presentValueOfDecaying(initial: 1, decayRate: 0, rate: 0.07, years: 5),
                       Finance.annuityFactor(rate: 0.07, years: 5), accuracy: 1e-12)
        // Undiscounted, a decaying stream sums to its integral.
        XCTAssertEqual(Finance.presentValueOfDecaying(initial: 1, decayRate: 0.1, rate: 0, years: 5), (1 - exp(-0.5)) / 0.1, accuracy: 1e-12)
    }

    func testPresentValueOfDecayingEqualsItsYearByYearSum() {
        // The definition, written out: Σ_y (1 + r)^{−y_end} ∫_{y−1}^{y_end} initial · e^{−λt} dt,
        // the last year partial (an independent derivation: year by year, `pow` for the discount).
        // The closed form must agree to rounding (1e-13 relative: a few ulps of each of the ≲ 40
        // terms), over decay rates from none to 1/yr, rates from −5 % to 30 %, and lifetimes with
        // and without a partial year.
        func yearByYear(_ initial: Double, _ lambda: Double, _ r: Double, _ years: Double) -> Double {
            var total = 0.0, start = 0.0
            while start < years - 1e-12 {
                let end = min(start + 1, years)
                // e^{−λ·start} − e^{−λ·end} as e^{−λ·start} (1 − e^{−λ(end − start)}): no cancellation for small λ.
                let amount = lambda < 1e-12 ? end - start : exp(-lambda * start) * -expm1(-lambda * (end - start)) / lambda
                total += initial * amount * pow(1 + r, -end)
                start = end
            }
            return total
        }
        var checked = 0
        for lambda in [0, 1e-13, 1e-6, 0.03, 0.091, 0.17, 1] {
            for r in [-0.05, 0, 1e-9, 0.07, 0.3] {
                for years in [0.4, 1, 4, 4.37, 5, 5.999, 6, 12.5, 40] {
                    let expected = yearByYear(3.2e9, lambda, r, years)
                    let got = Finance.presentValueOfDecaying(initial: 3.2e9, decayRate: lambda, rate: r, years: years)
                    XCTAssertEqual(got, expected, accuracy: 1e-13 * expected, "λ \(lambda), r \(r), \(years) years")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 315)
        XCTAssertEqual(Finance.presentValueOfDecaying(initial: 1, decayRate: 0.1, rate: 0.07, years: 0), 0)
    }

    func testBadMoneyInputsAreErrors() {
        XCTAssertThrowsError(try Finance.check(lifetime: 0, discountRate: 0.07))
        XCTAssertThrowsError(try Finance.check(lifetime: -3, discountRate: 0.07))
        XCTAssertThrowsError(try Finance.check(lifetime: 5, discountRate: -1))
    }
}

final class TerrestrialTests: XCTestCase {
    func testStarcloudEnergyLine() throws {
        // Starcloud white paper (2024): 40 MW for 10 years at $0.04/kWh costs $140 M of energy.
        // 40 MW × 8,766 h × 10 yr × $40/MWh = $140.3 M.
        var x = TerrestrialInputs.defaults
        x.compute.acceleratorCount = 40e6 / 1000
        x.compute.itPowerPerAcceleratorW = 1000
        x.facility.pue = 1
        x.facility.loadFactor = 1
        x.energy.priceUsdPerMwh = 40
        let r = try TerrestrialModel.evaluate(x)
        XCTAssertEqual(r.energyCostUsdPerYear * 10, 140e6, accuracy: 0.5e6)
    }

    func testGasPrice() {
        // $3.5/MMBtu at 9,500 BTU/kWh: $33.25/MWh.
        XCTAssertEqual(TerrestrialModel.gasEnergyPrice(gasPriceUsdPerMmbtu: 3.5, heatRateBtuPerKwh: 9_500), 33.25, accuracy: 1e-12)
    }

    func testFacilityIsChargedByCapitalRecovery() throws {
        // A 5-year window carries 5 of the 15 level payments of the building, not all of it.
        var x = try Scenario.colossus1.terrestrialInputs()
        x.finance.discountRate = 0.07
        let r = try TerrestrialModel.evaluate(x)
        let facility = r.costLines.first { $0.name == "facility" }!
        XCTAssertEqual(facility.annual, r.itPowerW * 11 * Finance.capitalRecoveryFactor(rate: 0.07, years: 15), accuracy: 1)
        XCTAssertEqual(facility.upfront, 0)
    }

    func testColossusScale() throws {
        // Seed facts: 220,000 GPUs and ≈300 MW of facility power.
        let r = try TerrestrialModel.evaluate(Scenario.colossus1.terrestrialInputs())
        XCTAssertEqual(r.facilityPowerW, 300e6, accuracy: 1e6)
        XCTAssertEqual(r.acceleratorCount, 220_000)
        XCTAssertEqual(r.deploymentDays, 122)
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
    }
}
