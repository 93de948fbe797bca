/// One output of `evaluate` (NREL SSC's output variable table is the pattern): its dotted path in
/// the result (`economics.cost_per_pflop_hour_usd`), unit, meaning, and how each side reads it.
/// The output table (`OutputTable.all`) drives the JSON tree, the CSV/table/Markdown rows and
/// their units, the sweep and Monte Carlo columns, the report's tables and `compare`'s side by
/// side: adding an output is one declaration there.
public struct Output: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A real number in `unit`.
        case number
        /// A count.
        case integer
        /// A name (an id, a convention).
        case text
        /// True or false.
        case flag
        /// Named numbers in `unit` (a breakdown: mass lines, cost lines).
        case lines
        /// A list of sentences (warnings).
        case list
    }

    /// How one side's result gives this output: `value` for the tree (nil: absent on this result),
    /// `number` for the numeric columns of sweeps and Monte Carlo (no allocation).
    public struct Accessor<Result>: Sendable {
        public let value: @Sendable (Result) -> ResultValue?
        public let number: (@Sendable (Result) -> Double)?
        /// Where the number lies in the result when it is one stored field: sweeps and Monte Carlo
        /// read it there, in place, rather than calling `number`.
        let stored: StoredNumber?

        init(value: @escaping @Sendable (Result) -> ResultValue?, number: (@Sendable (Result) -> Double)?, stored: StoredNumber? = nil) {
            self.value = value
            self.number = number
            self.stored = stored
        }

        /// The number in a stored field (`field`, divided by `divisor` into the output's unit).
        static func stored(_ field: KeyPath<Result, Double>, divisor: Double = 1) -> Accessor {
            // Key paths are not Sendable in Swift 5 mode; this one names a stored field and is never mutated.
            nonisolated(unsafe) let field = field
            let number: @Sendable (Result) -> Double
            if divisor == 1 { number = { $0[keyPath: field] } } else { number = { $0[keyPath: field] / divisor } }
            return Accessor(value: { .number(number($0)) }, number: number,
                            stored: MemoryLayout<Result>.offset(of: field).map { StoredNumber(offset: $0, field: divisor == 1 ? .double : .scaled(divisor)) })
        }
    }

    public let path: String
    public let unit: String
    public let description: String
    public let kind: Kind
    public let orbital: Accessor<OrbitalResult>?
    public let terrestrial: Accessor<TerrestrialResult>?

    /// The last component of the path: the name of a sweep column.
    public var key: String { path.split(separator: ".").last.map(String.init) ?? path }
    /// The path without its key: the group it is reported under ("" at the top).
    public var group: String { path.split(separator: ".").dropLast().joined(separator: ".") }
    public var isNumeric: Bool { kind == .number || kind == .integer }
    public func applies(to kind: ScenarioKind) -> Bool { kind == .orbital ? orbital != nil : terrestrial != nil }

    // MARK: Declarations

    /// A number on one or both sides.
    static func number(_ path: String, _ unit: String, _ description: String,
                       orbital: (@Sendable (OrbitalResult) -> Double)? = nil, terrestrial: (@Sendable (TerrestrialResult) -> Double)? = nil) -> Output {
        Output(path: path, unit: unit, description: description, kind: .number,
               orbital: orbital.map { f in Accessor(value: { .number(f($0)) }, number: f) },
               terrestrial: terrestrial.map { f in Accessor(value: { .number(f($0)) }, number: f) })
    }

    /// A number stored in one field of the orbital result (divided by `divisor` into `unit`).
    static func number(_ path: String, _ unit: String, _ description: String, stored field: KeyPath<OrbitalResult, Double>, divisor: Double = 1) -> Output {
        Output(path: path, unit: unit, description: description, kind: .number, orbital: .stored(field, divisor: divisor), terrestrial: nil)
    }

    /// A field of `Levelized`, which both sides compute the same way (the levelized economics).
    static func levelized(_ path: String, _ unit: String, _ description: String, _ field: KeyPath<Levelized, Double>) -> Output {
        Output(path: path, unit: unit, description: description, kind: .number,
               orbital: .stored((\OrbitalResult.levelized).appending(path: field)), terrestrial: .stored((\TerrestrialResult.levelized).appending(path: field)))
    }

    static func integer(_ path: String, _ description: String, orbital: @escaping @Sendable (OrbitalResult) -> Int) -> Output {
        Output(path: path, unit: "-", description: description, kind: .integer,
               orbital: Accessor(value: { .integer(orbital($0)) }, number: { Double(orbital($0)) }), terrestrial: nil)
    }

    /// A count stored in one field of the orbital result.
    static func integer(_ path: String, _ description: String, stored field: KeyPath<OrbitalResult, Int>) -> Output {
        Output(path: path, unit: "-", description: description, kind: .integer,
               orbital: Accessor(value: { .integer($0[keyPath: field]) }, number: { Double($0[keyPath: field]) },
                                 stored: MemoryLayout<OrbitalResult>.offset(of: field).map { StoredNumber(offset: $0, field: .integer) }),
               terrestrial: nil)
    }

    static func text(_ path: String, _ description: String,
                     orbital: (@Sendable (OrbitalResult) -> String?)? = nil, terrestrial: (@Sendable (TerrestrialResult) -> String?)? = nil) -> Output {
        Output(path: path, unit: "", description: description, kind: .text,
               orbital: orbital.map { f in Accessor(value: { f($0).map(ResultValue.text) }, number: nil) },
               terrestrial: terrestrial.map { f in Accessor(value: { f($0).map(ResultValue.text) }, number: nil) })
    }

    static func flag(_ path: String, _ description: String, orbital: @escaping @Sendable (OrbitalResult) -> Bool?) -> Output {
        Output(path: path, unit: "", description: description, kind: .flag,
               orbital: Accessor(value: { orbital($0).map(ResultValue.bool) }, number: nil), terrestrial: nil)
    }

    static func lines(_ path: String, _ unit: String, _ description: String,
                      orbital: (@Sendable (OrbitalResult) -> [(String, Double)])? = nil, terrestrial: (@Sendable (TerrestrialResult) -> [(String, Double)])? = nil) -> Output {
        @Sendable func tree(_ lines: [(String, Double)]) -> ResultValue { .object(lines.map { ($0.0, .number($0.1)) }) }
        return Output(path: path, unit: unit, description: description, kind: .lines,
                      orbital: orbital.map { f in Accessor(value: { tree(f($0)) }, number: nil) },
                      terrestrial: terrestrial.map { f in Accessor(value: { tree(f($0)) }, number: nil) })
    }

    static func list(_ path: String, _ description: String, orbital: @escaping @Sendable (OrbitalResult) -> [String],
                     terrestrial: @escaping @Sendable (TerrestrialResult) -> [String]) -> Output {
        Output(path: path, unit: "", description: description, kind: .list,
               orbital: Accessor(value: { .array(orbital($0).map(ResultValue.text)) }, number: nil),
               terrestrial: Accessor(value: { .array(terrestrial($0).map(ResultValue.text)) }, number: nil))
    }

    /// A number that may be absent (nil: the section is not computed) or undefined (NaN: null in JSON).
    static func optional(_ path: String, _ unit: String, _ description: String, orbital: @escaping @Sendable (OrbitalResult) -> Double??) -> Output {
        Output(path: path, unit: unit, description: description, kind: .number,
               orbital: Accessor(value: { r in orbital(r).map { $0.map(ResultValue.number) ?? .null } }, number: { r in (orbital(r) ?? nil) ?? .nan }),
               terrestrial: nil)
    }
}

/// A numeric output held in one stored field of a result: the field's byte offset
/// (`MemoryLayout.offset(of:)` of its key path) and how the field becomes the output's number.
struct StoredNumber: Sendable, Equatable {
    enum Field: Sendable, Equatable {
        case double
        /// A `Double` in another unit: the output is the field divided by this.
        case scaled(Double)
        case integer
    }
    let offset: Int
    let field: Field

    /// The number in the result that starts at `base`.
    @inline(__always) func read(_ base: UnsafeRawPointer) -> Double {
        switch field {
        case .double: return base.load(fromByteOffset: offset, as: Double.self)
        case let .scaled(divisor): return base.load(fromByteOffset: offset, as: Double.self) / divisor
        case .integer: return Double(base.load(fromByteOffset: offset, as: Int.self))
        }
    }
}
