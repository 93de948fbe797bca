import Foundation
import GSL

/// Photovoltaic array model (pvlib-style plain functions, SI units).
public enum SolarArray {
    /// What the array is sized for: the end-of-life worst case, or the life-mean output
    /// (McCalip's convention, the cluster throttling to what the array gives late in life).
    public enum Sizing: String, Choice { case endOfLife = "end-of-life", mean }

    /// Temperature factor of cell power, 1 + γ (T − 301.15 K) [-] (γ < 0 for real cells).
    /// Source: cell datasheets, e.g. Spectrolab XTJ Prime (γ ≈ −0.25 %/K).
    public static func temperatureFactor(coefficientPerK gamma: Double, temperature: Double) -> Double {
        1 + gamma * (temperature - Constants.cellReferenceTemperature)
    }

    /// Degradation factor (1 − d)^t = e^{t ln(1 − d)} after `years` [-].
    public static func degradationFactor(ratePerYear d: Double, years: Double) -> Double { exp(years * retentionLog(ratePerYear: d)) }

    /// ln(1 − d) [1/yr], the exponent of (1 − d)^t per year (`log1p`: exact for small d). The
    /// degradation factor and the lifetime energy both read it.
    static func retentionLog(ratePerYear d: Double) -> Double { log1p(-d) }

    /// Mean degradation factor over [0, T]: (1/T) ∫₀ᵀ (1 − d)^t dt = ((1 − d)^T − 1) / (T ln(1 − d)),
    /// 1 when d = 0 [-].
    public static func meanDegradationFactor(ratePerYear d: Double, years: Double) -> Double {
        let k = -retentionLog(ratePerYear: d) * years
        return k < 1e-12 ? 1 : -expm1(-k) / k
    }

    /// Cosine loss of an array pointed `error` [rad] off the Sun: cos θ [-] (SMAD 2011 §21).
    public static func pointingFactor(error: Double) -> Double { cos(error) }

    /// Electrical output per m² of array [W/m²]: P/A = S · η · packing · (1 + γ ΔT) · (1 − d)^t,
    /// with S the irradiance [W/m²]. MODEL.md §2.
    public static func outputPerArea(irradiance s: Double, efficiency: Double, packing: Double,
                                     temperatureFactor: Double, degradationFactor: Double) -> Double {
        s * efficiency * packing * temperatureFactor * degradationFactor
    }

    /// Array output [W] needed in sunlight so that, in the worst orbit, the bus gets `load` [W]
    /// in sunlight and the battery is recharged for the eclipse:
    /// P = (L / η_c) · (1 + f / ((1 − f) · η_rt)), with f the eclipse fraction of the orbit,
    /// η_c the power-conditioning efficiency and η_rt the battery round-trip efficiency.
    /// With `throttle`, no recharge: P = L / η_c.
    public static func requiredOutput(load: Double, eclipseFraction f: Double, conversionEfficiency: Double,
                                      batteryRoundTrip: Double, recharge: Bool) -> Double {
        let base = load / conversionEfficiency
        guard recharge, f > 0 else { return base }
        return base * (1 + f / ((1 - f) * batteryRoundTrip))
    }

    /// Lifetime energy an array of beginning-of-life output `powerAt1AU` [W] (at 1 AU, operating
    /// temperature) produces over `years`, given the orbit's year-mean sunlit irradiance factor
    /// ⟨(S/S₀)(1 − f)⟩ (a GSL quadrature over the eclipse year) [J]:
    /// E = P · ⟨…⟩ · ∫₀ᵀ (1 − d)^t dt, with ∫₀ᵀ (1 − d)^t dt = ((1 − d)^T − 1) / ln(1 − d) (T when d = 0).
    /// The annual pattern is averaged per year, which is exact to first order in d (d ≤ 1 %/yr).
    public static func lifetimeEnergy(powerAt1AU p: Double, meanSunlitFactor: Double, degradationPerYear d: Double, years: Double) -> Double {
        let retention = retentionLog(ratePerYear: d)
        return lifetimeEnergy(powerAt1AU: p, meanSunlitFactor: meanSunlitFactor, degradationPerYear: d, years: years,
                              endOfLifeFactor: exp(years * retention), retentionLog: retention)
    }

    /// The same with ln(1 − d) and (1 − d)^T = e^{T ln(1 − d)} already computed.
    static func lifetimeEnergy(powerAt1AU p: Double, meanSunlitFactor: Double, degradationPerYear d: Double, years: Double,
                               endOfLifeFactor: Double, retentionLog: Double) -> Double {
        let integral = d < 1e-12 ? years : (endOfLifeFactor - 1) / retentionLog
        return p * meanSunlitFactor * integral * Constants.julianYear
    }
}
