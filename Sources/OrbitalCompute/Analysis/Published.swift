import Foundation
import Yams

/// A figure from a published analysis, declared in a scenario that takes that analysis's own
/// assumptions (`Models/published/`), with the scenario that stands for ours on the same question.
public struct PublishedFigure: Sendable, Equatable {
    /// Output key to compare (e.g. `launch_cost_per_kw_year_usd`).
    public var metric: String
    public var value: Double
    public var source: String
    /// What is left once the decomposition is computed (e.g. an unexplained residual).
    public var note: String
    /// Our scenario on the same question: a shipped scenario's name, or `defaults` (every
    /// parameter at its default). `scope` overrides then put it on the publication's question
    /// (size, window, boundary, launch price): what the comparison holds fixed.
    public var ours: String
    public var scope: [String]
    /// Keys to move first, in this order; any other key that differs follows in table order.
    public var order: [String]

    static let fields = ["metric", "value", "source", "note", "ours", "scope", "order"]

    static func parse(_ node: Node, origin: String) throws -> [PublishedFigure] {
        let accepted = "a list of {metric, value, source, note, ours, scope: [KEY=VALUE…], order: [KEY…]}"
        guard case let .sequence(items) = node else {
            throw ScenarioError(file: origin, line: node.mark?.line, key: "published", "must be a list", accepted: accepted)
        }
        return try items.map { item in
            guard case let .mapping(pairs) = item else {
                throw ScenarioError(file: origin, line: item.mark?.line, key: "published", "each entry must be a mapping", accepted: accepted)
            }
            var fields: [String: String] = [:]
            var lists: [String: [String]] = [:]
            for (k, v) in pairs {
                guard let name = k.string, PublishedFigure.fields.contains(name) else {
                    throw ScenarioError(file: origin, line: k.mark?.line, key: "published.\(k.string ?? "?")", "unknown field", accepted: accepted)
                }
                if case let .sequence(list) = v { lists[name] = list.compactMap(\.string) } else { fields[name] = v.string }
            }
            guard let metric = fields["metric"], let text = fields["value"], let value = Scenario.number(text), let source = fields["source"] else {
                throw ScenarioError(file: origin, line: item.mark?.line, key: "published", "needs metric, a numeric value and source", accepted: accepted)
            }
            return PublishedFigure(metric: metric, value: value, source: source, note: fields["note"] ?? "",
                                   ours: fields["ours"] ?? "defaults", scope: lists["scope"] ?? [], order: lists["order"] ?? [])
        }
    }
}

/// A published figure decomposed by computation: our engine on the publication's own assumptions,
/// then one input at a time moved to ours, ending at our figure for the same question.
public struct PublishedComparison: Sendable {
    /// One input moved to our value, and the metric after the move.
    public struct Step: Sendable {
        public var key: String
        /// The value set (nil: the key is unset, so our default or derivation applies).
        public var value: ParameterValue?
        public var valueAfter: Double
    }

    public var scenario: String
    public var figure: PublishedFigure
    /// Our engine on their assumptions (the scenario file as written).
    public var onTheirAssumptions: Double
    public var steps: [Step]
    /// Our engine on our assumptions, scoped to their question (evaluated independently of the steps).
    public var ours: Double
    /// (on_their_assumptions − published) / published: how well their figure is reproduced.
    public var reproduction: Double { (onTheirAssumptions - figure.value) / figure.value }

    /// Evaluates every figure of every scenario, with its decomposition.
    /// `resolve` finds the `ours:` scenario by name: by default among the scenarios shipped inside
    /// the tool (never a file of the working directory).
    public static func make(_ scenarios: [Scenario], resolve: (String) throws -> Scenario = shipped) throws -> [PublishedComparison] {
        let model = OrbitalModel.shared
        var rows: [PublishedComparison] = []
        for s in scenarios where !s.published.isEmpty {
            for f in s.published { rows.append(try decompose(s, f, model: model, resolve: resolve)) }
        }
        return rows
    }

    /// A shipped scenario by name.
    public static func shipped(_ name: String) throws -> Scenario {
        guard let file = ShippedModels.scenario(named: name) else {
            throw ScenarioError(file: name, key: "published.ours", "is not a shipped scenario", accepted: "a name from `orbital models`, or `defaults`")
        }
        return try Scenario.parse(yaml: file.text, origin: file.path)
    }

    static func metric(_ s: Scenario, _ key: String, model: OrbitalModel) throws -> Double {
        guard let v = OutputTable.number(key, of: try Engine.evaluate(s, model: model)), v.isFinite else {
            throw ScenarioError(file: s.origin, key: "published.metric", "'\(key)' is not a numeric output of a \(s.kind.rawValue) scenario", accepted: "an output key of `orbital evaluate --format json`")
        }
        return v
    }

    static func decompose(_ theirs: Scenario, _ f: PublishedFigure, model: OrbitalModel, resolve: (String) throws -> Scenario) throws -> PublishedComparison {
        var ours = f.ours == "defaults" ? try Scenario(kind: theirs.kind, name: "defaults", origin: "\(theirs.origin): ours") : try resolve(f.ours)
        guard ours.kind == theirs.kind else {
            throw ScenarioError(file: theirs.origin, key: "published.ours", "'\(f.ours)' is a \(ours.kind.rawValue) scenario, this one is \(theirs.kind.rawValue)")
        }
        for o in f.scope { try ours.apply(override: o) }
        let oursValue = try metric(ours, f.metric, model: model)
        // Every key whose value differs, in the declared order first, then in table order.
        let table = theirs.kind == .orbital ? ParameterTable.orbital.keys : ParameterTable.terrestrial.keys
        // (a value written on one side and equal to the other's default is no difference)
        let differing = table.filter { theirs.value(of: $0) != ours.value(of: $0) }
        let unknown = f.order.filter { !table.contains($0) }
        guard unknown.isEmpty else { throw ScenarioError(file: theirs.origin, key: "published.order", "unknown keys: \(unknown.joined(separator: ", "))", accepted: "parameter keys (`orbital explain`)") }
        let ordered = f.order.filter(differing.contains) + differing.filter { !f.order.contains($0) }
        var current = theirs
        var steps: [Step] = []
        for key in ordered {
            let target = ours.values[key]
            if let target { current.setUnchecked(key, target) } else { current.unset(key) }
            // An exclusive partner still set from their side goes in the same step.
            for (a, b) in Scenario.exclusive where (a == key || b == key) {
                let other = a == key ? b : a
                if current.values[other] != nil, ours.values[other] == nil, current.values[key] != nil { current.unset(other) }
            }
            steps.append(Step(key: key, value: target, valueAfter: try metric(current, f.metric, model: model)))
        }
        return PublishedComparison(scenario: theirs.name, figure: f, onTheirAssumptions: try metric(theirs, f.metric, model: model), steps: steps, ours: oursValue)
    }

    /// The decomposition in one line: `key → value after`, step by step.
    public var stepsText: String {
        steps.map { "\($0.key)\($0.value.map { " = \($0)" } ?? " → ours") ⇒ \(humanNumber($0.valueAfter))" }.joined(separator: "; ")
    }

    public var report: ResultValue {
        .object([
            ("source", .text(figure.source)), ("scenario", .text(scenario)), ("metric", .text(figure.metric)),
            ("published", .number(figure.value)), ("on_their_assumptions", .number(onTheirAssumptions)),
            ("reproduction", .number(reproduction)), ("ours", .number(ours)),
            ("ours_scenario", .text(figure.ours)), ("scope", .array(figure.scope.map(ResultValue.text))),
            ("steps", .array(steps.map { s in .object([
                ("key", .text(s.key)), ("value", s.value.map { v -> ResultValue in if case let .number(x) = v { return .number(x) } else { return .text(v.description) } } ?? .null), ("value_after", .number(s.valueAfter)),
            ]) })),
            ("note", .text(figure.note)),
        ])
    }
}
