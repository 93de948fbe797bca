/// `--set KEY=VALUE` overrides, with the side prefixes studies use: `orbital:KEY`, `ground:KEY`,
/// `both:KEY`. An override that applies to no scenario is an error, never silently dropped.
public enum Overrides {
    struct Parsed {
        var side: String?
        var key: String
        var value: String
        var text: String { "\(key)=\(value)" }
    }

    static func parse(_ text: String) throws -> Parsed {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw ScenarioError(file: "--set", key: text, "expected KEY=VALUE", accepted: "e.g. orbit.altitude_km=800, ground:facility.pue=1.3")
        }
        var key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        var side: String?
        for prefix in ["orbital", "ground", "both"] where key.hasPrefix(prefix + ":") {
            side = prefix
            key = String(key.dropFirst(prefix.count + 1))
        }
        return Parsed(side: side, key: key, value: String(text[text.index(after: eq)...]))
    }

    static func unused(_ o: Parsed) -> ScenarioError {
        let known = ParameterTable.orbital[o.key] != nil || ParameterTable.terrestrial[o.key] != nil
        return ScenarioError(file: "--set", key: (o.side.map { $0 + ":" } ?? "") + o.key,
                             known ? "applies to none of the scenarios given" : "unknown key",
                             accepted: known ? "a key of one of the scenarios; prefix with orbital:, ground: or both:" : "see `orbital explain`")
    }

    /// A pair: an orbital (or any primary) scenario and an optional ground. Unprefixed keys go to
    /// the primary if it has them, else to the ground (as in studies); `both:` to both.
    public static func apply(_ texts: [String], primary: inout Scenario, ground: inout Scenario?) throws {
        for text in texts {
            let o = try parse(text)
            let inPrimary = primary.parameter(o.key) != nil, inGround = ground?.parameter(o.key) != nil
            let toPrimary: Bool, toGround: Bool
            switch o.side {
            case "orbital"?: toPrimary = primary.kind == .orbital && inPrimary; toGround = false
            case "ground"?: toPrimary = primary.kind == .terrestrial && inPrimary; toGround = inGround
            case "both"?:
                guard inPrimary, inGround else { throw unused(o) }
                toPrimary = true; toGround = true
            default: toPrimary = inPrimary; toGround = !inPrimary && inGround
            }
            guard toPrimary || toGround else { throw unused(o) }
            if toPrimary { try primary.apply(override: o.text) }
            if toGround { try ground!.apply(override: o.text) }
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
                case "orbital"? where scenarios[i].kind != .orbital: continue
                case "ground"? where scenarios[i].kind != .terrestrial: continue
                default: break
                }
                try scenarios[i].apply(override: o.text)
                used = true
            }
            guard used else { throw unused(o) }
        }
    }
}
