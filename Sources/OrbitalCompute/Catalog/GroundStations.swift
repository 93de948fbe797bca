/// A ground station that can work the orbital cluster: where it is and how it reaches the
/// terrestrial Internet.
public struct GroundStation: Sendable, Equatable {
    /// How the station's traffic reaches the terrestrial network.
    public enum Backhaul: String, Sendable, Equatable {
        /// Terrestrial or submarine fibre: the fibre model applies from the station.
        case fibre
        /// A geostationary relay (Antarctic stations): one GEO hop up and down is added each way.
        case geostationary
    }

    public var id: String
    public var name: String
    public var operatorName: String
    /// Geodetic latitude [deg], north positive.
    public var latitudeDeg: Double
    /// Longitude [deg], east positive.
    public var longitudeDeg: Double
    public var backhaul: Backhaul
    public var provenance: Provenance

    public init(id: String, name: String, operatorName: String, latitudeDeg: Double, longitudeDeg: Double,
                backhaul: Backhaul = .fibre, provenance: Provenance) {
        self.id = id; self.name = name; self.operatorName = operatorName
        self.latitudeDeg = latitudeDeg; self.longitudeDeg = longitudeDeg
        self.backhaul = backhaul; self.provenance = provenance
    }
}

/// The built-in ground-station catalog: real stations that serve polar and sun-synchronous
/// missions (NASA Near Space Network, KSAT, SSC, SANSA), plus mid-latitude gateways.
/// `Models/catalogs/ground-stations.yaml` mirrors it.
///
/// Coordinates are the antenna fields to ≈0.01° (≈1 km): visibility and RTT change by well under
/// 0.1 % for errors of that size.
public enum GroundStationCatalog {
    private static let nen = "NASA Near Space Network (formerly Near Earth Network) station list; coordinates from the station's published location"

    public static let all: [GroundStation] = [
        GroundStation(id: "svalsat", name: "Svalbard Satellite Station (SvalSat), Platåberget", operatorName: "KSAT",
                      latitudeDeg: 78.2298, longitudeDeg: 15.4078,
                      provenance: Provenance("KSAT SvalSat, 78°13′47″N 15°24′28″E; fibre since 2004 (Svalbard Undersea Cable System); sees all 14 daily orbits of a polar satellite", year: 2024, .high)),
        GroundStation(id: "trollsat", name: "Troll Satellite Station (TrollSat), Queen Maud Land", operatorName: "KSAT",
                      latitudeDeg: -72.0117, longitudeDeg: 2.5350, backhaul: .geostationary,
                      provenance: Provenance("KSAT TrollSat beside the Norwegian Troll research station, 72°00′42″S 2°32′06″E; no fibre: traffic leaves by satellite", year: 2024, .high)),
        GroundStation(id: "inuvik", name: "Inuvik Satellite Station Facility, Northwest Territories", operatorName: "NRCan / KSAT / SSC",
                      latitudeDeg: 68.3195, longitudeDeg: -133.5490,
                      provenance: Provenance("Natural Resources Canada, Inuvik Satellite Station Facility, 68°19′N 133°33′W; Mackenzie Valley Fibre Link", year: 2023, .high)),
        GroundStation(id: "fairbanks", name: "Fairbanks (NOAA FCDAS, Gilmore Creek), Alaska", operatorName: "NOAA / NASA NSN",
                      latitudeDeg: 64.9733, longitudeDeg: -147.5167,
                      provenance: Provenance("NOAA Fairbanks Command and Data Acquisition Station, Gilmore Creek, 64°58′N 147°31′W; " + nen, year: 2023, .high)),
        GroundStation(id: "kiruna", name: "Esrange Satellite Station, Kiruna", operatorName: "SSC",
                      latitudeDeg: 67.8838, longitudeDeg: 21.0603,
                      provenance: Provenance("SSC Esrange Space Center, 67°53′N 21°04′E; " + nen, year: 2023, .high)),
        GroundStation(id: "mcmurdo", name: "McMurdo Ground Station, Ross Island", operatorName: "NASA NSN",
                      latitudeDeg: -77.8391, longitudeDeg: 166.6670, backhaul: .geostationary,
                      provenance: Provenance("NASA McMurdo Ground Station (MGS), Arrival Heights, 77°50′S 166°40′E; US Antarctic Program traffic leaves by satellite; " + nen, year: 2023, .high)),
        GroundStation(id: "punta-arenas", name: "Punta Arenas, Chile", operatorName: "KSAT / SSC",
                      latitudeDeg: -52.9380, longitudeDeg: -70.8570,
                      provenance: Provenance("KSAT and SSC Punta Arenas stations, 52°56′S 70°51′W", year: 2023, .medium)),
        GroundStation(id: "wallops", name: "Wallops Ground Station, Virginia", operatorName: "NASA NSN",
                      latitudeDeg: 37.9249, longitudeDeg: -75.4765,
                      provenance: Provenance("NASA Wallops Flight Facility ground station, 37°55′N 75°29′W; " + nen, year: 2023, .high)),
        GroundStation(id: "south-point", name: "South Point, Hawaii", operatorName: "SSC Space US",
                      latitudeDeg: 19.0140, longitudeDeg: -155.6633,
                      provenance: Provenance("SSC Space US South Point, 19°01′N 155°40′W; " + nen, year: 2023, .high)),
        GroundStation(id: "hartebeesthoek", name: "Hartebeesthoek, South Africa", operatorName: "SANSA",
                      latitudeDeg: -25.8870, longitudeDeg: 27.7070,
                      provenance: Provenance("SANSA Space Operations, Hartebeesthoek, 25°53′S 27°42′E; " + nen, year: 2023, .high)),
        GroundStation(id: "dongara", name: "Dongara, Western Australia", operatorName: "SSC Space US",
                      latitudeDeg: -29.0457, longitudeDeg: 115.3487,
                      provenance: Provenance("SSC Western Australia Space Centre, Dongara/Mingenew, 29°03′S 115°21′E; " + nen, year: 2023, .high)),
    ]

    /// Named sets a scenario can choose with `network.ground_stations`.
    public static let sets: [(name: String, ids: [String])] = [
        ("polar", ["svalsat", "trollsat", "inuvik", "fairbanks", "kiruna", "mcmurdo"]),
        ("polar-and-gateways", ["svalsat", "trollsat", "inuvik", "fairbanks", "kiruna", "mcmurdo",
                                "punta-arenas", "wallops", "south-point", "hartebeesthoek", "dongara"]),
        ("gateways", ["punta-arenas", "wallops", "south-point", "hartebeesthoek", "dongara"]),
    ]

    public static func named(_ id: String) -> GroundStation? { all.first { $0.id == id } }

    /// The stations of a named set.
    /// - Throws: `ScenarioError` naming `network.ground_stations` for an unknown set.
    public static func stations(inSet name: String) throws -> [GroundStation] {
        guard let set = sets.first(where: { $0.name == name }) else {
            throw ScenarioError(key: "network.ground_stations", "'\(name)' is not a station set", accepted: sets.map(\.name).joined(separator: ", "))
        }
        return set.ids.compactMap(named)
    }

    /// Stations from a comma-separated list of ids (as given to `--stations`).
    /// - Throws: `ScenarioError` naming `flag` for an empty list or an unknown id.
    public static func stations(fromList text: String, flag: String = "--stations") throws -> [GroundStation] {
        let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else {
            throw ScenarioError(file: flag, "the ground-station list is empty: the cluster would have no ground path", accepted: "one or more of " + all.map(\.id).joined(separator: ", "))
        }
        return try ids.map { id in
            guard let s = named(id) else {
                throw ScenarioError(file: flag, key: id, "unknown ground station", accepted: all.map(\.id).joined(separator: ", "))
            }
            return s
        }
    }
}
