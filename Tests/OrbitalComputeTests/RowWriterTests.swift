@testable import OrbitalCompute
import XCTest

/// Sweep rows are written as bytes; every number must read exactly as `jsonNumber` writes it.
final class RowWriterTests: XCTestCase {
    func testNumbersAreWrittenAsJsonNumberWrites() {
        var generator = SystemRandomNumberGenerator()
        var special: [Double] = [0, -0.0, 1, -1, 0.1, 0.040054989489288706, 1e-5, 1e15, 1e15 - 1, -(1e15 - 1), 1e16, 2.5e-308, 5e-324,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 123456789012345.6, 4.803533241949619]
        for _ in 0..<50_000 { special.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1)) }
        for _ in 0..<10_000 { special.append(Double(Int64.random(in: -999_999_999_999_999...999_999_999_999_999))) }
        var bytes: [UInt8] = []
        for x in special {
            bytes.removeAll(keepingCapacity: true)
            appendNumber(x, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), jsonNumber(x), "\(x)")
        }
    }
}
