import Foundation
import CLITestSupport
import XCTest

/// Sweep columns come from the output table: every selectable numeric output, written by a
/// one-point sweep, equals the value `orbital evaluate --format json` reports for the same point.
final class SweepColumnsCLITests: XCTestCase {
    /// (column name, dotted path or "-") from `sweep --list-columns`.
    func listed(_ arguments: [String]) throws -> [(String, String)] {
        let run = try CLI.run(["sweep"] + arguments + ["--list-columns"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t").map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "-")
        }
    }

    /// The one JSON line of a one-point sweep.
    func sweepRow(_ arguments: [String], columns: [String]) throws -> [String: Any] {
        let run = try CLI.run(["sweep"] + arguments + ["--columns", columns.joined(separator: ","), "--format", "json", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stdout)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    }

    /// The evaluate result tree of one scenario with overrides.
    func evaluated(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.json(CLI.run(["evaluate"] + arguments + ["--format", "json"]))
        let list = try XCTUnwrap(result["results"] as? [Any])
        return try XCTUnwrap(list.first as? [String: Any])
    }

    func value(_ tree: [String: Any], _ path: String) -> Any? {
        var node: Any? = tree
        for part in path.split(separator: ".") { node = (node as? [String: Any])?[String(part)] }
        return node
    }

    /// Compares a column with evaluate's value at `path`: equal doubles, or null/absent for null.
    func check(_ row: [String: Any], _ column: String, _ tree: [String: Any], _ path: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = value(tree, path)
        let got = row[column]
        if expected == nil || expected is NSNull {
            XCTAssertTrue(got == nil || got is NSNull, "\(column): sweep \(String(describing: got)), evaluate null", file: file, line: line)
            return
        }
        guard let e = (expected as? NSNumber)?.doubleValue, let g = (got as? NSNumber)?.doubleValue else {
            XCTFail("\(column) (\(path)): sweep \(String(describing: got)), evaluate \(String(describing: expected))", file: file, line: line)
            return
        }
        XCTAssertEqual(g, e, "\(column) (\(path))", file: file, line: line)
    }

    func testEveryNumericOutputOfBothKindsEqualsEvaluate() throws {
        for scenario in ["orbital-1gw-dawn-dusk", "colossus-1"] {
            let columns = try listed([scenario])
            XCTAssertGreaterThan(columns.count, 10)
            XCTAssertTrue(columns.allSatisfy { $0.1 != "-" })
            let row = try sweepRow([scenario, "--vary", "finance.discount_rate=0.08"], columns: columns.map(\.0))
            XCTAssertTrue(row["error"] is NSNull, "\(row["error"] ?? "")")
            let tree = try evaluated([scenario, "--set", "finance.discount_rate=0.08"])
            for (name, path) in columns { check(row, name, tree, path) }
        }
    }

    func testGroundAndRatioColumnsEqualEvaluate() throws {
        let columns = try listed(["orbital-1gw-dawn-dusk", "--ratio"])
        let ground = columns.filter { $0.0.hasPrefix("ground:") }
        XCTAssertFalse(ground.isEmpty)
        let row = try sweepRow(["orbital-1gw-dawn-dusk", "--ratio", "--vary", "finance.discount_rate=0.08"], columns: columns.map(\.0))
        let orbit = try evaluated(["orbital-1gw-dawn-dusk", "--set", "finance.discount_rate=0.08"])
        let colossus = try evaluated(["colossus-1"])
        for (name, path) in ground { check(row, name, colossus, path) }
        check(row, "ground_cost_per_pflop_hour_usd", colossus, "economics.cost_per_pflop_hour_usd")
        let ratio = try XCTUnwrap((value(orbit, "economics.cost_per_pflop_hour_usd") as? NSNumber)?.doubleValue)
            / XCTUnwrap((value(colossus, "economics.cost_per_pflop_hour_usd") as? NSNumber)?.doubleValue)
        XCTAssertEqual((row["cost_ratio"] as? NSNumber)?.doubleValue, ratio)
    }

    func testColumnsAreChosenInOrderAndUnknownOnesExplainWhereKeysAre() throws {
        let run = try CLI.run(["sweep", "orbital-1gw-dawn-dusk", "--vary", "launch.cost_per_kg_usd=100,200", "--columns", "tco_usd,economics.capex_usd,fabric.link.distance_m", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // A dotted path selects the output; the header names it by its key (unique for the side).
        XCTAssertEqual(run.stdout.split(separator: "\n").first, "launch.cost_per_kg_usd,tco_usd,capex_usd,distance_m,error")
        let bad = try CLI.run(["sweep", "orbital-1gw-dawn-dusk", "--vary", "launch.cost_per_kg_usd=100", "--columns", "tco_usdd"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--list-columns"), bad.stderr)
        let text = try CLI.run(["sweep", "orbital-1gw-dawn-dusk", "--vary", "launch.cost_per_kg_usd=100", "--columns", "warnings"])
        XCTAssertTrue(text.stderr.contains("not a numeric output"), text.stderr)
        let mc = try CLI.run(["montecarlo", "orbital-1gw-dawn-dusk", "--draws", "20", "--columns", "tco_usd,cost_ratio", "--format", "json", "--quiet"])
        XCTAssertEqual(mc.status, 0, mc.stderr)
        let percentiles = try XCTUnwrap(CLI.json(mc)["percentiles"] as? [String: Any])
        XCTAssertNotNil(percentiles["tco_usd"])
        XCTAssertNil(percentiles["mass_total_kg"])
    }

    /// The default columns are the ones sweeps have always written, in the same order.
    func testDefaultColumnsAreUnchanged() throws {
        let run = try CLI.run(["sweep", "orbital-1gw-dawn-dusk", "--vary", "launch.cost_per_kg_usd=100", "--ratio", "--quiet"])
        XCTAssertEqual(run.stdout.split(separator: "\n").first,
                       "launch.cost_per_kg_usd,cost_per_accelerator_hour_usd,cost_per_pflop_hour_usd,cost_per_mwh_it_usd,tco_usd,capex_usd,opex_usd_per_year,mass_total_kg,satellite_count,launch_count,launch_cost_usd,launch_cost_per_kw_year_usd,radiator_area_m2,array_area_m2,battery_energy_wh,eclipse_fraction_mean,temperature_max_k,deployment_days,delivered_accelerator_hours,ground_cost_per_pflop_hour_usd,cost_ratio,error")
        let ground = try CLI.run(["sweep", "colossus-1", "--vary", "energy.price_usd_per_mwh=60", "--quiet"])
        XCTAssertEqual(ground.stdout.split(separator: "\n").first,
                       "energy.price_usd_per_mwh,cost_per_accelerator_hour_usd,cost_per_pflop_hour_usd,cost_per_mwh_it_usd,tco_usd,capex_usd,opex_usd_per_year,facility_power_w,energy_cost_usd_per_year,water_liters_per_year,deployment_days,delivered_accelerator_hours,error")
    }
}
