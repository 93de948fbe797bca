import Foundation

/// Everything `evaluate` computes for an orbital scenario, in SI units.
public struct OrbitalResult: Sendable, LevelizedResult {
    // Cluster size
    public var acceleratorCountTarget: Double
    public var acceleratorCountInstalled: Double
    /// Accelerators powered at the start: all installed with hot spares, the target with cold ones.
    public var acceleratorCountPowered: Double
    public var itPowerTargetW: Double
    public var itPowerInstalledW: Double
    public var overprovisionFactor: Double
    // Orbit
    public var periodS: Double
    public var inclinationDeg: Double
    public var eclipse: EclipseYear
    // Power
    public var busLoadW: Double
    public var arrayOutputRequiredW: Double
    public var arrayPowerBolW: Double
    public var arrayAreaM2: Double
    public var batteryEnergyWh: Double
    public var lifetimeArrayEnergyWh: Double
    // Thermal
    public var heatRejectedW: Double
    public var viewFactorEarth: Double
    public var netFluxWPerM2: Double
    public var radiatorAreaM2: Double
    public var radiatorTemperatureK: Double
    public var sinkTemperatureK: Double
    public var heatCapacityJPerKPerSatellite: Double
    public var transient: RadiatorTransient.Result
    /// Radiator mean temperature the coolant chain allows (supply limit + ΔT/2 − approach) [K].
    public var maxRadiatorTemperatureK: Double
    public var throttleRequired: Bool
    // Radiation
    public var annualDoseRad: Double
    public var lifetimeDoseRad: Double
    public var radiationLifetimeLimitYears: Double
    public var upsetOverhead: Double
    // Mass and launch
    public var massBreakdownKg: [(String, Double)]
    public var massTotalKg: Double
    public var satelliteCount: Int
    public var dragDeltaVMPerS: Double
    public var launchCount: Int
    public var launchCostPerKgUsd: Double
    public var launchCostUsd: Double
    public var launchCostPerKwYearUsd: Double
    public var deploymentDays: Double
    // Money and output
    public var levelized: Levelized
    public var accelerator: Accelerator
    public var warnings: [String]
    /// Ground contact, RTTs and the link-capacity bound (MODEL.md §10).
    public var network: NetworkSummary?
    /// The training fabric: optical links, formations, training efficiency (issue 14).
    public var fabric: TrainingFabric? = nil
}

/// Evaluates orbital scenarios. Reuses the annual eclipse integral and the thermal transient
/// between calls with the same orbit and radiator, so keep one evaluator per thread in sweeps.
public final class OrbitalModel {
    private var eclipseCache: [EclipseKey: (Orbit, EclipseYear)] = [:]
    private var transientCache: [TransientKey: RadiatorTransient.Result] = [:]
    /// The training fabric depends only on these: sweeps over costs reuse it.
    private var fabricCache: [FabricKey: TrainingFabric] = [:]
    private struct FabricKey: Hashable {
        var fabric: FabricInputs, training: TrainingInputs, isl: IslInputs, formation: FormationInputs, workload: Workload
        var satelliteItW, islTerminals, satellites, accelerators, itPerAcceleratorW, peakFlops: Double
    }
    private let networkModel = NetworkModel()

    /// When false, `evaluate` skips the periodic thermal transient (temperature_min_k and
    /// temperature_max_k become NaN, no throttle warning): no cost depends on it, and Monte Carlo
    /// runs 10–20× faster without it (`orbital montecarlo --thermal-transient` turns it on).
    public var computesTransient = true

    public init() {}

    /// The most satellites a scenario may have (a bound that keeps counts exact in integers and
    /// far above any constellation proposed: SpaceX's filing for a million satellites).
    public static let maxSatellites = 1e8

    /// Forgets the cached eclipse years and thermal transients (not the network geometry), so the
    /// next evaluation pays for both again: `orbital bench` measures that cost with it.
    public func clearOrbitAndThermalCaches() {
        eclipseCache.removeAll(keepingCapacity: true)
        transientCache.removeAll(keepingCapacity: true)
        fabricCache.removeAll(keepingCapacity: true)
    }

    private struct EclipseKey: Hashable { var altitude, ltan, inclination, raan, beta: Double?; var shadow: Orbit.ShadowModel }
    private struct TransientKey: Hashable { var values: [Double]; var faces: Int }

    /// The orbit of a scenario and its eclipse year (cached).
    public func orbitAndEclipse(_ o: OrbitalInputs.Orbit) throws -> (Orbit, EclipseYear) {
        let key = EclipseKey(altitude: o.altitude, ltan: o.ssoLtanH, inclination: o.inclination, raan: o.raan, beta: o.beta, shadow: o.shadowModel)
        if let hit = eclipseCache[key] { return hit }
        let plane: Orbit.Plane
        if let beta = o.beta { plane = .fixedBeta(beta) }
        else if let i = o.inclination { plane = .inclined(inclination: i, raan: o.raan) }
        else { plane = .sunSynchronous(ltanHours: o.ssoLtanH ?? DerivedDefaults.sunSynchronousLtanH) }
        let orbit = try Orbit(altitude: o.altitude, plane: plane, shadow: o.shadowModel)
        let year = try EclipseYear(orbit: orbit)
        if eclipseCache.count > 4096 { eclipseCache.removeAll() }
        eclipseCache[key] = (orbit, year)
        return (orbit, year)
    }

    public func evaluate(_ x: OrbitalInputs) throws -> OrbitalResult {
        var warnings: [String] = []
        let acc = try x.compute.resolvedAccelerator()
        let (vehicle, costPerKg) = try x.launch.resolved()
        let years = x.finance.lifetimeYears
        try Finance.check(lifetime: years, discountRate: x.finance.discountRate)
        let lambda = x.reliability.acceleratorFailureRatePerYear

        // Cluster size: target, then spares for the no-repair strategy.
        let itTarget = x.compute.acceleratorCount.map { $0 * acc.itPowerPerAcceleratorW } ?? x.compute.itPowerW ?? DerivedDefaults.orbitalItPowerW
        let countTarget = (itTarget / acc.itPowerPerAcceleratorW).rounded(.up)
        // Hot spares all run and decay to the target's mean; cold spares keep the powered count at the target.
        let overprovision = x.reliability.strategy == .overprovision
        let coldSpares = overprovision && x.reliability.spares == .cold
        let factor = !overprovision ? 1 : coldSpares ? Reliability.coldSpareFactor(rate: lambda, years: years) : Reliability.overprovisionFactor(rate: lambda, years: years)
        let countInstalled = (countTarget * factor).rounded(.up)
        let itInstalled = countInstalled * acc.itPowerPerAcceleratorW
        let countPowered = coldSpares ? countTarget : countInstalled
        let itPowered = countPowered * acc.itPowerPerAcceleratorW
        // The powered load decays as accelerators fail, unless cold spares replace them.
        let poweredDecay = coldSpares ? 0 : lambda

        // Orbit and eclipses.
        let (orbit, eclipse) = try orbitAndEclipse(x.orbit)
        let throttle = x.power.eclipseStrategy == .throttle

        // Power: the bus load, the array sized for end of life at aphelion in the worst season.
        let busLoad = itPowered * (1 + x.power.busOverheadFraction)
        let arrayOutput = SolarArray.requiredOutput(load: busLoad, eclipseFraction: eclipse.maxFraction,
                                                    conversionEfficiency: x.power.conversionEfficiency,
                                                    batteryRoundTrip: x.power.batteryRoundTripEfficiency, recharge: !throttle)
        let temperatureFactor = SolarArray.temperatureFactor(coefficientPerK: x.solar.temperatureCoefficientPerK, temperature: x.solar.operatingTemperatureK)
        guard temperatureFactor > 0 else { throw ModelError(key: "solar.operating_temperature_k", "the cells produce no power at \(formatNumber(x.solar.operatingTemperatureK)) K with this temperature coefficient") }
        let endOfLife = SolarArray.degradationFactor(ratePerYear: x.solar.degradationPerYear, years: years)
        let pointing = SolarArray.pointingFactor(error: x.solar.pointingError)
        // Output at 1 AU, operating temperature, beginning of life, sized for what is powered:
        let outputAt1AU: Double
        if x.solar.sizing == .mean {
            // The beginning-of-life load on the life-mean output at 1 AU (McCalip's convention):
            // late in life the cluster throttles to what the array gives.
            let meanOutput = SolarArray.meanDegradationFactor(ratePerYear: x.solar.degradationPerYear, years: years)
            outputAt1AU = arrayOutput / (meanOutput * pointing)
        } else {
            // The worse of beginning of life (every hot spare powered) and end of life (the
            // survivors on a degraded array), at aphelion in the worst season.
            let endLoad = Reliability.survival(rate: poweredDecay, years: years)
            outputAt1AU = arrayOutput * max(1, endLoad / endOfLife) / (eclipse.minIrradianceFactor * pointing)
        }
        let arrayArea = outputAt1AU / SolarArray.outputPerArea(irradiance: Constants.solarIrradiance, efficiency: x.solar.cellEfficiency,
                                                               packing: x.solar.packingFactor, temperatureFactor: temperatureFactor, degradationFactor: 1)
        // Rated power (AM0, 28 °C, BOL) is what $/W and W/kg refer to.
        let arrayRated = outputAt1AU / temperatureFactor
        let eclipseLoad = throttle ? itPowered * x.power.eclipseKeepaliveFraction : busLoad
        let batteryJ = Battery.capacity(load: eclipseLoad, duration: eclipse.maxDuration,
                                        depthOfDischarge: x.power.batteryDepthOfDischarge, roundTripEfficiency: x.power.batteryRoundTripEfficiency)
        let lifetimeEnergy = SolarArray.lifetimeEnergy(powerAt1AU: outputAt1AU, meanSunlitFactor: eclipse.meanSunlitIrradianceFactor,
                                                           degradationPerYear: x.solar.degradationPerYear, years: years)

        // Heat: all electrical power used on the bus plus conditioning losses ends on the radiators;
        // in sunlight so does the battery's round-trip loss on the recharge of the worst orbit,
        // P_in (1 − η_rt) with P_in = L f / ((1 − f) η_rt), all charged to the sunlit part (for sizing).
        let eclipseHeatTotal = throttle ? eclipseLoad / x.power.conversionEfficiency : busLoad / x.power.conversionEfficiency
        let rechargeIn = throttle ? 0 : busLoad * eclipse.maxFraction / ((1 - eclipse.maxFraction) * x.power.batteryRoundTripEfficiency)
        let heat = busLoad / x.power.conversionEfficiency + rechargeIn * (1 - x.power.batteryRoundTripEfficiency)
        let surface = try Radiator.Surface(emissivity: x.thermal.emissivity, solarAbsorptivity: x.thermal.solarAbsorptivity, finEfficiency: x.thermal.finEfficiency)
        let orientation = x.thermal.orientation
        let faces = Radiator.faces(sides: Int(x.thermal.sides), orientation: orientation, altitude: orbit.altitude, solarIncidence: x.thermal.solarIncidenceFactor)
        // Sizing environment: the worst orbit's albedo, orbit-averaged: mean cos ζ = cos β / π.
        let environment = Radiator.Environment(earthIR: x.environment.earthIrWPerM2, albedo: x.environment.albedo,
                                               solarIrradiance: Constants.solarIrradiance, albedoIllumination: cos(eclipse.worstBeta) / .pi)
        // The coolant chain: supply limit → return (+ loop ΔT) → radiator mean below the coolant in it.
        let radiatorLimitK = Radiator.chainTemperature(coolantSupplyMax: acc.coolantSupplyMaxK, loopDeltaT: x.thermal.loopDeltaTK, approach: x.thermal.radiatorApproachK)
        let radiatorK = x.thermal.radiatorTemperatureK ?? radiatorLimitK
        guard radiatorK > 0 else {
            throw ModelError(key: "thermal.radiator_approach_k", "the coolant chain leaves the radiator at \(formatNumber(radiatorK)) K: lower thermal.radiator_approach_k or raise compute.coolant_supply_max_k")
        }
        let radiatorArea = try Radiator.area(heat: heat, temperature: radiatorK, faces: faces, surface: surface, environment: environment)
        let netFlux = Radiator.netFlux(temperature: radiatorK, faces: faces, surface: surface, environment: environment)
        let sink = Radiator.sinkTemperature(faces: faces, surface: surface, environment: environment)

        // Satellites and the mass budget.
        let satelliteCount = (itInstalled / x.satellite.itPowerW).rounded(.up)
        guard satelliteCount <= OrbitalModel.maxSatellites else {
            throw ModelError(key: "satellite.it_power_w", "\(formatNumber(satelliteCount)) satellites of \(formatNumber(x.satellite.itPowerW)) W each is more than \(formatNumber(OrbitalModel.maxSatellites)): use larger satellites")
        }
        let satellites = Int(satelliteCount)
        let computeMass = countInstalled * acc.massKg
        let arrayMass = arrayRated / x.solar.specificPowerWPerKg
        let radiatorMass = radiatorArea * x.thermal.arealMassKgPerM2 * x.thermal.loopMassFactor
        let batteryMass = batteryJ / x.power.batterySpecificEnergyJPerKg
        let shieldingMass = countInstalled * x.radiation.shieldedAreaPerAcceleratorM2 * x.radiation.shieldThickness * Constants.aluminiumDensity
        let linkMass = Double(satellites) * x.satellite.islTerminals * x.satellite.islTerminalMassKg
        let nonStructure = computeMass + arrayMass + radiatorMass + batteryMass + shieldingMass + linkMass
        let structureMass = nonStructure * x.satellite.structureMassFraction / (1 - x.satellite.structureMassFraction)
        let dryMass = nonStructure + structureMass
        let dragArea = (arrayArea + radiatorArea) * x.satellite.dragAreaFraction
        let deltaV = Atmosphere.dragDeltaVPerYear(altitude: orbit.altitude, area: dragArea, mass: dryMass, dragCoefficient: x.satellite.dragCoefficient) * years
        // A mass ratio above e (propellant > 1.7 × dry mass) means the orbit is too low to hold.
        guard deltaV / (x.satellite.thrusterIspS * Constants.standardGravity) <= 1 else {
            throw ModelError(key: "orbit.altitude_km", "holding \(formatNumber(x.orbit.altitude / 1000)) km against drag for \(formatNumber(years)) years takes Δv = \(formatNumber(deltaV.rounded())) m/s, more propellant than the satellites weigh: fly higher or shorter")
        }
        let propellantMass = Atmosphere.propellant(deltaV: deltaV, dryMass: dryMass, isp: x.satellite.thrusterIspS)
        var breakdown: [(String, Double)] = [
            ("compute", computeMass), ("solar_arrays", arrayMass), ("radiators", radiatorMass), ("batteries", batteryMass),
            ("structure", structureMass), ("shielding", shieldingMass), ("inter_satellite_links", linkMass), ("propellant", propellantMass),
        ]
        var massTotal = dryMass + propellantMass
        if let wholeSatellite = x.satellite.specificPowerWPerKg {
            // A published whole-satellite W/kg replaces everything but the accelerators.
            breakdown = [("compute", computeMass), ("satellite", arrayRated / wholeSatellite)]
            massTotal = computeMass + arrayRated / wholeSatellite
        }
        if let specified = x.satellite.launchMassPerKwKg {
            // A published design's own mass replaces the budget (areas and power stay physical).
            massTotal = itInstalled / 1000 * specified
            breakdown = [("specified_total", massTotal)]
        }

        // Thermal transient of one satellite through the worst orbit.
        let perSatellite = 1 / Double(satellites)
        let capacity = x.thermal.heatCapacityJPerK ?? (radiatorMass + computeMass) * perSatellite * x.thermal.specificHeatJPerKgK
        let sunlitHeat = heat * perSatellite
        let eclipseHeat = eclipseHeatTotal * perSatellite
        let transientInputs = RadiatorTransient.Inputs(heatCapacity: capacity, area: radiatorArea * perSatellite, faces: faces, surface: surface,
                                                       environment: Radiator.Environment(earthIR: environment.earthIR, albedo: environment.albedo,
                                                                                         solarIrradiance: environment.solarIrradiance, albedoIllumination: 1),
                                                       period: orbit.period, eclipseFraction: eclipse.maxFraction, beta: eclipse.worstBeta,
                                                       heatSunlit: sunlitHeat, heatEclipse: eclipseHeat)
        let transient = computesTransient ? try cachedTransient(transientInputs) : RadiatorTransient.Result(minimum: .nan, maximum: .nan, atEclipseExit: .nan, profile: [])
        let throttleRequired = transient.maximum > radiatorLimitK + RadiatorTransient.lumpedResolutionK
        if radiatorK > radiatorLimitK + 1e-9 {
            warnings.append("thermal.radiator_temperature_k \(formatNumber(radiatorK)) K is above the \(formatNumber(radiatorLimitK)) K the coolant chain allows (supply ≤ \(formatNumber(acc.coolantSupplyMaxK)) K, loop ΔT \(formatNumber(x.thermal.loopDeltaTK)) K, approach \(formatNumber(x.thermal.radiatorApproachK)) K)")
        }
        if throttleRequired {
            warnings.append("the radiator peaks at \(formatNumber((transient.maximum * 10).rounded() / 10)) K in the worst orbit, above the \(formatNumber(radiatorLimitK)) K the coolant chain allows: compute must throttle")
        }
        if transient.minimum < x.thermal.coolantFreezingK {
            warnings.append("the radiator falls to \(formatNumber((transient.minimum * 10).rounded() / 10)) K in the worst orbit, below the coolant's freezing point \(formatNumber(x.thermal.coolantFreezingK)) K: use an antifreeze loop (thermal.coolant_freezing_k) or heaters")
        }

        // Radiation: dose behind the shield, a life limit at the tolerated dose, upsets as lost compute.
        let annualDose = try Radiation.annualDose(altitude: x.orbit.altitude, inclination: orbit.inclination, shieldThickness: x.radiation.shieldThickness)
        let radiationLimit = x.radiation.toleratedDoseRad / annualDose
        let upsetOverhead = Radiation.upsetOverhead(ratePerAcceleratorDay: x.radiation.upsetRatePerAcceleratorDay, hoursLostPerUpset: x.radiation.hoursLostPerUpset)
        if annualDose * years > x.radiation.hbmOnsetDoseRad {
            warnings.append("lifetime dose \(formatNumber((annualDose * years).rounded())) rad(Si) passes the HBM onset of \(formatNumber(x.radiation.hbmOnsetDoseRad)) rad after \(formatNumber((x.radiation.hbmOnsetDoseRad / annualDose * 10).rounded() / 10)) years")
        }
        if radiationLimit < years {
            warnings.append("accelerators reach their tolerated dose after \(formatNumber((radiationLimit * 10).rounded() / 10)) years, before the \(formatNumber(years))-year life: no compute is counted after that")
        }

        // Launch and deployment.
        let launches = try Launch.count(mass: massTotal, payload: vehicle.payloadKg)
        let launchCost = Launch.cost(mass: massTotal, costPerKg: costPerKg, launches: launches, learningRate: x.launch.learningRate)
        let perKwYear = Launch.costPerKilowattYear(mass: massTotal, costPerKg: costPerKg, powerW: itTarget, years: years)
        // The factories build the spacecraft; propellant (when the budget counts it) is loaded, not built.
        let deploymentDays = Launch.deploymentDays(launches: launches, perYear: x.launch.launchesPerYear, massKg: massTotal - (breakdown.contains { $0.0 == "propellant" } ? propellantMass : 0), buildKgPerYear: x.satellite.manufacturingKgPerYear)

        // Costs.
        let busMass = structureMass + shieldingMass + linkMass
        // Hardware: bottom-up lines, or one whole-satellite line at a published $/W (never both).
        var hardwareLines = [CostLine("accelerators", .accelerators, upfront: countInstalled * acc.priceUsd, perBatch: true)]
        if let perW = x.satellite.costUsdPerW {
            hardwareLines.append(CostLine("satellite", .other, upfront: arrayRated * perW, perBatch: true))
        } else {
            hardwareLines += [
                CostLine("satellite_bus", .other, upfront: busMass * x.finance.satelliteCostUsdPerKg, perBatch: true),
                CostLine("solar_arrays", .other, upfront: arrayRated * x.solar.costUsdPerW, perBatch: true),
                CostLine("radiators", .other, upfront: radiatorArea * x.thermal.costUsdPerM2, perBatch: true),
                CostLine("batteries", .other, upfront: batteryJ / Constants.joulesPerKwh * x.power.batteryCostUsdPerKwh, perBatch: true),
            ]
        }
        let hardware = hardwareLines.reduce(0) { $0 + $1.upfront }
        let lines = hardwareLines + [
            CostLine("launch", .launch, upfront: launchCost, perBatch: true),
            CostLine("insurance", .other, upfront: x.finance.insuranceFraction * (hardware + launchCost), perBatch: true),
            CostLine("ground_segment", .other, upfront: x.finance.groundSegmentUsd),
            CostLine("nre", .other, upfront: x.finance.nreUsd),
            CostLine("operations", .other, annual: x.finance.opsCostUsdPerYear),
        ]
        // Delivered output: installed accelerators decay without repair; throttling loses the eclipses.
        let availability = (throttle ? 1 - eclipse.meanFraction : 1) * (1 - upsetOverhead)
        // Network (MODEL.md §10): the links bound the tokens the cluster can serve; the factor (≤ 1) scales delivered hours.
        let network = try networkModel.summary(orbit: orbit, x.network, deliveredPeakFlops: countPowered * x.compute.utilization * availability
                                                   * Reliability.meanSurvival(rate: poweredDecay, years: years) * acc.bf16DenseTflops * 1e12)
        if network.capacityFactor < 1 {
            warnings.append("the links carry \(formatNumber((network.capacityFactor * 1000).rounded() / 10)) % of the traffic of the \(x.network.workload) workload: delivered compute is scaled by network_capacity_factor")
        }
        // Training fabric (issue 14): a training workload delivers its hours at the fabric's training efficiency.
        let fabricKey = FabricKey(fabric: x.fabric, training: x.training, isl: x.isl, formation: x.formation, workload: x.network.workload, satelliteItW: x.satellite.itPowerW,
                                  islTerminals: x.satellite.islTerminals, satellites: Double(satellites), accelerators: countPowered,
                                  itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: acc.bf16DenseTflops * 1e12)
        let fabric: TrainingFabric
        if let hit = fabricCache[fabricKey] { fabric = hit } else {
            fabric = try FabricModel.orbital(x, satellites: Double(satellites), accelerators: countPowered,
                                             itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: acc.bf16DenseTflops * 1e12)
            if fabricCache.count > 4096 { fabricCache.removeAll() }
            fabricCache[fabricKey] = fabric
        }
        if let g = fabric.orbital?.acceleratorsPerSatellite, x.training.tensorParallel > g {
            warnings.append("training.tensor_parallel \(formatNumber(x.training.tensorParallel)) is more than a satellite's \(formatNumber(g)) accelerators: tensor parallelism runs at \(formatNumber(g)), inside one satellite")
        }
        if x.network.workload == .inference, fabric.modelFitsInSatellite == false {
            warnings.append("the model's weights (training.model_parameters × \(formatNumber(x.training.gradientBytesPerParameter)) B) do not fit in one satellite's accelerator memory: inference spans satellites over the optical links, which this model does not charge")
        }
        let hoursPerYear = countPowered * x.compute.utilization * availability * network.capacityFactor * fabric.deliveredHoursFactor * Constants.hoursPerYear
        let levelized = try Levelized(lines: lines, boundary: x.finance.costBoundary, orbital: true,
                                  discountRate: x.finance.discountRate, years: years, hoursPerYear: hoursPerYear, decayRate: poweredDecay,
                                  deliveringYears: min(years, radiationLimit), accelerator: acc,
                                  timing: x.finance.timing(rampYears: deploymentDays / Constants.daysPerYear))

        return OrbitalResult(
            acceleratorCountTarget: countTarget, acceleratorCountInstalled: countInstalled, acceleratorCountPowered: countPowered, itPowerTargetW: itTarget, itPowerInstalledW: itInstalled,
            overprovisionFactor: factor, periodS: orbit.period, inclinationDeg: orbit.inclination / Constants.degree, eclipse: eclipse,
            busLoadW: busLoad, arrayOutputRequiredW: arrayOutput, arrayPowerBolW: arrayRated, arrayAreaM2: arrayArea, batteryEnergyWh: batteryJ / 3600,
            lifetimeArrayEnergyWh: lifetimeEnergy / 3600, heatRejectedW: heat, viewFactorEarth: faces.map(\.earthViewFactor).max() ?? 0,
            netFluxWPerM2: netFlux, radiatorAreaM2: radiatorArea, radiatorTemperatureK: radiatorK, sinkTemperatureK: sink,
            heatCapacityJPerKPerSatellite: capacity, transient: transient, maxRadiatorTemperatureK: radiatorLimitK, throttleRequired: throttleRequired,
            annualDoseRad: annualDose, lifetimeDoseRad: annualDose * years, radiationLifetimeLimitYears: radiationLimit, upsetOverhead: upsetOverhead,
            massBreakdownKg: breakdown, massTotalKg: massTotal, satelliteCount: satellites, dragDeltaVMPerS: deltaV, launchCount: launches,
            launchCostPerKgUsd: costPerKg, launchCostUsd: launchCost, launchCostPerKwYearUsd: perKwYear, deploymentDays: deploymentDays,
            levelized: levelized, accelerator: acc, warnings: warnings, network: network, fabric: fabric)
    }

    private func cachedTransient(_ p: RadiatorTransient.Inputs) throws -> RadiatorTransient.Result {
        let key = TransientKey(values: [p.heatCapacity, p.area, p.surface.emissivity, p.surface.solarAbsorptivity, p.surface.finEfficiency,
                                        p.environment.earthIR, p.environment.albedo, p.environment.solarIrradiance, p.period, p.eclipseFraction,
                                        p.beta, p.heatSunlit, p.heatEclipse] + p.faces.flatMap { [$0.earthViewFactor, $0.solarIncidence] },
                               faces: p.faces.count)
        if let hit = transientCache[key] { return hit }
        let result = try RadiatorTransient.periodic(p)
        if transientCache.count > 4096 { transientCache.removeAll() }
        transientCache[key] = result
        return result
    }
}
