import Foundation
import GSL

/// Total ionising dose behind aluminium shielding in LEO, and what it does to accelerators.
///
/// The dose table is an engineering estimate (confidence low): annual dose in silicon behind
/// 2.5 mm of aluminium for high-inclination (sun-synchronous) circular orbits, shaped like the
/// AP-8/AE-8 + SHIELDOSE-2 dose-depth results that tools such as SPENVIS and OMERE produce
/// (dose rising ≈ 3× per 150–200 km above 500 km as the orbit reaches the inner belt and the
/// South Atlantic Anomaly deepens), and anchored at 650 km on Google Suncatcher's expected
/// shielded dose of ≈ 750 rad(Si) over 5 years (arXiv 2511.19468). Replace it with a mission
/// analysis for design work; every coefficient is a parameter or a named constant here.
public enum Radiation {
    /// (altitude [km], annual dose behind 2.5 mm Al [rad(Si)/yr]) for inclinations ≥ 60°.
    static let referenceTable: [(Double, Double)] = [
        (300, 10), (400, 30), (500, 60), (650, 150), (800, 500), (1000, 1_500), (1200, 4_000), (1400, 8_000),
    ]
    /// Shield thickness of the table [mm Al].
    static let referenceThicknessMm = 2.5
    /// Fraction of the dose behind the reference shield from penetrating protons, which more
    /// aluminium barely reduces; the rest (trapped electrons and their bremsstrahlung) falls
    /// off with an e-folding thickness `electronFoldingMm` (SHIELDOSE-2 curve shapes, est.).
    static let protonFraction = 0.5
    static let electronFoldingMm = 1.5
    /// Dose relative to a sun-synchronous orbit (i ≥ 80°) by inclination [deg]: low inclinations cross less of the
    /// belts' horns (est. from AP-8 trends; retrograde orbits mirror prograde ones).
    static let inclinationTable: [(Double, Double)] = [(0, 0.4), (30, 0.6), (60, 0.9), (80, 1.0), (90, 1.0)]

    private static let doseVsAltitude: Interpolator = {
        try! Interpolator(x: referenceTable.map(\.0), y: referenceTable.map { log($0.1) }, method: .steffen)
    }()
    private static let inclinationFactor: Interpolator = {
        try! Interpolator(x: inclinationTable.map(\.0), y: inclinationTable.map(\.1), method: .linear)
    }()

    /// Annual dose [rad(Si)/yr] at `altitude` [m] and `inclination` [rad] behind `shieldThickness` [m]
    /// of aluminium: D = D₂.₅(h) · k(i) · [f_p + (1 − f_p) e^{−(t − 2.5 mm)/τ_e}], with D₂.₅
    /// interpolated in log with GSL's monotone Steffen spline. The tables are in the units their
    /// sources publish (km, °, mm); the arguments are converted to them here, in one place.
    /// Below 300 km the 300 km value is used (conservative: the dose only falls lower down).
    /// - Throws: `ModelError` above the table (1,400 km), where the inner belt dominates.
    public static func annualDose(altitude: Double, inclination: Double, shieldThickness: Double) throws -> Double {
        let altitudeKm = altitude / 1000, inclinationDeg = inclination / Constants.degree, shieldMm = shieldThickness * 1000
        guard altitudeKm <= doseVsAltitude.domain.upperBound else {
            throw ModelError(key: "orbit.altitude_km", "the radiation table covers up to 1,400 km; \(formatNumber(altitudeKm)) km needs a belt model")
        }
        let tableAltitudeKm = max(altitudeKm, doseVsAltitude.domain.lowerBound)
        let i = inclinationDeg > 90 ? 180 - inclinationDeg : inclinationDeg
        let base = exp(try doseVsAltitude(tableAltitudeKm)) * (try inclinationFactor(max(0, min(90, i))))
        let depth = protonFraction + (1 - protonFraction) * exp(-(shieldMm - referenceThicknessMm) / electronFoldingMm)
        return base * depth
    }

    /// Fraction of delivered compute lost to recomputation after silent data corruption or an
    /// upset that stops a job: rate [per accelerator-day] × hours lost per event / 24.
    public static func upsetOverhead(ratePerAcceleratorDay: Double, hoursLostPerUpset: Double) -> Double {
        min(1, ratePerAcceleratorDay * hoursLostPerUpset / 24)
    }
}
