import Foundation

/// Runs a sweep plan and streams its rows, in grid order, through `sink`, chunk by chunk:
/// memory stays flat however many points there are (one chunk of rows, reused buffers).
public enum Sweep {
    /// Points formatted per chunk (the unit of output and of progress).
    public static let chunkSize = 8192
    /// Points per block a worker takes at a time.
    static let blockSize = 64

    /// Evaluates points `plan.range.lowerBound + skip ..< plan.range.upperBound`.
    /// - Parameters:
    ///   - sink: receives each chunk's text, in order.
    ///   - progress: called after each chunk with (points done in this shard, points in this shard).
    public static func run(_ plan: SweepPlan, jobs: Int, skip: Int = 0, sink: (String) throws -> Void,
                           progress: ((Int, Int) -> Void)? = nil) throws {
        try run(plan, jobs: jobs, skip: skip, bytes: { try sink(String(decoding: $0, as: UTF8.self)) }, progress: progress)
    }

    /// The same, each chunk given as UTF-8 bytes (valid only during the call): no String is built.
    public static func run(_ plan: SweepPlan, jobs: Int, skip: Int = 0, bytes sink: (UnsafeRawBufferPointer) throws -> Void,
                           progress: ((Int, Int) -> Void)? = nil) throws {
        let workers = Limits.workers(requested: jobs, work: (plan.range.count + blockSize - 1) / blockSize)
        let numeric = plan.axes.allSatisfy { if case .list(let items) = $0.values { return items.allSatisfy { if case .number = $0 { return true }; return false } }; return true }
        // Each worker's own state, made once: evaluator, point buffers, a private copy of the axes'
        // values (no reference counting shared between threads).
        let scratch = SharedSlots<Worker?>(count: workers, initial: nil)
        for w in 0..<workers { scratch[w] = Worker(plan: plan) }
        // One byte buffer per block of a chunk, reused chunk after chunk.
        let blockCount = (chunkSize + blockSize - 1) / blockSize
        let blocks = (0..<blockCount).map { _ in ByteBuffer() }
        let chunk = ByteBuffer(capacity: 1 << 20)
        let size = plan.range.count
        var done = skip
        while done < size {
            let start = plan.range.lowerBound + done
            let n = min(chunkSize, size - done)
            Parallel.forEachBlock(count: n, blockSize: blockSize, jobs: workers) { worker, block in
                scratch.withElement(worker) { w in
                    let text = blocks[block.lowerBound / blockSize]
                    text.removeAll()
                    w!.rows(start: start, block, numeric: numeric, plan: plan, into: text)
                }
            }
            chunk.removeAll()
            for b in 0..<((n + blockSize - 1) / blockSize) { chunk.append(blocks[b]) }
            try sink(chunk.bytes)
            done += n
            progress?(done, size)
        }
    }

    /// One worker's evaluator and buffers.
    struct Worker {
        let evaluator: StudyEvaluator
        var numbers: [Double]
        var values: [ParameterValue]
        let axes: [SweepAxis.Values]
        var texts: NumberTextCache

        init(plan: SweepPlan) {
            evaluator = StudyEvaluator(setup: plan.setup, inputs: plan.axes.map(\.input))
            numbers = [Double](repeating: 0, count: plan.axes.count)
            values = [ParameterValue](repeating: .number(0), count: plan.axes.count)
            texts = NumberTextCache(columns: plan.axes.count + plan.setup.columns.count)
            axes = plan.axes.map { a -> SweepAxis.Values in if case let .list(items) = a.values { return .list(items.map { $0 }) }; return a.values }
        }

        /// Evaluates the points `start + i` for i in `block` and appends their rows.
        mutating func rows(start: Int, _ block: Range<Int>, numeric: Bool, plan: SweepPlan, into text: ByteBuffer) {
            for i in block {
                var rest = start + i
                for k in stride(from: axes.count - 1, through: 0, by: -1) {
                    let n = axes[k].count
                    values[k] = axes[k].value(at: rest % n)
                    rest /= n
                }
                do {
                    if numeric {
                        for k in 0..<values.count { if case let .number(x) = values[k] { numbers[k] = x } }
                        try evaluator.evaluate(numbers: numbers)
                    } else {
                        try evaluator.evaluate(values)
                    }
                    plan.appendRow(values, metrics: evaluator.metrics, error: nil, to: text, cache: &texts)
                } catch {
                    plan.appendRow(values, metrics: nil, error: errorText(error), to: text, cache: &texts)
                }
            }
        }
    }
}
