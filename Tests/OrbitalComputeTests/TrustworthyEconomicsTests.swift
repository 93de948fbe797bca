import XCTest
@testable import OrbitalCompute

/// The economics around the physics: inputs priced at the level their sources describe, one cost
/// basis on both sides, the coolant chain, spares, the factory, the window, and outputs that add
/// up to the headline.
final class TrustworthyEconomicsTests: XCTestCase {
    let model = OrbitalModel()

    func orbital(_ edit: (inout OrbitalInputs) -> Void = { _ in }) throws -> OrbitalResult {
        var x = OrbitalInputs.defaults
        edit(&x)
        return try model.evaluate(x)
    }

    func ground(_ edit: (inout TerrestrialInputs) -> Void = { _ in }) throws -> TerrestrialResult {
        var x = try Scenario.colossus1.terrestrialInputs()
        edit(&x)
        return try TerrestrialModel.evaluate(x)
    }

    // MARK: Array price and mass at array level

    /// A Starlink v2 mini–like satellite (575 kg, 28 kW of array; Suncatcher table 1) with our
    /// array-level specific power: the wing is the largest single item but well under half the
    /// satellite, as flat-panel LEO buses are (the old 59 W/kg gave 475 kg of 575, 83 %).
    func testStarlinkLikeSatelliteHasAPlausibleMassSplit() throws {
        let x = OrbitalInputs.defaults
        let arrayKg = 28_000 / x.solar.specificPowerWPerKg
        let share = arrayKg / 575
        XCTAssertGreaterThan(share, 0.2)
        XCTAssertLessThan(share, 0.45, "array \(arrayKg) kg of 575 kg")
        // What is left carries the bus, structure (15 % of dry mass), propulsion, batteries and payload.
        XCTAssertGreaterThan(575 - arrayKg - 575 * x.satellite.structureMassFraction, 200)
    }

    /// The array line is rated watts × the array price, never a whole-satellite $/W on top of the
    /// bus, radiator and battery lines; with a whole-satellite price those lines go.
    func testArrayPriceIsArrayLevelAndWholeSatelliteReplacesTheLines() throws {
        let r = try orbital()
        let line = try XCTUnwrap(r.costLines.first { $0.name == "solar_arrays" })
        XCTAssertEqual(line.upfront, r.arrayPowerBolW * OrbitalInputs.defaults.solar.costUsdPerW, accuracy: 1)
        let whole = try orbital { $0.satellite.costUsdPerW = 22 }
        let names = Set(whole.costLines.map(\.name))
        XCTAssertTrue(names.contains("satellite"))
        XCTAssertTrue(names.isDisjoint(with: ["solar_arrays", "radiators", "batteries", "satellite_bus"]))
        XCTAssertEqual(try XCTUnwrap(whole.costLines.first { $0.name == "satellite" }).upfront, 22 * whole.arrayPowerBolW, accuracy: 1)
    }

    /// The pointing error costs cos θ of output, so the rated array grows by 1 / cos θ.
    func testPointingLossScalesTheArray() throws {
        let aligned = try orbital { $0.solar.pointingError = 0 }
        let off = try orbital { $0.solar.pointingError = 10 * Constants.degree }
        XCTAssertEqual(off.arrayPowerBolW / aligned.arrayPowerBolW, 1 / cos(10 * Double.pi / 180), accuracy: 1e-12)
    }

    // MARK: Ground repair

    /// A ground failure costs the operator fraction × price + technician time, not a new board;
    /// both sides take the same λ by default.
    func testGroundRepairIsAFractionPlusTechnician() throws {
        let g = try ground()
        let x = try Scenario.colossus1.terrestrialInputs()
        let price = try x.compute.resolvedAccelerator().priceUsd
        let perFailure = x.reliability.repairCostFraction * price + x.reliability.technicianHoursPerFailure * x.reliability.technicianCostUsdPerHour
        let line = try XCTUnwrap(g.costLines.first { $0.name == "accelerator_repair" })
        XCTAssertEqual(line.annual, x.reliability.acceleratorFailureRatePerYear * g.acceleratorCount * perFailure, accuracy: 1e-3)
        XCTAssertLessThan(line.annual, x.reliability.acceleratorFailureRatePerYear * g.acceleratorCount * price / 5)
        XCTAssertEqual(OrbitalInputs.defaults.reliability.acceleratorFailureRatePerYear, x.reliability.acceleratorFailureRatePerYear)
    }

    /// In a study, an unprefixed input describing the same hardware on both sides is one draw.
    func testSameHardwareIsDrawnOnceForBothSides() throws {
        let setup = try StudySetup(primary: Scenario(kind: .orbital), ground: .colossus1)
        let lambda = try setup.resolve("reliability.accelerator_failure_rate_per_year")
        XCTAssertNotNil(lambda.orbital)
        XCTAssertNotNil(lambda.terrestrial)
        let split = try setup.resolve("orbital:reliability.accelerator_failure_rate_per_year")
        XCTAssertNil(split.terrestrial)
        XCTAssertNil(try setup.resolve("finance.ops_cost_usd_per_year").terrestrial, "operations are not the same hardware")
    }

    // MARK: Coolant chain

    /// Radiator mean = supply limit + loop ΔT / 2 − approach: below the coolant it cools.
    func testRadiatorTemperatureFollowsTheCoolantChain() throws {
        let r = try orbital()
        let x = OrbitalInputs.defaults
        let supply = AcceleratorCatalog.warmWaterSupplyK
        XCTAssertEqual(r.radiatorTemperatureK, supply + x.thermal.loopDeltaTK / 2 - x.thermal.radiatorApproachK, accuracy: 1e-12)
        XCTAssertLessThan(r.radiatorTemperatureK, supply + x.thermal.loopDeltaTK / 2, "the radiator must be colder than the coolant in it")
        XCTAssertTrue(r.warnings.allSatisfy { !$0.contains("coolant chain allows") })
        let hot = try orbital { $0.thermal.radiatorTemperatureK = 330 }
        XCTAssertTrue(hot.warnings.contains { $0.contains("above the") && $0.contains("coolant chain allows") })
        // A larger approach means a colder radiator and more area (area ∝ 1/(T⁴ − sink)).
        let wide = try orbital { $0.thermal.radiatorApproachK = 15 }
        XCTAssertGreaterThan(wide.radiatorAreaM2, r.radiatorAreaM2)
    }

    /// Throttling pauses the heat in eclipse: the radiator swings far below its design point and
    /// a water loop would freeze; the engine says so.
    func testThrottleWarnsWhenTheCoolantWouldFreeze() throws {
        let r = try orbital { $0.power.eclipseStrategy = .throttle }
        XCTAssertLessThan(r.transient.minimum, 273.15)
        XCTAssertTrue(r.warnings.contains { $0.contains("freezing point") })
        let glycol = try orbital { $0.power.eclipseStrategy = .throttle; $0.thermal.coolantFreezingK = 200 }
        XCTAssertFalse(glycol.warnings.contains { $0.contains("freezing point") })
    }

    // MARK: Spares

    /// Cold spares: e^{λT} installed, only the target powered, so the power system is sized for
    /// the target; hot spares power every accelerator from launch.
    func testColdSparesPowerOnlyTheTarget() throws {
        let hot = try orbital()
        let cold = try orbital { $0.reliability.spares = .cold }
        let x = OrbitalInputs.defaults
        let lt = x.reliability.acceleratorFailureRatePerYear * x.finance.lifetimeYears
        XCTAssertEqual(cold.acceleratorCountInstalled / cold.acceleratorCountTarget, exp(lt), accuracy: 1e-5)
        XCTAssertEqual(cold.acceleratorCountPowered, cold.acceleratorCountTarget)
        XCTAssertEqual(hot.acceleratorCountPowered, hot.acceleratorCountInstalled)
        XCTAssertLessThan(cold.arrayPowerBolW, hot.arrayPowerBolW)
        XCTAssertLessThan(cold.radiatorAreaM2, hot.radiatorAreaM2)
    }

    /// Hot spares fail faster (λ) than the array degrades, so the array is sized for the
    /// beginning-of-life load, not for every spare at end of life: rated output at 1 AU equals
    /// the required output over aphelion and pointing alone.
    func testHotSparesSizeTheArrayForWhatIsPowered() throws {
        let r = try orbital()
        let x = OrbitalInputs.defaults
        let temperature = SolarArray.temperatureFactor(coefficientPerK: x.solar.temperatureCoefficientPerK, temperature: x.solar.operatingTemperatureK)
        let expected = r.arrayOutputRequiredW / (r.eclipse.minIrradianceFactor * SolarArray.pointingFactor(error: x.solar.pointingError)) / temperature
        XCTAssertEqual(r.arrayPowerBolW, expected, accuracy: expected * 1e-12)
        // Without failures the end of life decides: the degradation factor comes back.
        let noFailures = try orbital { $0.reliability.acceleratorFailureRatePerYear = 0 }
        let eol = SolarArray.degradationFactor(ratePerYear: x.solar.degradationPerYear, years: x.finance.lifetimeYears)
        XCTAssertEqual(noFailures.arrayPowerBolW, noFailures.arrayOutputRequiredW / (noFailures.eclipse.minIrradianceFactor * eol * SolarArray.pointingFactor(error: x.solar.pointingError)) / temperature,
                       accuracy: noFailures.arrayPowerBolW * 1e-12)
    }

    // MARK: Factory

    /// The factory builds mass, not a count: the deployment is the slower of launches and kg/year.
    func testFactoryLimitsByMass() throws {
        let r = try orbital { $0.launch.launchesPerYear = 1e5 }
        let x = OrbitalInputs.defaults
        let propellant = r.massBreakdownKg.first { $0.0 == "propellant" }?.1 ?? 0
        XCTAssertEqual(r.deploymentDays, (r.massTotalKg - propellant) / x.satellite.manufacturingKgPerYear * Constants.daysPerYear, accuracy: 1e-6)
        let doubled = try orbital { $0.launch.launchesPerYear = 1e5; $0.satellite.manufacturingKgPerYear *= 2 }
        XCTAssertEqual(doubled.deploymentDays, r.deploymentDays / 2, accuracy: 1e-6)
    }

    // MARK: One cost basis, one schedule

    /// capex + opex_years × opex = undiscounted total on both sides, for every timing.
    func testOneCostBasisOnBothSides() throws {
        for timing in DeploymentTiming.Convention.allCases {
            let o = try orbital { $0.finance.deploymentTiming = timing }
            let g = try ground { $0.finance.deploymentTiming = timing }
            for (name, t) in [("orbit", o.totals), ("ground", g.totals)] {
                XCTAssertEqual(t.capex + t.opexYears * t.opexPerYear, t.undiscounted, accuracy: t.undiscounted * 1e-12, "\(name) \(timing)")
            }
            // The ground's building is charged by capital recovery inside opex, not in capex.
            XCTAssertFalse(g.costLines.contains { $0.name == "facility" && $0.upfront != 0 })
        }
    }

    /// Each line's share of the levelized cost sums to the headline, in every timing.
    func testLineSharesSumToTheHeadline() throws {
        for timing in DeploymentTiming.Convention.allCases {
            for levelized in [try orbital { $0.finance.deploymentTiming = timing }.levelized, try ground { $0.finance.deploymentTiming = timing }.levelized] {
                let sum = levelized.costPerPflopHourByLine.reduce(0) { $0 + $1.usdPerPflopHour }
                XCTAssertEqual(sum, levelized.costPerPflopHourUsd, accuracy: levelized.costPerPflopHourUsd * 1e-9, timing.rawValue)
            }
        }
    }

    /// A window as long as the life, with everything online at t = 0, is the instant convention
    /// exactly: capital recovery over the full life recovers all of it.
    func testWindowOfOneLifeFromDayZeroIsInstant() throws {
        let instant = try ground { $0.finance.deploymentTiming = .instant }
        let window = try ground { $0.finance.deploymentTiming = .window; $0.facility.buildDays = 0 }
        XCTAssertEqual(window.costPerPflopHourUsd, instant.costPerPflopHourUsd, accuracy: instant.costPerPflopHourUsd * 1e-9)
        XCTAssertEqual(window.deliveredAcceleratorHours, instant.deliveredAcceleratorHours, accuracy: instant.deliveredAcceleratorHours * 1e-9)
    }

    /// In a fixed calendar window, capacity that arrives late delivers less: a slower launch
    /// campaign never delivers more PFLOP-hours inside the window.
    func testLateCapacityDeliversLessInTheWindow() throws {
        let fast = try orbital { $0.finance.deploymentTiming = .window; $0.satellite.manufacturingKgPerYear = 1e9; $0.launch.launchesPerYear = 1000 }
        let slow = try orbital { $0.finance.deploymentTiming = .window }
        XCTAssertGreaterThan(fast.deliveredAcceleratorHours, slow.deliveredAcceleratorHours)
        let ramp = try orbital()
        XCTAssertGreaterThan(ramp.deliveredAcceleratorHours, slow.deliveredAcceleratorHours, "the ramp runs every batch its full life")
        // A window that closes before the building is finished has no cost per hour at all.
        XCTAssertThrowsError(try ground { $0.finance.deploymentTiming = .window; $0.finance.comparisonWindowYears = 0.2 }) {
            XCTAssertTrue("\($0)".contains("finance.comparison_window_years"))
        }
    }
}
