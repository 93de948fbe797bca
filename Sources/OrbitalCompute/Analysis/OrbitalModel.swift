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
/// | 8 network | `NetworkModel.summary` | Network/ |
/// | 9 training fabric | `FabricModel.orbital` | Fabric/ |
/// | 10 launch | `LaunchPlan.plan` | Launch/ |
/// | 11 cost lines | `OrbitalCosts.lines` | Economics/ |
/// | 12 levelized cost | `Levelized` | Economics/ |
///
/// Steps 10–12 are the prices (`price`); a study that varies only prices (`priceKeys`) keeps
/// the physical steps of its first point and runs only those (`reprice`).
///
/// Thread-safe: the caches of the eclipse year, the thermal transient, the network geometry and
/// the training fabric (the expensive steps, which depend on few inputs) are shared under a lock,
/// so one model (`OrbitalModel.shared`) serves any number of concurrent tasks.
public final class OrbitalModel: Sendable {
    /// One model for the whole process: its caches make repeated orbits cheap for every caller.
    public static let shared = OrbitalModel()

    private let eclipseCache = BoundedCache<EclipseKey, Eclipse>()
    /// Cached values the next evaluation of one worker probably reuses: the last eclipse year,
    /// radiator faces, transient, annual dose, network geometry, fabric and the cost-line buffer
    /// (compared field by field, no hashing, no lock). The faces, the geometry, the buffer and the
    /// fabric's box are lent to the result and taken back (`reclaim`). A study keeps one per worker, so a point
    /// whose inputs vary only costs or scalars evaluates without allocating; `evaluate(_:)` uses
    /// a fresh one.
    struct Memo {
        var eclipse = Kept<EclipseKey, Eclipse>()
        var faces = Kept<FacesKey, [Radiator.Face]>()
        var transient = Kept<TransientKey, RadiatorTransient.Result>()
        var network = Kept<NetworkModel.Key, NetworkModel.Geometry>()
        /// A one-off evaluation's fabric (a study worker's is its pass table's `jobs.last`).
        var fabric: TrainingFabric?
        /// The box a study worker copies its last fabric into for its result, when a column reads
        /// the fabric: lent to the result and taken back (`reclaim`).
        var fabricBox: CopyOnWrite<TrainingFabric>?
        var passes = FabricModel.PassTable()
        var costLines: [CostLine] = []
        var launch = LaunchPlan.Memo()
        var delivery = Kept<DeliveryKey, Levelized.Delivery>()
        var dose = Kept<DoseKey, Double>()
        /// Step 3's pointing factor (a cosine) by pointing error, and step 5's dynamic pressure (an
        /// exponential atmosphere) by altitude: one input each, compared rather than recomputed.
        var pointing = Kept<Double, Double>()
        var dynamicPressure = Kept<Double, Double>()
        /// The radiators' sizing environment and sink temperature, kept only while `fixed` holds
        /// `.sink` (no key: otherwise computed each time, which allocates nothing).
        var sink: RadiatorDesign.Sink?
        /// The catalog entry of `compute.accelerator` (`ComputeInputs.resolvedAccelerator`), and
        /// the accelerator with its overrides, kept only while `fixed` holds `.accelerator`.
        var accelerator: (id: String, entry: Accelerator)?
        var resolvedAccelerator: Accelerator?
        /// True for a study worker's memo, which outlives one evaluation: the fabric then skips
        /// the shared cache (a new cluster size is a miss there) for the layout's pass table.
        var persistent = false
        /// False for a study that reads no fabric output: the fabric then computes only the
        /// charged job's step, which the delivered hours read; its largest job, training clusters
        /// and whole-cluster step are NaN (`FabricModel.OrbitalJobs.update`), and the study's
        /// results carry no fabric (a large value to copy at every point): it stays the pass table's last.
        var fabricDetail = true
        /// The memos whose keys read no input the study varies (`fixed(varying:)`): once filled
        /// they are taken as they are, without building and comparing their keys.
        var fixed: Fixed = []

        struct Fixed: OptionSet, Hashable {
            let rawValue: UInt8
            static let eclipse = Fixed(rawValue: 1 << 0)
            static let faces = Fixed(rawValue: 1 << 1)
            static let dose = Fixed(rawValue: 1 << 2)
            static let network = Fixed(rawValue: 1 << 3)
            /// The fabric's layout but for its satellites per formation, which depend on the cluster's size.
            static let fabricLayout = Fixed(rawValue: 1 << 4)
            static let sink = Fixed(rawValue: 1 << 5)
            static let accelerator = Fixed(rawValue: 1 << 6)
        }

        /// The input fields each memo's key reads. `MemoReachTests` checks, for every parameter
        /// of the table, that changing one that none of a memo's fields holds leaves its key as it was.
        static let reads: [(memo: Fixed, fields: [Range<Int>?])] = [
            (.eclipse, [field(\.orbit)]),
            (.faces, [field(\.orbit), field(\.thermal.sides), field(\.thermal.orientation), field(\.thermal.solarIncidenceFactor)]),
            (.dose, [field(\.orbit), field(\.radiation.shieldThickness)]),
            (.network, [field(\.orbit), field(\.network)]),
            (.fabricLayout, [field(\.fabric), field(\.training), field(\.isl), field(\.formation), field(\.satellite.itPowerW), field(\.satellite.islTerminals),
                             field(\.compute.accelerator), field(\.compute.itPowerPerAcceleratorW), field(\.compute.bf16DenseTflops)]),
            (.sink, [field(\.orbit), field(\.thermal.sides), field(\.thermal.orientation), field(\.thermal.solarIncidenceFactor), field(\.thermal.emissivity),
                     field(\.thermal.solarAbsorptivity), field(\.thermal.finEfficiency), field(\.environment)]),
            (.accelerator, [field(\.compute.accelerator), field(\.compute.acceleratorPowerW), field(\.compute.itPowerPerAcceleratorW), field(\.compute.acceleratorMassKg),
                            field(\.compute.acceleratorPriceUsd), field(\.compute.bf16DenseTflops), field(\.compute.coolantSupplyMaxK)]),
        ]
        private static func field<T>(_ path: KeyPath<OrbitalInputs, T>) -> Range<Int>? { MemoryLayout<OrbitalInputs>.bytes(of: path) }

        /// Takes back what an evaluation lent to `result` rather than shared with it (the network
        /// geometry, the radiator faces, the fabric's box, the cost-line buffer), leaving `result` empty there: a
        /// study calls it before it lets go of its last result. Handing them back and forth by
        /// `swap` touches no reference count, where a result sharing them would count them up
        /// and down, with atomic instructions, at every point.
        mutating func reclaim(from result: inout OrbitalResult) {
            if network.kept == nil {
                var summary: NetworkSummary? = nil
                swap(&summary, &result.network)
                if let summary { network.giveBack(summary.geometry) }
            }
            if faces.kept == nil {
                var lent: [Radiator.Face] = []
                swap(&lent, &result.radiator.faces)
                faces.giveBack(lent)
            }
            if fabricBox == nil { swap(&fabricBox, &result.fabricStorage) }
            reclaimCostLines(from: &result)
        }

        /// The cost-line buffer alone (a repriced result keeps its physical steps, faces included).
        mutating func reclaimCostLines(from result: inout OrbitalResult) {
            if costLines.isEmpty { swap(&costLines, &result.levelized.costLines) }
        }

        /// The memos that inputs writing `written` (byte ranges of `OrbitalInputs`; nil: unknown)
        /// cannot reach.
        static func fixed(varying written: [Range<Int>?]) -> Fixed {
            var out: Fixed = []
            for (memo, fields) in reads {
                let reached = written.contains { w in
                    guard let w else { return true }
                    return fields.contains { f in f.map { $0.overlaps(w) } ?? true }
                }
                if !reached { out.insert(memo) }
            }
            return out
        }
    }

    /// Every memo's key for inputs `x` (satellites per formation aside, which the cluster's size
    /// sets): what `Memo.Fixed` makes promises about. `MemoReachTests` compares them.
    /// (The sink and the accelerator have no key: their values stand in, which change whenever anything they read does.)
    struct MemoKeys: Equatable {
        var eclipse: EclipseKey, faces: FacesKey, dose: DoseKey, network: NetworkModel.Key, fabricLayout: FabricLayout, sink: RadiatorDesign.Sink
        var accelerator: Accelerator
    }
    func memoKeys(_ x: OrbitalInputs) throws -> MemoKeys {
        let (orbit, eclipse) = try orbitAndEclipse(x.orbit)
        let faces = Radiator.faces(sides: Int(x.thermal.sides), orientation: x.thermal.orientation, altitude: orbit.altitude, solarIncidence: x.thermal.solarIncidenceFactor)
        return MemoKeys(eclipse: EclipseKey(x.orbit), faces: FacesKey(x.thermal, orbit: orbit), dose: DoseKey(orbit: orbit, x.radiation),
                        network: networkModel.key(orbit: orbit, x.network),
                        fabricLayout: FabricLayout(x, accelerator: try x.compute.resolvedAccelerator(), satellitesPerFormation: x.formation.satellitesMax),
                        sink: RadiatorDesign.sink(eclipse: eclipse, faces: faces, surface: try RadiatorDesign.surface(x.thermal), environment: x.environment),
                        accelerator: try x.compute.resolvedAccelerator())
    }
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
    struct EclipseKey: Hashable, Sendable {
        var altitude, ltan, inclination, raan, beta: Double?; var shadow: Orbit.ShadowModel
        init(_ o: OrbitalInputs.Orbit) { (altitude, ltan, inclination, raan, beta, shadow) = (o.altitude, o.ssoLtanH, o.inclination, o.raan, o.beta, o.shadowModel) }
    }
    struct FacesKey: Equatable {
        var sides: Double; var orientation: Radiator.Orientation; var altitude, solarIncidence: Double
        init(_ t: OrbitalInputs.Thermal, orbit: Orbit) { (sides, orientation, altitude, solarIncidence) = (t.sides, t.orientation, orbit.altitude, t.solarIncidenceFactor) }
    }
    /// The transient's inputs as plain numbers (at most two faces: `thermal.sides` ≤ 2).
    struct TransientKey: Hashable, Sendable {
        var heatCapacity, area, emissivity, absorptivity, finEfficiency, earthIR, albedo, solar, period, eclipseFraction, beta, heatSunlit, heatEclipse: Double
        var face0View = 0.0, face0Sun = 0.0, face1View = 0.0, face1Sun = 0.0
        var faces: Int
    }
    /// What the annual dose depends on.
    struct DoseKey: Equatable {
        var altitude, inclination, shieldThickness: Double
        init(orbit: Orbit, _ r: OrbitalInputs.Radiation) { (altitude, inclination, shieldThickness) = (orbit.altitude, orbit.inclination, r.shieldThickness) }
    }
    /// What `Levelized.Delivery` depends on: no price, so a study over prices keeps it.
    struct DeliveryKey: Equatable { var discountRate, years, hoursPerYear, decayRate, deliveringYears: Double; var timing: DeploymentTiming }
    /// What the training fabric depends on apart from the cluster's size.
    struct FabricLayout: Equatable {
        var fabric: FabricInputs, training: TrainingInputs, isl: IslInputs, formation: FormationInputs
        var satelliteItW, islTerminals, itPerAcceleratorW, peakFlops, satellitesPerFormation: Double
        init(_ x: OrbitalInputs, accelerator acc: Accelerator, satellitesPerFormation: Double) {
            (fabric, training, isl, formation) = (x.fabric, x.training, x.isl, x.formation)
            (satelliteItW, islTerminals) = (x.satellite.itPowerW, x.satellite.islTerminals)
            (itPerAcceleratorW, peakFlops) = (acc.itPowerPerAcceleratorW, acc.bf16DenseTflops * 1e12)
            self.satellitesPerFormation = satellitesPerFormation
        }
    }
    /// What the training fabric depends on within one layout (`Memo.passes`' layout): the cluster it was last computed for.
    struct FabricSize: Equatable { var satellites, accelerators: Double; var workload: Workload }
    struct FabricKey: Hashable, Sendable {
        var fabric: FabricInputs, training: TrainingInputs, isl: IslInputs, formation: FormationInputs, workload: Workload
        var satelliteItW, islTerminals, satellites, accelerators, itPerAcceleratorW, peakFlops: Double
    }

    /// Step 2: the orbit of a scenario and its eclipse year (cached).
    public func orbitAndEclipse(_ o: OrbitalInputs.Orbit) throws -> (Orbit, EclipseYear) {
        var memo = Memo()
        return try orbitAndEclipse(o, memo: &memo)
    }

    func orbitAndEclipse(_ o: OrbitalInputs.Orbit, memo: inout Memo) throws -> (Orbit, EclipseYear) {
        if memo.fixed.contains(.eclipse), let kept = memo.eclipse.kept { return (kept.orbit, kept.year) }
        let key = EclipseKey(o)
        if let kept = memo.eclipse.value(for: key) { return (kept.orbit, kept.year) }
        let hit = try eclipse(key, o)
        memo.eclipse.keep(key, hit)
        return (hit.orbit, hit.year)
    }

    /// The eclipse year of orbit inputs `o` (whose key is `key`), from the shared cache.
    private func eclipse(_ key: EclipseKey, _ o: OrbitalInputs.Orbit) throws -> Eclipse {
        try eclipseCache.value(key) {
            let plane: Orbit.Plane
            if let beta = o.beta { plane = .fixedBeta(beta) }
            else if let i = o.inclination { plane = .inclined(inclination: i, raan: o.raan) }
            else { plane = .sunSynchronous(ltanHours: o.ssoLtanH ?? DerivedDefaults.sunSynchronousLtanH) }
            let orbit = try Orbit(altitude: o.altitude, plane: plane, shadow: o.shadowModel)
            return Eclipse(orbit: orbit, year: try EclipseYear(orbit: orbit))
        }
    }

    /// The whole chain for one scenario's inputs.
    public func evaluate(_ x: OrbitalInputs) throws -> OrbitalResult {
        var memo = Memo()
        return try evaluate(x, memo: &memo)
    }

    /// The chain with a worker's memo of the last layout (see `Memo`).
    func evaluate(_ x: borrowing OrbitalInputs, memo: inout Memo) throws -> OrbitalResult {
        try withUnsafeTemporaryAllocation(of: OrbitalResult.self, capacity: 1) { storage in
            let result = storage.baseAddress!
            try evaluate(x, memo: &memo, into: result)
            return result.move()
        }
    }

    /// The same, initializing `out` (uninitialized memory; left uninitialized when it throws): a
    /// study evaluates straight into its result storage, without a copy of the result.
    func evaluate(_ x: borrowing OrbitalInputs, memo: inout Memo, into out: UnsafeMutablePointer<OrbitalResult>) throws {
        let acc = try accelerator(x.compute, memo: &memo)
        let years = x.finance.lifetimeYears
        try Finance.check(lifetime: years, discountRate: x.finance.discountRate)
        let itTarget = x.compute.acceleratorCount.map { $0 * acc.itPowerPerAcceleratorW } ?? x.compute.itPowerW ?? DerivedDefaults.orbitalItPowerW

        let cluster = ClusterSize.orbital(itTarget: itTarget, accelerator: acc, reliability: x.reliability, years: years)
        let (orbit, eclipse) = try orbitAndEclipse(x.orbit, memo: &memo)
        let power = try PowerBudget.size(cluster: cluster, eclipse: eclipse, power: x.power, solar: x.solar, years: years,
                                         pointing: memo.pointing.value(at: x.solar.pointingError, SolarArray.pointingFactor))
        let faces = faces(x.thermal, orbit: orbit, memo: &memo)
        let sink = try sink(x, eclipse: eclipse, faces: faces, memo: &memo)
        let radiator = try RadiatorDesign.size(power: power, eclipse: eclipse, orbit: orbit, accelerator: acc, powerInputs: x.power, thermal: x.thermal, environment: x.environment,
                                               faces: faces, sink: sink)
        let mass = try MassBudget.build(cluster: cluster, accelerator: acc, power: power, radiator: radiator, orbit: orbit, years: years, x: x,
                                        dynamicPressure: memo.dynamicPressure.value(at: orbit.altitude, Atmosphere.dynamicPressure))
        let transient = computesTransient ? try worstOrbitTransient(radiator: radiator, mass: mass, orbit: orbit, eclipse: eclipse, thermal: x.thermal, memo: &memo)
                                          : RadiatorTransient.notComputed
        let radiation = RadiationAssessment.assess(annualDoseRad: try annualDose(orbit, x.radiation, memo: &memo), radiation: x.radiation, years: years)

        let available = availability(power: power, eclipse: eclipse, radiation: radiation)
        let network = try networkModel.summary(orbit: orbit, x.network, memo: &memo.network, fixed: memo.fixed.contains(.network), deliveredPeakFlops: cluster.countPowered * x.compute.utilization * available
                                                   * cluster.poweredMeanSurvival * acc.bf16DenseTflops * 1e12)
        // The fabric stays in the memo (a large value: each copy costs), read there.
        let fabricFactor = try trainingFabric(x, mass: mass, cluster: cluster, accelerator: acc, memo: &memo)
        let priced = try price(x, accelerator: acc, cluster: cluster, power: power, radiator: radiator, mass: mass, radiation: radiation,
                               hoursPerYear: hoursPerYear(cluster, x.compute, availability: available, networkFactor: network.capacityFactor,
                                                          fabricFactor: fabricFactor), memo: &memo)
        // Taken before the result is built: a call among its arguments kept the parts already
        // evaluated alive across it (a reference counted up and down).
        let fabric = resultFabric(memo: &memo)
        out.initialize(to: OrbitalResult(cluster: cluster, orbit: orbit, eclipse: eclipse, power: power, radiator: radiator, transient: transient,
                                         heatCapacityJPerKPerSatellite: RadiatorTransient.heatCapacityPerSatellite(mass: mass, thermal: x.thermal), radiation: radiation,
                                         mass: mass, launch: priced.launch, levelized: priced.levelized, accelerator: acc,
                                         warningContext: .init(thermal: x.thermal, years: years, training: x.training, workload: x.network.workload),
                                         network: network, fabricStorage: fabric))
    }

    /// The fabric the result carries: a one-off evaluation's; a study worker's last one when a
    /// column reads the fabric, copied into the box the memo lends the result (allocated at the
    /// first point only); none otherwise.
    private func resultFabric(memo: inout Memo) -> CopyOnWrite<TrainingFabric>? {
        guard memo.persistent else { return memo.fabric.map { CopyOnWrite($0) } }
        guard memo.fabricDetail, let last = memo.passes.jobs?.last else { return nil }
        var box: CopyOnWrite<TrainingFabric>? = nil
        swap(&box, &memo.fabricBox)
        guard var box else { return CopyOnWrite(last) }
        box.value = last
        return box
    }

    /// Steps 10–12: the launch plan, the cost lines and the levelized cost of a cluster whose
    /// physical steps are done. `hoursPerYear`: accelerator-hours a year the whole cluster delivers
    /// when online.
    private func price(_ x: OrbitalInputs, accelerator acc: Accelerator, cluster: ClusterSize, power: PowerBudget, radiator: RadiatorDesign, mass: MassBudget,
                       radiation: RadiationAssessment, hoursPerYear: Double, memo: inout Memo) throws -> (launch: LaunchPlan, levelized: Levelized) {
        let years = x.finance.lifetimeYears
        let launch = try LaunchPlan.plan(mass: mass, itTargetW: cluster.itTargetW, years: years, launch: x.launch, satellite: x.satellite, memo: &memo.launch)
        // The cost lines reuse the memo's buffer: a study's previous result no longer holds it
        // (`reprice` lets go of it first), so it is refilled in place.
        OrbitalCosts.lines(cluster: cluster, accelerator: acc, power: power, radiator: radiator, mass: mass, launch: launch, x: x, into: &memo.costLines)
        let timing = x.finance.timing(rampYears: launch.deploymentDays / Constants.daysPerYear)
        let key = DeliveryKey(discountRate: x.finance.discountRate, years: years, hoursPerYear: hoursPerYear, decayRate: cluster.poweredDecayRate,
                              deliveringYears: min(years, radiation.lifetimeLimitYears), timing: timing)
        let delivery = try memo.delivery.value(for: key) ?? {
            let d = try Levelized.Delivery(discountRate: key.discountRate, years: key.years, hoursPerYear: key.hoursPerYear, decayRate: key.decayRate,
                                           deliveringYears: key.deliveringYears, timing: key.timing,
                                           meanSurvival: key.deliveringYears == years ? cluster.poweredMeanSurvival : nil)
            memo.delivery.keep(key, d)
            return d
        }()
        // The buffer is handed to the result (moved, not shared: no reference count to touch at
        // every point); `Memo.reclaim` takes it back before the next point refills it.
        var lines: [CostLine] = []
        swap(&lines, &memo.costLines)
        let levelized = Levelized(lines: lines, boundary: x.finance.costBoundary, orbital: true, accelerator: acc, timing: timing, delivery: delivery)
        return (launch, levelized)
    }

    /// Accelerator-hours a year the whole cluster delivers when online: installed accelerators
    /// decay without repair (in `Levelized`); throttling loses the eclipses; the links bound the
    /// tokens served; a training workload runs at the fabric's efficiency.
    private func hoursPerYear(_ cluster: ClusterSize, _ compute: ComputeInputs, availability: Double, networkFactor: Double, fabricFactor: Double) -> Double {
        cluster.countPowered * compute.utilization * availability * networkFactor * fabricFactor * Constants.hoursPerYear
    }

    /// The fraction of time the powered cluster computes: all of it, less the eclipses when the
    /// power budget throttles through them, less the radiation upsets' recovery.
    private func availability(power: PowerBudget, eclipse: EclipseYear, radiation: RadiationAssessment) -> Double {
        (power.throttle ? 1 - eclipse.meanFraction : 1) * (1 - radiation.upsetOverhead)
    }

    /// The parameters that only steps 10–12 read (prices, the launch cadence, finance
    /// conventions): a study varying only these keeps its first point's physical steps and
    /// `reprice`s. `RepriceTests` checks, on every shipped orbital scenario, that a changed value
    /// of each gives the full evaluation's result exactly.
    public static let priceKeys: Set<String> = [
        "compute.accelerator_price_usd", "solar.cost_usd_per_w", "power.battery_cost_usd_per_kwh", "thermal.cost_usd_per_m2", "satellite.cost_usd_per_w",
        "satellite.manufacturing_kg_per_year", "launch.cost_per_kg_usd", "launch.price_usd", "launch.payload_kg", "launch.learning_rate",
        "launch.launches_per_year", "finance.satellite_cost_usd_per_kg", "finance.insurance_fraction", "finance.ground_segment_usd", "finance.nre_usd",
        "finance.ops_cost_usd_per_year", "finance.discount_rate", "finance.deployment_timing", "finance.comparison_window_years", "finance.cost_boundary",
    ]

    /// Steps 10–12 again, in place, for inputs `x` that differ from those `result` was
    /// evaluated for only in `priceKeys`: the same numbers as `evaluate(x)`, without the physics.
    func reprice(_ x: borrowing OrbitalInputs, _ result: inout OrbitalResult, memo: inout Memo) throws {
        // The two factors the price reads from the network and the fabric (not the sections themselves: copies).
        // (A study that reads no fabric output leaves the fabric out of its results: it is the pass table's last.)
        guard let networkFactor = result.network?.capacityFactor,
              let fabricFactor = result.fabricStorage?.value.deliveredHoursFactor ?? (memo.persistent ? memo.passes.jobs?.last.deliveredHoursFactor : nil) else {
            result = try evaluate(x, memo: &memo)
            return
        }
        let acc = try accelerator(x.compute, memo: &memo)
        try Finance.check(lifetime: x.finance.lifetimeYears, discountRate: x.finance.discountRate)
        memo.reclaimCostLines(from: &result)
        let available = availability(power: result.power, eclipse: result.eclipse, radiation: result.radiation)
        let priced = try price(x, accelerator: acc, cluster: result.cluster, power: result.power, radiator: result.radiator, mass: result.mass, radiation: result.radiation,
                               hoursPerYear: hoursPerYear(result.cluster, x.compute, availability: available, networkFactor: networkFactor, fabricFactor: fabricFactor),
                               memo: &memo)
        result.accelerator = acc
        result.launch = priced.launch
        result.levelized = priced.levelized
    }

    /// Step 9, cached: the fabric depends on the layout and the cluster's size, not on prices.
    /// A one-off evaluation takes it from the shared cache (repeated sizes across callers) and
    /// leaves it in `memo.fabric`. A study worker keeps its layout's pass table, link budgets and
    /// last fabric (`FabricModel.OrbitalJobs`): a new size in the same layout reuses the threshold
    /// outcomes and the charged step, and updates the last fabric in place. Returns the fabric's
    /// delivered-hours factor.
    private func trainingFabric(_ x: OrbitalInputs, mass: MassBudget, cluster: ClusterSize, accelerator acc: Accelerator, memo: inout Memo) throws -> Double {
        let satellites = Double(mass.satellites), peakFlops = acc.bf16DenseTflops * 1e12
        guard memo.persistent else {
            let key = FabricKey(fabric: x.fabric, training: x.training, isl: x.isl, formation: x.formation, workload: x.network.workload, satelliteItW: x.satellite.itPowerW,
                                islTerminals: x.satellite.islTerminals, satellites: satellites, accelerators: cluster.countPowered,
                                itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: peakFlops)
            let fabric = try fabricCache.value(key) {
                try FabricModel.orbital(x, satellites: satellites, accelerators: cluster.countPowered, itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: peakFlops)
            }
            memo.fabric = fabric
            return fabric.deliveredHoursFactor
        }
        // A worker's memo: the layout is compared once, against the pass table's; the last
        // fabric belongs to that layout (`OrbitalJobs.last`), so it is forgotten with it.
        let perFormation = FabricModel.satellitesPerFormation(x, satellites: satellites)
        // With a fixed layout only the satellites per formation can differ from the table's.
        if !memo.fixed.contains(.fabricLayout) || memo.passes.satellitesPerFormation != perFormation {
            let layout = FabricLayout(x, accelerator: acc, satellitesPerFormation: perFormation)
            if !memo.passes.belongs(to: layout) { memo.passes.reset(layout) }
        }
        if memo.passes.jobs == nil {
            memo.passes.jobs = try FabricModel.orbitalJobs(x, satellites: satellites, itPerAcceleratorW: acc.itPowerPerAcceleratorW, peakFlops: peakFlops)
        }
        let size = FabricSize(satellites: satellites, accelerators: cluster.countPowered, workload: x.network.workload)
        if memo.passes.jobs!.lastSize != size {
            memo.passes.jobs!.update(satellites: satellites, accelerators: cluster.countPowered, workload: x.network.workload, detail: memo.fabricDetail,
                                     outcomes: &memo.passes.outcomes)
            memo.passes.jobs!.lastSize = size
        }
        return memo.passes.jobs!.last.deliveredHoursFactor
    }

    /// The accelerator with the scenario's overrides, kept when no input it reads varies.
    private func accelerator(_ c: ComputeInputs, memo: inout Memo) throws -> Accelerator {
        guard memo.fixed.contains(.accelerator) else { return try c.resolvedAccelerator(catalog: &memo.accelerator) }
        if let kept = memo.resolvedAccelerator { return kept }
        let a = try c.resolvedAccelerator(catalog: &memo.accelerator)
        memo.resolvedAccelerator = a
        return a
    }

    /// Step 7's annual dose, kept while the orbit and the shield do not change.
    private func annualDose(_ orbit: Orbit, _ r: OrbitalInputs.Radiation, memo: inout Memo) throws -> Double {
        if memo.fixed.contains(.dose), let kept = memo.dose.kept { return kept }
        let key = DoseKey(orbit: orbit, r)
        if let kept = memo.dose.value(for: key) { return kept }
        let dose = try Radiation.annualDose(altitude: key.altitude, inclination: key.inclination, shieldThickness: key.shieldThickness)
        memo.dose.keep(key, dose)
        return dose
    }

    /// Step 4's sizing environment and sink temperature, kept when no input it reads varies.
    private func sink(_ x: OrbitalInputs, eclipse: EclipseYear, faces: [Radiator.Face], memo: inout Memo) throws -> RadiatorDesign.Sink? {
        guard memo.fixed.contains(.sink) else { return nil }  // `RadiatorDesign.size` computes it
        if let kept = memo.sink { return kept }
        let sink = RadiatorDesign.sink(eclipse: eclipse, faces: faces, surface: try RadiatorDesign.surface(x.thermal), environment: x.environment)
        memo.sink = sink
        return sink
    }

    /// Step 4's faces, kept while the attitude and altitude do not change, and lent to the
    /// result (`Memo.reclaim` takes them back).
    private func faces(_ t: OrbitalInputs.Thermal, orbit: Orbit, memo: inout Memo) -> [Radiator.Face] {
        if !(memo.fixed.contains(.faces) && memo.faces.kept != nil) {
            let key = FacesKey(t, orbit: orbit)
            if !(memo.faces.holds(key) && memo.faces.kept != nil) {
                memo.faces.keep(key, Radiator.faces(sides: Int(t.sides), orientation: t.orientation, altitude: orbit.altitude, solarIncidence: t.solarIncidenceFactor))
            }
        }
        return memo.faces.lend()!
    }

    /// Step 6: the worst orbit's periodic transient, cached. Its inputs hold a copy of the faces;
    /// kept out of line so that a chain without the transient copies (and counts) nothing for it.
    @inline(never)
    private func worstOrbitTransient(radiator: RadiatorDesign, mass: MassBudget, orbit: Orbit, eclipse: EclipseYear, thermal: OrbitalInputs.Thermal,
                                     memo: inout Memo) throws -> RadiatorTransient.Result {
        try cachedTransient(RadiatorTransient.worstOrbitInputs(radiator: radiator, mass: mass, orbit: orbit, eclipse: eclipse, thermal: thermal), memo: &memo)
    }

    private func cachedTransient(_ p: RadiatorTransient.Inputs, memo: inout Memo) throws -> RadiatorTransient.Result {
        var key = TransientKey(heatCapacity: p.heatCapacity, area: p.area, emissivity: p.surface.emissivity, absorptivity: p.surface.solarAbsorptivity,
                               finEfficiency: p.surface.finEfficiency, earthIR: p.environment.earthIR, albedo: p.environment.albedo, solar: p.environment.solarIrradiance,
                               period: p.period, eclipseFraction: p.eclipseFraction, beta: p.beta, heatSunlit: p.heatSunlit, heatEclipse: p.heatEclipse, faces: p.faces.count)
        guard p.faces.count <= 2 else { return try RadiatorTransient.periodic(p) }
        if let f = p.faces.first { key.face0View = f.earthViewFactor; key.face0Sun = f.solarIncidence }
        if p.faces.count == 2 { key.face1View = p.faces[1].earthViewFactor; key.face1Sun = p.faces[1].solarIncidence }
        if let kept = memo.transient.value(for: key) { return kept }
        let value = try transientCache.value(key) { try RadiatorTransient.periodic(p) }
        memo.transient.keep(key, value)
        return value
    }
}

extension Kept where Key == Double, Value == Double {
    /// f(x), kept while x does not change (a function of one number, such as a cosine).
    @inline(__always) mutating func value(at x: Double, _ f: (Double) -> Double) -> Double {
        if let kept = value(for: x) { return kept }
        let y = f(x)
        keep(x, y)
        return y
    }
}

/// The last value computed and the key it was computed for: a one-entry memo compared field by
/// field in place. (Key and value are kept apart: a (key, value) tuple in an optional was copied
/// whole, value included, just to compare its key.)
struct Kept<Key: Equatable, Value> {
    private var key: Key?
    /// The kept value, whatever its key (read in place; for a memo whose key cannot change: `Memo.Fixed`).
    private(set) var kept: Value?
    /// The kept value when it was computed for `key`.
    @inline(__always) func value(for key: Key) -> Value? {
        // Not `self.key == key`: that wraps `key` in an optional, a copy (references and all).
        switch self.key {
        case let .some(k): return k == key ? kept : nil
        case .none: return nil
        }
    }
    mutating func keep(_ key: Key, _ value: Value) { self.key = key; kept = value }
    /// Moves the kept value out, to a result that holds it until `giveBack` (the value's
    /// references change hands without being counted). Until then nothing is kept.
    mutating func lend() -> Value? {
        var value: Value? = nil
        swap(&value, &kept)
        return value
    }
    /// Takes back a lent value (for the key it was kept for).
    mutating func giveBack(_ value: Value) { kept = value }
    /// True when the kept value was computed for `key`.
    @inline(__always) func holds(_ key: Key) -> Bool {
        switch self.key {
        case let .some(k): return k == key
        case .none: return false
        }
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
    func warnings(training: TrainingInputs, workload: Workload) -> [String] {
        var out: [String] = []
        if let g = orbital?.acceleratorsPerSatellite, training.tensorParallel > g {
            out.append("training.tensor_parallel \(formatNumber(training.tensorParallel)) is more than a satellite's \(formatNumber(g)) accelerators: tensor parallelism runs at \(formatNumber(g)), inside one satellite")
        }
        if workload == .inference, modelFitsInSatellite == false {
            out.append("the model's weights (training.model_parameters × \(formatNumber(training.gradientBytesPerParameter)) B) do not fit in one satellite's accelerator memory: inference spans satellites over the optical links, which this model does not charge")
        }
        return out
    }
}
