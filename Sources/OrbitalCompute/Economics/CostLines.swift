import Foundation

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

    public var name: String
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

    public init(_ name: String, _ category: Category, upfront: Double = 0, annual: Double = 0, amortised: Bool = false, perBatch: Bool = false) {
        self.name = name; self.category = category; self.upfront = upfront; self.annual = annual; self.amortised = amortised; self.perBatch = perBatch
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

/// Totals of a set of cost lines under a boundary, discounted with end-of-year flows.
///
/// `onlineDiscount` is the mean discount factor of the moment capacity comes online (1 when all
/// of it is online at t = 0, see `DeploymentTiming`): per-batch upfront costs and the yearly
/// costs of running are shifted by it; other upfront costs are paid at t = 0.
public struct CostTotals: Sendable, Equatable {
    public var capex: Double
    public var opexPerYear: Double
    public var presentValue: Double
    public var undiscounted: Double

    public init(lines: [CostLine], boundary: CostBoundary, orbital: Bool, discountRate: Double, years: Double, onlineDiscount: Double = 1) {
        let counted = lines.filter { $0.counts(under: boundary, orbital: orbital) }
        capex = counted.reduce(0) { $0 + $1.upfront }
        opexPerYear = counted.reduce(0) { $0 + $1.annual }
        let upfrontPV = counted.reduce(0) { $0 + $1.upfront * ($1.perBatch ? onlineDiscount : 1) }
        presentValue = upfrontPV + opexPerYear * Finance.annuityFactor(rate: discountRate, years: years) * onlineDiscount
        undiscounted = capex + opexPerYear * years
    }
}

/// When capacity comes online (MODEL.md §11), as the levelized cost sees it: after `delayYears`
/// (the ground's build time), then uniformly over `rampYears` (the launch campaign). Each batch
/// runs for the full analysis window from the day it comes online.
public struct DeploymentTiming: Sendable, Equatable {
    public var delayYears: Double
    public var rampYears: Double

    public init(delayYears: Double = 0, rampYears: Double = 0) { self.delayYears = delayYears; self.rampYears = rampYears }

    /// All capacity online at t = 0 (the convention of most published comparisons).
    public static let instant = DeploymentTiming()

    /// Mean of (1 + r)^{−t} over the online times:
    /// ((1 + r)^{−d} − (1 + r)^{−(d + R)}) / (R ln(1 + r)), and (1 + r)^{−d} when R = 0.
    public func meanDiscount(rate r: Double) -> Double {
        let start = Finance.discountFactor(rate: r, years: delayYears)
        guard rampYears > 1e-12, abs(r) > 1e-12 else { return start }
        return (start - Finance.discountFactor(rate: r, years: delayYears + rampYears)) / (rampYears * log1p(r))
    }
}
