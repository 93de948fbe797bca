import Foundation

/// RTT distributions from user locations to an orbital cluster beside the RTT to the terrestrial
/// cluster, with ground contact and link capacity: what `orbital latency` reports.
public struct LatencyAnalysis: Sendable {
    public var scenarioName: String
    public var orbit: Orbit
    public var network: NetworkInputs
    public var contact: ContactAnalysis
    public var users: [UserLatency]
    public var capacity: NetworkCapacity?
    public var terrestrialSite: (latitudeDeg: Double, longitudeDeg: Double)

    /// Propagates the scenario's orbit over `span` at `step` and evaluates every user.
    /// - Parameters:
    ///   - stations: replaces the scenario's station set when given (must not be empty).
    ///   - deliveredPeakFlops: for the capacity bound (nil: no capacity section).
    public init(scenarioName: String, orbit: Orbit, network: NetworkInputs, users: [UserLocation], stations: [GroundStation]? = nil,
                span: ClosedRange<Double> = 0...86_400, step: Double = 10, deliveredPeakFlops: Double? = nil,
                terrestrialSite: (latitudeDeg: Double, longitudeDeg: Double) = NetworkModel.terrestrialSite) throws {
        guard !users.isEmpty else {
            throw ScenarioError(file: "--from", "no user locations", accepted: "LAT,LON in degrees or a city id")
        }
        for u in users {
            try UserLocation.checkCoordinates(latitudeDeg: u.latitudeDeg, longitudeDeg: u.longitudeDeg, latitudeKey: "latitude", longitudeKey: "longitude", file: "--from")
        }
        let stationList = try stations ?? GroundStationCatalog.stations(inSet: network.groundStations)
        self.scenarioName = scenarioName
        self.orbit = orbit
        self.network = network
        self.terrestrialSite = terrestrialSite
        let contact = try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: stationList, minElevation: network.minElevationDeg * Constants.degree, span: span, step: step)
        self.contact = contact
        let settings = PathSettings(network)
        self.users = users.map { UserLatency(user: $0, contact: contact, settings: settings, terrestrialSite: terrestrialSite) }
        capacity = deliveredPeakFlops.map { NetworkCapacity(meanStationsInView: contact.meanStationsInView, deliveredPeakFlops: $0, network) }
    }

    /// The span in days.
    public var days: Double { (contact.span.upperBound - contact.span.lowerBound) / 86_400 }

    // MARK: Reports

    public var report: ResultValue {
        let n = network
        var pairs: [(String, ResultValue)] = [
            ("scenario", .text(scenarioName)),
            ("orbit", .object([
                ("altitude_km", .number(orbit.altitude / 1000)),
                ("inclination_deg", .number(orbit.inclination / Constants.degree)),
                ("period_s", .number(orbit.period)),
            ])),
            ("settings", .object([
                ("duration_s", .number(contact.span.upperBound - contact.span.lowerBound)),
                ("step_s", .number(contact.step)),
                ("min_elevation_deg", .number(n.minElevationDeg)),
                ("fibre_group_index", .number(n.fibreGroupIndex)),
                ("fibre_route_factor", .number(n.fibreRouteFactor)),
                ("relay", .text(n.relay.rawValue)),
                ("relay_altitude_km", .number(n.relayAltitudeKm)),
                ("relay_user_elevation_deg", .number(n.relayUserElevationDeg)),
                ("relay_path_stretch", .number(n.relayPathStretch)),
                ("terrestrial_latitude_deg", .number(terrestrialSite.latitudeDeg)),
                ("terrestrial_longitude_deg", .number(terrestrialSite.longitudeDeg)),
            ])),
            ("contact", .object([
                ("contact_fraction", .number(contact.contactFraction)),
                ("mean_stations_in_view", .number(contact.meanStationsInView)),
                ("contacts_per_day", .number(Double(contact.union.count) / days)),
                ("longest_gap_s", .number(contact.gaps.max() ?? 0)),
                ("stations", .array(contact.stations.map { s in .object([
                    ("id", .text(s.station.id)), ("name", .text(s.station.name)),
                    ("latitude_deg", .number(s.station.latitudeDeg)), ("longitude_deg", .number(s.station.longitudeDeg)),
                    ("backhaul", .text(s.station.backhaul.rawValue)),
                    ("passes_per_day", .number(Double(s.passCount) / days)), ("contact_fraction", .number(s.fraction)),
                    ("mean_pass_s", .number(s.meanPass)), ("longest_pass_s", .number(s.longestPass)),
                ]) })),
            ])),
        ]
        if let c = capacity {
            pairs.append(("capacity", .object([
                ("workload", .text(n.workload.rawValue)),
                ("downlink_capacity_bps", .number(c.downlinkBps)), ("uplink_capacity_bps", .number(c.uplinkBps)),
                ("ground_downlink_capacity_bps", .number(c.groundDownlinkBps)), ("ground_uplink_capacity_bps", .number(c.groundUplinkBps)),
                ("downlink_demand_bps", .number(c.downlinkDemandBps)), ("uplink_demand_bps", .number(c.uplinkDemandBps)),
                ("token_demand_per_s", .number(c.tokenDemandPerS)), ("servable_tokens_per_s", .number(c.servableTokensPerS)),
                ("network_capacity_factor", .number(c.factor)),
            ])))
        }
        pairs.append(("users", .array(users.map { u in
            var fields: [(String, ResultValue)] = [
                ("user", .text(u.user.name)), ("latitude_deg", .number(u.user.latitudeDeg)), ("longitude_deg", .number(u.user.longitudeDeg)),
                ("rtt_terrestrial_ms", .number(u.terrestrial * 1000)),
            ]
            // Flat, under the same names as evaluate's reference user and the CSV columns.
            fields += u.ground.report(path: "ground_path")
            fields += u.relay?.report(path: "relay_path") ?? RTTStatistics.noRelay
            fields += u.best.report(path: "best_path")
            return .object(fields)
        })))
        return .object(pairs)
    }

    /// The per-user columns of the table, CSV and Markdown forms.
    public static let userColumns = ["user", "latitude_deg", "longitude_deg", "rtt_terrestrial_ms",
                              "rtt_ground_path_p50_ms", "rtt_ground_path_p90_ms", "rtt_ground_path_p99_ms", "rtt_ground_path_max_ms", "rtt_ground_path_connected_p50_ms", "ground_path_no_path_fraction",
                              "rtt_relay_path_p50_ms", "rtt_relay_path_p90_ms", "rtt_relay_path_p99_ms", "rtt_relay_path_max_ms",
                              "rtt_best_path_p50_ms", "rtt_best_path_p90_ms", "rtt_best_path_p99_ms", "rtt_best_path_max_ms", "best_path_no_path_fraction"]

    /// One row per user; nil is "no path" (or no relay).
    public func userRows() -> [[ResultValue]] {
        func ms(_ x: Double?) -> ResultValue { x.map { .number($0 * 1000) } ?? .null }
        return users.map { u in
            [.text(u.user.name), .number(u.user.latitudeDeg), .number(u.user.longitudeDeg), .number(u.terrestrial * 1000),
             ms(u.ground.p50), ms(u.ground.p90), ms(u.ground.p99), ms(u.ground.max), ms(u.ground.connectedMedian), .number(u.ground.noPathFraction),
             ms(u.relay?.p50), ms(u.relay?.p90), ms(u.relay?.p99), ms(u.relay?.max),
             ms(u.best.p50), ms(u.best.p90), ms(u.best.p99), ms(u.best.max), .number(u.best.noPathFraction)]
        }
    }
}
