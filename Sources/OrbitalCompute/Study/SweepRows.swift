import Foundation

/// The rows a sweep writes: CSV with a header, or JSON lines, numbers in their shortest exact form.
extension SweepPlan {
    /// The header line (CSV only; JSON lines have none). Only shard 0 writes it, so that the
    /// shards' files concatenated in order are byte-identical to the unsharded output.
    public var header: String? {
        guard format == .csv, shard.index == 0 else { return nil }
        return (axes.map { Render.csvField($0.input.key) } + setup.metrics + ["error"]).joined(separator: ",") + "\n"
    }

    /// The start of a row: the varied values (also used to check a resumed file against the plan).
    func rowPrefix(_ values: [ParameterValue]) -> String {
        var line = ""
        appendPrefix(values, to: &line)
        return line
    }

    @inline(__always)
    func appendPrefix(_ values: [ParameterValue], to line: inout String) {
        switch format {
        case .csv:
            for v in values {
                switch v {
                case let .number(x): appendNumber(x, to: &line)
                case let .text(t): line += Render.csvField(t)
                }
                line += ","
            }
        case .jsonl:
            line += "{"
            for (k, v) in values.enumerated() {
                line += axisKeys[k]
                switch v {
                case let .number(x): appendNumber(x, to: &line)
                case let .text(t): line += jsonString(t)
                }
                line += ","
            }
        }
    }

    /// Appends a complete output row with its newline.
    func appendRow(_ values: [ParameterValue], metrics: [Double]?, error: String?, to line: inout String) {
        appendPrefix(values, to: &line)
        switch format {
        case .csv:
            if let metrics {
                for x in metrics { if x.isFinite { appendNumber(x, to: &line) }; line += "," }
            } else {
                line += String(repeating: ",", count: metricKeys.count)
            }
            if let error { line += Render.csvField(error) }
            line += "\n"
        case .jsonl:
            for (k, key) in metricKeys.enumerated() {
                line += key
                if let x = metrics?[k], x.isFinite { appendNumber(x, to: &line) } else { line += "null" }
                line += ","
            }
            line += "\"error\":"
            line += error.map(jsonString) ?? "null"
            line += "}\n"
        }
    }

    /// A complete output row with its newline.
    func row(_ values: [ParameterValue], metrics: [Double]?, error: String?) -> String {
        var line = ""
        appendRow(values, metrics: metrics, error: error, to: &line)
        return line
    }
}

/// The shortest text that reads back as the same Double (as `jsonNumber`), without going
/// through string interpolation (whose dynamic casts cost more than the model in a sweep).
@inline(__always)
func appendNumber(_ x: Double, to line: inout String) {
    if x == x.rounded(), abs(x) < 1e15 { line += String(Int64(x)) } else { line += x.description }
}
