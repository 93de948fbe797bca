@testable import OrbitalCompute
import XCTest

/// Sweep rows are written as bytes; every number must read exactly as `jsonNumber` writes it,
/// through the per-column text cache as without it.
final class RowWriterTests: XCTestCase {
    private func text(_ buffer: ByteBuffer) -> String { buffer.string }

    func testNumbersAreWrittenAsJsonNumberWrites() {
        var generator = SystemRandomNumberGenerator()
        var special: [Double] = [0, -0.0, 1, -1, 0.1, 0.040054989489288706, 1e-5, 1e15, 1e15 - 1, -(1e15 - 1), 1e16, 2.5e-308, 5e-324,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 123456789012345.6, 4.803533241949619]
        for _ in 0..<50_000 { special.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1)) }
        for _ in 0..<10_000 { special.append(Double(Int64.random(in: -999_999_999_999_999...999_999_999_999_999))) }
        let buffer = ByteBuffer(capacity: 64)
        for x in special {
            buffer.removeAll()
            buffer.write(atMost: NumberTextCache.slot) { $0.number(x) }
            XCTAssertEqual(text(buffer), jsonNumber(x), "\(x)")
        }
    }

    /// Columns whose values repeat, change and come back: the cached text is always the value's.
    func testTheTextCacheWritesWhatTheWriterWrites() {
        var generator = SystemRandomNumberGenerator()
        let palette: [Double] = [0, -0.0, 1, 0.1, 12447, 4.016069682060002, -2.2250738585072014e-308, 1e300, 5e-324]
        var cache = NumberTextCache(columns: 4)
        let cached = ByteBuffer(capacity: 16), plain = ByteBuffer(capacity: 16)
        for _ in 0..<20_000 {
            let column = Int.random(in: 0..<5, using: &generator)  // column 4 is past the cache: written plainly
            let x = Bool.random(using: &generator) ? palette.randomElement(using: &generator)! : Double.random(in: -1e6...1e6, using: &generator)
            cached.write(atMost: NumberTextCache.slot + 1) { cache.write(x, column: column, to: &$0); $0.put(UInt8(ascii: ",")) }
            plain.write(atMost: NumberTextCache.slot + 1) { $0.number(x); $0.put(UInt8(ascii: ",")) }
        }
        XCTAssertEqual(text(cached), text(plain))
    }
}

/// Monte Carlo percentiles by selection equal the sorted type-7 ones.
final class SelectionPercentileTests: XCTestCase {
    func testSelectionGivesTheSortedPercentiles() {
        var generator = SystemRandomNumberGenerator()
        for n in [1, 2, 3, 5, 20, 101, 1000, 4097] {
            for _ in 0..<20 {
                var values = (0..<n).map { _ in Double(Int.random(in: -50...50, using: &generator)) / 7 }
                if n > 10 { values[3] = values[4]; values[5] = values[4] }  // ties
                let sorted = values.sorted()
                for p in [0.05, 0.5, 0.95, 0.0, 1.0] {
                    var copy = values
                    XCTAssertEqual(MonteCarlo.selectedPercentile(&copy, p), MonteCarlo.percentile(sorted, p), "n \(n) p \(p)")
                }
                let s = MonteCarlo.summarize("x", values + [.nan])
                XCTAssertEqual(s.min, sorted.first); XCTAssertEqual(s.max, sorted.last)
            }
        }
    }
}
