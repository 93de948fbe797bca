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

    /// A number both sides compute the same way (the levelized economics). Read from the result's
    /// `Levelized` in place: an `any LevelizedResult` would copy the whole result into a box.
    static func levelized(_ path: String, _ unit: String, _ description: String, _ f: @escaping @Sendable (Levelized) -> Double) -> Output {
        number(path, unit, description, orbital: { f($0.levelized) }, terrestrial: { f($0.levelized) })
    }

    static func integer(_ path: String, _ description: String, orbital: @escaping @Sendable (OrbitalResult) -> Int) -> Output {
        Output(path: path, unit: "-", description: description, kind: .integer,
               orbital: Accessor(value: { .integer(orbital($0)) }, number: { Double(orbital($0)) }), terrestrial: nil)
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
