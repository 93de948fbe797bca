/// Step 7 of the orbital chain: the dose behind the shield, the life it allows, and the compute
/// lost to upsets (MODEL.md §7).
public struct RadiationAssessment: Sendable, Equatable {
    /// Dose per year and over the life [rad(Si)].
    public var annualDoseRad: Double, lifetimeDoseRad: Double
    /// Years until the accelerators reach their tolerated dose [year].
    public var lifetimeLimitYears: Double
    /// Fraction of compute lost to recomputation after upsets [-].
    public var upsetOverhead: Double
    /// The HBM onset dose [rad(Si)] (for the warning).
    public var hbmOnsetDoseRad: Double

    public static func assess(orbit: Orbit, radiation r: OrbitalInputs.Radiation, years: Double) throws -> RadiationAssessment {
        assess(annualDoseRad: try Radiation.annualDose(altitude: orbit.altitude, inclination: orbit.inclination, shieldThickness: r.shieldThickness), radiation: r, years: years)
    }

    /// The same from the orbit's annual dose [rad(Si)/yr], which a study keeps while the orbit and
    /// the shield do not change.
    static func assess(annualDoseRad annual: Double, radiation r: OrbitalInputs.Radiation, years: Double) -> RadiationAssessment {
        RadiationAssessment(annualDoseRad: annual, lifetimeDoseRad: annual * years, lifetimeLimitYears: r.toleratedDoseRad / annual,
                                   upsetOverhead: Radiation.upsetOverhead(ratePerAcceleratorDay: r.upsetRatePerAcceleratorDay, hoursLostPerUpset: r.hoursLostPerUpset),
                                   hbmOnsetDoseRad: r.hbmOnsetDoseRad)
    }

    /// What a reader must know: HBM degradation before the end of life; compute stopping early.
    public func warnings(years: Double) -> [String] {
        var out: [String] = []
        if annualDoseRad * years > hbmOnsetDoseRad {
            out.append("lifetime dose \(formatNumber((annualDoseRad * years).rounded())) rad(Si) passes the HBM onset of \(formatNumber(hbmOnsetDoseRad)) rad after \(formatNumber((hbmOnsetDoseRad / annualDoseRad * 10).rounded() / 10)) years")
        }
        if lifetimeLimitYears < years {
            out.append("accelerators reach their tolerated dose after \(formatNumber((lifetimeLimitYears * 10).rounded() / 10)) years, before the \(formatNumber(years))-year life: no compute is counted after that")
        }
        return out
    }
}
