import XCTest
import Foundation
@testable import GSL

/// Each wrapper against a closed-form answer, plus its error paths.
final class QuadratureTests: XCTestCase {
    func testIntegralOfSineOverHalfPeriodIsTwo() throws {
        // ∫₀^π sin x dx = 2 exactly.
        let r = try Quadrature.integrate(from: 0, to: .pi) { sin($0) }
        XCTAssertEqual(r.value, 2, accuracy: 1e-12)
        XCTAssertLessThan(r.absoluteError, 1e-10)
    }

    func testBreakpointsHandleAKink() throws {
        // ∫₀² |x − 1| dx = 1; the kink at x = 1 is passed to qagp.
        let r = try Quadrature.integrate(from: 0, to: 2, breakpoints: [1]) { abs($0 - 1) }
        XCTAssertEqual(r.value, 1, accuracy: 1e-13)
    }

    func testReversedBoundsChangeSign() throws {
        let r = try Quadrature.integrate(from: 2, to: 0, breakpoints: [1]) { $0 * $0 }
        XCTAssertEqual(r.value, -8.0 / 3.0, accuracy: 1e-12)
    }

    func testCallbackErrorIsRethrown() {
        struct Boom: Error {}
        XCTAssertThrowsError(try Quadrature.integrate(from: 0, to: 1) { x -> Double in if x > 0.5 { throw Boom() }; return x }) {
            XCTAssertTrue($0 is Boom)
        }
    }

    func testNonFiniteIntegrandIsAnError() {
        XCTAssertThrowsError(try Quadrature.integrate(from: -1, to: 1) { 1 / ($0 - $0) })
    }
}

final class RootAndMinimumTests: XCTestCase {
    func testBrentFindsSquareRootOfTwo() throws {
        let x = try RootFinder.brent(in: 0, 2) { $0 * $0 - 2 }
        XCTAssertEqual(x, 2.0.squareRoot(), accuracy: 1e-12)
    }

    func testBrentRejectsAnIntervalWithoutSignChange() {
        XCTAssertThrowsError(try RootFinder.brent(in: 2, 3) { $0 * $0 - 2 }) { error in
            guard case GSLError.invalidArgument = error else { return XCTFail("\(error)") }
        }
    }

    func testMinimumOfCosineIsAtPi() throws {
        let m = try Minimizer.brent(in: 2, 4, guess: 3) { cos($0) }
        XCTAssertEqual(m.x, .pi, accuracy: 1e-6)
        XCTAssertEqual(m.value, -1, accuracy: 1e-12)
    }

    func testMonotonicFunctionReturnsTheLowerEnd() throws {
        let m = try Minimizer.brent(in: 0, 1, guess: 0.5) { $0 }
        XCTAssertEqual(m.x, 0)
    }
}

final class ODETests: XCTestCase {
    func testExponentialDecay() throws {
        // dy/dt = −k y, y(0) = 1  →  y(t) = e^{−kt}.
        let k = 0.7
        let ode = try ODEIntegrator(dimension: 1, initialStep: 1e-3) { _, y, dydt in dydt[0] = -k * y[0] }
        var y = [1.0]
        try ode.integrate(&y, from: 0, to: 3)
        XCTAssertEqual(y[0], exp(-k * 3), accuracy: 1e-8)
        // Reusing the driver from another start gives the same answer.
        var z = [1.0]
        try ode.integrate(&z, from: 10, to: 13)
        XCTAssertEqual(z[0], y[0], accuracy: 1e-10)
    }

    func testHarmonicOscillatorConservesPhase() throws {
        let ode = try ODEIntegrator(dimension: 2, initialStep: 1e-3) { _, y, dydt in dydt[0] = y[1]; dydt[1] = -y[0] }
        var y = [1.0, 0.0]
        try ode.integrate(&y, from: 0, to: 2 * .pi)
        XCTAssertEqual(y[0], 1, accuracy: 1e-7)
        XCTAssertEqual(y[1], 0, accuracy: 1e-7)
    }

    func testRightHandSideErrorIsRethrown() throws {
        struct Boom: Error {}
        let ode = try ODEIntegrator(dimension: 1, initialStep: 1e-3) { t, _, _ in if t > 0.5 { throw Boom() } }
        var y = [0.0]
        XCTAssertThrowsError(try ode.integrate(&y, from: 0, to: 1)) { XCTAssertTrue($0 is Boom) }
    }

    func testDriversOnSeveralThreadsAgree() throws {
        var results = [Double](repeating: 0, count: 8)
        results.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                let ode = try! ODEIntegrator(dimension: 1, initialStep: 1e-3) { _, y, dydt in dydt[0] = -y[0] }
                var y = [Double(i + 1)]
                try! ode.integrate(&y, from: 0, to: 1)
                out[i] = y[0] / Double(i + 1)
            }
        }
        for r in results { XCTAssertEqual(r, exp(-1), accuracy: 1e-8) }
    }
}

final class RandomTests: XCTestCase {
    func testSameSeedSameSequence() throws {
        let a = try RandomGenerator(seed: 42), b = try RandomGenerator(seed: 42)
        for _ in 0..<100 { XCTAssertEqual(a.uniform(), b.uniform()) }
    }

    func testNormalMoments() throws {
        // Mean and variance of 200 000 draws of N(3, 2²): standard errors 0.0045 and 0.013.
        let rng = try RandomGenerator(seed: 1)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n { let x = rng.normal(mean: 3, sd: 2); sum += x; sumSq += x * x }
        let mean = sum / Double(n), variance = sumSq / Double(n) - mean * mean
        XCTAssertEqual(mean, 3, accuracy: 0.02)
        XCTAssertEqual(variance, 4, accuracy: 0.06)
    }

    func testTriangularMean() throws {
        // Mean of a triangular(a, c, b) is (a + b + c)/3.
        let rng = try RandomGenerator(seed: 7)
        let n = 200_000
        var sum = 0.0
        for _ in 0..<n { sum += rng.triangular(lower: 1, mode: 2, upper: 6) }
        XCTAssertEqual(sum / Double(n), 3, accuracy: 0.01)
    }

    func testLognormalMedianFromQuantile() {
        // The median of a lognormal is e^mu.
        XCTAssertEqual(Quantile.lognormal(0.5, mu: 1, sigma: 0.5), exp(1), accuracy: 1e-12)
        XCTAssertEqual(Quantile.normal(0.975, mean: 0, sd: 1), 1.959964, accuracy: 1e-6)
    }

    func testSobolFirstPoints() throws {
        // Sobol's sequence in GSL starts 0.5, then 0.75/0.25 in the first two dimensions.
        let s = try SobolSequence(dimension: 2)
        XCTAssertEqual(try s.next(), [0.5, 0.5])
        XCTAssertEqual(try s.next(), [0.75, 0.25])
        XCTAssertThrowsError(try SobolSequence(dimension: 41))
    }
}

final class InterpolationTests: XCTestCase {
    func testLinearIsExactOnALine() throws {
        let f = try Interpolator(x: [0, 1, 2, 3], y: [1, 3, 5, 7], method: .linear)
        XCTAssertEqual(try f(1.25), 3.5, accuracy: 1e-14)
    }

    func testSteffenStaysMonotonic() throws {
        let f = try Interpolator(x: [0, 1, 2, 3, 4], y: [0, 0, 1, 1, 1])
        var previous = -Double.infinity
        for i in 0...400 { let v = try f(Double(i) / 100); XCTAssertGreaterThanOrEqual(v, previous - 1e-15); previous = v }
    }

    func testOutOfRangeAndBadTablesAreErrors() throws {
        let f = try Interpolator(x: [0, 1, 2], y: [0, 1, 4], method: .linear)
        XCTAssertThrowsError(try f(2.5))
        XCTAssertThrowsError(try Interpolator(x: [0, 0, 1], y: [1, 2, 3]))
        XCTAssertThrowsError(try Interpolator(x: [0, 1], y: [1]))
    }
}
