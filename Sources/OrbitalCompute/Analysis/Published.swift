import Foundation
import Yams

/// A figure from a published analysis, declared in a scenario that takes that analysis's own
/// assumptions (`Models/published/`), so ours can be set beside it.
public struct PublishedFigure: Sendable, Equatable {
    /// Output key to compare (e.g. `launch_cost_per_kw_year_usd`).
    public var metric: String
    public var value: Double
    public var source: String
    /// Where a difference comes from, in a sentence.
    public var note: String

    static func parse(_ node: Node, origin: String) throws -> [PublishedFigure] {
        let accepted = "a list of {metric, value, source, note}"
        guard case let .sequence(items) = node else {
            throw ScenarioError(file: origin, line: node.mark?.line, key: "published", "must be a list", accepted: accepted)
        }
        return try items.map { item in
            guard case let .mapping(pairs) = item else {
                throw ScenarioError(file: origin, line: item.mark?.line, key: "published", "each entry must be a mapping", accepted: accepted)
            }
            var fields: [String: String] = [:]
            for (k, v) in pairs {
                guard let name = k.string, ["metric", "value", "source", "note"].contains(name) else {
                    throw ScenarioError(file: origin, line: k.mark?.line, key: "published.\(k.string ?? "?")", "unknown field", accepted: accepted)
                }
                fields[name] = v.string
            }
            guard let metric = fields["metric"], let text = fields["value"], let value = Scenario.number(text), let source = fields["source"] else {
                throw ScenarioError(file: origin, line: item.mark?.line, key: "published", "needs metric, a numeric value and source", accepted: accepted)
            }
            return PublishedFigure(metric: metric, value: value, source: source, note: fields["note"] ?? "")
        }
    }
}

/// Our figure under a publication's assumptions, beside the published one.
public struct PublishedComparison: Sendable {
    public var scenario: String
    public var figure: PublishedFigure
    public var ours: Double?
    /// (ours − published) / published.
    public var difference: Double? { ours.map { ($0 - figure.value) / figure.value } }

    /// Evaluates each scenario and pairs every published figure with our value of the same key.
    public static func make(_ scenarios: [Scenario]) throws -> [PublishedComparison] {
        let model = OrbitalModel()
        var rows: [PublishedComparison] = []
        for s in scenarios where !s.published.isEmpty {
            let report = try Engine.evaluate(s, model: model).report
            for f in s.published {
                rows.append(PublishedComparison(scenario: s.name, figure: f, ours: report.find(f.metric)?.doubleValue))
            }
        }
        return rows
    }

    public var report: ResultValue {
        .object([
            ("scenario", .text(scenario)), ("metric", .text(figure.metric)), ("published", .number(figure.value)),
            ("ours", ours.map(ResultValue.number) ?? .null), ("difference", difference.map(ResultValue.number) ?? .null),
            ("source", .text(figure.source)), ("note", .text(figure.note)),
        ])
    }
}
