import XCTest
@testable import OrbitalCompute

/// Typed choices (issue 11): every option of every choice key gives the same result whether it
/// is chosen in a YAML file, with `--set`, or through the Swift API's enum; a misspelling is
/// rejected at the boundary with the accepted list, and cannot be written through the API.
final class ChoiceTests: XCTestCase {
    /// One typed setter per option of each orbital choice key (the Swift API's way to choose).
    static let orbitalSetters: [(key: String, options: [(String, (inout OrbitalInputs) -> Void)])] = [
        ("reliability.strategy", [Reliability.Strategy.overprovision, .degrade].map { c in (c.rawValue, { $0.reliability.strategy = c }) }),
        ("reliability.spares", Reliability.Spares.allCases.map { c in (c.rawValue, { $0.reliability.spares = c }) }),
        ("finance.deployment_timing", DeploymentTiming.Convention.allCases.map { c in (c.rawValue, { $0.finance.deploymentTiming = c }) }),
        ("finance.cost_boundary", CostBoundary.allCases.map { c in (c.rawValue, { $0.finance.costBoundary = c }) }),
        ("orbit.shadow_model", Orbit.ShadowModel.allCases.map { c in (c.rawValue, { $0.orbit.shadowModel = c }) }),
        ("solar.sizing", SolarArray.Sizing.allCases.map { c in (c.rawValue, { $0.solar.sizing = c }) }),
        ("power.eclipse_strategy", Battery.EclipseStrategy.allCases.map { c in (c.rawValue, { $0.power.eclipseStrategy = c }) }),
        ("thermal.orientation", Radiator.Orientation.allCases.map { c in (c.rawValue, { $0.thermal.orientation = c }) }),
        ("network.workload", Workload.allCases.map { c in (c.rawValue, { $0.network.workload = c }) }),
        ("network.relay", Relay.allCases.map { c in (c.rawValue, { $0.network.relay = c }) }),
    ]

    func testEveryOrbitalChoiceGivesOneResultThroughYamlSetAndTheSwiftAPI() throws {
        let model = OrbitalModel()
        for (key, options) in Self.orbitalSetters {
            // The table accepts exactly the enum's options.
            guard case let .choice(accepted)? = ParameterTable.orbital[key]?.domain else { return XCTFail("\(key) is not a choice") }
            XCTAssertEqual(accepted, options.map(\.0), key)
            for (name, set) in options {
                let (section, leaf) = (key.split(separator: ".")[0], key.split(separator: ".")[1])
                let yaml = try Scenario.parse(yaml: "kind: orbital\n\(section):\n  \(leaf): \(name)\n")
                var overridden = try Scenario(kind: .orbital)
                try overridden.apply(override: "\(key)=\(name)")
                var typed = OrbitalInputs.defaults
                set(&typed)
                let viaAPI = try Engine.evaluate(Scenario(kind: .orbital, values: [key: .text(name)]), model: model).report.json()
                XCTAssertEqual(try yaml.orbitalInputs(), typed, "\(key)=\(name) from YAML")
                XCTAssertEqual(try overridden.orbitalInputs(), typed, "\(key)=\(name) from --set")
                XCTAssertEqual(Evaluation.orbital(try model.evaluate(typed)).report.json(), viaAPI, "\(key)=\(name) evaluated")
            }
        }
    }

    func testEveryTerrestrialChoiceGivesOneResult() throws {
        let setters: [(String, [(String, (inout TerrestrialInputs) -> Void)])] = [
            ("energy.source", EnergySource.allCases.map { c in (c.rawValue, { $0.energy.source = c }) }),
            ("finance.cost_boundary", CostBoundary.allCases.map { c in (c.rawValue, { $0.finance.costBoundary = c }) }),
            ("network.workload", Workload.allCases.map { c in (c.rawValue, { $0.training.workload = c }) }),
        ]
        for (key, options) in setters {
            for (name, set) in options {
                var s = try Scenario(kind: .terrestrial)
                try s.apply(override: "\(key)=\(name)")
                var typed = TerrestrialInputs.defaults
                set(&typed)
                XCTAssertEqual(try s.terrestrialInputs(), typed, "\(key)=\(name)")
                XCTAssertEqual(try TerrestrialModel.evaluate(typed).costPerPflopHourUsd, try TerrestrialModel.evaluate(s.terrestrialInputs()).costPerPflopHourUsd)
            }
        }
    }

    /// "nadri" cannot reach the model: YAML and --set reject it naming the key and the options.
    func testAMisspelledChoiceIsRejectedWithTheAcceptedList() throws {
        XCTAssertThrowsError(try Scenario.parse(yaml: "kind: orbital\nthermal:\n  orientation: nadri\n", origin: "x.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("thermal.orientation") && text.contains("edge-on, nadir") && text.contains("x.yaml"), text)
        }
        var s = try Scenario(kind: .orbital)
        XCTAssertThrowsError(try s.apply(override: "power.eclipse_strategy=batery")) { error in
            XCTAssertTrue("\(error)".contains("battery, throttle"), "\(error)")
        }
        // Through the Swift API the field is an enum: the spelling is checked at the boundary.
        XCTAssertNil(Radiator.Orientation(rawValue: "nadri"))
        XCTAssertEqual(Radiator.Orientation.names, ["edge-on", "nadir"])
    }

    /// SI inside: keys in km, °, mm and Wh/kg are stored in m, rad, m and J/kg, and read back as written.
    func testUnitsAreConvertedOnceAtTheBoundaryAndReadBackAsWritten() throws {
        var s = try Scenario(kind: .orbital)
        for text in ["orbit.altitude_km=812.5", "orbit.beta_deg=-63.9", "solar.pointing_error_deg=3.3", "radiation.shield_thickness_mm=2.5",
                     "power.battery_specific_energy_wh_per_kg=210"] { try s.apply(override: text) }
        let x = try s.orbitalInputs()
        XCTAssertEqual(x.orbit.altitude, 812_500)
        XCTAssertEqual(x.orbit.beta, -63.9 * Constants.degree)
        XCTAssertEqual(x.solar.pointingError, 3.3 * Constants.degree)
        XCTAssertEqual(x.radiation.shieldThickness, 2.5e-3, accuracy: 1e-18)
        XCTAssertEqual(x.power.batterySpecificEnergyJPerKg, 210 * 3600)
        // −63.9° is one of the values whose x·(π/180)/(π/180) ≠ x: the table still reads it back as written.
        XCTAssertNotEqual(-63.9 * Constants.degree / Constants.degree, -63.9)
        XCTAssertEqual(ParameterTable.orbital["orbit.beta_deg"]?.value(in: x), .number(-63.9))
        XCTAssertEqual(ParameterTable.orbital["orbit.altitude_km"]?.value(in: x), .number(812.5))
        XCTAssertEqual(ParameterTable.orbital["radiation.shield_thickness_mm"]?.value(in: x), .number(2.5))
    }
}

/// Hot loops write varied inputs as plain stores: every numeric parameter's key path is a chain
/// of stored properties, so its offset is known (no key-path machinery, no allocation, no probing).
final class FieldOffsetTests: XCTestCase {
    func testEveryNumericParameterHasAStoredOffset() {
        for p in ParameterTable.orbital.parameters where p.domain.isNumeric {
            XCTAssertTrue(FieldSetter(p).isStored, "orbital \(p.key)")
        }
        for p in ParameterTable.terrestrial.parameters where p.domain.isNumeric {
            XCTAssertTrue(FieldSetter(p).isStored, "terrestrial \(p.key)")
        }
        // A store at the offset is the same as a write through the table.
        var viaOffset = OrbitalInputs.defaults, viaTable = OrbitalInputs.defaults
        for key in ["compute.utilization", "reliability.accelerator_failure_rate_per_year", "finance.discount_rate", "orbit.altitude_km", "compute.it_power_w"] {
            let p = ParameterTable.orbital[key]!
            FieldSetter(p).set(0.5, in: &viaOffset)
            p.setNumber(0.5, in: &viaTable)
        }
        XCTAssertEqual(viaOffset, viaTable)
    }
}
