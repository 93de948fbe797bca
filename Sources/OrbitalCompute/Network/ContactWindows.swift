import Foundation
import GSL

/// Where the cluster is over the rotating Earth: the circular orbit of `Orbit` (inclination and
/// the node from `Orbit.raan(at:)`, so a sun-synchronous node follows the Sun), with the Earth
/// turning under it at Greenwich mean sidereal time.
///
/// Limits: a two-body circle plus the J2 node drift; the small J2 drift of the argument of latitude
/// (≈0.01 % of the mean motion at 650 km) is left out, so pass times drift by seconds a day — the
/// statistics over a day do not depend on it. The cluster is one compact formation (Suncatcher:
/// 81 satellites within 1 km), so it has one ground track.
public struct ClusterTrack: Sendable {
    public let orbit: Orbit
    /// Argument of latitude at t = 0 [rad].
    public let phase: Double
    let radius: Double
    let meanMotion: Double

    public init(orbit: Orbit, phase: Double = 0) {
        self.orbit = orbit
        self.phase = phase
        radius = OrbitGeometry.semiMajorAxis(altitude: orbit.altitude)
        meanMotion = OrbitGeometry.meanMotion(altitude: orbit.altitude)
    }

    /// Earth-fixed position [m] at t seconds after the orbit's epoch.
    public func position(at t: Double) -> SIMD3<Double> {
        let raan = orbit.raan(at: t)
        let inertial = LinkGeometry.inertialPosition(radius: radius, inclination: orbit.inclination, raan: raan, argumentOfLatitude: phase + meanMotion * t)
        return LinkGeometry.earthFixed(inertial: inertial, siderealAngle: LinkGeometry.greenwichSiderealTime(daysSinceJ2000: orbit.epochDays + t / 86_400))
    }
}

/// Contact between the cluster and a set of ground stations over a span of time.
public struct ContactAnalysis: Sendable {
    public struct StationContact: Sendable {
        public var station: GroundStation
        /// Intervals [s after epoch] with the cluster above the minimum elevation.
        public var windows: [ClosedRange<Double>]
        /// Fraction of the span in view [-].
        public var fraction: Double
        public var passCount: Int { windows.count }
        /// Longest pass [s] (a pass cut by the span's ends counts its part inside).
        public var longestPass: Double { windows.map { $0.upperBound - $0.lowerBound }.max() ?? 0 }
        public var meanPass: Double { windows.isEmpty ? 0 : windows.reduce(0) { $0 + $1.upperBound - $1.lowerBound } / Double(windows.count) }
    }

    public let track: ClusterTrack
    public let span: ClosedRange<Double>
    public let step: Double
    public let minElevation: Double
    public let stations: [StationContact]
    /// Times with at least one station in view (the union of all windows).
    public let union: [ClosedRange<Double>]
    /// Sample times [s after epoch] and the cluster's Earth-fixed positions there [m].
    public let times: [Double]
    public let positions: [SIMD3<Double>]
    /// Slant range [m] from each station (outer index) at each sample, or nil below the minimum elevation.
    public let slant: [[Double?]]

    /// Propagates the track over `span` at `step` and finds each station's windows.
    ///
    /// Elevation minus the mask is sampled on the grid; each sign change is refined to 0.01 s with
    /// Brent's method (GSL), so the fractions do not depend on the step as long as no pass is
    /// shorter than a step.
    /// - Throws: `ScenarioError` for an empty station list, a mask outside [0°, 90°) or a bad span.
    public init(track: ClusterTrack, stations: [GroundStation], minElevation: Double,
                span: ClosedRange<Double> = 0...86_400, step: Double = 30) throws {
        guard !stations.isEmpty else {
            throw ScenarioError(key: "network.ground_stations", "the ground-station list is empty: the cluster would have no ground path",
                                accepted: "one or more of " + GroundStationCatalog.all.map(\.id).joined(separator: ", "))
        }
        guard minElevation.isFinite, minElevation >= 0, minElevation < .pi / 2 else {
            throw ScenarioError(key: "network.min_elevation_deg", "\(formatNumber(minElevation / Constants.degree)) is out of range", accepted: "[0, 90) degrees")
        }
        guard step > 0, step.isFinite, span.upperBound > span.lowerBound else {
            throw ScenarioError(key: "step", "the time step must be positive and the span non-empty", accepted: "step > 0 s")
        }
        for s in stations {
            try UserLocation.checkCoordinates(latitudeDeg: s.latitudeDeg, longitudeDeg: s.longitudeDeg,
                                              latitudeKey: "\(s.id).latitude_deg", longitudeKey: "\(s.id).longitude_deg")
        }
        self.track = track; self.span = span; self.step = step; self.minElevation = minElevation
        let n = Int(((span.upperBound - span.lowerBound) / step).rounded(.up))
        var times = [Double](), positions = [SIMD3<Double>]()
        times.reserveCapacity(n + 1); positions.reserveCapacity(n + 1)
        for k in 0...n {
            let t = min(span.lowerBound + Double(k) * step, span.upperBound)
            times.append(t); positions.append(track.position(at: t))
        }
        let sinMask = sin(minElevation)
        var contacts: [StationContact] = [], slant: [[Double?]] = []
        for station in stations {
            let g = LinkGeometry.earthFixed(latitude: station.latitudeDeg * Constants.degree, longitude: station.longitudeDeg * Constants.degree)
            let up = g / (g * g).sum().squareRoot()
            // sin E − sin E_min has the sign of E − E_min and needs no asin.
            func margin(_ r: SIMD3<Double>) -> Double {
                let rho = r - g
                return (rho * up).sum() / (rho * rho).sum().squareRoot() - sinMask
            }
            var m = [Double](repeating: 0, count: times.count)
            var ranges = [Double?](repeating: nil, count: times.count)
            for k in times.indices {
                m[k] = margin(positions[k])
                if m[k] >= 0 { let rho = positions[k] - g; ranges[k] = (rho * rho).sum().squareRoot() }
            }
            var windows: [ClosedRange<Double>] = []
            var open: Double? = m[0] >= 0 ? times[0] : nil
            for k in 1..<times.count where (m[k - 1] >= 0) != (m[k] >= 0) {
                let edge = try RootFinder.brent(in: times[k - 1], times[k], absoluteTolerance: 0.5, relativeTolerance: 0) { margin(track.position(at: $0)) }
                if let start = open { windows.append(start...edge); open = nil } else { open = edge }
            }
            if let start = open { windows.append(start...times[times.count - 1]) }
            let inView = windows.reduce(0) { $0 + $1.upperBound - $1.lowerBound }
            contacts.append(StationContact(station: station, windows: windows, fraction: inView / (span.upperBound - span.lowerBound)))
            slant.append(ranges)
        }
        self.stations = contacts
        self.slant = slant
        self.times = times
        self.positions = positions
        union = ContactAnalysis.merge(contacts.flatMap(\.windows))
    }

    /// Fraction of the span with at least one station in view [-].
    public var contactFraction: Double {
        union.reduce(0) { $0 + $1.upperBound - $1.lowerBound } / (span.upperBound - span.lowerBound)
    }

    /// Time-mean number of stations in view [-] (Σ of the stations' fractions): what parallel
    /// ground terminals can use.
    public var meanStationsInView: Double { stations.reduce(0) { $0 + $1.fraction } }

    /// Gaps [s] between contacts inside the span (the span's ends count as edges).
    public var gaps: [Double] {
        var out: [Double] = []
        var last = span.lowerBound
        for w in union {
            if w.lowerBound > last { out.append(w.lowerBound - last) }
            last = max(last, w.upperBound)
        }
        if span.upperBound > last { out.append(span.upperBound - last) }
        return out
    }

    /// Sorted union of intervals.
    static func merge(_ intervals: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        var out: [ClosedRange<Double>] = []
        for w in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, w.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, w.upperBound)
            } else { out.append(w) }
        }
        return out
    }
}
