import XCTest
@testable import OrbitalCompute

final class RadiatorSteadyTests: XCTestCase {
    let ideal = try! Radiator.Surface(emissivity: 0.9, solarAbsorptivity: 0.2, finEfficiency: 1)
    var twoSidedDeepSpace: [Radiator.Face] { Radiator.faces(sides: 2, orientation: .edgeOn, altitude: nil, solarIncidence: 0) }

    func testIdealTwoSidedAreasPerMegawatt() throws {
        // DATA.md: ideal two-sided plate, ε = 0.9, no environment: 1210 m²/MW at 300 K,
        // 826 at 330 K, 653 at 350 K (A = Q / (2 ε σ T⁴)).
        for (t, expected) in [(300.0, 1210.0), (330.0, 826.0), (350.0, 653.0)] {
            let a = try Radiator.area(heat: 1e6, temperature: t, faces: twoSidedDeepSpace, surface: ideal, environment: .deepSpace)
            XCTAssertEqual(a, expected, accuracy: 1, "T = \(t)")
        }
    }

    func testViewFactorsAt650Km() {
        // DATA.md: edge-on plate at 650 km ≈ 0.241, nadir-facing 0.824.
        XCTAssertEqual(Radiator.viewFactorEdgeOn(altitude: 650_000), 0.241, accuracy: 0.0005)
        XCTAssertEqual(Radiator.viewFactorNadir(altitude: 650_000), 0.824, accuracy: 0.0005)
    }

    func testViewFactorLimits() {
        // Far from the Earth both go to zero; the edge-on one is always the smaller (Gilmore table 2.5).
        XCTAssertLessThan(Radiator.viewFactorEdgeOn(altitude: 35_786_000), 0.01)
        for h in stride(from: 200_000.0, through: 5_000_000, by: 400_000) {
            XCTAssertLessThan(Radiator.viewFactorEdgeOn(altitude: h), Radiator.viewFactorNadir(altitude: h))
        }
    }

    func testStarcloudNetFlux() throws {
        // Starcloud white paper (2024): a two-sided plate at 20 °C with ε = 0.92 rejects 633 W/m² net,
        // after 123 W/m² of absorbed sunlight and 14 W/m² of Earth IR. 2·0.92·σ·293.15⁴ = 770.6 W/m².
        let surface = try Radiator.Surface(emissivity: 0.92, solarAbsorptivity: 1, finEfficiency: 1)
        let sun = 123.0 / Constants.solarIrradiance
        let earthIR = 14.0 / 0.92       // so that ε F q_IR = 14 W/m² with F = 1 on one face
        let faces = [Radiator.Face(earthViewFactor: 1, solarIncidence: 0), Radiator.Face(earthViewFactor: 0, solarIncidence: sun)]
        let environment = Radiator.Environment(earthIR: earthIR, albedo: 0, solarIrradiance: Constants.solarIrradiance, albedoIllumination: 0)
        let q = Radiator.netFlux(temperature: 293.15, faces: faces, surface: surface, environment: environment)
        XCTAssertEqual(q, 633, accuracy: 1.5)
    }

    func testInverseSolvesTheForwardProblem() throws {
        let faces = Radiator.faces(sides: 2, orientation: .edgeOn, altitude: 650_000, solarIncidence: 0)
        let surface = try Radiator.Surface(emissivity: 0.9, solarAbsorptivity: 0.2, finEfficiency: 0.9)
        let environment = Radiator.Environment(earthIR: 239, albedo: 0.3, solarIrradiance: 1361, albedoIllumination: 0.1)
        for t in [280.0, 330.0, 400.0] {
            let a = try Radiator.area(heat: 5e5, temperature: t, faces: faces, surface: surface, environment: environment)
            XCTAssertEqual(try Radiator.temperature(heat: 5e5, area: a, faces: faces, surface: surface, environment: environment), t, accuracy: 1e-6)
        }
    }

    func testHotterRadiatorNeverNeedsMoreArea() throws {
        let faces = Radiator.faces(sides: 2, orientation: .nadir, altitude: 650_000, solarIncidence: 0)
        let surface = try Radiator.Surface(emissivity: 0.9, solarAbsorptivity: 0.2, finEfficiency: 0.9)
        let environment = Radiator.Environment(earthIR: 239, albedo: 0.3, solarIrradiance: 1361, albedoIllumination: 0.3)
        var previous = Double.infinity
        for t in stride(from: 260.0, through: 450, by: 5) {
            let a = try Radiator.area(heat: 1e6, temperature: t, faces: faces, surface: surface, environment: environment)
            XCTAssertLessThan(a, previous)
            previous = a
        }
    }

    func testEarthLoadingCostsArea() throws {
        // Edge-on at 650 km needs more area than deep space, nadir-facing (two-sided) more still.
        let s = try Radiator.Surface(emissivity: 0.9, solarAbsorptivity: 0.2, finEfficiency: 1)
        let env = Radiator.Environment(earthIR: 239, albedo: 0.3, solarIrradiance: 1361, albedoIllumination: 0.3)
        let space = try Radiator.area(heat: 1e6, temperature: 300, faces: twoSidedDeepSpace, surface: s, environment: .deepSpace)
        let edge = try Radiator.area(heat: 1e6, temperature: 300, faces: Radiator.faces(sides: 2, orientation: .edgeOn, altitude: 650_000, solarIncidence: 0), surface: s, environment: env)
        let nadir = try Radiator.area(heat: 1e6, temperature: 300, faces: Radiator.faces(sides: 2, orientation: .nadir, altitude: 650_000, solarIncidence: 0), surface: s, environment: env)
        XCTAssertLessThan(space, edge)
        XCTAssertLessThan(edge, nadir)
    }

    func testRadiatorColderThanItsSinkIsAnError() throws {
        let faces = Radiator.faces(sides: 1, orientation: .nadir, altitude: 650_000, solarIncidence: 1)
        let surface = try Radiator.Surface(emissivity: 0.9, solarAbsorptivity: 0.9, finEfficiency: 1)
        let env = Radiator.Environment(earthIR: 239, albedo: 0.3, solarIrradiance: 1361, albedoIllumination: 0.3)
        XCTAssertThrowsError(try Radiator.area(heat: 1e6, temperature: 250, faces: faces, surface: surface, environment: env)) {
            XCTAssertTrue("\($0)".contains("sink temperature"), "\($0)")
        }
    }

    func testEmissivityOutsideUnitIntervalIsAnError() {
        XCTAssertThrowsError(try Radiator.Surface(emissivity: 0, solarAbsorptivity: 0.2, finEfficiency: 1))
        XCTAssertThrowsError(try Radiator.Surface(emissivity: 1.2, solarAbsorptivity: 0.2, finEfficiency: 1))
    }
}

final class RadiatorTransientTests: XCTestCase {
    func inputs(capacity: Double, eclipse: Double, heatEclipse: Double) throws -> RadiatorTransient.Inputs {
        RadiatorTransient.Inputs(heatCapacity: capacity, area: 100,
                                 faces: Radiator.faces(sides: 2, orientation: .edgeOn, altitude: 650_000, solarIncidence: 0),
                                 surface: try Radiator.Surface(emissivity: 0.9, solarAbsorptivity: 0.2, finEfficiency: 0.9),
                                 environment: Radiator.Environment(earthIR: 239, albedo: 0.3, solarIrradiance: 1361, albedoIllumination: 1),
                                 period: 5_864, eclipseFraction: eclipse, beta: 60 * Constants.degree, heatSunlit: 80_000, heatEclipse: heatEclipse)
    }

    func testConstantLoadConvergesToTheSteadyRoot() throws {
        // No eclipse, no albedo variation (β = 90°): the periodic solution is the steady state.
        var p = try inputs(capacity: 1e6, eclipse: 0, heatEclipse: 80_000)
        p.beta = 90 * Constants.degree
        let result = try RadiatorTransient.periodic(p)
        let env = Radiator.Environment(earthIR: 239, albedo: 0.3, solarIrradiance: 1361, albedoIllumination: 0)
        let steady = try Radiator.temperature(heat: 80_000, area: 100, faces: p.faces, surface: p.surface, environment: env)
        XCTAssertEqual(result.minimum, steady, accuracy: 1e-4)
        XCTAssertEqual(result.maximum, steady, accuracy: 1e-4)
    }

    func testPeriodicSolutionRepeats() throws {
        let p = try inputs(capacity: 5e5, eclipse: 0.3, heatEclipse: 5_000)
        let result = try RadiatorTransient.periodic(p)
        XCTAssertEqual(result.profile.last!.1, result.atEclipseExit, accuracy: 1e-5)
        XCTAssertEqual(result.profile.last!.0, 5_864, accuracy: 1e-6)
        XCTAssertGreaterThan(result.maximum - result.minimum, 1)
    }

    func testMoreHeatCapacityGivesASmallerSwing() throws {
        var previous = Double.infinity
        for c in [1e5, 3e5, 1e6, 3e6, 1e7] {
            let r = try RadiatorTransient.periodic(inputs(capacity: c, eclipse: 0.3, heatEclipse: 5_000))
            let swing = r.maximum - r.minimum
            XCTAssertLessThan(swing, previous)
            previous = swing
        }
    }

    func testSwingBoundedByTheSteadyExtremes() throws {
        // The periodic orbit stays between the steady temperatures of eclipse and full sunlight.
        let p = try inputs(capacity: 2e5, eclipse: 0.35, heatEclipse: 0)
        let r = try RadiatorTransient.periodic(p)
        let cold = try Radiator.temperature(heat: 0 + 1e-9, area: 100, faces: p.faces, surface: p.surface,
                                            environment: Radiator.Environment(earthIR: 239, albedo: 0, solarIrradiance: 0, albedoIllumination: 0))
        XCTAssertGreaterThan(r.minimum, cold)
        XCTAssertLessThan(r.maximum, 400)
    }
}
