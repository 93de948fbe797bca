import Foundation
import CLITestSupport
import XCTest

/// The study verbs through the built binary: shards, resume, reproducibility, errors.
final class StudyCLITests: XCTestCase {
    let scenario = "Models/orbital-1gw-dawn-dusk.yaml"
    let axes = ["--vary", "launch.cost_per_kg_usd=100:1000:7", "--vary", "thermal.radiator_temperature_k=160,300,330"]

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("study-\(UUID().uuidString)-\(name)").path
    }

    func testShardUnionIsByteIdentical() throws {
        let full = try CLI.run(["sweep", scenario, "--ratio", "--jobs", "2"] + axes)
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertEqual(full.stdout.split(separator: "\n").count, 22)
        var union = ""
        for i in 0..<4 {
            let part = try CLI.run(["sweep", scenario, "--ratio", "--jobs", "1", "--shard", "\(i)/4"] + axes)
            XCTAssertEqual(part.status, 0, part.stderr)
            union += part.stdout
        }
        XCTAssertEqual(union, full.stdout)
    }

    func testResumeOfATruncatedFileEqualsAnUninterruptedRun() throws {
        let whole = temporary("whole.csv"), resumed = temporary("resumed.csv")
        defer { for p in [whole, resumed] { try? FileManager.default.removeItem(atPath: p); try? FileManager.default.removeItem(atPath: p + ".sweep-id") } }
        XCTAssertEqual(try CLI.run(["sweep", scenario, "--output", whole] + axes).status, 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
        try bytes.prefix(bytes.count * 2 / 3 + 5).write(to: URL(fileURLWithPath: resumed))   // "killed" mid-row
        // The run that was killed left its fingerprint beside its file.
        try FileManager.default.copyItem(atPath: whole + ".sweep-id", toPath: resumed + ".sweep-id")
        let run = try CLI.run(["sweep", scenario, "--output", resumed, "--resume"] + axes)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: resumed)), bytes)
        // Resuming a finished file changes nothing.
        XCTAssertEqual(try CLI.run(["sweep", scenario, "--output", resumed, "--resume"] + axes).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: resumed)), bytes)
    }

    func testMonteCarloIsReproducibleAcrossJobs() throws {
        let a = temporary("a.csv"), b = temporary("b.csv")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let one = try CLI.run(["montecarlo", scenario, "--draws", "3000", "--seed", "5", "--jobs", "1", "--format", "json", "--draws-output", a])
        let two = try CLI.run(["montecarlo", scenario, "--draws", "3000", "--seed", "5", "--jobs", "2", "--format", "json", "--draws-output", b])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)))
        let json = try CLI.json(one)
        let p = try XCTUnwrap(json["probability_orbit_cheaper"] as? Double)
        XCTAssertTrue((0...1).contains(p))
        XCTAssertNotNil(CLI.find("cost_ratio", in: json["percentiles"] as Any))
    }

    func testSensitivityAndTimelineRun() throws {
        let s = try CLI.run(["sensitivity", scenario, "--samples", "64", "--format", "json"])
        XCTAssertEqual(s.status, 0, s.stderr)
        let json = try CLI.json(s)
        XCTAssertEqual(json["metric"] as? String, "cost_ratio")
        XCTAssertFalse((json["ranking"] as? [Any] ?? []).isEmpty)
        let t = try CLI.run(["timeline", scenario, "--format", "csv", "--points", "10"])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertEqual(t.stdout.split(separator: "\n").count, 11)
        XCTAssertTrue(t.stdout.hasPrefix("days,orbital_it_power_w"))
    }

    func testMalformedInputsFailBeforeAnyWork() throws {
        let cases: [[String]] = [
            ["sweep", scenario, "--vary", "launch.cost_per_kg_usd=1000:100:5"],
            ["sweep", scenario, "--vary", "launch.cost_per_kg_usd=100:1000:0"],
            ["sweep", scenario, "--vary", "launch.cost_per_kgs=100:1000:5"],
            ["sweep", scenario, "--vary", "launch.cost_per_kg_usd=100:1000:5", "--shard", "4/4"],
            ["montecarlo", scenario, "--vary", "launch.cost_per_kg_usd=gamma(2, 3)"],
            ["montecarlo", scenario, "--vary", "no.such_key=uniform(1, 2)"],
            ["sensitivity", scenario, "--vary", "thermal.emissivity=uniform(0.5, 2)"],
        ]
        for args in cases {
            let out = try temporary("never.csv")
            let run = try CLI.run(args + ["--output", out])
            XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.hasPrefix("orbital: error: "), run.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no output before validation: \(args)")
        }
    }
}
