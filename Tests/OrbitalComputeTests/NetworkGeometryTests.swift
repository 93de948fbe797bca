import XCTest
@testable import OrbitalCompute

/// Link geometry, sidereal time, propagation and contact windows (MODEL.md §10).
final class NetworkGeometryTests: XCTestCase {
    let deg = Constants.degree

    /// DATA.md (Latency): slant range at 650 km is 650 km at zenith, 952 km at 40°, 1302 km at 25°,
    /// 2045 km at 10°. The figures are rounded to 1 km, so ±0.5 km.
    func testSlantRangeMatchesReferenceData() {
        let cases: [(Double, Double)] = [(90, 650), (40, 952), (25, 1302), (10, 2045)]
        for (elevation, km) in cases {
            let d = LinkGeometry.slantRange(altitude: 650_000, elevation: elevation * deg) / 1000
            XCTAssertEqual(d, km, accuracy: 0.5, "elevation \(elevation)°")
        }
    }

    /// Slant range falls as elevation rises (property), and the law-of-cosines closure holds.
    func testSlantRangeIsMonotoneAndCloses() {
        var last = Double.infinity
        for e in stride(from: 0.0, through: 90, by: 5) {
            let d = LinkGeometry.slantRange(altitude: 650_000, elevation: e * deg)
            XCTAssertLessThan(d, last)
            last = d
            // (R + h)² = R² + d² + 2 R d sin E.
            let r = Constants.earthRadius, a = r + 650_000
            XCTAssertEqual(a * a, r * r + d * d + 2 * r * d * sin(e * deg), accuracy: a * a * 1e-12)
        }
    }

    /// Haversine worked example (Rosetta Code, "Haversine formula" task): Nashville BNA
    /// (36.12, −86.67) to Los Angeles LAX (33.94, −118.40) is 2887.2599506 km on a sphere of
    /// 6372.8 km and 2886.4444428 km on 6371.0 km.
    func testGreatCircleDistanceMatchesPublishedExample() {
        let bna = (latitudeDeg: 36.12, longitudeDeg: -86.67), lax = (latitudeDeg: 33.94, longitudeDeg: -118.40)
        XCTAssertEqual(LinkGeometry.greatCircleDistance(bna, lax, radius: 6_372_800) / 1000, 2887.2599506, accuracy: 1e-6)
        XCTAssertEqual(LinkGeometry.greatCircleDistance(bna, lax, radius: 6_371_000) / 1000, 2886.4444428, accuracy: 1e-6)
        // Symmetric, zero on the diagonal, half the circumference to the antipode.
        XCTAssertEqual(LinkGeometry.greatCircleDistance(lax, bna), LinkGeometry.greatCircleDistance(bna, lax), accuracy: 1e-6)
        XCTAssertEqual(LinkGeometry.greatCircleDistance(bna, bna), 0, accuracy: 1e-9)
        // Near the antipode the haversine is ill-conditioned (h → 1): ≈1e-8 rad, 0.1 m on the Earth.
        XCTAssertEqual(LinkGeometry.greatCircleDistance((10, 20), (-10, -160), radius: 1), .pi, accuracy: 1e-7)
    }

    /// DATA.md (Latency): straight-line fibre RTT from Memphis to New York 15.0 ms and to
    /// Los Angeles 25.2 ms at n_g = 1.468 (rounded to 0.1 ms: ±0.05 ms). A route factor scales
    /// the RTT in proportion.
    func testFibreRoundTripFromMemphis() throws {
        var n = OrbitalInputs.defaults.network
        n.fibreRouteFactor = 1
        let straight = PathSettings(n)
        let memphis = try XCTUnwrap(CityCatalog.named("memphis"))
        for (id, ms) in [("new-york", 15.0), ("los-angeles", 25.2), ("chicago", 7.6), ("ashburn", 11.7), ("san-francisco", 28.4)] {
            let city = try XCTUnwrap(CityCatalog.named(id))
            let rtt = Paths.terrestrialRoundTrip(from: city, toLatitudeDeg: memphis.latitudeDeg, longitudeDeg: memphis.longitudeDeg, straight) * 1000
            XCTAssertEqual(rtt, ms, accuracy: 0.05, id)
            for factor in [1.2, 1.3, 1.5] {
                n.fibreRouteFactor = factor
                let routed = Paths.terrestrialRoundTrip(from: city, toLatitudeDeg: memphis.latitudeDeg, longitudeDeg: memphis.longitudeDeg, PathSettings(n)) * 1000
                XCTAssertEqual(routed, ms * factor, accuracy: 0.05 * factor, "\(id) × \(factor)")
            }
        }
    }

    /// GMST at J2000.0 (2000-01-01 12:00 UT1) is 280.46061837° (IAU 1982); Vallado (2013),
    /// Example 3-5: 1992-08-20 12:14 UT1 (JD 2448855.009722) gives 152.578787810°.
    func testSiderealTime() {
        XCTAssertEqual(LinkGeometry.greenwichSiderealTime(daysSinceJ2000: 0) / deg, 280.46061837, accuracy: 1e-7)
        let days = 2_448_855.009722 - 2_451_545.0
        XCTAssertEqual(LinkGeometry.greenwichSiderealTime(daysSinceJ2000: days) / deg, 152.578787810, accuracy: 1e-4)
    }

    /// A sun-synchronous orbit crosses its ascending node at its LTAN: at t = 0 (node, phase 0) the
    /// sub-satellite point's local mean solar time is 18 h for a dawn-dusk orbit, 10.5 h for LTAN 10:30.
    func testSunSynchronousNodeCrossesAtItsLocalTime() throws {
        for ltan in [18.0, 10.5] {
            let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: ltan))
            let track = ClusterTrack(orbit: orbit)
            let sub = LinkGeometry.subPoint(track.position(at: 0))
            XCTAssertEqual(sub.latitude, 0, accuracy: 1e-12)
            let gmst = LinkGeometry.greenwichSiderealTime(daysSinceJ2000: orbit.epochDays)
            let hourAngle = gmst + sub.longitude - orbit.sun(at: 0).meanLongitude
            var local = (hourAngle / deg / 15 + 12).truncatingRemainder(dividingBy: 24)
            if local < 0 { local += 24 }
            XCTAssertEqual(local, ltan, accuracy: 1e-6)
            // The satellite stays on its circle.
            XCTAssertEqual((track.position(at: 1234) * track.position(at: 1234)).sum().squareRoot(), Constants.earthRadius + 650_000, accuracy: 1e-6)
        }
    }

    /// Closed form: a station on the equator under an equatorial orbit sees every pass for a
    /// central angle of ±λ, λ = acos(R cos E / (R+h)) − E, so over whole synodic periods the
    /// contact fraction is exactly λ/π (SMAD §5.2). At 650 km and 10°, λ = 16.66°: 0.0926.
    func testEquatorialContactFractionMatchesClosedForm() throws {
        let h = 650_000.0
        let orbit = try Orbit(altitude: h, plane: .inclined(inclination: 0, raan: 0))
        let track = ClusterTrack(orbit: orbit)
        // Start with the station at the satellite's antipode, so no pass is cut by the span's ends.
        let sub = LinkGeometry.subPoint(track.position(at: 0))
        var lon = sub.longitude / deg + 180
        if lon > 180 { lon -= 360 }
        let station = GroundStation(id: "equator", name: "equator", operatorName: "test", latitudeDeg: 0, longitudeDeg: lon, provenance: Provenance("test", .high))
        let rate = OrbitGeometry.meanMotion(altitude: h) + orbit.nodeRate - Constants.earthRotationRate
        let synodic = 2 * Double.pi / rate
        for elevation in [0.0, 10, 25] {
            let contact = try ContactAnalysis(track: track, stations: [station], minElevation: elevation * deg, span: 0...(5 * synodic), step: 20)
            let lambda = LinkGeometry.coverageHalfAngle(altitude: h, minElevation: elevation * deg)
            // The GMST polynomial turns at 7.2921158e-5 rad/s, 1e-7 faster than ω⊕: negligible here.
            XCTAssertEqual(contact.contactFraction, lambda / .pi, accuracy: 2e-5, "E = \(elevation)°")
            XCTAssertEqual(contact.stations[0].passCount, 5)
            if elevation == 10 { XCTAssertEqual(lambda / .pi, 0.0926, accuracy: 5e-4) }
        }
    }

    /// Window edges do not depend on the sampling step (they are roots, not samples).
    func testContactEdgesIndependentOfStep() throws {
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let stations = try GroundStationCatalog.stations(inSet: "polar")
        let fine = try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: stations, minElevation: 10 * deg, span: 0...43_200, step: 10)
        let coarse = try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: stations, minElevation: 10 * deg, span: 0...43_200, step: 60)
        XCTAssertEqual(fine.contactFraction, coarse.contactFraction, accuracy: 1e-6)
        XCTAssertEqual(fine.union.count, coarse.union.count)
    }

    /// A higher elevation mask never gives more contact (property).
    func testContactFallsWithElevationMask() throws {
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let stations = try GroundStationCatalog.stations(inSet: "polar-and-gateways")
        var last = 1.0
        for e in [0.0, 5, 10, 20, 40] {
            let c = try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: stations, minElevation: e * deg, span: 0...86_400, step: 30)
            XCTAssertLessThanOrEqual(c.contactFraction, last)
            XCTAssertLessThanOrEqual(c.contactFraction, c.meanStationsInView + 1e-12)
            last = c.contactFraction
        }
    }

    /// SvalSat at 78°N sees a polar sun-synchronous satellite on most of its ≈14.8 daily orbits
    /// (KSAT: "all 14 orbits"); a polar station never sees an equatorial orbit.
    func testPolarStationVisibility() throws {
        let sso = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let svalsat = try XCTUnwrap(GroundStationCatalog.named("svalsat"))
        let c = try ContactAnalysis(track: ClusterTrack(orbit: sso), stations: [svalsat], minElevation: 5 * deg, span: 0...86_400, step: 20)
        XCTAssertGreaterThanOrEqual(c.stations[0].passCount, 12)
        XCTAssertLessThanOrEqual(c.stations[0].passCount, 15)
        let equatorial = try Orbit(altitude: 650_000, plane: .inclined(inclination: 0, raan: 0))
        let none = try ContactAnalysis(track: ClusterTrack(orbit: equatorial), stations: [svalsat], minElevation: 10 * deg, span: 0...86_400, step: 30)
        XCTAssertEqual(none.contactFraction, 0)
        XCTAssertEqual(none.gaps, [86_400])
    }

    /// An empty station list or a mask out of range is an error that names the key.
    func testContactErrors() throws {
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        XCTAssertThrowsError(try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: [], minElevation: 0.1)) { error in
            let e = error as? ScenarioError
            XCTAssertEqual(e?.key, "network.ground_stations")
            XCTAssertTrue(e?.description.contains("empty") ?? false)
        }
        let s = try GroundStationCatalog.stations(inSet: "polar")
        XCTAssertThrowsError(try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: s, minElevation: 95 * deg)) { error in
            XCTAssertEqual((error as? ScenarioError)?.key, "network.min_elevation_deg")
        }
    }
}
