import Foundation

/// The network part of `evaluate`: contact statistics and the reference user's RTTs, cached per
/// orbit and network geometry (one day propagated at 120 s, window edges refined by root finding,
/// so only passes shorter than 2 minutes, which carry a fraction of a percent of the contact time
/// at 650 km, can be missed; a dictionary look-up on a hit), then the capacity arithmetic, which
/// is cheap. `orbital latency` propagates at its own, finer `--step-s`.
public final class NetworkModel: Sendable {
    /// Time step and span of the propagation used by `evaluate` [s].
    public static let evaluationStep = 120.0
    public static let evaluationSpan = 0.0...86_400.0

    /// What depends only on geometry: contact with the stations and the reference user's round
    /// trips. Held by reference (`CopyOnWrite`): every point of a study copies it into its result.
    public struct Geometry: Sendable {
        struct Fields: Sendable {
            var stationSet: String
            var contactFraction, meanStationsInView, passesPerDay, longestGapS: Double
            var user: UserLatency
        }
        private var fields: CopyOnWrite<Fields>

        public init(stationSet: String, contactFraction: Double, meanStationsInView: Double, passesPerDay: Double, longestGapS: Double, user: UserLatency) {
            fields = CopyOnWrite(Fields(stationSet: stationSet, contactFraction: contactFraction, meanStationsInView: meanStationsInView,
                                        passesPerDay: passesPerDay, longestGapS: longestGapS, user: user))
        }

        public var stationSet: String { get { fields.value.stationSet } set { fields.value.stationSet = newValue } }
        /// Fraction of the day with at least one station in view.
        public var contactFraction: Double { get { fields.value.contactFraction } set { fields.value.contactFraction = newValue } }
        public var meanStationsInView: Double { get { fields.value.meanStationsInView } set { fields.value.meanStationsInView = newValue } }
        public var passesPerDay: Double { get { fields.value.passesPerDay } set { fields.value.passesPerDay = newValue } }
        public var longestGapS: Double { get { fields.value.longestGapS } set { fields.value.longestGapS = newValue } }
        /// The reference user's round trips by each path.
        public var user: UserLatency { get { fields.value.user } set { fields.value.user = newValue } }
    }

    struct Key: Hashable, Sendable {
        var altitude, inclination, epochDays, planeA, planeB: Double
        var planeKind: Int
        var stations: String
        var minElevation, userLat, userLon: Double
        var paths: PathSettings
    }

    private let cache = BoundedCache<Key, Geometry>()

    public init() {}

    /// The terrestrial cluster the RTTs are compared with: the terrestrial default site (Colossus 1).
    public static var terrestrialSite: (latitudeDeg: Double, longitudeDeg: Double) {
        let site = ParameterTable.terrestrial.defaultInputs.site
        return (site.latitudeDeg, site.longitudeDeg)
    }

    /// Contact and latency over a day for the scenario's stations and reference user (cached).
    public func geometry(orbit: Orbit, _ n: NetworkInputs) throws -> Geometry {
        try geometry(orbit: orbit, n, key: key(orbit: orbit, n))
    }

    /// The cache key of a geometry.
    func key(orbit: Orbit, _ n: NetworkInputs) -> Key {
        let plane: (Int, Double, Double) = {
            switch orbit.plane {
            case let .sunSynchronous(ltan): return (0, ltan, 0)
            case let .inclined(i, raan): return (1, i, raan)
            case let .fixedBeta(b): return (2, b, 0)
            }
        }()
        let key = Key(altitude: orbit.altitude, inclination: orbit.inclination, epochDays: orbit.epochDays, planeA: plane.1, planeB: plane.2,
                      planeKind: plane.0, stations: n.groundStations, minElevation: n.minElevationDeg,
                      userLat: n.userLatitudeDeg, userLon: n.userLongitudeDeg, paths: PathSettings(n))
        return key
    }

    func geometry(orbit: Orbit, _ n: NetworkInputs, key: Key) throws -> Geometry {
        try cache.value(key) {
            let stations = try GroundStationCatalog.stations(inSet: n.groundStations)
            let contact = try ContactAnalysis(track: ClusterTrack(orbit: orbit), stations: stations, minElevation: n.minElevationDeg * Constants.degree,
                                              span: NetworkModel.evaluationSpan, step: NetworkModel.evaluationStep)
            try UserLocation.checkCoordinates(latitudeDeg: n.userLatitudeDeg, longitudeDeg: n.userLongitudeDeg,
                                              latitudeKey: "network.user_latitude_deg", longitudeKey: "network.user_longitude_deg")
            let user = UserLocation(id: "reference-user", name: "reference user", latitudeDeg: n.userLatitudeDeg, longitudeDeg: n.userLongitudeDeg)
            let days = (contact.span.upperBound - contact.span.lowerBound) / 86_400
            let geometry = Geometry(stationSet: n.groundStations, contactFraction: contact.contactFraction, meanStationsInView: contact.meanStationsInView,
                                    passesPerDay: Double(contact.union.count) / days, longestGapS: contact.gaps.max() ?? 0,
                                    user: UserLatency(user: user, contact: contact, settings: PathSettings(n), terrestrialSite: NetworkModel.terrestrialSite))
            return geometry
        }
    }

    /// The network summary of an evaluation.
    /// - Parameter deliveredPeakFlops: mean delivered accelerators × peak dense FLOP/s each, before
    ///   the network bound [FLOP/s].
    public func summary(orbit: Orbit, _ n: NetworkInputs, deliveredPeakFlops: Double) throws -> NetworkSummary {
        var memo = Kept<Key, Geometry>()
        return try summary(orbit: orbit, n, memo: &memo, fixed: false, deliveredPeakFlops: deliveredPeakFlops)
    }

    /// The same, keeping the last geometry (and its key) for the next call of one worker.
    /// - Parameter fixed: the key cannot have changed since the kept geometry's (`OrbitalModel.Memo.Fixed`).
    func summary(orbit: Orbit, _ n: NetworkInputs, memo: inout Kept<Key, Geometry>, fixed: Bool, deliveredPeakFlops: Double) throws -> NetworkSummary {
        if !(fixed && memo.kept != nil) {
            let key = key(orbit: orbit, n)
            if !(memo.holds(key) && memo.kept != nil) { memo.keep(key, try geometry(orbit: orbit, n, key: key)) }
        }
        // Lent to the summary (`OrbitalModel.Memo.reclaim` takes it back from the result).
        let g = memo.lend()!
        let capacity = NetworkCapacity(meanStationsInView: g.meanStationsInView, deliveredPeakFlops: deliveredPeakFlops, n)
        return NetworkSummary(geometry: g, capacity: capacity, workload: n.workload, deliveredPeakFlops: deliveredPeakFlops)
    }
}

/// Latency and capacity of an orbital cluster, as `evaluate` reports them.
public struct NetworkSummary: Sendable {
    public var geometry: NetworkModel.Geometry
    public var capacity: NetworkCapacity
    public var workload: Workload
    /// Mean delivered accelerators × peak dense FLOP/s, before the network bound [FLOP/s].
    public var deliveredPeakFlops: Double

    /// The factor (≤ 1) applied to delivered compute.
    public var capacityFactor: Double { capacity.factor }

    public var report: ResultValue {
        let u = geometry.user
        func ms(_ x: Double?) -> ResultValue { x.map { .number($0 * 1000) } ?? .null }
        return .object([
            ("ground_stations", .text(geometry.stationSet)),
            ("contact_fraction", .number(geometry.contactFraction)),
            ("mean_stations_in_view", .number(geometry.meanStationsInView)),
            ("contacts_per_day", .number(geometry.passesPerDay)),
            ("longest_gap_s", .number(geometry.longestGapS)),
            ("workload", .text(workload.rawValue)),
            ("downlink_capacity_bps", .number(capacity.downlinkBps)),
            ("uplink_capacity_bps", .number(capacity.uplinkBps)),
            ("ground_downlink_capacity_bps", .number(capacity.groundDownlinkBps)),
            ("downlink_demand_bps", .number(capacity.downlinkDemandBps)),
            ("uplink_demand_bps", .number(capacity.uplinkDemandBps)),
            ("token_demand_per_s", .number(capacity.tokenDemandPerS)),
            ("servable_tokens_per_s", .number(capacity.servableTokensPerS)),
            ("network_capacity_factor", .number(capacity.factor)),
            ("reference_user", .object([
                ("latitude_deg", .number(u.user.latitudeDeg)),
                ("longitude_deg", .number(u.user.longitudeDeg)),
                ("rtt_terrestrial_ms", .number(u.terrestrial * 1000)),
                ("rtt_ground_path_p50_ms", ms(u.ground.p50)),
                ("rtt_ground_path_connected_p50_ms", ms(u.ground.connectedMedian)),
                ("ground_path_no_path_fraction", .number(u.ground.noPathFraction)),
                ("rtt_relay_path_p50_ms", ms(u.relay?.p50)),
                ("rtt_best_path_p50_ms", ms(u.best.p50)),
                ("rtt_best_path_p99_ms", ms(u.best.p99)),
                ("best_path_no_path_fraction", .number(u.best.noPathFraction)),
            ])),
        ])
    }
}
