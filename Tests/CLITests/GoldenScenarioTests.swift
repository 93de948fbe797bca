import Foundation
import CLITestSupport
import XCTest

/// Refactors keep results: every shipped scenario's `evaluate` JSON and every analysis verb's
/// machine-readable output, captured by `Scripts/golden.sh` into `Golden/scenarios` before the
/// model-chain refactor (issue 11), must come out byte for byte the same from today's binary.
/// A deliberate change of a number is made by re-running the script and saying why in the commit.
final class GoldenScenarioTests: XCTestCase {
    func testEveryShippedScenarioAndVerbMatchesItsGoldenOutput() throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("orbital-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.root.appendingPathComponent("Scripts/golden.sh").path, fresh.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["ORBITAL": CLI.binary.path]) { _, new in new }
        process.currentDirectoryURL = CLI.root
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "Scripts/golden.sh failed")
        let golden = CLI.root.appendingPathComponent("Tests/CLITests/Golden/scenarios")
        let expected = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
        let produced = try FileManager.default.contentsOfDirectory(atPath: fresh.path).sorted()
        XCTAssertEqual(produced, expected, "the set of golden files changed")
        XCTAssertGreaterThanOrEqual(expected.count, 26)
        for name in expected {
            let want = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
            let got = (try? String(contentsOf: fresh.appendingPathComponent(name), encoding: .utf8)) ?? ""
            if got != want {
                let a = want.split(separator: "\n", omittingEmptySubsequences: false), b = got.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                XCTFail("\(name) differs from its golden output at line \(line + 1): want «\(line < a.count ? a[line] : "")», got «\(line < b.count ? b[line] : "")»")
            }
        }
    }
}
