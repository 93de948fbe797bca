import Foundation

/// The settings of the path models, in SI units, from the `network.*` inputs.
public struct PathSettings: Sendable, Hashable {
    public var fibreGroupIndex: Double
    public var fibreRouteFactor: Double
    /// nil: no relay constellation.
    public var relayAltitude: Double?
    public var relayUserElevation: Double
    public var relayPathStretch: Double

    public init(_ n: NetworkInputs) {
        fibreGroupIndex = n.fibreGroupIndex
        fibreRouteFactor = n.fibreRouteFactor
        relayAltitude = n.relay == Relay.none ? nil : n.relayAltitudeKm * 1000
        relayUserElevation = n.relayUserElevationDeg * Constants.degree
        relayPathStretch = n.relayPathStretch
    }
}

/// Round-trip times of the three ways a user reaches compute (MODEL.md §10), in seconds.
public enum Paths {
    /// User → fibre → a terrestrial site: 2 · L_gc · k_route · n_g / c.
    public static func terrestrialRoundTrip(from user: UserLocation, toLatitudeDeg lat: Double, longitudeDeg lon: Double, _ s: PathSettings) -> Double {
        let d = LinkGeometry.greatCircleDistance((user.latitudeDeg, user.longitudeDeg), (lat, lon))
        return LinkGeometry.fibreRoundTrip(distance: d, routeFactor: s.fibreRouteFactor, groupIndex: s.fibreGroupIndex)
    }

    /// The fixed part of the ground path through one station: fibre from the user to the station,
    /// plus the station's backhaul (one geostationary hop up and down each way for stations without
    /// fibre: 4 h_GEO / c ≈ 477 ms).
    public static func stationRoundTrip(from user: UserLocation, via station: GroundStation, _ s: PathSettings) -> Double {
        let fibre = terrestrialRoundTrip(from: user, toLatitudeDeg: station.latitudeDeg, longitudeDeg: station.longitudeDeg, s)
        switch station.backhaul {
        case .fibre: return fibre
        case .geostationary: return fibre + LinkGeometry.freeSpaceRoundTrip(length: 2 * Constants.geostationaryAltitude)
        }
    }

    /// User → fibre → ground station → radio/optical link → cluster ("bent pipe"):
    /// RTT = RTT_station + 2 d / c, with d the slant range.
    public static func groundRoundTrip(stationRoundTrip: Double, slantRange d: Double) -> Double {
        stationRoundTrip + LinkGeometry.freeSpaceRoundTrip(length: d)
    }

    /// User → nearest relay satellite → laser mesh → cluster, one way:
    /// L = d(h_r, E_u) + (R + h_r) · max(0, ψ − λ_u) · k_mesh + |h_c − h_r|,
    /// where the serving relay satellite is seen at elevation E_u toward the cluster (so it is
    /// λ_u = acos(R cos E_u / (R + h_r)) − E_u closer), ψ is the central angle from the user to the
    /// cluster's sub-satellite point, k_mesh the mesh route stretch, and the last hop climbs from
    /// the relay shell to the cluster. The relay shell is assumed dense enough to serve every
    /// latitude (Starlink flies polar shells as well as 53°); switching delay is not counted.
    public static func relayRoundTrip(centralAngle psi: Double, clusterAltitude hc: Double, _ s: PathSettings) -> Double? {
        guard let hr = s.relayAltitude else { return nil }
        let uplink = LinkGeometry.slantRange(altitude: hr, elevation: s.relayUserElevation)
        let reach = LinkGeometry.coverageHalfAngle(altitude: hr, minElevation: s.relayUserElevation)
        let mesh = (Constants.earthRadius + hr) * max(0, psi - reach) * s.relayPathStretch
        return LinkGeometry.freeSpaceRoundTrip(length: uplink + mesh + abs(hc - hr))
    }
}

/// A round-trip-time distribution over time, with "no path" kept as such.
///
/// Samples are equally spaced in time, so ranks are time fractions. A percentile is taken over all
/// samples with no path ranked last (as an infinite RTT): p90 is nil when the path is missing more
/// than 10 % of the time. `connectedMedian` is the median over the samples that have a path.
public struct RTTStatistics: Sendable, Equatable {
    public var p50: Double?
    public var p90: Double?
    public var p99: Double?
    public var max: Double?
    public var min: Double?
    public var connectedMedian: Double?
    public var noPathFraction: Double

    public init(samples: [Double?]) {
        let n = samples.count
        let values = samples.compactMap { $0 }.sorted()
        noPathFraction = n == 0 ? 1 : Double(n - values.count) / Double(n)
        func rank(_ p: Double) -> Double? {
            guard n > 0 else { return nil }
            let k = Swift.max(0, Int((p * Double(n)).rounded(.up)) - 1)
            return k < values.count ? values[k] : nil
        }
        p50 = rank(0.5); p90 = rank(0.9); p99 = rank(0.99); max = rank(1)
        min = values.first
        connectedMedian = values.isEmpty ? nil : values[(values.count - 1) / 2]
    }

    /// The statistics under the names every verb uses for path `path` (`ground_path`,
    /// `relay_path`, `best_path`): `rtt_<path>_p50_ms`, …, `<path>_no_path_fraction`.
    public func report(path: String) -> [(String, ResultValue)] {
        func ms(_ x: Double?) -> ResultValue { x.map { .number($0 * 1000) } ?? .null }
        return [
            ("rtt_\(path)_p50_ms", ms(p50)), ("rtt_\(path)_p90_ms", ms(p90)), ("rtt_\(path)_p99_ms", ms(p99)), ("rtt_\(path)_max_ms", ms(max)),
            ("rtt_\(path)_min_ms", ms(min)), ("rtt_\(path)_connected_p50_ms", ms(connectedMedian)), ("\(path)_no_path_fraction", .number(noPathFraction)),
        ]
    }

    /// The statistics in milliseconds (null where there is no path).
    public var report: ResultValue {
        func ms(_ x: Double?) -> ResultValue { x.map { .number($0 * 1000) } ?? .null }
        return .object([
            ("rtt_p50_ms", ms(p50)), ("rtt_p90_ms", ms(p90)), ("rtt_p99_ms", ms(p99)), ("rtt_max_ms", ms(max)),
            ("rtt_min_ms", ms(min)), ("rtt_connected_p50_ms", ms(connectedMedian)), ("no_path_fraction", .number(noPathFraction)),
        ])
    }
}

/// The RTTs of one user over the contact analysis' samples.
public struct UserLatency: Sendable {
    public var user: UserLocation
    /// Fibre RTT to the terrestrial cluster [s].
    public var terrestrial: Double
    /// Through the best ground station in view.
    public var ground: RTTStatistics
    /// Through the relay constellation (nil without one).
    public var relay: RTTStatistics?
    /// The better of the two at each instant.
    public var best: RTTStatistics

    /// Evaluates every sample of `contact`: the ground path picks the station in view with the
    /// lowest RTT; the relay path follows the cluster's sub-satellite point.
    public init(user: UserLocation, contact: ContactAnalysis, settings s: PathSettings, terrestrialSite: (latitudeDeg: Double, longitudeDeg: Double)) {
        self.user = user
        terrestrial = Paths.terrestrialRoundTrip(from: user, toLatitudeDeg: terrestrialSite.latitudeDeg, longitudeDeg: terrestrialSite.longitudeDeg, s)
        let fixed = contact.stations.map { Paths.stationRoundTrip(from: user, via: $0.station, s) }
        let lat = user.latitudeDeg * Constants.degree, lon = user.longitudeDeg * Constants.degree
        var ground = [Double?](repeating: nil, count: contact.times.count)
        var relay = [Double?](repeating: nil, count: contact.times.count)
        var best = [Double?](repeating: nil, count: contact.times.count)
        for k in contact.times.indices {
            var g: Double?
            for (j, ranges) in contact.slant.enumerated() {
                if let d = ranges[k] {
                    let rtt = Paths.groundRoundTrip(stationRoundTrip: fixed[j], slantRange: d)
                    if g == nil || rtt < g! { g = rtt }
                }
            }
            ground[k] = g
            if s.relayAltitude != nil {
                let sub = LinkGeometry.subPoint(contact.positions[k])
                let psi = LinkGeometry.centralAngle(latitude1: lat, longitude1: lon, latitude2: sub.latitude, longitude2: sub.longitude)
                relay[k] = Paths.relayRoundTrip(centralAngle: psi, clusterAltitude: contact.track.orbit.altitude, s)
            }
            best[k] = [g, relay[k]].compactMap { $0 }.min()
        }
        self.ground = RTTStatistics(samples: ground)
        self.relay = s.relayAltitude == nil ? nil : RTTStatistics(samples: relay)
        self.best = RTTStatistics(samples: best)
    }
}

extension RTTStatistics {
    /// The relay-path fields of a network without a relay: every statistic null.
    static let noRelay: [(String, ResultValue)] = ["p50", "p90", "p99", "max", "min", "connected_p50"].map { ("rtt_relay_path_\($0)_ms", .null) }
        + [("relay_path_no_path_fraction", .null)]
}
