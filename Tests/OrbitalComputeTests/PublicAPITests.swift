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
        XCTAssertEqual(OutputTable.number("launch_cost_per_kg_usd", of: evaluation), 300)
        // Compare against the built-in Colossus 1.
        let comparison = try Comparison.make(orbital: scenario, ground: .colossus1)
        XCTAssertGreaterThan(comparison.costRatio, 0)
        XCTAssertNotNil(comparison.report["verdict"])
    }

    /// Results encode as the CLI's JSON; inputs round-trip through JSON in their written units.
    func testCodableResultsAndInputs() throws {
        for name in ["orbital-1gw-dawn-dusk", "colossus-1", "mccalip-1gw-orbit"] {
            let scenario = try Scenario.resolve(name)
            let evaluation = try Engine.evaluate(scenario)
            let viaCodable = try JSONSerialization.jsonObject(with: JSONEncoder().encode(evaluation)) as? NSDictionary
            let viaCLI = try JSONSerialization.jsonObject(with: Data(evaluation.report.json().utf8)) as? NSDictionary
            XCTAssertNotNil(viaCLI)
            XCTAssertEqual(viaCodable, viaCLI, name)
            let decoded = try JSONDecoder().decode(ResultValue.self, from: Data(evaluation.report.json().utf8))
            let roundTrip = try JSONSerialization.jsonObject(with: Data(decoded.json().utf8)) as? NSDictionary
            XCTAssertEqual(roundTrip, viaCLI, "\(name): the CLI's JSON decodes to the same values")
        }
        let o = try OrbitalScenario.resolve("orbital-1gw-dawn-dusk").inputs()
        XCTAssertEqual(try JSONDecoder().decode(OrbitalInputs.self, from: JSONEncoder().encode(o)), o)
        let g = try TerrestrialScenario.colossus1.inputs()
        XCTAssertEqual(try JSONDecoder().decode(TerrestrialInputs.self, from: JSONEncoder().encode(g)), g)
        let written = try JSONDecoder().decode(OrbitalInputs.self, from: Data(#"{"orbit": {"altitude_km": 800}, "thermal": {"orientation": "nadir"}}"#.utf8))
        XCTAssertEqual(written.orbit.altitude, 800_000)
        XCTAssertEqual(written.thermal.orientation, .nadir)
        XCTAssertThrowsError(try JSONDecoder().decode(OrbitalInputs.self, from: Data(#"{"thermal": {"orientation": "nadri"}}"#.utf8)))
    }

    /// The kind is a type: an orbital scenario evaluates to an OrbitalResult, and a ground file
    /// cannot become an orbital scenario.
    func testScenarioKindsAreTypes() throws {
        let orbital = try OrbitalScenario.resolve("orbital-1gw-dawn-dusk")
        let result: OrbitalResult = try Engine.evaluate(orbital)
        let ground: TerrestrialResult = try Engine.evaluate(TerrestrialScenario.colossus1)
        XCTAssertGreaterThan(result.costPerPflopHourUsd, ground.costPerPflopHourUsd)
        XCTAssertThrowsError(try OrbitalScenario.resolve("colossus-1")) { XCTAssertTrue("\($0)".contains("expected orbital"), "\($0)") }
        XCTAssertThrowsError(try TerrestrialScenario(checking: orbital.scenario))
        let comparison = try Comparison.make(orbital: orbital, ground: .colossus1)
        XCTAssertEqual(comparison.costRatio, result.costPerPflopHourUsd / ground.costPerPflopHourUsd, accuracy: 1e-12)
    }
}
