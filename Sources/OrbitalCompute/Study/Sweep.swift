import Foundation

/// Runs a sweep plan and streams its rows, in grid order, through `sink`, chunk by chunk:
/// memory stays flat however many points there are.
public enum Sweep {
    /// Points formatted per chunk (the unit of output and of progress).
    public static let chunkSize = 8192

    /// Evaluates points `plan.range.lowerBound + skip ..< plan.range.upperBound`.
    /// - Parameters:
    ///   - sink: receives each chunk's text, in order.
    ///   - progress: called after each chunk with (points done in this shard, points in this shard).
    public static func run(_ plan: SweepPlan, jobs: Int, skip: Int = 0, sink: (String) throws -> Void,
                           progress: ((Int, Int) -> Void)? = nil) throws {
        let blockSize = 64
        let workers = Limits.workers(requested: jobs, work: (plan.range.count + blockSize - 1) / blockSize)
        let evaluators = (0..<workers).map { _ in StudyEvaluator(setup: plan.setup, inputs: plan.axes.map(\.input)) }
        let numeric = plan.axes.allSatisfy { if case .list(let items) = $0.values { return items.allSatisfy { if case .number = $0 { return true }; return false } }; return true }
        let size = plan.range.count
        var done = skip
        let axisValues = plan.axes.map(\.values)
        while done < size {
            let start = plan.range.lowerBound + done
            let n = min(chunkSize, size - done)
            let blocks = SharedSlots<String>(count: (n + blockSize - 1) / blockSize, initial: "")
            Parallel.forEachBlock(count: n, blockSize: blockSize, jobs: evaluators.count) { worker, block in
                let evaluator = evaluators[worker]
                var text = ""
                text.reserveCapacity(block.count * 320)
                var numbers = [Double](repeating: 0, count: axisValues.count)
                // A private copy of the axes' values: no reference counting shared between threads.
                let local = axisValues.map { v -> SweepAxis.Values in if case let .list(items) = v { return .list(items.map { $0 }) }; return v }
                var values = [ParameterValue](repeating: .number(0), count: local.count)
                for i in block {
                    var rest = start + i
                    for k in stride(from: local.count - 1, through: 0, by: -1) {
                        let n = local[k].count
                        values[k] = local[k].value(at: rest % n)
                        rest /= n
                    }
                    do {
                        if numeric {
                            for (k, v) in values.enumerated() { if case let .number(x) = v { numbers[k] = x } }
                            try evaluator.evaluate(numbers: numbers)
                        } else {
                            try evaluator.evaluate(values)
                        }
                        plan.appendRow(values, metrics: evaluator.metrics, error: nil, to: &text)
                    } catch {
                        plan.appendRow(values, metrics: nil, error: errorText(error), to: &text)
                    }
                }
                blocks[block.lowerBound / blockSize] = text
            }
            var chunk = ""
            for b in 0..<blocks.count { chunk += blocks[b] }
            try sink(chunk)
            done += n
            progress?(done, size)
        }
    }
}
