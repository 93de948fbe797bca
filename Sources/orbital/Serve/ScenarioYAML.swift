import Foundation
import OrbitalCompute

/// Scenarios written back as YAML that `orbital` reads unchanged: the page's "download YAML"
/// (a scenario with the what-if overrides baked in) and inline JSON scenarios of the API.
enum ScenarioYAML {
    /// A scenario's explicit values, grouped by section, with its uncertainty declarations.
    /// Text is always double-quoted (so `"18"` stays text), numbers are written so that they
    /// read back to the same `Double`.
    static func yaml(of scenario: Scenario, header: [String] = []) -> String {
        var out = header.map { "# " + $0 + "\n" }.joined()
        out += "kind: \(scenario.kind.rawValue)\n"
        out += "name: \(quoted(scenario.name))\n"
        if let summary = scenario.summary { out += "description: \(quoted(summary))\n" }
        // Keys sorted, so each section's keys are consecutive: a section opens at its first key.
        var open: String?
        for (key, value) in scenario.values.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { out += "\(key): \(scalar(value))\n"; continue }
            if open != parts[0] { out += "\(parts[0]):\n"; open = parts[0] }
            out += "  \(parts[1]): \(scalar(value))\n"
        }
        if !scenario.uncertainty.isEmpty {
            out += "uncertainty:\n"
            for (key, distribution) in scenario.uncertainty.sorted(by: { $0.key < $1.key }) { out += "  \(key): \(quoted(distribution))\n" }
        }
        return out
    }

    static func scalar(_ v: ParameterValue) -> String {
        switch v {
        case let .number(x): return number(x)
        case let .text(s): return quoted(s)
        }
    }

    /// The shortest text that reads back to `x` (integers without a fraction).
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A YAML double-quoted scalar (JSON escaping is valid YAML).
    static func quoted(_ s: String) -> String { ResultValue.text(s).json() }

    /// A scenario written as a JSON object (sections as nested objects or dotted keys) → YAML.
    static func yaml(of object: [String: Any]) throws -> String {
        for key in ["kind", "name", "description"] where object[key] != nil && !(object[key] is String) {
            throw APIProblem(status: 422, title: "Unprocessable scenario or input", detail: "\(key): must be text", key: key, accepted: "a string")
        }
        var out = ""
        try emit(object, indent: 0, into: &out, path: "")
        return out
    }

    private static func emit(_ object: [String: Any], indent: Int, into out: inout String, path: String) throws {
        let pad = String(repeating: "  ", count: indent)
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            let name = quoted(key)
            if let nested = value as? [String: Any] {
                out += "\(pad)\(name):\n"
                try emit(nested, indent: indent + 1, into: &out, path: path + key + ".")
            } else if let s = value as? String {
                out += "\(pad)\(name): \(quoted(s))\n"
            } else if let n = value as? NSNumber {
                let type = String(cString: n.objCType)
                if type == "c" || type == "B" {
                    out += "\(pad)\(name): \(quoted(n.boolValue ? "true" : "false"))\n"
                } else {
                    guard n.doubleValue.isFinite else { throw APIProblem.badRequest("\(path + key): not a finite number") }
                    out += "\(pad)\(name): \(number(n.doubleValue))\n"
                }
            } else if value is NSNull {
                out += "\(pad)\(name): null\n"
            } else {
                throw APIProblem(status: 422, title: "Unprocessable scenario or input", detail: "\(path + key): a list is not accepted here", key: path + key,
                                 accepted: "a number, a string or an object of keys")
            }
        }
    }
}
