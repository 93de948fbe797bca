import XCTest
@testable import OrbitalCompute

final class ScenarioTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func error(_ yaml: String) -> ScenarioError? {
        do { _ = try Scenario.parse(yaml: yaml, origin: "test.yaml"); return nil } catch { return error as? ScenarioError }
    }

    func testMinimalFileTakesDefaults() throws {
        let s = try Scenario.parse(yaml: "kind: orbital\n")
        XCTAssertEqual(try s.orbitalInputs(), OrbitalInputs.defaults)
        XCTAssertEqual(OrbitalInputs.defaults.orbit.altitude, 650_000)
    }

    func testUnknownKeyNamesFileLineAndKey() throws {
        let e = try XCTUnwrap(error("kind: orbital\norbit:\n  altitude: 650\n"))
        XCTAssertEqual(e.file, "test.yaml")
        XCTAssertEqual(e.key, "orbit.altitude")
        XCTAssertEqual(e.line, 3)
        XCTAssertTrue(e.description.contains("did you mean orbit.altitude_km"), e.description)
    }

    func testOutOfRangeNamesTheAcceptedRange() throws {
        let e = try XCTUnwrap(error("kind: orbital\nthermal:\n  emissivity: 1.5\n"))
        XCTAssertEqual(e.key, "thermal.emissivity")
        XCTAssertEqual(e.accepted, "[0.01, 1]")
    }

    func testWrongTypeIsAnError() throws {
        XCTAssertEqual(try XCTUnwrap(error("kind: orbital\norbit:\n  altitude_km: high\n")).message, "expected a number, got 'high'")
        XCTAssertEqual(try XCTUnwrap(error("kind: orbital\norbit:\n  altitude_km: \"650\"\n")).key, "orbit.altitude_km")
        XCTAssertNotNil(error("kind: orbital\nthermal:\n  orientation: 3\n"))
        XCTAssertNotNil(error("kind: orbital\nthermal:\n  sides: 1.5\n"))
        XCTAssertNotNil(error("kind: orbital\norbit:\n  altitude_km: [1, 2]\n"))
        XCTAssertNotNil(error("kind: orbital\norbit:\n  altitude_km:\n"))
    }

    func testMissingOrUnknownKind() throws {
        XCTAssertEqual(try XCTUnwrap(error("orbit:\n  altitude_km: 650\n")).key, "kind")
        XCTAssertEqual(try XCTUnwrap(error("kind: lunar\n")).accepted, "orbital, terrestrial")
    }

    func testMalformedYAML() throws {
        let e = try XCTUnwrap(error("kind: orbital\norbit: [\n"))
        XCTAssertTrue(e.message.hasPrefix("malformed YAML"), e.message)
        XCTAssertNotNil(error("- just\n- a list\n"))
    }

    func testMissingFile() {
        XCTAssertThrowsError(try Scenario.load(path: "/nonexistent/x.yaml")) {
            XCTAssertEqual(($0 as? ScenarioError)?.message, "no such file")
        }
    }

    func testKeyOfTheOtherKind() throws {
        let e = try XCTUnwrap(error("kind: terrestrial\norbit:\n  altitude_km: 650\n"))
        XCTAssertTrue(e.message.contains("not a parameter of a terrestrial scenario"))
    }

    func testExclusiveKeys() throws {
        XCTAssertNotNil(error("kind: orbital\ncompute:\n  it_power_w: 1e9\n  accelerator_count: 1000\n"))
        XCTAssertNotNil(error("kind: orbital\norbit:\n  sso_ltan_h: 18\n  inclination_deg: 53\n"))
    }

    func testOrbitKeysThatWouldBeIgnoredAreErrors() throws {
        XCTAssertNotNil(error("kind: orbital\norbit:\n  beta_deg: 30\n  inclination_deg: 53\n"))
        XCTAssertNotNil(error("kind: orbital\norbit:\n  beta_deg: 30\n  sso_ltan_h: 18\n"))
        XCTAssertEqual(try XCTUnwrap(error("kind: orbital\norbit:\n  raan_deg: 40\n")).key, "orbit.raan_deg")
        XCTAssertNil(error("kind: orbital\norbit:\n  raan_deg: 40\n  inclination_deg: 53\n"))
    }

    func testUncertaintyIsCheckedOnLoad() throws {
        let e = try XCTUnwrap(error("kind: orbital\nuncertainty:\n  launch.cost_per_kg_usd: lognormal(500)\n"))
        XCTAssertEqual(e.key, "uncertainty.launch.cost_per_kg_usd")
        XCTAssertNotNil(error("kind: orbital\nuncertainty:\n  launch.cost_per_kg_usd: gaussian(500, 10)\n"))
        XCTAssertNil(error("kind: orbital\nuncertainty:\n  launch.cost_per_kg_usd: lognormal(500, 0.5)\n"))
    }

    func testOverrides() throws {
        var s = try Scenario.parse(yaml: "kind: orbital\n")
        try s.apply(override: "orbit.altitude_km=800")
        try s.apply(override: "thermal.orientation=nadir")
        XCTAssertEqual(try s.orbitalInputs().orbit.altitude, 800_000)
        XCTAssertEqual(try s.orbitalInputs().thermal.orientation, .nadir)
        XCTAssertThrowsError(try s.apply(override: "orbit.altitude_km")) { XCTAssertEqual(($0 as? ScenarioError)?.file, "--set") }
        XCTAssertThrowsError(try s.apply(override: "orbit.altitude_km=10"))
        XCTAssertThrowsError(try s.apply(override: "nope=1"))
        XCTAssertThrowsError(try s.apply(override: "orbit.altitude_km=nan"))
    }

    func testShippedScenariosLoadAndMatchTheBuiltIn() throws {
        let colossus = try Scenario.load(path: Self.root.appendingPathComponent("Models/colossus-1.yaml").path)
        XCTAssertEqual(colossus.values, Scenario.colossus1.values)
        XCTAssertEqual(colossus.summary, Scenario.colossus1.summary)
        let orbital = try Scenario.load(path: Self.root.appendingPathComponent("Models/orbital-1gw-dawn-dusk.yaml").path)
        XCTAssertEqual(orbital.kind, .orbital)
        XCTAssertEqual(try orbital.orbitalInputs().compute.itPowerW, 1e9)
    }

    func testEveryDefaultIsAcceptedAndSourced() {
        for p in ParameterInfo.all {
            if let v = p.defaultValue {
                XCTAssertNil(p.rejection(of: v), "\(p.key) default \(v) is outside its own range")
                XCTAssertNotNil(p.provenance, "\(p.key) has a default without a source")
                XCTAssertNotNil(p.provenance?.year, "\(p.key): its source has no year")
            } else {
                XCTAssertNotNil(p.derivation, "\(p.key) is optional but does not say how it is derived")
            }
            XCTAssertFalse(p.description.isEmpty, p.key)
        }
    }

    func testKeysFollowTheNamingConvention() {
        // snake_case with dots between sections.
        for p in ParameterInfo.all {
            XCTAssertNotNil(p.key.range(of: "^[a-z]+(\\.[a-z0-9_]+)+$", options: .regularExpression), p.key)
        }
    }
}
