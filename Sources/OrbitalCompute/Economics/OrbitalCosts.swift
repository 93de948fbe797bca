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

    /// The same lines written into `out` over its old ones (its storage kept: a study refills one
    /// buffer, element by element, without emptying it first).
    static func lines(cluster: ClusterSize, accelerator: Accelerator, power: PowerBudget, radiator: RadiatorDesign, mass: MassBudget,
                      launch: LaunchPlan, x: OrbitalInputs, into out: inout [CostLine]) {
        var n = 0
        var hardwareTotal = 0.0
        func put(_ line: CostLine) {
            if n < out.count { out[n] = line } else { out.append(line) }
            n += 1
        }
        func hardware(_ line: CostLine) { put(line); hardwareTotal += line.upfront }
        hardware(CostLine(.accelerators, .accelerators, upfront: cluster.countInstalled * accelerator.priceUsd, perBatch: true))
        if let perW = x.satellite.costUsdPerW {
            hardware(CostLine(.satellite, .other, upfront: power.arrayRatedW * perW, perBatch: true))
        } else {
            hardware(CostLine(.satelliteBus, .other, upfront: mass.busKg * x.finance.satelliteCostUsdPerKg, perBatch: true))
            hardware(CostLine(.solarArrays, .other, upfront: power.arrayRatedW * x.solar.costUsdPerW, perBatch: true))
            hardware(CostLine(.radiators, .other, upfront: radiator.areaM2 * x.thermal.costUsdPerM2, perBatch: true))
            hardware(CostLine(.batteries, .other, upfront: power.batteryEnergyJ / Constants.joulesPerKwh * x.power.batteryCostUsdPerKwh, perBatch: true))
        }
        put(CostLine(.launch, .launch, upfront: launch.costUsd, perBatch: true))
        put(CostLine(.insurance, .other, upfront: x.finance.insuranceFraction * (hardwareTotal + launch.costUsd), perBatch: true))
        put(CostLine(.groundSegment, .other, upfront: x.finance.groundSegmentUsd))
        put(CostLine(.nre, .other, upfront: x.finance.nreUsd))
        put(CostLine(.operations, .other, annual: x.finance.opsCostUsdPerYear))
        if out.count > n { out.removeLast(out.count - n) }
    }
}
