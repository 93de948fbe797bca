import Foundation
import XCTest
@testable import OrbitalCompute
import GSL

/// One copy of each mechanism (issue 11, part 5): the `KEY=VALUE` splitter, the side-prefix
/// resolver, the clamp, the input binding and the documented ranges, each tested once here and
/// shared by `--set`, `--vary`, `--solve`, studies and `compare`.
final class MechanismTests: XCTestCase {
    // MARK: KEY=VALUE

    func testKeyValueSplitsAtTheFirstEqualsSign() throws {
        let pair = try KeyValue.parse(" ground:facility.pue = 1.3=x", flag: "--set", accepted: "e.g. a=1")
        XCTAssertEqual(pair.key, "ground:facility.pue")      // spaces around the key trimmed, prefix kept
        XCTAssertEqual(pair.value, " 1.3=x")                 // the value as written, after the first "="
        XCTAssertEqual(KeyValue(pair.text), KeyValue(key: "ground:facility.pue", value: " 1.3=x"))
        XCTAssertEqual(KeyValue("a=")?.value, "")
    }

    func testKeyValueErrorsNameTheFlagTheFormAndAnExample() throws {
        for text in ["no-equals", "=5", ""] {
            XCTAssertNil(KeyValue(text), text)
            XCTAssertThrowsError(try KeyValue.parse(text, flag: "--vary", expected: "KEY=DISTRIBUTION", accepted: "uniform(a,b)")) { error in
                XCTAssertEqual(error as? ScenarioError, ScenarioError(file: "--vary", key: text, "expected KEY=DISTRIBUTION", accepted: "uniform(a,b)"))
            }
        }
        // Every flag goes through it, with its own form in the message.
        var scenario = try Scenario(kind: .orbital)
        XCTAssertThrowsError(try scenario.apply(override: "orbit.altitude_km")) { XCTAssertTrue("\($0)".contains("--set: orbit.altitude_km: expected KEY=VALUE"), "\($0)") }
        let setup = try? StudySetup(primary: Scenario(kind: .orbital), ground: .colossus1)
        XCTAssertThrowsError(try SweepAxis.parse("launch.cost_per_kg_usd", setup: setup!)) { XCTAssertTrue("\($0)".contains("expected KEY=LO:HI:N[:log] or KEY=a,b,c"), "\($0)") }
        XCTAssertThrowsError(try setup!.uncertainInputs(vary: ["launch.cost_per_kg_usd"])) { XCTAssertTrue("\($0)".contains("expected KEY=DISTRIBUTION"), "\($0)") }
    }

    // MARK: Sides

    func testSidePrefixesSplitOnce() {
        XCTAssertEqual(Side.split("ground:facility.pue").side, .ground)
        XCTAssertEqual(Side.split("ground:facility.pue").key, "facility.pue")
        XCTAssertEqual(Side.split(" both:finance.discount_rate ").key, "finance.discount_rate")
        XCTAssertNil(Side.split("orbit.altitude_km").side)
        XCTAssertNil(Side.split("groundfacility.pue").side)
    }

    func testTheSideRule() {
        func to(_ side: Side?, _ key: String = "finance.discount_rate", primary: ScenarioKind = .orbital, primaryHas: Bool = true,
                groundHas: Bool = true, hasGround: Bool = true) -> Result<Side.Targets, Side.Refusal> {
            Side.targets(side, key: key, primaryKind: primary, primaryHas: primaryHas, groundHas: groundHas, hasGround: hasGround)
        }
        let primary = Side.Targets(primary: true, ground: false), ground = Side.Targets(primary: false, ground: true), both = Side.Targets(primary: true, ground: true)
        // Unprefixed: the primary if it has the key, else the ground; the same hardware to both.
        XCTAssertEqual(to(nil), .success(primary))
        XCTAssertEqual(to(nil, primaryHas: false), .success(ground))
        XCTAssertEqual(to(nil, "compute.accelerator_price_usd"), .success(both))
        XCTAssertEqual(to(nil, "compute.accelerator_price_usd", groundHas: false, hasGround: false), .success(primary))
        XCTAssertEqual(to(nil, primaryHas: false, groundHas: false), .failure(.neither))
        // Prefixes pick a side, and refuse what that side does not have.
        XCTAssertEqual(to(.orbital, "compute.accelerator_price_usd"), .success(primary))
        XCTAssertEqual(to(.ground, "compute.accelerator_price_usd"), .success(ground))
        XCTAssertEqual(to(.both), .success(both))
        XCTAssertEqual(to(.orbital, primaryHas: false), .failure(.notOrbital))
        XCTAssertEqual(to(.ground, groundHas: false), .failure(.notGround))
        XCTAssertEqual(to(.ground, groundHas: false, hasGround: false), .failure(.noGround))
        XCTAssertEqual(to(.both, groundHas: false), .failure(.notBoth))
        // A lone terrestrial scenario is the ground side.
        XCTAssertEqual(to(.ground, primary: .terrestrial, groundHas: false, hasGround: false), .success(primary))
        XCTAssertEqual(to(.orbital, primary: .terrestrial, groundHas: false, hasGround: false), .failure(.notOrbital))
    }

    /// `--set` and `--vary` follow the same rule: a key written the same way reaches the same sides.
    func testSetAndStudiesResolveAKeyToTheSameSides() throws {
        let setup = try StudySetup(primary: Scenario(kind: .orbital), ground: .colossus1)
        let value = ["compute.accelerator_price_usd": "12345", "finance.discount_rate": "0.0613", "facility.pue": "1.234", "launch.cost_per_kg_usd": "321"]
        for written in ["compute.accelerator_price_usd", "orbital:compute.accelerator_price_usd", "ground:compute.accelerator_price_usd",
                        "both:finance.discount_rate", "finance.discount_rate", "ground:finance.discount_rate", "facility.pue", "launch.cost_per_kg_usd"] {
            let input = try setup.resolve(written)
            var o = try Scenario(kind: .orbital), g: Scenario? = Scenario.colossus1
            try Overrides.apply([written + "=" + value[input.parameterKey]!], primary: &o, ground: &g)
            let key = input.parameterKey
            XCTAssertEqual(o.values[key] != nil, input.orbital != nil, "orbital side of \(written)")
            XCTAssertEqual(g!.values[key] != Scenario.colossus1.values[key], input.terrestrial != nil, "ground side of \(written)")
        }
        var o = try Scenario(kind: .orbital), g: Scenario? = Scenario.colossus1
        XCTAssertThrowsError(try Overrides.apply(["orbital:facility.pue=1.2"], primary: &o, ground: &g)) { XCTAssertTrue("\($0)".contains("applies to none"), "\($0)") }
        XCTAssertThrowsError(try setup.resolve("orbital:facility.pue")) { XCTAssertTrue("\($0)".contains("is not a parameter of the orbital side"), "\($0)") }
        let alone = try StudySetup(primary: Scenario(kind: .orbital))
        XCTAssertThrowsError(try alone.resolve("ground:facility.pue")) { XCTAssertTrue("\($0)".contains("there is no ground side"), "\($0)") }
    }

    // MARK: Clamp

    func testTheClampKeepsValuesAccepted() {
        let open = Bounds.open(0, 1), clamp = open.clamp()
        XCTAssertTrue(open.contains(clamp.apply(-5)))
        XCTAssertTrue(open.contains(clamp.apply(5)))
        XCTAssertEqual(clamp.apply(0.5), 0.5)
        XCTAssertEqual(clamp.apply(-5), 1e-9, accuracy: 1e-15)
        // Far from zero the step is relative to the end, so it is not lost to rounding
        // (1e-9 of the span, 1e-4, is below the spacing of doubles near 1e15).
        let far = Bounds.open(1e15, 1e15 + 1e5)
        XCTAssertTrue(far.contains(far.clamp().apply(0)))
        XCTAssertTrue(far.contains(far.clamp().apply(2e15)))
        XCTAssertEqual(Bounds.closed(1, 10).clamp(integer: true).apply(3.6), 4)
        XCTAssertEqual(Bounds.closed(1, 10).clamp(integer: true).apply(30), 10)
    }

    /// A Monte Carlo input whose draws all lie inside its accepted range is not clamped (the clamp
    /// would change nothing); one whose draws can leave it is, and no draw falls outside.
    func testOnlyDrawsThatCanLeaveTheRangeAreClamped() throws {
        let clamp = Bounds.openClosed(0, 1).clamp()
        XCTAssertTrue(clamp.leavesUnchanged(0.8...0.95))
        XCTAssertFalse(clamp.leavesUnchanged(0.8...1.2))
        XCTAssertFalse(clamp.leavesUnchanged(0...0.5))  // the open end moves 0 inside
        XCTAssertFalse(Bounds.closed(1, 10).clamp(integer: true).leavesUnchanged(2...3))  // whole numbers are rounded
        let setup = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"))
        let inputs = try setup.uncertainInputs(vary: ["compute.utilization=lognormal(0.9, 1)", "finance.lifetime_years=triangular(4, 5, 6)"], useDeclared: false)
        let sampler = MonteCarlo.Sampler(inputs)
        XCTAssertNotNil(sampler.inputs[0].clamp)
        XCTAssertNil(sampler.inputs[1].clamp)
        let rng = try RandomGenerator(seed: 7)
        var x = [0.0, 0.0], above = 0
        for _ in 0..<2_000 {
            sampler.draw(into: &x, rng)
            XCTAssertTrue(x[0] >= 0.01 && x[0] <= 1 && x[1] >= 4 && x[1] <= 6, "\(x)")
            if x[0] == 1 { above += 1 }
        }
        XCTAssertGreaterThan(above, 700)  // P(lognormal(ln 0.9, 1) > 1) ≈ 0.46: those draws are clamped to 1
    }

    func testStudyInputsAndBreakevenClampAlike() throws {
        let setup = try StudySetup(primary: Scenario(kind: .orbital), ground: .colossus1)
        for key in ["thermal.emissivity", "launch.cost_per_kg_usd", "compute.accelerator_count"] {
            let input = try setup.resolve(key)
            let b = try XCTUnwrap(input.bounds)
            let integer: Bool = { if case .integer = input.info.domain { return true } else { return false } }()
            XCTAssertEqual(input.clamper, b.clamp(integer: integer), key)
        }
    }

    // MARK: One input binding

    /// The study binding gives the inputs `Scenario.set` gives, so breakeven and compare's same
    /// window, which use it, give what the slow path gave.
    func testStudyBindingEqualsScenarioSet() throws {
        let setup = try StudySetup(primary: Scenario.resolve("orbital-1gw-dawn-dusk"), ground: .colossus1)
        let inputs = try ["launch.cost_per_kg_usd", "both:finance.deployment_timing", "ground:energy.price_usd_per_mwh"].map { try setup.resolve($0) }
        let values: [ParameterValue] = [.number(321), .text("window"), .number(80)]
        let bound = setup.inputs(inputs, values: values)
        var o = setup.primary, g = try XCTUnwrap(setup.ground)
        try o.set("launch.cost_per_kg_usd", .number(321)); try o.set("finance.deployment_timing", .text("window"))
        try g.set("finance.deployment_timing", .text("window")); try g.set("energy.price_usd_per_mwh", .number(80))
        let model = OrbitalModel()
        XCTAssertEqual(try model.evaluate(XCTUnwrap(bound.orbital)).costPerPflopHourUsd, try model.evaluate(o.orbitalInputs()).costPerPflopHourUsd)
        XCTAssertEqual(try TerrestrialModel.evaluate(XCTUnwrap(bound.terrestrial)).costPerPflopHourUsd, try TerrestrialModel.evaluate(g.terrestrialInputs()).costPerPflopHourUsd)
    }

    /// Breakeven evaluates through the study evaluator: its ratio at the crossing is the
    /// evaluator's, 1 within the solver's tolerance, and its base value is the study's.
    func testBreakevenUsesTheStudyPath() throws {
        let orbital = try Scenario.resolve("orbital-1gw-dawn-dusk")
        let key = "energy.price_usd_per_mwh"
        let b = try Breakeven.solve(orbital: orbital, ground: .colossus1, key: key)
        let crossing = try XCTUnwrap(b.value)
        XCTAssertEqual(b.side, .terrestrial)
        XCTAssertEqual(b.costRatioAtValue, 1, accuracy: 1e-8)
        let setup = try StudySetup(primary: orbital, ground: .colossus1)
        let evaluator = StudyEvaluator(setup: setup, inputs: [try setup.resolve(key)], thermalTransient: false)
        try evaluator.evaluate(numbers: [crossing])
        XCTAssertEqual(evaluator.metrics[setup.metrics.firstIndex(of: "cost_ratio")!], b.costRatioAtValue)
        XCTAssertEqual(b.baseValue, setup.numericBase(of: try setup.resolve(key)))
        XCTAssertEqual(b.baseValue, 67.5)
    }

    // MARK: Documented ranges

    /// Every documented range is data in the parameter table, and both its ends are numbers the
    /// source's prose gives: the prose is never parsed at run time.
    func testDocumentedRangesAreDataThatTheProseStates() {
        var count = 0
        for info in ParameterInfo.all {
            guard let r = info.provenance?.documentedRange else { continue }
            count += 1
            XCTAssertLessThan(r.lowerBound, r.upperBound, info.key)
            XCTAssertTrue(info.domain.isNumeric, info.key)
            let prose = (info.provenance?.range ?? "").replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "")
            let numbers = prose.matches(of: #/-?[0-9]+(\.[0-9]+)?/#).compactMap { Double($0.output.0) }
            XCTAssertTrue(numbers.contains(r.lowerBound) && numbers.contains(r.upperBound), "\(info.key): \(r) not in '\(info.provenance?.range ?? "")'")
        }
        XCTAssertGreaterThanOrEqual(count, 80)
        // The ranges the README's deciding inputs show.
        func range(_ key: String) -> ClosedRange<Double>? { ParameterInfo.all.first { $0.key == key }?.provenance?.documentedRange }
        XCTAssertEqual(range("isl.aperture_diameter_m"), 0.02...0.15)
        XCTAssertEqual(range("network.uplink_bits_per_token"), 16...2000)
        XCTAssertEqual(range("training.gradient_bytes_per_parameter"), 1...4)
        XCTAssertEqual(range("reliability.accelerator_failure_rate_per_year"), 0.06...0.17)
    }

    /// A documented range is used only where it brackets the value and lies in the accepted range.
    func testDocumentedRangeNeedsToBracketTheValue() throws {
        let setup = try StudySetup(primary: Scenario(kind: .orbital), ground: .colossus1)
        let aperture = try setup.resolve("isl.aperture_diameter_m")
        XCTAssertNotNil(SensitivityAnalysis.documentedRange(aperture, base: 0.1))
        XCTAssertNil(SensitivityAnalysis.documentedRange(aperture, base: 0.5))
        XCTAssertNil(SensitivityAnalysis.documentedRange(try setup.resolve("training.model_parameters"), base: 4.05e11))
    }

    // MARK: One tornado

    /// `compare`'s deciding inputs are the widest bars of the sensitivity tornado; handing the
    /// analysis in (as the report does) gives the same comparison without running it again.
    func testComparisonReusesAGivenSensitivityAnalysis() throws {
        let orbital = try Scenario.resolve("orbital-1gw-dawn-dusk")
        let setup = try StudySetup(primary: orbital, ground: .colossus1)
        let study = try SensitivityAnalysis.run(setup: setup, uncertain: try setup.uncertainInputs(), samples: 8, jobs: 2)
        let given = try Comparison.make(orbital: orbital, ground: .colossus1, sensitivity: study)
        let own = try Comparison.make(orbital: orbital, ground: .colossus1)
        XCTAssertEqual(given.deciding.map(\.key), own.deciding.map(\.key))
        XCTAssertEqual(given.deciding.map(\.ratioAtLow), own.deciding.map(\.ratioAtLow))
        XCTAssertEqual(given.deciding.map(\.key), study.bars.prefix(6).map { StudySetup.sideAndKey(column: $0.key).1 })
    }
}
