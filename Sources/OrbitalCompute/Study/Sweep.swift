import Foundation

/// One axis of a sweep: `KEY=LO:HI:N` (N evenly spaced values, both ends included),
/// `KEY=LO:HI:N:log` (evenly spaced in log, LO > 0), or an explicit list `KEY=a,b,c` (numbers,
/// or names for a choice such as `power.eclipse_strategy=battery,throttle`). N = 1 gives LO.
public struct SweepAxis: Sendable {
    public enum Values: Sendable, Equatable {
        case linear(lower: Double, upper: Double, count: Int)
        case logarithmic(lower: Double, upper: Double, count: Int)
        case list([ParameterValue])
    }

    public let input: StudyInput
    public let values: Values

    public var count: Int {
        switch values {
        case let .linear(_, _, n), let .logarithmic(_, _, n): return n
        case let .list(items): return items.count
        }
    }

    /// The i-th value (i in 0..<count). Ends are exact.
    @inline(__always)
    public func value(at i: Int) -> ParameterValue { values.value(at: i) }
}

extension SweepAxis.Values {
    public var count: Int {
        switch self {
        case let .linear(_, _, n), let .logarithmic(_, _, n): return n
        case let .list(items): return items.count
        }
    }

    /// The i-th value (i in 0..<count). Ends are exact.
    @inline(__always)
    public func value(at i: Int) -> ParameterValue {
        switch self {
        case let .linear(a, b, n):
            if n == 1 || i == 0 { return .number(a) }
            if i == n - 1 { return .number(b) }
            return .number(a + (b - a) * Double(i) / Double(n - 1))
        case let .logarithmic(a, b, n):
            if n == 1 || i == 0 { return .number(a) }
            if i == n - 1 { return .number(b) }
            return .number(exp(log(a) + (log(b) - log(a)) * Double(i) / Double(n - 1)))
        case let .list(items): return items[i]
        }
    }
}

extension SweepAxis {
    /// Parses and validates `KEY=…` against the study's scenarios, before any work is done.
    public static func parse(_ text: String, setup: StudySetup) throws -> SweepAxis {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw ScenarioError(file: "--vary", key: text, "expected KEY=LO:HI:N[:log] or KEY=a,b,c", accepted: "e.g. launch.cost_per_kg_usd=50:1000:20:log")
        }
        let key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let spec = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        let input = try setup.resolve(key)
        func fail(_ why: String) -> ScenarioError {
            ScenarioError(file: "--vary", key: key, "'\(spec)': \(why)", accepted: "LO:HI:N[:log] with LO ≤ HI and N ≥ 1, or a,b,c")
        }
        let values: Values
        if spec.contains(":") {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3 || (parts.count == 4 && parts[3].lowercased() == "log") else { throw fail("not LO:HI:N or LO:HI:N:log") }
            guard input.isNumeric else { throw fail("\(input.parameterKey) is a choice: list its options, e.g. a,b") }
            guard let lo = Scenario.number(parts[0]), let hi = Scenario.number(parts[1]) else { throw fail("LO and HI must be numbers") }
            guard let n = Int(parts[2].replacingOccurrences(of: "_", with: "")) else { throw fail("N must be a whole number") }
            guard n >= 1 else { throw fail("N must be at least 1") }
            guard lo <= hi else { throw fail("LO > HI") }
            guard n == 1 || lo < hi else { throw fail("LO = HI with N > 1 repeats one value") }
            if parts.count == 4 {
                guard lo > 0 else { throw fail("a log axis needs LO > 0") }
                values = .logarithmic(lower: lo, upper: hi, count: n)
            } else {
                values = .linear(lower: lo, upper: hi, count: n)
            }
        } else {
            let items = spec.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !items.isEmpty, !items.contains(where: \.isEmpty) else { throw fail("an empty value in the list") }
            values = .list(items.map { Scenario.number($0).map(ParameterValue.number) ?? .text($0) })
        }
        let axis = SweepAxis(input: input, values: values)
        // Validate: both ends of a range (values are monotonic), every value of a list or of a
        // whole-number parameter.
        var probe: [Int] = [0, axis.count - 1]
        if case .list = values { probe = Array(0..<axis.count) }
        if case .integer = input.info.domain { probe = Array(0..<min(axis.count, 100_000)) }
        for i in probe { try setup.validate(axis.value(at: i), for: input) }
        return axis
    }
}

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

    /// Prepares `path` to continue an interrupted run of `plan`: drops a partial last line and
    /// returns how many rows are complete (a missing or empty file: 0 rows, the header written).
    /// Nothing is changed until the file is shown to be this sweep's own: its fingerprint file
    /// (`SweepPlan.fingerprintPath`) must match the plan, and its header and last complete row
    /// must be the plan's.
    public static func resume(_ plan: SweepPlan, path: String, toolVersion: String) throws -> Int {
        let fm = FileManager.default
        let header = plan.header ?? ""
        let fingerprint = plan.fingerprint(toolVersion: toolVersion)
        let fingerprintPath = SweepPlan.fingerprintPath(of: path)
        if !fm.fileExists(atPath: path) || ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0 {
            try writeAtomically(fingerprint, to: fingerprintPath)
            try Data(header.utf8).write(to: URL(fileURLWithPath: path))
            return 0
        }
        guard let recorded = try? String(contentsOfFile: fingerprintPath, encoding: .utf8) else {
            throw ScenarioError(file: path, "has no sweep fingerprint (\(fingerprintPath)): it was not written by orbital sweep, so --resume leaves it untouched",
                                accepted: "a file written by orbital sweep --output; another --output, or drop --resume to overwrite")
        }
        if recorded != fingerprint {
            func fields(_ text: String) -> [String: String] {
                var out: [String: String] = [:]
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                    if parts.count == 2 { out[parts[0]] = parts[1] }
                }
                return out
            }
            let old = fields(recorded), new = fields(fingerprint)
            let differing = new.keys.sorted().filter { old[$0] != new[$0] }
            throw ScenarioError(file: path, "was written by a different sweep (\(differing.isEmpty ? "fingerprint" : differing.joined(separator: ", ")) differ): --resume refuses to mix two sweeps",
                                accepted: "the same scenario, --set, --vary, --against, --shard, --format and orbital version; or another --output")
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw ScenarioError(file: path, "cannot be opened to resume") }
        defer { try? handle.close() }
        // Stream through the file: count newlines, remember where the last complete line starts.
        var lines = 0
        var offset: UInt64 = 0
        var lastLineEnd: UInt64 = 0, previousLineEnd: UInt64 = 0
        var firstLine = Data()
        var firstDone = false
        while true {
            let data = handle.readData(ofLength: 1 << 20)
            if data.isEmpty { break }
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                for (i, byte) in raw.enumerated() where byte == 0x0A {
                    lines += 1
                    previousLineEnd = lastLineEnd
                    lastLineEnd = offset + UInt64(i) + 1
                }
            }
            if !firstDone {
                if let nl = data.firstIndex(of: 0x0A) { firstLine.append(data[data.startIndex...nl]); firstDone = true } else { firstLine.append(data) }
            }
            offset += UInt64(data.count)
        }
        let headerLines = header.isEmpty ? 0 : 1
        if headerLines == 1 && lines > 0 {
            guard String(decoding: firstLine, as: UTF8.self) == header else {
                throw ScenarioError(file: path, "the header does not match this sweep: cannot resume (use another --output, or drop --resume)")
            }
        }
        let rows = max(0, lines - headerLines)
        guard rows <= plan.range.count else {
            throw ScenarioError(file: path, "has \(rows) rows but this shard has \(plan.range.count) points: cannot resume a different sweep")
        }
        if rows > 0 {
            try handle.seek(toOffset: previousLineEnd)
            let last = String(decoding: handle.readData(ofLength: Int(lastLineEnd - previousLineEnd)), as: UTF8.self)
            let expected = plan.rowPrefix(plan.values(of: plan.range.lowerBound + rows - 1))
            guard last.hasPrefix(expected) else {
                throw ScenarioError(file: path, "row \(rows) does not match this sweep's point \(plan.range.lowerBound + rows - 1): cannot resume a different sweep")
            }
        }
        // Verified: only now drop a partial last line (the run was killed in the middle of a write).
        if headerLines == 1 && lines == 0 {
            try handle.truncate(atOffset: 0)
            handle.write(Data(header.utf8))
            return 0
        }
        if lastLineEnd < offset { try handle.truncate(atOffset: lastLineEnd) }
        return rows
    }
}

extension SweepPlan {
    /// The fingerprint file beside a sweep's output (`FILE.sweep-id`): a sidecar, so that the
    /// output itself stays byte-identical to an unsharded run when shards are concatenated.
    public static func fingerprintPath(of output: String) -> String { output + ".sweep-id" }

    /// What makes this sweep this sweep, one `name value` line each: the tool version, the
    /// scenarios' effective values (file plus --set), the axes, the shard, the format and columns.
    /// Long parts are hashed (FNV-1a, 64 bits: an accidental-mismatch check, not a security one).
    public func fingerprint(toolVersion: String) -> String {
        func scenarioText(_ s: Scenario) -> String {
            s.kind.rawValue + ";" + s.values.keys.sorted().map { "\($0)=\(s.values[$0]!.exactText)" }.joined(separator: ";")
        }
        func axisText(_ a: SweepAxis) -> String {
            let values: String
            switch a.values {
            case let .linear(lo, hi, n): values = "linear:\(lo.bitPattern):\(hi.bitPattern):\(n)"
            case let .logarithmic(lo, hi, n): values = "log:\(lo.bitPattern):\(hi.bitPattern):\(n)"
            case let .list(items): values = "list:" + items.map(\.exactText).joined(separator: ",")
            }
            return a.input.key + "=" + values
        }
        return [
            "orbital-sweep 1",
            "version \(toolVersion)",
            "scenario \(fnv1a(scenarioText(setup.primary)))",
            "ground \(setup.ground.map { fnv1a(scenarioText($0)) } ?? "none")",
            "axes \(fnv1a(axes.map(axisText).joined(separator: "|")))",
            "shard \(shard.index)/\(shard.count)",
            "format \(format.rawValue)",
            "columns \(fnv1a(setup.metrics.joined(separator: ",")))",
        ].joined(separator: "\n") + "\n"
    }
}

extension ParameterValue {
    /// Text that distinguishes every value (numbers by their bits).
    var exactText: String {
        switch self {
        case let .number(x): return "n\(x.bitPattern)"
        case let .text(t): return "t" + t
        }
    }
}

/// FNV-1a, 64 bits, as 16 hex digits.
func fnv1a(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return String(h, radix: 16).leftPadded(to: 16)
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
