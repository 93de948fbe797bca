/// Physical constants in SI units, each with its source.
///
/// Model code takes these by name; parameters users may change live in the parameter table.
public enum Constants {
    /// Total solar irradiance at 1 AU [W/m²]. Kopp & Lean 2011, GRL 38 L01706 (1360.8 ± 0.5);
    /// Gueymard 2018 (1361.1 ± 0.5).
    public static let solarIrradiance = 1361.0
    /// Earth's equatorial radius [m]. WGS-84.
    public static let earthRadius = 6_378_137.0
    /// Earth's gravitational parameter μ [m³/s²]. WGS-84 / EGM-96 (398600.4418 km³/s²).
    public static let earthMu = 3.986004418e14
    /// Earth's second zonal harmonic J2 [-]. EGM-96 (1.08263e-3).
    public static let earthJ2 = 1.08263e-3
    /// Stefan–Boltzmann constant [W m⁻² K⁻⁴]. CODATA 2018.
    public static let stefanBoltzmann = 5.670374419e-8
    /// Speed of light in vacuum [m/s]. SI definition.
    public static let speedOfLight = 299_792_458.0
    /// Obliquity of the ecliptic [rad]: 23.44°. Astronomical Almanac (J2000: 23.439°).
    public static let obliquity = 23.439 * .pi / 180
    /// Tropical year [s]: 365.2422 days. Astronomical Almanac.
    public static let tropicalYear = 365.2422 * 86_400.0
    /// Julian year [s], the unit of "per year" rates: 365.25 days.
    public static let julianYear = 365.25 * 86_400.0
    /// Days in a Julian year, the year of "per year" rates.
    public static let daysPerYear = 365.25
    /// Hours in a Julian year.
    public static let hoursPerYear = 365.25 * 24.0
    /// Joules per kilowatt-hour.
    public static let joulesPerKwh = 3.6e6
    /// Standard gravity g₀ [m/s²]. CGPM 1901.
    public static let standardGravity = 9.80665
    /// Sun's mean radius [m]. IAU 2015 nominal solar radius.
    public static let sunRadius = 6.957e8
    /// Astronomical unit [m]. IAU 2012.
    public static let astronomicalUnit = 1.495978707e11
    /// Eccentricity of Earth's orbit [-] (2000–2030: 0.01671). Astronomical Almanac.
    public static let earthOrbitEccentricity = 0.01671
    /// Reference cell temperature for rated solar-cell efficiency [K]: 28 °C (AM0 rating, ISO 15387).
    public static let cellReferenceTemperature = 301.15
    /// Density of aluminium 6061 [kg/m³]. ASM handbook.
    public static let aluminiumDensity = 2_700.0
    /// BTU per kWh conversion: 1 kWh = 3412.14 BTU (so heat rate in BTU/kWh / 3412.14 is 1/efficiency).
    public static let btuPerKilowattHour = 3_412.14
    /// One degree in radians [rad/°]: multiply degrees by it to get radians, divide radians by it
    /// to get degrees.
    public static let degree = Double.pi / 180
}
