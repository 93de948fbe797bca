import Foundation

/// The result of evaluating one scenario of either kind.
public enum Evaluation: Sendable {
    case orbital(OrbitalResult)
    case terrestrial(TerrestrialResult)

    /// Levelized cost per delivered PFLOP-hour (dense BF16): the common measure of both kinds.
    public var costPerPflopHourUsd: Double {
        switch self {
        case let .orbital(r): return r.costPerPflopHourUsd
        case let .terrestrial(r): return r.costPerPflopHourUsd
        }
    }

    public var costPerAcceleratorHourUsd: Double {
        switch self {
        case let .orbital(r): return r.costPerAcceleratorHourUsd
        case let .terrestrial(r): return r.costPerAcceleratorHourUsd
        }
    }

    public var warnings: [String] {
        switch self {
        case let .orbital(r): return r.warnings
        case let .terrestrial(r): return r.warnings
        }
    }

    /// The output keys of MODEL.md, grouped, for rendering.
    public var report: ResultValue {
        switch self {
        case let .orbital(r): return r.report
        case let .terrestrial(r): return r.report
        }
    }
}

/// The engine's entry points for a planning tool: load, override, evaluate.
public enum Engine {
    /// Evaluates a scenario of either kind.
    /// Every number of the result is finite, or this throws naming the outputs and the scenario's
    /// explicit inputs: no verb prints `inf`, `NaN` or a silent `null`. A `ModelError` is rethrown
    /// as a `ScenarioError` with the scenario's file, the key's line and its accepted range.
    public static func evaluate(_ scenario: Scenario, model: OrbitalModel = .shared) throws -> Evaluation {
        let evaluation: Evaluation
        do {
            switch scenario.kind {
            case .orbital: evaluation = .orbital(try model.evaluate(scenario.orbitalInputs()))
            case .terrestrial: evaluation = .terrestrial(try TerrestrialModel.evaluate(scenario.terrestrialInputs()))
            }
            try checkFinite(evaluation.report, scenario: scenario)
        } catch let e as ModelError {
            // Named like an input error: the file, the key's line and its accepted range.
            throw ScenarioError(file: scenario.origin, line: e.key.flatMap { scenario.lines[$0] }, key: e.key, "\(ModelError(e.message))",
                                accepted: e.key.flatMap { scenario.parameter($0)?.acceptedText })
        } catch let e as ScenarioError {
            throw e
        } catch {
            throw ScenarioError(file: scenario.origin, "the model's numerical solver failed for these inputs (\(error))")
        }
        return evaluation
    }

    /// Throws when `value` holds a non-finite number, naming those outputs and the inputs set.
    public static func checkFinite(_ value: ResultValue, scenario: Scenario) throws {
        let bad = value.nonFiniteKeys()
        guard !bad.isEmpty else { return }
        let keys = scenario.values.keys.sorted()
        let inputs = keys.prefix(8).map { "\($0)=\(scenario.values[$0]!)" }.joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
        throw ModelError(key: bad.first, "\(bad.prefix(4).joined(separator: ", ")) cannot be computed as finite numbers from \(scenario.origin)"
                         + (keys.isEmpty ? " (defaults only)" : " with \(inputs)") + ": an input is too close to the end of its range for the model")
    }

    /// The report of a scenario, headed by its name and kind.
    public static func report(_ scenario: Scenario, _ evaluation: Evaluation) -> ResultValue {
        guard case let .object(pairs) = evaluation.report else { return evaluation.report }
        var head: [(String, ResultValue)] = [("scenario", .text(scenario.name)), ("kind", .text(scenario.kind.rawValue))]
        if let s = scenario.summary { head.append(("description", .text(s))) }
        return .object(head + pairs)
    }
}

extension OrbitalResult {
    /// The output keys of MODEL.md, grouped (from the output table).
    public var report: ResultValue { OutputTable.tree(self) }
}

extension TerrestrialResult {
    /// The output keys of MODEL.md, grouped (from the output table).
    public var report: ResultValue { OutputTable.tree(self) }
}
