import XCTest
@testable import OrbitalCompute

/// Paths, RTT distributions, capacity and the network factor in evaluate (MODEL.md §10).
final class NetworkLatencyTests: XCTestCase {
    let deg = Constants.degree

    /// Ranks with "no path" last: a percentile is nil when the path is missing more often than
    /// its rank allows.
    func testRTTStatisticsKeepNoPath() {
        let s = RTTStatistics(samples: [0.003, 0.001, nil, 0.002])
        XCTAssertEqual(s.p50, 0.002)
        XCTAssertNil(s.p90)
        XCTAssertNil(s.max)
        XCTAssertEqual(s.min, 0.001)
        XCTAssertEqual(s.connectedMedian, 0.002)
        XCTAssertEqual(s.noPathFraction, 0.25)
        let none = RTTStatistics(samples: [nil, nil])
        XCTAssertNil(none.p50); XCTAssertNil(none.min); XCTAssertEqual(none.noPathFraction, 1)
        XCTAssertEqual(none.report["rtt_p50_ms"], .null)
        let all = RTTStatistics(samples: (1...100).map { Double($0) })
        XCTAssertEqual(all.p50, 50); XCTAssertEqual(all.p90, 90); XCTAssertEqual(all.p99, 99); XCTAssertEqual(all.max, 100)
    }

    /// The relay path: directly under the cluster it is the uplink at the serving elevation plus the
    /// climb from the relay shell; it grows with distance at (R + h_r) · stretch per radian.
    func testRelayRoundTrip() throws {
        let s = PathSettings(OrbitalInputs.defaults.network)
        let up = LinkGeometry.slantRange(altitude: 550_000, elevation: 40 * deg)
        let near = try XCTUnwrap(Paths.relayRoundTrip(centralAngle: 0, clusterAltitude: 650_000, s))
        XCTAssertEqual(near, 2 * (up + 100_000) / Constants.speedOfLight, accuracy: 1e-12)
        let reach = LinkGeometry.coverageHalfAngle(altitude: 550_000, minElevation: 40 * deg)
        let far = try XCTUnwrap(Paths.relayRoundTrip(centralAngle: reach + 0.5, clusterAltitude: 650_000, s))
        XCTAssertEqual(far - near, 2 * (Constants.earthRadius + 550_000) * 0.5 * 1.27 / Constants.speedOfLight, accuracy: 1e-12)
        var n = OrbitalInputs.defaults.network
        n.relay = Relay.none
        XCTAssertNil(Paths.relayRoundTrip(centralAngle: 0, clusterAltitude: 650_000, PathSettings(n)))
    }

    /// Antarctic stations without fibre add one geostationary hop each way: 4 × 35,786 km / c = 477 ms.
    func testGeostationaryBackhaul() throws {
        let s = PathSettings(OrbitalInputs.defaults.network)
        let user = try XCTUnwrap(CityCatalog.named("london"))
        var troll = try XCTUnwrap(GroundStationCatalog.named("trollsat"))
        let withGeo = Paths.stationRoundTrip(from: user, via: troll, s)
        troll.backhaul = .fibre
        XCTAssertEqual((withGeo - Paths.stationRoundTrip(from: user, via: troll, s)) * 1000, 477.5, accuracy: 0.1)
    }

    /// No ground station in view → the ground path reports no path (nil / JSON null), not a number;
    /// without a relay the best path has none either.
    func testNoStationInViewMeansNoPath() throws {
        let equatorial = try Orbit(altitude: 650_000, plane: .inclined(inclination: 0, raan: 0))
        var n = OrbitalInputs.defaults.network
        n.relay = Relay.none
        let svalsat = try XCTUnwrap(GroundStationCatalog.named("svalsat"))
        let a = try LatencyAnalysis(scenarioName: "t", orbit: equatorial, network: n, users: [CityCatalog.all[0]], stations: [svalsat], span: 0...21_600, step: 60)
        let u = a.users[0]
        XCTAssertEqual(u.ground.noPathFraction, 1)
        XCTAssertNil(u.ground.p50); XCTAssertNil(u.ground.max)
        XCTAssertNil(u.relay)
        XCTAssertNil(u.best.p50)
        XCTAssertGreaterThan(u.terrestrial, 0)
        XCTAssertTrue(a.report.json().contains("\"rtt_ground_path_p50_ms\": null"))
        // With the relay the same user always has a path.
        n.relay = .starlinkLike
        let b = try LatencyAnalysis(scenarioName: "t", orbit: equatorial, network: n, users: [CityCatalog.all[0]], stations: [svalsat], span: 0...21_600, step: 60)
        XCTAssertEqual(b.users[0].best.noPathFraction, 0)
        XCTAssertNotNil(b.users[0].best.max)
    }

    /// Through a station in view the RTT is at least the fibre to that station plus twice the
    /// cluster's altitude over c, and never below the straight fibre RTT to the nearest station.
    func testGroundPathBounds() throws {
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let n = OrbitalInputs.defaults.network
        let user = try XCTUnwrap(CityCatalog.named("new-york"))
        let a = try LatencyAnalysis(scenarioName: "t", orbit: orbit, network: n, users: [user], span: 0...86_400, step: 30)
        let s = PathSettings(n)
        let floor = a.contact.stations.map { Paths.stationRoundTrip(from: user, via: $0.station, s) }.min()! + 2 * 650_000 / Constants.speedOfLight
        let g = a.users[0].ground
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(g.min), floor - 1e-12)
        XCTAssertGreaterThan(g.noPathFraction, 0)
        XCTAssertLessThan(g.noPathFraction, 1)
        XCTAssertEqual(g.noPathFraction, 1 - a.contact.contactFraction, accuracy: 0.01)
        // Best is never worse than either path.
        XCTAssertLessThanOrEqual(try XCTUnwrap(a.users[0].best.p50), try XCTUnwrap(a.users[0].relay?.p50) + 1e-12)
    }

    /// Coordinates out of range and malformed locations name the flag, the coordinate and the range.
    func testUserLocationErrors() throws {
        XCTAssertEqual(try UserLocation.parse("40.71,-74.01").latitudeDeg, 40.71)
        XCTAssertEqual(try UserLocation.parse("tokyo").id, "tokyo")
        for (text, key, accepted) in [("95,10", "latitude", "[-90, 90] degrees"), ("10,200", "longitude", "[-180, 180] degrees")] {
            XCTAssertThrowsError(try UserLocation.parse(text)) { error in
                let e = error as? ScenarioError
                XCTAssertEqual(e?.file, "--from"); XCTAssertEqual(e?.key, key); XCTAssertEqual(e?.accepted, accepted)
            }
        }
        XCTAssertThrowsError(try UserLocation.parse("north")) { XCTAssertEqual(($0 as? ScenarioError)?.file, "--from") }
        XCTAssertThrowsError(try GroundStationCatalog.stations(fromList: " , ")) { error in
            XCTAssertEqual((error as? ScenarioError)?.file, "--stations")
            XCTAssertTrue("\(error)".contains("empty"))
        }
        XCTAssertThrowsError(try GroundStationCatalog.stations(fromList: "svalsat,atlantis")) { XCTAssertEqual(($0 as? ScenarioError)?.key, "atlantis") }
    }

    /// Catalog consistency: coordinates in range, unique ids, sets refer to known stations.
    func testCatalogs() throws {
        XCTAssertEqual(Set(GroundStationCatalog.all.map(\.id)).count, GroundStationCatalog.all.count)
        for s in GroundStationCatalog.all {
            XCTAssertNoThrow(try UserLocation.checkCoordinates(latitudeDeg: s.latitudeDeg, longitudeDeg: s.longitudeDeg, latitudeKey: "lat", longitudeKey: "lon"))
        }
        for set in GroundStationCatalog.sets { XCTAssertEqual(try GroundStationCatalog.stations(inSet: set.name).count, set.ids.count) }
        XCTAssertEqual(Set(CityCatalog.all.map(\.id)).count, CityCatalog.all.count)
        // Every network default carries a provenance.
        for p in ParameterTable.orbital.parameters where p.key.hasPrefix("network.") {
            XCTAssertNotNil(p.provenance, p.key)
        }
    }

    /// Capacity arithmetic: C = N̄ · n_term · R · A + n_relay · R_opt; demand = F · MFU / (kN) · bits.
    func testCapacityArithmetic() {
        var n = OrbitalInputs.defaults.network
        let c = NetworkCapacity(meanStationsInView: 0.5, deliveredPeakFlops: 1e21, n)
        XCTAssertEqual(c.groundDownlinkBps, 0.5 * 2 * 10e9 * 0.99, accuracy: 1)
        XCTAssertEqual(c.downlinkBps, c.groundDownlinkBps + 4 * 100e9, accuracy: 1)
        XCTAssertEqual(c.tokenDemandPerS, 1e21 * 0.4 / (6 * 1e11), accuracy: 1)
        XCTAssertEqual(c.factor, 1)
        n.workload = .inference; n.relay = Relay.none
        let i = NetworkCapacity(meanStationsInView: 0.5, deliveredPeakFlops: 1e21, n)
        XCTAssertEqual(i.tokenDemandPerS, 3 * c.tokenDemandPerS, accuracy: 1)
        XCTAssertEqual(i.factor, min(i.downlinkBps / i.downlinkDemandBps, i.uplinkBps / i.uplinkDemandBps), accuracy: 1e-15)
        XCTAssertLessThan(i.factor, 1)
        n.downlinkBitsPerToken = 0; n.uplinkBitsPerToken = 0
        XCTAssertEqual(NetworkCapacity(meanStationsInView: 0, deliveredPeakFlops: 1e21, n).factor, 1)
    }

    /// In evaluate: the defaults (training over a relay) leave compute unbound; inference through
    /// ground stations only binds, and the cost per accelerator-hour rises by 1/factor.
    func testNetworkFactorInEvaluate() throws {
        let model = OrbitalModel()
        let base = try model.evaluate(.defaults)
        let net = try XCTUnwrap(base.network)
        XCTAssertEqual(net.capacityFactor, 1)
        XCTAssertGreaterThan(net.geometry.contactFraction, 0)
        XCTAssertNotNil(base.report["network"]?["network_capacity_factor"])
        var x = OrbitalInputs.defaults
        x.network.workload = .inference; x.network.relay = Relay.none
        let bound = try model.evaluate(x)
        let f = try XCTUnwrap(bound.network?.capacityFactor)
        XCTAssertLessThan(f, 1)
        // The training base is also scaled by its fabric's training efficiency (issue 14); inference is not.
        let fabric = try XCTUnwrap(base.fabric).deliveredHoursFactor
        XCTAssertEqual(bound.deliveredAcceleratorHours, base.deliveredAcceleratorHours / fabric * f, accuracy: base.deliveredAcceleratorHours * 1e-9)
        XCTAssertEqual(bound.costPerAcceleratorHourUsd, base.costPerAcceleratorHourUsd * fabric / f, accuracy: base.costPerAcceleratorHourUsd * 1e-9)
        XCTAssertTrue(bound.warnings.contains { $0.contains("network_capacity_factor") })
    }

    /// The network part of evaluate is cached per orbit and network geometry.
    func testNetworkSummaryIsCheapOnRepeat() throws {
        let model = NetworkModel()
        let orbit = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
        let n = OrbitalInputs.defaults.network
        let t0 = Date()
        _ = try model.summary(orbit: orbit, n, deliveredPeakFlops: 1e21)
        let miss = Date().timeIntervalSince(t0)
        let t1 = Date()
        for _ in 0..<1000 { _ = try model.summary(orbit: orbit, n, deliveredPeakFlops: 1e21) }
        let hit = Date().timeIntervalSince(t1) / 1000
        print("network summary: miss \(miss * 1000) ms, hit \(hit * 1e6) µs")
        XCTAssertLessThan(hit, miss / 10)
    }
}

/// Models/catalogs/ground-stations.yaml mirrors the built-in catalog.
final class NetworkCatalogMirrorTests: XCTestCase {
    func testGroundStationMirrorInStep() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Models/catalogs/ground-stations.yaml"), encoding: .utf8)
        for s in GroundStationCatalog.all {
            XCTAssertTrue(text.contains("  - id: \(s.id)\n"), s.id)
            XCTAssertTrue(text.contains("latitude_deg: \(s.latitudeDeg)\n    longitude_deg: \(s.longitudeDeg)\n    backhaul: \(s.backhaul.rawValue)"), s.id)
        }
        for set in GroundStationCatalog.sets { XCTAssertTrue(text.contains("  \(set.name): [\(set.ids.joined(separator: ", "))]"), set.name) }
    }
}
