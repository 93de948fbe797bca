import Foundation
import GSL

/// Steady-state radiator physics for flat panels in orbit (SI units).
///
/// Net flux rejected per m² of one face [W/m²] (MODEL.md §4):
/// q = η_fin · [ε σ T⁴ − ε F q_IR − α F a S k − α S s]
/// with F the face's view factor to the Earth, q_IR the Earth's infrared exitance, a the albedo,
/// k the mean cosine of the solar zenith angle of the Earth seen below, and s the fraction of
/// normal-incidence sunlight on the face. Source: Gilmore, *Spacecraft Thermal Control Handbook*
/// vol. I (2002), ch. 2 and 6.
public enum Radiator {
    public enum Orientation: String, Choice { case edgeOn = "edge-on", nadir }

    /// The radiator mean surface temperature a coolant chain allows [K]:
    /// T_rad = T_supply,max + ΔT_loop / 2 − ΔT_approach. The coolant leaves the cold plates at
    /// T_supply + ΔT_loop and the radiator brings it back to T_supply, so the coolant in the
    /// radiator averages T_supply + ΔT_loop / 2; the radiating surface sits ΔT_approach below it
    /// (a radiator is colder than the coolant it cools). ASHRAE TC 9.9 (2021) for the supply
    /// classes; Gilmore, Spacecraft Thermal Control Handbook (2002) for the fluid-to-fin drop.
    public static func chainTemperature(coolantSupplyMax: Double, loopDeltaT: Double, approach: Double) -> Double {
        coolantSupplyMax + loopDeltaT / 2 - approach
    }

    /// View factor from a flat plate to the Earth when the plate faces nadir: F = 1/H², H = (R+h)/R.
    public static func viewFactorNadir(altitude: Double) -> Double {
        let h = OrbitGeometry.semiMajorAxis(altitude: altitude) / Constants.earthRadius
        return 1 / (h * h)
    }

    /// View factor from one face of a plate perpendicular to the Earth's surface:
    /// F = (1/π)[atan(1/√(H²−1)) − √(H²−1)/H²]. Gilmore vol. I, table 2.5.
    public static func viewFactorEdgeOn(altitude: Double) -> Double {
        let h = OrbitGeometry.semiMajorAxis(altitude: altitude) / Constants.earthRadius
        let root = (h * h - 1).squareRoot()
        return (atan(1 / root) - root / (h * h)) / .pi
    }

    /// What one face of the panel sees.
    public struct Face: Sendable, Equatable {
        public var earthViewFactor: Double
        /// Fraction of normal-incidence sunlight on this face [-].
        public var solarIncidence: Double
        public init(earthViewFactor: Double, solarIncidence: Double) { self.earthViewFactor = earthViewFactor; self.solarIncidence = solarIncidence }
    }

    /// The thermal environment of a panel [W/m² and fractions].
    public struct Environment: Sendable, Equatable {
        public var earthIR: Double
        public var albedo: Double
        public var solarIrradiance: Double
        /// Mean cosine of the solar zenith angle of the Earth below (0 in eclipse).
        public var albedoIllumination: Double

        public init(earthIR: Double, albedo: Double, solarIrradiance: Double, albedoIllumination: Double) {
            self.earthIR = earthIR; self.albedo = albedo; self.solarIrradiance = solarIrradiance; self.albedoIllumination = albedoIllumination
        }

        /// No environment: a panel facing deep space.
        public static let deepSpace = Environment(earthIR: 0, albedo: 0, solarIrradiance: 0, albedoIllumination: 0)
    }

    /// The surface properties of a panel.
    public struct Surface: Sendable, Equatable {
        public var emissivity: Double
        public var solarAbsorptivity: Double
        public var finEfficiency: Double
        public init(emissivity: Double, solarAbsorptivity: Double, finEfficiency: Double) throws {
            guard emissivity > 0, emissivity <= 1 else { throw ModelError(key: "thermal.emissivity", "\(formatNumber(emissivity)) is outside (0, 1]") }
            guard (0...1).contains(solarAbsorptivity) else { throw ModelError(key: "thermal.solar_absorptivity", "\(formatNumber(solarAbsorptivity)) is outside [0, 1]") }
            guard finEfficiency > 0, finEfficiency <= 1 else { throw ModelError(key: "thermal.fin_efficiency", "\(formatNumber(finEfficiency)) is outside (0, 1]") }
            self.emissivity = emissivity; self.solarAbsorptivity = solarAbsorptivity; self.finEfficiency = finEfficiency
        }
    }

    /// The faces that radiate, for a panel with `sides` radiating faces in an attitude.
    /// Edge-on: every face sees the Earth edge-on; sunlight (if any) falls on one face.
    /// Nadir: a one-sided panel radiates from its zenith face (F = 0); a two-sided one also from
    /// its nadir face (F = 1/H²). Sunlight falls on the zenith face. Deep space: no Earth.
    public static func faces(sides: Int, orientation: Orientation, altitude: Double?, solarIncidence: Double) -> [Face] {
        guard let altitude else { return Array(repeating: Face(earthViewFactor: 0, solarIncidence: 0), count: sides).enumerated().map {
            Face(earthViewFactor: 0, solarIncidence: $0.offset == 0 ? solarIncidence : 0) } }
        switch orientation {
        case .edgeOn:
            let f = viewFactorEdgeOn(altitude: altitude)
            return (0..<sides).map { Face(earthViewFactor: f, solarIncidence: $0 == 0 ? solarIncidence : 0) }
        case .nadir:
            let zenith = Face(earthViewFactor: 0, solarIncidence: solarIncidence)
            return sides == 1 ? [zenith] : [zenith, Face(earthViewFactor: viewFactorNadir(altitude: altitude), solarIncidence: 0)]
        }
    }

    /// Environmental flux absorbed by one face [W/m²]: ε F q_IR + α F a S k + α S s.
    public static func absorbed(face: Face, surface: Surface, environment e: Environment) -> Double {
        surface.emissivity * face.earthViewFactor * e.earthIR
            + surface.solarAbsorptivity * face.earthViewFactor * e.albedo * e.solarIrradiance * e.albedoIllumination
            + surface.solarAbsorptivity * e.solarIrradiance * face.solarIncidence
    }

    /// Net flux rejected per m² of panel (all its faces) at temperature T [W/m²].
    public static func netFlux(temperature t: Double, faces: [Face], surface: Surface, environment: Environment) -> Double {
        let emitted = surface.emissivity * Constants.stefanBoltzmann * t * t * t * t
        return faces.reduce(0) { $0 + surface.finEfficiency * (emitted - absorbed(face: $1, surface: surface, environment: environment)) }
    }

    /// The sink temperature [K]: where the panel rejects nothing, σεT⁴ = mean absorbed flux.
    public static func sinkTemperature(faces: [Face], surface: Surface, environment: Environment) -> Double {
        let mean = faces.reduce(0) { $0 + absorbed(face: $1, surface: surface, environment: environment) } / Double(faces.count)
        return pow(mean / (surface.emissivity * Constants.stefanBoltzmann), 0.25)
    }

    /// Panel area [m²] that rejects `heat` [W] at temperature T: A = Q / q(T).
    /// - Throws: `ModelError` when T is at or below the sink temperature (the panel would absorb).
    public static func area(heat: Double, temperature: Double, faces: [Face], surface: Surface, environment: Environment) throws -> Double {
        try area(heat: heat, temperature: temperature, netFlux: netFlux(temperature: temperature, faces: faces, surface: surface, environment: environment),
                 sink: sinkTemperature(faces: faces, surface: surface, environment: environment))
    }

    /// The same from the net flux q(T) [W/m²] and the sink temperature [K] (named when q ≤ 0),
    /// already computed.
    static func area(heat: Double, temperature: Double, netFlux q: Double, sink: @autoclosure () -> Double) throws -> Double {
        guard heat >= 0, heat.isFinite else { throw ModelError(key: "heat_w", "heat must be a finite, non-negative power") }
        guard temperature > 0, temperature.isFinite else { throw ModelError(key: "thermal.radiator_temperature_k", "temperature must be positive") }
        guard q > 0 else {
            let sink = sink()
            throw ModelError(key: "thermal.radiator_temperature_k", "a radiator at \(formatNumber(temperature)) K is not above its sink temperature \(formatNumber((sink * 10).rounded() / 10)) K: it cannot reject heat")
        }
        return heat / q
    }

    /// Temperature [K] at which a panel of `area` [m²] rejects `heat` [W]: the root of the quartic
    /// A·q(T) − Q = 0 found with GSL's Brent solver, bracketed between the sink temperature and the
    /// temperature that rejects Q with no environment plus the sink's share.
    public static func temperature(heat: Double, area: Double, faces: [Face], surface: Surface, environment: Environment) throws -> Double {
        guard area > 0, area.isFinite else { throw ModelError(key: "area_m2", "area must be positive") }
        guard heat >= 0, heat.isFinite else { throw ModelError(key: "heat_w", "heat must be a finite, non-negative power") }
        let sink = sinkTemperature(faces: faces, surface: surface, environment: environment)
        if heat == 0 { return sink }
        let perFace = heat / (area * Double(faces.count) * surface.finEfficiency * surface.emissivity * Constants.stefanBoltzmann)
        let upper = pow(perFace + pow(sink, 4), 0.25) * 1.01 + 1
        return try RootFinder.brent(in: max(sink, 1e-3), upper, absoluteTolerance: 1e-9, relativeTolerance: 1e-12) {
            area * netFlux(temperature: $0, faces: faces, surface: surface, environment: environment) - heat
        }
    }
}
