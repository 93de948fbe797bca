/// Constants of the latency-and-links model, in SI units, each with its source.
extension Constants {
    /// Mean Earth radius R₁ [m], for great-circle distances on a sphere. IUGG (Moritz 2000,
    /// "Geodetic Reference System 1980", J. Geodesy 74): R₁ = (2a + b)/3 = 6,371,008.8 m.
    public static let earthMeanRadius = 6_371_008.8
    /// Earth's rotation rate relative to the fixed stars ω⊕ [rad/s]. IERS Conventions 2010 (7.292115e-5).
    public static let earthRotationRate = 7.292115e-5
    /// Altitude of the geostationary orbit above the equator [m]: 35,786 km. Vallado (2013), §2.
    public static let geostationaryAltitude = 35_786_000.0
    /// Days per Julian century, for sidereal time [day].
    public static let daysPerJulianCentury = 36_525.0
    /// Dense FLOPs per model parameter per token in training (forward + backward): C ≈ 6N.
    /// Kaplan et al., "Scaling Laws for Neural Language Models", arXiv 2001.08361 (2020), §2.1.
    public static let trainingFlopsPerParameterToken = 6.0
    /// Dense FLOPs per model parameter per token in inference (forward only): C ≈ 2N. Kaplan et al. (2020), §2.1.
    public static let inferenceFlopsPerParameterToken = 2.0
}
