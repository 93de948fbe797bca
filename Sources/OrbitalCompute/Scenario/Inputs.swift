/// Typed scenario inputs in SI-named fields, one struct per YAML section.
///
/// Field values here are placeholders: every default comes from the parameter table
/// (`ParameterTable`), which is the one place defaults and their sources live.
/// Optional fields are "not given": the model then derives them (from a catalog or another key).

public enum ScenarioKind: String, Sendable, CaseIterable {
    case orbital, terrestrial
}

/// What an absent optional key means, where no single default can be written in the table
/// (the key is exclusive with another). Each is stated in its parameter's `derived` text.
public enum DerivedDefaults {
    /// The question's scale: a gigawatt of IT in orbit [W].
    public static let orbitalItPowerW = 1e9
    /// Colossus 1's accelerators (seed facts, May 2026).
    public static let colossusAcceleratorCount = 220_000.0
    /// Dawn-dusk: the sun-synchronous node at 18 h local time (Suncatcher's orbit) [h].
    public static let sunSynchronousLtanH = 18.0
}

public struct ComputeInputs: Sendable, Equatable {
    public var accelerator = ""
    public var itPowerW: Double?
    public var acceleratorCount: Double?
    public var utilization = 0.0
    // Catalog overrides.
    public var acceleratorPowerW: Double?
    public var itPowerPerAcceleratorW: Double?
    public var acceleratorMassKg: Double?
    public var acceleratorPriceUsd: Double?
    public var bf16DenseTflops: Double?
    public var coolantSupplyMaxK: Double?
}

public struct ReliabilityInputs: Sendable, Equatable {
    public var acceleratorFailureRatePerYear = 0.0
    public var strategy = Reliability.Strategy.overprovision
    public var repairDays = 0.0
    // Orbital only.
    public var spares = Reliability.Spares.hot
    // Terrestrial only.
    public var repairCostFraction = 0.0
    public var technicianHoursPerFailure = 0.0
    public var technicianCostUsdPerHour = 0.0
}

public struct FinanceInputs: Sendable, Equatable {
    public var lifetimeYears = 0.0
    public var discountRate = 0.0
    public var opsCostUsdPerYear = 0.0
    public var costBoundary = CostBoundary.everything
    public var deploymentTiming = DeploymentTiming.Convention.ramp
    public var comparisonWindowYears: Double?
    // Orbital only.
    public var satelliteCostUsdPerKg = 0.0
    public var insuranceFraction = 0.0
    public var groundSegmentUsd = 0.0
    public var nreUsd = 0.0
}

/// Inputs shared by both kinds of scenario.
public protocol CommonInputs: Sendable {
    var compute: ComputeInputs { get set }
    var reliability: ReliabilityInputs { get set }
    var finance: FinanceInputs { get set }
    /// The stored fields themselves, so that the parameter table's key paths to shared keys are
    /// chains of stored properties (a plain offset for hot loops), not protocol requirements.
    static var computePath: WritableKeyPath<Self, ComputeInputs> { get }
    static var reliabilityPath: WritableKeyPath<Self, ReliabilityInputs> { get }
    static var financePath: WritableKeyPath<Self, FinanceInputs> { get }
}

extension OrbitalInputs {
    public static var computePath: WritableKeyPath<OrbitalInputs, ComputeInputs> { \.compute }
    public static var reliabilityPath: WritableKeyPath<OrbitalInputs, ReliabilityInputs> { \.reliability }
    public static var financePath: WritableKeyPath<OrbitalInputs, FinanceInputs> { \.finance }
}

extension TerrestrialInputs {
    public static var computePath: WritableKeyPath<TerrestrialInputs, ComputeInputs> { \.compute }
    public static var reliabilityPath: WritableKeyPath<TerrestrialInputs, ReliabilityInputs> { \.reliability }
    public static var financePath: WritableKeyPath<TerrestrialInputs, FinanceInputs> { \.finance }
}

public struct OrbitalInputs: CommonInputs, Equatable {
    public struct Orbit: Sendable, Equatable {
        /// Altitude above the equatorial radius [m] (`orbit.altitude_km`).
        public var altitude = 0.0
        public var ssoLtanH: Double?
        /// [rad] (`orbit.inclination_deg`)
        public var inclination: Double?
        /// [rad] (`orbit.raan_deg`)
        public var raan = 0.0
        /// [rad] (`orbit.beta_deg`)
        public var beta: Double?
        public var shadowModel = OrbitalCompute.Orbit.ShadowModel.cylindrical
    }
    public struct Solar: Sendable, Equatable {
        public var cellEfficiency = 0.0
        public var packingFactor = 0.0
        public var degradationPerYear = 0.0
        public var temperatureCoefficientPerK = 0.0
        public var operatingTemperatureK = 0.0
        public var specificPowerWPerKg = 0.0
        public var costUsdPerW = 0.0
        /// [rad] (`solar.pointing_error_deg`)
        public var pointingError = 0.0
        public var sizing = SolarArray.Sizing.endOfLife
    }
    public struct Power: Sendable, Equatable {
        public var eclipseStrategy = Battery.EclipseStrategy.battery
        /// [J/kg] (`power.battery_specific_energy_wh_per_kg`)
        public var batterySpecificEnergyJPerKg = 0.0
        public var batteryDepthOfDischarge = 0.0
        public var batteryRoundTripEfficiency = 0.0
        public var batteryCostUsdPerKwh = 0.0
        public var conversionEfficiency = 0.0
        public var busOverheadFraction = 0.0
        public var eclipseKeepaliveFraction = 0.0
    }
    public struct Thermal: Sendable, Equatable {
        public var radiatorTemperatureK: Double?
        public var loopDeltaTK = 0.0
        public var radiatorApproachK = 0.0
        public var coolantFreezingK = 0.0
        public var emissivity = 0.0
        public var solarAbsorptivity = 0.0
        public var sides = 0.0
        public var orientation = Radiator.Orientation.edgeOn
        public var finEfficiency = 0.0
        public var arealMassKgPerM2 = 0.0
        public var loopMassFactor = 0.0
        public var costUsdPerM2 = 0.0
        public var solarIncidenceFactor = 0.0
        public var heatCapacityJPerK: Double?
        public var specificHeatJPerKgK = 0.0
    }
    public struct Environment: Sendable, Equatable {
        public var earthIrWPerM2 = 0.0
        public var albedo = 0.0
    }
    public struct Satellite: Sendable, Equatable {
        public var itPowerW = 0.0
        public var structureMassFraction = 0.0
        public var manufacturingKgPerYear = 0.0
        public var costUsdPerW: Double?
        public var specificPowerWPerKg: Double?
        public var dragCoefficient = 0.0
        public var dragAreaFraction = 0.0
        public var thrusterIspS = 0.0
        public var islTerminals = 0.0
        public var islTerminalMassKg = 0.0
        public var launchMassPerKwKg: Double?
    }
    public struct Radiation: Sendable, Equatable {
        /// Aluminium-equivalent shield [m] (`radiation.shield_thickness_mm`).
        public var shieldThickness = 0.0
        public var shieldedAreaPerAcceleratorM2 = 0.0
        public var toleratedDoseRad = 0.0
        public var hbmOnsetDoseRad = 0.0
        public var upsetRatePerAcceleratorDay = 0.0
        public var hoursLostPerUpset = 0.0
    }
    public struct Launch: Sendable, Equatable {
        public var vehicle = ""
        public var costPerKgUsd: Double?
        public var payloadKg: Double?
        public var priceUsd: Double?
        public var launchesPerYear = 0.0
        public var learningRate = 0.0
    }

    public var compute = ComputeInputs()
    public var orbit = Orbit()
    public var solar = Solar()
    public var power = Power()
    public var thermal = Thermal()
    public var environment = Environment()
    public var satellite = Satellite()
    public var radiation = Radiation()
    public var launch = Launch()
    public var reliability = ReliabilityInputs()
    public var finance = FinanceInputs()
    public var network = NetworkInputs()
    /// Optical inter-satellite links, formation and training job (`isl.*`, `formation.*`, `training.*`, `fabric.*`).
    public var isl = IslInputs()
    public var formation = FormationInputs()
    public var training = TrainingInputs()
    public var fabric = FabricInputs()

    /// Every parameter at its default (from the parameter table).
    public static var defaults: OrbitalInputs { ParameterTable.orbital.defaultInputs }
}

public struct TerrestrialInputs: CommonInputs, Equatable {
    public struct Site: Sendable, Equatable {
        public var latitudeDeg = 0.0
        public var longitudeDeg = 0.0
    }
    public struct Facility: Sendable, Equatable {
        public var powerW: Double?
        public var pue = 0.0
        public var capexUsdPerW = 0.0
        public var buildDays = 0.0
        public var lifetimeYears = 0.0
        public var loadFactor = 0.0
        public var maintenanceFractionPerYear = 0.0
    }
    public struct Energy: Sendable, Equatable {
        public var source = EnergySource.grid
        public var priceUsdPerMwh = 0.0
        public var gasPriceUsdPerMmbtu = 0.0
        public var heatRateBtuPerKwh = 0.0
        public var gasPlantCapexUsdPerW = 0.0
    }
    public struct Water: Sendable, Equatable {
        public var litersPerKwh = 0.0
        public var priceUsdPerM3 = 0.0
    }

    public var site = Site()
    public var compute = ComputeInputs()
    public var facility = Facility()
    public var energy = Energy()
    public var water = Water()
    public var reliability = ReliabilityInputs()
    public var finance = FinanceInputs()
    /// The training job and the cluster's network (`training.*`, `fabric.*`, `network.workload`).
    public var training = TrainingInputs()
    public var fabric = FabricInputs()

    public static var defaults: TerrestrialInputs { ParameterTable.terrestrial.defaultInputs }
}
