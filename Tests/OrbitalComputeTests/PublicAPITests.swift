import XCTest
import OrbitalCompute   // public API only: what a planning tool sees

final class PublicAPITests: XCTestCase {
    func testPlanningToolWorkflow() throws {
        // Build a scenario in memory, override a value, evaluate, read typed results.
        var scenario = try Scenario(kind: .orbital, name: "planning", values: ["orbit.altitude_km": .number(700)])
        try scenario.set("launch.cost_per_kg_usd", .number(300))
        try scenario.apply(override: "thermal.radiator_temperature_k=320")
        let evaluation = try Engine.evaluate(scenario)
        guard case let .orbital(result) = evaluation else { return XCTFail("expected an orbital result") }
        XCTAssertEqual(result.launchCostPerKgUsd, 300)
        XCTAssertEqual(result.radiatorTemperatureK, 320)
        XCTAssertGreaterThan(result.massTotalKg, 0)
        XCTAssertEqual(evaluation.report.find("launch_cost_per_kg_usd")?.doubleValue, 300)
        // Compare against the built-in Colossus 1.
        let comparison = try Comparison.make(orbital: scenario, ground: .colossus1)
        XCTAssertGreaterThan(comparison.costRatio, 0)
        XCTAssertNotNil(comparison.report.find("verdict"))
    }
}
