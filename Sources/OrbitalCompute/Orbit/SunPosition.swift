import Foundation

/// The apparent Sun seen from the Earth, from the low-precision formulae of the Astronomical
/// Almanac (section C, "Low precision formulas for the Sun"): about 0.01° in longitude and
/// 1e-4 AU in distance from 1950 to 2050.
public struct SunPosition: Sendable, Equatable {
    /// Mean longitude L [rad]; its rate is the mean Sun's right ascension rate.
    public var meanLongitude: Double
    /// Apparent ecliptic longitude λ [rad].
    public var eclipticLongitude: Double
    /// Earth–Sun distance [AU].
    public var distanceAU: Double
    /// Unit vector to the Sun in the mean equatorial frame.
    public var direction: SIMD3<Double>

    /// Days from J2000.0 (2000-01-01 12:00 TT) to 2026-01-01 00:00 UT, the default epoch.
    public static let epoch2026 = 9_496.5

    /// The Sun at `days` after J2000.0.
    public init(daysSinceJ2000 days: Double) {
        let deg = Constants.degree
        let g = (357.529 + 0.98560028 * days) * deg         // mean anomaly
        let q = SunPosition.meanLongitude(daysSinceJ2000: days)
        let lambda = q + (1.915 * sin(g) + 0.020 * sin(2 * g)) * deg
        meanLongitude = q
        eclipticLongitude = lambda
        distanceAU = 1.00014 - 0.01671 * cos(g) - 0.00014 * cos(2 * g)
        let e = Constants.obliquity
        direction = SIMD3(cos(lambda), cos(e) * sin(lambda), sin(e) * sin(lambda))
    }

    /// The Sun's mean longitude L = 280.459° + 0.98564736° d [rad]: all a sun-synchronous node
    /// needs, without the trigonometry of the apparent Sun.
    public static func meanLongitude(daysSinceJ2000 days: Double) -> Double {
        (280.459 + 0.98564736 * days) * Constants.degree
    }

    /// Solar irradiance at this distance, S = S₀ / r² [W/m²].
    public var irradiance: Double { Constants.solarIrradiance / (distanceAU * distanceAU) }

    /// The Sun's declination [rad].
    public var declination: Double { asin(direction.z) }
}
