import XCTest
@testable import OrbitalCompute

/// Orbit geometry and eclipses against the checks in shared/reference/DATA.md and Vallado (2013).
final class OrbitGeometryTests: XCTestCase {
    func testPeriodAt550Km() {
        // DATA.md: a 550 km orbit lasts 95.65 min (Kepler, μ = 398600.4418 km³/s², R = 6378.137 km).
        XCTAssertEqual(OrbitGeometry.period(altitude: 550_000) / 60, 95.65, accuracy: 0.01)
    }

    func testEclipseFractionAt550KmBetaZero() {
        // DATA.md: 550 km, β = 0, cylindrical shadow: 0.372 of the orbit.
        XCTAssertEqual(OrbitGeometry.eclipseFractionCylindrical(altitude: 550_000, beta: 0), 0.372, accuracy: 0.0005)
    }

    func testSunSynchronousInclinationAt650Km() throws {
        // DATA.md: dawn-dusk SSO at 650 km, i ≈ 97.99°. Vallado ex. 9-? gives 97.98–98.0° for 650 km.
        XCTAssertEqual(try OrbitGeometry.sunSynchronousInclination(altitude: 650_000) / Constants.degree, 97.99, accuracy: 0.02)
    }

    func testNoSunSynchronousOrbitAboveAbout6000Km() {
        XCTAssertThrowsError(try OrbitGeometry.sunSynchronousInclination(altitude: 7_000_000))
    }

    func testCriticalBetaAt650Km() {
        // asin(6378.137 / 7028.137) = 65.17°: no eclipse above this beta.
        XCTAssertEqual(OrbitGeometry.criticalBeta(altitude: 650_000) / Constants.degree, 65.17, accuracy: 0.01)
        XCTAssertEqual(OrbitGeometry.eclipseFractionCylindrical(altitude: 650_000, beta: 66 * Constants.degree), 0)
    }

    func testHigherBetaNeverMeansMoreEclipse() {
        // Property: f(β) is non-increasing in |β| for every altitude.
        for h in stride(from: 200_000.0, through: 2_000_000, by: 150_000) {
            var previous = Double.infinity
            for b in stride(from: 0.0, through: 90, by: 0.5) {
                let f = OrbitGeometry.eclipseFractionCylindrical(altitude: h, beta: b * Constants.degree)
                XCTAssertLessThanOrEqual(f, previous + 1e-15, "h = \(h), β = \(b)")
                previous = f
            }
        }
    }

    func testConicalShadowBracketsTheCylinder() {
        // The umbra is narrower than the cylinder and the penumbra edge wider (Vallado §5.3).
        let h = 550_000.0, d = Constants.astronomicalUnit
        let cylinder = OrbitGeometry.eclipseFractionCylindrical(altitude: h, beta: 0)
        let cone = OrbitGeometry.eclipseFractionConical(altitude: h, beta: 0, sunDistance: d)
        XCTAssertLessThan(cone.umbra, cylinder)
        XCTAssertGreaterThan(cone.umbra + cone.penumbra, cylinder)
        // The refinement is small in LEO: under 1 % of the orbit either way.
        XCTAssertEqual(cone.umbra, cylinder, accuracy: 0.01)
        XCTAssertEqual(cone.umbra + cone.penumbra / 2, cylinder, accuracy: 0.002)
    }

    func testOrbitBelow160KmIsRejected() {
        XCTAssertThrowsError(try Orbit(altitude: 120_000, plane: .sunSynchronous(ltanHours: 18))) {
            XCTAssertEqual(($0 as? ModelError)?.key, "orbit.altitude_km")
        }
        XCTAssertThrowsError(try Orbit(altitude: -7_000_000, plane: .fixedBeta(0)))
    }
}

final class SunPositionTests: XCTestCase {
    func testPerihelionAndAphelionDistances() {
        // Perihelion 2026-01-03 ≈ 0.98330 AU, aphelion 2026-07-06 ≈ 1.01664 AU (USNO / JPL Horizons).
        XCTAssertEqual(SunPosition(daysSinceJ2000: SunPosition.epoch2026 + 2.7).distanceAU, 0.98330, accuracy: 2e-4)
        XCTAssertEqual(SunPosition(daysSinceJ2000: SunPosition.epoch2026 + 185.8).distanceAU, 1.01664, accuracy: 2e-4)
    }

    func testMarchEquinox2026() {
        // USNO: March equinox 2026-03-20 14:46 UT: apparent ecliptic longitude 0°, declination 0°.
        let days = SunPosition.epoch2026 + 78 + (14 + 46.0 / 60) / 24
        let sun = SunPosition(daysSinceJ2000: days)
        let longitude = remainder(sun.eclipticLongitude, 2 * .pi) / Constants.degree
        XCTAssertEqual(longitude, 0, accuracy: 0.02)
        XCTAssertEqual(sun.declination / Constants.degree, 0, accuracy: 0.01)
    }

    func testIrradianceSwing() {
        // DATA.md: 1407.6 W/m² at perihelion, 1316.7 W/m² at aphelion.
        XCTAssertEqual(Constants.solarIrradiance / pow(1 - Constants.earthOrbitEccentricity, 2), 1407.6, accuracy: 0.5)
        XCTAssertEqual(Constants.solarIrradiance / pow(1 + Constants.earthOrbitEccentricity, 2), 1316.7, accuracy: 0.5)
    }
}

final class EclipseYearTests: XCTestCase {
    func testDawnDuskSeasonAt650Km() throws {
        // DATA.md: dawn-dusk SSO (LTAN 18 h) at 650 km: β ≈ 58.6°–90°, ≈ 88 eclipse days centred on
        // the June solstice, longest eclipse ≈ 19.7 min, annual mean shadow ≈ 3.9 %. Our Sun model
        // gives 90.5 days and 4.0 %: within 3 % and 0.2 points (season edges are where |β| = β*
        // and move by a day for 0.1° of beta).
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let year = try EclipseYear(orbit: orbit)
        XCTAssertEqual(year.eclipseDays, 88, accuracy: 3)
        XCTAssertEqual(year.maxDuration / 60, 19.7, accuracy: 0.15)
        XCTAssertEqual(year.meanFraction, 0.039, accuracy: 0.002)
        XCTAssertEqual(year.betaMin / Constants.degree, 58.6, accuracy: 0.2)
        XCTAssertGreaterThan(year.betaMax / Constants.degree, 86)
        // One season, centred within a week of the June solstice (day 171 of 2026).
        XCTAssertEqual(year.seasons.count, 1)
        let centre = (year.seasons[0].lowerBound + year.seasons[0].upperBound) / 2 / 86_400
        XCTAssertEqual(centre, 171, accuracy: 7)
        // "Always in the sun" is false.
        XCTAssertGreaterThan(year.maxFraction, 0.15)
    }

    func testSeasonEdgesAreRootsOfBetaEqualsCritical() throws {
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let year = try EclipseYear(orbit: orbit)
        for edge in [year.seasons[0].lowerBound, year.seasons[0].upperBound] {
            XCTAssertEqual(abs(orbit.beta(at: edge)), orbit.criticalBeta, accuracy: 1e-7)
        }
    }

    func testMeanEqualsTheSampledAverage() throws {
        // Independent check of the quadrature: a fine Riemann sum over the year.
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let year = try EclipseYear(orbit: orbit)
        let n = 20_000
        let sum = (0..<n).reduce(0.0) { $0 + orbit.eclipseFraction(at: (Double($1) + 0.5) * Constants.tropicalYear / Double(n)) }
        XCTAssertEqual(year.meanFraction, sum / Double(n), accuracy: 2e-5)
    }

    func testNoonMidnightOrbitIsEclipsedAllYear() throws {
        // LTAN 12 h: β stays near 0 ± 23.4° + inclination effects, every orbit is eclipsed.
        let year = try EclipseYear(orbit: Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 12)))
        XCTAssertEqual(year.eclipseDays, 365.24, accuracy: 0.01)
        XCTAssertGreaterThan(year.meanFraction, 0.3)
    }

    func testFixedBetaIsConstant() throws {
        let year = try EclipseYear(orbit: Orbit(altitude: 550_000, plane: .fixedBeta(0)))
        XCTAssertEqual(year.meanFraction, 0.3723, accuracy: 1e-4)
        XCTAssertEqual(year.maxDuration / 60, 0.3723 * 95.65, accuracy: 0.02)
    }

    func testInclinedOrbitPrecesses() throws {
        // ISS-like 51.6° at 420 km: the node regresses ≈ 5.0°/day (Vallado eq. 9-41), so beta
        // sweeps its full range several times a year and there are eclipse-free spells.
        let orbit = try Orbit(altitude: 420_000, plane: .inclined(inclination: 51.6 * Constants.degree, raan: 0))
        XCTAssertEqual(orbit.nodeRate / Constants.degree * 86_400, -5.0, accuracy: 0.1)
        let year = try EclipseYear(orbit: orbit)
        XCTAssertGreaterThanOrEqual(year.seasons.count, 2)
        XCTAssertGreaterThan(year.betaMax / Constants.degree, 70)
    }
}
