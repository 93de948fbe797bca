/// The result tree of one evaluation, built from the output table in declaration order.
extension OutputTable {
    /// The outputs of one kind of scenario, in order.
    public static func outputs(for kind: ScenarioKind) -> [Output] { kind == .orbital ? orbitalOutputs : terrestrialOutputs }
    static let orbitalOutputs = all.filter { $0.orbital != nil }
    static let terrestrialOutputs = all.filter { $0.terrestrial != nil }

    public static func tree(_ r: OrbitalResult) -> ResultValue { build(orbitalOutputs.map { ($0.path, $0.orbital!.value(r)) }) }
    public static func tree(_ r: TerrestrialResult) -> ResultValue { build(terrestrialOutputs.map { ($0.path, $0.terrestrial!.value(r)) }) }

    /// The output declared at `path`, or holding it (a line of a breakdown: `mass.mass_breakdown_kg.compute`).
    public static func output(at path: String) -> Output? {
        if let exact = byPath[path] { return exact }
        var prefix = Substring(path)
        while let dot = prefix.lastIndex(of: ".") {
            prefix = prefix[..<dot]
            if let o = byPath[String(prefix)], o.kind == .lines { return o }
        }
        return nil
    }
    static let byPath: [String: Output] = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })

    /// The unit of a row of a flattened result: an output's (also inside a nested report, such as
    /// `compare`'s `orbital_report.…`, or beside it, as in `side_by_side.KEY.orbital`), an analysis
    /// verb's own (`AnalysisUnits`), or "" for rows that are not numbers (the scenario's name).
    public static func unit(ofPath path: String) -> String {
        if let o = output(at: path) { return o.unit }
        let parts = path.split(separator: ".").map(String.init)
        for i in parts.indices.dropFirst() { if let o = output(at: parts[i...].joined(separator: ".")) { return o.unit } }
        guard let leaf = parts.last else { return "" }
        if let u = AnalysisUnits.byKey[leaf] { return u }
        if parts.count >= 2, leaf == "orbital" || leaf == "terrestrial", let o = anyNumeric(parts[parts.count - 2]) { return o.unit }
        return anyNumeric(leaf)?.unit ?? ""
    }

    /// A numeric output named by key on either side.
    public static func anyNumeric(_ name: String) -> Output? { numeric(name, for: .orbital) ?? numeric(name, for: .terrestrial) }

    /// Groups nest by their dotted paths, in the order their first output is declared. A value that
    /// is absent (nil) leaves its group in place; a group with nothing present is `null` (a
    /// section that was not computed), never dropped, so every result has the same shape.
    private final class Group {
        var entries: [(String, Entry)] = []
        enum Entry { case value(ResultValue), group(Group) }
        func group(_ name: Substring) -> Group {
            if let i = entries.firstIndex(where: { $0.0 == name }), case let .group(g) = entries[i].1 { return g }
            let g = Group()
            entries.append((String(name), .group(g)))
            return g
        }
        var isEmpty: Bool { entries.allSatisfy { if case let .group(g) = $0.1 { return g.isEmpty } else { return false } } }
        var value: ResultValue {
            if isEmpty { return .null }
            return .object(entries.map { name, entry in
                switch entry {
                case let .value(v): return (name, v)
                case let .group(g): return (name, g.value)
                }
            })
        }
    }

    static func build(_ values: [(String, ResultValue?)]) -> ResultValue {
        let root = Group()
        for (path, value) in values {
            let parts = path.split(separator: ".")
            var group = root
            for part in parts.dropLast() { group = group.group(part) }
            if let value { group.entries.append((String(parts.last!), .value(value))) }
        }
        return .object(root.entries.map { name, entry in
            switch entry {
            case let .value(v): return (name, v)
            case let .group(g): return (name, g.value)
            }
        })
    }
}

/// Outputs by name, for sweep columns, comparisons and published figures: a table look-up, never a
/// search of a rendered tree.
extension OutputTable {
    /// The numeric output `name` of one kind of scenario: a dotted path, or a key (the last
    /// component) that names one numeric output of that kind.
    public static func numeric(_ name: String, for kind: ScenarioKind) -> Output? {
        let candidates = (kind == .orbital ? orbitalNumeric : terrestrialNumeric)
        if let exact = candidates.first(where: { $0.path == name }) { return exact }
        let byKey = candidates.filter { $0.key == name }
        return byKey.count == 1 ? byKey[0] : nil
    }
    static let orbitalNumeric = orbitalOutputs.filter { $0.isNumeric && $0.orbital?.number != nil }
    static let terrestrialNumeric = terrestrialOutputs.filter { $0.isNumeric && $0.terrestrial?.number != nil }

    /// The value of the numeric output `name` in an evaluation (nil: not an output of its kind).
    public static func number(_ name: String, of e: Evaluation) -> Double? {
        switch e {
        case let .orbital(r): return numeric(name, for: .orbital)?.orbital?.number?(r)
        case let .terrestrial(r): return numeric(name, for: .terrestrial)?.terrestrial?.number?(r)
        }
    }

    /// The outputs `compare` and the report set side by side: the same quantity on both sides.
    public static let sideBySide = ["cost_per_pflop_hour_usd", "cost_per_accelerator_hour_usd", "cost_per_mwh_it_usd", "tco_usd", "capex_usd",
                                    "opex_usd_per_year", "delivered_accelerator_hours", "deployment_days"]
}
