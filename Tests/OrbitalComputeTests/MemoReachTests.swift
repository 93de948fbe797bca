import XCTest
@testable import OrbitalCompute

/// A study takes a memo as it is, without comparing its key, when no input the study varies
/// writes a field the key reads (`OrbitalModel.Memo.Fixed`, `Memo.reads`). These tests hold the
/// declared fields to that promise: on every shipped orbital scenario, changing any parameter of
/// the table changes a memo's key only if the parameter writes one of the memo's declared fields.
/// A key that starts reading an undeclared input fails here.
final class MemoReachTests: XCTestCase {
    func testAMemoKeyChangesOnlyWithTheFieldsItDeclares() throws {
        let model = OrbitalModel()
        var changed: [OrbitalModel.Memo.Fixed: Set<String>] = [:]
        var tried = 0
        for file in ShippedModels.scenarios {
            let scenario = try Scenario.resolve(file.name)
            guard scenario.kind == .orbital else { continue }
            let base = try scenario.orbitalInputs()
            let baseKeys = try model.memoKeys(base)
            for p in ParameterTable.orbital.parameters {
                let fixed = OrbitalModel.Memo.fixed(varying: [p.writtenBytes])
                for value in parameterTrials(p, base: p.value(in: base)) {
                    var x = base
                    p.apply(value, to: &x)
                    // Values the orbit rejects are no point of a study.
                    guard let keys = try? model.memoKeys(x) else { continue }
                    tried += 1
                    let differs: [(OrbitalModel.Memo.Fixed, Bool)] = [
                        (.eclipse, keys.eclipse != baseKeys.eclipse), (.faces, keys.faces != baseKeys.faces), (.dose, keys.dose != baseKeys.dose),
                        (.network, keys.network != baseKeys.network), (.fabricLayout, keys.fabricLayout != baseKeys.fabricLayout),
                        (.sink, keys.sink != baseKeys.sink), (.accelerator, keys.accelerator != baseKeys.accelerator),
                    ]
                    for (memo, changes) in differs where changes {
                        changed[memo, default: []].insert(p.key)
                        XCTAssertFalse(fixed.contains(memo), "\(file.name): \(p.key) = \(value) changes the key of memo \(memo.rawValue), whose declared fields it does not write")
                    }
                }
            }
        }
        XCTAssertGreaterThan(tried, 500)
        // The check has teeth: each memo's key does change with the inputs it reads.
        XCTAssertTrue(changed[.eclipse, default: []].contains("orbit.altitude_km"))
        XCTAssertTrue(changed[.faces, default: []].contains("thermal.orientation"))
        XCTAssertTrue(changed[.dose, default: []].contains("radiation.shield_thickness_mm"))
        XCTAssertTrue(changed[.network, default: []].contains("network.min_elevation_deg"))
        XCTAssertTrue(changed[.fabricLayout, default: []].contains("training.model_parameters"))
        XCTAssertTrue(changed[.sink, default: []].isSuperset(of: ["thermal.emissivity", "environment.albedo", "orbit.altitude_km"]))
        XCTAssertTrue(changed[.accelerator, default: []].isSuperset(of: ["compute.accelerator", "compute.accelerator_price_usd", "compute.coolant_supply_max_k"]))
    }

    /// The default Monte Carlo inputs (costs, masses, reliability, lifetime, utilization) reach
    /// none of the orbit's memos, the radiators' sink nor the accelerator; an orbit input reaches them all but the fabric's layout and the accelerator.
    func testWhatTheDefaultUncertaintyLeavesFixed() throws {
        let setup = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"))
        let declared = try setup.uncertainInputs().compactMap { $0.input.orbital.map(\.writtenBytes) }
        XCTAssertEqual(declared.count, 12)
        XCTAssertEqual(OrbitalModel.Memo.fixed(varying: declared), [.eclipse, .faces, .dose, .network, .fabricLayout, .sink, .accelerator])
        let altitude = try XCTUnwrap(ParameterTable.orbital["orbit.altitude_km"])
        XCTAssertEqual(OrbitalModel.Memo.fixed(varying: [altitude.writtenBytes]), [.fabricLayout, .accelerator])
        // A choice's setter may write anywhere: nothing is fixed.
        XCTAssertEqual(OrbitalModel.Memo.fixed(varying: [nil]), [])
    }

    /// A study that varies an input a memo reads gets the full evaluation's numbers point by
    /// point (its memos are compared, not taken as fixed).
    func testASweepOverMemoInputsEqualsFullEvaluations() throws {
        let setup = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"))
        let inputs = try ["orbit.altitude_km", "radiation.shield_thickness_mm", "compute.utilization"].map { try setup.resolve($0) }
        let evaluator = StudyEvaluator(setup: setup, inputs: inputs, thermalTransient: false)
        for point in [[550.0, 2, 0.9], [1200, 2, 0.9], [1200, 5, 0.85], [550, 5, 0.85]] {
            try evaluator.evaluate(numbers: point)
            let (o, _) = setup.inputs(inputs, values: point.map(ParameterValue.number))
            let full = try OrbitalModel(computesTransient: false).evaluate(try XCTUnwrap(o))
            XCTAssertEqual(evaluator.metrics[try XCTUnwrap(setup.metrics.firstIndex(of: "cost_per_pflop_hour_usd"))], full.costPerPflopHourUsd, "\(point)")
            XCTAssertEqual(evaluator.metrics[try XCTUnwrap(setup.metrics.firstIndex(of: "eclipse_fraction_mean"))], full.eclipse.meanFraction, "\(point)")
        }
    }

    /// A study worker lends its result the radiator faces, the network geometry, the cost-line
    /// buffer and (a column reads the fabric) the fabric's box, with no reference count per point,
    /// and takes them back before the next point: the memo holds them again, and every point
    /// equals a full evaluation as the orbit, the attitude and the cluster's size change them.
    func testAStudyWorkerTakesBackWhatItLends() throws {
        let base = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"))
        let setup = try base.selecting(columns: ["thermal.view_factor_earth", "network.contact_fraction", "cost_per_pflop_hour_usd", "radiator_area_m2",
                                                 "fabric.training_efficiency"])
        let inputs = try ["orbit.altitude_km", "thermal.sides", "solar.specific_power_w_per_kg"].map { try setup.resolve($0) }
        let evaluator = StudyEvaluator(setup: setup, inputs: inputs, thermalTransient: false)
        for point in [[550.0, 2, 120], [550, 2, 90], [1200, 2, 90], [1200, 1, 150], [1200, 1, 60]] {
            for _ in 0..<2 {  // the second time from what the memo took back
                try evaluator.evaluate(numbers: point)
                let (o, _) = setup.inputs(inputs, values: point.map(ParameterValue.number))
                let full = try OrbitalModel(computesTransient: false).evaluate(try XCTUnwrap(o))
                XCTAssertEqual(evaluator.metrics, [full.radiator.viewFactorEarth, try XCTUnwrap(full.network).geometry.contactFraction,
                                                   full.costPerPflopHourUsd, full.radiatorAreaM2, try XCTUnwrap(full.fabric).trainingEfficiency], "\(point)")
                let held = evaluator.reclaimLentParts()
                XCTAssertTrue(held.faces && held.network && held.costLines && held.fabricBox, "\(point): \(held)")
            }
        }
    }

    /// The pointing cosine and the orbit's dynamic pressure are kept by input value: a study over
    /// the pointing error and the altitude gets the full evaluation's array area and drag Δv.
    func testQuantitiesKeptByInputValueEqualFullEvaluations() throws {
        let base = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"))
        let setup = try base.selecting(columns: ["power.array_area_m2", "mass.drag_delta_v_m_per_s"])
        let inputs = try ["solar.pointing_error_deg", "orbit.altitude_km"].map { try setup.resolve($0) }
        let evaluator = StudyEvaluator(setup: setup, inputs: inputs, thermalTransient: false)
        for point in [[5.0, 550], [5, 550], [20, 550], [20, 700], [1, 700]] {
            try evaluator.evaluate(numbers: point)
            let (o, _) = setup.inputs(inputs, values: point.map(ParameterValue.number))
            let full = try OrbitalModel(computesTransient: false).evaluate(try XCTUnwrap(o))
            XCTAssertEqual(evaluator.metrics, [full.power.arrayAreaM2, full.dragDeltaVMPerS], "\(point)")
        }
    }

    /// With inputs that leave the radiators' sink fixed (the radiator's approach, the arrays'
    /// specific power), a study keeps the first point's sink and reports the full evaluation's
    /// sink temperature, net flux and radiator area at every point.
    func testAStudyKeepingTheSinkEqualsFullEvaluations() throws {
        let base = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"))
        let setup = try base.selecting(columns: ["thermal.sink_temperature_k", "thermal.net_flux_w_per_m2", "radiator_area_m2", "cost_per_pflop_hour_usd"])
        let inputs = try ["thermal.radiator_approach_k", "solar.specific_power_w_per_kg"].map { try setup.resolve($0) }
        XCTAssertTrue(OrbitalModel.Memo.fixed(varying: inputs.compactMap { $0.orbital.map(\.writtenBytes) }).contains(.sink))
        let evaluator = StudyEvaluator(setup: setup, inputs: inputs, thermalTransient: false)
        for point in [[10.0, 120], [5, 60], [15, 150], [8, 90]] {
            try evaluator.evaluate(numbers: point)
            let (o, _) = setup.inputs(inputs, values: point.map(ParameterValue.number))
            let full = try OrbitalModel(computesTransient: false).evaluate(try XCTUnwrap(o))
            XCTAssertEqual(evaluator.metrics, [full.sinkTemperatureK, full.netFluxWPerM2, full.radiatorAreaM2, full.costPerPflopHourUsd], "\(point)")
        }
    }
}
