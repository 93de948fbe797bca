import Foundation

/// Geometry of links between the ground and a circular orbit, on a spherical Earth, in SI units.
///
/// The orbit's altitude is measured above the equatorial radius R⊕ (as everywhere in this model),
/// so the ground sits on a sphere of radius R⊕ for visibility. Great-circle distances for fibre use
/// the IUGG mean radius (it minimises the RMS error against ellipsoidal geodesics).
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013), §3.5
/// (sidereal time) and §11.2 (site–satellite geometry); Wertz & Larson, *Space Mission Analysis
/// and Design*, 3rd ed. (1999), §5.2 (coverage geometry).
public enum LinkGeometry {
    /// Slant range from a ground station to a satellite at altitude h seen at elevation E [m]:
    /// d = √((R+h)² − R² cos²E) − R sin E (law of cosines in the Earth-centre / station /
    /// satellite triangle; SMAD eq. 5-1x).
    public static func slantRange(altitude h: Double, elevation e: Double, earthRadius r: Double = Constants.earthRadius) -> Double {
        let a = r + h
        let c = r * cos(e)
        return (a * a - c * c).squareRoot() - r * sin(e)
    }

    /// Earth central angle from the sub-satellite point to the edge of coverage at minimum
    /// elevation E [rad]: λ = acos(R cos E / (R+h)) − E (SMAD eq. 5-2x).
    public static func coverageHalfAngle(altitude h: Double, minElevation e: Double, earthRadius r: Double = Constants.earthRadius) -> Double {
        acos(r * cos(e) / (r + h)) - e
    }

    /// Central angle between two points on a sphere [rad], by the haversine formula
    /// (Sinnott, "Virtues of the haversine", Sky & Telescope 68, 1984):
    /// hav θ = hav Δφ + cos φ₁ cos φ₂ hav Δλ, taken as θ = 2 atan2(√h, √(1 − h)) so that it stays
    /// accurate near 0 and near the antipode.
    public static func centralAngle(latitude1 p1: Double, longitude1 l1: Double, latitude2 p2: Double, longitude2 l2: Double) -> Double {
        let sp = sin((p2 - p1) / 2), sl = sin((l2 - l1) / 2)
        let h = min(1, max(0, sp * sp + cos(p1) * cos(p2) * sl * sl))
        return 2 * atan2(h.squareRoot(), (1 - h).squareRoot())
    }

    /// Great-circle distance [m] between two points given in degrees, on a sphere of radius `radius`.
    public static func greatCircleDistance(_ a: (latitudeDeg: Double, longitudeDeg: Double), _ b: (latitudeDeg: Double, longitudeDeg: Double),
                                           radius: Double = Constants.earthMeanRadius) -> Double {
        let d = Constants.degree
        return radius * centralAngle(latitude1: a.latitudeDeg * d, longitude1: a.longitudeDeg * d, latitude2: b.latitudeDeg * d, longitude2: b.longitudeDeg * d)
    }

    /// Round-trip time over fibre [s]: 2 · L_gc · k_route · n_g / c, with L_gc the great-circle
    /// distance, k_route the route factor and n_g the fibre's group index.
    public static func fibreRoundTrip(distance: Double, routeFactor: Double, groupIndex: Double) -> Double {
        2 * distance * routeFactor * groupIndex / Constants.speedOfLight
    }

    /// Round-trip time of a free-space path of one-way length `length` [m]: 2L / c.
    public static func freeSpaceRoundTrip(length: Double) -> Double { 2 * length / Constants.speedOfLight }

    /// Earth-fixed position [m] of a point at latitude φ, longitude λ [rad] on a sphere of radius r.
    public static func earthFixed(latitude p: Double, longitude l: Double, radius r: Double = Constants.earthRadius) -> SIMD3<Double> {
        SIMD3(r * cos(p) * cos(l), r * cos(p) * sin(l), r * sin(p))
    }

    /// Elevation of a satellite at `satellite` seen from a ground point at `ground` [rad]
    /// (both Earth-fixed, on a sphere): sin E = (ρ · û) / |ρ| with ρ the line of sight and û the
    /// local vertical.
    public static func elevation(satellite: SIMD3<Double>, ground: SIMD3<Double>) -> Double {
        let rho = satellite - ground
        let up = ground / (ground * ground).sum().squareRoot()
        return asin(max(-1, min(1, (rho * up).sum() / (rho * rho).sum().squareRoot())))
    }

    /// Greenwich mean sidereal time [rad] at `days` UT1 days after J2000.0 (IAU 1982 model,
    /// Vallado eq. 3-47): θ = 67,310.54841 s + (876,600 h + 8,640,184.812866 s) T + 0.093104 T² − 6.2e-6 T³,
    /// with T in Julian centuries. Good to ≈0.1 s of time (≈1.5″) in this century.
    public static func greenwichSiderealTime(daysSinceJ2000 days: Double) -> Double {
        let t = days / Constants.daysPerJulianCentury
        let seconds = 67_310.54841 + (876_600 * 3_600 + 8_640_184.812866) * t + 0.093104 * t * t - 6.2e-6 * t * t * t
        let wrapped = seconds.truncatingRemainder(dividingBy: 86_400)
        return (wrapped < 0 ? wrapped + 86_400 : wrapped) * (2 * .pi / 86_400)
    }

    /// Inertial (mean equator) position [m] of a satellite on a circular orbit of radius a, with
    /// inclination i, node Ω and argument of latitude u:
    /// r = a (cos Ω cos u − sin Ω sin u cos i, sin Ω cos u + cos Ω sin u cos i, sin u sin i).
    public static func inertialPosition(radius a: Double, inclination i: Double, raan o: Double, argumentOfLatitude u: Double) -> SIMD3<Double> {
        let co = cos(o), so = sin(o), cu = cos(u), su = sin(u), ci = cos(i)
        return a * SIMD3(co * cu - so * su * ci, so * cu + co * su * ci, su * sin(i))
    }

    /// Rotates an inertial vector into the Earth-fixed frame at sidereal angle θ (a rotation by −θ about z).
    public static func earthFixed(inertial r: SIMD3<Double>, siderealAngle th: Double) -> SIMD3<Double> {
        let c = cos(th), s = sin(th)
        return SIMD3(c * r.x + s * r.y, -s * r.x + c * r.y, r.z)
    }

    /// Latitude and longitude [rad] of the point below an Earth-fixed position (spherical Earth).
    public static func subPoint(_ r: SIMD3<Double>) -> (latitude: Double, longitude: Double) {
        let n = (r * r).sum().squareRoot()
        return (asin(r.z / n), atan2(r.y, r.x))
    }
}
