import Foundation
import Yams

/// What the tool refuses before it starts work, so that no input can crash it, hang it or exhaust
/// memory. Each limit has a default a laptop survives and a flag (or environment variable) to
/// raise it; the error names the limit and how to raise it. See docs/limits.md.
public enum Limits {
    /// Largest scenario file read (bytes). A scenario is a few kB; 1 MiB leaves ample room for
    /// descriptions and published figures. Raise with `--max-input-bytes` or ORBITAL_MAX_INPUT_BYTES.
    nonisolated(unsafe) public static var inputBytes = 1 << 20
    /// Deepest YAML nesting accepted, as the pre-scan counts it (an over-count: indentation levels,
    /// two per flow bracket or "- "). A scenario counts 3; the YAML composer recurses per level
    /// and overflowed the stack near 4,000 real levels.
    public static let nestingDepth = 64
    /// Most draws a Monte Carlo run takes without `--max-draws` (under a minute on 2 cores at the
    /// rate `orbital bench` reports as `montecarlo_draws_per_s_2_cores`).
    public static let draws = 10_000_000
    /// Most grid points a sweep takes without `--max-points` (minutes per shard on 2 cores at the
    /// rates `orbital bench` reports; split larger grids with `--shard`).
    public static let sweepPoints = 50_000_000
    /// Most evaluations a Sobol analysis takes without `--max-sobol` ((k + 2) × samples).
    public static let sobolEvaluations = 5_000_000
    /// Most launches a timeline enumerates without `--max-launches` (24 bytes and one present
    /// value per launch: 1 M launches ≈ 24 MB and ≈ 1 s). Real campaigns need thousands.
    public static let timelineLaunches = 1_000_000
    /// Most samples of a timeline series (`--points`).
    public static let timelinePoints = 1_000_000
    /// Worker threads per core: more than a few per core only costs memory.
    public static let jobsPerCore = 4

    /// Workers for `work` independent items: at most the work, and at most `jobsPerCore` per core.
    public static func workers(requested: Int, work: Int) -> Int {
        max(1, min(requested, max(work, 1), ProcessInfo.processInfo.activeProcessorCount * jobsPerCore))
    }

    /// Throws unless `value ≤ limit`, naming the limit and the flag that raises it.
    public static func check(_ value: Int, limit: Int, what: String, flag: String) throws {
        guard value <= limit else {
            throw ScenarioError(file: flag, "\(what) \(value) exceeds the limit of \(limit)", accepted: "at most \(limit); raise it with \(flag) N")
        }
    }

    /// `a × b`, or an error naming `what` when the product overflows.
    public static func product(_ a: Int, _ b: Int, what: String, flag: String) throws -> Int {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw ScenarioError(file: flag, "\(what) overflows a 64-bit count", accepted: "a smaller \(flag)") }
        return p
    }
}

/// A cheap pass over YAML text that bounds its nesting before the composer (which recurses per
/// level) sees it. It follows block indentation, sequence dashes and flow brackets, skipping
/// quoted text, comments and block scalars; it over-counts rather than under-counts.
enum YAMLPrescan {
    /// Levels counted per flow bracket or block indicator: the collection it opens and a
    /// mapping (an implicit `key: value` pair) inside it.
    static let indicatorWeight = 2

    /// The deepest nesting of `text` and the (1-based) line where it is first reached.
    static func depth(of text: String) -> (depth: Int, line: Int) {
        var indents: [Int] = []
        var flow = 0
        var deepest = 0, deepestLine = 1
        var quote: UInt8? = nil
        var blockScalarIndent: Int? = nil   // inside a | or > scalar owned by a key at this indent
        var lineNumber = 0
        for line in lines(of: text) {
            lineNumber += 1
            var i = 0
            while i < line.count, line[i] == UInt8(ascii: " ") { i += 1 }
            let blank = i >= line.count || line[i] == UInt8(ascii: "#") || line[i] == UInt8(ascii: "\r")
            if let owner = blockScalarIndent {
                if blank || i > owner { continue }
                blockScalarIndent = nil
            }
            var level = 0
            if quote == nil && flow == 0 && !blank {
                while let last = indents.last, last >= i { indents.removeLast() }
                indents.append(i)
                // One level per indentation, one for a mapping on the line, and two per "- " or
                // "? " (the collection it opens and a mapping inside its entry): an over-count.
                level = indents.count + 1
                var j = i
                func separated(_ k: Int) -> Bool { k >= line.count || line[k] == UInt8(ascii: " ") || line[k] == UInt8(ascii: "\t") }
                while j < line.count, line[j] == UInt8(ascii: "-") || line[j] == UInt8(ascii: "?"), separated(j + 1) {
                    level += indicatorWeight; j += 1
                    while j < line.count, line[j] == UInt8(ascii: " ") || line[j] == UInt8(ascii: "\t") { j += 1 }
                }
            } else {
                level = indents.count + 1
            }
            var j = i
            while j < line.count {
                let c = line[j]
                if let q = quote {
                    if q == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") { j += 2; continue }
                    if c == q { quote = nil }
                    j += 1; continue
                }
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    // A quote opens a string only at the start of a scalar (after an indicator or
                    // at the line's start), never inside plain text: `a: x 'y` must not hide the
                    // lines that follow from the count.
                    var k = j - 1
                    while k >= 0, line[k] == UInt8(ascii: " ") || line[k] == UInt8(ascii: "\t") { k -= 1 }
                    // Block indicators (: - ?) count only when a space follows them (`x:'y` is
                    // plain text); flow indicators ([ { ,) only inside a flow collection.
                    let spaced = j - k >= 2
                    if k < 0 || (spaced && [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?")].contains(line[k]))
                        || (flow > 0 && [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(line[k])) { quote = c }
                case UInt8(ascii: "#") where j == 0 || line[j - 1] == UInt8(ascii: " ") || line[j - 1] == UInt8(ascii: "\t"):
                    j = line.count; continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flow += indicatorWeight       // the collection and an implicit pair inside it
                    if level + flow > deepest { deepest = level + flow; deepestLine = lineNumber }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flow = max(0, flow - indicatorWeight)
                default: break
                }
                j += 1
            }
            if level + flow > deepest { deepest = level + flow; deepestLine = lineNumber }
            // A block scalar header ends its line with | or > (optionally with indicators).
            if quote == nil && flow == 0 && !blank {
                let tail = line[i...].split(separator: UInt8(ascii: " ")).last.map(Array.init) ?? []
                if let first = tail.first, first == UInt8(ascii: "|") || first == UInt8(ascii: ">"),
                   tail.dropFirst().allSatisfy({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x0D }) {
                    blockScalarIndent = i
                }
            }
        }
        return (deepest, deepestLine)
    }

    /// The lines of `text` as bytes, broken where the YAML reader breaks them: LF, CR, CR LF,
    /// and NEL, LS, PS (a comment ends there too, so nothing after one may be skipped).
    static func lines(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var out: [[UInt8]] = []
        var start = 0, i = 0
        while i < bytes.count {
            var width = 0
            switch bytes[i] {
            case 0x0A: width = 1
            case 0x0D: width = i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: width = 2
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): width = 3
            default: break
            }
            if width > 0 { out.append(Array(bytes[start..<i])); i += width; start = i } else { i += 1 }
        }
        out.append(Array(bytes[start...]))
        return out
    }

    /// Collections nested in the composed document (nil when it does not compose): what the
    /// pre-scan must never undercount (tested against random texts).
    static func composedDepth(of text: String) -> Int? {
        func depth(_ node: Node) -> Int {
            switch node {
            case .scalar: return 0
            case let .mapping(m): return 1 + (m.map { max(depth($0.key), depth($0.value)) }.max() ?? 0)
            case let .sequence(s): return 1 + (s.map(depth).max() ?? 0)
            }
        }
        return (try? Scenario.composeOnLargeStack(text)).flatMap { $0 }.map(depth)
    }

    /// Throws when `text` is larger or deeper than the limits.
    static func check(_ text: String, origin: String) throws {
        let bytes = text.utf8.count
        guard bytes <= Limits.inputBytes else {
            throw ScenarioError(file: origin, "is \(bytes) bytes, over the input limit of \(Limits.inputBytes)",
                                accepted: "at most \(Limits.inputBytes) bytes; raise it with --max-input-bytes N or ORBITAL_MAX_INPUT_BYTES")
        }
        let (depth, line) = depth(of: text)
        guard depth <= Limits.nestingDepth else {
            throw ScenarioError(file: origin, line: line, "YAML nested \(depth) levels deep, over the limit of \(Limits.nestingDepth)",
                                accepted: "at most \(Limits.nestingDepth) levels (a scenario needs 3)")
        }
    }
}
