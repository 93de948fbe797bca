import Foundation

/// Thermospheric density and the propellant to hold an orbit against drag.
public enum Atmosphere {
    /// Exponential atmosphere of Vallado (2013), table 8-4: base altitude [km], base density
    /// [kg/m³] and scale height [km] per band (CIRA-72 mean solar activity).
    static let bands: [(base: Double, density: Double, scale: Double)] = [
        (0, 1.225, 7.249), (25, 3.899e-2, 6.349), (30, 1.774e-2, 6.682), (40, 3.972e-3, 7.554),
        (50, 1.057e-3, 8.382), (60, 3.206e-4, 7.714), (70, 8.770e-5, 6.549), (80, 1.905e-5, 5.799),
        (90, 3.396e-6, 5.382), (100, 5.297e-7, 5.877), (110, 9.661e-8, 7.263), (120, 2.438e-8, 9.473),
        (130, 8.484e-9, 12.636), (140, 3.845e-9, 16.149), (150, 2.070e-9, 22.523), (180, 5.464e-10, 29.740),
        (200, 2.789e-10, 37.105), (250, 7.248e-11, 45.546), (300, 2.418e-11, 53.628), (350, 9.518e-12, 53.298),
        (400, 3.725e-12, 58.515), (450, 1.585e-12, 60.828), (500, 6.967e-13, 63.822), (600, 1.454e-13, 71.835),
        (700, 3.614e-14, 88.667), (800, 1.170e-14, 124.64), (900, 5.245e-15, 181.05), (1000, 3.019e-15, 268.00),
    ]

    /// Mass density at `altitude` [m] → [kg/m³]: ρ = ρ₀ exp(−(h − h₀)/H) in the band below h.
    public static func density(altitude: Double) -> Double {
        let km = altitude / 1000
        let band = bands.last { $0.base <= km } ?? bands[0]
        return band.density * exp(-(km - band.base) / band.scale)
    }

    /// Velocity change per year to cancel drag [m/s per year]: Δv = ½ ρ v² C_d (A/m) · year,
    /// for a circular orbit (v = √(μ/a)), area `area` [m²] facing the flow and mass `mass` [kg].
    public static func dragDeltaVPerYear(altitude: Double, area: Double, mass: Double, dragCoefficient: Double) -> Double {
        dragDeltaVPerYear(dynamicPressure: dynamicPressure(altitude: altitude), area: area, mass: mass, dragCoefficient: dragCoefficient)
    }

    /// Dynamic pressure ½ ρ v² [Pa] on a circular orbit at `altitude` [m] (v² = μ/a): all the
    /// orbit gives the drag, so a study over one orbit computes it once.
    public static func dynamicPressure(altitude: Double) -> Double {
        let v2 = Constants.earthMu / OrbitGeometry.semiMajorAxis(altitude: altitude)
        return 0.5 * density(altitude: altitude) * v2
    }

    /// The same for a dynamic pressure q [Pa] already known: Δv = q C_d (A/m) · year.
    public static func dragDeltaVPerYear(dynamicPressure q: Double, area: Double, mass: Double, dragCoefficient: Double) -> Double {
        q * dragCoefficient * area / mass * Constants.julianYear
    }

    /// Propellant [kg] for Δv with dry mass m (rocket equation): m_p = m (e^{Δv/(Isp g₀)} − 1).
    public static func propellant(deltaV: Double, dryMass: Double, isp: Double) -> Double {
        dryMass * (exp(deltaV / (isp * Constants.standardGravity)) - 1)
    }
}
