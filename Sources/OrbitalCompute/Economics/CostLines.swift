import Foundation
import GSL

/// One line of a cost breakdown: paid once at the start, and/or every year of the window.
public struct CostLine: Sendable, Equatable {
    public enum Category: Sendable, Equatable {
        /// Counted under every boundary on the orbital side (launch).
        case launch
        /// Counted under the `launch` boundary on the ground side (the energy that launch replaces).
        case energy
        /// The accelerators themselves (and their replacements): excluded by `infrastructure`.
        case accelerators
        /// Everything else.
        case other
    }

    /// Which cost a line is: one case per line either side writes, named in every output by its
    /// raw value. (An enum rather than a `String`: a line holds no reference, so a study refills
    /// its buffer of lines without counting any.)
    public enum Item: String, Sendable, CaseIterable {
        // The orbital side's lines.
        case accelerators, satellite, satelliteBus = "satellite_bus", solarArrays = "solar_arrays", radiators, batteries, launch, insurance
        case groundSegment = "ground_segment", nre, operations
        // The ground side's (with `accelerators` and `operations`).
        case acceleratorRepair = "accelerator_repair", facility, energy, maintenance, water, gasPlant = "gas_plant"
    }

    public var item: Item
    /// The line's name in outputs (`cost_lines`, the levelized cost by line, the report).
    public var name: String { item.rawValue }
    public var category: Category
    /// Paid at t = 0 [USD].
    public var upfront: Double
    /// Paid at the end of each year of the window [USD/year].
    public var annual: Double
    /// Upfront costs already spread as level annual charges by a capital recovery factor are
    /// carried in `annual`; this notes it for reports.
    public var amortised: Bool = false
    /// Paid batch by batch as capacity comes online (satellites, launches), rather than at t = 0
    /// (design, ground segment, a building).
    public var perBatch: Bool = false

    public init(_ item: Item, _ category: Category, upfront: Double = 0, annual: Double = 0, amortised: Bool = false, perBatch: Bool = false) {
        self.item = item; self.category = category; self.upfront = upfront; self.annual = annual; self.amortised = amortised; self.perBatch = perBatch
    }

    /// Whether the line counts under a boundary, on the given side.
    public func counts(under boundary: CostBoundary, orbital: Bool) -> Bool {
        switch boundary {
        case .everything: return true
        case .infrastructure: return category != .accelerators
        case .launch: return category == (orbital ? .launch : .energy)
        }
    }
}

/// How each kind of cost line is weighted over time, as the levelized cost sees it: the present
/// value of 1 USD of each kind, and how much of it is charged to the analysis undiscounted.
/// `DeploymentTiming.schedule` makes one; every total and every per-line share uses the same one,
/// so stacks of cost lines always sum to the headline.
public struct CostSchedule: Sendable, Equatable {
    /// PV of 1 USD of a per-batch upfront cost (paid as capacity comes online).
    public var perBatchPresentValue: Double
    /// Undiscounted share of a per-batch upfront cost charged to the analysis (1 unless a window
    /// cuts batches short: then the part of their capital recovered inside it).
    public var perBatchCharged: Double
    /// PV of 1 USD a year of an annual cost.
    public var annualPresentValue: Double
    /// Years of annual costs counted, undiscounted: capex + annualYears × opex = undiscounted total.
    public var annualYears: Double

    /// Every batch online at t = 0 and running `years`, end-of-year flows.
    public static func instant(discountRate r: Double, years: Double) -> CostSchedule {
        CostSchedule(perBatchPresentValue: 1, perBatchCharged: 1, annualPresentValue: Finance.annuityFactor(rate: r, years: years), annualYears: years)
    }

    /// Present value of one line under this schedule [USD].
    public func presentValue(of line: CostLine) -> Double {
        line.upfront * (line.perBatch ? perBatchPresentValue : 1) + line.annual * annualPresentValue
    }

    /// Undiscounted amount of one line charged to the analysis [USD].
    public func undiscounted(of line: CostLine) -> Double {
        line.upfront * (line.perBatch ? perBatchCharged : 1) + line.annual * annualYears
    }
}

/// Totals of a set of cost lines under a boundary and a schedule.
///
/// `capex + annualYears × opexPerYear = undiscounted` holds by construction: capex is the upfront
/// capital charged to the analysis, opex the yearly costs (level capital-recovery payments for
/// long-lived plant included).
public struct CostTotals: Sendable, Equatable {
    public var capex: Double
    public var opexPerYear: Double
    /// Years of yearly costs counted (the window's operating years, or the lifetime).
    public var opexYears: Double
    public var presentValue: Double
    public var undiscounted: Double

    // Out of line: inlined into the chain, the sums were kept in memory rather than registers
    // (every register taken), and each line waited on the last one's store.
    @inline(never)
    public init(lines: [CostLine], boundary: CostBoundary, orbital: Bool, schedule: CostSchedule) {
        // Summed in line order, as filter-then-reduce did (the same roundings), without an array.
        var capex = 0.0, opex = 0.0, pv = 0.0
        for line in lines where line.counts(under: boundary, orbital: orbital) {
            capex = capex + line.upfront * (line.perBatch ? schedule.perBatchCharged : 1)
            opex = opex + line.annual
            pv = pv + schedule.presentValue(of: line)
        }
        self.capex = capex
        opexPerYear = opex
        opexYears = schedule.annualYears
        presentValue = pv
        undiscounted = capex + opexPerYear * opexYears
    }
}

/// When capacity comes online (MODEL.md §11), as the levelized cost sees it: after `delayYears`
/// (the ground's build time), then uniformly over `rampYears` (the launch campaign).
///
/// Without a window each batch runs its full life from the day it comes online. With
/// `windowYears` (a calendar window from the decision date) only what falls inside the window
/// counts: a batch online at τ delivers for min(L, W − τ) years, and its capital is charged by
/// capital recovery over its life L for those years only, the way the ground's building is.
public struct DeploymentTiming: Sendable, Equatable {
    /// `finance.deployment_timing`: batches paid and run as they launch (`ramp`), the same ramp
    /// counted over one calendar window (`window`), or everything online at t = 0 (`instant`).
    public enum Convention: String, Choice { case ramp, window, instant }

    /// The convention this timing follows.
    public var convention: Convention { windowYears != nil ? .window : self == .instant ? .instant : .ramp }

    public var delayYears: Double
    public var rampYears: Double
    public var windowYears: Double?

    public init(delayYears: Double = 0, rampYears: Double = 0, windowYears: Double? = nil) {
        self.delayYears = delayYears; self.rampYears = rampYears; self.windowYears = windowYears
    }

    /// All capacity online at t = 0 (the convention of most published comparisons).
    public static let instant = DeploymentTiming()

    /// Mean of (1 + r)^{−t} over the online times:
    /// ((1 + r)^{−d} − (1 + r)^{−(d + R)}) / (R ln(1 + r)), and (1 + r)^{−d} when R = 0.
    public func meanDiscount(rate r: Double) -> Double { meanDiscount(rate: r, growth: log1p(r)) }

    /// The same with g = ln(1 + r) given.
    func meanDiscount(rate r: Double, growth g: Double) -> Double {
        let start = Finance.discountFactor(growth: g, years: delayYears)
        guard rampYears > 1e-12, abs(r) > 1e-12 else { return start }
        return (start - Finance.discountFactor(growth: g, years: delayYears + rampYears)) / (rampYears * g)
    }

    /// Years a batch online at τ counts inside the window, at most `life`.
    func yearsInWindow(onlineAt tau: Double, life: Double) -> Double {
        guard let w = windowYears else { return life }
        return max(0, min(life, w - tau))
    }

    /// Mean of f(τ) over the online times τ ∈ [d, d + R] (GSL quadrature; f at d when R = 0).
    /// `kinks` are the τ where f is not smooth (a batch's life reaching the window's end).
    func meanOverBatches(kinks: [Double] = [], _ f: (Double) -> Double) throws -> Double {
        let d = delayYears, r = rampYears
        guard r > 1e-12 else { return f(d) }
        return try Quadrature.integrate(from: d, to: d + r, breakpoints: kinks, absoluteTolerance: 1e-12, relativeTolerance: 1e-9) { f($0) }.value / r
    }

    /// Online times where a batch's years inside the window cross a whole year or its life: the
    /// end-of-year flows are not smooth there (breakpoints for the quadrature).
    func windowKinks(life: Double) -> [Double] {
        guard let w = windowYears else { return [] }
        return (0...Int(life.rounded(.up))).map { w - Double($0) } + [w - life]
    }

    /// The cost schedule of a cluster whose batches each last `life` years, at rate r.
    public func schedule(discountRate r: Double, life: Double) throws -> CostSchedule {
        try schedule(discountRate: r, growth: log1p(r), life: life)
    }

    /// The same with g = ln(1 + r) given (shared with the delivered hours' discounting).
    func schedule(discountRate r: Double, growth g: Double, life: Double) throws -> CostSchedule {
        guard let w = windowYears else {
            let shift = meanDiscount(rate: r, growth: g)
            return CostSchedule(perBatchPresentValue: shift, perBatchCharged: 1,
                                annualPresentValue: Finance.annuityFactor(rate: r, growth: g, years: life) * shift, annualYears: life)
        }
        let lifeAnnuity = Finance.annuityFactor(rate: r, years: life)
        let kinks = windowKinks(life: life)
        let batchPV = try meanOverBatches(kinks: kinks) { tau in
            Finance.discountFactor(rate: r, years: tau) * Finance.annuityFactor(rate: r, years: yearsInWindow(onlineAt: tau, life: life)) / lifeAnnuity
        }
        let charged = try meanOverBatches(kinks: kinks) { tau in yearsInWindow(onlineAt: tau, life: life) / life }
        // Yearly costs run from the first batch until the window closes or the last batch retires.
        let operating = max(0, min(w, delayYears + rampYears + life) - delayYears)
        return CostSchedule(perBatchPresentValue: batchPV, perBatchCharged: charged,
                            annualPresentValue: Finance.annuityFactor(rate: r, years: operating) * Finance.discountFactor(rate: r, years: delayYears),
                            annualYears: operating)
    }
}
