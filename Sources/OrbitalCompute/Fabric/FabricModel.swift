import Foundation

/// The training fabric of one side (issue 14, step 4): how large a synchronous job it can run at
/// the efficiency threshold, how many such jobs it is, and the efficiency that scales the
/// delivered PFLOP-hours of a training workload.
///
/// A job of J accelerators runs the reference job (`training.*`) with tensor parallelism inside a
/// scale-up domain, pipeline stages beside it, and data parallelism DP = J / (TP × PP) across the
/// rest; each step's gradients (S = N b / (TP PP) per accelerator) are all-reduced hierarchically
/// over the levels of the side's network (`TrainingStep.hierarchicalAllReduce`), overlapped with
/// the backward pass of the step's last micro-batch (`TrainingStep.overlapFraction`). Pipeline point-to-point activations (≈ 10 % of the gradient bytes for the
/// reference job, and overlapped by the 1F1B schedule) and the pipeline bubble (the same on both
/// sides) are not charged to the fabric.
public struct TrainingFabric: Sendable {
    /// One job size's step.
    public struct Step: Sendable, Equatable {
        public var accelerators: Double
        public var computeS: Double
        public var communicationS: Double
        public var stepS: Double
        public var efficiency: Double { stepS > 0 ? computeS / stepS : 0 }
    }

    /// The orbital fabric: links, formations and their rates.
    public struct Orbital: Sendable {
        public var link: OpticalLink.Budget
        public var interFormationLink: OpticalLink.Budget
        public var acceleratorsPerSatellite: Double
        public var satellitesPerFormation: Double
        public var formations: Double
        public var linksPerSatellite: Double
        public var formationRadiusM: Double
        public var bisectionBpsPerAccelerator: Double
        /// Per-accelerator bandwidth of a ring collective across the formation's satellites [bit/s].
        public var collectiveBpsPerAccelerator: Double
        public var hopLatencyS: Double
        public var diameterLatencyS: Double
    }

    public var workload: Workload
    /// Accelerators available to training jobs.
    public var accelerators: Double
    public var threshold: Double
    /// The job size the delivered hours are charged at, and its step.
    public var charged: Step
    public var wholeCluster: Step
    public var largestSynchronousJobAccelerators: Double
    public var trainingClusters: Double
    /// Scale-out bandwidth per accelerator inside the site or satellite, after throughput efficiency [bit/s].
    public var localBpsPerAccelerator: Double
    public var orbital: Orbital?

    /// Whether the model's weights (N × precision bytes) fit in one satellite's accelerator memory
    /// (orbital; nil on the ground): inference is unchanged by the fabric only where they do.
    public var modelFitsInSatellite: Bool?

    public var trainingEfficiency: Double { charged.efficiency }
    /// The factor on delivered accelerator-hours: the training efficiency for `training`, 1 for `inference`.
    public var deliveredHoursFactor: Double { workload == .training ? trainingEfficiency : 1 }

    public var report: ResultValue {
        var pairs: [(String, ResultValue)] = []
        if orbital == nil { pairs.append(("workload", .text(workload.rawValue))) }
        pairs += [
            ("training_efficiency", .number(trainingEfficiency)),
            ("largest_synchronous_job_accelerators", .number(largestSynchronousJobAccelerators)),
            ("training_clusters", .number(trainingClusters)),
            ("efficiency_threshold", .number(threshold)),
            ("job_accelerators", .number(charged.accelerators)),
            ("step_compute_s", .number(charged.computeS)),
            ("step_communication_s", .number(charged.communicationS)),
            ("step_time_s", .number(charged.stepS)),
            ("whole_cluster_accelerators", .number(wholeCluster.accelerators)),
            ("whole_cluster_efficiency", .number(wholeCluster.efficiency)),
            ("local_bandwidth_per_accelerator_bps", .number(localBpsPerAccelerator)),
            ("delivered_hours_factor", .number(deliveredHoursFactor)),
        ]
        if let fits = modelFitsInSatellite { pairs.append(("model_fits_in_satellite", .bool(fits))) }
        if let o = orbital {
            pairs += [
                ("link", .object([
                    ("distance_m", .number(o.link.distanceM)),
                    ("regime", .text(o.link.regime.rawValue)),
                    ("fresnel_number", .number(o.link.fresnelNumber)),
                    ("beams", .number(o.link.beams)),
                    ("channels_per_beam", .number(o.link.channelsPerBeam)),
                    ("received_power_w", .number(o.link.receivedPowerW)),
                    ("link_rate_bps", .number(o.link.linkRateBps)),
                ])),
                ("formation", .object([
                    ("satellites_per_formation", .number(o.satellitesPerFormation)),
                    ("formations", .number(o.formations)),
                    ("accelerators_per_satellite", .number(o.acceleratorsPerSatellite)),
                    ("accelerators_per_formation", .number(o.acceleratorsPerSatellite * o.satellitesPerFormation)),
                    ("formation_radius_m", .number(o.formationRadiusM)),
                    ("links_per_satellite", .number(o.linksPerSatellite)),
                    // A one-satellite formation has no satellite-to-satellite bisection: null, not ∞.
                    ("bisection_bandwidth_per_accelerator_bps", o.bisectionBpsPerAccelerator.isFinite ? .number(o.bisectionBpsPerAccelerator) : .null),
                    ("collective_bandwidth_per_accelerator_bps", .number(o.collectiveBpsPerAccelerator)),
                    ("hop_latency_s", .number(o.hopLatencyS)),
                    ("diameter_latency_s", .number(o.diameterLatencyS)),
                    ("inter_formation_distance_m", .number(o.interFormationLink.distanceM)),
                    ("inter_formation_link_rate_bps", .number(o.interFormationLink.linkRateBps)),
                ])),
            ]
        }
        return .object(pairs)
    }
}

/// Builds `TrainingFabric` for either side.
public enum FabricModel {
    /// Points of the efficiency-against-size curve kept for charts.
    static let curvePoints = 24
    /// Bisection steps of the largest-job search on the ground (2⁻⁶⁰ of the range: below one accelerator).
    static let searchSteps = 60

    /// Checks the job's layout against the scale-up domain.
    static func checkLayout(_ t: TrainingInputs, _ f: FabricInputs) throws {
        guard t.tensorParallel <= f.scaleUpDomainAccelerators else {
            throw ModelError(key: "training.tensor_parallel", "tensor parallelism \(formatNumber(t.tensorParallel)) does not fit in a scale-up domain of \(formatNumber(f.scaleUpDomainAccelerators)) accelerators (fabric.scale_up_domain_accelerators)")
        }
    }

    /// The step of a job of `j` accelerators over the levels `levels(j)` give.
    static func step(_ t: TrainingInputs, accelerators j: Double, peakFlops: Double, levels: TrainingStep.Levels) -> TrainingFabric.Step {
        let tc = TrainingStep.computeTime(parameters: t.modelParameters, tokensPerStep: t.tokensPerStep, accelerators: j, peakFlops: peakFlops, utilization: t.computeUtilization)
        let s = TrainingStep.gradientBytesPerAccelerator(parameters: t.modelParameters, bytesPerParameter: t.gradientBytesPerParameter,
                                                         tensorParallel: t.tensorParallel, pipelineParallel: t.pipelineParallel)
        let tm = TrainingStep.hierarchicalAllReduce(bytes: s, levels: levels)
        let m = TrainingStep.microbatches(tokensPerStep: t.tokensPerStep, dataParallel: j / (t.tensorParallel * t.pipelineParallel), microbatchTokens: t.microbatchTokens)
        let phi = TrainingStep.overlapFraction(backward: t.overlapFraction, microbatches: m)
        return .init(accelerators: j, computeS: tc, communicationS: tm, stepS: TrainingStep.stepTime(compute: tc, communication: tm, overlap: phi))
    }

    /// Efficiency against job size, for charts: (accelerators, efficiency) at up to
    /// `curvePoints` + 1 job sizes. Apart from the fabric, so that a fabric is plain numbers (copied
    /// without reference counting in a study's evaluations, which never draw it).
    public typealias EfficiencyCurve = [(Double, Double)]

    /// The job size the delivered hours are charged at: the reference job, at least one replica,
    /// at most the cluster.
    static func chargedSize(_ t: TrainingInputs, total: Double) -> Double {
        let replica = min(t.tensorParallel * t.pipelineParallel, total)
        return min(max(t.jobAccelerators, replica), total)
    }

    /// Independent jobs of the largest size at the threshold the cluster holds (0 when no job passes).
    static func trainingClusters(total: Double, largest: Double) -> Double { largest > 0 ? (total / largest).rounded(.down) : 0 }

    /// The efficiency at up to `curvePoints` + 1 of the job sizes `sizes` (those from one replica
    /// to the cluster), for charts.
    static func efficiencyCurve(_ sizes: [Double], replica: Double, total: Double, step: (Double) -> TrainingFabric.Step) -> EfficiencyCurve {
        let sizes = Array(Set(sizes.filter { $0 >= replica && $0 <= total })).sorted()
        let stride = max(1, sizes.count / curvePoints)
        return sizes.enumerated().filter { $0.offset % stride == 0 || $0.offset == sizes.count - 1 }.map { ($0.element, step($0.element).efficiency) }
    }

    /// The ground side: one non-blocking fabric (Colossus 1: 400 Gb/s per GPU, Spectrum-X), so the
    /// data-parallel ring spans DP members at the per-accelerator rate.
    /// - Parameters: accelerators in the cluster, peak FLOP/s each.
    public static func terrestrial(_ x: TerrestrialInputs, accelerators total: Double, peakFlops: Double) throws -> TrainingFabric {
        var none: EfficiencyCurve? = nil
        return try terrestrial(x, accelerators: total, peakFlops: peakFlops, curve: &none)
    }

    /// The same with its efficiency curve.
    public static func terrestrialWithCurve(_ x: TerrestrialInputs, accelerators total: Double, peakFlops: Double) throws -> (fabric: TrainingFabric, curve: EfficiencyCurve) {
        var curve: EfficiencyCurve? = []
        let fabric = try terrestrial(x, accelerators: total, peakFlops: peakFlops, curve: &curve)
        return (fabric, curve ?? [])
    }

    static func terrestrial(_ x: TerrestrialInputs, accelerators total: Double, peakFlops: Double, curve: inout EfficiencyCurve?) throws -> TrainingFabric {
        let t = x.training, f = x.fabric
        try checkLayout(t, f)
        let local = f.bpsPerAccelerator * f.throughputEfficiency
        let replica = t.tensorParallel * t.pipelineParallel
        func step(_ j: Double) -> TrainingFabric.Step {
            FabricModel.step(t, accelerators: j, peakFlops: peakFlops,
                             levels: .init(.init(members: j / replica, bandwidthBps: local, latencyS: f.hopLatencyS)))
        }
        func passes(_ j: Double) -> Bool { step(j).efficiency >= t.efficiencyThreshold }
        // Efficiency falls with job size (the compute per step shrinks, the ring's time does not):
        // the largest job at the threshold by bisection (in log size) between one replica and the cluster.
        var largest = 0.0
        if total >= replica, passes(replica) {
            if passes(total) { largest = total } else {
                var lo = replica, hi = total
                for _ in 0..<searchSteps where hi - lo > 1 {
                    let mid = (lo * hi).squareRoot()
                    if passes(mid) { lo = mid } else { hi = mid }
                }
                largest = lo.rounded(.down)
            }
        }
        if curve != nil {
            let n = Double(curvePoints)
            curve = efficiencyCurve(total >= replica ? (0...curvePoints).map { (replica * pow(total / replica, Double($0) / n)).rounded() } : [],
                                    replica: min(replica, total), total: total, step: step)
        }
        return TrainingFabric(workload: t.workload, accelerators: total, threshold: t.efficiencyThreshold, charged: step(chargedSize(t, total: total)),
                              wholeCluster: step(total), largestSynchronousJobAccelerators: largest, trainingClusters: trainingClusters(total: total, largest: largest),
                              localBpsPerAccelerator: local, orbital: nil)
    }

    /// The orbital side: accelerators inside a satellite on a local network, satellites in
    /// formations on optical links at the neighbour spacing, formations linked in a ring at the
    /// inter-formation spacing. A job fills satellites of one formation, then whole formations.
    /// - Parameters: satellites, accelerators powered, IT power per satellite and per accelerator
    ///   [W], peak FLOP/s per accelerator.
    public static func orbital(_ x: OrbitalInputs, satellites: Double, accelerators: Double, itPerAcceleratorW: Double, peakFlops: Double) throws -> TrainingFabric {
        var noCurve: EfficiencyCurve? = nil
        return try orbital(x, satellites: satellites, accelerators: accelerators, itPerAcceleratorW: itPerAcceleratorW, peakFlops: peakFlops, curve: &noCurve)
    }

    /// The same with its efficiency curve.
    public static func orbitalWithCurve(_ x: OrbitalInputs, satellites: Double, accelerators: Double, itPerAcceleratorW: Double,
                                        peakFlops: Double) throws -> (fabric: TrainingFabric, curve: EfficiencyCurve) {
        var curve: EfficiencyCurve? = []
        let fabric = try orbital(x, satellites: satellites, accelerators: accelerators, itPerAcceleratorW: itPerAcceleratorW, peakFlops: peakFlops, curve: &curve)
        return (fabric, curve ?? [])
    }

    /// Remembered outcomes of the threshold test for one layout: whole satellites of one formation
    /// (by satellite count) and whole formations (by formation count). Within a layout the test of
    /// a size depends on nothing else, so a study whose points change only the cluster's size
    /// (the satellites and formations it has) reuses them: the searches below then cost a few
    /// look-ups instead of a step each. The searches probe exactly as without the table.
    struct PassTable {
        /// The layout the outcomes belong to: the fabric key without the cluster's size, and the
        /// satellites per formation and accelerators per satellite it implies. Nil until `reset`.
        private(set) var layout: OrbitalModel.FabricLayout?
        /// The threshold test's outcomes in this layout.
        var outcomes = Outcomes()
        /// What the layout alone fixes (link budgets, the formation's geometry, the job's levels);
        /// nil until derived.
        var jobs: OrbitalJobs?
        /// Sizes remembered per layout: satellites of one formation, and formations.
        static let satelliteCounts = 1024, formationCounts = 4096
        /// The layout's satellites per formation (NaN without a layout): compared alone when the
        /// rest of the layout cannot change (`OrbitalModel.Memo.Fixed.fabricLayout`).
        private(set) var satellitesPerFormation = Double.nan
        /// A table that remembers nothing until `reset` gives it a layout.
        init() {}
        /// True when the outcomes are `layout`'s (compared in place: no copy of either layout).
        func belongs(to layout: OrbitalModel.FabricLayout) -> Bool {
            switch self.layout {
            case let .some(kept): return kept == layout
            case .none: return false
            }
        }
        /// Forgets the outcomes and remembers `layout`'s from now on.
        mutating func reset(_ layout: OrbitalModel.FabricLayout) {
            self.layout = layout
            satellitesPerFormation = layout.satellitesPerFormation
            jobs = nil
            if outcomes.inOne.isEmpty {
                outcomes.inOne = [UInt8](repeating: 0, count: Self.satelliteCounts)
                outcomes.across = [UInt8](repeating: 0, count: Self.formationCounts)
            } else {
                for i in outcomes.inOne.indices { outcomes.inOne[i] = 0 }
                for i in outcomes.across.indices { outcomes.across[i] = 0 }
            }
        }

        /// Outcomes by size: 0 unknown, 1 passes, 2 fails; index = count (satellites of one
        /// formation, or formations). Empty (a one-off evaluation's): nothing is remembered.
        struct Outcomes {
            var inOne: [UInt8] = []
            var across: [UInt8] = []

            /// The remembered outcome for size j (the m-th multiple), computing and keeping it on a miss.
            @inline(__always)
            mutating func passes(_ j: Double, _ m: Int?, across: Bool, _ compute: (Double) -> Bool) -> Bool {
                guard let m, m < (across ? self.across.count : inOne.count) else { return compute(j) }
                switch across ? self.across[m] : inOne[m] {
                case 1: return true
                case 2: return false
                default:
                    let p = compute(j)
                    if across { self.across[m] = p ? 1 : 2 } else { inOne[m] = p ? 1 : 2 }
                    return p
                }
            }
        }
    }

    /// What one orbital layout fixes of its jobs, as plain numbers: the fabric's parts but the
    /// formation count, and the levels of a job's hierarchical all-reduce. A study keeps it with
    /// its pass table, so a point that changes only the cluster's size does not derive it again.
    struct OrbitalJobs {
        /// The link budgets and the formation's geometry (`formations` is set per cluster).
        var parts: TrainingFabric.Orbital
        /// The reference job, its tensor parallelism at most a satellite's accelerators.
        var training: TrainingInputs
        var peakFlops: Double
        /// Per-accelerator bandwidth [bit/s] and step latency [s] inside a satellite.
        var localBps, localLatencyS: Double
        /// Between formations: one hop's latency [s], one link's rate [bit/s], links per neighbour.
        var interHopLatencyS, interLinkBps, interFormationLinks: Double
        /// Accelerators of one model replica (TP × PP), and the data-parallel members one satellite holds.
        var replica, replicasPerSatellite: Double
        /// The fabric of the last cluster evaluated in this layout (`update`), changed
        /// in place from one cluster to the next (no copy of it); NaN sizes before the first.
        var last: TrainingFabric
        /// The cluster `last` is for (nil before the first).
        var lastSize: OrbitalModel.FabricSize?

        init(_ x: OrbitalInputs, acceleratorsPerSatellite g: Double, satellitesPerFormation perFormation: Double, peakFlops: Double) {
            parts = FabricModel.layoutParts(x, acceleratorsPerSatellite: g, satellitesPerFormation: perFormation)
            training = x.training
            training.tensorParallel = min(training.tensorParallel, g)
            self.peakFlops = peakFlops
            localBps = x.fabric.bpsPerAccelerator * x.fabric.throughputEfficiency
            localLatencyS = x.fabric.hopLatencyS
            interHopLatencyS = Formation.hopLatency(spacing: x.formation.interFormationSpacingM, processing: x.isl.hopLatencyS)
            interLinkBps = parts.interFormationLink.linkRateBps
            interFormationLinks = x.formation.interFormationLinks
            replica = training.tensorParallel * training.pipelineParallel
            replicasPerSatellite = max(1, (g / replica).rounded(.down))
            let none = TrainingFabric.Step(accelerators: .nan, computeS: .nan, communicationS: .nan, stepS: .nan)
            last = TrainingFabric(workload: x.network.workload, accelerators: .nan, threshold: training.efficiencyThreshold, charged: none, wholeCluster: none,
                                  largestSynchronousJobAccelerators: .nan, trainingClusters: .nan, localBpsPerAccelerator: localBps, orbital: parts)
            last.modelFitsInSatellite = training.modelParameters * training.gradientBytesPerParameter <= g * x.fabric.memoryBytesPerAccelerator
        }

        /// The step of a job of `j` accelerators: it fills satellites of one formation, then
        /// whole formations; three levels (inside a satellite, across the formation, between formations).
        func step(_ j: Double) -> TrainingFabric.Step {
            let g = parts.acceleratorsPerSatellite, perFormation = parts.satellitesPerFormation
            let sats = (j / g).rounded(.up)
            let f = sats <= perFormation ? 1 : (sats / perFormation).rounded(.up)
            let satsPerFormation = sats / f
            let dp = j / replica
            let a = min(dp, replicasPerSatellite)
            let ringLinks = min(f - 1, 2)
            let levels = TrainingStep.Levels(
                .init(members: a, bandwidthBps: localBps, latencyS: localLatencyS),
                .init(members: dp / a / f, bandwidthBps: parts.collectiveBpsPerAccelerator, latencyS: parts.hopLatencyS),
                .init(members: f, bandwidthBps: ringLinks * interFormationLinks * interLinkBps / (satsPerFormation * g), latencyS: interHopLatencyS))
            return FabricModel.step(training, accelerators: j, peakFlops: peakFlops, levels: levels)
        }

        func passes(_ j: Double) -> Bool { j >= replica && step(j).efficiency >= training.efficiencyThreshold }
    }

    /// An ascending list of sizes without storage: `unit × (first + k)` for k < `multiples`, then
    /// `last` when `hasLast` (the cluster's total, which is no multiple).
    struct SizeList {
        var unit: Double, first: Int, multiples: Int, last: Double, hasLast: Bool
        var count: Int { multiples + (hasLast ? 1 : 0) }
        /// Element k, and the count it is a multiple of (nil for `last`).
        @inline(__always) func element(_ k: Int) -> (Double, Int?) { k < multiples ? (Double(first + k) * unit, first + k) : (last, nil) }
    }

    /// The largest of the ascending `sizes` that passes, when passing is monotone (a prefix
    /// passes): by bisection.
    @inline(__always)
    static func largestPassing(_ sizes: SizeList, _ passes: (Double, Int?) -> Bool) -> Double? {
        guard sizes.count > 0 else { return nil }
        let e0 = sizes.element(0)
        guard passes(e0.0, e0.1) else { return nil }
        var lo = 0, hi = sizes.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            let e = sizes.element(mid)
            if passes(e.0, e.1) { lo = mid } else { hi = mid }
        }
        return sizes.element(lo).0
    }

    /// The multiples `m × unit` (m in `from...to`) that are below `total` and at least `replica`, as a
    /// `SizeList` with `total` appended when `appendTotal` (and total ≥ replica).
    static func sizeList(unit: (Int) -> Double, from: Int, to: Int, scale: Double, total: Double, replica: Double, appendTotal: Bool) -> SizeList {
        // The kept multiples are a contiguous run (the sizes ascend): find its ends by the same
        // comparisons the filters make.
        var lo = from
        if to >= from {
            // First m with unit(m) ≥ replica (start near replica / scale, then step exactly).
            lo = max(from, min(to + 1, Int((replica / scale).rounded(.down)) - 1))
            while lo > from && unit(lo - 1) >= replica { lo -= 1 }
            while lo <= to && unit(lo) < replica { lo += 1 }
        }
        var hi = lo - 1
        if lo <= to {
            hi = max(lo - 1, min(to, Int((total / scale).rounded(.down)) + 1))
            while hi >= lo && unit(hi) >= total { hi -= 1 }
            while hi < to && unit(hi + 1) < total { hi += 1 }
        }
        return SizeList(unit: scale, first: lo, multiples: max(0, hi - lo + 1), last: total, hasLast: appendTotal && total >= replica)
    }

    /// The orbital fabric's parts that the layout fixes, with no formation counted yet: the
    /// neighbour and inter-formation link budgets, the formation's radius, bisection and diameter.
    static func layoutParts(_ x: OrbitalInputs, acceleratorsPerSatellite g: Double, satellitesPerFormation perFormation: Double) -> TrainingFabric.Orbital {
        let link = OpticalLink.budget(x.isl.terminal, distance: x.formation.neighbourSpacingM)
        let inter = OpticalLink.budget(x.isl.terminal, distance: x.formation.interFormationSpacingM)
        let l = x.satellite.islTerminals
        let hop = Formation.hopLatency(spacing: x.formation.neighbourSpacingM, processing: x.isl.hopLatencyS)
        return TrainingFabric.Orbital(link: link, interFormationLink: inter, acceleratorsPerSatellite: g, satellitesPerFormation: perFormation, formations: 0,
                                      linksPerSatellite: l, formationRadiusM: Formation.radius(satellites: perFormation, spacing: x.formation.neighbourSpacingM),
                                      bisectionBpsPerAccelerator: Formation.bisectionBandwidthPerAccelerator(satellites: perFormation, linksPerSatellite: l,
                                                                                                             linkRate: link.linkRateBps, acceleratorsPerSatellite: g),
                                      collectiveBpsPerAccelerator: Formation.ringInjectionRate(linksPerSatellite: l, linkRate: link.linkRateBps) / g, hopLatencyS: hop,
                                      diameterLatencyS: Formation.diameterHops(satellites: perFormation) * hop)
    }

    /// What a layout fixes of the orbital fabric (`OrbitalJobs`), its job checked against the
    /// scale-up domain.
    static func orbitalJobs(_ x: OrbitalInputs, satellites: Double, itPerAcceleratorW: Double, peakFlops: Double) throws -> OrbitalJobs {
        try checkLayout(x.training, x.fabric)
        let g = max(1, (x.satellite.itPowerW / itPerAcceleratorW).rounded(.down))
        // Tensor parallelism stays inside one satellite: a satellite smaller than the TP degree
        // runs it at the satellite's size (OrbitalModel warns).
        return OrbitalJobs(x, acceleratorsPerSatellite: g, satellitesPerFormation: satellitesPerFormation(x, satellites: satellites), peakFlops: peakFlops)
    }

    /// Satellites of one formation: the formation's most, or all of them when fewer (at least one).
    static func satellitesPerFormation(_ x: OrbitalInputs, satellites: Double) -> Double { max(1, min(x.formation.satellitesMax, satellites)) }

    /// A one-off evaluation: the layout's jobs derived, nothing remembered (a study worker keeps
    /// them in its pass table: `OrbitalModel.trainingFabric`).
    static func orbital(_ x: OrbitalInputs, satellites: Double, accelerators: Double, itPerAcceleratorW: Double, peakFlops: Double,
                        curve: inout EfficiencyCurve?) throws -> TrainingFabric {
        var jobs = try orbitalJobs(x, satellites: satellites, itPerAcceleratorW: itPerAcceleratorW, peakFlops: peakFlops)
        var nothingRemembered = PassTable.Outcomes()
        jobs.update(satellites: satellites, accelerators: accelerators, workload: x.network.workload, outcomes: &nothingRemembered)
        let fabric = jobs.last
        if curve != nil {
            let total = fabric.accelerators, formations = fabric.orbital!.formations
            let g = jobs.parts.acceleratorsPerSatellite, perFormation = jobs.parts.satellitesPerFormation
            let inOne = (1...Int(perFormation)).map { Double($0) * g }
            let across = formations >= 2 ? (2...Int(formations)).map { Double($0) * perFormation * g } : []
            curve = efficiencyCurve((inOne + across).filter { $0 < total } + [total], replica: min(jobs.replica, total), total: total, step: jobs.step)
        }
        return fabric
    }
}

extension FabricModel.OrbitalJobs {
    /// Sets `last` to the fabric of a cluster of `satellites` and `accelerators` (powered) in this
    /// layout, in place: the largest job at the threshold, searched with the layout's remembered
    /// `outcomes`, and the charged and whole-cluster steps. Without `detail` only the charged step
    /// (what the delivered hours read) is computed: the largest job, the training clusters and
    /// the whole cluster's step are NaN (a study that reads no fabric output).
    mutating func update(satellites: Double, accelerators: Double, workload: Workload, detail: Bool = true, outcomes: inout FabricModel.PassTable.Outcomes) {
        let g = parts.acceleratorsPerSatellite, perFormation = parts.satellitesPerFormation
        let total = min(accelerators, satellites * g)
        let formations = (satellites / perFormation).rounded(.up)
        let chargedSize = FabricModel.chargedSize(training, total: total)
        // The charged step is a function of the layout and its size: kept while the size is.
        if last.charged.accelerators != chargedSize { last.charged = step(chargedSize) }
        last.workload = workload
        last.accelerators = total
        last.orbital!.formations = formations
        guard detail else {
            last.wholeCluster = TrainingFabric.Step(accelerators: total, computeS: .nan, communicationS: .nan, stepS: .nan)
            last.largestSynchronousJobAccelerators = .nan
            last.trainingClusters = .nan
            return
        }
        // Candidate sizes: 1 … n satellites of one formation, then 2 … F whole formations, then all
        // (those below the total, then the total).
        // Efficiency falls with size within one formation and across whole formations (compute per
        // step shrinks, the rings' times grow): bisect each segment, the larger one first.
        let nOne = Int(perFormation), nFormations = Int(formations)
        let oneSpan = perFormation * g
        let one = FabricModel.sizeList(unit: { Double($0) * g }, from: 1, to: nOne, scale: g, total: total, replica: replica, appendTotal: total <= oneSpan)
        let many = FabricModel.sizeList(unit: { Double($0) * perFormation * g }, from: 2, to: nFormations, scale: perFormation * g, total: total, replica: replica,
                                        appendTotal: total > oneSpan)
        // (Empty outcomes remember nothing: every probe is computed.)
        let largest = FabricModel.largestPassing(many, { j, m in outcomes.passes(j, m, across: true, passes) })
            ?? FabricModel.largestPassing(one, { j, m in outcomes.passes(j, m, across: false, passes) }) ?? 0
        last.largestSynchronousJobAccelerators = largest
        last.trainingClusters = FabricModel.trainingClusters(total: total, largest: largest)
        last.wholeCluster = step(total)
    }
}
