import Foundation
import CLITestSupport
import XCTest

/// `orbital latency`: formats, no-path reporting and errors (one line on stderr, exit status 2).
final class LatencyCLITests: XCTestCase {
    /// JSON for one user: the terrestrial RTT from New York to Colossus 1 is the straight fibre
    /// RTT (≈15.2 ms to the Colossus site, DATA.md: 15.0 ms to downtown Memphis) × route factor 1.3.
    func testJSONForOneUser() throws {
        let run = try CLI.run(["latency", "orbital-1gw-dawn-dusk", "--from", "40.7128,-74.0060", "--format", "json", "--step-s", "30"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try CLI.json(run)
        let users = try XCTUnwrap(json["users"] as? [[String: Any]])
        XCTAssertEqual(users.count, 1)
        let terrestrial = try XCTUnwrap(users[0]["rtt_terrestrial_ms"] as? Double)
        XCTAssertEqual(terrestrial, 15.16 * 1.3, accuracy: 0.05)
        let noPath = try XCTUnwrap(users[0]["ground_path_no_path_fraction"] as? Double)
        XCTAssertTrue((0...1).contains(noPath))
        XCTAssertEqual(users[0]["best_path_no_path_fraction"] as? Double, 0)
        XCTAssertNotNil(CLI.find("contact_fraction", in: json))
        XCTAssertNotNil(CLI.find("network_capacity_factor", in: json))
    }

    /// An equatorial orbit that no listed station sees: no path, reported as null, not a number.
    func testNoStationInViewIsNull() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("latency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("equatorial.yaml")
        try "kind: orbital\norbit:\n  altitude_km: 650\n  inclination_deg: 0\nnetwork:\n  relay: none\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["latency", file.path, "--stations", "svalsat,trollsat", "--from", "london", "--format", "json", "--duration-h", "6", "--step-s", "60"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let users = try XCTUnwrap(try CLI.json(run)["users"] as? [[String: Any]])
        XCTAssertTrue(users[0]["rtt_ground_path_p50_ms"] is NSNull)
        XCTAssertTrue(users[0]["rtt_ground_path_max_ms"] is NSNull)
        XCTAssertEqual(users[0]["ground_path_no_path_fraction"] as? Double, 1)
        XCTAssertTrue(users[0]["rtt_relay_path_p50_ms"] is NSNull)
        let table = try CLI.run(["latency", file.path, "--stations", "svalsat", "--from", "london", "--duration-h", "6", "--step-s", "60"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("no path"))
    }

    /// CSV has one row per user (the city catalog by default); Markdown has tables.
    func testCSVAndMarkdown() throws {
        let csv = try CLI.run(["latency", "orbital-1gw-dawn-dusk", "--format", "csv", "--step-s", "60"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("user,latitude_deg,longitude_deg,rtt_terrestrial_ms,rtt_ground_path_p50_ms"))
        XCTAssertEqual(lines.count, 15)
        let md = try CLI.run(["latency", "orbital-1gw-dawn-dusk", "--format", "markdown", "--from", "tokyo", "--step-s", "60"])
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("| Tokyo |"))
        XCTAssertTrue(md.stdout.contains("| svalsat |"))
    }

    /// Out-of-range coordinates and an empty station list: exit 2, one line naming the flag and range.
    func testErrors() throws {
        let cases: [([String], [String])] = [
            (["--from", "95,10"], ["--from", "latitude", "[-90, 90]"]),
            (["--from", "10,-190"], ["--from", "longitude", "[-180, 180]"]),
            (["--from", "somewhere"], ["--from", "LAT,LON"]),
            (["--stations", ""], ["--stations", "empty"]),
            (["--stations", "svalsat,atlantis"], ["--stations", "atlantis", "unknown"]),
            (["--set", "network.min_elevation_deg=95"], ["network.min_elevation_deg", "[0, 90)"]),
            (["--set", "network.ground_stations=none"], ["network.ground_stations", "polar"]),
            (["--step-s", "0"], ["--step-s"]),
        ]
        for (arguments, needles) in cases {
            let run = try CLI.run(["latency", "orbital-1gw-dawn-dusk"] + arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            for needle in needles { XCTAssertTrue(run.stderr.contains(needle), "\(arguments): \(run.stderr)") }
            XCTAssertEqual(run.stdout, "")
        }
    }

    /// The table fits a 100-column terminal.
    func testTableFitsATerminal() throws {
        let run = try CLI.run(["latency", "orbital-1gw-dawn-dusk", "--step-s", "60"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for line in run.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
    }

    /// One name per quantity: evaluate's reference user, latency JSON and latency CSV agree.
    func testSameQuantitySameName() throws {
        let evaluate = try CLI.run(["evaluate", "orbital-1gw-dawn-dusk", "--format", "json"])
        let latency = try CLI.run(["latency", "orbital-1gw-dawn-dusk", "--from", "new-york", "--format", "json", "--step-s", "60"])
        let csv = try CLI.run(["latency", "orbital-1gw-dawn-dusk", "--from", "new-york", "--format", "csv", "--step-s", "60"])
        let header = csv.stdout.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let user = try XCTUnwrap((try CLI.json(latency)["users"] as? [[String: Any]])?.first)
        for key in ["rtt_terrestrial_ms", "rtt_ground_path_p50_ms", "rtt_ground_path_connected_p50_ms", "ground_path_no_path_fraction",
                    "rtt_relay_path_p50_ms", "rtt_best_path_p50_ms", "rtt_best_path_p99_ms", "best_path_no_path_fraction"] {
            XCTAssertTrue(evaluate.stdout.contains("\"\(key)\""), "evaluate lacks \(key)")
            XCTAssertNotNil(user[key], "latency JSON lacks \(key)")
            XCTAssertTrue(header.contains(key), "latency CSV lacks \(key)")
        }
    }

    /// evaluate carries the network group.
    func testEvaluateHasNetworkGroup() throws {
        let run = try CLI.run(["evaluate", "orbital-1gw-dawn-dusk", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try CLI.json(run)
        let report = try XCTUnwrap((json["results"] as? [[String: Any]])?.first)
        let network = try XCTUnwrap(report["network"] as? [String: Any])
        XCTAssertEqual(network["network_capacity_factor"] as? Double, 1)
        XCTAssertNotNil(CLI.find("rtt_terrestrial_ms", in: network))
    }
}
