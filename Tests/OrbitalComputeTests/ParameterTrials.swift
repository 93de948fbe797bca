import XCTest
@testable import OrbitalCompute

/// Values to try for a parameter in tests that change one input at a time: its base value scaled
/// up and down (or, unset, points inside its accepted range); every option of a choice.
func parameterTrials(_ p: Parameter<OrbitalInputs>, base: ParameterValue?) -> [ParameterValue] {
    switch p.domain {
    case let .choice(options): return options.map(ParameterValue.text)
    case let .real(b), let .integer(b):
        let integer: Bool = { if case .integer = p.domain { return true } else { return false } }()
        var candidates: [Double] = []
        if case let .number(x)? = base { candidates = [x * 1.37, x * 0.61, x + 0.01] } else {
            let upper = b.upper.isFinite ? min(b.upper, max(b.lower, 0) + 100) : max(b.lower, 0) + 100
            candidates = [b.lower + (upper - b.lower) * 0.3, b.lower + (upper - b.lower) * 0.8]
        }
        return candidates.map { ParameterValue.number(b.clamp(integer: integer).apply($0)) }
    }
}
