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

    /// Assembles the result from a step function and the largest job at the threshold; with a
    /// `curve` to fill, the efficiency at the sizes `curveSizes` gives.
    static func assemble(_ t: TrainingInputs, workload: Workload, total: Double, local: Double, orbital: TrainingFabric.Orbital?,
                         largest: Double, curveSizes: () -> [Double], curve: inout EfficiencyCurve?, step: (Double) -> TrainingFabric.Step) -> TrainingFabric {
        let replica = min(t.tensorParallel * t.pipelineParallel, total)
        let chargedSize = min(max(t.jobAccelerators, replica), total)
        if curve != nil {
            let sizes = Array(Set(curveSizes().filter { $0 >= replica && $0 <= total })).sorted()
            let stride = max(1, sizes.count / curvePoints)
            curve = sizes.enumerated().filter { $0.offset % stride == 0 || $0.offset == sizes.count - 1 }.map { ($0.element, step($0.element).efficiency) }
        }
        return TrainingFabric(workload: workload, accelerators: total, threshold: t.efficiencyThreshold, charged: step(chargedSize), wholeCluster: step(total),
                              largestSynchronousJobAccelerators: largest, trainingClusters: largest > 0 ? (total / largest).rounded(.down) : 0,
                              localBpsPerAccelerator: local, orbital: orbital)
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
        let n = Double(curvePoints)
        return assemble(t, workload: t.workload, total: total, local: local, orbital: nil, largest: largest,
                        curveSizes: { total >= replica ? (0...curvePoints).map { (replica * pow(total / replica, Double($0) / n)).rounded() } : [] },
                        curve: &curve, step: step)
    }

    /// The orbital side: accelerators inside a satellite on a local network, satellites in
    /// formations on optical links at the neighbour spacing, formations linked in a ring at the
    /// inter-formation spacing. A job fills satellites of one formation, then whole formations.
    /// - Parameters: satellites, accelerators powered, IT power per satellite and per accelerator
    ///   [W], peak FLOP/s per accelerator.
    public static func orbital(_ x: OrbitalInputs, satellites: Double, accelerators: Double, itPerAcceleratorW: Double, peakFlops: Double) throws -> TrainingFabric {
        var none = PassTable(), noCurve: EfficiencyCurve? = nil
        return try orbital(x, satellites: satellites, accelerators: accelerators, itPerAcceleratorW: itPerAcceleratorW, peakFlops: peakFlops, curve: &noCurve, passes: &none)
    }

    /// The same with its efficiency curve.
    public static func orbitalWithCurve(_ x: OrbitalInputs, satellites: Double, accelerators: Double, itPerAcceleratorW: Double,
                                        peakFlops: Double) throws -> (fabric: TrainingFabric, curve: EfficiencyCurve) {
        var none = PassTable(), curve: EfficiencyCurve? = []
        let fabric = try orbital(x, satellites: satellites, accelerators: accelerators, itPerAcceleratorW: itPerAcceleratorW, peakFlops: peakFlops, curve: &curve, passes: &none)
        return (fabric, curve ?? [])
    }

    /// Remembered outcomes of the threshold test for one layout: whole satellites of one formation
    /// (by satellite count) and whole formations (by formation count). Within a layout the test of
    /// a size depends on nothing else, so a study whose points change only the cluster's size
    /// (the satellites and formations it has) reuses them: the searches below then cost a few
    /// look-ups instead of a step each. The searches probe exactly as without the table.
    struct PassTable {
        /// The layout the outcomes belong to: the fabric key without the cluster's size, and the
        /// satellites per formation and accelerators per satellite it implies. Nil for a table
        /// that remembers nothing (one evaluation's, `orbital(_:satellites:…)`): no storage then.
        private(set) var layout: OrbitalModel.FabricLayout?
        /// 0 unknown, 1 passes, 2 fails; index = count (satellites or formations).
        var inOne: [UInt8] = []
        var across: [UInt8] = []
        /// What the layout alone fixes: the link budgets and the formation's geometry (all of
        /// `TrainingFabric.Orbital` but the formation count, which depends on the cluster's size).
        var parts: TrainingFabric.Orbital?
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
            parts = nil
            if inOne.isEmpty {
                inOne = [UInt8](repeating: 0, count: Self.satelliteCounts)
                across = [UInt8](repeating: 0, count: Self.formationCounts)
            } else {
                for i in inOne.indices { inOne[i] = 0 }
                for i in across.indices { across[i] = 0 }
            }
        }
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

    static func orbital(_ x: OrbitalInputs, satellites: Double, accelerators: Double, itPerAcceleratorW: Double, peakFlops: Double, curve: inout EfficiencyCurve?,
                        passes table: inout PassTable) throws -> TrainingFabric {
        let f = x.fabric
        let g = max(1, (x.satellite.itPowerW / itPerAcceleratorW).rounded(.down))
        try checkLayout(x.training, f)
        // Tensor parallelism stays inside one satellite: a satellite smaller than the TP degree
        // runs it at the satellite's size (OrbitalModel warns).
        // A constant, not a variable: the step closures capture it, and a captured variable is
        // checked for exclusive access at every read.
        let t = { var t = x.training; t.tensorParallel = min(t.tensorParallel, g); return t }()
        let total = min(accelerators, satellites * g)
        let perFormation = max(1, min(x.formation.satellitesMax, satellites))
        let formations = (satellites / perFormation).rounded(.up)
        // The link budgets and the formation's geometry depend on the layout alone: a pass table keeps them.
        var o: TrainingFabric.Orbital
        if let kept = table.parts { o = kept } else {
            o = layoutParts(x, acceleratorsPerSatellite: g, satellitesPerFormation: perFormation)
            if table.layout != nil { table.parts = o }
        }
        o.formations = formations
        let local = f.bpsPerAccelerator * f.throughputEfficiency
        let collective = o.collectiveBpsPerAccelerator, hop = o.hopLatencyS
        let interHop = Formation.hopLatency(spacing: x.formation.interFormationSpacingM, processing: x.isl.hopLatencyS)
        let interRate = o.interFormationLink.linkRateBps
        let replica = t.tensorParallel * t.pipelineParallel
        // Data-parallel members that share one satellite (1 when a replica spans satellites).
        let perSatellite = max(1, (g / replica).rounded(.down))

        func step(_ j: Double) -> TrainingFabric.Step {
            let sats = (j / g).rounded(.up)
            let f = sats <= perFormation ? 1 : (sats / perFormation).rounded(.up)
            let satsPerFormation = sats / f
            let dp = j / replica
            let a = min(dp, perSatellite)
            let ringLinks = min(f - 1, 2)
            let levels = TrainingStep.Levels(
                .init(members: a, bandwidthBps: local, latencyS: x.fabric.hopLatencyS),
                .init(members: dp / a / f, bandwidthBps: collective, latencyS: hop),
                .init(members: f, bandwidthBps: ringLinks * x.formation.interFormationLinks * interRate / (satsPerFormation * g), latencyS: interHop))
            return FabricModel.step(t, accelerators: j, peakFlops: peakFlops, levels: levels)
        }
        // Candidate sizes: 1 … n satellites of one formation, then 2 … F whole formations, then all
        // (those below the total, then the total).
        // Efficiency falls with size within one formation and across whole formations (compute per
        // step shrinks, the rings' times grow): bisect each segment, the larger one first.
        func passes(_ j: Double) -> Bool { j >= replica && step(j).efficiency >= t.efficiencyThreshold }
        let nOne = Int(perFormation), nFormations = Int(formations)
        let oneSpan = perFormation * g
        let one = sizeList(unit: { Double($0) * g }, from: 1, to: nOne, scale: g, total: total, replica: replica, appendTotal: total <= oneSpan)
        let many = sizeList(unit: { Double($0) * perFormation * g }, from: 2, to: nFormations, scale: perFormation * g, total: total, replica: replica, appendTotal: total > oneSpan)
        // (A table without a layout has no storage: every probe is computed.)
        let largest = largestPassing(many, { j, m in table.passes(j, m, across: true, passes) }) ?? largestPassing(one, { j, m in table.passes(j, m, across: false, passes) }) ?? 0
        var result = assemble(t, workload: x.network.workload, total: total, local: local, orbital: o, largest: largest, curveSizes: {
            let inOne = (1...Int(perFormation)).map { Double($0) * g }
            let across = formations >= 2 ? (2...Int(formations)).map { Double($0) * perFormation * g } : []
            return (inOne + across).filter { $0 < total } + [total]
        }, curve: &curve, step: step)
        result.modelFitsInSatellite = t.modelParameters * t.gradientBytesPerParameter <= g * f.memoryBytesPerAccelerator
        return result
    }
}

extension FabricModel.PassTable {
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
