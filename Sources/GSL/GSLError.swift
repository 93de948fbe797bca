import CGSL

/// An error reported by a GSL routine, or thrown by a Swift callback that GSL was calling.
public enum GSLError: Error, CustomStringConvertible, Equatable {
    /// GSL returned a non-zero status. `message` is `gsl_strerror(code)`.
    case status(code: Int32, message: String, routine: String)
    /// The arguments were rejected before GSL was called (empty bracket, mismatched arrays, …).
    case invalidArgument(String)
    /// A callback returned a non-finite value at `x`.
    case nonFiniteValue(routine: String, at: Double)

    public var description: String {
        switch self {
        case let .status(code, message, routine): return "\(routine): \(message) (GSL status \(code))"
        case let .invalidArgument(text): return text
        case let .nonFiniteValue(routine, x): return "\(routine): the function is not finite at \(x)"
        }
    }
}

/// GSL's default handler aborts the process. It is switched off once, before the first GSL call
/// of this module; every status is then checked and thrown as a `GSLError`.
let errorHandlerOff: Void = { _ = gsl_set_error_handler_off() }()

@inline(__always)
func check(_ status: Int32, _ routine: String) throws {
    if status != Int32(GSL_SUCCESS) {
        throw GSLError.status(code: status, message: String(cString: gsl_strerror(status)), routine: routine)
    }
}

/// Carries a Swift closure through GSL's `void *params`, and remembers the first Swift error
/// (or non-finite value) raised inside it so that it can be rethrown after GSL returns.
final class CallbackBox<F> {
    let body: F
    var error: Error?
    init(_ body: F) { self.body = body }
}
