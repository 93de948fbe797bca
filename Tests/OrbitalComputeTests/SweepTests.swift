import XCTest
@testable import OrbitalCompute

/// Sweeps: grid order, sharding, resuming, per-point model errors, and validation before work.
final class SweepTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func shipped() throws -> Scenario { try Scenario.load(path: root.appendingPathComponent("Models/orbital-1gw-dawn-dusk.yaml").path) }

    func plan(shard: (Int, Int) = (0, 1), format: SweepPlan.SweepFormat = .csv) throws -> SweepPlan {
        let setup = try StudySetup(primary: Self.shipped(), ground: Scenario.colossus1)
        // 3 × 2 × 4 = 24 points; radiator 160 K is below the sink: a model error on 12 of them.
        let axes = try ["launch.cost_per_kg_usd=100:1000:3", "thermal.radiator_temperature_k=160,330", "solar.cost_usd_per_w=5:80:4:log"]
            .map { try SweepAxis.parse($0, setup: setup) }
        return try SweepPlan(setup: setup, axes: axes, shard: shard, format: format)
    }

    func output(_ plan: SweepPlan, jobs: Int) throws -> String {
        var text = plan.header ?? ""
        try Sweep.run(plan, jobs: jobs) { text += $0 }
        return text
    }

    func testGridOrderEndsAndErrorRows() throws {
        let p = try plan()
        XCTAssertEqual(p.total, 24)
        let lines = try output(p, jobs: 2).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 25)
        XCTAssertTrue(lines[0].hasPrefix("launch.cost_per_kg_usd,thermal.radiator_temperature_k,solar.cost_usd_per_w,cost_per_accelerator_hour_usd"))
        XCTAssertTrue(lines[0].hasSuffix(",cost_ratio,error"))
        // Last axis fastest; log axis: 5, 10, 20, 40 … 80 is 5·2^4 over 3 steps: 5, 12.6, 31.7, 80.
        XCTAssertTrue(lines[1].hasPrefix("100,160,5,"), lines[1])
        XCTAssertTrue(lines[4].hasPrefix("100,160,80,"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("100,330,5,"), lines[5])
        XCTAssertTrue(lines[24].hasPrefix("1000,330,80,"), lines[24])
        let middle = try XCTUnwrap(Double(lines[2].split(separator: ",")[2]))
        XCTAssertEqual(middle, 5 * pow(16, 1.0 / 3), accuracy: 1e-12)
        // A model error fills the error column and leaves the metrics empty; the row count is intact.
        XCTAssertTrue(lines[1].contains("not above its sink temperature"), lines[1])
        XCTAssertTrue(lines[5].hasSuffix(","), "no error at 330 K: \(lines[5])")
    }

    func testShardUnionEqualsFullRunWhateverJobs() throws {
        let full = try output(plan(), jobs: 1)
        XCTAssertEqual(try output(plan(), jobs: 3), full)
        for n in [2, 5, 24, 30] {
            var union = ""
            for i in 0..<n { union += try output(plan(shard: (i, n)), jobs: 2) }
            XCTAssertEqual(union, full, "\(n) shards")
        }
        let jsonFull = try output(plan(format: .jsonl), jobs: 2)
        var jsonUnion = ""
        for i in 0..<4 { jsonUnion += try output(plan(shard: (i, 4), format: .jsonl), jobs: 1) }
        XCTAssertEqual(jsonUnion, jsonFull)
        XCTAssertEqual(jsonFull.split(separator: "\n").count, 24)
    }

    func testResumeAfterTruncationGivesTheUninterruptedFile() throws {
        let p = try plan()
        let full = try output(p, jobs: 2)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-resume-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: SweepPlan.fingerprintPath(of: path)) }
        try writeAtomically(p.fingerprint(toolVersion: "test"), to: SweepPlan.fingerprintPath(of: path))
        // Killed mid-row at several places: after the header, mid-row, exactly at a line end, empty.
        let bytes = Array(full.utf8)
        let headerEnd = bytes.firstIndex(of: 0x0A)! + 1
        for cut in [0, headerEnd - 3, headerEnd, headerEnd + 17, bytes.count / 2, bytes.count - 1, bytes.count] {
            try Data(bytes[0..<cut]).write(to: URL(fileURLWithPath: path))
            let done = try Sweep.resume(p, path: path, toolVersion: "test")
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            try Sweep.run(p, jobs: 2, skip: done) { handle.write(Data($0.utf8)) }
            handle.closeFile()
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), full, "cut at \(cut)")
        }
        // A file of another sweep is refused.
        try Data(full.utf8).write(to: URL(fileURLWithPath: path))
        let setup = try StudySetup(primary: Self.shipped(), ground: Scenario.colossus1)
        let other = try SweepPlan(setup: setup, axes: [SweepAxis.parse("launch.cost_per_kg_usd=100:1000:30", setup: setup)])
        XCTAssertThrowsError(try Sweep.resume(other, path: path, toolVersion: "test")) { XCTAssertTrue("\($0)".contains("axes"), "\($0)") }
        // The same grid under another version or override is refused by its fingerprint.
        XCTAssertThrowsError(try Sweep.resume(p, path: path, toolVersion: "other")) { XCTAssertTrue("\($0)".contains("version"), "\($0)") }
        var changed = try Self.shipped()
        try changed.apply(override: "solar.cost_usd_per_w=30")
        let changedSetup = try StudySetup(primary: changed, ground: Scenario.colossus1)
        let changedPlan = try SweepPlan(setup: changedSetup, axes: ["launch.cost_per_kg_usd=100:1000:3", "thermal.radiator_temperature_k=160,330", "solar.cost_usd_per_w=5:80:4:log"].map { try SweepAxis.parse($0, setup: changedSetup) })
        XCTAssertThrowsError(try Sweep.resume(changedPlan, path: path, toolVersion: "test")) { XCTAssertTrue("\($0)".contains("scenario"), "\($0)") }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), full, "a refused resume leaves the file as it was")
    }

    func testResumeLeavesAForeignFileUntouched() throws {
        let p = try plan()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for notes in ["one line without a newline", "first line\nsecond line without a newline"] {
            try Data(notes.utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try Sweep.resume(p, path: path, toolVersion: "test")) { XCTAssertTrue("\($0)".contains("fingerprint"), "\($0)") }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), notes)
        }
    }

    func testMalformedAxesAreScenarioErrors() throws {
        let setup = try StudySetup(primary: Self.shipped())
        for text in ["launch.cost_per_kg_usd=1000:100:3", "launch.cost_per_kg_usd=1:2:0", "launch.cost_per_kg_usd=1:2:-4", "launch.cost_per_kg_usd=1:2",
                     "no.such_key=1:2:3", "orbit.altitude_km=100:800:3", "launch.cost_per_kg_usd=0:10:3:log", "power.eclipse_strategy=1:2:3",
                     "power.eclipse_strategy=battery,sometimes", "thermal.sides=1:2:3", "launch.cost_per_kg_usd", "ground:energy.price_usd_per_mwh=1:2:2"] {
            XCTAssertThrowsError(try SweepAxis.parse(text, setup: setup), text) { XCTAssertTrue($0 is ScenarioError, "\(text): \($0)") }
        }
        // An exclusive pair is caught before any work.
        XCTAssertThrowsError(try SweepAxis.parse("compute.accelerator_count=1000:2000:2", setup: setup))
        XCTAssertThrowsError(try SweepPlan(setup: setup, axes: [SweepAxis.parse("launch.cost_per_kg_usd=1:2:2", setup: setup)], shard: (3, 3)))
    }

    func testSideResolution() throws {
        let setup = try StudySetup(primary: Self.shipped(), ground: Scenario.colossus1)
        let o = try setup.resolve("finance.discount_rate")
        XCTAssertNotNil(o.orbital); XCTAssertNil(o.terrestrial)
        let g = try setup.resolve("energy.price_usd_per_mwh")
        XCTAssertNil(g.orbital); XCTAssertNotNil(g.terrestrial)
        let both = try setup.resolve("both:finance.discount_rate")
        XCTAssertNotNil(both.orbital); XCTAssertNotNil(both.terrestrial)
        // Varying the ground's energy price moves the ratio, not the orbital cost.
        let axis = try SweepAxis.parse("energy.price_usd_per_mwh=50,100", setup: setup)
        let p = try SweepPlan(setup: setup, axes: [axis])
        let rows = try output(p, jobs: 1).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let ratio = setup.metrics.firstIndex(of: "cost_ratio")! + 1, orbit = setup.metrics.firstIndex(of: "cost_per_pflop_hour_usd")! + 1
        XCTAssertEqual(rows[0][orbit], rows[1][orbit])
        XCTAssertGreaterThan(Double(rows[0][ratio])!, Double(rows[1][ratio])!)
    }
}
