import Foundation
import XCTest
@testable import OrbitalCompute

/// The scenarios compiled into the binary are exactly the files in Models/.
final class ShippedModelsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEmbeddedFilesMatchModelsFolder() throws {
        let models = Self.root.appendingPathComponent("Models")
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: models.path))
        let onDisk = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().map { "Models/\($0)" }
        let hint = "Sources/OrbitalCompute/Scenario/ShippedModels.swift is stale: run python3 Scripts/embed-models.py"
        XCTAssertEqual(ShippedModels.files.map(\.path), onDisk, hint)
        for file in ShippedModels.files {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file.path), encoding: .utf8)
            XCTAssertEqual(file.text, text, "\(file.path): \(hint)")
        }
    }

    func testNamesAndPathsResolve() throws {
        XCTAssertEqual(try Scenario.resolve("colossus-1").name, "colossus-1")
        XCTAssertEqual(try Scenario.resolve("turyshev-1mw").kind, .orbital)
        XCTAssertEqual(try Scenario.resolve("published/turyshev-1mw").kind, .orbital)
        XCTAssertEqual(ShippedModels.scenario(named: "Models/orbital-1gw-dawn-dusk.yaml")?.name, "orbital-1gw-dawn-dusk")
        // Catalogs are not scenarios.
        XCTAssertNil(ShippedModels.scenario(named: "catalogs/accelerators"))
        XCTAssertThrowsError(try Scenario.resolve("no-such-scenario")) { error in
            XCTAssertTrue("\(error)".contains("no such file"), "\(error)")
        }
        XCTAssertEqual(ShippedModels.published.count, ShippedModels.scenarios.filter { $0.path.contains("/published/") }.count)
        XCTAssertFalse(ShippedModels.published.isEmpty)
    }

    /// The shipped Colossus 1 file and the built-in default ground side agree.
    func testEmbeddedColossusEqualsBuiltIn() throws {
        let embedded = try Scenario.resolve("colossus-1")
        XCTAssertEqual(embedded.values, Scenario.colossus1.values)
    }
}

/// The Slurm job script CI runs (.ci/slurm.sh) is the one docs/sweeps.md shows.
final class DocsTests: XCTestCase {
    func testSweepsDocShowsTheSlurmScriptVerbatim() throws {
        let root = ShippedModelsTests.root
        let doc = try String(contentsOf: root.appendingPathComponent("docs/sweeps.md"), encoding: .utf8)
        let script = try String(contentsOf: root.appendingPathComponent("docs/slurm/sweep.sbatch"), encoding: .utf8)
        let begin = try XCTUnwrap(doc.range(of: "<!-- begin docs/slurm/sweep.sbatch -->\n```bash\n"))
        let end = try XCTUnwrap(doc.range(of: "```\n<!-- end docs/slurm/sweep.sbatch -->"))
        XCTAssertEqual(String(doc[begin.upperBound..<end.lowerBound]), script, "paste docs/slurm/sweep.sbatch into docs/sweeps.md")
        XCTAssertTrue(script.contains("--shard \"$SLURM_ARRAY_TASK_ID/$SHARDS\"") && script.contains("--resume"))
    }
}
