import Foundation
import OrbitalCompute   // public API only, like a user's planning tool (no @testable)
import OrbitalReport
import XCTest

/// The worked example of `OrbitalCompute.docc/PlanningTool.md`, compiled and run so that the
/// article cannot drift from the public API. Keep the two in step: the code between the
/// `// article:` markers is the article's code, with assertions added.
final class PlanningToolExampleTests: XCTestCase {
    func testPlanningToolExample() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("planning-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: output) }

        // article: 1. Load the shipped scenarios
        var orbital = try OrbitalScenario.resolve("orbital-1gw-dawn-dusk")
        let ground = try TerrestrialScenario.resolve("colossus-1")
        // (TerrestrialScenario.colossus1 is the same ground scenario, built in.)
        XCTAssertThrowsError(try OrbitalScenario.resolve("colossus-1"), "a ground scenario is not an orbital one")

        // article: 2. Override values, as `--set` does
        try orbital.set("launch.cost_per_kg_usd", .number(200))
        try orbital.apply(override: "orbit.altitude_km=800")
        XCTAssertEqual(orbital.scenario.value(of: "orbit.altitude_km"), .number(800))
        // Invalid values are rejected with the key and the accepted range:
        do {
            try orbital.set("thermal.emissivity", .number(1.5))
            XCTFail("an emissivity of 1.5 must be rejected")
        } catch let error as ScenarioError {
            print(error)   // thermal.emissivity: 1.5 is out of range (accepted: …)
            XCTAssertTrue("\(error)".contains("thermal.emissivity"))
        }

        // article: 3. Evaluate
        let result = try Engine.evaluate(orbital)                     // an OrbitalResult: the kind is known
        print("mass \(humanNumber(result.massTotalKg / 1000)) t in \(result.launchCount) launches")
        print("radiators \(humanNumber(result.radiatorAreaM2)) m², eclipse days \(humanNumber(result.eclipse.eclipseDays))")
        let json = try JSONEncoder().encode(result)                    // the JSON tree of `orbital evaluate`
        let cost = OutputTable.number("cost_per_pflop_hour_usd", of: .orbital(result))
        XCTAssertGreaterThan(result.massTotalKg, 0)
        XCTAssertGreaterThan(result.launchCount, 0)
        XCTAssertEqual(result.launchCostPerKgUsd, 200)
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains("\"cost_per_pflop_hour_usd\""))
        XCTAssertEqual(cost, result.costPerPflopHourUsd)

        // article: 4. Compare with the ground and find what decides it
        let comparison = try Comparison.make(orbital: orbital, ground: ground)
        print(comparison.verdict)
        for input in comparison.deciding {
            print("\(input.key) (\(input.side.rawValue)): ratio \(humanNumber(input.ratioAtLow)) … \(humanNumber(input.ratioAtHigh))")
        }
        let breakeven = try Breakeven.solve(orbital: orbital.scenario, ground: ground.scenario, key: "launch.cost_per_kg_usd")
        if let price = breakeven.value {
            print("break-even at \(humanNumber(price)) USD/kg")
        } else {
            print("no break-even: at best \(humanNumber(breakeven.costRatioAtValue))× the ground")
        }
        XCTAssertEqual(comparison.costRatio, comparison.orbital.costPerPflopHourUsd / comparison.ground.costPerPflopHourUsd, accuracy: 1e-12)
        XCTAssertFalse(comparison.deciding.isEmpty)
        XCTAssertEqual(breakeven.key, "launch.cost_per_kg_usd")

        // article: 5. A custom study, on all cores
        // The engine is thread-safe: its caches (eclipse year, radiator transient, network, fabric)
        // are shared, so tasks can evaluate variants concurrently without managing models.
        let prices = [50.0, 100, 200, 500, 1000]
        var variants: [OrbitalScenario] = []
        for price in prices {
            var s = orbital
            try s.set("launch.cost_per_kg_usd", .number(price))
            variants.append(s)
        }
        let costs = try variants.map { try Engine.evaluate($0).costPerPflopHourUsd }   // or concurrently, in a task group
        let curve = Array(zip(prices, costs))
        XCTAssertEqual(curve.count, 5)
        for (a, b) in zip(curve, curve.dropFirst()) { XCTAssertLessThan(a.1, b.1, "dearer launch, dearer compute") }

        // article: 6. Write the comparison report
        let document = try ReportDocument.make(orbital: orbital.scenario, ground: ground.scenario)
        try writeAtomically(document.html(), to: output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output))
        XCTAssertGreaterThanOrEqual(document.figures.count, ReportDocument.chartIDs.count)

        // article: 7. Look up an input's unit, default and source
        let info = try XCTUnwrap(orbital.scenario.parameter("thermal.emissivity"))
        print("\(info.key) [\(info.unit)] default \(info.defaultValue?.description ?? "derived"): \(info.provenance?.summary ?? info.derivation ?? "")")
        XCTAssertNotNil(info.provenance)
        XCTAssertFalse(ParameterInfo.all.isEmpty)

        // article: 8. Inputs and results as JSON
        let inputs = try orbital.inputs()                              // typed, in SI units inside
        let encoded = try JSONEncoder().encode(inputs)                 // {"orbit": {"altitude_km": 800, …}, …} as written
        let decoded = try JSONDecoder().decode(OrbitalInputs.self, from: encoded)
        XCTAssertEqual(decoded, inputs)
        XCTAssertEqual(decoded.orbit.altitude, 800_000)
        XCTAssertThrowsError(try JSONDecoder().decode(OrbitalInputs.self, from: Data(#"{"orbit": {"altitude_km": 90000}}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("orbit.altitude_km"), "\(error)")
        }
    }
}
