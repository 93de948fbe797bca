import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct OrbitCalculator: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orbit", abstract: "Orbit geometry and eclipses over a year.")

    @Option(name: .customLong("altitude-km"), parsing: .unconditional, help: "Circular orbit altitude [km].")
    var altitudeKm: Double

    @Option(name: .customLong("beta-deg"), parsing: .unconditional, help: "A fixed beta angle [deg].")
    var betaDeg: Double?

    @Option(name: .customLong("sso-ltan-h"), parsing: .unconditional, help: "Sun-synchronous local time of the ascending node [h] (18 = dawn-dusk).")
    var ssoLtanH: Double?

    @Option(name: .customLong("inclination-deg"), parsing: .unconditional, help: "A fixed inclination [deg] (the node precesses with J2).")
    var inclinationDeg: Double?

    @Option(name: .customLong("raan-deg"), parsing: .unconditional, help: "Node at the start of the year, with --inclination-deg [deg].")
    var raanDeg: Double?

    @Option(name: .customLong("shadow-model"), help: "cylindrical or conical.")
    var shadowModel = "cylindrical"

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(help: "Write the result to FILE (atomically).")
    var output: String?

    func validate() throws {
        let given = [betaDeg, ssoLtanH, inclinationDeg].compactMap { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --beta-deg, --sso-ltan-h, --inclination-deg") }
        // A sun-synchronous node follows the Sun: a RAAN would be silently ignored.
        if raanDeg != nil && inclinationDeg == nil { throw ValidationError("--raan-deg applies only with --inclination-deg (a sun-synchronous node follows the Sun)") }
    }

    func run() throws {
        try reportingErrors {
            var values: [String: ParameterValue] = ["orbit.altitude_km": .number(altitudeKm), "orbit.shadow_model": .text(shadowModel)]
            if let b = betaDeg { values["orbit.beta_deg"] = .number(b) }
            if let l = ssoLtanH { values["orbit.sso_ltan_h"] = .number(l) }
            if let i = inclinationDeg { values["orbit.inclination_deg"] = .number(i); values["orbit.raan_deg"] = .number(normalisedDegrees(raanDeg ?? 0)) }
            let inputs = try Scenario(kind: .orbital, name: "orbit", origin: "command line", values: values).orbitalInputs()
            let (orbit, year) = try OrbitalModel.shared.orbitAndEclipse(inputs.orbit)
            var pairs: [(String, ResultValue)] = [
                ("altitude_km", .number(altitudeKm)),
                ("period_s", .number(orbit.period)),
                ("inclination_deg", .number(orbit.inclination / Constants.degree)),
                ("nodal_precession_deg_per_day", .number(orbit.nodeRate / Constants.degree * 86_400)),
                ("critical_beta_deg", .number(orbit.criticalBeta / Constants.degree)),
            ]
            if let b = betaDeg {
                pairs.append(("beta_deg", .number(b)))
                pairs.append(("eclipse_fraction", .number(orbit.eclipseFraction(beta: b * Constants.degree, sunDistanceAU: 1))))
            }
            pairs += [
                ("beta_min_deg", .number(year.betaMin / Constants.degree)),
                ("beta_max_deg", .number(year.betaMax / Constants.degree)),
                ("eclipse_fraction_mean", .number(year.meanFraction)),
                ("eclipse_fraction_max", .number(year.maxFraction)),
                ("eclipse_duration_max_s", .number(year.maxDuration)),
                ("eclipse_days_per_year", .number(year.eclipseDays)),
                ("eclipse_seasons_days", .array(year.seasons.map { .text("\(humanNumber($0.lowerBound / 86_400))–\(humanNumber($0.upperBound / 86_400))") })),
            ]
            let text = format == .json ? Envelope.json(verb: "orbit", .object(pairs)) : Render.results([("orbit", .object(pairs))], format: format)
            if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
        }
    }
}

struct RadiatorCalculator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radiator",
        abstract: "Radiator area for a temperature, or temperature for an area.",
        discussion: "Defaults come from the parameter table (thermal.*, environment.*). Without --altitude-km the panel faces deep space. Pass --fin-efficiency 1 for an ideal plate.")

    @Option(name: .customLong("heat-w"), parsing: .unconditional, help: "Heat to reject [W].")
    var heatW: Double
    @Option(name: .customLong("temperature-k"), parsing: .unconditional, help: "Radiator temperature [K] (solve for area).")
    var temperatureK: Double?
    @Option(name: .customLong("area-m2"), parsing: .unconditional, help: "Panel area [m²] (solve for temperature).")
    var areaM2: Double?
    @Option(help: "Infrared emissivity (0, 1].")
    var emissivity = OrbitalInputs.defaults.thermal.emissivity
    @Option(help: "Radiating faces per panel: 1 or 2.")
    var sides = Int(OrbitalInputs.defaults.thermal.sides)
    @Option(name: .customLong("fin-efficiency"), help: "Fin efficiency (0, 1].")
    var finEfficiency = OrbitalInputs.defaults.thermal.finEfficiency
    @Option(name: .customLong("solar-absorptivity"), help: "Solar absorptivity [0, 1].")
    var solarAbsorptivity = OrbitalInputs.defaults.thermal.solarAbsorptivity
    @Option(name: .customLong("solar-incidence-factor"), help: "Direct sunlight on one face, fraction of normal incidence.")
    var solarIncidenceFactor = OrbitalInputs.defaults.thermal.solarIncidenceFactor
    @Option(help: "Earth's albedo.")
    var albedo = OrbitalInputs.defaults.environment.albedo
    @Option(name: .customLong("earth-ir-w-per-m2"), help: "Earth's infrared exitance [W/m²].")
    var earthIrWPerM2 = OrbitalInputs.defaults.environment.earthIrWPerM2
    @Option(name: .customLong("altitude-km"), parsing: .unconditional, help: "Orbit altitude [km]; without it the panel sees deep space.")
    var altitudeKm: Double?
    @Option(help: "edge-on or nadir.")
    var orientation = OrbitalInputs.defaults.thermal.orientation.rawValue
    @Option(name: .customLong("beta-deg"), parsing: .unconditional, help: "Beta angle of the orbit, for the albedo seen (mean cos of solar zenith = cos β / π).")
    var betaDeg = 0.0
    @Option(help: "Output format.")
    var format: OutputFormat = .table
    @Option(help: "Write the result to FILE (atomically).")
    var output: String?

    func validate() throws {
        guard (temperatureK == nil) != (areaM2 == nil) else { throw ValidationError("give exactly one of --temperature-k, --area-m2") }
    }

    func run() throws {
        try reportingErrors {
            guard sides == 1 || sides == 2 else { throw ScenarioError(key: "--sides", "\(sides) is not accepted", accepted: "1 or 2") }
            guard heatW.isFinite, heatW >= 0 else { throw ScenarioError(key: "--heat-w", "\(formatNumber(heatW)) is not accepted", accepted: "[0, ∞) W") }
            guard let o = Radiator.Orientation(rawValue: orientation) else { throw ScenarioError(key: "--orientation", "'\(orientation)' is not accepted", accepted: Radiator.Orientation.names.joined(separator: ", ")) }
            if let h = altitudeKm, !(h >= 160 && h <= 50_000) { throw ScenarioError(key: "--altitude-km", "\(formatNumber(h)) km is outside the radiator model's range (below 160 km, or inside the Earth)", accepted: "[160, 50000] km") }
            let surface = try Radiator.Surface(emissivity: emissivity, solarAbsorptivity: solarAbsorptivity, finEfficiency: finEfficiency)
            let faces = Radiator.faces(sides: sides, orientation: o, altitude: altitudeKm.map { $0 * 1000 }, solarIncidence: solarIncidenceFactor)
            let environment = altitudeKm == nil && solarIncidenceFactor == 0 ? Radiator.Environment.deepSpace
                : Radiator.Environment(earthIR: earthIrWPerM2, albedo: albedo, solarIrradiance: Constants.solarIrradiance, albedoIllumination: cos(betaDeg * Constants.degree) / .pi)
            let area: Double, temperature: Double
            if let t = temperatureK {
                temperature = t
                area = try Radiator.area(heat: heatW, temperature: t, faces: faces, surface: surface, environment: environment)
            } else {
                area = areaM2!
                temperature = try Radiator.temperature(heat: heatW, area: area, faces: faces, surface: surface, environment: environment)
            }
            let result: ResultValue = .object([
                ("heat_w", .number(heatW)),
                ("radiator_area_m2", .number(area)),
                ("radiator_temperature_k", .number(temperature)),
                ("area_per_mw_m2", .number(heatW > 0 ? area / (heatW / 1e6) : 0)),
                ("view_factor_earth", .number(faces.map(\.earthViewFactor).max() ?? 0)),
                ("net_flux_w_per_m2", .number(Radiator.netFlux(temperature: temperature, faces: faces, surface: surface, environment: environment))),
                ("sink_temperature_k", .number(Radiator.sinkTemperature(faces: faces, surface: surface, environment: environment))),
            ])
            let text = format == .json ? Envelope.json(verb: "radiator", result) : Render.results([("radiator", result)], format: format)
            if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
        }
    }
}

/// An angle in [0, 360): a node of −10° is the node of 350°.
func normalisedDegrees(_ x: Double) -> Double {
    guard x.isFinite else { return x }
    let r = x.truncatingRemainder(dividingBy: 360)
    return r < 0 ? (r + 360 == 360 ? 0 : r + 360) : r
}
