import Foundation
import GSL

/// A circular orbit and how its plane moves relative to the Sun through a year.
public struct Orbit: Sendable, Equatable {
    public enum Plane: Sendable, Equatable {
        /// Sun-synchronous: the node stays at a fixed local time (LTAN, hours) relative to the mean Sun.
        case sunSynchronous(ltanHours: Double)
        /// Fixed inclination [rad]; the node starts at `raan` [rad] and precesses with J2.
        case inclined(inclination: Double, raan: Double)
        /// A fixed beta angle [rad] all year (quick studies); inclination is reported as SSO.
        case fixedBeta(Double)
    }

    public enum ShadowModel: String, Choice { case cylindrical, conical }

    /// Altitude above the equatorial radius [m].
    public var altitude: Double
    public var plane: Plane
    public var shadow: ShadowModel
    /// Start of the year modelled, in days after J2000.0.
    public var epochDays: Double

    public init(altitude: Double, plane: Plane, shadow: ShadowModel = .cylindrical, epochDays: Double = SunPosition.epoch2026) throws {
        guard altitude.isFinite, altitude >= 160_000 else {
            throw ModelError(key: "orbit.altitude_km", "\(formatNumber(altitude / 1000)) km is below 160 km: the orbit would decay within days (or is inside the Earth)")
        }
        self.altitude = altitude
        self.plane = plane
        self.shadow = shadow
        self.epochDays = epochDays
        inclination = try {
            switch plane {
            case .sunSynchronous, .fixedBeta: return try OrbitGeometry.sunSynchronousInclination(altitude: altitude)
            case let .inclined(i, _): return i
            }
        }()
        nodeRate = OrbitGeometry.nodalPrecessionRate(altitude: altitude, inclination: inclination)
    }

    /// Inclination [rad].
    public let inclination: Double
    /// Nodal precession rate [rad/s].
    public let nodeRate: Double

    public var period: Double { OrbitGeometry.period(altitude: altitude) }
    public var criticalBeta: Double { OrbitGeometry.criticalBeta(altitude: altitude) }

    /// The Sun at `t` seconds after the epoch.
    public func sun(at t: Double) -> SunPosition { SunPosition(daysSinceJ2000: epochDays + t / 86_400) }

    /// Right ascension of the ascending node at time t [rad].
    /// Sun-synchronous: Ω = L☉(t) + (LTAN − 12 h)·15°/h, locked to the mean Sun (no apparent-Sun
    /// trigonometry needed); fixed inclination: Ω₀ + Ω̇ t.
    public func raan(at t: Double) -> Double {
        switch plane {
        case let .sunSynchronous(ltan): return SunPosition.meanLongitude(daysSinceJ2000: epochDays + t / 86_400) + (ltan - 12) * 15 * Constants.degree
        case let .inclined(_, raan0): return raan0 + nodeRate * t
        case .fixedBeta: return 0
        }
    }

    /// Beta angle at time t [rad].
    public func beta(at t: Double) -> Double {
        if case let .fixedBeta(b) = plane { return b }
        return beta(at: t, sun: sun(at: t))
    }

    /// Beta angle at time t when the Sun there is already known [rad] (saves recomputing it).
    public func beta(at t: Double, sun s: SunPosition) -> Double {
        if case let .fixedBeta(b) = plane { return b }
        return OrbitGeometry.betaAngle(inclination: inclination, raan: raan(at: t), sun: s.direction)
    }

    /// Effective eclipse fraction at time t [-]: the cylindrical shadow, or umbra + ½ penumbra
    /// with the conical model (partial occultation counted as half light).
    public func eclipseFraction(at t: Double) -> Double {
        let s = sun(at: t)
        return eclipseFraction(beta: beta(at: t, sun: s), sunDistanceAU: s.distanceAU)
    }

    public func eclipseFraction(beta: Double, sunDistanceAU: Double) -> Double {
        switch shadow {
        case .cylindrical: return OrbitGeometry.eclipseFractionCylindrical(altitude: altitude, beta: beta)
        case .conical:
            let f = OrbitGeometry.eclipseFractionConical(altitude: altitude, beta: beta, sunDistance: sunDistanceAU * Constants.astronomicalUnit)
            return f.umbra + 0.5 * f.penumbra
        }
    }
}

/// Eclipse statistics of an orbit over one tropical year.
public struct EclipseYear: Sendable, Equatable {
    /// Time-mean eclipse fraction over the year [-].
    public var meanFraction: Double
    /// Largest eclipse fraction of any orbit in the year [-].
    public var maxFraction: Double
    /// Longest single eclipse [s].
    public var maxDuration: Double
    /// Days of the year with eclipses [day].
    public var eclipseDays: Double
    /// Eclipse seasons as (start, end) in seconds after the epoch.
    public var seasons: [ClosedRange<Double>]
    /// Extremes of the beta angle over the year [rad].
    public var betaMin: Double
    public var betaMax: Double
    /// Time of the worst eclipse [s after epoch].
    public var worstTime: Double
    /// Beta angle at the worst eclipse [rad].
    public var worstBeta: Double
    /// Year-mean of (S/S₀)·(1 − f): the sunlit, distance-weighted fraction of the year [-].
    public var meanSunlitIrradianceFactor: Double
    /// Lowest irradiance over the year, S/S₀ at aphelion [-].
    public var minIrradianceFactor: Double

    /// Integrates the eclipse fraction over the year.
    ///
    /// Season edges (|β| = β*) are bracketed on a half-day grid and refined with Brent's method
    /// (GSL); the annual means are GSL adaptive quadratures with the edges as breakpoints, since f
    /// has a square-root kink there; the worst orbit is found with GSL's Brent minimiser on β².
    public init(orbit: Orbit) throws {
        let year = Constants.tropicalYear
        let period = orbit.period
        let betaStar = orbit.criticalBeta
        // Fixed beta: nothing varies but the distance to the Sun.
        if case let .fixedBeta(beta) = orbit.plane {
            let f = orbit.eclipseFraction(beta: beta, sunDistanceAU: 1)
            let sunlit = try Quadrature.integrate(from: 0, to: year, relativeTolerance: 1e-9) { t in
                let r = orbit.sun(at: t).distanceAU
                return (1 - orbit.eclipseFraction(beta: beta, sunDistanceAU: r)) / (r * r)
            }.value / year
            self.init(meanFraction: f, maxFraction: f, maxDuration: f * period, eclipseDays: f > 0 ? year / 86_400 : 0,
                      seasons: f > 0 ? [0...year] : [], betaMin: beta, betaMax: beta, worstTime: 0, worstBeta: beta,
                      meanSunlitIrradianceFactor: sunlit, minIrradianceFactor: 1 / pow(1 + Constants.earthOrbitEccentricity, 2))
            return
        }
        // Sample beta on a grid fine enough for precessing orbits (node period ≥ ≈ 40 days in LEO).
        let step = 43_200.0
        let n = Int((year / step).rounded(.up))
        var times = [Double](repeating: 0, count: n + 1)
        var betas = [Double](repeating: 0, count: n + 1)
        for k in 0...n { times[k] = min(Double(k) * step, year); betas[k] = orbit.beta(at: times[k]) }
        // Shadow edge: use the penumbra edge for the conical model (a slightly larger critical beta).
        let edgeBeta = orbit.shadow == .conical ? betaStar + asin((Constants.sunRadius + Constants.earthRadius) / Constants.astronomicalUnit) : betaStar
        let g: (Double) -> Double = { abs(orbit.beta(at: $0)) - edgeBeta }
        var edges: [Double] = []
        for k in 0..<n {
            let g0 = abs(betas[k]) - edgeBeta, g1 = abs(betas[k + 1]) - edgeBeta
            if (g0 < 0) != (g1 < 0) {
                edges.append(try RootFinder.brent(in: times[k], times[k + 1], absoluteTolerance: 1e-3, relativeTolerance: 0, g))
            }
        }
        // Seasons: intervals where |β| < β*.
        var seasons: [ClosedRange<Double>] = []
        var start: Double? = abs(betas[0]) < edgeBeta ? 0 : nil
        for e in edges {
            if let s = start { seasons.append(s...e); start = nil } else { start = e }
        }
        if let s = start { seasons.append(s...year) }
        let eclipseDays = seasons.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) } / 86_400

        // Worst orbit: smallest |β| within the seasons, refined by minimising β².
        var worstTime = 0.0, worstBeta = betas[0]
        if !seasons.isEmpty {
            var kBest = 0
            for k in 0...n where abs(betas[k]) < abs(betas[kBest]) { kBest = k }
            let lo = times[max(kBest - 1, 0)], hi = times[min(kBest + 1, n)]
            if kBest > 0, kBest < n {
                let m = try Minimizer.brent(in: lo, hi, guess: times[kBest], absoluteTolerance: 1, relativeTolerance: 0) { t in
                    let b = orbit.beta(at: t); return b * b
                }
                worstTime = m.x
            } else { worstTime = times[kBest] }
            worstBeta = orbit.beta(at: worstTime)
        }
        var maxFraction = 0.0
        if !seasons.isEmpty {
            // Aphelion lengthens the conical umbra slightly: evaluate at the worst time's distance.
            maxFraction = orbit.eclipseFraction(beta: worstBeta, sunDistanceAU: orbit.sun(at: worstTime).distanceAU)
        }
        // Annual means by quadrature with the season edges as breakpoints.
        // f ∝ √(t − edge) at the season edges: the substitutions t = a + u² (first half) and
        // t = b − u² (second half) make the integrands smooth, so the GSL quadratures converge in
        // a few Gauss–Kronrod rules instead of bisecting towards the kinks.
        func seasonIntegral(_ season: ClosedRange<Double>, _ g: (Double) -> Double) throws -> Double {
            let a = season.lowerBound, b = season.upperBound
            let h = ((b - a) / 2).squareRoot()
            let left = try Quadrature.integrate(from: 0, to: h, relativeTolerance: 1e-9, limit: 200) { u in 2 * u * g(a + u * u) }.value
            let right = try Quadrature.integrate(from: 0, to: h, relativeTolerance: 1e-9, limit: 200) { u in 2 * u * g(b - u * u) }.value
            return left + right
        }
        let mean = try seasons.reduce(0.0) { $0 + (try seasonIntegral($1) { orbit.eclipseFraction(at: $0) }) } / year
        // Sunlit factor: ∫ 1/r² dt over the year (smooth) minus ∫ f/r² dt over the seasons.
        let distanceIntegral = try Quadrature.integrate(from: 0, to: year, relativeTolerance: 1e-10) { t in
            let r = orbit.sun(at: t).distanceAU
            return 1 / (r * r)
        }.value
        let shaded = try seasons.reduce(0.0) { total, season in
            total + (try seasonIntegral(season) { t in
                let s = orbit.sun(at: t)
                return orbit.eclipseFraction(beta: orbit.beta(at: t, sun: s), sunDistanceAU: s.distanceAU) / (s.distanceAU * s.distanceAU)
            })
        }
        let sunlit = (distanceIntegral - shaded) / year
        self.init(meanFraction: mean, maxFraction: maxFraction, maxDuration: maxFraction * period, eclipseDays: eclipseDays,
                  seasons: seasons, betaMin: betas.min() ?? 0, betaMax: betas.max() ?? 0, worstTime: worstTime, worstBeta: worstBeta,
                  meanSunlitIrradianceFactor: sunlit, minIrradianceFactor: 1 / pow(1 + Constants.earthOrbitEccentricity, 2))
    }

    init(meanFraction: Double, maxFraction: Double, maxDuration: Double, eclipseDays: Double, seasons: [ClosedRange<Double>],
         betaMin: Double, betaMax: Double, worstTime: Double, worstBeta: Double, meanSunlitIrradianceFactor: Double, minIrradianceFactor: Double) {
        self.meanFraction = meanFraction; self.maxFraction = maxFraction; self.maxDuration = maxDuration
        self.eclipseDays = eclipseDays; self.seasons = seasons; self.betaMin = betaMin; self.betaMax = betaMax
        self.worstTime = worstTime; self.worstBeta = worstBeta
        self.meanSunlitIrradianceFactor = meanSunlitIrradianceFactor; self.minIrradianceFactor = minIrradianceFactor
    }
}
