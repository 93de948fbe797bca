/// Step 9 of the orbital chain: the cost lines of an orbital cluster (MODEL.md §11).
///
/// Hardware is priced bottom-up (bus per kg, arrays per rated W, radiators per m², batteries per
/// kWh) or, with `satellite.cost_usd_per_w`, as one whole-satellite line at a published $/W —
/// never both. Launch, insurance on hardware and launch, the ground segment, design (NRE) and
/// operations complete the lines.
public enum OrbitalCosts {
    public static func lines(cluster: ClusterSize, accelerator: Accelerator, power: PowerBudget, radiator: RadiatorDesign, mass: MassBudget,
                             launch: LaunchPlan, x: OrbitalInputs) -> [CostLine] {
        var hardware = [CostLine("accelerators", .accelerators, upfront: cluster.countInstalled * accelerator.priceUsd, perBatch: true)]
        if let perW = x.satellite.costUsdPerW {
            hardware.append(CostLine("satellite", .other, upfront: power.arrayRatedW * perW, perBatch: true))
        } else {
            hardware += [
                CostLine("satellite_bus", .other, upfront: mass.busKg * x.finance.satelliteCostUsdPerKg, perBatch: true),
                CostLine("solar_arrays", .other, upfront: power.arrayRatedW * x.solar.costUsdPerW, perBatch: true),
                CostLine("radiators", .other, upfront: radiator.areaM2 * x.thermal.costUsdPerM2, perBatch: true),
                CostLine("batteries", .other, upfront: power.batteryEnergyJ / Constants.joulesPerKwh * x.power.batteryCostUsdPerKwh, perBatch: true),
            ]
        }
        let hardwareTotal = hardware.reduce(0) { $0 + $1.upfront }
        return hardware + [
            CostLine("launch", .launch, upfront: launch.costUsd, perBatch: true),
            CostLine("insurance", .other, upfront: x.finance.insuranceFraction * (hardwareTotal + launch.costUsd), perBatch: true),
            CostLine("ground_segment", .other, upfront: x.finance.groundSegmentUsd),
            CostLine("nre", .other, upfront: x.finance.nreUsd),
            CostLine("operations", .other, annual: x.finance.opsCostUsdPerYear),
        ]
    }
}
