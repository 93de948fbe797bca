import Foundation

/// An ordered result tree that renders as JSON, a table, CSV or Markdown with stable key order.
public indirect enum ResultValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case text(String)
    case bool(Bool)
    case null
    case object([(String, ResultValue)])
    case array([ResultValue])

    public static func == (a: ResultValue, b: ResultValue) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.text(x), .text(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): return x == y
        default: return false
        }
    }

    /// The value at a key of an object (nil otherwise).
    public subscript(key: String) -> ResultValue? {
        if case let .object(pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case let .number(x): return x
        case let .integer(i): return Double(i)
        default: return nil
        }
    }

    // MARK: JSON

    /// Compact or pretty JSON. Non-finite numbers become null (JSON has no NaN).
    public func json(pretty: Bool = true, indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case let .number(x): return x.isFinite ? jsonNumber(x) : "null"
        case let .integer(i): return String(i)
        case let .text(s): return jsonString(s)
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        case let .array(items):
            if items.isEmpty { return "[]" }
            let scalar = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
            if !pretty || scalar { return "[" + items.map { $0.json(pretty: false) }.joined(separator: pretty ? ", " : ",") + "]" }
            return "[\n" + items.map { inner + $0.json(pretty: true, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case let .object(pairs):
            if pairs.isEmpty { return "{}" }
            if !pretty { return "{" + pairs.map { jsonString($0.0) + ":" + $0.1.json(pretty: false) }.joined(separator: ",") + "}" }
            return "{\n" + pairs.map { inner + jsonString($0.0) + ": " + $0.1.json(pretty: true, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    // MARK: Flat rows (table, CSV, Markdown)

    /// Leaves as (dotted path, value) rows.
    public func flattened(prefix: String = "") -> [(String, ResultValue)] {
        switch self {
        case let .object(pairs):
            return pairs.flatMap { $0.1.flattened(prefix: prefix.isEmpty ? $0.0 : prefix + "." + $0.0) }
        case let .array(items):
            if items.allSatisfy({ if case .object = $0 { return false }; return true }) {
                return [(prefix, .text(items.map(\.plainText).joined(separator: "; ")))]
            }
            return items.enumerated().flatMap { $0.element.flattened(prefix: "\(prefix)[\($0.offset)]") }
        default:
            return [(prefix, self)]
        }
    }

    /// The value as plain text for tables and CSV.
    public var plainText: String {
        switch self {
        case let .number(x): return csvNumber(x)
        case let .integer(i): return String(i)
        case let .text(s): return s
        case let .bool(b): return b ? "true" : "false"
        case .null: return ""
        case .object, .array: return json(pretty: false)
        }
    }

    /// The value rounded for people: 4 significant digits, thousands separated.
    public var displayText: String {
        switch self {
        case let .number(x): return humanNumber(x)
        default: return plainText
        }
    }
}

/// Shortest round-trip decimal for JSON ("%.17g" trimmed via Swift's description).
func jsonNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

func csvNumber(_ x: Double) -> String { x.isFinite ? jsonNumber(x) : "" }

/// 4 significant digits with thousands separators (1,234,000 / 0.03721 / 2.5e-07).
public func humanNumber(_ x: Double) -> String {
    guard x.isFinite else { return formatNumber(x) }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e15 || magnitude < 1e-4 { return String(format: "%.4g", x) }
    let digits = max(0, 3 - Int(floor(log10(magnitude))))
    let rounded = String(format: "%.\(digits)f", x)
    let parts = rounded.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    let negative = whole.hasPrefix("-")
    if negative { whole.removeFirst() }
    var grouped = ""
    for (i, ch) in whole.reversed().enumerated() { if i > 0 && i % 3 == 0 { grouped.append(",") }; grouped.append(ch) }
    var text = (negative ? "-" : "") + String(grouped.reversed())
    if parts.count > 1 {
        var fraction = String(parts[1])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
    }
    return text
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

/// One spelling per unit in every verb, table, CSV, JSON and report: `year` and `day` spelled
/// out (as the keys' `_per_year` and `_days` are), `m²`/`m³` and `°` as symbols.
public enum UnitSpelling {
    static let replacements: [(pattern: String, with: String)] = [
        (#"\byr\b"#, "year"), (#"(?<![A-Za-z])d\b"#, "day"), (#"\bm2\b"#, "m²"), (#"\bm3\b"#, "m³"), (#"\bdeg\b"#, "°"),
    ]

    public static func canonical(_ unit: String) -> String {
        var out = unit
        for r in replacements { out = out.replacingOccurrences(of: r.pattern, with: r.with, options: .regularExpression) }
        return out
    }
}

extension ResultValue {
    /// Dotted paths of the numbers that are not finite (NaN or ±∞), depth first.
    public func nonFiniteKeys(_ prefix: String = "") -> [String] {
        switch self {
        case let .number(x): return x.isFinite ? [] : [prefix.isEmpty ? "value" : prefix]
        case let .object(pairs): return pairs.flatMap { $0.1.nonFiniteKeys(prefix.isEmpty ? $0.0 : prefix + "." + $0.0) }
        case let .array(items): return items.enumerated().flatMap { $0.element.nonFiniteKeys(prefix + "[\($0.offset)]") }
        default: return []
        }
    }
}
