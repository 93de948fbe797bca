import Foundation

/// The orbital model chain (pvlib's `ModelChain` is the pattern): named steps, each a plain
/// function in its own folder with typed inputs and outputs, callable alone, composed here.
///
/// | step | function | folder |
/// |---|---|---|
/// | 1 cluster sizing | `ClusterSize.orbital` | Cluster/ |
/// | 2 orbit and eclipses | `OrbitalModel.orbitAndEclipse` (`Orbit`, `EclipseYear`) | Orbit/ |
/// | 3 power | `PowerBudget.size` | Power/ |
/// | 4 thermal | `RadiatorDesign.size` | Thermal/ |
/// | 5 mass budget | `MassBudget.build` | Mass/ |
/// | 6 thermal transient | `RadiatorTransient.periodic` of `worstOrbitInputs` | Thermal/ |
/// | 7 radiation | `RadiationAssessment.assess` | Radiation/ |
/// | 8 launch | `LaunchPlan.plan` | Launch/ |
/// | 9 cost lines | `OrbitalCosts.lines` | Economics/ |
/// | 10 network | `NetworkModel.summary` | Network/ |
/// | 11 training fabric | `FabricModel.orbital` | Fabric/ |
/// | 12 levelized cost | `Levelized` | Economics/ |
///
/// Thread-safe: the caches of the eclipse year, the thermal transient, the network geometry and
/// the training fabric (the expensive steps, which depend on few inputs) are shared under a lock,
/// so one model (`OrbitalModel.shared`) serves any number of concurrent tasks.
public final class OrbitalModel: Sendable {
    /// One model for the whole process: its caches make repeated orbits cheap for every caller.
    public static let shared = OrbitalModel()

    private let eclipseCache = BoundedCache<EclipseKey, Eclipse>()
    private let transientCache = BoundedCache<TransientKey, RadiatorTransient.Result>()
    /// The training fabric depends only on these: sweeps over costs reuse it.
    private let fabricCache = BoundedCache<FabricKey, TrainingFabric>()
    private let networkModel = NetworkModel()

    /// When false, `evaluate` skips the periodic thermal transient (temperature_min_k and
    /// temperature_max_k become NaN, no throttle warning): no cost depends on it, and Monte Carlo
    /// runs 10–20× faster without it (`orbital montecarlo --thermal-transient` turns it on).
    public let computesTransient: Bool

    public init(computesTransient: Bool = true) { self.computesTransient = computesTransient }

    /// The most satellites a scenario may have (`MassBudget.maxSatellites`).
    public static var maxSatellites: Double { MassBudget.maxSatellites }

    /// Forgets the cached eclipse years, thermal transients and fabrics (not the network
    /// geometry), so the next evaluation pays for them again: `orbital bench` measures that cost.
    public func clearOrbitAndThermalCaches() {
        eclipseCache.removeAll()
        transientCache.removeAll()
        fabricCache.removeAll()
    }

    public struct Eclipse: Sendable { public var orbit: Orbit; public var year: EclipseYear }
    private struct EclipseKey: Hashable, Sendable { var altitude, ltan, inclination, raan, beta: Double?; var shadow: Orbit.ShadowModel }
    private struct TransientKey: Hashable, Sendable { var values: [Double]; var faces: Int }
    private struct FabricKey: Hashable, Sendable {
        var fabric: FabricInputs, training: TrainingInputs, isl: IslInputs, formation: FormationInputs, workload: Workload
        var satelliteItW, islTerminals, satellites, accelerators, itPerAcceleratorW, peakFlops: Double
    }

    /// Step 2: the orbit of a scenario and its eclipse year (cached).
    public func orbitAndEclipse(_ o: OrbitalInputs.Orbit) throws -> (Orbit, EclipseYear) {
        let key = EclipseKey(altitude: o.altitude, ltan: o.ssoLtanH, inclination: o.inclination, raan: o.raan, beta: o.beta, shadow: o.shadowModel)
        let hit = try eclipseCache.value(key) {
            let plane: Orbit.Plane
            if let beta = o.beta { plane = .fixedBeta(beta) }
            else if let i = o.inclination { plane = .inclined(inclination: i, raan: o.raan) }
            else { plane = .sunSynchronous(ltanHours: o.ssoLtanH ?? DerivedDefaults.sunSynchronousLtanH) }
            let orbit = try Orbit(altitude: o.altitude, plane: plane, shadow: o.shadowModel)
            return Eclipse(orbit: orbit, year: try EclipseYear(orbit: orbit))
        }
        return (hit.orbit, hit.year)
    }

    /// The whole chain for one scenario's inputs.
    public func evaluate(_ x: OrbitalInputs) throws -> OrbitalResult {
        let acc = try x.compute.resolvedAccelerator()
        let years = x.finance.lifetimeYears
        try Finance.check(lifetime: years, discountRate: x.finance.discountRate)
        let itTarget = x.compute.acceleratorCount.map { $0 * acc.itPowerPerAcceleratorW } ?? x.compute.itPowerW ?? DerivedDefaults.orbitalItPowerW

        let cluster = ClusterSize.orbital(itTarget: itTarget, accelerator: acc, reliability: x.reliability, years: years)
        let (orbit, eclipse) = try orbitAndEclipse(x.orbit)
        let power = try PowerBudget.size(cluster: cluster, eclipse: eclipse, power: x.power, solar: x.solar, years: years)
        let radiator = try RadiatorDesign.size(power: power, eclipse: eclipse, orbit: orbit, accelerator: acc, powerInputs: x.power, thermal: x.thermal, environment: x.environment)
        let mass = try MassBudget.build(cluster: cluster, accelerator: acc, power: power, radiator: radiator, orbit: orbit, years: years, x: x)
        let worstOrbit = RadiatorTransient.worstOrbitInputs(radiator: radiator, mass: mass, orbit: orbit, eclipse: eclipse, thermal: x.thermal)
        let transient = computesTransient ? try cachedTransient(worstOrbit) : RadiatorTransient.notComputed
        let radiation = try RadiationAssessment.assess(orbit: orbit, radiation: x.radiation, years: years)
        let launch = try LaunchPlan.plan(mass: mass, itTargetW: itTarget, years: years, launch: x.launch, satellite: x.satellite)
        let lines = OrbitalCosts.lines(cluster: cluster, accelerator: acc, power: power, radiator: radiator, mass: mass, launch: launch, x: x)

        // Delivered output: installed accelerators decay without repair; throttling loses the eclipses;
        // the links bound the tokens served; a training workload runs at the fabric's efficiency.
        let availability = (power.throttle ? 1 - eclipse.meanFraction : 1) * (1 - radiation.upsetOverhead)
        let network = try networkModel.summary(orbit: orbit, x.network, deliveredPeakFlops: cluster.countPowered * x.compute.utilization * availability
                                                   * Reliability.meanSurvival(rate: cluster.poweredDecayRate, years: years) * acc.bf16DenseTflops * 1e12)
        let fabric = try trainingFabric(x, mass: mass, cluster: cluster, accelerator: acc)
        let hoursPerYear = cluster.countPowered * x.compute.utilization * availability * network.capacityFactor * fabric.deliveredHoursFactor * Constants.hoursPerYear
        let levelized = try Levelized(lines: lines, boundary: x.finance.costBoundary, orbital: true, discountRate: x.finance.discountRate, years: years,
                                      hoursPerYear: hoursPerYear, decayRate: cluster.poweredDecayRate, deliveringYears: min(years, radiation.lifetimeLimitYears),
                                      accelerator: acc, timing: x.finance.timing(rampYears: launch.deploymentDays / Constants.daysPerYear))

        let warnings = radiator.warnings(transient, accelerator: acc, thermal: x.thermal) + radiation.warnings(years: years)
            + network.warnings + fabric.warnings(x)
        return OrbitalResult(cluster: cluster, orbit: orbit, eclipse: eclipse, power: power, radiator: radiator, transient: transient,
                             heatCapacityJPerKPerSatellite: worstOrbit.heatCapacity, radiation: radiation,
                             mass: mass, launch: launch, levelized: levelized, accelerator: acc, warnings: warnings, network: network, fabric: fabric)
    }

    /// Step 11, cached: the fabric depends on the layout, not on prices.
    private func trainingFabric(_ x: OrbitalInputs, mass: MassBudget, cluster: ClusterSize, accelerator acc: Accelerator) throws -> TrainingFabric {
        let key = FabricKey(fabric: x.fabric, training: x.training, isl: x.isl, formation: x.formation, workload: x.network.workload, satelliteItW: x.satellite.itPowerW,
                            islTerminals: x.satellite.islTerminals, satellites: Double(mass.satellites), accelerators: cluster.countPowered,
                            itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: acc.bf16DenseTflops * 1e12)
        return try fabricCache.value(key) {
            try FabricModel.orbital(x, satellites: Double(mass.satellites), accelerators: cluster.countPowered,
                                    itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: acc.bf16DenseTflops * 1e12)
        }
    }

    private func cachedTransient(_ p: RadiatorTransient.Inputs) throws -> RadiatorTransient.Result {
        let key = TransientKey(values: [p.heatCapacity, p.area, p.surface.emissivity, p.surface.solarAbsorptivity, p.surface.finEfficiency,
                                        p.environment.earthIR, p.environment.albedo, p.environment.solarIrradiance, p.period, p.eclipseFraction,
                                        p.beta, p.heatSunlit, p.heatEclipse] + p.faces.flatMap { [$0.earthViewFactor, $0.solarIncidence] },
                               faces: p.faces.count)
        return try transientCache.value(key) { try RadiatorTransient.periodic(p) }
    }
}

extension NetworkSummary {
    /// The links carry less than the workload needs: delivered compute is scaled down.
    var warnings: [String] {
        capacityFactor < 1 ? ["the links carry \(formatNumber((capacityFactor * 1000).rounded() / 10)) % of the traffic of the \(workload.rawValue) workload: delivered compute is scaled by network_capacity_factor"] : []
    }
}

extension TrainingFabric {
    /// Tensor parallelism larger than a satellite; inference weights that do not fit in one.
    func warnings(_ x: OrbitalInputs) -> [String] {
        var out: [String] = []
        if let g = orbital?.acceleratorsPerSatellite, x.training.tensorParallel > g {
            out.append("training.tensor_parallel \(formatNumber(x.training.tensorParallel)) is more than a satellite's \(formatNumber(g)) accelerators: tensor parallelism runs at \(formatNumber(g)), inside one satellite")
        }
        if x.network.workload == .inference, modelFitsInSatellite == false {
            out.append("the model's weights (training.model_parameters × \(formatNumber(x.training.gradientBytesPerParameter)) B) do not fit in one satellite's accelerator memory: inference spans satellites over the optical links, which this model does not charge")
        }
        return out
    }
}
