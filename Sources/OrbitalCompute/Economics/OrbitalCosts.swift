/// Step 11 of the orbital chain: the cost lines of an orbital cluster (MODEL.md §11).
///
/// Hardware is priced bottom-up (bus per kg, arrays per rated W, radiators per m², batteries per
/// kWh) or, with `satellite.cost_usd_per_w`, as one whole-satellite line at a published $/W —
/// never both. Launch, insurance on hardware and launch, the ground segment, design (NRE) and
/// operations complete the lines.
public enum OrbitalCosts {
    public static func lines(cluster: ClusterSize, accelerator: Accelerator, power: PowerBudget, radiator: RadiatorDesign, mass: MassBudget,
                             launch: LaunchPlan, x: OrbitalInputs) -> [CostLine] {
        var out: [CostLine] = []
        lines(cluster: cluster, accelerator: accelerator, power: power, radiator: radiator, mass: mass, launch: launch, x: x, into: &out)
        return out
    }

    /// The same lines written into `out` (emptied first, its storage kept: a study refills one buffer).
    static func lines(cluster: ClusterSize, accelerator: Accelerator, power: PowerBudget, radiator: RadiatorDesign, mass: MassBudget,
                      launch: LaunchPlan, x: OrbitalInputs, into out: inout [CostLine]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(10)
        out.append(CostLine("accelerators", .accelerators, upfront: cluster.countInstalled * accelerator.priceUsd, perBatch: true))
        if let perW = x.satellite.costUsdPerW {
            out.append(CostLine("satellite", .other, upfront: power.arrayRatedW * perW, perBatch: true))
        } else {
            out.append(CostLine("satellite_bus", .other, upfront: mass.busKg * x.finance.satelliteCostUsdPerKg, perBatch: true))
            out.append(CostLine("solar_arrays", .other, upfront: power.arrayRatedW * x.solar.costUsdPerW, perBatch: true))
            out.append(CostLine("radiators", .other, upfront: radiator.areaM2 * x.thermal.costUsdPerM2, perBatch: true))
            out.append(CostLine("batteries", .other, upfront: power.batteryEnergyJ / Constants.joulesPerKwh * x.power.batteryCostUsdPerKwh, perBatch: true))
        }
        var hardwareTotal = 0.0
        for line in out { hardwareTotal += line.upfront }
        out.append(CostLine("launch", .launch, upfront: launch.costUsd, perBatch: true))
        out.append(CostLine("insurance", .other, upfront: x.finance.insuranceFraction * (hardwareTotal + launch.costUsd), perBatch: true))
        out.append(CostLine("ground_segment", .other, upfront: x.finance.groundSegmentUsd))
        out.append(CostLine("nre", .other, upfront: x.finance.nreUsd))
        out.append(CostLine("operations", .other, annual: x.finance.opsCostUsdPerYear))
    }
}
