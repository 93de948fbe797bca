import Foundation
import OrbitalCompute

/// The text lines `compare` prints beside its cost verdict: latency and the training fabric.
extension Comparison {
    /// One line for the text forms of `compare`.
    public var latencySummary: String {
        guard let l = latencyReport["rtt_terrestrial_ms"]?.doubleValue else { return "" }
        let p50 = latencyReport["rtt_orbital_p50_ms"]?.doubleValue.map { humanNumber($0) + " ms" } ?? "no path"
        let p99 = latencyReport["rtt_orbital_p99_ms"]?.doubleValue.map { humanNumber($0) + " ms" } ?? "no path"
        let factor = latencyReport["network_capacity_factor"]?.doubleValue ?? 1
        return "latency from the reference user (network.user_*): ground \(humanNumber(l)) ms; orbit p50 \(p50), p99 \(p99); network capacity factor \(humanNumber(factor))\n"
    }

    /// The text forms of `compare`: two lines beside the latency line.
    public var fabricSummary: String {
        guard case let .orbital(o) = orbital, case let .terrestrial(g) = ground, let fo = o.fabric, let fg = g.fabric else { return "" }
        func pct(_ x: Double) -> String { humanNumber(x * 100) + " %" }
        var text = "training fabric: the reference job (training.*) on \(humanNumber(fo.charged.accelerators)) accelerators runs at \(pct(fo.trainingEfficiency)) in orbit"
        if let f = fo.orbital {
            text += " (formations of \(humanNumber(f.satellitesPerFormation)) satellites, \(humanNumber(f.acceleratorsPerSatellite * f.satellitesPerFormation)) accelerators; \(humanNumber(f.link.linkRateBps / 1e12)) Tb/s links at \(humanNumber(f.link.distanceM)) m)"
        }
        text += " and \(pct(fg.trainingEfficiency)) on the ground"
        text += fo.workload == .training ? " (training hours scaled by it)\n" : " (workload \(fo.workload.rawValue): hours not scaled)\n"
        text += "largest synchronous job at ≥ \(pct(fo.threshold)): orbit \(humanNumber(fo.largestSynchronousJobAccelerators)) accelerators (\(humanNumber(fo.trainingClusters)) training clusters), ground \(humanNumber(fg.largestSynchronousJobAccelerators)) (\(humanNumber(fg.trainingClusters)))"
        if let s = atGroundScale {
            text += "; the ground's largest job runs at \(pct(s.orbitalEfficiency)) in orbit: cost ratio \(humanNumber(s.costRatio))× (`--set both:training.job_accelerators=\(formatNumber(s.accelerators))`)"
        }
        return text + "\n"
    }}
