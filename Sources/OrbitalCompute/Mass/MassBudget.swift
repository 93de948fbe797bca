import Foundation

/// Step 5 of the orbital chain: the mass of the constellation, line by line, and the propellant
/// that holds its altitude against drag (MODEL.md §6).
///
/// Three conventions, never mixed: the bottom-up budget; a published whole-satellite W/kg
/// (`satellite.specific_power_w_per_kg`), which replaces everything but the accelerators; and a
/// published design's own launch mass per kW (`satellite.launch_mass_per_kw_kg`), which replaces
/// the budget (areas and power stay physical).
public struct MassBudget: Sendable, Equatable {
    public enum Convention: Sendable, Equatable { case bottomUp, wholeSatellite, specified }
    public var convention: Convention
    /// Bottom-up lines [kg] (computed in every convention: the bus cost and drag use them).
    public var computeKg, arraysKg, radiatorsKg, batteriesKg, structureKg, shieldingKg, linksKg, propellantKg: Double
    /// Everything but propellant, bottom-up [kg].
    public var dryKg: Double
    /// The whole-satellite line [kg] (whole-satellite convention), else 0.
    public var wholeSatelliteKg: Double
    /// Launched mass in the scenario's convention [kg].
    public var totalKg: Double
    public var satellites: Int
    /// Station-keeping Δv over the life [m/s].
    public var dragDeltaVMPerS: Double

    /// The structure, shielding and links: what the bus price per kg buys [kg].
    public var busKg: Double { structureKg + shieldingKg + linksKg }
    /// What the factories build: propellant (when the budget counts it) is loaded, not built [kg].
    public var builtKg: Double { convention == .bottomUp ? totalKg - propellantKg : totalKg }

    /// The lines as reported (`mass_breakdown_kg`), in the scenario's convention.
    public var lines: [(String, Double)] {
        switch convention {
        case .bottomUp:
            return [("compute", computeKg), ("solar_arrays", arraysKg), ("radiators", radiatorsKg), ("batteries", batteriesKg),
                    ("structure", structureKg), ("shielding", shieldingKg), ("inter_satellite_links", linksKg), ("propellant", propellantKg)]
        case .wholeSatellite: return [("compute", computeKg), ("satellite", wholeSatelliteKg)]
        case .specified: return [("specified_total", totalKg)]
        }
    }

    /// The most satellites a scenario may have (a bound that keeps counts exact in integers and
    /// far above any constellation proposed: SpaceX's filing for a million satellites).
    public static let maxSatellites = 1e8

    /// Builds the budget of `cluster` with its `power` system and `radiator`s on `orbit` for `years`.
    /// - Throws: `ModelError` past `maxSatellites`, or when the orbit is too low to hold
    ///   (propellant above 1.7 × the dry mass: a mass ratio above e).
    public static func build(cluster: ClusterSize, accelerator: Accelerator, power: PowerBudget, radiator: RadiatorDesign, orbit: Orbit, years: Double,
                             x: OrbitalInputs) throws -> MassBudget {
        try build(cluster: cluster, accelerator: accelerator, power: power, radiator: radiator, orbit: orbit, years: years, x: x,
                  dynamicPressure: Atmosphere.dynamicPressure(altitude: orbit.altitude))
    }

    /// The same with the orbit's dynamic pressure ½ ρ v² (`Atmosphere.dynamicPressure`) given.
    static func build(cluster: ClusterSize, accelerator: Accelerator, power: PowerBudget, radiator: RadiatorDesign, orbit: Orbit, years: Double,
                      x: OrbitalInputs, dynamicPressure: Double) throws -> MassBudget {
        let s = x.satellite
        let satelliteCount = (cluster.itInstalledW / s.itPowerW).rounded(.up)
        guard satelliteCount <= maxSatellites else {
            throw ModelError(key: "satellite.it_power_w", "\(formatNumber(satelliteCount)) satellites of \(formatNumber(s.itPowerW)) W each is more than \(formatNumber(maxSatellites)): use larger satellites")
        }
        let satellites = Int(satelliteCount)
        let compute = cluster.countInstalled * accelerator.massKg
        let arrays = power.arrayRatedW / x.solar.specificPowerWPerKg
        let radiators = radiator.areaM2 * x.thermal.arealMassKgPerM2 * x.thermal.loopMassFactor
        let batteries = power.batteryEnergyJ / x.power.batterySpecificEnergyJPerKg
        let shielding = cluster.countInstalled * x.radiation.shieldedAreaPerAcceleratorM2 * x.radiation.shieldThickness * Constants.aluminiumDensity
        let links = Double(satellites) * s.islTerminals * s.islTerminalMassKg
        let nonStructure = compute + arrays + radiators + batteries + shielding + links
        let structure = nonStructure * s.structureMassFraction / (1 - s.structureMassFraction)
        let dry = nonStructure + structure
        let dragArea = (power.arrayAreaM2 + radiator.areaM2) * s.dragAreaFraction
        let deltaV = Atmosphere.dragDeltaVPerYear(dynamicPressure: dynamicPressure, area: dragArea, mass: dry, dragCoefficient: s.dragCoefficient) * years
        guard deltaV / (s.thrusterIspS * Constants.standardGravity) <= 1 else {
            throw ModelError(key: "orbit.altitude_km", "holding \(formatNumber(orbit.altitude / 1000)) km against drag for \(formatNumber(years)) years takes Δv = \(formatNumber(deltaV.rounded())) m/s, more propellant than the satellites weigh: fly higher or shorter")
        }
        let propellant = Atmosphere.propellant(deltaV: deltaV, dryMass: dry, isp: s.thrusterIspS)
        var budget = MassBudget(convention: .bottomUp, computeKg: compute, arraysKg: arrays, radiatorsKg: radiators, batteriesKg: batteries, structureKg: structure,
                                shieldingKg: shielding, linksKg: links, propellantKg: propellant, dryKg: dry, wholeSatelliteKg: 0, totalKg: dry + propellant,
                                satellites: satellites, dragDeltaVMPerS: deltaV)
        if let wholeSatellite = s.specificPowerWPerKg {
            budget.convention = .wholeSatellite
            budget.wholeSatelliteKg = power.arrayRatedW / wholeSatellite
            budget.totalKg = compute + budget.wholeSatelliteKg
        }
        if let specified = s.launchMassPerKwKg {
            budget.convention = .specified
            budget.totalKg = cluster.itInstalledW / 1000 * specified
        }
        return budget
    }
}
