import Foundation
import OrbitalCompute

/// The training-fabric section of the comparison report (issue 14): link rate against distance,
/// training efficiency against job size on both sides.
extension ReportBuilder {
    /// Distances of the link-rate chart: 10 m to 1,000 km, 12 points a decade [m].
    static let linkChartDistances = (0...60).map { pow(10, 1 + Double($0) / 12) }

    func fabricSection() -> ReportDocument.Section {
        guard let (fo, curveOrbit) = try? FabricModel.orbitalWithCurve(oInputs, satellites: Double(o.satelliteCount), accelerators: o.acceleratorCountPowered,
                                                                       itPerAcceleratorW: o.accelerator.itPowerPerAcceleratorW, peakFlops: o.accelerator.bf16DenseTflops * 1e12),
              let (fg, curveGround) = try? FabricModel.terrestrialWithCurve(gInputs, accelerators: g.acceleratorCount, peakFlops: g.accelerator.bf16DenseTflops * 1e12),
              let orbit = fo.orbital else {
            return .init(id: "fabric", title: "Training fabric", blocks: [.paragraph("No training fabric was computed.")])
        }
        func pct(_ x: Double) -> String { humanNumber(x * 100) + " %" }
        let terminal = oInputs.isl.terminal
        let points = ReportBuilder.linkChartDistances.map { d in (d, OpticalLink.budget(terminal, distance: d).linkRateBps / 1e12) }
        var link = LineChart(title: "Optical link rate against distance", xLabel: "distance between satellites [m] (log scale)", yLabel: "link rate, each way [Tb/s]",
                             series: [LineChart.Series("\(humanNumber(terminal.transmitDiameterM * 100)) cm apertures, \(humanNumber(terminal.transceiversPerLink)) transceivers × \(humanNumber(terminal.channelsPerTransceiver)) × \(humanNumber(terminal.channelRateBps / 1e9)) Gb/s", points, color: "#0072B2")])
        link.xLog = true
        link.yIncludesZero = true
        link.markers = [
            .init(x: orbit.link.distanceM, y: orbit.link.linkRateBps / 1e12, label: "neighbours: \(humanNumber(orbit.link.linkRateBps / 1e12)) Tb/s", color: "#0072B2"),
            .init(x: orbit.interFormationLink.distanceM, y: orbit.interFormationLink.linkRateBps / 1e12, label: "between formations: \(humanNumber(orbit.interFormationLink.linkRateBps / 1e12)) Tb/s"),
        ]
        let linkKeys = ParameterInfo.all.filter { $0.kind == .orbital && $0.key.hasPrefix("isl.") }.map(\.key) + ["formation.neighbour_spacing_m", "formation.inter_formation_spacing_m"]
        let linkFigure = ReportDocument.Figure(
            id: "chart-link-rate", title: "Link rate against distance",
            caption: "Near the satellites the receiver captures the whole beam and the aperture pair carries many spatial beams (Fresnel-number product); beyond ≈ 1 km the beams fall off as 1/d² until one is left, and far away the received power (Friis, ∝ 1/d²) no longer closes the DWDM channels. `orbital links --distance-m D` prints the budget.",
            svg: link.svg(id: "chart-link-rate"), inputs: ref(.orbital, linkKeys))

        let threshold = fo.threshold
        var efficiency = LineChart(title: "Training efficiency against job size", xLabel: "accelerators in one synchronous job [-] (log scale)", yLabel: "training efficiency [-]",
                                   series: [LineChart.Series("orbit: formations of \(humanNumber(orbit.satellitesPerFormation)) satellites", curveOrbit, color: "#0072B2"),
                                            LineChart.Series("ground: \(groundScenario.name)", curveGround, color: "#E69F00", dashed: true)])
        efficiency.xLog = true
        efficiency.yRange = 0...1.05
        efficiency.rules = [.init(y: threshold, label: "threshold \(pct(threshold))")]
        efficiency.markers = [
            .init(x: fo.charged.accelerators, y: fo.trainingEfficiency, label: "reference job in orbit: \(pct(fo.trainingEfficiency))", color: "#0072B2"),
            .init(x: fg.charged.accelerators, y: fg.trainingEfficiency, label: "on the ground: \(pct(fg.trainingEfficiency))", color: "#E69F00"),
        ]
        let jobKeys = ParameterInfo.all.filter { $0.kind == .orbital && ($0.key.hasPrefix("training.") || $0.key.hasPrefix("fabric.") || $0.key.hasPrefix("formation.")) }.map(\.key)
        let efficiencyFigure = ReportDocument.Figure(
            id: "chart-training-efficiency", title: "Training efficiency against job size",
            caption: "Compute time over step time for the reference job (training.*) as it spreads over more accelerators: the compute per step shrinks while the gradient all-reduce does not, and in orbit each new formation adds a ring over the slower links between formations.",
            svg: efficiency.svg(id: "chart-training-efficiency"), inputs: ref(.orbital, jobKeys) + ref(.terrestrial, ["fabric.bps_per_accelerator", "fabric.throughput_efficiency", "fabric.hop_latency_s"]))

        let text = "The reference job on \(humanNumber(fo.charged.accelerators)) accelerators trains at \(pct(fo.trainingEfficiency)) in orbit and \(pct(fg.trainingEfficiency)) on the ground; a training workload's delivered PFLOP-hours are scaled by it. The largest synchronous job at ≥ \(pct(threshold)) is \(humanNumber(fo.largestSynchronousJobAccelerators)) accelerators in orbit (\(humanNumber(fo.trainingClusters)) independent training clusters) and \(humanNumber(fg.largestSynchronousJobAccelerators)) on the ground."
        let table = ReportDocument.Table(
            id: "table-fabric", caption: "Training fabric, side by side",
            header: ["", "orbit", "ground"],
            rows: [
                [Cell("bandwidth per accelerator for the gradient ring [Gb/s]"), Cell(humanNumber(orbit.collectiveBpsPerAccelerator / 1e9), numeric: true), Cell(humanNumber(fg.localBpsPerAccelerator / 1e9), numeric: true)],
                [Cell("bisection bandwidth per accelerator [Gb/s]"), Cell(orbit.bisectionBpsPerAccelerator.isFinite ? humanNumber(orbit.bisectionBpsPerAccelerator / 1e9) : "—", numeric: true), Cell(humanNumber(fg.localBpsPerAccelerator / 1e9), numeric: true)],
                [Cell("reference job: accelerators"), Cell(humanNumber(fo.charged.accelerators), numeric: true), Cell(humanNumber(fg.charged.accelerators), numeric: true)],
                [Cell("reference job: compute / communication per step [s]"), Cell("\(humanNumber(fo.charged.computeS)) / \(humanNumber(fo.charged.communicationS))", numeric: true), Cell("\(humanNumber(fg.charged.computeS)) / \(humanNumber(fg.charged.communicationS))", numeric: true)],
                [Cell("training efficiency"), Cell(pct(fo.trainingEfficiency), numeric: true), Cell(pct(fg.trainingEfficiency), numeric: true)],
                [Cell("largest synchronous job at ≥ \(pct(threshold))"), Cell(humanNumber(fo.largestSynchronousJobAccelerators), numeric: true), Cell(humanNumber(fg.largestSynchronousJobAccelerators), numeric: true)],
                [Cell("training clusters"), Cell(humanNumber(fo.trainingClusters), numeric: true), Cell(humanNumber(fg.trainingClusters), numeric: true)],
                [Cell("whole cluster as one job"), Cell(pct(fo.wholeCluster.efficiency), numeric: true), Cell(pct(fg.wholeCluster.efficiency), numeric: true)],
            ])
        return .init(id: "fabric", title: "Training fabric", blocks: [.paragraph(text), .figure(linkFigure), .figure(efficiencyFigure), .table(table)])
    }
}
