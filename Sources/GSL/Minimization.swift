import CGSL

/// One-dimensional minimisation with Brent's method (`gsl_min_fminimizer_brent`).
public enum Minimizer {
    public struct Result: Equatable, Sendable {
        public var x: Double
        public var value: Double
    }

    /// The minimum of f on [lower, upper] to `absoluteTolerance + relativeTolerance·|x|` (no better
    /// than ≈ √ε·|x| is possible at a smooth minimum), starting from `guess`, which must be strictly inside
    /// the interval with f(guess) below f at both ends (GSL's bracketing condition).
    /// When that condition fails, the lower of the two ends is the minimum of a unimodal f and is
    /// returned: monotonic functions are common in sizing problems and are not an error.
    public static func brent(
        in lower: Double, _ upper: Double, guess: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-7, maxIterations: Int = 200,
        _ f: (Double) throws -> Double
    ) throws -> Result {
        _ = errorHandlerOff
        guard lower.isFinite, upper.isFinite, lower < upper, guess > lower, guess < upper else {
            throw GSLError.invalidArgument("minimisation needs lower < guess < upper, got \(lower), \(guess), \(upper)")
        }
        let fl = try f(lower), fu = try f(upper), fg = try f(guess)
        guard fl.isFinite, fu.isFinite, fg.isFinite else { throw GSLError.nonFiniteValue(routine: "minimize", at: guess) }
        if !(fg < fl && fg < fu) {
            return fl <= fu ? Result(x: lower, value: fl) : Result(x: upper, value: fu)
        }
        guard let solver = gsl_min_fminimizer_alloc(cgsl_min_brent()) else {
            throw GSLError.invalidArgument("could not allocate a Brent minimiser")
        }
        defer { gsl_min_fminimizer_free(solver) }
        return try withoutActuallyEscaping(f) { f in
            let box = CallbackBox<(Double) throws -> Double>(f)
            return try withExtendedLifetime(box) {
                var function = gsl_function(function: trampoline, params: Unmanaged.passUnretained(box).toOpaque())
                try check(gsl_min_fminimizer_set_with_values(solver, &function, guess, fg, lower, fl, upper, fu),
                          "gsl_min_fminimizer_set")
                for _ in 0..<maxIterations {
                    let status = gsl_min_fminimizer_iterate(solver)
                    if let thrown = box.error { throw thrown }
                    try check(status, "gsl_min_fminimizer_iterate")
                    let lo = gsl_min_fminimizer_x_lower(solver), hi = gsl_min_fminimizer_x_upper(solver)
                    if gsl_min_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == Int32(GSL_SUCCESS) {
                        return Result(x: gsl_min_fminimizer_x_minimum(solver), value: gsl_min_fminimizer_f_minimum(solver))
                    }
                }
                throw GSLError.status(code: Int32(GSL_EMAXITER), message: String(cString: gsl_strerror(Int32(GSL_EMAXITER))),
                                      routine: "gsl_min_fminimizer_brent")
            }
        }
    }
}
