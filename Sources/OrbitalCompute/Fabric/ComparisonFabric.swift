import Foundation

/// The training fabric beside the cost verdict of `compare` (issue 14).
extension Comparison {
    /// The orbit's training efficiency for the ground's largest synchronous job (the same model on
    /// both sides), and the cost ratio if the orbit's training hours were charged at it.
    public var sameJobInOrbit: (accelerators: Double, efficiency: Double, costRatio: Double)? {
        guard case let .orbital(o) = orbital, case let .terrestrial(g) = ground, let fo = o.fabric, let fg = g.fabric,
              fg.largestSynchronousJobAccelerators > 0, var x = try? orbitalScenario.orbitalInputs() else { return nil }
        x.training.jobAccelerators = fg.largestSynchronousJobAccelerators
        guard let f = try? FabricModel.orbital(x, satellites: Double(o.satelliteCount), accelerators: o.acceleratorCountPowered,
                                               itPerAcceleratorW: o.accelerator.itPowerPerAcceleratorW, peakFlops: o.accelerator.bf16DenseTflops * 1e12) else { return nil }
        // Delivered hours scale linearly with the factor, so the cost per PFLOP-hour scales inversely.
        let ratio = fo.deliveredHoursFactor > 0 && f.deliveredHoursFactor > 0 ? costRatio * fo.deliveredHoursFactor / f.deliveredHoursFactor : .infinity
        return (f.charged.accelerators, f.charged.efficiency, ratio)
    }

    public var fabricReport: ResultValue {
        guard case let .orbital(o) = orbital, case let .terrestrial(g) = ground, let fo = o.fabric, let fg = g.fabric else { return .null }
        let same = sameJobInOrbit
        return .object([
            ("workload_orbital", .text(fo.workload)),
            ("workload_terrestrial", .text(fg.workload)),
            ("training_efficiency_orbital", .number(fo.trainingEfficiency)),
            ("training_efficiency_terrestrial", .number(fg.trainingEfficiency)),
            ("largest_synchronous_job_accelerators_orbital", .number(fo.largestSynchronousJobAccelerators)),
            ("largest_synchronous_job_accelerators_terrestrial", .number(fg.largestSynchronousJobAccelerators)),
            ("training_clusters_orbital", .number(fo.trainingClusters)),
            ("training_clusters_terrestrial", .number(fg.trainingClusters)),
            ("same_job_accelerators", same.map { .number($0.accelerators) } ?? .null),
            ("same_job_efficiency_orbital", same.map { .number($0.efficiency) } ?? .null),
            ("same_job_cost_ratio", same.map { .number($0.costRatio) } ?? .null),
        ])
    }

    /// One line for the text forms of `compare`, beside the latency line.
    public var fabricSummary: String {
        guard case let .orbital(o) = orbital, case let .terrestrial(g) = ground, let fo = o.fabric, let fg = g.fabric else { return "" }
        func pct(_ x: Double) -> String { humanNumber(x * 100) + " %" }
        var text = "training fabric (training.*, ≥ \(pct(fo.threshold)) efficiency): ground jobs up to \(humanNumber(fg.largestSynchronousJobAccelerators)) accelerators"
            + " at \(pct(fg.trainingEfficiency)) (\(humanNumber(fg.trainingClusters)) cluster\(fg.trainingClusters == 1 ? "" : "s")); orbit up to \(humanNumber(fo.largestSynchronousJobAccelerators))"
            + " at \(pct(fo.trainingEfficiency)), \(humanNumber(fo.trainingClusters)) training clusters"
        if let f = fo.orbital {
            text += " (formations of \(humanNumber(f.satellitesPerFormation)) satellites, \(humanNumber(f.link.linkRateBps / 1e12)) Tb/s links at \(humanNumber(f.link.distanceM)) m)"
        }
        if let same = sameJobInOrbit, fo.workload == "training" {
            text += "; the ground's \(humanNumber(same.accelerators))-accelerator job in orbit runs at \(pct(same.efficiency)): cost ratio \(humanNumber(same.costRatio))× (`--set training.job_accelerators=\(formatNumber(same.accelerators))`)"
        }
        return text + "\n"
    }
}
