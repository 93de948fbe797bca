import CGSL

/// An adaptive ODE integrator for dy/dt = f(t, y) (`gsl_odeiv2_driver` with the explicit
/// embedded Runge–Kutta Prince–Dormand 8(9) stepper, `rk8pd`).
///
/// One instance owns one GSL driver: create one per task to integrate on several threads.
/// The driver is freed when the instance is released.
public final class ODEIntegrator {
    /// dydt ← f(t, y). Both buffers have `dimension` elements.
    public typealias RightHandSide = (_ t: Double, _ y: UnsafeBufferPointer<Double>, _ dydt: UnsafeMutableBufferPointer<Double>) throws -> Void

    public let dimension: Int
    private let box: CallbackBox<RightHandSide>
    private let system: UnsafeMutablePointer<gsl_odeiv2_system>
    private let driver: UnsafeMutablePointer<gsl_odeiv2_driver>

    /// - Parameters:
    ///   - initialStep: the first trial step (the driver adapts it).
    ///   - absoluteTolerance, relativeTolerance: local error control per step.
    public init(dimension: Int, initialStep: Double, absoluteTolerance: Double = 1e-9,
                relativeTolerance: Double = 1e-9, _ rhs: @escaping RightHandSide) throws {
        _ = errorHandlerOff
        guard dimension > 0, initialStep > 0, initialStep.isFinite else {
            throw GSLError.invalidArgument("an ODE needs dimension > 0 and a positive initial step")
        }
        self.dimension = dimension
        box = CallbackBox(rhs)
        system = .allocate(capacity: 1)
        system.initialize(to: gsl_odeiv2_system(function: { t, y, dydt, params in
            let box = Unmanaged<DimensionedBox>.fromOpaque(params!).takeUnretainedValue()
            let n = box.dimension
            do {
                try box.body.body(t, UnsafeBufferPointer(start: y, count: n), UnsafeMutableBufferPointer(start: dydt, count: n))
            } catch { box.body.error = error; return Int32(GSL_EBADFUNC) }
            for i in 0..<n where !dydt![i].isFinite {
                box.body.error = GSLError.nonFiniteValue(routine: "ODE right-hand side", at: t); return Int32(GSL_EBADFUNC)
            }
            return Int32(GSL_SUCCESS)
        }, jacobian: nil, dimension: dimension, params: nil))
        // params must outlive the driver: the box is owned by self, the pointer is unretained.
        let holder = DimensionedBox(body: box, dimension: dimension)
        self.holder = holder
        system.pointee.params = Unmanaged.passUnretained(holder).toOpaque()
        guard let d = gsl_odeiv2_driver_alloc_y_new(system, cgsl_odeiv2_rk8pd(), initialStep, absoluteTolerance, relativeTolerance) else {
            system.deinitialize(count: 1); system.deallocate()
            throw GSLError.invalidArgument("could not allocate an ODE driver")
        }
        driver = d
    }

    private let holder: DimensionedBox

    deinit {
        gsl_odeiv2_driver_free(driver)
        system.deinitialize(count: 1)
        system.deallocate()
    }

    /// Advances `y` from `t0` to `t1` in place. The step-size history is reset, so calls are
    /// independent of each other (a discontinuity in f between calls is handled exactly).
    public func integrate(_ y: inout [Double], from t0: Double, to t1: Double) throws {
        guard y.count == dimension else {
            throw GSLError.invalidArgument("ODE state has \(y.count) elements, expected \(dimension)")
        }
        try check(gsl_odeiv2_driver_reset(driver), "gsl_odeiv2_driver_reset")
        var t = t0
        box.error = nil
        let status = y.withUnsafeMutableBufferPointer { gsl_odeiv2_driver_apply(driver, &t, t1, $0.baseAddress) }
        if let thrown = box.error { box.error = nil; throw thrown }
        try check(status, "gsl_odeiv2_driver_apply")
    }
}

/// The right-hand side and the state dimension, as seen from the C callback.
private final class DimensionedBox {
    let body: CallbackBox<ODEIntegrator.RightHandSide>
    let dimension: Int
    init(body: CallbackBox<ODEIntegrator.RightHandSide>, dimension: Int) { self.body = body; self.dimension = dimension }
}
