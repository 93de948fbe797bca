import Foundation

/// The rows a sweep writes: CSV with a header, or JSON lines, numbers in their shortest exact form.
/// Rows are written as UTF-8 bytes through a raw cursor into a reused buffer (`ByteBuffer`): no
/// `String` per number or per row, no bounds check or reference count per byte.
extension SweepPlan {
    /// The header line (CSV only; JSON lines have none). Only shard 0 writes it, so that the
    /// shards' files concatenated in order are byte-identical to the unsharded output.
    public var header: String? {
        guard format == .csv, shard.index == 0 else { return nil }
        return (axes.map { Render.csvField($0.input.key) } + setup.metrics + ["error"]).joined(separator: ",") + "\n"
    }

    /// The start of a row: the varied values (also used to check a resumed file against the plan).
    func rowPrefix(_ values: [ParameterValue]) -> String {
        let buffer = ByteBuffer(capacity: 256)
        var cache = NumberTextCache(columns: 0)
        buffer.write(atMost: rowBytesBound(values, error: nil)) { appendPrefix(values, to: &$0, cache: &cache) }
        return buffer.string
    }

    /// The most bytes a row of these values (and error) can take: every number at most
    /// `NumberTextCache.slot` bytes, texts as they are escaped, and the JSON keys.
    func rowBytesBound(_ values: [ParameterValue], error: String?) -> Int {
        var bound = fixedRowBytes
        for v in values { if case let .text(t) = v { bound += textField(t).utf8.count } }
        if let error { bound += textField(error).utf8.count }
        return bound
    }

    /// A text value or error as the format writes it (quoted for CSV when needed; a JSON string).
    func textField(_ t: String) -> String { format == .csv ? Render.csvField(t) : jsonString(t) }

    @inline(__always)
    func appendPrefix(_ values: [ParameterValue], to w: inout ByteWriter, cache: inout NumberTextCache) {
        if format == .jsonl { w.put(UInt8(ascii: "{")) }
        for (k, v) in values.enumerated() {
            if format == .jsonl { w.put(axisKeyBytes[k]) }
            switch v {
            case let .number(x): cache.write(x, column: k, to: &w)
            case let .text(t): w.put(textField(t))
            }
            w.put(UInt8(ascii: ","))
        }
    }

    /// Appends a complete output row with its newline. `cache` keeps the text of each column's
    /// last number (columns: the axes, then the metrics).
    func appendRow(_ values: [ParameterValue], metrics: [Double]?, error: String?, to out: ByteBuffer, cache: inout NumberTextCache) {
        out.write(atMost: rowBytesBound(values, error: error)) { w in
            appendPrefix(values, to: &w, cache: &cache)
            let first = values.count
            switch format {
            case .csv:
                if let metrics {
                    for (j, x) in metrics.enumerated() { if x.isFinite { cache.write(x, column: first + j, to: &w) }; w.put(UInt8(ascii: ",")) }
                } else {
                    for _ in 0..<metricKeyBytes.count { w.put(UInt8(ascii: ",")) }
                }
                if let error { w.put(textField(error)) }
                w.put(UInt8(ascii: "\n"))
            case .jsonl:
                for k in 0..<metricKeyBytes.count {
                    w.put(metricKeyBytes[k])
                    if let x = metrics?[k], x.isFinite { cache.write(x, column: first + k, to: &w) } else { w.put(Self.null) }
                    w.put(UInt8(ascii: ","))
                }
                w.put(Self.errorKey)
                if let error { w.put(textField(error)) } else { w.put(Self.null) }
                w.put(Self.closing)
            }
        }
    }

    private static let null = Array("null".utf8), errorKey = Array("\"error\":".utf8), closing = Array("}\n".utf8)

    /// A complete output row with its newline.
    func row(_ values: [ParameterValue], metrics: [Double]?, error: String?) -> String {
        let buffer = ByteBuffer(capacity: 1024)
        var cache = NumberTextCache(columns: 0)
        appendRow(values, metrics: metrics, error: error, to: buffer, cache: &cache)
        return buffer.string
    }
}

/// A growable byte buffer written through a raw cursor (`write(atMost:)`): a row reserves its
/// largest size once, then writes byte by byte without checks. One per block of a sweep's chunk,
/// reused chunk after chunk; written by one worker at a time.
final class ByteBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 12) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        base.initialize(repeating: 0, count: self.capacity)  // a cached number's slot is copied whole
    }
    deinit { base.deallocate() }

    func removeAll() { count = 0 }

    /// Lets `body` write at most `bound` bytes after the current end, then keeps what it wrote.
    @inline(__always)
    func write(atMost bound: Int, _ body: (inout ByteWriter) throws -> Void) rethrows {
        if count + bound > capacity { grow(to: count + bound) }
        var w = ByteWriter(p: base + count)
        try body(&w)
        count = w.p - base
        precondition(count <= capacity, "a row wrote more than its bound")
    }

    func append(_ other: ByteBuffer) {
        write(atMost: other.count) { $0.put(UnsafeBufferPointer(start: other.base, count: other.count)) }
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    private func grow(to needed: Int) {
        var size = capacity
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.initialize(repeating: 0, count: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }
}

/// The cursor of `ByteBuffer.write(atMost:)`.
struct ByteWriter {
    var p: UnsafeMutablePointer<UInt8>

    @inline(__always) mutating func put(_ byte: UInt8) { p.pointee = byte; p += 1 }
    @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        p.update(from: from, count: bytes.count)
        p += bytes.count
    }
    @inline(__always) mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { put($0) } }
    mutating func put(_ text: String) { var text = text; text.withUTF8 { put($0) } }

    /// The text of `jsonNumber(x)`: an integer below 1e15 as its digits, anything else as
    /// `x.description` (the shortest text that reads back as the same Double, by `writeShortest`).
    @inline(__always)
    mutating func number(_ x: Double) {
        if x == x.rounded(), abs(x) < 1e15 {
            var v = Int64(x)
            if v < 0 { put(UInt8(ascii: "-")); v = -v }
            // Digits counted first, then written from the right.
            var digits = 1, rest = v / 10
            while rest != 0 { digits += 1; rest /= 10 }
            var q = p + digits
            p = q
            repeat {
                q -= 1
                q.pointee = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            } while v != 0
        } else {
            p += writeShortest(x, to: p)  // 32 bytes are free here: each number's share of the row's bound
        }
    }
}

/// The text of each column's last number, written again while the value repeats: in a sweep over
/// prices most columns (mass, areas, counts) keep their value from point to point, and an outer
/// axis keeps its value for a whole row of the grid. Compared by bit pattern, so the text is
/// always `ByteWriter.number`'s for that value. With 0 columns it caches nothing.
struct NumberTextCache {
    /// Bytes free at the cursor for each number: `writeShortest` may write that far, and the
    /// longest text is 24 bytes ("-2.2250738585072014e-308").
    static let slot = 32
    private let columns: Int
    private let bits: UnsafeMutablePointer<UInt64>
    private let lengths: UnsafeMutablePointer<Int>
    private let text: UnsafeMutablePointer<UInt8>
    /// Owns the three buffers (the cache itself is a value copied into a worker).
    private let storage: Storage

    private final class Storage {
        let bits: UnsafeMutablePointer<UInt64>, lengths: UnsafeMutablePointer<Int>, text: UnsafeMutablePointer<UInt8>
        init(columns: Int) {
            bits = .allocate(capacity: max(columns, 1)); bits.initialize(repeating: 0, count: max(columns, 1))
            lengths = .allocate(capacity: max(columns, 1)); lengths.initialize(repeating: 0, count: max(columns, 1))
            text = .allocate(capacity: max(columns, 1) * NumberTextCache.slot); text.initialize(repeating: 0, count: max(columns, 1) * NumberTextCache.slot)
        }
        deinit { bits.deallocate(); lengths.deallocate(); text.deallocate() }
    }

    init(columns: Int) {
        self.columns = columns
        storage = Storage(columns: columns)
        bits = storage.bits; lengths = storage.lengths; text = storage.text
    }

    @inline(__always)
    mutating func write(_ x: Double, column j: Int, to w: inout ByteWriter) {
        guard j < columns else { w.number(x); return }
        let slot = text + j * Self.slot
        // Whole slots are copied (a fixed 32 bytes: moves inline, no memmove call); the row's
        // bound leaves 32 bytes free at every number, and the cursor advances by the length.
        if lengths[j] > 0, bits[j] == x.bitPattern {
            UnsafeMutableRawPointer(w.p).copyMemory(from: slot, byteCount: Self.slot)
            w.p += lengths[j]
            return
        }
        let start = w.p
        w.number(x)
        UnsafeMutableRawPointer(slot).copyMemory(from: start, byteCount: Self.slot)
        bits[j] = x.bitPattern
        lengths[j] = w.p - start
    }
}
