/// Scenarios whose kind is known at compile time: a planning tool that holds an
/// `OrbitalScenario` gets an `OrbitalResult` back, with no `switch` and no cast.
public protocol TypedScenario: Sendable {
    associatedtype Inputs: Sendable & Codable
    associatedtype Result: Sendable & Encodable
    static var kind: ScenarioKind { get }
    /// The scenario as written (name, origin, explicit values), always of `kind`.
    var scenario: Scenario { get }
    init(checking scenario: Scenario) throws
}

extension TypedScenario {
    /// A shipped scenario by name, or a YAML file by path; throws if it is of the other kind.
    public static func resolve(_ argument: String) throws -> Self { try Self(checking: Scenario.resolve(argument)) }

    /// The defaults with these explicit values (keys as in YAML), each checked against the parameter table.
    public init(name: String = "scenario", values: [String: ParameterValue] = [:]) throws {
        try self.init(checking: Scenario(kind: Self.kind, name: name, values: values))
    }

    /// Sets a key as `--set` does (checked against the parameter table; the kind cannot change).
    public mutating func set(_ key: String, _ value: ParameterValue) throws {
        var s = scenario
        try s.set(key, value)
        self = try Self(checking: s)
    }

    /// Applies a `KEY=VALUE` override, as `--set` does.
    public mutating func apply(override text: String) throws {
        var s = scenario
        try s.apply(override: text)
        self = try Self(checking: s)
    }

    static func check(_ scenario: Scenario) throws {
        guard scenario.kind == kind else {
            throw ScenarioError(file: scenario.origin, key: "kind", "is \(scenario.kind.rawValue), expected \(kind.rawValue)", accepted: kind.rawValue)
        }
    }
}

public struct OrbitalScenario: TypedScenario, Equatable {
    public typealias Inputs = OrbitalInputs
    public typealias Result = OrbitalResult
    public static let kind = ScenarioKind.orbital
    public private(set) var scenario: Scenario
    public init(checking scenario: Scenario) throws { try Self.check(scenario); self.scenario = scenario }
    /// Typed inputs: the defaults, then the explicit values.
    public func inputs() throws -> OrbitalInputs { try scenario.orbitalInputs() }
}

public struct TerrestrialScenario: TypedScenario, Equatable {
    public typealias Inputs = TerrestrialInputs
    public typealias Result = TerrestrialResult
    public static let kind = ScenarioKind.terrestrial
    public private(set) var scenario: Scenario
    public init(checking scenario: Scenario) throws { try Self.check(scenario); self.scenario = scenario }
    public func inputs() throws -> TerrestrialInputs { try scenario.terrestrialInputs() }
    /// Colossus 1 (xAI, Memphis), the reference ground cluster.
    public static var colossus1: TerrestrialScenario { TerrestrialScenario(unchecked: .colossus1) }
    private init(unchecked scenario: Scenario) { self.scenario = scenario }
}

extension Engine {
    /// Evaluates an orbital scenario (the same checks and errors as `evaluate(_:model:)`).
    public static func evaluate(_ s: OrbitalScenario, model: OrbitalModel = .shared) throws -> OrbitalResult {
        guard case let .orbital(r) = try evaluate(s.scenario, model: model) else { throw ScenarioError(file: s.scenario.origin, key: "kind", "did not evaluate as orbital") }
        return r
    }

    /// Evaluates a terrestrial scenario.
    public static func evaluate(_ s: TerrestrialScenario) throws -> TerrestrialResult {
        guard case let .terrestrial(r) = try evaluate(s.scenario) else { throw ScenarioError(file: s.scenario.origin, key: "kind", "did not evaluate as terrestrial") }
        return r
    }
}

extension Comparison {
    /// Orbit against ground, the kinds checked by the compiler.
    public static func make(orbital: OrbitalScenario, ground: TerrestrialScenario, swing: Double = 0.25, top: Int = 6) throws -> Comparison {
        try make(orbital: orbital.scenario, ground: ground.scenario, swing: swing, top: top)
    }
}
