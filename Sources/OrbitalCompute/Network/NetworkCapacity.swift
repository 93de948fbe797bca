import Foundation

/// How much traffic the cluster's links sustain, how much its workload needs, and the factor (≤ 1)
/// by which the links bound the compute it can deliver (MODEL.md §10).
public struct NetworkCapacity: Sendable, Equatable {
    /// Sustained rates [bit/s], time-averaged over contacts and weather.
    public var downlinkBps: Double
    public var uplinkBps: Double
    /// Of which through ground stations [bit/s].
    public var groundDownlinkBps: Double
    public var groundUplinkBps: Double
    /// Tokens per second the delivered compute processes [1/s].
    public var tokenDemandPerS: Double
    public var downlinkDemandBps: Double
    public var uplinkDemandBps: Double
    /// Tokens per second the links can carry [1/s] (infinite when a token needs no bits).
    public var servableTokensPerS: Double
    /// min(1, C_down / D_down, C_up / D_up) [-].
    public var factor: Double

    /// Sustained link capacity each way [bit/s]:
    /// C = N̄_view · n_term · R_terminal · A_weather + n_relay · R_optical,
    /// with N̄_view the time-mean number of stations in view (parallel stations add capacity),
    /// n_term terminals per station, A_weather the rain/cloud availability and n_relay optical links
    /// into the relay mesh (if there is one; lasers between satellites see no weather).
    ///
    /// Demand: tokens/s = F · MFU / (k N), k = 6 (training) or 2 (inference) FLOP per parameter
    /// per token (Kaplan et al. 2020), F the delivered peak dense FLOP/s; bits/s = tokens/s × bits per token.
    ///
    /// - Parameters:
    ///   - meanStationsInView: time-mean number of ground stations in view [-].
    ///   - deliveredPeakFlops: mean delivered accelerators × peak dense FLOP/s each [FLOP/s].
    public init(meanStationsInView: Double, deliveredPeakFlops: Double, _ n: borrowing NetworkInputs) {
        let ground = meanStationsInView * n.terminalsPerStation * n.weatherAvailability
        let relay = n.relay == Relay.none ? 0 : n.relayLinks * n.opticalLinkBps
        groundDownlinkBps = ground * n.downlinkBpsPerTerminal
        groundUplinkBps = ground * n.uplinkBpsPerTerminal
        downlinkBps = groundDownlinkBps + relay
        uplinkBps = groundUplinkBps + relay
        let k = n.workload == .inference ? Constants.inferenceFlopsPerParameterToken : Constants.trainingFlopsPerParameterToken
        tokenDemandPerS = deliveredPeakFlops * n.modelFlopsUtilization / (k * n.modelActiveParameters)
        downlinkDemandBps = tokenDemandPerS * n.downlinkBitsPerToken
        uplinkDemandBps = tokenDemandPerS * n.uplinkBitsPerToken
        func ratio(_ capacity: Double, _ demand: Double) -> Double { demand > 0 ? capacity / demand : .infinity }
        servableTokensPerS = min(n.downlinkBitsPerToken > 0 ? downlinkBps / n.downlinkBitsPerToken : .infinity,
                                 n.uplinkBitsPerToken > 0 ? uplinkBps / n.uplinkBitsPerToken : .infinity)
        factor = min(1, ratio(downlinkBps, downlinkDemandBps), ratio(uplinkBps, uplinkDemandBps))
    }
}
