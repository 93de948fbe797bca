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
        let pair = try KeyValue.parse(text, flag: "--vary", expected: "KEY=LO:HI:N[:log] or KEY=a,b,c", accepted: "e.g. launch.cost_per_kg_usd=50:1000:20:log")
        let key = pair.key
        let spec = pair.value.trimmingCharacters(in: .whitespaces)
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
