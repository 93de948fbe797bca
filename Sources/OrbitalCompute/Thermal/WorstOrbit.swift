/// Step 6 of the orbital chain: one satellite's radiator through the worst orbit, and what the
/// peak and the trough mean for the coolant (MODEL.md §4).
extension RadiatorTransient {
    /// The lumped transient of one satellite's share of the radiators, their heat and their
    /// heat capacity (the scenario's, else the radiator and compute masses × specific heat).
    public static func worstOrbitInputs(radiator: RadiatorDesign, mass: MassBudget, orbit: Orbit, eclipse: EclipseYear, thermal t: OrbitalInputs.Thermal) -> Inputs {
        let perSatellite = 1 / Double(mass.satellites)
        let e = radiator.environment
        return Inputs(heatCapacity: heatCapacityPerSatellite(mass: mass, thermal: t),
                      area: radiator.areaM2 * perSatellite, faces: radiator.faces, surface: radiator.surface,
                      environment: Radiator.Environment(earthIR: e.earthIR, albedo: e.albedo, solarIrradiance: e.solarIrradiance, albedoIllumination: 1),
                      period: orbit.period, eclipseFraction: eclipse.maxFraction, beta: eclipse.worstBeta,
                      heatSunlit: radiator.heatW * perSatellite, heatEclipse: radiator.eclipseHeatW * perSatellite)
    }

    /// Heat capacity of one satellite's radiators and compute [J/K]: the scenario's, else their
    /// masses × the specific heat.
    public static func heatCapacityPerSatellite(mass: MassBudget, thermal t: OrbitalInputs.Thermal) -> Double {
        t.heatCapacityJPerK ?? (mass.radiatorsKg + mass.computeKg) * (1 / Double(mass.satellites)) * t.specificHeatJPerKgK
    }

    /// No transient (Monte Carlo without `--thermal-transient`): minimum and maximum are NaN.
    public static let notComputed = Result(minimum: .nan, maximum: .nan, atEclipseExit: .nan, profile: [])
}

extension RadiatorDesign {
    /// Whether the radiator peaks above what the coolant chain allows in the worst orbit.
    public func throttleRequired(_ transient: RadiatorTransient.Result) -> Bool {
        transient.maximum > limitK + RadiatorTransient.lumpedResolutionK
    }

    /// A radiator warmer than the chain allows, a peak that forces throttling, a trough that freezes the coolant.
    public func warnings(_ transient: RadiatorTransient.Result, accelerator: Accelerator, thermal t: OrbitalInputs.Thermal) -> [String] {
        var out: [String] = []
        if temperatureK > limitK + 1e-9 {
            out.append("thermal.radiator_temperature_k \(formatNumber(temperatureK)) K is above the \(formatNumber(limitK)) K the coolant chain allows (supply ≤ \(formatNumber(accelerator.coolantSupplyMaxK)) K, loop ΔT \(formatNumber(t.loopDeltaTK)) K, approach \(formatNumber(t.radiatorApproachK)) K)")
        }
        if throttleRequired(transient) {
            out.append("the radiator peaks at \(formatNumber((transient.maximum * 10).rounded() / 10)) K in the worst orbit, above the \(formatNumber(limitK)) K the coolant chain allows: compute must throttle")
        }
        if transient.minimum < t.coolantFreezingK {
            out.append("the radiator falls to \(formatNumber((transient.minimum * 10).rounded() / 10)) K in the worst orbit, below the coolant's freezing point \(formatNumber(t.coolantFreezingK)) K: use an antifreeze loop (thermal.coolant_freezing_k) or heaters")
        }
        return out
    }
}
