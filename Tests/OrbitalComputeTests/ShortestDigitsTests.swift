import XCTest
@testable import OrbitalCompute

/// `writeShortest` (Schubfach, Giulietti 2020) writes exactly `Double.description`'s text: the
/// shortest digits that read back as the same double, closest to it, in Swift's layout. The
/// development check compared 246 million values (Scripts/shortest-digits-table.py regenerates
/// and proves its table); this keeps a sample of every hard case in the suite.
final class ShortestDigitsTests: XCTestCase {
    private func check(_ x: Double, file: StaticString = #filePath, line: UInt = #line) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let n = writeShortest(x, to: buffer.baseAddress!)
            XCTAssertEqual(String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self), x.description,
                           "bits 0x\(String(x.bitPattern, radix: 16))", file: file, line: line)
        }
    }

    func testFixedCases() {
        for x in [0.0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1e-5, 1e-4, 0.0001234, 1e16, 1e15, 1234567890123456, 9007199254740992, 9007199254740994,
                  4.016069682060002, 40570920483.810776, 0.040054989489288706, 5e-324, 1e-323, 2.2250738585072014e-308, 1.7976931348623157e308,
                  .infinity, -.infinity, 123.456, 100, 1e22, 1e23, 5e-1] { check(x) }
        check(.nan)
    }

    /// Every power of ten and of two over the whole range, with its neighbours (layout switches,
    /// table entries, binade edges).
    func testPowersAndNeighbours() {
        var values: [Double] = []
        for k in -323...308 { values.append(Double("1e\(k)")!) }
        for e in -1074...1023 { values.append(Double(sign: .plus, exponent: e, significand: 1)) }
        for v in values {
            var down = v, up = v
            for _ in 0..<3 { down = down.nextDown; up = up.nextUp; check(down); check(up) }
            check(v); check(-v)
        }
    }

    /// Random bit patterns (every finite double equally likely per pattern) and random figures
    /// in the ranges the model writes.
    func testRandomValues() {
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        while checked < 200_000 {
            let x = Double(bitPattern: rng.next())
            guard x.isFinite else { continue }
            check(x); checked += 1
        }
        for _ in 0..<200_000 {
            let x = pow(10, Double.random(in: -6...16, using: &rng)) * (Bool.random(using: &rng) ? 1 : -1)
            check(x)
        }
    }
}
