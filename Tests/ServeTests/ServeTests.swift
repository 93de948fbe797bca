import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import OrbitalCompute
import CLITestSupport
import XCTest

@testable import orbital

/// `orbital serve`'s routes through HummingbirdTesting (`.router`: no socket), and its answers
/// byte for byte against `orbital VERB --format json` run as a process.
final class ServeTests: XCTestCase {
    struct Answer {
        var status: Int
        var contentType: String
        var body: String
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]) ?? [:] }
    }

    static func app(_ limits: ServeLimits = ServeLimits()) -> some ApplicationProtocol {
        Application(router: Server.router(limits: limits, log: nil))
    }

    static func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil) async throws -> Answer {
        try await client.execute(uri: uri, method: method, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), contentType: response.headers[.contentType] ?? "", body: String(buffer: response.body))
        }
    }

    /// The server's body for a request, and the CLI's stdout for the same inputs.
    func assertSameAsCLI(_ uri: String, _ body: String?, _ arguments: [String], method: HTTPRequest.Method = .post, file: StaticString = #filePath, line: UInt = #line) async throws {
        let answer = try await Self.app().test(.router) { client in try await Self.call(client, method, uri, body) }
        let cli = try CLI.run(arguments)
        XCTAssertEqual(cli.status, 0, cli.stderr, file: file, line: line)
        XCTAssertEqual(answer.status, 200, answer.body, file: file, line: line)
        XCTAssertFalse(answer.body.isEmpty, file: file, line: line)
        XCTAssertTrue(answer.body == cli.stdout, "\(uri) differs from `orbital \(arguments.joined(separator: " "))`: \(answer.body.count) vs \(cli.stdout.count) bytes", file: file, line: line)
    }

    // MARK: The CLI's JSON

    func testCompareIsTheCLIsJSON() async throws {
        try await assertSameAsCLI("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "ground": "colossus-1", "set": ["launch.cost_per_kg_usd=200"]}"#,
                                  ["compare", "orbital-1gw-dawn-dusk", "colossus-1", "--set", "launch.cost_per_kg_usd=200", "--format", "json"])
        // The ground defaults to Colossus 1, a side prefix picks a side, swing is passed on.
        try await assertSameAsCLI("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "set": ["ground:energy.price_usd_per_mwh=40", "both:finance.discount_rate=0.05"], "swing": 0.3}"#,
                                  ["compare", "orbital-1gw-dawn-dusk", "--set", "ground:energy.price_usd_per_mwh=40", "--set", "both:finance.discount_rate=0.05", "--swing", "0.3", "--format", "json"])
    }

    func testEvaluateIsTheCLIsJSON() async throws {
        try await assertSameAsCLI("/api/v1/evaluate", #"{"scenario": "colossus-1", "set": []}"#, ["evaluate", "colossus-1", "--format", "json"])
        try await assertSameAsCLI("/api/v1/evaluate", #"{"scenarios": ["orbital-1gw-dawn-dusk", "colossus-1"], "set": ["orbital:orbit.altitude_km=800"]}"#,
                                  ["evaluate", "orbital-1gw-dawn-dusk", "colossus-1", "--set", "orbital:orbit.altitude_km=800", "--format", "json"])
    }

    func testBreakevenIsTheCLIsJSON() async throws {
        try await assertSameAsCLI("/api/v1/breakeven", #"{"orbital": "orbital-1gw-dawn-dusk", "solve": "launch.cost_per_kg_usd", "range": "1:2000"}"#,
                                  ["breakeven", "orbital-1gw-dawn-dusk", "--solve", "launch.cost_per_kg_usd", "--range", "1:2000", "--format", "json"])
    }

    func testStudiesAreTheCLIsJSON() async throws {
        try await assertSameAsCLI("/api/v1/sensitivity", #"{"scenario": "orbital-1gw-dawn-dusk", "samples": 16}"#,
                                  ["sensitivity", "orbital-1gw-dawn-dusk", "--samples", "16", "--format", "json"])
        try await assertSameAsCLI("/api/v1/montecarlo", #"{"scenario": "orbital-1gw-dawn-dusk", "draws": 300, "seed": 7, "vary": ["launch.cost_per_kg_usd=lognormal(500, 0.5)"]}"#,
                                  ["montecarlo", "orbital-1gw-dawn-dusk", "--draws", "300", "--seed", "7", "--vary", "launch.cost_per_kg_usd=lognormal(500, 0.5)", "--format", "json"])
        try await assertSameAsCLI("/api/v1/sweep", #"{"scenario": "orbital-1gw-dawn-dusk", "ratio": true, "vary": ["launch.cost_per_kg_usd=20:2000:7:log"], "set": ["solar.cost_usd_per_w=5"]}"#,
                                  ["sweep", "orbital-1gw-dawn-dusk", "--ratio", "--vary", "launch.cost_per_kg_usd=20:2000:7:log", "--set", "solar.cost_usd_per_w=5", "--format", "json"])
    }

    /// A sweep larger than the one-body threshold streams, and the stream is the CLI's output.
    func testStreamedSweepIsTheCLIsJSONLines() async throws {
        var limits = ServeLimits()
        limits.streamAfterBytes = 1500
        let request = #"{"scenario": "orbital-1gw-dawn-dusk", "ratio": true, "vary": ["launch.cost_per_kg_usd=20:2000:12:log", "solar.cost_usd_per_w=5,11.2"]}"#
        let answer = try await Self.app(limits).test(.router) { c in try await Self.call(c, .post, "/api/v1/sweep", request) }
        let cli = try CLI.run(["sweep", "orbital-1gw-dawn-dusk", "--ratio", "--vary", "launch.cost_per_kg_usd=20:2000:12:log", "--vary", "solar.cost_usd_per_w=5,11.2", "--format", "json"])
        XCTAssertEqual(answer.status, 200)
        XCTAssertEqual(answer.contentType, "application/x-ndjson")
        XCTAssertGreaterThan(cli.stdout.utf8.count, 3 * limits.streamAfterBytes)
        XCTAssertEqual(answer.body.split(separator: "\n").count, 24)
        XCTAssertTrue(answer.body == cli.stdout, "the streamed sweep differs from the CLI's")
    }

    func testParametersAreExplain() async throws {
        try await assertSameAsCLI("/api/v1/parameters", nil, ["explain", "--format", "json"], method: .get)
        try await assertSameAsCLI("/api/v1/parameters?key=thermal", nil, ["explain", "thermal", "--format", "json"], method: .get)
    }

    // MARK: Inline scenarios

    func testInlineYAMLAndJSONScenariosEqualTheShippedOne() async throws {
        let shipped = ShippedModels.scenario(named: "colossus-1")!.text
        let byName = try await Self.app().test(.router) { c in try await Self.call(c, .post, "/api/v1/evaluate", #"{"scenario": "colossus-1"}"#) }
        let byYAML = try await Self.app().test(.router) { c in try await Self.call(c, .post, "/api/v1/evaluate", Self.jsonText(["scenario": shipped])) }
        XCTAssertEqual(byName.status, 200)
        XCTAssertEqual(byYAML.body, byName.body)
        // A scenario as a JSON object: sections as objects.
        let object: [String: Any] = ["kind": "terrestrial", "name": "small", "compute": ["accelerator_count": 1000], "energy": ["price_usd_per_mwh": 40]]
        let byObject = try await Self.app().test(.router) { c in try await Self.call(c, .post, "/api/v1/evaluate", Self.jsonText(["scenario": object])) }
        XCTAssertEqual(byObject.status, 200, byObject.body)
        let yaml = "kind: terrestrial\nname: small\ncompute:\n  accelerator_count: 1000\nenergy:\n  price_usd_per_mwh: 40\n"
        let byText = try await Self.app().test(.router) { c in try await Self.call(c, .post, "/api/v1/evaluate", Self.jsonText(["scenario": yaml])) }
        XCTAssertEqual(byObject.body, byText.body)
    }

    /// The page's "download YAML": the scenario with the overrides baked in, which the CLI reads
    /// and evaluates to the same numbers as the overrides.
    func testResolvedYAMLRunsUnchangedInTheCLI() async throws {
        let set = ["launch.cost_per_kg_usd=123.5", "orbit.altitude_km=800", "compute.accelerator=b200", "ground:facility.pue=1.35"]
        let answer = try await Self.app().test(.router) { c in
            try await Self.call(c, .post, "/api/v1/resolve", Self.jsonText(["orbital": "orbital-1gw-dawn-dusk", "ground": "colossus-1", "set": set]))
        }
        XCTAssertEqual(answer.status, 200, answer.body)
        let result = answer.json["result"] as? [String: Any] ?? [:]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("serve-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for side in ["orbital", "ground"] {
            let s = result[side] as? [String: Any] ?? [:]
            let yaml = try XCTUnwrap(s["yaml"] as? String)
            try yaml.write(to: dir.appendingPathComponent("\(side).yaml"), atomically: true, encoding: .utf8)
            XCTAssertNotNil(s["values"] as? [String: Any])
        }
        let values = (result["orbital"] as? [String: Any])?["values"] as? [String: Any] ?? [:]
        XCTAssertEqual(values["orbit.altitude_km"] as? Double, 800)
        XCTAssertEqual(values["compute.accelerator"] as? String, "b200")
        let fromFiles = try CLI.run(["compare", dir.appendingPathComponent("orbital.yaml").path, dir.appendingPathComponent("ground.yaml").path, "--format", "json"])
        let fromOverrides = try CLI.run(["compare", "orbital-1gw-dawn-dusk", "colossus-1", "--format", "json"] + set.flatMap { ["--set", $0] })
        XCTAssertEqual(fromFiles.status, 0, fromFiles.stderr)
        XCTAssertEqual(fromFiles.stdout, fromOverrides.stdout)
    }

    // MARK: Bad input: problem+json with the CLI's message, never a 500

    func testBadInputIsProblemJSONWithTheCLIsMessage() async throws {
        let cli = try CLI.run(["compare", "orbital-1gw-dawn-dusk", "--set", "orbit.altitude_km=50", "--format", "json"])
        XCTAssertEqual(cli.status, 2)
        try await Self.app().test(.router) { c in
            let out = try await Self.call(c, .post, "/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "set": ["launch.cost_per_kg_usd=300", "orbit.altitude_km=50"]}"#)
            XCTAssertEqual(out.status, 422)
            XCTAssertEqual(out.contentType, "application/problem+json")
            let p = out.json
            XCTAssertEqual(p["status"] as? Int, 422)
            XCTAssertEqual("orbital: error: \(p["detail"] as? String ?? "")\n", cli.stderr)
            XCTAssertEqual(p["field"] as? String, "set[1]")
            XCTAssertEqual(p["key"] as? String, "orbit.altitude_km")
            XCTAssertEqual(p["accepted"] as? String, "[160, 1400] km")

            // Inline YAML: file and line, as the CLI names them for a file.
            let yaml = try await Self.call(c, .post, "/api/v1/evaluate", Self.jsonText(["scenario": "kind: orbital\norbit:\n  altitude_km: 5000\n"]))
            XCTAssertEqual(yaml.status, 422)
            XCTAssertEqual(yaml.json["detail"] as? String, "scenario.yaml:3: orbit.altitude_km: 5000 is out of range (accepted: [160, 1400] km)")
            XCTAssertEqual(yaml.json["line"] as? Int, 3)

            let cases: [(String, String, Int, String?)] = [
                ("/api/v1/compare", "{not json", 400, nil),
                ("/api/v1/compare", "", 400, nil),
                ("/api/v1/compare", "[1, 2]", 400, nil),
                ("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "sett": []}"#, 400, "sett"),
                ("/api/v1/compare", #"{"orbital": 5}"#, 400, "orbital"),
                ("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "swing": null}"#, 400, "swing"),
                ("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "set": "nokey"}"#, 422, "set[0]"),
                ("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "set": [1]}"#, 400, "set"),
                ("/api/v1/compare", #"{"orbital": "no-such-scenario"}"#, 404, "orbital"),
                ("/api/v1/compare", #"{"orbital": "../../etc/passwd"}"#, 404, "orbital"),
                ("/api/v1/compare", #"{"orbital": "colossus-1"}"#, 422, "orbital"),
                ("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "swing": 2}"#, 422, "swing"),
                ("/api/v1/compare", #"{"orbital": "orbital-1gw-dawn-dusk", "set": ["no.such_key=1"]}"#, 422, "set[0]"),
                ("/api/v1/evaluate", #"{"scenario": "kind: orbital\n  bad: [yaml"}"#, 422, "scenario"),
                ("/api/v1/evaluate", #"{"scenario": {"kind": "orbital", "orbit": {"altitude_km": [1, 2]}}}"#, 422, nil),
                ("/api/v1/evaluate", #"{"scenario": {"kind": "orbital", "description": {}}}"#, 422, nil),
                ("/api/v1/breakeven", #"{"orbital": "orbital-1gw-dawn-dusk"}"#, 400, "solve"),
                ("/api/v1/breakeven", #"{"orbital": "orbital-1gw-dawn-dusk", "solve": "launch.cost_per_kg_usd", "range": "9:1"}"#, 422, "solve"),
                ("/api/v1/sweep", #"{"scenario": "orbital-1gw-dawn-dusk"}"#, 400, "vary"),
                ("/api/v1/sweep", #"{"scenario": "orbital-1gw-dawn-dusk", "vary": ["launch.cost_per_kg_usd=1:2:3:4:5"]}"#, 422, "vary[0]"),
                ("/api/v1/sweep", #"{"scenario": "orbital-1gw-dawn-dusk", "vary": ["solar.cost_usd_per_w=1:2:3", "launch.cost_per_kg_usd=1:2:3:4:5"]}"#, 422, "vary[1]"),
                ("/api/v1/montecarlo", #"{"scenario": "orbital-1gw-dawn-dusk", "draws": 0}"#, 422, "draws"),
                ("/api/v1/montecarlo", #"{"scenario": "orbital-1gw-dawn-dusk", "draws": 1.5}"#, 422, "draws"),
                ("/api/v1/montecarlo", #"{"scenario": "orbital-1gw-dawn-dusk", "vary": ["launch.cost_per_kg_usd=gaussian(1)"]}"#, 422, nil),
                ("/api/v1/parameters?key=no.such", "", 404, "key"),
                ("/api/v1/nothing", "{}", 404, nil),
            ]
            let wrongMethod = try await c.execute(uri: "/api/v1/compare", method: .get) { $0 }
            XCTAssertEqual(wrongMethod.status, .methodNotAllowed)
            XCTAssertEqual(wrongMethod.headers[.allow], "POST")
            XCTAssertEqual(wrongMethod.headers[.contentType], "application/problem+json")
            for (uri, body, status, field) in cases {
                let method: HTTPRequest.Method = uri.contains("parameters") ? .get : .post
                let out = try await Self.call(c, method, uri, method == .get ? nil : body)
                XCTAssertEqual(out.status, status, "\(uri) \(body): \(out.body)")
                XCTAssertEqual(out.contentType, "application/problem+json", "\(uri) \(body)")
                XCTAssertEqual(out.json["status"] as? Int, status)
                XCTAssertFalse((out.json["detail"] as? String ?? "").isEmpty, "\(uri) \(body)")
                if let field { XCTAssertEqual(out.json["field"] as? String, field, "\(uri) \(body): \(out.body)") }
            }
        }
    }

    // MARK: Limits

    func testLimits() async throws {
        var limits = ServeLimits()
        limits.bodyBytes = 2048
        limits.sweepPoints = 10
        limits.draws = 100
        limits.sobolEvaluations = 50
        try await Self.app(limits).test(.router) { c in
            let big = try await Self.call(c, .post, "/api/v1/evaluate", #"{"scenario": "\#(String(repeating: "x", count: 4000))"}"#)
            XCTAssertEqual(big.status, 413, big.body)
            XCTAssertTrue((big.json["detail"] as? String ?? "").contains("--max-body-bytes"))
            let points = try await Self.call(c, .post, "/api/v1/sweep", #"{"scenario": "orbital-1gw-dawn-dusk", "vary": ["launch.cost_per_kg_usd=1:2000:11"]}"#)
            XCTAssertEqual(points.status, 422, points.body)
            XCTAssertEqual(points.json["field"] as? String, "vary")
            XCTAssertTrue((points.json["detail"] as? String ?? "").contains("exceeds the limit of 10"), points.body)
            let draws = try await Self.call(c, .post, "/api/v1/montecarlo", #"{"scenario": "orbital-1gw-dawn-dusk", "draws": 101}"#)
            XCTAssertEqual(draws.status, 422, draws.body)
            XCTAssertEqual(draws.json["field"] as? String, "draws")
            let sobol = try await Self.call(c, .post, "/api/v1/sensitivity", #"{"scenario": "orbital-1gw-dawn-dusk", "samples": 64}"#)
            XCTAssertEqual(sobol.status, 422, sobol.body)
        }
        limits = ServeLimits()
        // 50,000 draws take ≈ 0.25 s in an optimised build and seconds in a debug one: both far
        // over a 10 ms limit (a sweep can finish faster than any sensible limit when optimised).
        limits.seconds = 0.01
        try await Self.app(limits).test(.router) { c in
            let slow = try await Self.call(c, .post, "/api/v1/montecarlo", #"{"scenario": "orbital-1gw-dawn-dusk", "draws": 50000, "seed": 1}"#)
            XCTAssertEqual(slow.status, 503, slow.body)
            XCTAssertTrue((slow.json["detail"] as? String ?? "").contains("--max-seconds"))
            // The server still answers.
            let health = try await Self.call(c, .get, "/api/v1/health")
            XCTAssertEqual(health.status, 200)
        }
    }

    // MARK: Concurrency

    /// Simultaneous requests give the sequential answers (each request has its own engine).
    func testConcurrentRequestsGiveTheSequentialAnswers() async throws {
        let prices = [100, 250, 500, 800, 1200, 2000]
        @Sendable func body(_ p: Int) -> String { #"{"orbital": "orbital-1gw-dawn-dusk", "set": ["launch.cost_per_kg_usd=\#(p)"], "swing": 0.2}"# }
        try await Self.app().test(.router) { c in
            var sequential: [Int: String] = [:]
            for p in prices { sequential[p] = try await Self.call(c, .post, "/api/v1/compare", body(p)).body }
            XCTAssertEqual(Set(sequential.values).count, prices.count)
            do {
                let concurrent = try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
                    for p in prices + prices { group.addTask { (p, try await Self.call(c, .post, "/api/v1/compare", body(p))) } }
                    var all: [(Int, Answer)] = []
                    for try await r in group { all.append(r) }
                    return all
                }
                XCTAssertEqual(concurrent.count, 2 * prices.count)
                for (p, answer) in concurrent {
                    XCTAssertEqual(answer.status, 200)
                    XCTAssertTrue(answer.body == sequential[p], "launch \(p): a concurrent answer differs from the sequential one")
                }
            }
        }
    }

    // MARK: The page and the OpenAPI document

    func testPageIsSelfContained() async throws {
        try await Self.app().test(.router) { c in
            let page = try await Self.call(c, .get, "/")
            XCTAssertEqual(page.status, 200)
            XCTAssertTrue(page.contentType.hasPrefix("text/html"))
            for asset in ["/app.js", "/app.css"] {
                let a = try await Self.call(c, .get, asset)
                XCTAssertEqual(a.status, 200, asset)
                XCTAssertGreaterThan(a.body.count, 2000, asset)
                // No CDN, no remote font or script: everything comes from this binary.
                XCTAssertNil(a.body.range(of: #"(src|href)\s*=\s*["']?https?:"#, options: .regularExpression), asset)
                XCTAssertFalse(a.body.contains("@import url(http"), asset)
            }
            XCTAssertNil(page.body.range(of: #"(src|href)\s*=\s*["']?(https?:)?//"#, options: .regularExpression))
            for needle in ["<label", "id=\"verdict\"", "app.js", "app.css", "lang=\"en\"", "viewport"] {
                XCTAssertTrue(page.body.contains(needle), needle)
            }
            let controls = try await Self.call(c, .get, "/api/v1/controls")
            XCTAssertEqual(controls.status, 200)
            let rows = controls.json["result"] as? [[String: Any]] ?? []
            XCTAssertEqual(rows.count, ParameterInfo.all.count)
            let altitude = rows.first { $0["key"] as? String == "orbit.altitude_km" }
            XCTAssertEqual(altitude?["minimum"] as? Double, 160)
            XCTAssertEqual(altitude?["unit"] as? String, "km")
        }
    }

    /// Every route the server answers is in the OpenAPI document and every path there answers.
    func testOpenAPIDocumentMatchesTheRoutes() async throws {
        let spec = String(decoding: Web.openAPI, as: UTF8.self)
        XCTAssertTrue(spec.hasPrefix("openapi: 3.1"), String(spec.prefix(40)))
        let paths = spec.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  /"), line.hasSuffix(":") else { return nil }
            return String(line.dropFirst(2).dropLast())
        }
        let expected = ["/api/v1/health", "/api/v1/parameters", "/api/v1/models", "/api/v1/controls", "/api/v1/evaluate", "/api/v1/compare",
                        "/api/v1/breakeven", "/api/v1/sensitivity", "/api/v1/montecarlo", "/api/v1/sweep", "/api/v1/report",
                        "/api/v1/resolve", "/api/v1/eclipse"]
        XCTAssertEqual(Set(paths), Set(expected), "\(paths)")
        try await Self.app().test(.router) { c in
            let served = try await Self.call(c, .get, "/openapi.yaml")
            XCTAssertEqual(served.status, 200)
            XCTAssertEqual(served.body, spec)
            for path in expected {
                let gets = ["/api/v1/health", "/api/v1/parameters", "/api/v1/models", "/api/v1/controls"]
                let out = try await Self.call(c, gets.contains(path) ? .get : .post, path, gets.contains(path) ? nil : "{}")
                XCTAssertNotEqual(out.status, 404, path)
                XCTAssertLessThan(out.status, 500, path)
            }
        }
    }

    func testReportAndEclipseForThePage() async throws {
        try await Self.app().test(.router) { c in
            let eclipse = try await Self.call(c, .post, "/api/v1/eclipse", #"{"orbital": "orbital-1gw-dawn-dusk"}"#)
            XCTAssertEqual(eclipse.status, 200, eclipse.body)
            let r = eclipse.json["result"] as? [String: Any] ?? [:]
            XCTAssertEqual((r["eclipse_fraction"] as? [Any])?.count, 366)
            let cli = try CLI.json(try CLI.run(["orbit", "--altitude-km", "650", "--sso-ltan-h", "18", "--format", "json"]))
            XCTAssertEqual(r["eclipse_days_per_year"] as? Double, cli["eclipse_days_per_year"] as? Double)
            let report = try await Self.call(c, .post, "/api/v1/report", #"{"orbital": "orbital-1gw-dawn-dusk", "set": ["launch.cost_per_kg_usd=200"], "sobol_samples": 16}"#)
            XCTAssertEqual(report.status, 200)
            XCTAssertTrue(report.contentType.hasPrefix("text/html"))
            XCTAssertTrue(report.body.contains("orbital report orbital-1gw-dawn-dusk colossus-1 --set launch.cost_per_kg_usd=200"))
            XCTAssertTrue(report.body.contains("id=\"summary\""))
        }
    }

    static func jsonText(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
