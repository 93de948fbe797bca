import Foundation
import OrbitalCompute

/// A problem with a request, answered as RFC 9457 `application/problem+json`: the HTTP status,
/// a short title, the detail (the CLI's own message for the same mistake) and, where known, the
/// request field and the scenario key that caused it, so that the page can show the message
/// beside that input.
struct APIProblem: Error, Equatable {
    var status: Int
    var title: String
    var detail: String
    /// The request field (`orbital`, `set[2]`, `draws`, …).
    var field: String?
    /// The scenario key (`orbit.altitude_km`), file and line, and what is accepted.
    var key: String?
    var file: String?
    var line: Int?
    var accepted: String?

    init(status: Int, title: String, detail: String, field: String? = nil, key: String? = nil, file: String? = nil, line: Int? = nil, accepted: String? = nil) {
        self.status = status; self.title = title; self.detail = detail; self.field = field
        self.key = key; self.file = file; self.line = line; self.accepted = accepted
    }

    static func badRequest(_ detail: String, field: String? = nil) -> APIProblem {
        APIProblem(status: 400, title: "Bad request", detail: detail, field: field)
    }

    /// An engine error (a scenario, an override or a model input the engine refuses): 422 with
    /// the message the CLI prints after `orbital: error:`.
    static func engine(_ error: Error, field: String?) -> APIProblem {
        if let p = error as? APIProblem { return p }
        var problem = APIProblem(status: 422, title: "Unprocessable scenario or input", detail: errorMessage(error), field: field)
        if let e = error as? ScenarioError {
            problem.key = e.key; problem.file = e.file; problem.line = e.line; problem.accepted = e.accepted
            // A limit (`--max-points`, `--max-draws`, …) names its flag as the "file": the
            // request field that asked for too much is the one at fault.
            if let file = e.file, file.hasPrefix("--max-") {
                problem.title = "Over a server limit"
                problem.field = APIProblem.limitField[file] ?? field
            }
        } else if let e = error as? ModelError {
            problem.key = e.key
        }
        return problem
    }

    /// The request field a CLI limit flag corresponds to.
    static let limitField = ["--max-points": "vary", "--max-draws": "draws", "--max-sobol-evaluations": "samples"]

    /// The problem document.
    func json(instance: String) -> String {
        var fields: [(String, ResultValue)] = [
            ("type", .text("about:blank")), ("title", .text(title)), ("status", .integer(status)),
            ("detail", .text(detail)), ("instance", .text(instance)),
        ]
        if let field { fields.append(("field", .text(field))) }
        if let key { fields.append(("key", .text(key))) }
        if let file { fields.append(("file", .text(file))) }
        if let line { fields.append(("line", .integer(line))) }
        if let accepted { fields.append(("accepted", .text(accepted))) }
        return ResultValue.object(fields).json() + "\n"
    }
}

/// A request body: a JSON object whose fields are checked by name and type, so that a misspelt
/// field is an error rather than silently ignored (as the CLI treats an unknown option).
struct APIRequest {
    let fields: [String: Any]

    init(body: [UInt8], accepted: [String]) throws {
        if body.isEmpty || body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw APIProblem.badRequest("the request body is empty: send a JSON object (fields: \(accepted.joined(separator: ", ")))")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) } catch {
            throw APIProblem.badRequest("the request body is not valid JSON: \(oneLine("\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)", max: 300))")
        }
        guard let dict = object as? [String: Any] else {
            throw APIProblem.badRequest("the request body must be a JSON object (fields: \(accepted.joined(separator: ", ")))")
        }
        for key in dict.keys.sorted() where !accepted.contains(key) {
            throw APIProblem.badRequest("unknown field '\(oneLine(key, max: 80))' (accepted: \(accepted.joined(separator: ", ")))", field: key)
        }
        // null is refused like any other wrong type (omit a field for its default).
        for key in dict.keys.sorted() where dict[key] is NSNull {
            throw APIProblem.badRequest("'\(oneLine(key, max: 80))' is null: omit the field for its default", field: key)
        }
        fields = dict
    }

    func string(_ name: String) throws -> String? {
        guard let v = fields[name] else { return nil }
        guard let s = v as? String else { throw APIProblem.badRequest("'\(name)' must be a string", field: name) }
        return s
    }

    func strings(_ name: String) throws -> [String] {
        guard let v = fields[name] else { return [] }
        if let s = v as? String { return [s] }
        guard let list = v as? [Any], list.allSatisfy({ $0 is String }) else {
            throw APIProblem.badRequest("'\(name)' must be a list of strings", field: name)
        }
        return list.map { $0 as! String }
    }

    func bool(_ name: String) throws -> Bool? {
        guard let v = fields[name] else { return nil }
        guard let n = v as? NSNumber, isBool(n) else {
            throw APIProblem.badRequest("'\(name)' must be true or false", field: name)
        }
        return n.boolValue
    }

    private func isBool(_ n: NSNumber) -> Bool {
        // Foundation on Linux: JSON true/false decode as NSNumber of objCType "c".
        String(cString: n.objCType) == "c" || String(cString: n.objCType) == "B"
    }

    func number(_ name: String) throws -> Double? {
        guard let v = fields[name] else { return nil }
        guard let n = v as? NSNumber, !isBool(n), n.doubleValue.isFinite else {
            throw APIProblem.badRequest("'\(name)' must be a number", field: name)
        }
        return n.doubleValue
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let x = try number(name) else { return nil }
        guard x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw APIProblem(status: 422, title: "Unprocessable scenario or input", detail: "'\(name)' must be a whole number in [\(range.lowerBound), \(range.upperBound)]", field: name,
                             accepted: "a whole number in [\(range.lowerBound), \(range.upperBound)]")
        }
        return Int(x)
    }

    /// A scenario field: a shipped name, YAML text, or an inline JSON object (a scenario written
    /// as JSON). A name never reads the server's file system: only what ships is served.
    func scenario(_ name: String, required: Bool = true) throws -> Scenario? {
        guard let v = fields[name] else {
            if required { throw APIProblem.badRequest("missing required field '\(name)': a shipped scenario name (GET /api/v1/models) or a scenario as YAML text or a JSON object", field: name) }
            return nil
        }
        if let object = v as? [String: Any] {
            return try Self.parseInline(ScenarioYAML.yaml(of: object), field: name)
        }
        guard let text = v as? String else {
            throw APIProblem.badRequest("'\(name)' must be a shipped scenario name, YAML text or a JSON object", field: name)
        }
        return try Self.scenario(text, field: name)
    }

    /// Resolves a scenario field's text: a shipped name (404 when unknown), else YAML.
    static func scenario(_ text: String, field: String) throws -> Scenario {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let looksLikeName = !trimmed.isEmpty && !trimmed.contains(":") && !trimmed.contains("\n") && !trimmed.contains("{")
        if looksLikeName || trimmed.hasPrefix("Models/") && !trimmed.contains("\n") {
            guard let shipped = ShippedModels.scenario(named: trimmed) else {
                throw APIProblem(status: 404, title: "Not found", detail: "\(oneLine(trimmed, max: 200)): not a shipped scenario (accepted: a name from GET /api/v1/models, or YAML text)",
                                 field: field, file: oneLine(trimmed, max: 200), accepted: "a name from GET /api/v1/models, or YAML text")
            }
            do { return try Scenario.parse(yaml: shipped.text, origin: shipped.path) } catch { throw APIProblem.engine(error, field: field) }
        }
        return try parseInline(text, field: field)
    }

    /// Inline YAML: errors name the field as the file (`orbital.yaml:3: …`), and the scenario's
    /// name is its `name:` or the field's.
    static func parseInline(_ text: String, field: String) throws -> Scenario {
        do { return try Scenario.parse(yaml: text, origin: field + ".yaml") } catch { throw APIProblem.engine(error, field: field) }
    }

    /// Runs `body`, turning an engine error into a 422 problem that names the request field
    /// most likely at fault: the entry of a list (`set[1]`, `vary[0]`) whose key the error
    /// names, else `fallback`.
    static func engine<T>(overrides: [String], listField: String = "set", also: (String, [String])? = nil, fallback: String?, _ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            if let p = error as? APIProblem { throw p }
            var field = fallback
            let key = (error as? ScenarioError)?.key ?? (error as? ModelError)?.key
            let lists = [(listField, overrides)] + (also.map { [$0] } ?? [])
            if let key {
                let bare = key.split(separator: ":").last.map(String.init) ?? key
                search: for (name, list) in lists {
                    if let i = list.firstIndex(where: { o in
                        let k = o.split(separator: "=", maxSplits: 1).first.map(String.init) ?? o
                        return k == key || (k.split(separator: ":").last.map(String.init) ?? k) == bare || o == key
                    }) { field = "\(name)[\(i)]"; break search }
                }
            }
            if let file = (error as? ScenarioError)?.file, field == fallback {
                if file == "--set", !overrides.isEmpty, listField == "set" { field = "set" }
                if file == "--vary" { field = "vary" }
            }
            throw APIProblem.engine(error, field: field)
        }
    }
}
