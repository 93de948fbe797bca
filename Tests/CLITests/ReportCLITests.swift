import Foundation
import XCTest

/// `orbital report`: HTML and Markdown files from the shipped scenarios, and its errors.
final class ReportCLITests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let charts = ["chart-cost-breakdown", "chart-mass-breakdown", "chart-launch-price", "chart-tornado",
                         "chart-beta-angle", "chart-eclipse-fraction", "chart-radiator-temperature", "chart-rtt-per-city", "chart-capacity-online"]

    func testHTMLReportOfTheShippedScenarios() throws {
        let path = folder.appendingPathComponent("report.html").path
        let run = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "colossus-1", "--output", path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for id in ReportCLITests.charts { XCTAssertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""), id) }
        XCTAssertTrue(html.contains("Verdict: "))
        XCTAssertTrue(html.contains("id=\"inputs-orbital\"") && html.contains("id=\"inputs-terrestrial\""))
        XCTAssertFalse(html.contains("<script"))
    }

    func testOverwritesAnExistingReport() throws {
        let path = folder.appendingPathComponent("again.html").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        for _ in 0..<2 {
            let run = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "--output", path])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testMarkdownByExtensionWritesTheChartsBesideIt() throws {
        let path = folder.appendingPathComponent("study.md").path
        let run = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "--output", path, "--set", "launch.cost_per_kg_usd=200"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for id in ReportCLITests.charts {
            XCTAssertTrue(text.contains("(study-figures/\(id).svg)"), id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("study-figures/\(id).svg").path), id)
        }
        // The override is explicit in the appendix.
        XCTAssertTrue(text.contains("`launch.cost_per_kg_usd`"))
        let launch = try String(contentsOfFile: folder.appendingPathComponent("study-figures/chart-launch-price.svg").path, encoding: .utf8)
        XCTAssertTrue(launch.hasPrefix("<?xml"))
        XCTAssertTrue(launch.contains("this scenario: $200/kg"), "the launch chart marks the overridden price")
    }

    func testHTMLToStandardOutput() throws {
        let run = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "--format", "html"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(run.stdout.hasSuffix("</html>\n"))
    }

    func testErrors() throws {
        let md = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "--format", "markdown"])
        XCTAssertEqual(md.status, 2)
        XCTAssertTrue(md.stderr.contains("--output"), md.stderr)

        let unknown = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "--set", "launch.cost_per_kg=200", "--output", folder.appendingPathComponent("x.html").path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("launch.cost_per_kg"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.html").path))

        let swapped = try CLI.run(["report", "--sobol-samples", "16", "colossus-1", "orbital-1gw-dawn-dusk"])
        XCTAssertEqual(swapped.status, 2)
        XCTAssertTrue(swapped.stderr.contains("orbital"), swapped.stderr)

        let noFolder = try CLI.run(["report", "--sobol-samples", "16", "orbital-1gw-dawn-dusk", "--output", folder.appendingPathComponent("missing/r.md").path])
        XCTAssertEqual(noFolder.status, 2)
        XCTAssertTrue(noFolder.stderr.contains("does not exist"), noFolder.stderr)
    }
}

/// Every decomposition the tool prints adds up to the headline it explains.
final class ConsistencyCLITests: XCTestCase {
    /// `evaluate`'s levelized cost lines sum to its cost per PFLOP-hour (0.1 %), for every shipped
    /// scenario and every deployment timing; `compare` embeds the same reports.
    func testLevelizedLinesSumToTheHeadlineEverywhere() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Models").path)
            .filter { $0.hasSuffix(".yaml") }.map { "Models/" + $0 }
        XCTAssertGreaterThanOrEqual(files.count, 2)
        for file in files {
            for timing in ["ramp", "window", "instant"] {
                let report = try CLI.json(CLI.run(["evaluate", file, "--format", "json", "--set", "finance.deployment_timing=\(timing)"]))
                let lines = try XCTUnwrap(CLI.find("cost_per_pflop_hour_by_line_usd", in: report) as? [String: Double], file)
                let headline = try XCTUnwrap(CLI.find("cost_per_pflop_hour_usd", in: report) as? Double)
                XCTAssertEqual(lines.values.reduce(0, +), headline, accuracy: headline * 1e-3, "\(file) \(timing)")
                // One cost basis: upfront + years × annual = undiscounted.
                let capex = try XCTUnwrap(CLI.find("capex_usd", in: report) as? Double)
                let opex = try XCTUnwrap(CLI.find("opex_usd_per_year", in: report) as? Double)
                let years = try XCTUnwrap(CLI.find("opex_years", in: report) as? Double)
                let total = try XCTUnwrap(CLI.find("tco_undiscounted_usd", in: report) as? Double)
                XCTAssertEqual(capex + years * opex, total, accuracy: total * 1e-9, "\(file) \(timing)")
            }
        }
        let compare = try CLI.json(CLI.run(["compare", "Models/orbital-1gw-dawn-dusk.yaml", "Models/colossus-1.yaml", "--format", "json"]))
        for side in ["orbital_report", "terrestrial_report"] {
            let report = try XCTUnwrap(compare[side])
            let lines = try XCTUnwrap(CLI.find("cost_per_pflop_hour_by_line_usd", in: report) as? [String: Double])
            let headline = try XCTUnwrap(CLI.find("cost_per_pflop_hour_usd", in: report) as? Double)
            XCTAssertEqual(lines.values.reduce(0, +), headline, accuracy: headline * 1e-3, side)
        }
    }
}

/// Every figure block of README.md is what the binary prints now (scripts/update-readme.py
/// regenerates them; `measured:` blocks hold timings and are not compared).
final class ReadmeFiguresTests: XCTestCase {
    func testReadmeBlocksMatchTheBinary() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "<!-- orbital (.*?) -->\\n```[a-z]*\\n(.*?)```\\n<!-- end -->", options: [.dotMatchesLineSeparators])
        let matches = pattern.matches(in: readme, range: NSRange(readme.startIndex..., in: readme))
        XCTAssertGreaterThanOrEqual(matches.count, 2, "README.md has no generated figure blocks")
        for m in matches {
            let command = String(readme[Range(m.range(at: 1), in: readme)!])
            let shown = String(readme[Range(m.range(at: 2), in: readme)!])
            let run = try CLI.run(command.split(separator: " ").map(String.init))
            XCTAssertEqual(run.status, 0, command)
            XCTAssertEqual(run.stdout, shown, "README.md is stale for `orbital \(command)`: run scripts/update-readme.py")
        }
    }
}
