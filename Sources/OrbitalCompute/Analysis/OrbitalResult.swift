import Foundation

/// Everything `evaluate` computes for an orbital scenario, in SI units: the output of each step
/// of the chain (`OrbitalModel`), and the flat quantities the output table reports.
public struct OrbitalResult: Sendable, LevelizedResult {
    public var cluster: ClusterSize
    public var orbit: Orbit
    public var eclipse: EclipseYear
    public var power: PowerBudget
    public var radiator: RadiatorDesign
    public var transient: RadiatorTransient.Result
    /// Heat capacity of one satellite's radiators and compute in the transient [J/K].
    public var heatCapacityJPerKPerSatellite: Double
    public var radiation: RadiationAssessment
    public var mass: MassBudget
    public var launch: LaunchPlan
    public var levelized: Levelized
    public var accelerator: Accelerator
    /// The inputs the warnings are worded from (they are built when read, not in a study's hot loop).
    public struct WarningContext: Sendable {
        public var thermal: OrbitalInputs.Thermal
        public var years: Double
        public var training: TrainingInputs
        public var workload: Workload
    }
    public var warningContext: WarningContext
    /// What a reader must know about this result: the radiator against the coolant chain, the dose,
    /// the links, the fabric.
    public var warnings: [String] {
        let c = warningContext
        return radiator.warnings(transient, accelerator: accelerator, thermal: c.thermal) + radiation.warnings(years: c.years)
            + (network?.warnings ?? []) + (fabric?.warnings(training: c.training, workload: c.workload) ?? [])
    }
    /// Ground contact, RTTs and the link-capacity bound (MODEL.md §10).
    public var network: NetworkSummary?
    /// The training fabric: optical links, formations, training efficiency (issue 14).
    public var fabric: TrainingFabric? {
        get { fabricStorage?.value }
        set { fabricStorage = newValue.map { CopyOnWrite($0) } }
    }
    /// The fabric held by reference: a study that reads no fabric output carries none, and a nil
    /// reference is 8 bytes to write, where a nil fabric inline was 377 to clear and copy at every point.
    var fabricStorage: CopyOnWrite<TrainingFabric>? = nil

    // Cluster size
    public var acceleratorCountTarget: Double { cluster.countTarget }
    public var acceleratorCountInstalled: Double { cluster.countInstalled }
    /// Accelerators powered at the start: all installed with hot spares, the target with cold ones.
    public var acceleratorCountPowered: Double { cluster.countPowered }
    public var itPowerTargetW: Double { cluster.itTargetW }
    public var itPowerInstalledW: Double { cluster.itInstalledW }
    public var overprovisionFactor: Double { cluster.overprovisionFactor }
    // Orbit
    public var periodS: Double { orbit.period }
    public var inclinationDeg: Double { orbit.inclination / Constants.degree }
    // Power
    public var busLoadW: Double { power.busLoadW }
    public var arrayOutputRequiredW: Double { power.arrayOutputRequiredW }
    public var arrayPowerBolW: Double { power.arrayRatedW }
    public var arrayAreaM2: Double { power.arrayAreaM2 }
    public var batteryEnergyWh: Double { power.batteryEnergyJ / 3600 }
    public var lifetimeArrayEnergyWh: Double { power.lifetimeArrayEnergyJ / 3600 }
    // Thermal
    public var heatRejectedW: Double { radiator.heatW }
    public var viewFactorEarth: Double { radiator.viewFactorEarth }
    public var netFluxWPerM2: Double { radiator.netFluxWPerM2 }
    public var radiatorAreaM2: Double { radiator.areaM2 }
    public var radiatorTemperatureK: Double { radiator.temperatureK }
    public var sinkTemperatureK: Double { radiator.sinkTemperatureK }
    /// Radiator mean temperature the coolant chain allows (supply limit + ΔT/2 − approach) [K].
    public var maxRadiatorTemperatureK: Double { radiator.limitK }
    public var throttleRequired: Bool { radiator.throttleRequired(transient) }
    // Radiation
    public var annualDoseRad: Double { radiation.annualDoseRad }
    public var lifetimeDoseRad: Double { radiation.lifetimeDoseRad }
    public var radiationLifetimeLimitYears: Double { radiation.lifetimeLimitYears }
    public var upsetOverhead: Double { radiation.upsetOverhead }
    // Mass and launch
    public var massBreakdownKg: [(String, Double)] { mass.lines }
    public var massTotalKg: Double { mass.totalKg }
    public var satelliteCount: Int { mass.satellites }
    public var dragDeltaVMPerS: Double { mass.dragDeltaVMPerS }
    public var launchCount: Int { launch.launches }
    public var launchCostPerKgUsd: Double { launch.costPerKgUsd }
    public var launchCostUsd: Double { launch.costUsd }
    public var launchCostPerKwYearUsd: Double { launch.costPerKwYearUsd }
    public var deploymentDays: Double { launch.deploymentDays }
}
