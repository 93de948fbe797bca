/// `--set KEY=VALUE` overrides, with the side prefixes studies use: `orbital:KEY`, `ground:KEY`,
/// `both:KEY`. An override that applies to no scenario is an error, never silently dropped.
public enum Overrides {
    struct Parsed {
        var side: Side?
        var key: String
        var value: String
        var text: String { "\(key)=\(value)" }
    }

    static func parse(_ text: String) throws -> Parsed {
        let pair = try KeyValue.parse(text, flag: "--set", accepted: "e.g. orbit.altitude_km=800, ground:facility.pue=1.3")
        let (side, key) = Side.split(pair.key)
        return Parsed(side: side, key: key, value: pair.value)
    }

    static func unused(_ o: Parsed) -> ScenarioError {
        let known = ParameterTable.orbital[o.key] != nil || ParameterTable.terrestrial[o.key] != nil
        return ScenarioError(file: "--set", key: (o.side.map { $0.rawValue + ":" } ?? "") + o.key,
                             known ? "applies to none of the scenarios given" : "unknown key",
                             accepted: known ? "a key of one of the scenarios; prefix with orbital:, ground: or both:" : "see `orbital explain`")
    }

    /// A pair: an orbital (or any primary) scenario and an optional ground, by the rule of
    /// `Side.targets` (the one studies use): unprefixed keys go to the primary if it has them,
    /// else to the ground, the same hardware to both; `both:` to both.
    public static func apply(_ texts: [String], primary: inout Scenario, ground: inout Scenario?) throws {
        for text in texts {
            let o = try parse(text)
            let targets = Side.targets(o.side, key: o.key, primaryKind: primary.kind, primaryHas: primary.parameter(o.key) != nil,
                                       groundHas: ground?.parameter(o.key) != nil, hasGround: ground != nil)
            guard case let .success(to) = targets else { throw unused(o) }
            if to.primary { try primary.apply(override: o.text) }
            if to.ground { try ground!.apply(override: o.text) }
        }
    }

    /// Independent scenarios (`evaluate a b c`): a prefix picks a kind; unprefixed keys go to every
    /// scenario that has them.
    public static func apply(_ texts: [String], to scenarios: inout [Scenario]) throws {
        for text in texts {
            let o = try parse(text)
            var used = false
            for i in scenarios.indices where scenarios[i].parameter(o.key) != nil {
                switch o.side {
                case .orbital? where scenarios[i].kind != .orbital: continue
                case .ground? where scenarios[i].kind != .terrestrial: continue
                default: break
                }
                try scenarios[i].apply(override: o.text)
                used = true
            }
            guard used else { throw unused(o) }
        }
    }
}
