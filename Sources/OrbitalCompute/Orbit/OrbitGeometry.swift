import Foundation

/// Circular-orbit geometry around an oblate Earth (J2), in SI units.
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013),
/// §9.6 (nodal regression, sun-synchronous condition) and §5.3 (eclipse geometry).
public enum OrbitGeometry {
    /// Semi-major axis a = R⊕ + h [m] of a circular orbit at altitude `altitude` [m].
    public static func semiMajorAxis(altitude: Double) -> Double { Constants.earthRadius + altitude }

    /// Orbital period T = 2π √(a³/μ) [s] (Kepler's third law).
    public static func period(altitude: Double) -> Double {
        let a = semiMajorAxis(altitude: altitude)
        return 2 * .pi * (a * a * a / Constants.earthMu).squareRoot()
    }

    /// Mean motion n = √(μ/a³) [rad/s].
    public static func meanMotion(altitude: Double) -> Double {
        let a = semiMajorAxis(altitude: altitude)
        return (Constants.earthMu / (a * a * a)).squareRoot()
    }

    /// The Sun's mean apparent motion, ω☉ = 2π / 365.2422 d [rad/s]: the node rate of a sun-synchronous orbit.
    public static let sunMeanMotion = 2 * Double.pi / Constants.tropicalYear

    /// Nodal precession rate from J2 for a circular orbit [rad/s]:
    /// dΩ/dt = −(3/2) J2 (R⊕/a)² n cos i.
    public static func nodalPrecessionRate(altitude: Double, inclination: Double) -> Double {
        let a = semiMajorAxis(altitude: altitude)
        let ratio = Constants.earthRadius / a
        return -1.5 * Constants.earthJ2 * ratio * ratio * meanMotion(altitude: altitude) * cos(inclination)
    }

    /// Sun-synchronous inclination [rad]: cos i = −2 ω☉ a^{7/2} / (3 J2 R⊕² √μ).
    /// - Throws: `ModelError` above ≈5,970 km, where no inclination gives a sun-synchronous node.
    public static func sunSynchronousInclination(altitude: Double) throws -> Double {
        let a = semiMajorAxis(altitude: altitude)
        let cosI = -2 * sunMeanMotion * pow(a, 3.5) / (3 * Constants.earthJ2 * Constants.earthRadius * Constants.earthRadius * Constants.earthMu.squareRoot())
        guard cosI >= -1 else {
            throw ModelError(key: "orbit.altitude_km", "no sun-synchronous orbit exists at \(formatNumber(altitude / 1000)) km (cos i = \(formatNumber(cosI)) < −1)")
        }
        return acos(cosI)
    }

    /// β* = asin(R⊕/(R⊕+h)) [rad]: above this |β| a circular orbit never enters the shadow cylinder.
    public static func criticalBeta(altitude: Double) -> Double {
        asin(Constants.earthRadius / semiMajorAxis(altitude: altitude))
    }

    /// Fraction of a circular orbit spent in a cylindrical shadow [-]:
    /// f = (1/π) acos(√(h² + 2R⊕h) / ((R⊕+h) cos β)) for |β| < β*, else 0.
    public static func eclipseFractionCylindrical(altitude h: Double, beta: Double) -> Double {
        let a = semiMajorAxis(altitude: h)
        let x = (h * h + 2 * Constants.earthRadius * h).squareRoot() / (a * cos(beta))
        return x >= 1 ? 0 : acos(x) / .pi
    }

    /// Umbra and penumbra fractions of a circular orbit in Earth's conical shadow [-].
    ///
    /// The shadow radius at distance x behind the Earth is R⊕ − x tan αᵤ (umbra) and R⊕ + x tan αₚ
    /// (penumbra), with sin αᵤ = (R☉ − R⊕)/d and sin αₚ = (R☉ + R⊕)/d (Vallado §5.3). The exit
    /// angle solves the cylindrical formula with that radius; x depends weakly on the angle and is
    /// updated by fixed-point iteration (three passes reach 1e-12 relative in LEO).
    ///
    /// - Parameter sunDistance: Earth–Sun distance [m].
    /// - Returns: `umbra` is the fraction in full shadow; `penumbra` the extra fraction in partial shadow.
    public static func eclipseFractionConical(altitude h: Double, beta: Double, sunDistance: Double) -> (umbra: Double, penumbra: Double) {
        let a = semiMajorAxis(altitude: h)
        let tanU = tan(asin((Constants.sunRadius - Constants.earthRadius) / sunDistance))
        let tanP = tan(asin((Constants.sunRadius + Constants.earthRadius) / sunDistance))
        func halfAngle(_ radius: (Double) -> Double) -> Double {
            var psi = 0.0
            for _ in 0..<3 {
                let x = a * cos(beta) * cos(psi)          // distance behind the Earth's centre
                let r = radius(max(x, 0))
                guard r > 0, r < a else { return 0 }
                let c = (a * a - r * r).squareRoot() / (a * cos(beta))
                if c >= 1 { return 0 }
                psi = acos(c)
            }
            return psi
        }
        let umbra = halfAngle { Constants.earthRadius - $0 * tanU } / .pi
        let outer = halfAngle { Constants.earthRadius + $0 * tanP } / .pi
        return (umbra, max(outer - umbra, 0))
    }

    /// Beta angle [rad]: the Sun's elevation above the orbit plane, β = asin(n̂ · ŝ), with the
    /// orbit normal n̂ = (sin i sin Ω, −sin i cos Ω, cos i) in the equatorial frame.
    public static func betaAngle(inclination i: Double, raan: Double, sun s: SIMD3<Double>) -> Double {
        let n = SIMD3(sin(i) * sin(raan), -sin(i) * cos(raan), cos(i))
        return asin(max(-1, min(1, (n * s).sum())))
    }
}
