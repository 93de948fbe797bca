import Foundation

/// A scenario value as written in a file or on the command line.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)

    public var description: String {
        switch self {
        case let .number(x): return formatNumber(x)
        case let .text(s): return s
        }
    }
}

/// The accepted interval of a number, with open or closed ends.
public struct Bounds: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerOpen = false
    public var upperOpen = false

    public static func closed(_ a: Double, _ b: Double) -> Bounds { Bounds(lower: a, upper: b) }
    public static func openClosed(_ a: Double, _ b: Double) -> Bounds { Bounds(lower: a, upper: b, lowerOpen: true) }
    public static func open(_ a: Double, _ b: Double) -> Bounds { Bounds(lower: a, upper: b, lowerOpen: true, upperOpen: true) }
    public static func closedOpen(_ a: Double, _ b: Double) -> Bounds { Bounds(lower: a, upper: b, upperOpen: true) }

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        let aboveLower = lowerOpen ? x > lower : x >= lower
        let belowUpper = upperOpen ? x < upper : x <= upper
        return aboveLower && belowUpper
    }

    public var description: String {
        "\(lowerOpen ? "(" : "[")\(formatNumber(lower)), \(formatNumber(upper))\(upperOpen ? ")" : "]")"
    }
}

extension Bounds {
    /// The one clamp of a value into the accepted interval, as plain numbers: an open end is moved
    /// inside by a relative 1e-9 of the span (at least 1e-12 of the end's magnitude), so that a
    /// clamped value is always accepted; `integer` rounds to the nearest whole number first.
    public func clamp(integer: Bool = false) -> Clamp {
        let span = max(upper - lower, 1e-300)
        let lo = lowerOpen ? lower + max(span * 1e-9, abs(lower) * 1e-12) : lower
        let hi = upperOpen ? upper - max(span * 1e-9, abs(upper) * 1e-12) : upper
        return Clamp(lower: lo, upper: hi, integer: integer)
    }
}

/// A clamp into an interval (`Bounds.clamp`), cheap enough for hot loops.
public struct Clamp: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var integer: Bool

    /// True when no value in `range` is moved (nor rounded): it lies inside the interval with a
    /// margin of 1e-12 of its magnitude, for the rounding of the arithmetic that drew it.
    public func leavesUnchanged(_ range: ClosedRange<Double>) -> Bool {
        let margin = 1e-12 * max(abs(range.lowerBound), abs(range.upperBound))
        return !integer && lower <= range.lowerBound - margin && range.upperBound + margin <= upper
    }

    @inline(__always) public func apply(_ x: Double) -> Double {
        // A branch, not a select: a select rounds every draw of a real-valued input too.
        if integer { return min(max(x.rounded(), lower), upper) }
        return min(max(x, lower), upper)
    }
}

/// What values a parameter accepts.
public enum ParameterDomain: Sendable, Equatable, CustomStringConvertible {
    case real(Bounds)
    case integer(Bounds)
    case choice([String])

    public var description: String {
        switch self {
        case let .real(b): return b.description
        case let .integer(b): return "whole number in \(b)"
        case let .choice(options): return "one of " + options.joined(separator: ", ")
        }
    }

    public var isNumeric: Bool { if case .choice = self { return false } else { return true } }
}

/// The conversion of a key's unit (as people write it: km, °, mm, Wh/kg) into the SI unit its
/// typed field holds (m, rad, m, J/kg): the one place units are converted, at the boundary.
/// Keys in other units are stored as written (years and per-year rates are the economics' time
/// base; prices are in USD per their stated unit).
public struct SIScale: Sendable, Equatable {
    /// The unit written in the scenario, and the SI unit of the field.
    public let unit: String, siUnit: String
    /// SI value = written value × factor.
    public let factor: Double

    public static let none = SIScale(unit: "", siUnit: "", factor: 1)
    public static let kilometre = SIScale(unit: "km", siUnit: "m", factor: 1000)
    public static let millimetre = SIScale(unit: "mm", siUnit: "m", factor: 1e-3)
    public static let degree = SIScale(unit: "deg", siUnit: "rad", factor: Constants.degree)
    public static let wattHourPerKilogram = SIScale(unit: "Wh/kg", siUnit: "J/kg", factor: 3600)

    @inline(__always) public func toSI(_ x: Double) -> Double { Self.toSI(x, factor: factor) }
    /// SI value of `x` for a field whose factor is `factor` (unscaled when 1), for hot loops that keep the factor alone.
    @inline(__always) static func toSI(_ x: Double, factor: Double) -> Double { factor == 1 ? x : x * factor }

    /// The written value of an SI value: the shortest decimal that converts back to the same
    /// double, so a key read back (YAML download, reports) prints as it was written.
    public func fromSI(_ x: Double) -> Double {
        guard factor != 1, x.isFinite else { return x }
        let plain = x / factor
        var scale = 1.0
        for _ in 0...15 {
            let candidate = (plain * scale).rounded() / scale
            if candidate * factor == x { return candidate }
            scale *= 10
        }
        return plain
    }
}

/// How a parameter reads and writes its field of the typed inputs.
public enum ParameterBinding<Inputs> {
    case number(WritableKeyPath<Inputs, Double>, SIScale)
    case optionalNumber(WritableKeyPath<Inputs, Double?>, SIScale)
    case text(WritableKeyPath<Inputs, String>)
    /// A typed choice: reads its spelling, writes the case it names (false: not a case).
    case choice(get: (Inputs) -> String, set: (inout Inputs, String) -> Bool)
}

/// One row of the parameter table: a scenario key with its unit, default, accepted range,
/// meaning and the source of its default. The table drives validation, `--set`, `explain`,
/// the CLI help and report labels.
public struct Parameter<Inputs>: @unchecked Sendable {
    public let key: String
    public let unit: String
    public let domain: ParameterDomain
    /// nil: the key is optional and derived when absent (`derivation` says from what).
    public let defaultValue: ParameterValue?
    public let description: String
    public let provenance: Provenance?
    public let derivation: String?
    let binding: ParameterBinding<Inputs>

    /// A numeric parameter with a default.
    /// `si` converts the written unit into the SI unit of the field (its `unit` must be `unit`).
    public static func number(_ key: String, _ unit: String, _ path: WritableKeyPath<Inputs, Double>, _ value: Double,
                              _ bounds: Bounds, _ description: String, _ provenance: Provenance, integer: Bool = false, si: SIScale = .none) -> Parameter {
        precondition(si == .none || si.unit == unit, "\(key): SI scale for \(si.unit), unit \(unit)")
        return Parameter(key: key, unit: unit, domain: integer ? .integer(bounds) : .real(bounds), defaultValue: .number(value),
                         description: description, provenance: provenance, derivation: nil, binding: .number(path, si))
    }

    /// An optional numeric parameter: absent means derived.
    public static func optional(_ key: String, _ unit: String, _ path: WritableKeyPath<Inputs, Double?>, _ bounds: Bounds,
                                _ description: String, derived: String, integer: Bool = false, si: SIScale = .none) -> Parameter {
        precondition(si == .none || si.unit == unit, "\(key): SI scale for \(si.unit), unit \(unit)")
        return Parameter(key: key, unit: unit, domain: integer ? .integer(bounds) : .real(bounds), defaultValue: nil,
                         description: description, provenance: nil, derivation: derived, binding: .optionalNumber(path, si))
    }

    /// A choice among named options (a strategy, or a catalog id).
    public static func choice(_ key: String, _ path: WritableKeyPath<Inputs, String>, _ value: String, _ options: [String],
                              _ description: String, _ provenance: Provenance) -> Parameter {
        Parameter(key: key, unit: "-", domain: .choice(options), defaultValue: .text(value),
                  description: description, provenance: provenance, derivation: nil, binding: .text(path))
    }

    /// A typed choice (`Reliability.Strategy`, `Radiator.Orientation`, …): the table parses the
    /// text into the enum once; `options` narrows the cases a kind of scenario accepts.
    public static func choice<C: Choice>(_ key: String, _ path: WritableKeyPath<Inputs, C>, _ value: C, options: [C] = Array(C.allCases),
                                         _ description: String, _ provenance: Provenance) -> Parameter {
        Parameter(key: key, unit: "-", domain: .choice(options.map(\.rawValue)), defaultValue: .text(value.rawValue),
                  description: description, provenance: provenance, derivation: nil,
                  binding: .choice(get: { $0[keyPath: path].rawValue },
                                   set: { inputs, text in
                                       guard let c = C(rawValue: text) else { return false }
                                       inputs[keyPath: path] = c
                                       return true
                                   }))
    }

    /// Writes `value` (already validated) into `inputs`.
    func apply(_ value: ParameterValue, to inputs: inout Inputs) {
        switch (binding, value) {
        case let (.number(path, si), .number(x)): inputs[keyPath: path] = si.toSI(x)
        case let (.optionalNumber(path, si), .number(x)): inputs[keyPath: path] = si.toSI(x)
        case let (.text(path), .text(s)): inputs[keyPath: path] = s
        case let (.choice(_, set), .text(s)): _ = set(&inputs, s)
        default: break
        }
    }

    /// The bytes of the inputs this parameter writes (nil for a choice, whose setter may write
    /// anywhere): a study compares them with what each memo's key reads (`OrbitalModel.Memo.Fixed`).
    var writtenBytes: Range<Int>? {
        switch binding {
        case let .number(path, _): return MemoryLayout<Inputs>.bytes(of: path)
        case let .optionalNumber(path, _): return MemoryLayout<Inputs>.bytes(of: path)
        case let .text(path): return MemoryLayout<Inputs>.bytes(of: path)
        case .choice: return nil
        }
    }

    /// The current value of this parameter in `inputs` (nil for an absent optional).
    public func value(in inputs: Inputs) -> ParameterValue? {
        switch binding {
        case let .number(path, si): return .number(si.fromSI(inputs[keyPath: path]))
        case let .optionalNumber(path, si): return inputs[keyPath: path].map { .number(si.fromSI($0)) }
        case let .text(path): return .text(inputs[keyPath: path])
        case let .choice(get, _): return .text(get(inputs))
        }
    }

    /// Checks a value against the domain; returns the reason it is rejected, or nil.
    public func rejection(of value: ParameterValue) -> String? {
        switch (domain, value) {
        case let (.real(b), .number(x)):
            return b.contains(x) ? nil : "\(formatNumber(x)) is out of range"
        case let (.integer(b), .number(x)):
            return b.contains(x) && x.rounded() == x ? nil : "\(formatNumber(x)) is not a whole number in range"
        case let (.choice(options), .text(s)):
            return options.contains(s) ? nil : "'\(s)' is not a known option"
        case (.choice, .number(let x)):
            return "expected a name, got the number \(formatNumber(x))"
        case (_, .text(let s)):
            return "expected a number, got '\(s)'"
        }
    }

    /// Fast numeric write for sweeps and Monte Carlo (no validation: callers validate once).
    public func setNumber(_ x: Double, in inputs: inout Inputs) {
        switch binding {
        case let .number(path, si): inputs[keyPath: path] = si.toSI(x)
        case let .optionalNumber(path, si): inputs[keyPath: path] = si.toSI(x)
        case .text, .choice: break
        }
    }
}

extension MemoryLayout {
    /// The bytes a stored property (a chain of stored properties) occupies in `T` (nil for a
    /// computed one).
    static func bytes<Field>(of path: KeyPath<T, Field>) -> Range<Int>? {
        offset(of: path).map { $0..<$0 + MemoryLayout<Field>.size }
    }
}
