import Foundation

/// A full grid (the first axis outermost, the last varying fastest), optionally one shard of it.
public struct SweepPlan: Sendable {
    public let setup: StudySetup
    public let axes: [SweepAxis]
    public let total: Int
    /// The points of this shard: a contiguous block, so the shards in order concatenate to the
    /// whole grid.
    public let range: Range<Int>
    public let shard: (index: Int, count: Int)
    public let format: SweepFormat
    /// `"key":` of the axes and of the metrics, for JSON lines.
    let axisKeys: [String]
    let metricKeys: [String]
    /// The same as UTF-8 bytes, for the row writer.
    let axisKeyBytes: [[UInt8]]
    let metricKeyBytes: [[UInt8]]
    /// The most bytes a row of numbers takes (`rowBytesBound` adds its texts): each value at most
    /// `NumberTextCache.slot` bytes and a separator, the JSON keys, the error field's frame.
    let fixedRowBytes: Int

    public enum SweepFormat: String, Sendable { case csv, jsonl }

    public init(setup: StudySetup, axes: [SweepAxis], shard: (index: Int, count: Int) = (0, 1), format: SweepFormat = .csv) throws {
        guard !axes.isEmpty else { throw ScenarioError(file: "--vary", "a sweep needs at least one --vary KEY=…", accepted: "KEY=LO:HI:N[:log] or KEY=a,b,c") }
        var seen = Set<String>()
        for a in axes {
            let id = a.input.parameterKey + (a.input.orbital != nil ? "o" : "") + (a.input.terrestrial != nil ? "t" : "")
            guard seen.insert(id).inserted else { throw ScenarioError(file: "--vary", key: a.input.key, "is varied twice") }
        }
        var total = 1
        for a in axes {
            let (p, overflow) = total.multipliedReportingOverflow(by: a.count)
            guard !overflow else { throw ScenarioError(file: "--vary", "the grid has more than 2^63 points") }
            total = p
        }
        guard shard.count >= 1, (0..<shard.count).contains(shard.index) else {
            throw ScenarioError(file: "--shard", "\(shard.index)/\(shard.count) is not a shard", accepted: "I/N with 0 ≤ I < N")
        }
        self.setup = setup
        self.axes = axes
        self.total = total
        self.shard = shard
        self.format = format
        axisKeys = axes.map { jsonString($0.input.key) + ":" }
        metricKeys = format == .jsonl ? setup.metrics.map { jsonString($0) + ":" } : setup.metrics.map { _ in "" }
        axisKeyBytes = axisKeys.map { Array($0.utf8) }
        metricKeyBytes = metricKeys.map { Array($0.utf8) }
        fixedRowBytes = (axes.count + setup.metrics.count) * (NumberTextCache.slot + 1) + (axisKeyBytes + metricKeyBytes).reduce(0) { $0 + $1.count } + 32
        range = SweepPlan.block(shard.index, of: shard.count, total: total)
    }

    /// The i-th of n near-equal contiguous blocks of 0..<total.
    public static func block(_ i: Int, of n: Int, total: Int) -> Range<Int> {
        let q = total / n, r = total % n
        let start = i * q + min(i, r)
        return start..<(start + q + (i < r ? 1 : 0))
    }

    /// The axis indices of grid point `p` (mixed radix, last axis fastest).
    public func indices(of p: Int) -> [Int] {
        var rest = p
        var out = [Int](repeating: 0, count: axes.count)
        for k in stride(from: axes.count - 1, through: 0, by: -1) {
            out[k] = rest % axes[k].count
            rest /= axes[k].count
        }
        return out
    }

    public func values(of p: Int) -> [ParameterValue] {
        zip(axes, indices(of: p)).map { $0.value(at: $1) }
    }
}
