/// A place users connect from.
public struct UserLocation: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Latitude [deg], north positive.
    public var latitudeDeg: Double
    /// Longitude [deg], east positive.
    public var longitudeDeg: Double

    public init(id: String, name: String, latitudeDeg: Double, longitudeDeg: Double) {
        self.id = id; self.name = name; self.latitudeDeg = latitudeDeg; self.longitudeDeg = longitudeDeg
    }

    /// A location from "LAT,LON" in degrees (as given to `--from`).
    /// - Throws: `ScenarioError` naming `flag` when the text is not two numbers or they are out of range.
    public static func parse(_ text: String, flag: String = "--from") throws -> UserLocation {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else {
            if let city = CityCatalog.named(text.trimmingCharacters(in: .whitespaces)) { return city }
            throw ScenarioError(file: flag, key: text, "expected LAT,LON in degrees or a city id", accepted: "e.g. 40.71,-74.01 or one of " + CityCatalog.all.map(\.id).joined(separator: ", "))
        }
        try checkCoordinates(latitudeDeg: lat, longitudeDeg: lon, latitudeKey: "latitude", longitudeKey: "longitude", file: flag)
        return UserLocation(id: "\(formatNumber(lat)),\(formatNumber(lon))", name: "\(formatNumber(lat)), \(formatNumber(lon))", latitudeDeg: lat, longitudeDeg: lon)
    }

    /// Checks a latitude in [−90, 90] and a longitude in [−180, 180] degrees.
    public static func checkCoordinates(latitudeDeg lat: Double, longitudeDeg lon: Double, latitudeKey: String, longitudeKey: String, file: String? = nil) throws {
        guard lat.isFinite, (-90...90).contains(lat) else {
            throw ScenarioError(file: file, key: latitudeKey, "\(formatNumber(lat)) is out of range", accepted: "[-90, 90] degrees")
        }
        guard lon.isFinite, (-180...180).contains(lon) else {
            throw ScenarioError(file: file, key: longitudeKey, "\(formatNumber(lon)) is out of range", accepted: "[-180, 180] degrees")
        }
    }
}

/// Major cities and Internet hubs users connect from: city-centre (city hall) coordinates from
/// GeoNames (geonames.org, CC BY 4.0) to ≈0.001°. With these coordinates the straight-line fibre
/// RTTs from Memphis in shared/reference/DATA.md reproduce to 0.05 ms.
public enum CityCatalog {
    public static let all: [UserLocation] = [
        UserLocation(id: "memphis", name: "Memphis", latitudeDeg: 35.1495, longitudeDeg: -90.0490),
        UserLocation(id: "chicago", name: "Chicago", latitudeDeg: 41.8781, longitudeDeg: -87.6298),
        UserLocation(id: "ashburn", name: "Ashburn VA", latitudeDeg: 39.0438, longitudeDeg: -77.4874),
        UserLocation(id: "new-york", name: "New York", latitudeDeg: 40.7128, longitudeDeg: -74.0060),
        UserLocation(id: "los-angeles", name: "Los Angeles", latitudeDeg: 34.0522, longitudeDeg: -118.2437),
        UserLocation(id: "san-francisco", name: "San Francisco", latitudeDeg: 37.7749, longitudeDeg: -122.4194),
        UserLocation(id: "sao-paulo", name: "São Paulo", latitudeDeg: -23.5505, longitudeDeg: -46.6333),
        UserLocation(id: "london", name: "London", latitudeDeg: 51.5074, longitudeDeg: -0.1278),
        UserLocation(id: "frankfurt", name: "Frankfurt", latitudeDeg: 50.1109, longitudeDeg: 8.6821),
        UserLocation(id: "johannesburg", name: "Johannesburg", latitudeDeg: -26.2041, longitudeDeg: 28.0473),
        UserLocation(id: "mumbai", name: "Mumbai", latitudeDeg: 19.0760, longitudeDeg: 72.8777),
        UserLocation(id: "singapore", name: "Singapore", latitudeDeg: 1.3521, longitudeDeg: 103.8198),
        UserLocation(id: "tokyo", name: "Tokyo", latitudeDeg: 35.6762, longitudeDeg: 139.6503),
        UserLocation(id: "sydney", name: "Sydney", latitudeDeg: -33.8688, longitudeDeg: 151.2093),
    ]

    public static func named(_ id: String) -> UserLocation? { all.first { $0.id == id } }
}
