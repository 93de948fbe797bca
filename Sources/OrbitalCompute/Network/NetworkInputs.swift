/// Inputs of the latency-and-links model (`network.*` keys), in the units of their keys.
///
/// Defaults live in the parameter table (`ParameterTable.networkParameters`), with sources.
/// A relay constellation that carries users' traffic to the cluster (`starlink-like`), or none.
public enum Relay: String, Choice { case starlinkLike = "starlink-like", none }

public struct NetworkInputs: Sendable, Hashable {
    /// Named set of ground stations (see `GroundStationCatalog.sets`).
    public var groundStations = ""
    /// Minimum elevation at which a ground station works the cluster [deg].
    public var minElevationDeg = 0.0
    /// Group index of the fibre, n_g = c / v_group [-].
    public var fibreGroupIndex = 0.0
    /// Real fibre route length over the great-circle distance [-].
    public var fibreRouteFactor = 0.0
    /// Antenna terminals per ground station that can work the cluster at once [-].
    public var terminalsPerStation = 0.0
    /// Data rate of one ground terminal, space to ground [bit/s].
    public var downlinkBpsPerTerminal = 0.0
    /// Data rate of one ground terminal, ground to space [bit/s].
    public var uplinkBpsPerTerminal = 0.0
    /// Fraction of the time a ground link is not lost to rain or cloud [-].
    public var weatherAvailability = 0.0
    /// Relay constellation for user traffic: `starlink-like` or `none`.
    public var relay = Relay.starlinkLike
    /// Altitude of the relay shell [km].
    public var relayAltitudeKm = 0.0
    /// Elevation at which a user's terminal sees its serving relay satellite [deg].
    public var relayUserElevationDeg = 0.0
    /// Laser-mesh route length over the great-circle arc on the relay shell [-].
    public var relayPathStretch = 0.0
    /// Optical links from the cluster into the relay mesh, used at once [-].
    public var relayLinks = 0.0
    /// Data rate of one optical link, each way [bit/s].
    public var opticalLinkBps = 0.0
    /// What the cluster runs: `training` or `inference`.
    public var workload = Workload.training
    /// Active parameters of the model served or trained (N in C ≈ 2N or 6N per token) [-].
    public var modelActiveParameters = 0.0
    /// Achieved over peak dense FLOP/s of the accelerators (MFU) [-].
    public var modelFlopsUtilization = 0.0
    /// Network traffic per processed token, space to ground [bit].
    public var downlinkBitsPerToken = 0.0
    /// Network traffic per processed token, ground to space [bit].
    public var uplinkBitsPerToken = 0.0
    /// Reference user for the latency summary of `evaluate` [deg].
    public var userLatitudeDeg = 0.0
    public var userLongitudeDeg = 0.0

    public init() {}
}
