import Foundation

/// The training fabric beside the cost verdict of `compare` (issue 14).
extension Comparison {
    /// Both sides charged at the ground's largest synchronous job (Colossus scale: one model on
    /// the whole ground cluster): that job's efficiency on each side and the cost ratio then.
    /// Delivered hours scale linearly with the training efficiency, so the cost per PFLOP-hour
    /// scales inversely: ratio' = ratio × (f_o / f_o') × (f_g' / f_g).
    public var atGroundScale: (accelerators: Double, orbitalEfficiency: Double, groundEfficiency: Double, costRatio: Double)? {
        guard case let .orbital(o) = orbital, case let .terrestrial(g) = ground, let fo = o.fabric, let fg = g.fabric,
              fo.workload == .training, fg.workload == .training, fg.largestSynchronousJobAccelerators > 0,
              var x = try? orbitalScenario.orbitalInputs(), var y = try? groundScenario.terrestrialInputs() else { return nil }
        let j = fg.largestSynchronousJobAccelerators
        x.training.jobAccelerators = j
        y.training.jobAccelerators = j
        guard let a = try? FabricModel.orbital(x, satellites: Double(o.satelliteCount), accelerators: o.acceleratorCountPowered,
                                               itPerAcceleratorW: o.accelerator.itPowerPerAcceleratorW, peakFlops: o.accelerator.bf16DenseTflops * 1e12),
              let b = try? FabricModel.terrestrial(y, accelerators: g.acceleratorCount, peakFlops: g.accelerator.bf16DenseTflops * 1e12),
              a.deliveredHoursFactor > 0, fg.deliveredHoursFactor > 0 else { return nil }
        return (a.charged.accelerators, a.trainingEfficiency, b.trainingEfficiency,
                costRatio * fo.deliveredHoursFactor / a.deliveredHoursFactor * b.deliveredHoursFactor / fg.deliveredHoursFactor)
    }

    public var fabricReport: ResultValue {
        guard case let .orbital(o) = orbital, case let .terrestrial(g) = ground, let fo = o.fabric, let fg = g.fabric else { return .null }
        let scale = atGroundScale
        return .object([
            ("workload_orbital", .text(fo.workload.rawValue)),
            ("workload_terrestrial", .text(fg.workload.rawValue)),
            ("job_accelerators_orbital", .number(fo.charged.accelerators)),
            ("job_accelerators_terrestrial", .number(fg.charged.accelerators)),
            ("training_efficiency_orbital", .number(fo.trainingEfficiency)),
            ("training_efficiency_terrestrial", .number(fg.trainingEfficiency)),
            ("largest_synchronous_job_accelerators_orbital", .number(fo.largestSynchronousJobAccelerators)),
            ("largest_synchronous_job_accelerators_terrestrial", .number(fg.largestSynchronousJobAccelerators)),
            ("training_clusters_orbital", .number(fo.trainingClusters)),
            ("training_clusters_terrestrial", .number(fg.trainingClusters)),
            ("ground_scale_job_accelerators", scale.map { .number($0.accelerators) } ?? .null),
            ("ground_scale_efficiency_orbital", scale.map { .number($0.orbitalEfficiency) } ?? .null),
            ("ground_scale_efficiency_terrestrial", scale.map { .number($0.groundEfficiency) } ?? .null),
            ("ground_scale_cost_ratio", scale.map { .number($0.costRatio) } ?? .null),
        ])
    }

}
