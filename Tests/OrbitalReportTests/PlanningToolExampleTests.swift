import Foundation
import OrbitalCompute   // public API only, like a user's planning tool (no @testable)
import OrbitalReport
import XCTest

/// The worked example of `OrbitalCompute.docc/PlanningTool.md`, compiled and run so that the
/// article cannot drift from the public API. Keep the two in step: the code between the
/// `// article:` markers is the article's code, with assertions added.
final class PlanningToolExampleTests: XCTestCase {
    /// The package's Models/ folder (the article runs from the package root and passes "Models").
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Models").path

    func testPlanningToolExample() throws {
        let modelsDirectory = PlanningToolExampleTests.models
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("planning-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: output) }

        // article: 1. Load the shipped scenarios
        var orbital = try Scenario.load(path: Scenario.locate("orbital-1gw-dawn-dusk", modelsDirectory: modelsDirectory))
        let ground = try Scenario.load(path: Scenario.locate("colossus-1", modelsDirectory: modelsDirectory))
        // (Scenario.colossus1 is the same ground scenario, built in.)

        // article: 2. Override values, as `--set` does
        try orbital.set("launch.cost_per_kg_usd", .number(200))
        try orbital.apply(override: "orbit.altitude_km=800")
        XCTAssertEqual(orbital.value(of: "orbit.altitude_km"), .number(800))
        // Invalid values are rejected with the key and the accepted range:
        do {
            try orbital.set("thermal.emissivity", .number(1.5))
            XCTFail("an emissivity of 1.5 must be rejected")
        } catch let error as ScenarioError {
            print(error)   // thermal.emissivity: 1.5 is out of range (accepted: …)
            XCTAssertTrue("\(error)".contains("thermal.emissivity"))
        }

        // article: 3. Evaluate
        let evaluation = try Engine.evaluate(orbital)
        guard case let .orbital(result) = evaluation else { return XCTFail("an orbital scenario gives an orbital result") }
        print("mass \(humanNumber(result.massTotalKg / 1000)) t in \(result.launchCount) launches")
        print("radiators \(humanNumber(result.radiatorAreaM2)) m², eclipse days \(humanNumber(result.eclipse.eclipseDays))")
        let json = Engine.report(orbital, evaluation).json()          // the JSON of `orbital evaluate`
        XCTAssertGreaterThan(result.massTotalKg, 0)
        XCTAssertGreaterThan(result.launchCount, 0)
        XCTAssertEqual(result.launchCostPerKgUsd, 200)
        XCTAssertTrue(json.contains("\"cost_per_pflop_hour_usd\""))

        // article: 4. Compare with the ground and find what decides it
        let comparison = try Comparison.make(orbital: orbital, ground: ground)
        print(comparison.verdict)
        for input in comparison.deciding {
            print("\(input.key) (\(input.side.rawValue)): ratio \(humanNumber(input.ratioAtLow)) … \(humanNumber(input.ratioAtHigh))")
        }
        let breakeven = try Breakeven.solve(orbital: orbital, ground: ground, key: "launch.cost_per_kg_usd")
        if let price = breakeven.value {
            print("break-even at \(humanNumber(price)) USD/kg")
        } else {
            print("no break-even: at best \(humanNumber(breakeven.costRatioAtValue))× the ground")
        }
        XCTAssertEqual(comparison.costRatio, comparison.orbital.costPerPflopHourUsd / comparison.ground.costPerPflopHourUsd, accuracy: 1e-12)
        XCTAssertFalse(comparison.deciding.isEmpty)
        XCTAssertEqual(breakeven.key, "launch.cost_per_kg_usd")

        // article: 5. A custom study: one model reused across evaluations (it caches the orbit)
        let model = OrbitalModel()
        var curve: [(price: Double, costPerPflopHour: Double)] = []
        for price in [50.0, 100, 200, 500, 1000] {
            var s = orbital
            try s.set("launch.cost_per_kg_usd", .number(price))
            curve.append((price, try Engine.evaluate(s, model: model).costPerPflopHourUsd))
        }
        XCTAssertEqual(curve.count, 5)
        for (a, b) in zip(curve, curve.dropFirst()) { XCTAssertLessThan(a.costPerPflopHour, b.costPerPflopHour, "dearer launch, dearer compute") }

        // article: 6. Write the comparison report
        let document = try ReportDocument.make(orbital: orbital, ground: ground)
        try writeAtomically(document.html(), to: output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output))
        XCTAssertGreaterThanOrEqual(document.figures.count, ReportDocument.chartIDs.count)

        // article: 7. Look up an input's unit, default and source
        let info = try XCTUnwrap(orbital.parameter("thermal.emissivity"))
        print("\(info.key) [\(info.unit)] default \(info.defaultValue?.description ?? "derived"): \(info.provenance?.summary ?? info.derivation ?? "")")
        XCTAssertNotNil(info.provenance)
        XCTAssertFalse(ParameterInfo.all.isEmpty)
    }
}
