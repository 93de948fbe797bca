/// Inputs of the training-fabric model, in the units of their keys (SI). Defaults, ranges and
/// sources live in the parameter table (`FabricParameters.swift`).

/// Optical inter-satellite link terminals (`isl.*`, orbital only).
public struct IslInputs: Sendable, Hashable {
    public var wavelengthM = 0.0
    public var apertureDiameterM = 0.0
    public var transmitPowerW = 0.0
    public var transmitEfficiency = 0.0
    public var receiveEfficiency = 0.0
    public var pointingEfficiency = 0.0
    public var photonsPerBit = 0.0
    public var channelsPerTransceiver = 0.0
    public var channelRateBps = 0.0
    public var transceiversPerLink = 0.0
    public var hopLatencyS = 0.0

    public init() {}

    /// The link-budget terminal these inputs describe (the same aperture at both ends).
    public var terminal: OpticalLink.Terminal {
        OpticalLink.Terminal(transmitPowerW: transmitPowerW, transmitDiameterM: apertureDiameterM, receiveDiameterM: apertureDiameterM,
                             wavelengthM: wavelengthM, transmitEfficiency: transmitEfficiency, receiveEfficiency: receiveEfficiency,
                             pointingEfficiency: pointingEfficiency, photonsPerBit: photonsPerBit, channelsPerTransceiver: channelsPerTransceiver,
                             channelRateBps: channelRateBps, transceiversPerLink: transceiversPerLink)
    }
}

/// Formation flying (`formation.*`, orbital only).
public struct FormationInputs: Sendable, Hashable {
    public var satellitesMax = 0.0
    public var neighbourSpacingM = 0.0
    public var interFormationSpacingM = 0.0
    public var interFormationLinks = 0.0
    public init() {}
}

/// The reference training job (`training.*`, both sides) and the workload on the ground.
public struct TrainingInputs: Sendable, Hashable {
    public var modelParameters = 0.0
    public var tokensPerStep = 0.0
    public var gradientBytesPerParameter = 0.0
    public var tensorParallel = 0.0
    public var pipelineParallel = 0.0
    public var computeUtilization = 0.0
    public var overlapFraction = 0.0
    public var microbatchTokens = 0.0
    public var efficiencyThreshold = 0.0
    /// The synchronous job size the training cost is charged at, on both sides [-].
    public var jobAccelerators = 0.0
    /// `training` or `inference` (the ground side's `network.workload`; the orbital side reads its own).
    public var workload = Workload.training
    public init() {}
}

/// The network among accelerators of one site or one satellite (`fabric.*`, both sides).
public struct FabricInputs: Sendable, Hashable {
    /// Accelerators in one scale-up (NVLink) domain [-].
    public var scaleUpDomainAccelerators = 0.0
    /// Scale-out network bandwidth per accelerator, each way [bit/s].
    public var bpsPerAccelerator = 0.0
    /// Fraction of the line rate collectives achieve [-].
    public var throughputEfficiency = 0.0
    /// Latency of one step of a ring collective [s].
    public var hopLatencyS = 0.0
    /// High-bandwidth memory per accelerator [B] (orbital: whether an inference model fits in a satellite).
    public var memoryBytesPerAccelerator = 0.0
    public init() {}
}

/// Scenario inputs that carry a training job and a scale-out fabric (both kinds).
public protocol TrainingFabricInputs: CommonInputs {
    var training: TrainingInputs { get set }
    var fabric: FabricInputs { get set }
    /// The stored field (as `CommonInputs.computePath`): parameter key paths through it have offsets.
    static var trainingPath: WritableKeyPath<Self, TrainingInputs> { get }
}

extension OrbitalInputs: TrainingFabricInputs {
    public static var trainingPath: WritableKeyPath<OrbitalInputs, TrainingInputs> { \.training }
}

extension TerrestrialInputs: TrainingFabricInputs {
    public static var trainingPath: WritableKeyPath<TerrestrialInputs, TrainingInputs> { \.training }
}
