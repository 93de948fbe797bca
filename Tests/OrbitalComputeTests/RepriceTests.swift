import XCTest
@testable import OrbitalCompute

/// A study that varies only prices keeps its first point's physical steps and reprices
/// (`OrbitalModel.reprice`, steps 10–12). These tests hold `OrbitalModel.priceKeys` to that
/// promise: a changed value of any of them gives, by repricing, exactly the full evaluation's
/// result, on every shipped orbital scenario. A step that starts reading one of these keys
/// before step 10 fails here.
final class RepriceTests: XCTestCase {
    func testEveryPriceKeyRepricesToTheFullEvaluationOnEveryShippedScenario() throws {
        let priceParameters = OrbitalModel.priceKeys.sorted().compactMap { ParameterTable.orbital[$0] }
        XCTAssertEqual(priceParameters.count, OrbitalModel.priceKeys.count, "every price key is an orbital parameter")
        var compared = 0
        for file in ShippedModels.scenarios {
            let scenario = try Scenario.resolve(file.name)
            guard scenario.kind == .orbital else { continue }
            let base = try scenario.orbitalInputs()
            let model = OrbitalModel()
            var memo = OrbitalModel.Memo()
            memo.persistent = true
            let first = try model.evaluate(base, memo: &memo)
            for p in priceParameters {
                for value in parameterTrials(p, base: p.value(in: base)) {
                    var x = base
                    p.apply(value, to: &x)
                    let full = Result { try OrbitalModel().evaluate(x) }
                    var repriced = first
                    let reprice = Result { try model.reprice(x, &repriced, memo: &memo); return repriced }
                    switch (full, reprice) {
                    case let (.success(a), .success(b)):
                        XCTAssertEqual(Evaluation.orbital(b).report.json(), Evaluation.orbital(a).report.json(), "\(file.name): \(p.key) = \(value)")
                        compared += 1
                    case let (.failure(a), .failure(b)):
                        XCTAssertEqual("\(b)", "\(a)", "\(file.name): \(p.key) = \(value) fails the same way")
                    default:
                        XCTFail("\(file.name): \(p.key) = \(value): full evaluation \(full), reprice \(reprice)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 300)
    }

    /// A price-only study's evaluator reprices after its first point; its metrics equal the full
    /// evaluation of each point, and the general (non-numeric) path's.
    func testAPriceOnlySweepEqualsFullEvaluationsPointByPoint() throws {
        let setup = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"), ground: try Scenario.resolve("colossus-1"))
        let inputs = try ["launch.cost_per_kg_usd", "finance.discount_rate", "solar.cost_usd_per_w"].map { try setup.resolve($0) }
        let evaluator = StudyEvaluator(setup: setup, inputs: inputs)
        let fresh = StudyEvaluator(setup: setup, inputs: inputs)
        for point in [[150.0, 0.07, 11.2], [2000, 0.03, 5], [20, 0.12, 90], [150, 0.07, 11.2]] {
            try evaluator.evaluate(numbers: point)
            let (o, t) = setup.inputs(inputs, values: point.map(ParameterValue.number))
            let full = try OrbitalModel().evaluate(try XCTUnwrap(o)).costPerPflopHourUsd
            XCTAssertEqual(evaluator.metrics[try XCTUnwrap(setup.metrics.firstIndex(of: "cost_per_pflop_hour_usd"))], full)
            XCTAssertEqual(evaluator.metrics.last, full / (try TerrestrialModel.evaluate(try XCTUnwrap(t))).costPerPflopHourUsd)
            try fresh.evaluate(point.map(ParameterValue.number))
            XCTAssertEqual(evaluator.metrics, fresh.metrics)
        }
    }
}
