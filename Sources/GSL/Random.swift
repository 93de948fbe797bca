import CGSL

/// A seeded pseudo-random generator (`gsl_rng_mt19937`) with the distributions the Monte Carlo
/// engine draws from. Not thread-safe: give each task its own generator (and its own seed).
public final class RandomGenerator {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    public init(seed: UInt) throws {
        _ = errorHandlerOff
        guard let r = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            throw GSLError.invalidArgument("could not allocate a random number generator")
        }
        rng = r
        gsl_rng_set(rng, seed)
    }

    deinit { gsl_rng_free(rng) }

    /// Re-seeds the generator in place (cheaper than a new one in a hot loop).
    public func reseed(_ seed: UInt) { gsl_rng_set(rng, seed) }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }
    /// Uniform on [a, b).
    @inlinable public func uniform(_ a: Double, _ b: Double) -> Double { gsl_ran_flat(rng, a, b) }
    /// Normal with the given mean and standard deviation.
    @inlinable public func normal(mean: Double, sd: Double) -> Double { mean + gsl_ran_gaussian_ziggurat(rng, sd) }
    /// Lognormal: exp(N(mu, sigma)) where mu, sigma are of the underlying normal.
    @inlinable public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, mu, sigma) }
    /// Triangular on [a, b] with mode c, by inversion of its CDF.
    public func triangular(lower a: Double, mode c: Double, upper b: Double) -> Double {
        triangular(Triangular(lower: a, mode: c, upper: b))
    }

    /// The same with the shape's constants taken once (a hot loop draws from one shape many times).
    @inlinable
    public func triangular(_ t: Triangular) -> Double { t.quantile(gsl_rng_uniform(rng)) }
}

/// A triangular distribution on [a, b] with mode c, as the constants of its inverse CDF:
/// x = a + √((b − a)(c − a) u) for u < F(c) = (c − a)/(b − a), else b − √((b − a)(b − c)(1 − u)).
@frozen public struct Triangular: Sendable {
    public let lower, upper: Double
    /// F(c) = (c − a)/(b − a), the CDF at the mode.
    public let modeQuantile: Double
    /// (b − a)(c − a) and (b − a)(b − c).
    public let lowerSpan, upperSpan: Double

    public init(lower a: Double, mode c: Double, upper b: Double) {
        lower = a; upper = b
        modeQuantile = (c - a) / (b - a)
        lowerSpan = (b - a) * (c - a)
        upperSpan = (b - a) * (b - c)
    }

    /// The inverse CDF at u ∈ [0, 1]. Both branches, then a select: a random u would mispredict
    /// a branch about as often as not.
    @inlinable
    public func quantile(_ u: Double) -> Double {
        let below = lower + (lowerSpan * u).squareRoot()
        let above = upper - (upperSpan * (1 - u)).squareRoot()
        return u < modeQuantile ? below : above
    }
}

/// Inverse cumulative distribution functions (quantiles), for analytic checks and for
/// transforming quasi-random points into distribution samples.
public enum Quantile {
    public static func normal(_ p: Double, mean: Double, sd: Double) -> Double { mean + gsl_cdf_gaussian_Pinv(p, sd) }
    public static func lognormal(_ p: Double, mu: Double, sigma: Double) -> Double { gsl_cdf_lognormal_Pinv(p, mu, sigma) }
    public static func uniform(_ p: Double, lower: Double, upper: Double) -> Double { gsl_cdf_flat_Pinv(p, lower, upper) }
}

/// A Sobol low-discrepancy sequence (`gsl_qrng_sobol`), up to 40 dimensions in GSL.
public final class SobolSequence {
    public let dimension: Int
    private let q: UnsafeMutablePointer<gsl_qrng>

    public init(dimension: Int) throws {
        _ = errorHandlerOff
        guard (1...40).contains(dimension), let q = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimension)) else {
            throw GSLError.invalidArgument("a Sobol sequence takes 1 to 40 dimensions, got \(dimension)")
        }
        self.dimension = dimension
        self.q = q
    }

    deinit { gsl_qrng_free(q) }

    /// The next point of the sequence in [0, 1)^dimension.
    public func next() throws -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        try check(point.withUnsafeMutableBufferPointer { gsl_qrng_get(q, $0.baseAddress) }, "gsl_qrng_get")
        return point
    }
}
