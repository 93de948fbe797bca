import Foundation
import CLITestSupport
import XCTest

/// Every numeric row of every CSV table a verb prints has its unit (issue 11): evaluation outputs
/// from the output table, analysis and calculator keys from `AnalysisUnits`, input values from
/// the input's parameter.
final class UnitColumnTests: XCTestCase {
    func testEveryNumericRowHasAUnit() throws {
        var runs: [[String]] = [
            ["compare", "orbital-1gw-dawn-dusk", "--format", "csv"],
            ["compare", "mccalip-1gw-orbit", "mccalip-1gw-ground", "--format", "csv"],
            ["breakeven", "orbital-1gw-dawn-dusk", "--solve", "launch.cost_per_kg_usd", "--format", "csv"],
            ["breakeven", "orbital-1gw-dawn-dusk", "--solve", "ground:energy.price_usd_per_mwh", "--format", "csv"],
            ["orbit", "--altitude-km", "550", "--sso-ltan-h", "18", "--format", "csv"],
            ["radiator", "--heat-w", "1e6", "--area-m2", "3000", "--altitude-km", "550", "--format", "csv"],
            ["links", "--distance-m", "100,100000", "--format", "csv"],
            ["montecarlo", "orbital-1gw-dawn-dusk", "--draws", "200", "--quiet", "--format", "csv"],
            ["sensitivity", "orbital-1gw-dawn-dusk", "--samples", "64", "--format", "csv"],
        ]
        let models = try CLI.run(["models"]).stdout.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertGreaterThan(models.count, 10)
        runs.append(["evaluate"] + models + ["--format", "csv"])
        for arguments in runs {
            let run = try CLI.run(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            for line in run.stdout.split(separator: "\n").dropFirst() {
                guard !line.contains("\"") else { continue }   // quoted text (a message), not a number
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 3, fields.dropFirst(2).contains(where: { Double($0) != nil }) else { continue }
                XCTAssertFalse(fields[1].isEmpty, "\(arguments.prefix(2).joined(separator: " ")): \(fields[0]) has no unit")
            }
        }
    }

    /// The same for the Markdown tables of the verbs whose tables are not the evaluation's (the
    /// terminal table is the same rows, aligned): every row with a number after its `unit` column
    /// has a unit there.
    func testEveryNumericRowOfAMarkdownTableHasAUnit() throws {
        let runs = [["montecarlo", "orbital-1gw-dawn-dusk", "--draws", "200", "--quiet", "--format", "markdown"],
                    ["sensitivity", "orbital-1gw-dawn-dusk", "--samples", "64", "--format", "markdown"],
                    ["timeline", "orbital-1gw-dawn-dusk", "--format", "markdown"],
                    ["published", "--format", "markdown"],
                    ["breakeven", "orbital-1gw-dawn-dusk", "--solve", "launch.cost_per_kg_usd", "--format", "markdown"]]
        for arguments in runs {
            let run = try CLI.run(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            let lines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
            func cells(_ line: Substring) -> [String] {
                Array(line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst().dropLast())
            }
            guard let header = lines.first.map(cells), let unit = header.firstIndex(of: "unit") else {
                XCTFail("\(arguments[0]): no table with a unit column"); continue
            }
            let rows = lines.dropFirst().map(cells)
            XCTAssertGreaterThan(rows.count, 3, "\(arguments[0])")
            for row in rows where row.count > unit {
                let numeric = row[(unit + 1)...].contains { Double($0.replacingOccurrences(of: ",", with: "")) != nil }
                if numeric { XCTAssertFalse(row[unit].isEmpty, "\(arguments[0]): \(row[0]) has no unit") }
            }
        }
    }
}
