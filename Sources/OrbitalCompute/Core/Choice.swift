/// A named option of a scenario key (`thermal.orientation: nadir`), typed so that the Swift API
/// cannot misspell it: the parameter table parses the text once, at the scenario boundary, and
/// rejects anything else with the accepted list; the model switches over cases, never strings.
/// `rawValue` is the spelling in YAML, `--set` and JSON.
public protocol Choice: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String {}

extension Choice {
    /// Every accepted spelling, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// What the cluster runs: a training job (its delivered hours scale with the fabric's training
/// efficiency) or inference (the links carry tokens, not gradients).
public enum Workload: String, Choice { case training, inference }
