import Foundation

/// The rows a sweep writes: CSV with a header, or JSON lines, numbers in their shortest exact form.
/// Rows are written as UTF-8 bytes into a reused buffer (no `String` per number or per row).
extension SweepPlan {
    /// The header line (CSV only; JSON lines have none). Only shard 0 writes it, so that the
    /// shards' files concatenated in order are byte-identical to the unsharded output.
    public var header: String? {
        guard format == .csv, shard.index == 0 else { return nil }
        return (axes.map { Render.csvField($0.input.key) } + setup.metrics + ["error"]).joined(separator: ",") + "\n"
    }

    /// The start of a row: the varied values (also used to check a resumed file against the plan).
    func rowPrefix(_ values: [ParameterValue]) -> String {
        var bytes: [UInt8] = []
        appendPrefix(values, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    func appendPrefix(_ values: [ParameterValue], to line: inout [UInt8]) {
        switch format {
        case .csv:
            for v in values {
                switch v {
                case let .number(x): appendNumber(x, to: &line)
                case let .text(t): line.append(contentsOf: Render.csvField(t).utf8)
                }
                line.append(UInt8(ascii: ","))
            }
        case .jsonl:
            line.append(UInt8(ascii: "{"))
            for (k, v) in values.enumerated() {
                line.append(contentsOf: axisKeyBytes[k])
                switch v {
                case let .number(x): appendNumber(x, to: &line)
                case let .text(t): line.append(contentsOf: jsonString(t).utf8)
                }
                line.append(UInt8(ascii: ","))
            }
        }
    }

    /// Appends a complete output row with its newline.
    func appendRow(_ values: [ParameterValue], metrics: [Double]?, error: String?, to line: inout [UInt8]) {
        appendPrefix(values, to: &line)
        switch format {
        case .csv:
            if let metrics {
                for x in metrics { if x.isFinite { appendNumber(x, to: &line) }; line.append(UInt8(ascii: ",")) }
            } else {
                for _ in 0..<metricKeyBytes.count { line.append(UInt8(ascii: ",")) }
            }
            if let error { line.append(contentsOf: Render.csvField(error).utf8) }
            line.append(UInt8(ascii: "\n"))
        case .jsonl:
            for k in 0..<metricKeyBytes.count {
                line.append(contentsOf: metricKeyBytes[k])
                if let x = metrics?[k], x.isFinite { appendNumber(x, to: &line) } else { line.append(contentsOf: "null".utf8) }
                line.append(UInt8(ascii: ","))
            }
            line.append(contentsOf: "\"error\":".utf8)
            if let error { line.append(contentsOf: jsonString(error).utf8) } else { line.append(contentsOf: "null".utf8) }
            line.append(contentsOf: "}\n".utf8)
        }
    }

    /// A complete output row with its newline.
    func row(_ values: [ParameterValue], metrics: [Double]?, error: String?) -> String {
        var bytes: [UInt8] = []
        appendRow(values, metrics: metrics, error: error, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A text stream into bytes: `Double.write(to:)` hands its shortest round-trip digits (the text
/// of `description`) to `_writeASCII` as a buffer, so no String is made.
struct ByteStream: TextOutputStream {
    var bytes: [UInt8]
    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}

/// Appends the text of `jsonNumber(x)` as bytes: an integer below 1e15 as its digits, anything
/// else as `x.description` (the shortest text that reads back as the same Double), without
/// building a String.
@inline(__always)
func appendNumber(_ x: Double, to out: inout [UInt8]) {
    if x == x.rounded(), abs(x) < 1e15 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            // Digits from the right, then the sign.
            let base = buffer.baseAddress!
            var v = Int64(x)
            let negative = v < 0
            if negative { v = -v }
            var i = 20
            repeat {
                i -= 1
                base[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            } while v != 0
            if negative { i -= 1; base[i] = UInt8(ascii: "-") }
            out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: 20 - i))
        }
    } else {
        var stream = ByteStream(bytes: [])
        swap(&stream.bytes, &out)
        x.write(to: &stream)
        swap(&stream.bytes, &out)
    }
}
