/// The money side of an evaluation, levelized the same way for orbit and ground (MODEL.md §9):
/// cost per delivered output = PV(costs) / PV(delivered output), with end-of-year discounting.
public struct Levelized: Sendable {
    public var costLines: [CostLine]
    public var boundary: CostBoundary
    public var totals: CostTotals
    /// Accelerator-hours delivered over the window, undiscounted and discounted.
    public var deliveredAcceleratorHours: Double
    public var deliveredAcceleratorHoursPV: Double
    /// Discounted IT energy delivered with those hours [MWh].
    public var deliveredItMwhPV: Double
    public var costPerAcceleratorHourUsd: Double
    public var costPerMwhItUsd: Double
    public var costPerPflopHourUsd: Double

    /// - Parameters:
    ///   - hoursPerYear: accelerator-hours a year delivered at t = 0.
    ///   - decayRate: λ of the delivered capacity [1/yr] (failures without repair; 0 with repair).
    ///   - years: the analysis window; `deliveringYears` ≤ years when output stops early.
    ///   - timing: when capacity comes online; delivery and the costs of running shift with it.
    /// - Throws: `ModelError` when nothing is delivered (every hour lost to links, upsets or dose).
    public init(lines: [CostLine], boundary: CostBoundary, orbital: Bool, discountRate: Double, years: Double,
                hoursPerYear: Double, decayRate: Double, deliveringYears: Double, accelerator: Accelerator,
                timing: DeploymentTiming = .instant) throws {
        guard hoursPerYear > 0, deliveringYears > 0 else {
            throw ModelError(key: "compute.utilization", "the cluster delivers no accelerator-hours (utilization, link capacity, upsets or radiation take them all): no cost per hour exists")
        }
        costLines = lines
        self.boundary = boundary
        let shift = timing.meanDiscount(rate: discountRate)
        totals = CostTotals(lines: lines, boundary: boundary, orbital: orbital, discountRate: discountRate, years: years, onlineDiscount: shift)
        deliveredAcceleratorHours = hoursPerYear * deliveringYears * Reliability.meanSurvival(rate: decayRate, years: deliveringYears)
        deliveredAcceleratorHoursPV = shift * Finance.presentValueOfDecaying(initial: hoursPerYear, decayRate: decayRate, rate: discountRate, years: deliveringYears)
        deliveredItMwhPV = deliveredAcceleratorHoursPV * accelerator.itPowerPerAcceleratorW / 1e6
        costPerAcceleratorHourUsd = totals.presentValue / deliveredAcceleratorHoursPV
        costPerMwhItUsd = totals.presentValue / deliveredItMwhPV
        costPerPflopHourUsd = costPerAcceleratorHourUsd / (accelerator.bf16DenseTflops / 1000)
    }
}

/// A result that carries a `Levelized` money side, readable directly.
public protocol LevelizedResult {
    var levelized: Levelized { get }
}

extension LevelizedResult {
    public var costLines: [CostLine] { levelized.costLines }
    public var boundary: CostBoundary { levelized.boundary }
    public var totals: CostTotals { levelized.totals }
    public var deliveredAcceleratorHours: Double { levelized.deliveredAcceleratorHours }
    public var deliveredAcceleratorHoursPV: Double { levelized.deliveredAcceleratorHoursPV }
    public var deliveredItMwhPV: Double { levelized.deliveredItMwhPV }
    public var costPerAcceleratorHourUsd: Double { levelized.costPerAcceleratorHourUsd }
    public var costPerMwhItUsd: Double { levelized.costPerMwhItUsd }
    public var costPerPflopHourUsd: Double { levelized.costPerPflopHourUsd }
}
