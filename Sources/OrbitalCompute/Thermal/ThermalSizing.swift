import Foundation

/// Step 4 of the orbital chain: the heat to reject and the radiator that rejects it at the
/// temperature the coolant chain allows (MODEL.md §4).
public struct RadiatorDesign: Sendable {
    /// Heat rejected in sunlight: everything the bus uses plus conditioning losses and the battery's
    /// round-trip loss on the worst orbit's recharge [W].
    public var heatW: Double
    /// Heat through eclipse [W].
    public var eclipseHeatW: Double
    public var faces: [Radiator.Face]
    public var surface: Radiator.Surface
    /// The sizing environment: the worst orbit's albedo, orbit-averaged.
    public var environment: Radiator.Environment
    /// Radiator mean temperature the coolant chain allows (supply limit + ΔT/2 − approach) [K].
    public var limitK: Double
    /// Radiator mean temperature used [K]: the scenario's, else the chain's.
    public var temperatureK: Double
    public var areaM2: Double
    public var netFluxWPerM2: Double
    public var sinkTemperatureK: Double

    /// Sizes the radiators for `power` on `orbit` in its worst season.
    /// - Throws: `ModelError` when the chain leaves the radiator at or below 0 K, or no area can reject the heat.
    public static func size(power: PowerBudget, eclipse: EclipseYear, orbit: Orbit, accelerator: Accelerator, powerInputs p: OrbitalInputs.Power,
                            thermal t: OrbitalInputs.Thermal, environment e: OrbitalInputs.Environment) throws -> RadiatorDesign {
        try size(power: power, eclipse: eclipse, orbit: orbit, accelerator: accelerator, powerInputs: p, thermal: t, environment: e, faces: nil)
    }

    /// The sizing environment of the faces and its sink temperature: what the radiator's
    /// attitude, surface and orbit fix, whatever the heat.
    struct Sink: Equatable {
        var environment: Radiator.Environment
        var temperatureK: Double
    }

    /// The sizing environment: the worst orbit's albedo, orbit-averaged (mean cos ζ = cos β / π),
    /// and the sink temperature of `faces` in it.
    static func sink(eclipse: EclipseYear, faces: [Radiator.Face], surface: Radiator.Surface, environment e: OrbitalInputs.Environment) -> Sink {
        let environment = Radiator.Environment(earthIR: e.earthIrWPerM2, albedo: e.albedo, solarIrradiance: Constants.solarIrradiance,
                                               albedoIllumination: cos(eclipse.worstBeta) / .pi)
        return Sink(environment: environment, temperatureK: Radiator.sinkTemperature(faces: faces, surface: surface, environment: environment))
    }

    /// The thermal surface of the scenario's radiators, validated.
    static func surface(_ t: OrbitalInputs.Thermal) throws -> Radiator.Surface {
        try Radiator.Surface(emissivity: t.emissivity, solarAbsorptivity: t.solarAbsorptivity, finEfficiency: t.finEfficiency)
    }

    /// The same with the faces already built (`Radiator.faces` of the thermal inputs on `orbit`)
    /// and, when given, their `sink` (`sink(eclipse:faces:surface:environment:)`).
    static func size(power: PowerBudget, eclipse: EclipseYear, orbit: Orbit, accelerator: Accelerator, powerInputs p: OrbitalInputs.Power,
                     thermal t: OrbitalInputs.Thermal, environment e: OrbitalInputs.Environment, faces given: __owned [Radiator.Face]?, sink givenSink: Sink? = nil) throws -> RadiatorDesign {
        // All electrical power used on the bus plus conditioning losses ends on the radiators; in
        // sunlight so does the battery's round-trip loss on the recharge of the worst orbit,
        // P_in (1 − η_rt) with P_in = L f / ((1 − f) η_rt), all charged to the sunlit part (for sizing).
        let eclipseHeat = power.throttle ? power.eclipseLoadW / p.conversionEfficiency : power.busLoadW / p.conversionEfficiency
        let rechargeIn = power.throttle ? 0 : power.busLoadW * eclipse.maxFraction / ((1 - eclipse.maxFraction) * p.batteryRoundTripEfficiency)
        let heat = power.busLoadW / p.conversionEfficiency + rechargeIn * (1 - p.batteryRoundTripEfficiency)
        let surface = try Self.surface(t)
        let faces = given ?? Radiator.faces(sides: Int(t.sides), orientation: t.orientation, altitude: orbit.altitude, solarIncidence: t.solarIncidenceFactor)
        let sink = givenSink ?? Self.sink(eclipse: eclipse, faces: faces, surface: surface, environment: e)
        let environment = sink.environment
        // The coolant chain: supply limit → return (+ loop ΔT) → radiator mean below the coolant in it.
        let limit = Radiator.chainTemperature(coolantSupplyMax: accelerator.coolantSupplyMaxK, loopDeltaT: t.loopDeltaTK, approach: t.radiatorApproachK)
        let temperature = t.radiatorTemperatureK ?? limit
        guard temperature > 0 else {
            throw ModelError(key: "thermal.radiator_approach_k", "the coolant chain leaves the radiator at \(formatNumber(temperature)) K: lower thermal.radiator_approach_k or raise compute.coolant_supply_max_k")
        }
        let netFlux = Radiator.netFlux(temperature: temperature, faces: faces, surface: surface, environment: environment)
        return RadiatorDesign(heatW: heat, eclipseHeatW: eclipseHeat, faces: faces, surface: surface, environment: environment, limitK: limit, temperatureK: temperature,
                              areaM2: try Radiator.area(heat: heat, temperature: temperature, netFlux: netFlux, sink: sink.temperatureK),
                              netFluxWPerM2: netFlux, sinkTemperatureK: sink.temperatureK)
    }

    /// Larger Earth view factor of the faces [-].
    public var viewFactorEarth: Double { faces.map(\.earthViewFactor).max() ?? 0 }
}
