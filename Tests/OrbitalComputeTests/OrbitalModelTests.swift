import XCTest
@testable import OrbitalCompute

/// The whole orbital chain: consistency between sub-models and monotonic properties.
final class OrbitalModelTests: XCTestCase {
    let model = OrbitalModel()

    func evaluate(_ edit: (inout OrbitalInputs) -> Void = { _ in }) throws -> OrbitalResult {
        var x = OrbitalInputs.defaults
        edit(&x)
        return try model.evaluate(x)
    }

    func testDefaultGigawattIsSane() throws {
        let r = try evaluate()
        XCTAssertEqual(r.itPowerTargetW, 1e9)
        XCTAssertEqual(r.inclinationDeg, 97.99, accuracy: 0.02)
        XCTAssertEqual(r.eclipse.maxDuration / 60, 19.7, accuracy: 0.15)
        // Heat = bus load / conditioning efficiency + the battery's round-trip loss on the recharge
        // of the worst orbit (f = 0.2019, η_rt = 0.9): L f / ((1 − f) η_rt) × 0.1 ≈ 2.8 % of L.
        let f = r.eclipse.maxFraction
        XCTAssertEqual(r.heatRejectedW, r.busLoadW / 0.95 + r.busLoadW * f / ((1 - f) * 0.9) * 0.1, accuracy: 1)
        XCTAssertEqual(r.heatRejectedW / r.busLoadW, 1 / 0.95 + 0.0281, accuracy: 0.0005)
        // Radiator area = heat / net flux.
        XCTAssertEqual(r.radiatorAreaM2 * r.netFluxWPerM2, r.heatRejectedW, accuracy: 1)
        // Mass breakdown adds up; every term is positive.
        XCTAssertEqual(r.massBreakdownKg.reduce(0) { $0 + $1.1 }, r.massTotalKg, accuracy: 1e-3)
        for (name, kg) in r.massBreakdownKg { XCTAssertGreaterThan(kg, 0, name) }
        XCTAssertEqual(r.launchCount, Int((r.massTotalKg / 22_800).rounded(.up)))
        // The periodic temperature brackets the design temperature.
        XCTAssertLessThanOrEqual(r.transient.minimum, r.radiatorTemperatureK + 1)
        XCTAssertGreaterThanOrEqual(r.transient.maximum, r.radiatorTemperatureK - 1)
        XCTAssertTrue(r.costPerAcceleratorHourUsd.isFinite && r.costPerAcceleratorHourUsd > 0)
    }

    func testOverprovisionMatchesTuryshev() throws {
        let r = try evaluate { $0.reliability.acceleratorFailureRatePerYear = 0.1; $0.finance.lifetimeYears = 5; $0.radiation.upsetRatePerAcceleratorDay = 0 }
        XCTAssertEqual(r.overprovisionFactor, 1.2707, accuracy: 1e-4)
        XCTAssertEqual(r.acceleratorCountInstalled / r.acceleratorCountTarget, 1.2707, accuracy: 1e-4)
        // Mean delivered capacity equals the target (times the training fabric's efficiency, issue 14).
        let fabric = try XCTUnwrap(r.fabric).deliveredHoursFactor
        assertClose(r.deliveredAcceleratorHours, r.acceleratorCountTarget * 0.9 * 5 * Constants.hoursPerYear * fabric, relative: 1e-4)
    }

    func testDearerLaunchMeansDearerOrbit() throws {
        var previous = 0.0
        for price in [10.0, 100, 500, 1000, 3000, 10_000] {
            let c = try evaluate { $0.launch.costPerKgUsd = price }.costPerAcceleratorHourUsd
            XCTAssertGreaterThan(c, previous)
            previous = c
        }
    }

    func testMoreMassNeverCostsLessToLaunch() throws {
        var previous = 0.0
        for areal in [1.0, 2, 3, 5, 8] {
            let r = try evaluate { $0.thermal.arealMassKgPerM2 = areal }
            XCTAssertGreaterThan(r.launchCostUsd, previous)
            previous = r.launchCostUsd
        }
    }

    func testLongerLifeLowersLevelizedCapex() throws {
        // Launch-only boundary, no failures: capex spread over more hours.
        var previous = Double.infinity
        for years in [2.0, 5, 10, 15] {
            let c = try evaluate { $0.finance.lifetimeYears = years; $0.finance.costBoundary = .launch; $0.reliability.acceleratorFailureRatePerYear = 0 }.costPerAcceleratorHourUsd
            XCTAssertLessThan(c, previous)
            previous = c
        }
    }

    func testThrottleLosesTheEclipses() throws {
        let battery = try evaluate()
        let throttle = try evaluate { $0.power.eclipseStrategy = .throttle }
        XCTAssertEqual(throttle.deliveredAcceleratorHours / battery.deliveredAcceleratorHours, 1 - battery.eclipse.meanFraction, accuracy: 1e-9)
        XCTAssertLessThan(throttle.batteryEnergyWh, battery.batteryEnergyWh)
        XCTAssertLessThan(throttle.arrayAreaM2, battery.arrayAreaM2)
    }

    func testCostBoundaries() throws {
        let everything = try evaluate { $0.finance.deploymentTiming = .instant }
        let launchOnly = try evaluate { $0.finance.costBoundary = .launch; $0.finance.deploymentTiming = .instant }
        let infrastructure = try evaluate { $0.finance.costBoundary = .infrastructure; $0.finance.deploymentTiming = .instant }
        XCTAssertEqual(launchOnly.totals.presentValue, everything.launchCostUsd, accuracy: 1)
        XCTAssertEqual(everything.totals.capex - infrastructure.totals.capex, everything.acceleratorCountInstalled * 37_500, accuracy: 1)
    }

    func testDeploymentRampDiscountsWhatArrivesLater() throws {
        // Batches online uniformly over the campaign: per-batch costs and delivery share the mean
        // discount factor f = ((1+r)^0 − (1+r)^{−R}) / (R ln(1+r)); design and ground segment do not.
        let instant = try evaluate { $0.finance.deploymentTiming = .instant }
        let ramp = try evaluate()
        let years = ramp.deploymentDays / Constants.daysPerYear
        let f = (1 - pow(1.07, -years)) / (years * log(1.07))
        XCTAssertEqual(ramp.deliveredAcceleratorHoursPV, f * instant.deliveredAcceleratorHoursPV, accuracy: 1e-6 * instant.deliveredAcceleratorHoursPV)
        let atStart = 500e6 + 1e9     // ground segment + NRE, paid at t = 0
        XCTAssertEqual(ramp.totals.presentValue, atStart + f * (instant.totals.presentValue - atStart), accuracy: 1)
        XCTAssertGreaterThan(ramp.costPerAcceleratorHourUsd, instant.costPerAcceleratorHourUsd)
        // Undiscounted quantities do not depend on timing.
        XCTAssertEqual(ramp.deliveredAcceleratorHours, instant.deliveredAcceleratorHours)
    }

    func testTooLowToHoldIsAnErrorNotAnInfinity() throws {
        XCTAssertThrowsError(try evaluate { $0.orbit.altitude = 180_000; $0.satellite.dragAreaFraction = 1; $0.finance.lifetimeYears = 50 }) {
            XCTAssertEqual(($0 as? ModelError)?.key, "orbit.altitude_km")
        }
    }

    func testNoDeliveredHoursIsAnError() throws {
        XCTAssertThrowsError(try evaluate { $0.radiation.upsetRatePerAcceleratorDay = 100; $0.radiation.hoursLostPerUpset = 1000 })
    }

    func testImpossibleRadiatorIsAnError() throws {
        XCTAssertThrowsError(try evaluate { $0.thermal.radiatorTemperatureK = 160; $0.thermal.orientation = .nadir }) {
            XCTAssertEqual(($0 as? ModelError)?.key, "thermal.radiator_temperature_k")
        }
    }

    func testHotRadiatorWarnsAboutTheAcceleratorLimit() throws {
        let r = try evaluate { $0.thermal.radiatorTemperatureK = 345 }
        XCTAssertTrue(r.throttleRequired)
        XCTAssertFalse(r.warnings.isEmpty)
    }
}

final class ComparisonTests: XCTestCase {
    func testBreakevenThenEvaluateGivesRatioOne() throws {
        let orbital = try Scenario(kind: .orbital, values: ["launch.vehicle": .text("starship-200")])
        let b = try Breakeven.solve(orbital: orbital, ground: .colossus1, key: "energy.price_usd_per_mwh")
        let value = try XCTUnwrap(b.value)
        var ground = Scenario.colossus1
        try ground.set("energy.price_usd_per_mwh", .number(value))
        let o = try Engine.evaluate(orbital), g = try Engine.evaluate(ground)
        XCTAssertEqual(o.costPerPflopHourUsd / g.costPerPflopHourUsd, 1, accuracy: 0.005)
    }

    func testSidePrefixSolvesOnTheGround() throws {
        // compute.utilization exists on both sides: ground: picks the terrestrial one. The ground's
        // cost per delivered hour goes as 1/utilization (no cost depends on it), so the crossing
        // is at u = u₀ / r₀, with r₀ the cost ratio at the ground's default u₀.
        let orbital = try Scenario(kind: .orbital, values: ["launch.vehicle": .text("starship-20"), "solar.cost_usd_per_w": .number(2),
                                                            "compute.utilization": .number(0.95)])
        let b = try Breakeven.solve(orbital: orbital, ground: .colossus1, key: "ground:compute.utilization")
        XCTAssertEqual(b.side, .terrestrial)
        let v = try XCTUnwrap(b.value)
        let u0 = try Scenario.colossus1.terrestrialInputs().compute.utilization
        let r0 = try Engine.evaluate(orbital).costPerPflopHourUsd / Engine.evaluate(.colossus1).costPerPflopHourUsd
        XCTAssertEqual(v, u0 / r0, accuracy: 1e-4)
        var g = Scenario.colossus1
        try g.set("compute.utilization", .number(v))
        XCTAssertEqual(try Engine.evaluate(orbital).costPerPflopHourUsd / Engine.evaluate(g).costPerPflopHourUsd, 1, accuracy: 0.005)
        XCTAssertThrowsError(try Breakeven.solve(orbital: orbital, ground: .colossus1, key: "ground:compute.it_power_w")) {
            XCTAssertTrue("\($0)".contains("cannot be given together"), "\($0)")
        }
    }

    func testNoCrossingReportsTheClosestApproach() throws {
        // Thermal emissivity cannot make the default orbit as cheap as the ground.
        let orbital = try Scenario(kind: .orbital)
        let b = try Breakeven.solve(orbital: orbital, ground: .colossus1, key: "thermal.emissivity")
        XCTAssertNil(b.value)
        XCTAssertGreaterThan(b.costRatioAtValue, 1)
        XCTAssertEqual(b.report["value"], .null)
    }

    func testBreakevenRejectsNonNumericAndUnknownKeys() throws {
        let orbital = try Scenario(kind: .orbital)
        XCTAssertThrowsError(try Breakeven.solve(orbital: orbital, ground: .colossus1, key: "launch.vehicle")) {
            XCTAssertEqual(($0 as? ScenarioError)?.message, "is not numeric")
        }
        XCTAssertThrowsError(try Breakeven.solve(orbital: orbital, ground: .colossus1, key: "nope.key"))
    }

    func testCompareVerdictFollowsTheRatio() throws {
        let c = try Comparison.make(orbital: Scenario(kind: .orbital), ground: .colossus1)
        XCTAssertEqual(c.costRatio, c.orbital.costPerPflopHourUsd / c.ground.costPerPflopHourUsd, accuracy: 1e-12)
        XCTAssertTrue(c.verdict.contains(c.costRatio > 1 ? "ground is cheaper" : "orbit is cheaper"))
        XCTAssertFalse(c.deciding.isEmpty)
        for pair in zip(c.deciding, c.deciding.dropFirst()) { XCTAssertGreaterThanOrEqual(pair.0.spread, pair.1.spread) }
    }
}

/// Asserts |a − b| ≤ relative · max(|a|, |b|).
func assertClose(_ a: Double, _ b: Double, relative: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertLessThanOrEqual(abs(a - b), relative * max(abs(a), abs(b)), "\(a) vs \(b)", file: file, line: line)
}
