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

    /// The same for the Markdown tables of the uncertainty studies (the terminal table is the
    /// same rows, aligned): the second column is the unit.
    func testEveryNumericRowOfAStudyTableHasAUnit() throws {
        for arguments in [["montecarlo", "orbital-1gw-dawn-dusk", "--draws", "200", "--quiet", "--format", "markdown"],
                          ["sensitivity", "orbital-1gw-dawn-dusk", "--samples", "64", "--format", "markdown"]] {
            let run = try CLI.run(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst()   // the header
            XCTAssertGreaterThan(rows.count, 10, "\(arguments)")
            for row in rows {
                let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertFalse(cells[2].isEmpty, "\(arguments[0]): \(cells[1]) has no unit")
            }
        }
    }
}
