import Foundation

/// Accelerator reliability without repair (orbit) and with repair (ground). MODEL.md §8.
public enum Reliability {
    /// Without repair in orbit: launch spares (`overprovision`) or let capacity decay (`degrade`);
    /// on the ground failed boards are replaced (`repair`).
    public enum Strategy: String, Choice { case overprovision, degrade, repair }
    /// Spares that run from launch (`hot`) or wait unpowered until a failure (`cold`).
    public enum Spares: String, Choice { case hot, cold }

    /// Surviving fraction after t years at failure rate λ [1/yr]: e^{−λt}.
    public static func survival(rate: Double, years: Double) -> Double { exp(-rate * years) }

    /// Mean surviving fraction over [0, T]: (1 − e^{−λT}) / (λT) (1 when λT = 0).
    public static func meanSurvival(rate: Double, years: Double) -> Double {
        let x = rate * years
        return x < 1e-8 ? 1 - x / 2 : -expm1(-x) / x
    }

    /// Spares factor so that mean capacity over the life meets the target: λT / (1 − e^{−λT}).
    /// Turyshev (arXiv 2604.27197): 1.27 at λ = 0.1/yr, T = 5 yr.
    public static func overprovisionFactor(rate: Double, years: Double) -> Double { 1 / meanSurvival(rate: rate, years: years) }

    /// Cold (standby) spares so that the powered count never falls below the target over [0, T]:
    /// e^{λT} installed per target accelerator (dormant spares assumed not to fail; SMAD §24).
    public static func coldSpareFactor(rate: Double, years: Double) -> Double { exp(rate * years) }

    /// Availability with repair: each failure takes `repairDays` out of service: 1 − λ · d / 365.25.
    public static func repairedAvailability(rate: Double, repairDays: Double) -> Double { max(0, 1 - rate * repairDays / Constants.daysPerYear) }
}
