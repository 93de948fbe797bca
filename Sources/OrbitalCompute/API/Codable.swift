import Foundation

/// JSON for planning tools, the same JSON the CLI prints: results encode as `orbital evaluate
/// --format json`'s tree (from the output table), inputs as a scenario's sections and keys in
/// their written units (`{"orbit": {"altitude_km": 800}}`: the values that differ from the
/// defaults, as a scenario file gives them), checked against the parameter table when decoded.

/// A JSON object key of any spelling.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension ResultValue: Codable {
    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .number(x):
            var c = encoder.singleValueContainer()
            if x.isFinite { try c.encode(x) } else { try c.encodeNil() }   // JSON has no NaN: null, as the CLI prints
        case let .integer(i): var c = encoder.singleValueContainer(); try c.encode(i)
        case let .text(s): var c = encoder.singleValueContainer(); try c.encode(s)
        case let .bool(b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case let .array(items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case let .object(pairs):
            var c = encoder.container(keyedBy: DynamicKey.self)
            for (k, v) in pairs { try c.encode(v, forKey: DynamicKey(k)) }
        }
    }

    public init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: DynamicKey.self) {
            self = .object(try object.allKeys.map { ($0.stringValue, try object.decode(ResultValue.self, forKey: $0)) })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [ResultValue] = []
            while !array.isAtEnd { items.append(try array.decode(ResultValue.self)) }
            self = .array(items)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let x = try? c.decode(Double.self) { self = .number(x) }
        else { self = .text(try c.decode(String.self)) }
    }
}

extension OrbitalResult: Encodable {
    public func encode(to encoder: Encoder) throws { try report.encode(to: encoder) }
}

extension TerrestrialResult: Encodable {
    public func encode(to encoder: Encoder) throws { try report.encode(to: encoder) }
}

extension Evaluation: Encodable {
    public func encode(to encoder: Encoder) throws { try report.encode(to: encoder) }
}

extension ParameterValue: Codable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .number(x): try c.encode(x)
        case let .text(s): try c.encode(s)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
    }
}

extension ParameterTable {
    /// The parameters whose values differ from the defaults, by section then key, in written
    /// units: what a scenario file would say (and what decodes back to the same inputs).
    func encode(_ inputs: Inputs, to encoder: Encoder) throws {
        var top = encoder.container(keyedBy: DynamicKey.self)
        var sections: [(String, [(String, ParameterValue)])] = []
        for p in parameters {
            guard let value = p.value(in: inputs), value != p.value(in: defaultInputs), let dot = p.key.firstIndex(of: ".") else { continue }
            let section = String(p.key[..<dot]), key = String(p.key[p.key.index(after: dot)...])
            if let i = sections.firstIndex(where: { $0.0 == section }) { sections[i].1.append((key, value)) } else { sections.append((section, [(key, value)])) }
        }
        for (section, pairs) in sections {
            var c = top.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey(section))
            for (key, value) in pairs { try c.encode(value, forKey: DynamicKey(key)) }
        }
    }

    /// Inputs from sections and keys, each value checked as a scenario file's would be; absent keys take their defaults.
    func decode(from decoder: Decoder) throws -> Inputs where Inputs == OrbitalInputs {
        try Self.scenario(kind: .orbital, from: decoder).orbitalInputs()
    }

    func decode(from decoder: Decoder) throws -> Inputs where Inputs == TerrestrialInputs {
        try Self.scenario(kind: .terrestrial, from: decoder).terrestrialInputs()
    }

    static func scenario(kind: ScenarioKind, from decoder: Decoder) throws -> Scenario {
        let top = try decoder.container(keyedBy: DynamicKey.self)
        var values: [String: ParameterValue] = [:]
        for section in top.allKeys {
            let c = try top.nestedContainer(keyedBy: DynamicKey.self, forKey: section)
            for key in c.allKeys { values[section.stringValue + "." + key.stringValue] = try c.decode(ParameterValue.self, forKey: key) }
        }
        do { return try Scenario(kind: kind, name: "decoded", origin: "<json>", values: values) }
        catch { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)", underlyingError: error)) }
    }
}

extension OrbitalInputs: Codable {
    public func encode(to encoder: Encoder) throws { try ParameterTable.orbital.encode(self, to: encoder) }
    public init(from decoder: Decoder) throws { self = try ParameterTable.orbital.decode(from: decoder) }
}

extension TerrestrialInputs: Codable {
    public func encode(to encoder: Encoder) throws { try ParameterTable.terrestrial.encode(self, to: encoder) }
    public init(from decoder: Decoder) throws { self = try ParameterTable.terrestrial.decode(from: decoder) }
}
