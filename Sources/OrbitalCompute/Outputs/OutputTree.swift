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

    /// The unit of a row of a flattened result ("" for rows that are not outputs, such as the scenario name).
    public static func unit(ofPath path: String) -> String { output(at: path)?.unit ?? "" }

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
