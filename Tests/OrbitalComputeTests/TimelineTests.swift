import XCTest
@testable import OrbitalCompute

final class TimelineTests: XCTestCase {
    func scenario(_ extra: [String: ParameterValue] = [:]) throws -> Scenario {
        var values: [String: ParameterValue] = ["compute.it_power_w": .number(1e9), "launch.vehicle": .text("starship-500"),
                                                "reliability.accelerator_failure_rate_per_year": .number(0), "satellite.manufacturing_kg_per_year": .number(1e10)]
        for (k, v) in extra { values[k] = v }
        return try Scenario(kind: .orbital, name: "t", values: values)
    }

    /// Launch-limited, no failures: capacity reaches the target with the last launch, at
    /// L / cadence years, which is the evaluation's deployment time.
    func testLaunchLimitedRampReachesTargetWithTheLastLaunch() throws {
        let s = try scenario()
        let e = try OrbitalModel().evaluate(s.orbitalInputs())
        let t = try Timeline.run(orbital: s, ground: nil, points: 50)
        XCTAssertEqual(t.launches, e.launchCount)
        XCTAssertEqual(try XCTUnwrap(t.orbital.daysToTarget), Double(e.launchCount) / 167 * 365.25, accuracy: 1e-6)
        XCTAssertEqual(t.orbital.deploymentDays, e.deploymentDays, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(t.series.last).orbitalItPowerW, e.itPowerInstalledW, accuracy: 1e-6 * e.itPowerInstalledW)
        // Monotonic ramp without failures; spend reaches the evaluation's launch cost.
        for (a, b) in zip(t.series, t.series.dropFirst()) { XCTAssertLessThanOrEqual(a.orbitalItPowerW, b.orbitalItPowerW) }
        XCTAssertEqual(try XCTUnwrap(t.series.last).orbitalLaunchSpendUsd, e.launchCostUsd, accuracy: 1e-6 * e.launchCostUsd)
    }

    /// Wright's law: launch k costs c₁ k^{log₂(1 − r)}, so the last over the first is L^b.
    func testWrightsLawPerLaunch() throws {
        let t = try Timeline.run(orbital: scenario(["launch.learning_rate": .number(0.2)]), ground: nil)
        XCTAssertEqual(t.lastLaunchCostUsd / t.firstLaunchCostUsd, pow(Double(t.launches), log2(0.8)), accuracy: 1e-9)
    }

    /// Ground delay cost in closed form: a build shorter than a year loses build_years of the
    /// year-1 hours, discounted at the end of year 1: lost = H · d/365.25 / (1 + r).
    func testGroundDelayCostClosedForm() throws {
        let t = try Timeline.run(orbital: scenario(), ground: Scenario.colossus1)
        var gi = try Scenario.colossus1.terrestrialInputs()
        gi.finance.deploymentTiming = .instant     // the timeline costs the delay against instant capacity
        let g = try TerrestrialModel.evaluate(gi)
        let hoursPerYear = g.deliveredAcceleratorHours / 5
        let side = try XCTUnwrap(t.ground)
        XCTAssertEqual(side.lostAcceleratorHoursPV, hoursPerYear * 122 / 365.25 / 1.07, accuracy: 1e-6 * side.lostAcceleratorHoursPV)
        XCTAssertEqual(side.delayCostUsd, side.lostAcceleratorHoursPV * g.costPerAcceleratorHourUsd, accuracy: 1)
        XCTAssertEqual(side.daysToTarget, 122)
        // Orbit takes years, so its delay costs more accelerator-hours than the ground's 122 days.
        XCTAssertGreaterThan(t.orbital.lostAcceleratorHoursPV, side.lostAcceleratorHoursPV)
    }
}
