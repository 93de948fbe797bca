import Foundation

/// Step 3 of the orbital chain: the bus load, the solar array and the battery that carry the
/// cluster through the worst eclipse season (MODEL.md §2–3).
public struct PowerBudget: Sendable, Equatable {
    /// Electrical load on the bus: powered IT × (1 + bus overhead) [W].
    public var busLoadW: Double
    /// Array output needed in sunlight to carry the load and recharge for the eclipse [W].
    public var arrayOutputRequiredW: Double
    /// Output the array must give at 1 AU, operating temperature, beginning of life [W].
    public var outputAt1AUW: Double
    /// Rated power (AM0, 28 °C, beginning of life): what $/W and W/kg refer to [W].
    public var arrayRatedW: Double
    public var arrayAreaM2: Double
    /// Load through eclipse: the bus, or the keep-alive share when compute throttles [W].
    public var eclipseLoadW: Double
    /// Battery energy at its depth of discharge [J].
    public var batteryEnergyJ: Double
    /// Energy the array gives over the life [J].
    public var lifetimeArrayEnergyJ: Double
    /// True when compute throttles through eclipse instead of running on batteries.
    public var throttle: Bool

    /// Sizes the power system of a cluster (`cluster`) on an orbit with `eclipse` for `years`.
    /// - Throws: `ModelError` when the cells produce no power at their operating temperature.
    public static func size(cluster: ClusterSize, eclipse: EclipseYear, power p: OrbitalInputs.Power, solar s: OrbitalInputs.Solar, years: Double) throws -> PowerBudget {
        try size(cluster: cluster, eclipse: eclipse, power: p, solar: s, years: years, pointing: SolarArray.pointingFactor(error: s.pointingError))
    }

    /// The same with the array's pointing factor (`SolarArray.pointingFactor` of `solar.pointing_error_deg`) given.
    static func size(cluster: ClusterSize, eclipse: EclipseYear, power p: OrbitalInputs.Power, solar s: OrbitalInputs.Solar, years: Double,
                     pointing: Double) throws -> PowerBudget {
        let throttle = p.eclipseStrategy == .throttle
        let busLoad = cluster.itPoweredW * (1 + p.busOverheadFraction)
        let arrayOutput = SolarArray.requiredOutput(load: busLoad, eclipseFraction: eclipse.maxFraction, conversionEfficiency: p.conversionEfficiency,
                                                    batteryRoundTrip: p.batteryRoundTripEfficiency, recharge: !throttle)
        let temperatureFactor = SolarArray.temperatureFactor(coefficientPerK: s.temperatureCoefficientPerK, temperature: s.operatingTemperatureK)
        guard temperatureFactor > 0 else {
            throw ModelError(key: "solar.operating_temperature_k", "the cells produce no power at \(formatNumber(s.operatingTemperatureK)) K with this temperature coefficient")
        }
        // (1 − d)^T = e^{T ln(1 − d)}: the end-of-life sizing and the lifetime energy both read it.
        let retention = SolarArray.retentionLog(ratePerYear: s.degradationPerYear)
        let endOfLife = exp(years * retention)
        let outputAt1AU: Double
        switch s.sizing {
        case .mean:
            // The beginning-of-life load on the life-mean output at 1 AU (McCalip's convention):
            // late in life the cluster throttles to what the array gives.
            outputAt1AU = arrayOutput / (SolarArray.meanDegradationFactor(ratePerYear: s.degradationPerYear, years: years) * pointing)
        case .endOfLife:
            // The worse of beginning of life (every hot spare powered) and end of life (the
            // survivors on a degraded array), at aphelion in the worst season.
            let endLoad = Reliability.survival(rate: cluster.poweredDecayRate, years: years)
            outputAt1AU = arrayOutput * max(1, endLoad / endOfLife) / (eclipse.minIrradianceFactor * pointing)
        }
        let area = outputAt1AU / SolarArray.outputPerArea(irradiance: Constants.solarIrradiance, efficiency: s.cellEfficiency, packing: s.packingFactor,
                                                          temperatureFactor: temperatureFactor, degradationFactor: 1)
        let eclipseLoad = throttle ? cluster.itPoweredW * p.eclipseKeepaliveFraction : busLoad
        let battery = Battery.capacity(load: eclipseLoad, duration: eclipse.maxDuration, depthOfDischarge: p.batteryDepthOfDischarge,
                                       roundTripEfficiency: p.batteryRoundTripEfficiency)
        let lifetimeEnergy = SolarArray.lifetimeEnergy(powerAt1AU: outputAt1AU, meanSunlitFactor: eclipse.meanSunlitIrradianceFactor,
                                                       degradationPerYear: s.degradationPerYear, years: years,
                                                       endOfLifeFactor: endOfLife, retentionLog: retention)
        return PowerBudget(busLoadW: busLoad, arrayOutputRequiredW: arrayOutput, outputAt1AUW: outputAt1AU, arrayRatedW: outputAt1AU / temperatureFactor,
                           arrayAreaM2: area, eclipseLoadW: eclipseLoad, batteryEnergyJ: battery, lifetimeArrayEnergyJ: lifetimeEnergy, throttle: throttle)
    }
}
