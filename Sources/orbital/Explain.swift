import ArgumentParser
import OrbitalCompute
import OrbitalReport

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a parameter's unit, default, accepted range and source (all parameters without KEY).")

    @Argument(help: "A scenario key such as orbit.altitude_km, a section such as thermal, or a catalog id: an accelerator (h100), launch vehicle (starship-500), ground station (svalsat) or city (new-york).", completion: Completions.explain)
    var key: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            let all = ParameterInfo.all
            var matches = all
            if let key {
                matches = all.filter { $0.key == key }
                if matches.isEmpty { matches = all.filter { $0.key.hasPrefix(key + ".") } }
                if matches.isEmpty {
                    if let a = AcceleratorCatalog.named(key) { return print(describe(a)) }
                    if let v = LaunchVehicleCatalog.named(key) { return print(describe(v)) }
                    if let s = GroundStationCatalog.named(key) { return print(describe(s)) }
                    if let c = CityCatalog.named(key) { return print(describe(c)) }
                    throw ScenarioError(key: key, "unknown key, section or catalog id", accepted: "`orbital explain` lists every key")
                }
            }
            let rows = Self.rows(matches)
            switch format {
            case .json: print(Envelope.json(verb: "explain", .array(rows.map(\.1))), terminator: "")
            case .table where key != nil && rows.count <= 2:
                for (_, row) in rows { for (k, v) in row.flattened() { print("\(k.padding(toLength: 12, withPad: " ", startingAt: 0)) \(v.plainText)") }; print("") }
            default:
                let header = ["key", "kind", "unit", "default", "accepted", "source"]
                let body = rows.map { r in ["key", "kind", "unit", "default", "accepted", "source"].map { r.1[$0]?.plainText ?? "" } }
                if format == .csv {
                    print(header.joined(separator: ","))
                    for b in body { print(b.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }.joined(separator: ",")) }
                } else if format == .markdown {
                    print("| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count))
                    for b in body { print("| " + b.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
                } else {
                    print(Render.table(header: Array(header.prefix(5)), rows: body.map { Array($0.prefix(5)) }, rightAlignedFrom: 99), terminator: "")
                }
            }
        }
    }

    /// One row per parameter: what `run` prints and `orbital serve` answers (`GET /api/v1/parameters`).
    static func rows(_ matches: [ParameterInfo]) -> [(String, ResultValue)] {
        matches.map { p in
            (p.key, .object([
                ("key", .text(p.key)), ("kind", .text(p.kind.rawValue)), ("unit", .text(p.unit)),
                ("default", p.defaultValue.map { .text($0.description) } ?? .text("derived: " + (p.derivation ?? ""))),
                ("accepted", .text(p.acceptedText)), ("description", .text(p.description)),
                ("source", .text(p.provenance?.summary ?? "—")),
            ]))
        }
    }

    func describe(_ a: Accelerator) -> String {
        """
        accelerator  \(a.id): \(a.name)
        chip power   \(humanNumber(a.chipPowerW)) W; IT per accelerator \(humanNumber(a.itPowerPerAcceleratorW)) W
        throughput   \(humanNumber(a.bf16DenseTflops)) TFLOP/s BF16 dense
        mass, price  \(humanNumber(a.massKg)) kg, $\(humanNumber(a.priceUsd)) installed
        coolant supply ≤ \(humanNumber(a.coolantSupplyMaxK)) K
        source       \(a.provenance.summary)
        """
    }

    func describe(_ s: GroundStation) -> String {
        """
        station      \(s.id): \(s.name)
        operator     \(s.operatorName)
        location     \(formatNumber(s.latitudeDeg))°, \(formatNumber(s.longitudeDeg))°; backhaul \(s.backhaul.rawValue)
        sets         \(GroundStationCatalog.sets.filter { $0.ids.contains(s.id) }.map(\.name).joined(separator: ", "))
        source       \(s.provenance.summary)
        """
    }

    func describe(_ c: UserLocation) -> String {
        """
        city         \(c.id): \(c.name)
        location     \(formatNumber(c.latitudeDeg))°, \(formatNumber(c.longitudeDeg))° (`orbital latency --from \(c.id)`)
        source       GeoNames city-centre coordinates (geonames.org, CC BY 4.0)
        """
    }

    func describe(_ v: LaunchVehicle) -> String {
        """
        vehicle      \(v.id): \(v.name)
        payload      \(humanNumber(v.payloadKg)) kg; price $\(humanNumber(v.priceUsd)) per launch ($\(humanNumber(v.costPerKgUsd))/kg)
        source       \(v.provenance.summary)
        """
    }
}
