import CGSL

/// Adaptive numerical integration (QUADPACK, through GSL).
///
/// Each call owns its workspace, so integrals can run on several threads at once.
public enum Quadrature {
    /// The result of an integral and GSL's estimate of its absolute error.
    public struct Result: Equatable, Sendable {
        public var value: Double
        public var absoluteError: Double
    }

    /// ∫ₐᵇ f(x) dx by `gsl_integration_qag` (Gauss–Kronrod 21-point rule), or by
    /// `gsl_integration_qagp` when `breakpoints` are given (known kinks or discontinuities of f
    /// inside (a, b), such as the edges of an eclipse season).
    ///
    /// - Parameters:
    ///   - absoluteTolerance, relativeTolerance: stop when the error estimate is below either.
    ///   - limit: the maximum number of subintervals.
    /// - Throws: `GSLError` if GSL cannot reach the tolerance, or if `f` throws or is not finite.
    public static func integrate(
        from a: Double, to b: Double, breakpoints: [Double] = [],
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10, limit: Int = 1000,
        _ f: (Double) throws -> Double
    ) throws -> Result {
        _ = errorHandlerOff
        guard a.isFinite, b.isFinite else { throw GSLError.invalidArgument("integration bounds must be finite, got [\(a), \(b)]") }
        if a == b { return Result(value: 0, absoluteError: 0) }
        guard let workspace = gsl_integration_workspace_alloc(limit) else {
            throw GSLError.invalidArgument("could not allocate an integration workspace of \(limit) intervals")
        }
        defer { gsl_integration_workspace_free(workspace) }
        return try withoutActuallyEscaping(f) { f in
            let box = CallbackBox<(Double) throws -> Double>(f)
            return try withExtendedLifetime(box) {
                var function = gsl_function(function: { x, params in
                    let box = Unmanaged<CallbackBox<(Double) throws -> Double>>.fromOpaque(params!).takeUnretainedValue()
                    if box.error != nil { return 0 }
                    do {
                        let y = try box.body(x)
                        if !y.isFinite { box.error = GSLError.nonFiniteValue(routine: "integrate", at: x); return 0 }
                        return y
                    } catch { box.error = error; return 0 }
                }, params: Unmanaged.passUnretained(box).toOpaque())
                var value = 0.0, error = 0.0
                let inner = breakpoints.filter { $0 > min(a, b) && $0 < max(a, b) }.sorted()
                let status: Int32
                if inner.isEmpty {
                    status = gsl_integration_qag(&function, a, b, absoluteTolerance, relativeTolerance, limit,
                                                 Int32(GSL_INTEG_GAUSS21), workspace, &value, &error)
                } else {
                    // qagp integrates from the first to the last point of the list.
                    var points = [min(a, b)] + inner + [max(a, b)]
                    status = gsl_integration_qagp(&function, &points, points.count, absoluteTolerance,
                                                  relativeTolerance, limit, workspace, &value, &error)
                    if a > b { value = -value }
                }
                if let thrown = box.error { throw thrown }
                try check(status, inner.isEmpty ? "gsl_integration_qag" : "gsl_integration_qagp")
                return Result(value: value, absoluteError: error)
            }
        }
    }
}
