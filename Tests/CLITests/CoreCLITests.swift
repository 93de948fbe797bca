import Foundation
import CLITestSupport
import XCTest

/// The CLI as a user meets it: output keys, golden text, errors and atomic output.
final class CoreCLITests: XCTestCase {
    static let orbitalKeys = ["period_s", "inclination_deg", "eclipse_fraction_mean", "eclipse_fraction_max", "eclipse_days_per_year",
                              "array_area_m2", "array_power_bol_w", "battery_energy_wh", "heat_rejected_w", "radiator_area_m2",
                              "radiator_temperature_k", "temperature_min_k", "temperature_max_k", "mass_total_kg", "mass_breakdown_kg",
                              "satellite_count", "launch_count", "launch_cost_usd", "launch_cost_per_kw_year_usd", "overprovision_factor",
                              "deployment_days", "capex_usd", "opex_usd_per_year", "tco_usd", "delivered_accelerator_hours",
                              "cost_per_accelerator_hour_usd", "cost_per_mwh_it_usd"]
    static let terrestrialKeys = ["it_power_w", "facility_power_w", "capex_usd", "energy_cost_usd_per_year", "opex_usd_per_year", "tco_usd",
                                  "delivered_accelerator_hours", "cost_per_accelerator_hour_usd", "cost_per_mwh_it_usd", "deployment_days",
                                  "water_liters_per_year"]

    func testEvaluateOrbitalJSONHasEveryKey() throws {
        let run = try CLI.run(["evaluate", "Models/orbital-1gw-dawn-dusk.yaml", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try CLI.json(run)
        for key in Self.orbitalKeys { XCTAssertNotNil(CLI.find(key, in: json), key) }
        // Physically sane: 1 GW needs km² of arrays, the orbit is ≈98 minutes, eclipses under 40 %.
        XCTAssertEqual(CLI.find("period_s", in: json) as! Double, 5864, accuracy: 2)
        XCTAssertGreaterThan(CLI.find("array_area_m2", in: json) as! Double, 1e6)
        XCTAssertLessThan(CLI.find("eclipse_fraction_max", in: json) as! Double, 0.4)
    }

    func testEvaluateTerrestrialJSONHasEveryKey() throws {
        let run = try CLI.run(["evaluate", "Models/colossus-1.yaml", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try CLI.json(run)
        for key in Self.terrestrialKeys { XCTAssertNotNil(CLI.find(key, in: json), key) }
        XCTAssertEqual(CLI.find("facility_power_w", in: json) as! Double, 300e6, accuracy: 1e6)
    }

    func testShippedNameResolvesToModels() throws {
        let run = try CLI.run(["evaluate", "colossus-1", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("key,unit,colossus-1\n"))
    }

    func testSetOverridesAValue() throws {
        let run = try CLI.run(["evaluate", "Models/orbital-1gw-dawn-dusk.yaml", "--format", "json", "--set", "orbit.altitude_km=800"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(CLI.find("period_s", in: try CLI.json(run)) as! Double, 6052, accuracy: 2)
    }

    func testGoldenOrbitCalculator() throws {
        try assertGolden(["orbit", "--altitude-km", "550", "--beta-deg", "0", "--format", "csv"], "orbit-550-beta0.csv")
    }

    func testGoldenRadiatorCalculator() throws {
        try assertGolden(["radiator", "--heat-w", "1e6", "--temperature-k", "300", "--fin-efficiency", "1", "--format", "csv"], "radiator-ideal-300k.csv")
    }

    func testUsageErrorsAreOneLineWithStatusTwo() throws {
        for arguments in [["evaluate"], ["orbit", "--altitude-km"], ["no-such-verb"], ["sweep", "x.yaml", "--jobs", "0"], ["montecarlo", "x", "--draws", "many"]] {
            let run = try CLI.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("orbital: error: "), "\(arguments): \(run.stderr)")
        }
        let help = try CLI.run(["evaluate", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE"))
    }

    func testNegativeNumbersAsOptionValues() throws {
        let beta = try CLI.run(["orbit", "--altitude-km", "650", "--beta-deg", "-30", "--format", "csv"])
        XCTAssertEqual(beta.status, 0, beta.stderr)
        XCTAssertTrue(beta.stdout.contains("beta_deg,°,-30"), beta.stdout)
        let raan = try CLI.run(["orbit", "--altitude-km", "650", "--inclination-deg", "50", "--raan-deg", "-10", "--format", "csv"])
        XCTAssertEqual(raan.status, 0, raan.stderr)
        let exclusive = try CLI.run(["orbit", "--altitude-km", "650", "--sso-ltan-h", "18", "--raan-deg", "123"])
        XCTAssertEqual(exclusive.status, 2)
        XCTAssertTrue(exclusive.stderr.contains("--raan-deg"), exclusive.stderr)
        let sydney = try CLI.run(["latency", "Models/orbital-1gw-dawn-dusk.yaml", "--from", "-33.87,151.21", "--format", "csv", "--duration-h", "1"])
        XCTAssertEqual(sydney.status, 0, sydney.stderr)
        XCTAssertTrue(sydney.stdout.contains("-33.87"), sydney.stdout)
        let range = try CLI.run(["breakeven", "Models/orbital-1gw-dawn-dusk.yaml", "--solve", "site.longitude_deg", "--range", "-100:-1", "--format", "json"])
        XCTAssertEqual(range.status, 0, range.stderr)
        XCTAssertTrue(range.stdout.contains("\"searched_from\": -100"), range.stdout)
    }

    func testGoldenExplain() throws {
        try assertGolden(["explain", "thermal.emissivity"], "explain-emissivity.txt")
    }

    func testBadInputGivesOneLineAndStatusTwo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            ("unknown.yaml", "kind: orbital\norbit:\n  altitud_km: 650\n", "orbit.altitud_km: unknown key"),
            ("range.yaml", "kind: orbital\nthermal:\n  emissivity: 1.4\n", "(accepted: [0.01, 1])"),
            ("twice.yaml", "kind: orbital\nkind: orbital\n", "kind: is given twice (lines 1 and 2)"),
            ("section-twice.yaml", "kind: orbital\norbit:\n  altitude_km: 600\norbit:\n  altitude_km: 700\n", "is given twice"),
            ("dotted.yaml", "kind: orbital\norbit:\n  altitude_km: 600\norbit.altitude_km: 700\n", "orbit.altitude_km: is given twice (lines 3 and 4)"),
            ("deep.yaml", "kind: orbital\ndescription: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n", "over the limit of 64"),
            ("deep-map.yaml", "kind: orbital\ndescription: " + String(repeating: "{a: ", count: 3000) + "1" + String(repeating: "}", count: 3000) + "\n", "over the limit of 64"),
            ("hex.yaml", "kind: orbital\norbit:\n  altitude_km: 0x1p9\n", "expected a number, got '0x1p9'"),
            ("syntax.yaml", "kind: orbital\norbit:\n  altitude_km: [1, 2\n", "did not find expected"),
            ("newline.yaml", "kind: orbital\nname: \"a\\nb\"\nthermal:\n  emissivity: \"x\\ny\"\n", "expected a number, got 'x\\ny'"),
            ("type.yaml", "kind: orbital\norbit:\n  altitude_km: high\n", "expected a number"),
            ("malformed.yaml", "kind: orbital\norbit: [\n", "malformed YAML"),
            ("kindless.yaml", "orbit:\n  altitude_km: 650\n", "kind: missing required key"),
            ("low.yaml", "kind: orbital\norbit:\n  altitude_km: 100\n", "(accepted: [160, 1400] km)"),
        ]
        for (name, text, expected) in cases {
            let path = dir.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try CLI.run(["evaluate", path])
            XCTAssertEqual(run.status, 2, name)
            XCTAssertEqual(run.stdout, "", name)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(expected), "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(path), "\(name) does not name the file: \(run.stderr)")
        }
        let missing = try CLI.run(["evaluate", dir.appendingPathComponent("absent.yaml").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file"))
        let badSet = try CLI.run(["evaluate", "Models/colossus-1.yaml", "--set", "facility.pue=0.5"])
        XCTAssertEqual(badSet.status, 2)
        XCTAssertTrue(badSet.stderr.contains("--set: facility.pue: 0.5 is out of range (accepted: [1, 3])"), badSet.stderr)
        let radiator = try CLI.run(["radiator", "--heat-w", "1e6", "--temperature-k", "200", "--altitude-km", "650", "--orientation", "nadir", "--sides", "1", "--solar-incidence-factor", "1"])
        XCTAssertEqual(radiator.status, 2)
        XCTAssertTrue(radiator.stderr.contains("sink temperature"), radiator.stderr)
        let emissivity = try CLI.run(["radiator", "--heat-w", "1e6", "--temperature-k", "300", "--emissivity", "1.2"])
        XCTAssertEqual(emissivity.status, 2)
        XCTAssertTrue(emissivity.stderr.contains("thermal.emissivity"), emissivity.stderr)
    }

    func testOutputIsWrittenAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json").path
        let ok = try CLI.run(["evaluate", "Models/colossus-1.yaml", "--format", "json", "--output", out])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.stdout, "")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(written.utf8)))
        // A failing run leaves the earlier file untouched and no temporary file behind.
        let bad = try CLI.run(["evaluate", "Models/colossus-1.yaml", "--set", "facility.pue=9", "--output", out])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), written)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["r.json"])
    }

    func testValidateAndModels() throws {
        let v = try CLI.run(["validate", "Models/colossus-1.yaml", "Models/orbital-1gw-dawn-dusk.yaml"])
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("ok  Models/colossus-1.yaml"))
        let m = try CLI.run(["models"])
        XCTAssertEqual(m.status, 0, m.stderr)
        XCTAssertTrue(m.stdout.contains("orbital-1gw-dawn-dusk  "))
        XCTAssertFalse(m.stdout.contains("catalogs/"))
    }

    func testCatalogMirrorsAreCurrent() throws {
        for which in ["accelerators", "launchers"] {
            let run = try CLI.run(["catalog", which])
            let shipped = try String(contentsOf: CLI.root.appendingPathComponent("Models/catalogs/\(which).yaml"), encoding: .utf8)
            XCTAssertEqual(run.stdout, shipped, "Models/catalogs/\(which).yaml is stale: regenerate with `orbital catalog \(which)`")
        }
    }

    func testBreakevenJSONContract() throws {
        let run = try CLI.run(["breakeven", "Models/orbital-1gw-dawn-dusk.yaml", "--solve", "energy.price_usd_per_mwh", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try CLI.json(run)
        for key in ["key", "value", "closest_value", "cost_ratio_at_value"] { XCTAssertNotNil(json[key], key) }
        let notNumeric = try CLI.run(["breakeven", "Models/orbital-1gw-dawn-dusk.yaml", "--solve", "thermal.orientation"])
        XCTAssertEqual(notNumeric.status, 2)
        XCTAssertTrue(notNumeric.stderr.contains("is not numeric"), notNumeric.stderr)
    }

    /// Compares output with Tests/CLITests/Golden/NAME; set ORBITAL_UPDATE_GOLDEN=1 to rewrite.
    func assertGolden(_ arguments: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try CLI.run(arguments)
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        let url = CLI.root.appendingPathComponent("Tests/CLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["ORBITAL_UPDATE_GOLDEN"] == "1" {
            try run.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(run.stdout, try String(contentsOf: url, encoding: .utf8), "golden \(name)", file: file, line: line)
    }
}

/// `--set` with two sides: prefixes pick the side; nothing is applied silently nowhere.
final class OverrideSideTests: XCTestCase {
    func testPrefixesPickTheSide() throws {
        // reliability.strategy=degrade exists only on the orbital side's choice list.
        let run = try CLI.run(["compare", "Models/orbital-1gw-dawn-dusk.yaml", "--format", "json", "--set", "reliability.strategy=degrade",
                               "--set", "ground:compute.utilization=0.8"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try CLI.json(run)
        let o = try XCTUnwrap(json["orbital_report"] as? [String: Any]), g = try XCTUnwrap(json["terrestrial_report"] as? [String: Any])
        XCTAssertEqual(CLI.find("overprovision_factor", in: o) as? Double, 1)
        // Ground utilization 0.8 instead of 0.9: its delivered hours fall by 8/9.
        let base = try CLI.json(CLI.run(["evaluate", "Models/colossus-1.yaml", "--format", "json"]))
        let ratio = (CLI.find("delivered_accelerator_hours", in: g) as! Double) / (CLI.find("delivered_accelerator_hours", in: base) as! Double)
        XCTAssertEqual(ratio, 0.8 / 0.9, accuracy: 1e-9)
    }

    func testAnOverrideThatAppliesNowhereIsAnError() throws {
        let run = try CLI.run(["evaluate", "Models/orbital-1gw-dawn-dusk.yaml", "Models/published/turyshev-1mw.yaml", "--set", "site.latitude_deg=10"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("applies to none of the scenarios"), run.stderr)
        let ground = try CLI.run(["compare", "Models/orbital-1gw-dawn-dusk.yaml", "--set", "ground:orbit.altitude_km=700"])
        XCTAssertEqual(ground.status, 2)
    }
}

/// An installed binary works from any directory: shipped scenarios are compiled in.
final class RunFromAnywhereTests: XCTestCase {
    static let elsewhere = URL(fileURLWithPath: "/")

    func testShippedNamesWorkOutsideTheRepository() throws {
        let evaluate = try CLI.run(["evaluate", "colossus-1", "--format", "csv"], in: Self.elsewhere)
        XCTAssertEqual(evaluate.status, 0, evaluate.stderr)
        XCTAssertTrue(evaluate.stdout.hasPrefix("key,unit,colossus-1\n"))
        // The README's repository paths also resolve to what ships.
        let byPath = try CLI.run(["validate", "Models/orbital-1gw-dawn-dusk.yaml"], in: Self.elsewhere)
        XCTAssertEqual(byPath.status, 0, byPath.stderr)
        let models = try CLI.run(["models"], in: Self.elsewhere)
        XCTAssertEqual(models.status, 0, models.stderr)
        XCTAssertTrue(models.stdout.contains("orbital-1gw-dawn-dusk"))
        XCTAssertTrue(models.stdout.contains("turyshev-1mw"))
        let published = try CLI.run(["published", "--format", "csv"], in: Self.elsewhere)
        XCTAssertEqual(published.status, 0, published.stderr)
        XCTAssertTrue(published.stdout.contains("turyshev-1mw"))
    }

    /// `published --format csv` carries every digit of the JSON's figures (the table rounds them).
    func testPublishedCSVHasTheJSONNumbers() throws {
        let csv = try CLI.run(["published", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = try XCTUnwrap(CLI.json(try CLI.run(["published", "--format", "json"]))["results"] as? [[String: Any]])
        XCTAssertGreaterThan(rows.count, 5)
        // The unquoted numbers of the CSV, read by Swift's exact parser.
        let numbers = csv.stdout.split(whereSeparator: { $0 == "," || $0 == "\n" }).compactMap { Double($0) }
        for row in rows {
            for field in ["published", "on_their_assumptions", "ours"] {
                let value = try XCTUnwrap(row[field] as? Double, field)
                // Foundation's JSON reader on Linux can miss the nearest double by an ulp or two.
                XCTAssertTrue(numbers.contains { abs($0 - value) <= 4 * value.ulp }, "\(row["scenario"] ?? ""): \(field) \(value) is not in the CSV")
            }
        }
    }

    func testPublishedIgnoresTheWorkingDirectory() throws {
        // A Models/published folder in the working directory is not read unless named.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Models/published"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "kind: orbital\npublished:\n  - {metric: period_s, value: 1, source: decoy}\n"
            .write(to: dir.appendingPathComponent("Models/published/decoy.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["published", "--format", "csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("decoy"))
        let named = try CLI.run(["published", "Models/published/decoy.yaml", "--format", "csv"], in: dir)
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.contains("decoy"))
    }

    func testAnEmptyListingIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["models", "--directory", dir.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("no scenario files"), run.stderr)
        let missing = try CLI.run(["models", "--directory", dir.appendingPathComponent("absent").path])
        XCTAssertNotEqual(missing.status, 0)
        let noFigures = try CLI.run(["published", "colossus-1"])
        XCTAssertNotEqual(noFigures.status, 0)
    }
}
