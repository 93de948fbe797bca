import Foundation

/// Everything `evaluate` computes for a terrestrial scenario, in SI units.
public struct TerrestrialResult: Sendable, LevelizedResult {
    public var acceleratorCount: Double
    public var itPowerW: Double
    public var facilityPowerW: Double
    public var energyPriceUsdPerMwh: Double
    public var energyMwhPerYear: Double
    public var energyCostUsdPerYear: Double
    public var waterLitersPerYear: Double
    public var availability: Double
    public var deploymentDays: Double
    public var facilityCapexUsd: Double
    public var levelized: Levelized
    public var accelerator: Accelerator
    public var warnings: [String]
    /// The training fabric and its training efficiency (issue 14).
    public var fabric: TrainingFabric? = nil
}

/// The ground cluster (MODEL.md §9, terrestrial): facility capital recovered over its own life,
/// energy from the grid or on-site gas, PUE, water, and failed accelerators replaced.
/// Where the ground cluster's electricity comes from: the grid at a price, or on-site gas turbines.
public enum EnergySource: String, Choice { case grid, gas }

public enum TerrestrialModel {
    /// Energy price of on-site gas generation [USD/MWh] = gas price [USD/MMBtu] × heat rate [BTU/kWh] / 1000.
    public static func gasEnergyPrice(gasPriceUsdPerMmbtu: Double, heatRateBtuPerKwh: Double) -> Double {
        gasPriceUsdPerMmbtu * heatRateBtuPerKwh / 1000
    }

    /// Cost to the operator of one accelerator failure on the ground [USD]:
    /// fraction × price + technician hours × hourly cost.
    public static func repairCostPerFailure(_ x: TerrestrialInputs, priceUsd: Double) -> Double {
        x.reliability.repairCostFraction * priceUsd + x.reliability.technicianHoursPerFailure * x.reliability.technicianCostUsdPerHour
    }

    public static func evaluate(_ x: TerrestrialInputs) throws -> TerrestrialResult {
        var warnings: [String] = []
        let acc = try x.compute.resolvedAccelerator()
        let years = x.finance.lifetimeYears
        let r = x.finance.discountRate
        try Finance.check(lifetime: years, discountRate: r)
        guard x.facility.lifetimeYears > 0 else { throw ModelError(key: "facility.lifetime_years", "the facility life must be positive") }

        let count = x.compute.acceleratorCount ?? x.compute.itPowerW.map { ($0 / acc.itPowerPerAcceleratorW).rounded(.up) } ?? DerivedDefaults.colossusAcceleratorCount
        let itPower = count * acc.itPowerPerAcceleratorW
        let facilityPower = itPower * x.facility.pue
        if let supply = x.facility.powerW, facilityPower > supply * (1 + 1e-9) {
            warnings.append("the facility needs \(formatNumber((facilityPower / 1e6).rounded())) MW but facility.power_w supplies \(formatNumber((supply / 1e6).rounded())) MW")
        }
        let gas = x.energy.source == .gas
        let price = gas ? gasEnergyPrice(gasPriceUsdPerMmbtu: x.energy.gasPriceUsdPerMmbtu, heatRateBtuPerKwh: x.energy.heatRateBtuPerKwh) : x.energy.priceUsdPerMwh
        let energyMwh = facilityPower * x.facility.loadFactor * Constants.hoursPerYear / 1e6
        let energyCost = energyMwh * price
        let water = energyMwh * 1000 * x.water.litersPerKwh

        // Capital with a life longer than the window is charged as level annual payments (CRF over
        // its own life), so a 5-year window is not charged for a 15-year building.
        let crf = Finance.capitalRecoveryFactor(rate: r, years: x.facility.lifetimeYears)
        let facilityCapex = itPower * x.facility.capexUsdPerW
        let gasCapex = gas ? facilityPower * x.energy.gasPlantCapexUsdPerW : 0
        let lambda = x.reliability.acceleratorFailureRatePerYear
        var lines = [
            CostLine(.accelerators, .accelerators, upfront: count * acc.priceUsd),
            // Failed boards go back under warranty (RMA): the operator pays a fraction of the price
            // (spares pool, logistics, out-of-warranty repair) and the technician's time.
            CostLine(.acceleratorRepair, .accelerators, annual: lambda * count * repairCostPerFailure(x, priceUsd: acc.priceUsd)),
            CostLine(.facility, .other, annual: facilityCapex * crf, amortised: true),
            CostLine(.energy, .energy, annual: energyCost),
            CostLine(.maintenance, .other, annual: facilityCapex * x.facility.maintenanceFractionPerYear),
            CostLine(.water, .other, annual: water / 1000 * x.water.priceUsdPerM3),
            CostLine(.operations, .other, annual: x.finance.opsCostUsdPerYear),
        ]
        if gas { lines.insert(CostLine(.gasPlant, .energy, annual: gasCapex * crf, amortised: true), at: 4) }

        let availability = Reliability.repairedAvailability(rate: lambda, repairDays: x.reliability.repairDays)
        // Training fabric (issue 14): a training workload delivers its hours at the fabric's training efficiency.
        let fabric = try FabricModel.terrestrial(x, accelerators: count, peakFlops: acc.bf16DenseTflops * 1e12)
        let hoursPerYear = count * x.compute.utilization * availability * fabric.deliveredHoursFactor * Constants.hoursPerYear
        let levelized = try Levelized(lines: lines, boundary: x.finance.costBoundary, orbital: false,
                                  discountRate: r, years: years, hoursPerYear: hoursPerYear, decayRate: 0, deliveringYears: years, accelerator: acc,
                                  timing: x.finance.timing(delayYears: x.facility.buildDays / Constants.daysPerYear))
        return TerrestrialResult(
            acceleratorCount: count, itPowerW: itPower, facilityPowerW: facilityPower, energyPriceUsdPerMwh: price, energyMwhPerYear: energyMwh,
            energyCostUsdPerYear: energyCost, waterLitersPerYear: water, availability: availability, deploymentDays: x.facility.buildDays,
            facilityCapexUsd: facilityCapex + gasCapex, levelized: levelized, accelerator: acc, warnings: warnings, fabric: fabric)
    }
}
