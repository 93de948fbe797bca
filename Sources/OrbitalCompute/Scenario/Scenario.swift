import Foundation
import Yams

/// A scenario as a user wrote it: its kind, a name, and the values that differ from the defaults.
///
/// Load one from YAML (`Scenario.load(path:)`), override values (`set(_:_:)`, like `--set`),
/// then turn it into typed inputs (`orbitalInputs()`, `terrestrialInputs()`) for evaluation.
public struct Scenario: Sendable, Equatable {
    public var kind: ScenarioKind
    public var name: String
    public var summary: String?
    /// Where the scenario came from (a path, or "<memory>"), for error messages.
    public var origin: String
    /// The values given explicitly, by dotted key.
    public private(set) var values: [String: ParameterValue]
    /// Line of each key in the file, for error messages.
    var lines: [String: Int] = [:]
    /// Optional uncertainty declarations (`uncertainty:` section), kept as text for the Monte Carlo engine.
    public private(set) var uncertainty: [String: String] = [:]
    /// Figures a published analysis reports for this scenario (`published:` section), to set beside ours.
    public private(set) var published: [PublishedFigure] = []

    public init(kind: ScenarioKind, name: String = "scenario", origin: String = "<memory>", values: [String: ParameterValue] = [:]) throws {
        self.kind = kind
        self.name = name
        self.origin = origin
        self.values = [:]
        for key in values.keys.sorted() { try set(key, values[key]!) }
        try checkConsistency()
    }

    /// The top-level keys that are not parameter sections.
    static let metadataKeys: Set<String> = ["kind", "name", "description", "uncertainty", "published"]

    // MARK: Loading

    /// Reads and validates a YAML scenario file.
    public static func load(path: String) throws -> Scenario {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScenarioError(file: path, "no such file")
        }
        let data = try readBounded(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, "cannot be read as UTF-8 text")
        }
        return try parse(yaml: text, origin: path)
    }

    /// Reads at most `Limits.inputBytes` (+1 to detect more) from a file, so that a huge file or
    /// an endless device (/dev/zero) is refused instead of exhausting memory.
    static func readBounded(path: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ScenarioError(file: path, "cannot be read: \(String(cString: strerror(errno)))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ScenarioError(file: path, "is a folder, not a scenario file") }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > Limits.inputBytes {
            throw ScenarioError(file: path, "is \(info.st_size) bytes, over the input limit of \(Limits.inputBytes)",
                                accepted: "at most \(Limits.inputBytes) bytes; raise it with --max-input-bytes N or ORBITAL_MAX_INPUT_BYTES")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ScenarioError(file: path, "cannot be opened for reading") }
        defer { try? handle.close() }
        var data = Data()
        while data.count <= Limits.inputBytes {
            let chunk = handle.readData(ofLength: min(1 << 16, Limits.inputBytes + 1 - data.count))
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        guard data.count <= Limits.inputBytes else {
            throw ScenarioError(file: path, "is over the input limit of \(Limits.inputBytes) bytes",
                                accepted: "at most \(Limits.inputBytes) bytes; raise it with --max-input-bytes N or ORBITAL_MAX_INPUT_BYTES")
        }
        return data
    }

    /// Stack of the thread that composes YAML: the composer recurses once per nesting level
    /// (≈2 kB a level), so 256 MB holds ≈100,000 levels — a second line of defence behind the
    /// pre-scan's limit of 64. Only the pages touched are committed.
    static let composerStackBytes = 256 << 20

    /// `Yams.compose` on a thread with a large stack.
    static func composeOnLargeStack(_ yaml: String) throws -> Node? {
        final class Box: @unchecked Sendable { var result: Result<Node?, Error> = .success(nil) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try Yams.compose(yaml: yaml) }
            done.signal()
        }
        thread.stackSize = composerStackBytes
        thread.start()
        done.wait()
        return try box.result.get()
    }

    /// Parses and validates YAML text. `origin` names it in errors.
    public static func parse(yaml: String, origin: String = "<memory>") throws -> Scenario {
        // Bounded before composing: the composer recurses once per nesting level.
        try YAMLPrescan.check(yaml, origin: origin)
        let root: Node?
        do { root = try composeOnLargeStack(yaml) } catch let error as YamlError {
            let (line, message) = yamlMessage(error)
            throw ScenarioError(file: origin, line: line, "malformed YAML: " + message)
        } catch {
            throw ScenarioError(file: origin, "malformed YAML: \(error)")
        }
        guard let root, case let .mapping(top) = root else {
            throw ScenarioError(file: origin, "a scenario must be a YAML mapping with at least 'kind:'", accepted: "kind: orbital | terrestrial")
        }
        // A key given twice (top level) is an error naming both lines, never "last one wins".
        var topLines: [String: Int] = [:]
        for (k, _) in top {
            guard let name = k.string else { continue }
            if let first = topLines[name] {
                throw ScenarioError(file: origin, line: line(of: k), key: name, "is given twice (lines \(first) and \(line(of: k) ?? 0))", accepted: "each key once")
            }
            topLines[name] = line(of: k) ?? 0
        }
        var kindText: String?
        var kindNode: Node?
        for (k, v) in top where k.string == "kind" { kindText = v.string; kindNode = v }
        guard let kindText else {
            throw ScenarioError(file: origin, key: "kind", "missing required key", accepted: "orbital, terrestrial")
        }
        guard let kind = ScenarioKind(rawValue: kindText) else {
            throw ScenarioError(file: origin, line: kindNode.flatMap(line(of:)) ?? line(of: root), key: "kind", "'\(kindText)' is not a scenario kind", accepted: "orbital, terrestrial")
        }
        var scenario = try Scenario(kind: kind, origin: origin)
        scenario.name = URL(fileURLWithPath: origin).deletingPathExtension().lastPathComponent
        for (keyNode, valueNode) in top {
            guard let key = keyNode.string else {
                throw ScenarioError(file: origin, line: line(of: keyNode), "keys must be plain names")
            }
            switch key {
            case "kind": continue
            case "name":
                guard let s = valueNode.string else { throw ScenarioError(file: origin, line: line(of: valueNode), key: key, "must be text") }
                scenario.name = s
            case "description":
                scenario.summary = valueNode.string
            case "uncertainty":
                guard case let .mapping(entries) = valueNode else {
                    throw ScenarioError(file: origin, line: line(of: valueNode), key: key, "must map keys to distributions", accepted: "KEY: uniform(lo, hi) | normal(mean, sd) | lognormal(median, sigma) | triangular(lo, mode, hi)")
                }
                var seen: [String: Int] = [:]
                for (k, v) in entries {
                    let name = k.string ?? ""
                    if let first = seen[name] {
                        throw ScenarioError(file: origin, line: line(of: k), key: "uncertainty." + name, "is given twice (lines \(first) and \(line(of: k) ?? 0))", accepted: "each key once")
                    }
                    seen[name] = line(of: k) ?? 0
                    guard scenario.parameter(name) != nil else {
                        throw ScenarioError(file: origin, line: line(of: k), key: "uncertainty." + name, "unknown parameter for a \(kind.rawValue) scenario", accepted: "see `orbital explain`")
                    }
                    guard let text = v.string else {
                        throw ScenarioError(file: origin, line: line(of: v), key: "uncertainty." + name, "must be one distribution", accepted: InputDistribution.accepted)
                    }
                    // Checked here so that `validate` and every verb catch a misspelt distribution.
                    _ = try InputDistribution.parse(text, key: "uncertainty." + name, origin: origin + (line(of: v).map { ":\($0)" } ?? ""))
                    scenario.uncertainty[name] = text
                }
            case "published":
                scenario.published = try PublishedFigure.parse(valueNode, origin: origin)
            default:
                try scenario.absorb(valueNode, prefix: key)
            }
        }
        try scenario.checkConsistency()
        return scenario
    }

    private mutating func absorb(_ node: Node, prefix: String) throws {
        switch node {
        case let .mapping(entries):
            for (k, v) in entries {
                guard let name = k.string else { throw ScenarioError(file: origin, line: Scenario.line(of: k), key: prefix, "keys must be plain names") }
                try absorb(v, prefix: prefix + "." + name)
            }
        case let .scalar(scalar):
            let value: ParameterValue
            if scalar.style == .plain, let x = Scenario.number(scalar.string) {
                value = .number(x)
            } else if scalar.style == .plain, ["~", "null", ""].contains(scalar.string) {
                throw ScenarioError(file: origin, line: Scenario.line(of: node), key: prefix, "has no value", accepted: acceptedText(prefix))
            } else {
                value = .text(scalar.string)
            }
            // The same key twice (a section given twice, or a dotted key beside its section).
            if let first = lines[prefix] {
                throw ScenarioError(file: origin, line: Scenario.line(of: node), key: prefix, "is given twice (lines \(first) and \(Scenario.line(of: node) ?? 0))", accepted: "each key once")
            }
            lines[prefix] = Scenario.line(of: node)
            try set(prefix, value)
        case .sequence:
            throw ScenarioError(file: origin, line: Scenario.line(of: node), key: prefix, "a list is not accepted here", accepted: acceptedText(prefix))
        }
    }

    // MARK: Overrides

    /// Sets one value after checking the key exists for this kind and the value is accepted.
    public mutating func set(_ key: String, _ value: ParameterValue) throws {
        guard let parameter = parameter(key) else {
            if kind == .orbital ? ParameterTable.terrestrial[key] != nil : ParameterTable.orbital[key] != nil {
                throw ScenarioError(file: origin, line: lines[key], key: key, "is not a parameter of a \(kind.rawValue) scenario", accepted: "see `orbital explain`")
            }
            let hint = Scenario.closestKey(to: key, in: kind).map { "did you mean \($0)?" } ?? "see `orbital explain`"
            throw ScenarioError(file: origin, line: lines[key], key: key, "unknown key", accepted: hint)
        }
        if let reason = parameter.rejection(of: value) {
            throw ScenarioError(file: origin, line: lines[key], key: key, reason, accepted: parameter.acceptedText)
        }
        values[key] = value
    }

    /// Applies a `KEY=VALUE` override as written on the command line.
    public mutating func apply(override text: String) throws {
        let pair = try KeyValue.parse(text, flag: "--set", accepted: "e.g. orbit.altitude_km=800")
        let key = pair.key
        let raw = pair.value.trimmingCharacters(in: .whitespaces)
        let value: ParameterValue = Scenario.number(raw).map(ParameterValue.number) ?? .text(raw)
        let saved = origin
        origin = "--set"
        lines[key] = nil          // the file's line no longer applies
        defer { origin = saved }
        try set(key, value)
        try checkConsistency()
    }

    /// Sets a value already accepted in another scenario of the same kind (no re-validation).
    mutating func setUnchecked(_ key: String, _ value: ParameterValue) { values[key] = value }

    /// Removes an explicit value, so the default (or derivation) applies again.
    public mutating func unset(_ key: String) { values[key] = nil }

    /// Keys that must not be given together.
    static let exclusive: [(String, String)] = [
        ("compute.it_power_w", "compute.accelerator_count"),
        ("orbit.sso_ltan_h", "orbit.inclination_deg"),
        ("orbit.beta_deg", "orbit.inclination_deg"),
        ("orbit.beta_deg", "orbit.sso_ltan_h"),
    ]
    /// Keys that mean nothing without another (so would be silently ignored).
    static let requires: [(String, String)] = [
        ("orbit.raan_deg", "orbit.inclination_deg"),
    ]

    public func checkConsistency() throws {
        for (a, b) in Scenario.exclusive where values[a] != nil && values[b] != nil {
            throw ScenarioError(file: origin, line: lines[b], key: b, "cannot be given together with \(a)", accepted: "one of \(a), \(b)")
        }
        for (a, b) in Scenario.requires where values[a] != nil && values[b] == nil {
            throw ScenarioError(file: origin, line: lines[a], key: a, "applies only with \(b) (a sun-synchronous node follows the Sun)", accepted: "give \(b) too")
        }
    }

    // MARK: Typed inputs

    /// The orbital inputs: defaults, then the explicit values.
    public func orbitalInputs() throws -> OrbitalInputs {
        guard kind == .orbital else { throw ScenarioError(file: origin, key: "kind", "is \(kind.rawValue), expected orbital") }
        return ParameterTable.orbital.inputs(with: values)
    }

    /// The terrestrial inputs: defaults, then the explicit values.
    public func terrestrialInputs() throws -> TerrestrialInputs {
        guard kind == .terrestrial else { throw ScenarioError(file: origin, key: "kind", "is \(kind.rawValue), expected terrestrial") }
        return ParameterTable.terrestrial.inputs(with: values)
    }

    /// The effective value of a key: explicit, else the default (nil for an absent optional).
    public func value(of key: String) -> ParameterValue? {
        if let v = values[key] { return v }
        switch kind {
        case .orbital: return ParameterTable.orbital[key]?.defaultValue
        case .terrestrial: return ParameterTable.terrestrial[key]?.defaultValue
        }
    }

    /// The parameter description of a key for this kind, or nil when unknown.
    public func parameter(_ key: String) -> ParameterInfo? {
        switch kind {
        case .orbital: return ParameterTable.orbital[key].map { ParameterInfo($0, kind: .orbital) }
        case .terrestrial: return ParameterTable.terrestrial[key].map { ParameterInfo($0, kind: .terrestrial) }
        }
    }

    func acceptedText(_ key: String) -> String { parameter(key)?.acceptedText ?? "see `orbital explain`" }

    // MARK: Helpers

    /// A plain YAML or command-line number: 650, 1.0e9, 1_000_000, -0.0025. Not inf or nan.
    static func number(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        // Decimal only: Double() also reads hex floats (0x1p3), which no one means in a scenario.
        guard !cleaned.isEmpty, cleaned.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }) else { return nil }
        guard let x = Double(cleaned), x.isFinite, cleaned.lowercased() != "inf", !cleaned.lowercased().contains("nan") else { return nil }
        return x
    }

    /// A decimal number as a flag value (`Scenario.number`'s rules: no hex, inf or nan).
    public static func decimal(_ text: String) -> Double? { number(text) }

    static func line(of node: Node) -> Int? { node.mark.map { $0.line } }

    /// The line and a one-line message of a YAML error: the problem and its context, without
    /// the quoted source snippet.
    static func yamlMessage(_ error: YamlError) -> (line: Int?, message: String) {
        func describe(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> (Int?, String) {
            let where_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return (mark.line, "\(problem) at column \(mark.column)" + where_)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return describe(context, problem, mark)
        case let .reader(problem, offset, _, _):
            return (nil, problem + (offset.map { " at byte \($0)" } ?? ""))
        default:
            let text = "\(error)"
            return (nil, text.split(separator: "\n").first.map(String.init) ?? text)
        }
    }

    static func closestKey(to key: String, in kind: ScenarioKind) -> String? {
        let keys = kind == .orbital ? ParameterTable.orbital.keys : ParameterTable.terrestrial.keys
        let leaf = key.split(separator: ".").last.map(String.init) ?? key
        return keys.first { $0.hasSuffix("." + leaf) } ?? keys.min { editDistance($0, key) < editDistance($1, key) }
            .flatMap { editDistance($0, key) <= 4 ? $0 : nil }
    }
}

extension ParameterTable {
    /// Defaults with `values` applied (values are assumed validated).
    func inputs(with values: [String: ParameterValue]) -> Inputs {
        var inputs = defaultInputs
        for (key, value) in values { self[key]?.apply(value, to: &inputs) }
        return inputs
    }
}

extension Parameter {
    var acceptedText: String {
        switch domain {
        case .choice: return domain.description
        default: return unit == "-" ? domain.description : "\(domain.description) \(unit)"
        }
    }
}

/// A kind-independent description of a parameter, for `explain`, help text and reports.
public struct ParameterInfo: Sendable, Equatable {
    public var key: String
    public var kind: ScenarioKind
    public var unit: String
    public var domain: ParameterDomain
    public var defaultValue: ParameterValue?
    public var description: String
    public var provenance: Provenance?
    public var derivation: String?

    init<I>(_ p: Parameter<I>, kind: ScenarioKind) {
        key = p.key; self.kind = kind; unit = UnitSpelling.canonical(p.unit); domain = p.domain; defaultValue = p.defaultValue
        description = p.description; provenance = p.provenance; derivation = p.derivation
    }

    public var acceptedText: String {
        switch domain {
        case .choice: return domain.description
        default: return unit == "-" ? domain.description : "\(domain.description) \(unit)"
        }
    }

    func rejection(of value: ParameterValue) -> String? {
        switch kind {
        case .orbital: return ParameterTable.orbital[key]!.rejection(of: value)
        case .terrestrial: return ParameterTable.terrestrial[key]!.rejection(of: value)
        }
    }

    /// Every parameter of both kinds, orbital first, in table order.
    public static var all: [ParameterInfo] {
        ParameterTable.orbital.parameters.map { ParameterInfo($0, kind: .orbital) }
            + ParameterTable.terrestrial.parameters.map { ParameterInfo($0, kind: .terrestrial) }
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in 1...max(b.count, 1) where !b.isEmpty {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}
