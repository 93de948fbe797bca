import Foundation

/// The money side of an evaluation, levelized the same way for orbit and ground (MODEL.md §9):
/// cost per delivered output = PV(costs) / PV(delivered output), with end-of-year discounting.
public struct Levelized: Sendable {
    public var costLines: [CostLine]
    public var boundary: CostBoundary
    /// Whether the lines are counted by the orbital side's boundary rule.
    public var orbital: Bool
    public var timing: DeploymentTiming
    /// How each kind of line is weighted over time: the one source of every total and share.
    public var schedule: CostSchedule
    public var totals: CostTotals
    /// Accelerator-hours delivered over the analysis, undiscounted and discounted.
    public var deliveredAcceleratorHours: Double
    public var deliveredAcceleratorHoursPV: Double
    /// Discounted IT energy delivered with those hours [MWh].
    public var deliveredItMwhPV: Double
    public var costPerAcceleratorHourUsd: Double
    public var costPerMwhItUsd: Double
    public var costPerPflopHourUsd: Double
    /// PFLOP-hours per accelerator-hour (dense BF16 TFLOP/s / 1000).
    public var pflopPerAccelerator: Double

    /// What the levelized cost takes from time alone: the cost schedule and the accelerator-hours
    /// delivered, undiscounted and discounted. No price enters it, so a study that varies only
    /// prices computes it once (`OrbitalModel.Memo`).
    public struct Delivery: Sendable, Equatable {
        public var schedule: CostSchedule
        public var acceleratorHours: Double
        public var acceleratorHoursPV: Double

        /// - Parameters:
        ///   - hoursPerYear: accelerator-hours a year delivered by the whole cluster when online.
        ///   - decayRate: λ of the delivered capacity [1/yr] (failures without repair; 0 with repair).
        ///   - years: each batch's life; `deliveringYears` ≤ years when output stops early (dose).
        ///   - timing: when capacity comes online, and the calendar window if there is one.
        /// - Throws: `ModelError` when nothing is delivered (every hour lost to links, upsets, dose or
        ///   a window that closes before capacity arrives).
        public init(discountRate r: Double, years: Double, hoursPerYear: Double, decayRate: Double, deliveringYears: Double, timing: DeploymentTiming) throws {
            try self.init(discountRate: r, years: years, hoursPerYear: hoursPerYear, decayRate: decayRate, deliveringYears: deliveringYears, timing: timing,
                          meanSurvival: nil)
        }

        /// The same with `Reliability.meanSurvival(rate: decayRate, years: deliveringYears)` given
        /// when known (the cluster's own, when the dose does not shorten the life).
        init(discountRate r: Double, years: Double, hoursPerYear: Double, decayRate: Double, deliveringYears: Double, timing: DeploymentTiming,
             meanSurvival: Double?) throws {
            guard hoursPerYear > 0, deliveringYears > 0 else {
                throw ModelError(key: "compute.utilization", "the cluster delivers no accelerator-hours (utilization, link capacity, upsets or radiation take them all): no cost per hour exists")
            }
            let growth = log1p(r)  // ln(1 + r), of every discount factor below
            schedule = try timing.schedule(discountRate: r, growth: growth, life: years)
            if timing.windowYears == nil {
                acceleratorHours = hoursPerYear * deliveringYears * (meanSurvival ?? Reliability.meanSurvival(rate: decayRate, years: deliveringYears))
                // Without a window the schedule's per-batch present value is the mean discount.
                acceleratorHoursPV = schedule.perBatchPresentValue * Finance.presentValueOfDecaying(initial: hoursPerYear, decayRate: decayRate, growth: growth, years: deliveringYears)
            } else {
                // Each batch delivers from τ for the years of its life inside the window.
                let kinks = timing.windowKinks(life: deliveringYears)
                acceleratorHours = hoursPerYear * (try timing.meanOverBatches(kinks: kinks) { tau in
                    let u = timing.yearsInWindow(onlineAt: tau, life: deliveringYears)
                    return u * Reliability.meanSurvival(rate: decayRate, years: u)
                })
                acceleratorHoursPV = try timing.meanOverBatches(kinks: kinks) { tau in
                    Finance.discountFactor(rate: r, years: tau)
                        * Finance.presentValueOfDecaying(initial: hoursPerYear, decayRate: decayRate, rate: r, years: timing.yearsInWindow(onlineAt: tau, life: deliveringYears))
                }
                guard acceleratorHoursPV > 0 else {
                    throw ModelError(key: "finance.comparison_window_years", "no capacity comes online inside the \(formatNumber(timing.windowYears ?? 0))-year window: no cost per hour exists")
                }
            }
        }
    }

    /// The levelized cost of `lines` (see `Delivery` for the other parameters).
    public init(lines: [CostLine], boundary: CostBoundary, orbital: Bool, discountRate: Double, years: Double,
                hoursPerYear: Double, decayRate: Double, deliveringYears: Double, accelerator: Accelerator,
                timing: DeploymentTiming = .instant) throws {
        self.init(lines: lines, boundary: boundary, orbital: orbital, accelerator: accelerator, timing: timing,
                  delivery: try Delivery(discountRate: discountRate, years: years, hoursPerYear: hoursPerYear, decayRate: decayRate,
                                         deliveringYears: deliveringYears, timing: timing))
    }

    /// The levelized cost of `lines` over a delivery computed for `timing`.
    init(lines: [CostLine], boundary: CostBoundary, orbital: Bool, accelerator: Accelerator, timing: DeploymentTiming, delivery: Delivery) {
        costLines = lines
        self.boundary = boundary
        self.timing = timing
        self.orbital = orbital
        schedule = delivery.schedule
        totals = CostTotals(lines: lines, boundary: boundary, orbital: orbital, schedule: schedule)
        deliveredAcceleratorHours = delivery.acceleratorHours
        deliveredAcceleratorHoursPV = delivery.acceleratorHoursPV
        deliveredItMwhPV = deliveredAcceleratorHoursPV * accelerator.itPowerPerAcceleratorW / 1e6
        pflopPerAccelerator = accelerator.bf16DenseTflops / 1000
        costPerAcceleratorHourUsd = totals.presentValue / deliveredAcceleratorHoursPV
        costPerMwhItUsd = totals.presentValue / deliveredItMwhPV
        costPerPflopHourUsd = costPerAcceleratorHourUsd / pflopPerAccelerator
    }

    /// The timing convention in words, as `finance.deployment_timing` names it.
    public var timingName: String {
        switch timing.convention {
        case .window: return "window (\(formatNumber(timing.windowYears ?? 0)) years from the decision date)"
        case .instant, .ramp: return timing.convention.rawValue
        }
    }

    /// The timing convention with what it means, as the verdict states it.
    public var timingDescription: String {
        switch timing.convention {
        case .ramp: return "ramp — each batch paid as it launches and run for its full life"
        case .instant: return "instant — everything online and paid at t = 0"
        case .window: return timingName
        }
    }

    /// Each counted line's share of the levelized cost per delivered PFLOP-hour [USD/PFLOP-h]:
    /// its present value over the discounted PFLOP-hours, with the same schedule as the headline,
    /// so the shares sum to `costPerPflopHourUsd`.
    public var costPerPflopHourByLine: [(name: String, usdPerPflopHour: Double)] {
        let perUsd = 1 / (deliveredAcceleratorHoursPV * pflopPerAccelerator)
        return costLines.filter { $0.counts(under: boundary, orbital: orbital) }.map { ($0.name, schedule.presentValue(of: $0) * perUsd) }
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

extension FinanceInputs {
    /// The timing convention of `finance.deployment_timing`, for capacity that comes online after
    /// `delayYears` and over `rampYears`; the window defaults to the scenario's own lifetime.
    public func timing(delayYears: Double = 0, rampYears: Double = 0) -> DeploymentTiming {
        switch deploymentTiming {
        case .instant: return .instant
        case .window: return DeploymentTiming(delayYears: delayYears, rampYears: rampYears, windowYears: comparisonWindowYears ?? lifetimeYears)
        case .ramp: return DeploymentTiming(delayYears: delayYears, rampYears: rampYears)
        }
    }
}
