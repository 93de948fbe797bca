/// A launch vehicle (or a price assumption for one) to low Earth orbit.
public struct LaunchVehicle: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Payload to the reference orbit per launch [kg].
    public var payloadKg: Double
    /// Price per launch [USD].
    public var priceUsd: Double
    public var provenance: Provenance
    /// Price per kilogram at full payload [USD/kg].
    public var costPerKgUsd: Double { priceUsd / payloadKg }
}

/// The built-in launch catalog. `Models/catalogs/launchers.yaml` mirrors it.
public enum LaunchVehicleCatalog {
    public static let all: [LaunchVehicle] = [
        LaunchVehicle(id: "falcon-9", name: "Falcon 9 (expendable, list price)", payloadKg: 22_800, priceUsd: 67_000_000,
                      provenance: Provenance("SpaceX list price ≈$67–70 M, 22.8 t LEO expendable; Jones, ICES-2018-81", year: 2025, .high, range: "$2,720–2,940/kg")),
        LaunchVehicle(id: "falcon-heavy", name: "Falcon Heavy (expendable)", payloadKg: 63_800, priceUsd: 97_000_000,
                      provenance: Provenance("SpaceX list ≈$97 M for 63.8 t LEO", year: 2025, .high, range: "≈$1,520/kg")),
        LaunchVehicle(id: "rideshare-sso", name: "Rideshare to SSO (Transporter)", payloadKg: 22_800, priceUsd: 7_000 * 22_800,
                      provenance: Provenance("SpaceX rideshare ≈$7,000/kg to SSO", year: 2026, .medium)),
        LaunchVehicle(id: "starship-1000", name: "Starship at $1,000/kg (independent near-term estimate)", payloadKg: 100_000, priceUsd: 100_000_000,
                      provenance: Provenance("Independent near-term estimates $500–1,000/kg; 100 t to LEO", year: 2026, .low, range: "$500–1,000/kg")),
        LaunchVehicle(id: "starship-500", name: "Starship at $500/kg (optimistic near-term)", payloadKg: 100_000, priceUsd: 50_000_000,
                      provenance: Provenance("Lower end of independent near-term estimates", year: 2026, .low, range: "$500–1,000/kg")),
        LaunchVehicle(id: "starship-200", name: "Starship at $200/kg (Suncatcher, mid-2030s)", payloadKg: 100_000, priceUsd: 20_000_000,
                      provenance: Provenance("Google Suncatcher, arXiv 2511.19468: ≲$200/kg by the mid-2030s at ≈20 % learning", year: 2025, .low)),
        LaunchVehicle(id: "starship-20", name: "Starship at $20/kg (full reuse target)", payloadKg: 150_000, priceUsd: 3_000_000,
                      provenance: Provenance("SpaceX aspirational full-reuse price targets ≈$10–20/kg, 100–150 t", year: 2025, .low, range: "$10–20/kg")),
    ]

    public static func named(_ id: String) -> LaunchVehicle? { all.first { $0.id == id } }
}
