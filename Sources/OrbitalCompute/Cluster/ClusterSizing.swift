/// Step 1 of the orbital chain: how many accelerators are launched and powered for a target.
///
/// Nothing is repaired in orbit. With `overprovision`, spares are launched so that the mean
/// capacity over the life meets the target: hot spares all run from launch and decay with the
/// failure rate λ (factor λT / (1 − e^{−λT})); cold spares wait unpowered and replace failures,
/// so the powered count stays at the target (factor e^{λT}). With `degrade` no spares fly.
/// Turyshev, arXiv 2604.27197; MODEL.md §8.
public struct ClusterSize: Sendable, Equatable {
    /// Accelerators the target needs, before spares [-].
    public var countTarget: Double
    /// Accelerators launched, spares included [-].
    public var countInstalled: Double
    /// Accelerators powered at the start: all installed with hot spares, the target with cold ones [-].
    public var countPowered: Double
    /// IT power of the target, of everything installed, and of what is powered [W].
    public var itTargetW: Double, itInstalledW: Double, itPoweredW: Double
    /// Installed over target [-].
    public var overprovisionFactor: Double
    /// Rate at which the powered load decays [1/year]: λ, or 0 when cold spares replace failures.
    public var poweredDecayRate: Double
    /// Mean surviving fraction of the powered load over the life [-]:
    /// `Reliability.meanSurvival(rate: poweredDecayRate, years:)` (hot spares are its inverse).
    public var poweredMeanSurvival: Double

    /// Sizes the cluster for an IT target [W] of `accelerator`s over `years`.
    public static func orbital(itTarget: Double, accelerator: Accelerator, reliability r: ReliabilityInputs, years: Double) -> ClusterSize {
        let lambda = r.acceleratorFailureRatePerYear
        let countTarget = (itTarget / accelerator.itPowerPerAcceleratorW).rounded(.up)
        let overprovision = r.strategy == .overprovision
        let coldSpares = overprovision && r.spares == .cold
        let poweredDecayRate = coldSpares ? 0 : lambda
        let meanSurvival = Reliability.meanSurvival(rate: poweredDecayRate, years: years)
        // Hot spares: `Reliability.overprovisionFactor`, 1 / the mean survival taken once.
        let factor = !overprovision ? 1 : coldSpares ? Reliability.coldSpareFactor(rate: lambda, years: years) : 1 / meanSurvival
        let countInstalled = (countTarget * factor).rounded(.up)
        let countPowered = coldSpares ? countTarget : countInstalled
        return ClusterSize(countTarget: countTarget, countInstalled: countInstalled, countPowered: countPowered,
                           itTargetW: itTarget, itInstalledW: countInstalled * accelerator.itPowerPerAcceleratorW,
                           itPoweredW: countPowered * accelerator.itPowerPerAcceleratorW, overprovisionFactor: factor,
                           poweredDecayRate: poweredDecayRate, poweredMeanSurvival: meanSurvival)
    }
}
