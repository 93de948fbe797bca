import CGSL

/// Interpolation of tabulated data y(x) (`gsl_interp`). Immutable after creation and evaluated
/// without a shared accelerator, so one table can be read from several threads at once.
public final class Interpolator: @unchecked Sendable {
    public enum Method: Sendable {
        /// Piecewise linear.
        case linear
        /// Natural cubic spline.
        case cubicSpline
        /// Steffen's monotonic cubic: no overshoot between points (good for physical tables).
        case steffen
    }

    public let x: [Double]
    public let y: [Double]
    private let interp: UnsafeMutablePointer<gsl_interp>

    /// - Throws: `GSLError.invalidArgument` if the arrays differ in length, have too few points
    ///   for the method, or x is not strictly increasing.
    public init(x: [Double], y: [Double], method: Method = .steffen) throws {
        _ = errorHandlerOff
        guard x.count == y.count else { throw GSLError.invalidArgument("interpolation needs as many x as y values (\(x.count) vs \(y.count))") }
        guard zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) else { throw GSLError.invalidArgument("interpolation needs strictly increasing x") }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw GSLError.invalidArgument("interpolation table has a non-finite value") }
        let type: UnsafePointer<gsl_interp_type>
        switch method {
        case .linear: type = cgsl_interp_linear()
        case .cubicSpline: type = cgsl_interp_cspline()
        case .steffen: type = cgsl_interp_steffen()
        }
        let minimum = Int(gsl_interp_type_min_size(type))
        guard x.count >= minimum, let interp = gsl_interp_alloc(type, x.count) else {
            throw GSLError.invalidArgument("this interpolation needs at least \(minimum) points, got \(x.count)")
        }
        self.x = x
        self.y = y
        self.interp = interp
        let status = gsl_interp_init(interp, x, y, x.count)
        if status != Int32(GSL_SUCCESS) { gsl_interp_free(interp) }
        try check(status, "gsl_interp_init")
    }

    deinit { gsl_interp_free(interp) }

    public var domain: ClosedRange<Double> { x[0]...x[x.count - 1] }

    /// y at `point`. - Throws: `GSLError.invalidArgument` outside the table (no extrapolation).
    public func callAsFunction(_ point: Double) throws -> Double {
        guard domain.contains(point) else {
            throw GSLError.invalidArgument("\(point) is outside the table's range \(domain.lowerBound)…\(domain.upperBound)")
        }
        var value = 0.0
        try check(gsl_interp_eval_e(interp, x, y, point, nil, &value), "gsl_interp_eval")
        return value
    }
}
