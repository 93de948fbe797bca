import CGSL

/// Bracketing root finding with Brent's method (`gsl_root_fsolver_brent`).
public enum RootFinder {
    /// The x in [lower, upper] where f(x) = 0, to `absoluteTolerance + relativeTolerance·|x|`.
    ///
    /// f(lower) and f(upper) must have opposite signs (or one of them be zero).
    /// - Throws: `GSLError.invalidArgument` when the interval does not bracket a root;
    ///   `GSLError.status` when GSL fails or does not converge in `maxIterations`.
    public static func brent(
        in lower: Double, _ upper: Double,
        absoluteTolerance: Double = 1e-12, relativeTolerance: Double = 1e-12, maxIterations: Int = 200,
        _ f: (Double) throws -> Double
    ) throws -> Double {
        _ = errorHandlerOff
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw GSLError.invalidArgument("root bracket must be finite with lower < upper, got [\(lower), \(upper)]")
        }
        let fLower = try f(lower), fUpper = try f(upper)
        guard fLower.isFinite, fUpper.isFinite else {
            throw GSLError.nonFiniteValue(routine: "brent", at: fLower.isFinite ? upper : lower)
        }
        if fLower == 0 { return lower }
        if fUpper == 0 { return upper }
        guard (fLower < 0) != (fUpper < 0) else {
            throw GSLError.invalidArgument("no sign change of the function between \(lower) and \(upper) (f = \(fLower), \(fUpper))")
        }
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_brent()) else {
            throw GSLError.invalidArgument("could not allocate a Brent root solver")
        }
        defer { gsl_root_fsolver_free(solver) }
        return try withoutActuallyEscaping(f) { f in
            let box = CallbackBox<(Double) throws -> Double>(f)
            return try withExtendedLifetime(box) {
                var function = gsl_function(function: trampoline, params: Unmanaged.passUnretained(box).toOpaque())
                try check(gsl_root_fsolver_set(solver, &function, lower, upper), "gsl_root_fsolver_set")
                for _ in 0..<maxIterations {
                    let status = gsl_root_fsolver_iterate(solver)
                    if let thrown = box.error { throw thrown }
                    try check(status, "gsl_root_fsolver_iterate")
                    let lo = gsl_root_fsolver_x_lower(solver), hi = gsl_root_fsolver_x_upper(solver)
                    if gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == Int32(GSL_SUCCESS) {
                        return gsl_root_fsolver_root(solver)
                    }
                }
                throw GSLError.status(code: Int32(GSL_EMAXITER), message: String(cString: gsl_strerror(Int32(GSL_EMAXITER))),
                                      routine: "gsl_root_fsolver_brent")
            }
        }
    }
}

/// The C callback shared by the root finder and the minimiser: calls the boxed closure.
let trampoline: @convention(c) (Double, UnsafeMutableRawPointer?) -> Double = { x, params in
    let box = Unmanaged<CallbackBox<(Double) throws -> Double>>.fromOpaque(params!).takeUnretainedValue()
    if box.error != nil { return .nan }
    do {
        let y = try box.body(x)
        if !y.isFinite { box.error = GSLError.nonFiniteValue(routine: "callback", at: x) }
        return y
    } catch { box.error = error; return .nan }
}
