import Foundation
import CLITestSupport
import XCTest

/// `orbital links`: the optical link budget calculator (issue 14).
final class LinksCLITests: XCTestCase {
    /// Suncatcher neighbours at 150 m: near field, 16 beams × 8 channels × 100 Gb/s = 12.8 Tb/s.
    func testLinksJSONHasTheBudgetKeys() throws {
        let run = try CLI.run(["links", "--distance-m", "150", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        for key in ["received_power_w", "link_rate_bps", "fresnel_number", "regime", "beams", "channels_per_beam"] {
            XCTAssertNotNil(CLI.find(key, in: json), key)
        }
        XCTAssertEqual(CLI.find("link_rate_bps", in: json) as? Double, 12.8e12)
        XCTAssertEqual(CLI.find("regime", in: json) as? String, "near-field")
    }

    /// Suncatcher's bench demonstration: 800 Gb/s each way with one transceiver pair.
    func testBenchDemonstration() throws {
        let run = try CLI.run(["links", "--distance-m", "1", "--transceivers-per-link", "1", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(CLI.find("link_rate_bps", in: try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? Double, 800e9)
    }

    /// Several distances give one column each, and the rate never rises with distance.
    func testRateAgainstDistanceCSV() throws {
        let run = try CLI.run(["links", "--distance-m", "100,1000,10000,100000", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("key,unit,100 m,1000 m,10000 m,100000 m\n"), run.stdout)
        let row = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.hasPrefix("link_rate_bps,") })
        let rates = row.split(separator: ",").dropFirst(2).compactMap { Double($0) }
        XCTAssertEqual(rates.count, 4)
        XCTAssertEqual(rates, rates.sorted(by: >))
    }

    /// Bad input: one line naming the key and its range, exit status 2.
    func testBadInputNamesTheKey() throws {
        for (args, key) in [(["links", "--distance-m", "-5"], "--distance-m"), (["links", "--distance-m", "abc"], "--distance-m"), (["links", "--distance-m", "10", "--receive-efficiency", "1.5"], "isl.receive_efficiency")] {
            let run = try CLI.run(args)
            XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(key), run.stderr)
            XCTAssertTrue(run.stderr.contains("accepted"), run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        }
    }

    /// `evaluate` shows the fabric group on both sides; `compare` a line beside latency.
    func testEvaluateAndCompareShowTheFabric() throws {
        for model in ["Models/orbital-1gw-dawn-dusk.yaml", "Models/colossus-1.yaml"] {
            let run = try CLI.run(["evaluate", model, "--format", "json"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            for key in ["training_efficiency", "largest_synchronous_job_accelerators", "training_clusters"] {
                XCTAssertNotNil(CLI.find(key, in: json), "\(model): \(key)")
            }
        }
        let run = try CLI.run(["compare", "Models/orbital-1gw-dawn-dusk.yaml", "Models/colossus-1.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("training fabric"), run.stdout)
    }
}
