import Foundation
import OrbitalCompute
import OrbitalReport

/// What the server refuses before it starts work (`orbital serve --max-…`).
struct ServeLimits: Sendable {
    /// Largest request body [bytes] (413 above it).
    var bodyBytes = 1 << 20
    /// Most grid points of one `/sweep` request.
    var sweepPoints = 100_000
    /// Most Monte Carlo draws of one `/montecarlo` request.
    var draws = 200_000
    /// Most model evaluations of one `/sensitivity` Sobol analysis, N·(k+2).
    var sobolEvaluations = 200_000
    /// Wall time of one request [s] (503 after it).
    var seconds = 30.0
    /// Worker threads of one study request.
    var jobs = Parallel.defaultJobs
    /// A sweep's rows are sent in one body (with its length) up to this many bytes, so that a
    /// sweep over its wall time still gets a 503; a larger output streams (chunked).
    var streamAfterBytes = 256 << 10
}

/// An answer: status, media type and body.
struct APIResponse: Sendable {
    var status = 200
    var contentType = "application/json"
    var body: String
    /// A file name: the browser saves the body (Content-Disposition: attachment).
    var attachment: String?
}

/// The JSON API, independent of the HTTP framework: each route is a function of the request
/// body (or query) that returns the CLI's JSON for the same verb (`Envelope`), computed by the
/// same functions the verbs call.
enum API {
    static let json = "application/json"

    // MARK: GET

    /// `GET /api/v1/parameters[?key=KEY]`: `orbital explain [KEY] --format json`.
    static func parameters(key: String?) throws -> APIResponse {
        var matches = ParameterInfo.all
        if let key, !key.isEmpty {
            matches = matches.filter { $0.key == key }
            if matches.isEmpty { matches = ParameterInfo.all.filter { $0.key.hasPrefix(key + ".") } }
            if matches.isEmpty {
                throw APIProblem(status: 404, title: "Not found", detail: "\(oneLine(key, max: 120)): unknown key or section (accepted: `orbital explain` lists every key)",
                                 field: "key", key: oneLine(key, max: 120), accepted: "`orbital explain` lists every key")
            }
        }
        return APIResponse(body: Envelope.json(verb: "explain", .array(Explain.rows(matches).map(\.1))))
    }

    /// `GET /api/v1/models`: the shipped scenarios (`orbital models`, as JSON).
    static func models() throws -> APIResponse {
        let rows: [ResultValue] = try ShippedModels.scenarios.map { file in
            let s = try Scenario.parse(yaml: file.text, origin: file.path)
            return .object([("name", .text(file.name)), ("kind", .text(s.kind.rawValue)), ("description", .text(s.summary ?? "")),
                            ("published", .bool(file.isPublished))])
        }
        return APIResponse(body: Envelope.json(verb: "models", .array(rows)))
    }

    /// `GET /api/v1/controls`: every parameter with its domain as numbers (bounds, whole or
    /// real, choices), unit, default and source: what the page builds its sliders from.
    static func controls() -> APIResponse {
        let rows: [ResultValue] = ParameterInfo.all.map { p in
            var fields: [(String, ResultValue)] = [("key", .text(p.key)), ("kind", .text(p.kind.rawValue)), ("unit", .text(p.unit))]
            switch p.domain {
            case let .real(b), let .integer(b):
                if case .integer = p.domain { fields.append(("type", .text("integer"))) } else { fields.append(("type", .text("number"))) }
                fields.append(("minimum", .number(b.lower)))
                fields.append(("maximum", .number(b.upper)))
                fields.append(("minimum_open", .bool(b.lowerOpen)))
                fields.append(("maximum_open", .bool(b.upperOpen)))
            case let .choice(options):
                fields.append(("type", .text("choice")))
                fields.append(("choices", .array(options.map { .text($0) })))
            }
            switch p.defaultValue {
            case let .number(x)?: fields.append(("default", .number(x)))
            case let .text(s)?: fields.append(("default", .text(s)))
            case nil: fields.append(("default", .null))
            }
            fields += [("derivation", p.derivation.map { .text($0) } ?? .null), ("accepted", .text(p.acceptedText)),
                       ("description", .text(p.description)), ("source", .text(p.provenance?.summary ?? "—"))]
            return .object(fields)
        }
        return APIResponse(body: Envelope.json(verb: "controls", .array(rows)))
    }

    // MARK: POST: the verbs

    static let pairFields = ["orbital", "ground", "set"]

    /// `POST /api/v1/evaluate` `{"scenario": …}` or `{"scenarios": […]}`, `set`.
    static func evaluate(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: ["scenario", "scenarios", "set"])
        var scenarios: [Scenario] = []
        if let one = try r.scenario("scenario", required: false) { scenarios.append(one) }
        if let many = r.fields["scenarios"] {
            guard let list = many as? [Any], !list.isEmpty, list.count <= 16 else {
                throw APIProblem.badRequest("'scenarios' must be a list of 1 to 16 scenarios (names, YAML text or objects)", field: "scenarios")
            }
            for (i, item) in list.enumerated() {
                let field = "scenarios[\(i)]"
                if let s = item as? String { scenarios.append(try APIRequest.scenario(s, field: field)) } else if let o = item as? [String: Any] {
                    scenarios.append(try APIRequest.parseInline(try ScenarioYAML.yaml(of: o), field: field))
                } else { throw APIProblem.badRequest("'\(field)' must be a scenario name, YAML text or an object", field: field) }
            }
        }
        guard !scenarios.isEmpty else { throw APIProblem.badRequest("give 'scenario' (or 'scenarios'): a shipped name, YAML text or a JSON object", field: "scenario") }
        let set = try r.strings("set")
        let results = try APIRequest.engine(overrides: set, fallback: r.fields["scenario"] != nil ? "scenario" : "scenarios") {
            try Evaluate.results(scenarios, overrides: set)
        }
        return APIResponse(body: Envelope.json(verb: "evaluate", .array(results.map(\.1))))
    }

    /// The orbital and ground scenarios of a request, with the overrides (Colossus 1 by default).
    static func pairOf(_ r: APIRequest) throws -> (Scenario, Scenario, [String]) {
        let o = try r.scenario("orbital")!
        let g = try r.scenario("ground", required: false)
        let set = try r.strings("set")
        let (a, b) = try APIRequest.engine(overrides: set, fallback: "orbital") { try pair(o, g, overrides: set) }
        return (a, b, set)
    }

    /// `POST /api/v1/compare` `{"orbital", "ground", "set", "swing"}`.
    static func compare(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: pairFields + ["swing"])
        let swing = try r.number("swing") ?? 0.25
        guard swing > 0, swing < 1 else { throw APIProblem(status: 422, title: "Unprocessable scenario or input", detail: "--swing must be between 0 and 1 (exclusive)", field: "swing", accepted: "(0, 1)") }
        let (o, g, set) = try pairOf(r)
        let c = try APIRequest.engine(overrides: set, fallback: "orbital") { try Comparison.make(orbital: o, ground: g, swing: swing) }
        return APIResponse(body: Envelope.json(verb: "compare", c.report))
    }

    /// `POST /api/v1/breakeven` `{"orbital", "ground", "set", "solve", "range"}`.
    static func breakeven(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: pairFields + ["solve", "range"])
        guard let solve = try r.string("solve") else { throw APIProblem.badRequest("missing required field 'solve': the numeric key to solve for, e.g. launch.cost_per_kg_usd", field: "solve") }
        let range = try r.string("range")
        let (o, g, set) = try pairOf(r)
        let result = try APIRequest.engine(overrides: set, fallback: "solve") { try Breakeven.solve(orbital: o, ground: g, key: solve, range: range) }
        return APIResponse(body: Envelope.json(verb: "breakeven", result.report))
    }

    /// A study's scenarios as the study verbs load them: an orbital primary is compared with
    /// `ground` (else the shipped colossus-1); a terrestrial one stands alone.
    static func studyOf(_ r: APIRequest, primaryField: String) throws -> (StudySetup, [String]) {
        let primary = try r.scenario(primaryField)!
        let ground = primary.kind == .orbital ? (try r.scenario("ground", required: false) ?? APIRequest.scenario("colossus-1", field: "ground")) : nil
        let set = try r.strings("set")
        let setup = try APIRequest.engine(overrides: set, fallback: primaryField) { try studySetup(primary, against: ground, overrides: set) }
        return (setup, set)
    }

    /// `POST /api/v1/sensitivity` `{"scenario", "ground", "set", "vary", "swing", "samples"}`.
    static func sensitivity(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: ["scenario", "ground", "set", "vary", "swing", "samples"])
        let swing = try r.number("swing") ?? 0.25
        guard swing > 0, swing < 1 else { throw APIProblem(status: 422, title: "Unprocessable scenario or input", detail: "--swing must be in (0, 1)", field: "swing", accepted: "(0, 1)") }
        let samples = try r.integer("samples", in: 2...1_000_000) ?? 1024
        let vary = try r.strings("vary")
        let (setup, set) = try studyOf(r, primaryField: "scenario")
        let result = try APIRequest.engine(overrides: set, also: ("vary", vary), fallback: "scenario") {
            try SensitivityCommand.analyse(setup, vary: vary, swing: swing, samples: samples, jobs: limits.jobs, maxSobolEvaluations: limits.sobolEvaluations)
        }
        return APIResponse(body: Envelope.json(verb: "sensitivity", result.report))
    }

    /// `POST /api/v1/montecarlo` `{"scenario", "ground", "set", "vary", "draws", "seed", "no_declared", "thermal_transient"}`.
    static func montecarlo(_ body: [UInt8], limits: ServeLimits, deadline: Deadline) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: ["scenario", "ground", "set", "vary", "draws", "seed", "no_declared", "thermal_transient"])
        let draws = try r.integer("draws", in: 1...Int(Int32.max)) ?? 10_000
        let seed = try r.integer("seed", in: 0...Int(Int32.max)) ?? 1
        let vary = try r.strings("vary")
        let noDeclared = try r.bool("no_declared") ?? false
        let transient = try r.bool("thermal_transient") ?? false
        let (setup, set) = try studyOf(r, primaryField: "scenario")
        let inputs = try APIRequest.engine(overrides: set, also: ("vary", vary), fallback: "vary") {
            try MonteCarloCommand.inputs(setup, vary: vary, useDeclared: !noDeclared, draws: draws, maxDraws: limits.draws)
        }
        let result = try APIRequest.engine(overrides: set, also: ("vary", vary), fallback: "scenario") {
            try MonteCarlo.run(setup: setup, inputs: inputs, draws: draws, seed: UInt64(seed), jobs: limits.jobs, thermalTransient: transient,
                               maxDraws: limits.draws, drawsSink: nil, progress: nil)
        }
        return APIResponse(body: Envelope.json(verb: "montecarlo", result.report))
    }

    /// `POST /api/v1/sweep` `{"scenario", "against", "ratio", "set", "vary"}`: the grid, checked
    /// against the point limit; `SweepStream` streams its JSON lines as `orbital sweep --format
    /// json` prints them.
    static func sweepPlan(_ body: [UInt8], limits: ServeLimits) throws -> SweepPlan {
        let r = try APIRequest(body: body, accepted: ["scenario", "against", "ratio", "set", "vary"])
        let primary = try r.scenario("scenario")!
        var against = try r.scenario("against", required: false)
        if against == nil, try r.bool("ratio") == true { against = try APIRequest.scenario("colossus-1", field: "ratio") }
        let set = try r.strings("set")
        let vary = try r.strings("vary")
        guard !vary.isEmpty else { throw APIProblem.badRequest("missing required field 'vary': at least one axis KEY=LO:HI:N[:log] or KEY=a,b,c", field: "vary") }
        let setup = try APIRequest.engine(overrides: set, fallback: "scenario") { try studySetup(primary, against: against, overrides: set) }
        return try APIRequest.engine(overrides: vary, listField: "vary", fallback: "vary") {
            try SweepCommand.plan(setup, vary: vary, shard: (0, 1), format: .jsonl, maxPoints: limits.sweepPoints)
        }
    }

    // MARK: POST: the page

    /// `POST /api/v1/report` `{"orbital", "ground", "set", "swing", "sobol_samples"}`: the
    /// self-contained HTML report (`orbital report … --output report.html`).
    static func report(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: pairFields + ["swing", "sobol_samples"])
        let swing = try r.number("swing") ?? 0.25
        guard swing > 0, swing < 1 else { throw APIProblem(status: 422, title: "Unprocessable scenario or input", detail: "--swing must be between 0 and 1 (exclusive)", field: "swing", accepted: "(0, 1)") }
        let samples = try r.integer("sobol_samples", in: 2...65_536) ?? 256
        let o = try r.scenario("orbital")!
        let g = try r.scenario("ground", required: false)
        let set = try r.strings("set")
        let command = ReportDocument.shellQuoted(["orbital", "report", argument(r, "orbital", o), argument(r, "ground", g ?? Scenario.colossus1)]
            + set.flatMap { ["--set", $0] } + ["--output", "report.html"])
        let document = try APIRequest.engine(overrides: set, fallback: "orbital") {
            try Report.document(o, g, overrides: set, swing: swing, sobolSamples: samples, maxLaunches: Limits.timelineLaunches, command: command)
        }
        let file = "orbital-report-\(o.name).html"
        return APIResponse(contentType: "text/html; charset=utf-8", body: document.html(),
                           attachment: file)
    }

    /// How a scenario field is named on a command line: its shipped name, else a file.
    static func argument(_ r: APIRequest, _ field: String, _ s: Scenario) -> String {
        if let text = r.fields[field] as? String, ShippedModels.scenario(named: text.trimmingCharacters(in: .whitespacesAndNewlines)) != nil {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return r.fields[field] == nil ? "colossus-1" : "\(s.name).yaml"
    }

    /// `POST /api/v1/resolve` `{"orbital", "ground", "set"}`: both scenarios with the overrides
    /// applied, as YAML that `orbital` runs unchanged, and the effective value of every key.
    static func resolve(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: pairFields)
        let (o, g, set) = try pairOf(r)
        func side(_ s: Scenario, _ field: String) throws -> ResultValue {
            let table: [(String, ParameterValue?)]
            switch s.kind {
            case .orbital:
                let inputs = try s.orbitalInputs()
                table = ParameterTable.orbital.parameters.map { ($0.key, $0.value(in: inputs)) }
            case .terrestrial:
                let inputs = try s.terrestrialInputs()
                table = ParameterTable.terrestrial.parameters.map { ($0.key, $0.value(in: inputs)) }
            }
            let values: [(String, ResultValue)] = table.map { key, v in
                switch v {
                case let .number(x)?: return (key, .number(x))
                case let .text(t)?: return (key, .text(t))
                case nil: return (key, .null)
                }
            }
            let base = argument(r, field, s)
            let header = ["\(s.name): written by `orbital serve` with the page's overrides applied" + (set.isEmpty ? "" : ": " + set.joined(separator: " ")),
                          "from: \(base)" + (s.published.isEmpty ? "" : " (its published: figures are not copied)"),
                          "run: orbital validate \(s.name).yaml"]
            return .object([("name", .text(s.name)), ("kind", .text(s.kind.rawValue)), ("file", .text("\(s.name).yaml")),
                            ("yaml", .text(ScenarioYAML.yaml(of: s, header: header))), ("values", .object(values))])
        }
        let result = try APIRequest.engine(overrides: set, fallback: "orbital") { ResultValue.object([("orbital", try side(o, "orbital")), ("ground", try side(g, "ground"))]) }
        return APIResponse(body: Envelope.json(verb: "resolve", result))
    }

    /// `POST /api/v1/eclipse` `{"orbital", "ground", "set"}`: the orbital side's beta angle and
    /// eclipse fraction through the year (daily) and its eclipse seasons.
    static func eclipse(_ body: [UInt8], limits: ServeLimits) throws -> APIResponse {
        let r = try APIRequest(body: body, accepted: pairFields)
        let (o, _, set) = try pairOf(r)
        let result: ResultValue = try APIRequest.engine(overrides: set, fallback: "orbital") {
            let (orbit, year) = try OrbitalModel.shared.orbitAndEclipse(try o.orbitalInputs().orbit)
            let days = Array(stride(from: 0.0, through: 365.0, by: 1.0))
            return .object([
                ("scenario", .text(o.name)),
                ("critical_beta_deg", .number(orbit.criticalBeta / Constants.degree)),
                ("eclipse_fraction_mean", .number(year.meanFraction)), ("eclipse_fraction_max", .number(year.maxFraction)),
                ("eclipse_duration_max_s", .number(year.maxDuration)), ("eclipse_days_per_year", .number(year.eclipseDays)),
                ("seasons_days", .array(year.seasons.map { .array([.number($0.lowerBound / 86_400), .number($0.upperBound / 86_400)]) })),
                ("day", .array(days.map { .number($0) })),
                ("beta_deg", .array(days.map { .number(orbit.beta(at: $0 * 86_400) / Constants.degree) })),
                ("eclipse_fraction", .array(days.map { .number(orbit.eclipseFraction(at: $0 * 86_400)) })),
            ])
        }
        return APIResponse(body: Envelope.json(verb: "eclipse", result))
    }
}

/// The end of a request's wall time: long loops (sweep rows, Monte Carlo draws) check it and
/// stop, so that a request over its time stops using the cores.
final class Deadline: @unchecked Sendable {
    let end: DispatchTime
    let seconds: Double
    init(seconds: Double) {
        self.seconds = seconds
        end = .now() + seconds
    }
    var expired: Bool { DispatchTime.now() >= end }
    func check() throws { if expired { throw Deadline.problem(seconds) } }

    static func problem(_ seconds: Double) -> APIProblem {
        APIProblem(status: 503, title: "Over the wall-time limit",
                   detail: "the request did not finish within the server's wall-time limit of \(formatNumber(seconds)) s (orbital serve --max-seconds); ask for fewer points, draws or samples, or run the same verb with the CLI",
                   accepted: "at most \(formatNumber(seconds)) s of computing per request")
    }
}
