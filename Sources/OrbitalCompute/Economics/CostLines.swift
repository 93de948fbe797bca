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

    public init(_ name: String, _ category: Category, upfront: Double = 0, annual: Double = 0, amortised: Bool = false) {
        self.name = name; self.category = category; self.upfront = upfront; self.annual = annual; self.amortised = amortised
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
public struct CostTotals: Sendable, Equatable {
    public var capex: Double
    public var opexPerYear: Double
    public var presentValue: Double
    public var undiscounted: Double

    public init(lines: [CostLine], boundary: CostBoundary, orbital: Bool, discountRate: Double, years: Double) {
        let counted = lines.filter { $0.counts(under: boundary, orbital: orbital) }
        capex = counted.reduce(0) { $0 + $1.upfront }
        opexPerYear = counted.reduce(0) { $0 + $1.annual }
        presentValue = capex + opexPerYear * Finance.annuityFactor(rate: discountRate, years: years)
        undiscounted = capex + opexPerYear * years
    }
}
