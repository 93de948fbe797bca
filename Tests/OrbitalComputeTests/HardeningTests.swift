import XCTest
import GSL
@testable import OrbitalCompute

/// Issue 15: no crash, no hang, no silent non-number, no damaged file. One test per fix; the
/// fuzzing and kill-and-resume trials live in Tests/Fuzz (run by .ci/fuzz.sh).
final class HardeningTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func shipped() throws -> Scenario { try Scenario.load(path: root.appendingPathComponent("Models/orbital-1gw-dawn-dusk.yaml").path) }

    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    // MARK: YAML

    func testDeepNestingIsRefusedBeforeComposing() {
        let cases = ["kind: orbital\ndescription: " + String(repeating: "[", count: 4_700) + String(repeating: "]", count: 4_700),
                     "kind: orbital\ndescription: " + String(repeating: "{a: ", count: 4_700) + "1" + String(repeating: "}", count: 4_700),
                     "kind: orbital\nx:\n" + (1...200).map { String(repeating: " ", count: $0) + "a\($0):\n" }.joined(),
                     "kind: orbital\ndescription:\n" + String(repeating: "- ", count: 3_000) + "x\n",
                     // A quote inside plain text opens no string: the nesting after it still counts.
                     "kind: orbital\nname: x 'y\ndescription: " + String(repeating: "[", count: 4_700) + String(repeating: "]", count: 4_700),
                     "kind: orbital\nname: x:'y\ndescription: " + String(repeating: "[", count: 4_700) + String(repeating: "]", count: 4_700),
                     "kind: orbital\nname: x,'y\ndescription: " + String(repeating: "[", count: 4_700) + String(repeating: "]", count: 4_700),
                     // A comment ends at CR or NEL as it does for the YAML reader.
                     "kind: orbital # c\rdescription: " + String(repeating: "[", count: 4_700) + String(repeating: "]", count: 4_700),
                     "kind: orbital # c\u{85}description: " + String(repeating: "[", count: 4_700) + String(repeating: "]", count: 4_700)]
        for text in cases {
            XCTAssertThrowsError(try Scenario.parse(yaml: text, origin: "deep.yaml")) { error in
                XCTAssertTrue("\(error)".contains("over the limit of \(Limits.nestingDepth)"), "\(error)")
            }
        }
        // Brackets inside quotes, comments and block scalars are text, not nesting.
        let text = "kind: orbital\ndescription: \"" + String(repeating: "[", count: 200) + "\" # " + String(repeating: "{", count: 200)
            + "\nname: |\n  " + String(repeating: "[", count: 200) + "\n"
        XCTAssertNoThrow(try Scenario.parse(yaml: text, origin: "quoted.yaml"))
        XCTAssertEqual(YAMLPrescan.depth(of: "kind: orbital\norbit:\n  altitude_km: 650\n").depth, 3)
    }

    /// Differential property: on random YAML-like texts, the pre-scan never counts fewer levels
    /// than the composed document has (collections nested), so nothing deeper than the limit
    /// reaches the composer.
    func testPrescanNeverUndercountsTheComposedDepth() throws {
        let pieces = ["[", "]", "{", "}", "a", "b: ", ": ", ":", ", ", ",", "- ", "-", "? ", "\n", "\n  ", "\n    ", "'", "\"", " #", "#", " |", " >",
                      "x", " ", "\r", "\u{85}", "&a ", "*a", "!!str ", "\\", "''", "k: [", "- [", "{k: "]
        let environment = ProcessInfo.processInfo.environment
        var state = UInt64(environment["PRESCAN_SEED"] ?? "") ?? 0x9E37_79B9_7F4A_7C15
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        var composed = 0
        for _ in 0..<(Int(environment["PRESCAN_CASES"] ?? "") ?? 40_000) {
            let text = (0..<(next() % 40 + 1)).map { _ in pieces[next() % pieces.count] }.joined()
            guard let actual = YAMLPrescan.composedDepth(of: text) else { continue }
            composed += 1
            let counted = YAMLPrescan.depth(of: text).depth
            XCTAssertGreaterThanOrEqual(counted, actual, "pre-scan \(counted) < composed \(actual) for \(text.debugDescription)")
            if counted < actual { break }
        }
        XCTAssertGreaterThan(composed, 500)
    }

    func testComposerHasAStackForDeepNestingBehindThePrescan() throws {
        // Were the pre-scan ever fooled, 20,000 levels compose on the large stack instead of crashing.
        let text = "a: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        XCTAssertNotNil(try Scenario.composeOnLargeStack(text))
    }

    func testInputSizeLimit() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("big.yaml").path
        try ("kind: orbital\ndescription: \"" + String(repeating: "x", count: Limits.inputBytes) + "\"\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Scenario.load(path: path)) { XCTAssertTrue("\($0)".contains("over the input limit"), "\($0)") }
        // An endless device is read only up to the limit.
        XCTAssertThrowsError(try Scenario.load(path: "/dev/zero")) { XCTAssertTrue("\($0)".contains("limit"), "\($0)") }
    }

    func testDuplicateKeysNameBothLines() {
        let cases: [(String, String)] = [
            ("kind: orbital\nkind: terrestrial\n", "lines 1 and 2"),
            ("kind: orbital\norbit:\n  altitude_km: 600\n  altitude_km: 700\n", "lines 3 and 4"),
            ("kind: orbital\norbit:\n  altitude_km: 600\norbit:\n  sso_ltan_h: 6\n", "lines 2 and 4"),
            ("kind: orbital\norbit.altitude_km: 700\norbit:\n  altitude_km: 600\n", "lines 2 and 4"),
            ("kind: orbital\nuncertainty:\n  solar.cost_usd_per_w: uniform(5, 10)\n  solar.cost_usd_per_w: uniform(5, 20)\n", "lines 3 and 4"),
        ]
        for (text, lines) in cases {
            XCTAssertThrowsError(try Scenario.parse(yaml: text, origin: "twice.yaml"), text) { XCTAssertTrue("\($0)".contains(lines) && "\($0)".contains("given twice"), "\($0)") }
        }
    }

    func testYAMLSyntaxErrorsKeepTheProblemOnOneLine() {
        XCTAssertThrowsError(try Scenario.parse(yaml: "kind: orbital\norbit:\n  altitude_km: [1, 2\n", origin: "bad.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("did not find expected"), text)
            XCTAssertFalse(text.contains("\n"), text)
        }
    }

    func testHexAndNonDecimalNumbersAreRejected() {
        for text in ["0x1p3", "0x10", "inf", "nan", "infinity", "1e999", ""] { XCTAssertNil(Scenario.number(text), text) }
        for (text, value) in [("650", 650.0), ("-0.0025", -0.0025), ("1_000", 1000), ("1.5e9", 1.5e9)] { XCTAssertEqual(Scenario.number(text), value, text) }
    }

    // MARK: Errors on one line

    func testErrorsAreOneLineAndCutLongValues() {
        let e = ScenarioError(file: "a\nb.yaml", key: "k\u{1B}]0;x", "value '" + String(repeating: "v", count: 5_000) + "'\nnext", accepted: "x")
        let text = "\(e)"
        XCTAssertFalse(text.contains("\n"))
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertTrue(text.contains("…"))
        XCTAssertLessThan(text.count, 1_200)
        XCTAssertEqual("\(ModelError(key: "x", "Δv = NaN m/s, T = inf K"))", "x: Δv = a non-finite value m/s, T = a non-finite value K")
    }

    // MARK: Escaping

    func testEscapingPerFormat() {
        XCTAssertEqual(terminalText("a\u{1B}]0;title\u{07}b"), "a\\u{1B}]0;title\\u{7}b")
        XCTAssertEqual(Render.csvField("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0")
        XCTAssertEqual(Render.csvField("@SUM(1)"), "'@SUM(1)")
        XCTAssertEqual(Render.csvField("-90.16"), "-90.16")
        XCTAssertEqual(Render.csvField("-33.87, 151.21"), "\"-33.87, 151.21\"")
        XCTAssertEqual(Render.csvField("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0")
        XCTAssertEqual(Render.csvField("+1,2"), "\"+1,2\"")
        XCTAssertEqual(Render.csvField("+A1,B2"), "\"'+A1,B2\"")
        XCTAssertEqual(Render.csvField("plain"), "plain")
    }

    // MARK: Output files

    func testAtomicWriteKeepsModeAndIgnoresPlantedSymlinks() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("out.txt").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        // A planted symlink at the old predictable temporary name must not be followed.
        let victim = dir.appendingPathComponent("victim.txt").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(".out.txt.tmp-\(getpid())").path, withDestinationPath: victim)
        try writeAtomically("new", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        XCTAssertEqual(mode & 0o777, 0o600)
        // No temporary is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") && !$0.hasSuffix("-\(getpid())") }
        XCTAssertEqual(left, [])
    }

    func testCharacterDevicesAreStreamedNotReplaced() throws {
        try writeAtomically("into the void\n", to: "/dev/null")
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        let dir = try temporaryFolder()
        XCTAssertThrowsError(try writeAtomically("x", to: dir.path)) { XCTAssertTrue("\($0)".contains("not a regular file"), "\($0)") }
    }

    func testAbandonedOutputLeavesTheOldFile() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("keep.txt").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let file = try OutputFile(path: path)
        try file.write("half of the new")
        file.abandon()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["keep.txt"])
    }

    // MARK: Limits and hangs

    func testLimitsAndCheckedProducts() {
        XCTAssertThrowsError(try Limits.product(Int.max, 3, what: "x", flag: "--f"))
        XCTAssertEqual(try Limits.product(1_000, 22, what: "x", flag: "--f"), 22_000)
        XCTAssertThrowsError(try Limits.check(11, limit: 10, what: "n", flag: "--max-n")) { XCTAssertTrue("\($0)".contains("--max-n"), "\($0)") }
        XCTAssertEqual(Limits.workers(requested: 1_000_000, work: 3), 3)
        XCTAssertLessThanOrEqual(Limits.workers(requested: 1_000_000, work: 1_000_000), ProcessInfo.processInfo.activeProcessorCount * Limits.jobsPerCore)
        XCTAssertEqual(Limits.workers(requested: 1, work: 0), 1)
    }

    func testMonteCarloRefusesHugeDrawsBeforeWork() throws {
        let s = try StudySetup(primary: Self.shipped(), ground: Scenario.colossus1)
        let start = Date()
        XCTAssertThrowsError(try MonteCarlo.run(setup: s, inputs: s.uncertainInputs(), draws: Int.max, seed: 1, jobs: 1_000_000)) {
            XCTAssertTrue("\($0)".contains("--max-draws"), "\($0)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testEveryDrawFailedIsAnError() throws {
        var scenario = try Self.shipped()
        try scenario.apply(override: "thermal.radiator_temperature_k=160")
        let s = try StudySetup(primary: scenario, ground: Scenario.colossus1)
        let inputs = try s.uncertainInputs(vary: ["solar.cost_usd_per_w=uniform(5, 10)"], useDeclared: false)
        XCTAssertThrowsError(try MonteCarlo.run(setup: s, inputs: inputs, draws: 50, seed: 1, jobs: 2)) { XCTAssertTrue("\($0)".contains("every one of the 50 draws failed"), "\($0)") }
        XCTAssertThrowsError(try SensitivityAnalysis.run(setup: s, uncertain: [], samples: 8, jobs: 1))
    }

    func testStreamingPercentilesTrackExactOnes() throws {
        // Lognormal-ish values from GSL's generator: the P² estimates against type-7 percentiles.
        let rng = try RandomGenerator(seed: 3)
        var streaming = StreamingSummary()
        var values: [Double] = []
        for _ in 0..<200_000 {
            let x = exp(0.5 * InputDistribution.normal(mean: 0, sd: 1).sample(rng))
            values.append(x); streaming.add(x)
        }
        let exact = MonteCarlo.summarize("x", values), estimate = streaming.summary("x")
        let spread = exact.p95 - exact.p5
        for (e, s) in [(exact.p5, estimate.p5), (exact.p50, estimate.p50), (exact.p95, estimate.p95)] {
            XCTAssertLessThan(abs(e - s) / spread, 0.005, "P² \(s) vs exact \(e)")
        }
        XCTAssertEqual(estimate.mean, exact.mean, accuracy: 1e-9 * abs(exact.mean))
        XCTAssertEqual(estimate.sd, exact.sd, accuracy: 1e-9 * exact.sd)
        XCTAssertEqual(estimate.min, exact.min)
        XCTAssertEqual(estimate.max, exact.max)
    }

    func testMonteCarloBeyondTheExactLimitStreamsDeterministically() throws {
        let s = try StudySetup(primary: Self.shipped(), ground: Scenario.colossus1)
        let inputs = try s.uncertainInputs(vary: ["solar.cost_usd_per_w=uniform(5, 40)"], useDeclared: false)
        let draws = 6_000
        let one = try MonteCarlo.run(setup: s, inputs: inputs, draws: draws, seed: 9, jobs: 1, exactLimit: 1_000)
        let two = try MonteCarlo.run(setup: s, inputs: inputs, draws: draws, seed: 9, jobs: 3, exactLimit: 1_000)
        XCTAssertFalse(one.exactPercentiles)
        XCTAssertEqual(one.report.json(), two.report.json())
        let p50 = try XCTUnwrap(one.summaries.first { $0.name == "solar.cost_usd_per_w" }).p50
        XCTAssertEqual(p50, 22.5, accuracy: 0.6)
    }

    func testTimelineOfManyLaunchesIsFastAndBounded() throws {
        var scenario = try Self.shipped()
        try scenario.apply(override: "launch.payload_kg=100")          // ≈770,000 launches
        let start = Date()
        let t = try Timeline.run(orbital: scenario, ground: Scenario.colossus1)
        XCTAssertGreaterThan(t.launches, 500_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "O(launches) set-up, O(log launches) per sample")
        XCTAssertTrue(t.series.allSatisfy { $0.orbitalItPowerW.isFinite })
        XCTAssertThrowsError(try Timeline.run(orbital: scenario, ground: nil, maxLaunches: 1_000)) { XCTAssertTrue("\($0)".contains("--max-launches"), "\($0)") }
    }

    func testTimelineRecurrenceMatchesTheDirectSum() throws {
        var scenario = try Self.shipped()
        try scenario.apply(override: "reliability.accelerator_failure_rate_per_year=0.5")
        let t = try Timeline.run(orbital: scenario, ground: nil, points: 50)
        // The same launch schedule, summed launch by launch (the former O(launches) query).
        var x = try scenario.orbitalInputs()
        x.finance.deploymentTiming = .instant
        let r = try OrbitalModel().evaluate(x)
        let l = t.launches, perLaunch = r.acceleratorCountInstalled / Double(l), lambda = x.reliability.acceleratorFailureRatePerYear
        var times: [Double] = []
        for k in 1...l {
            let ready = (Double(k) * Double(t.satellites) / Double(l)).rounded(.up) / (x.satellite.manufacturingKgPerYear * Double(t.satellites) / r.massTotalKg)
            times.append(max(Double(k) / x.launch.launchesPerYear, ready, times.last ?? 0))
        }
        XCTAssertGreaterThan(l, 10)
        for p in t.series {
            let years = p.days / Constants.daysPerYear
            let direct = times.filter { $0 <= years }.reduce(0) { $0 + perLaunch * exp(-lambda * (years - $1)) }
            XCTAssertEqual(p.orbitalAcceleratorsOnline, direct, accuracy: 1e-9 * max(direct, 1), "at \(p.days) d")
        }
    }

    // MARK: Non-numbers

    func testTinyInRangeValuesFailOrGiveFiniteNumbers() throws {
        let model = OrbitalModel()
        for info in ParameterInfo.all where info.kind == .orbital {
            guard case let .real(b) = info.domain else { continue }
            let low = b.lowerOpen ? b.lower.nextUp : b.lower
            var scenario = try Self.shipped()
            guard (try? scenario.set(info.key, .number(low))) != nil, (try? scenario.checkConsistency()) != nil else { continue }
            do {
                let e = try Engine.evaluate(scenario, model: model)
                XCTAssertEqual(e.report.nonFiniteKeys(), [], info.key)
            } catch {
                XCTAssertFalse("\(error)".contains("\n"), "\(info.key): \(error)")
            }
        }
    }

    func testSmallHeatCapacityStillEvaluates() throws {
        for c in [1.0, 1e3, 5e4] {
            var scenario = try Self.shipped()
            try scenario.set("thermal.heat_capacity_j_per_k", .number(c))
            guard case let .orbital(r) = try Engine.evaluate(scenario) else { return XCTFail() }
            XCTAssertTrue(r.transient.minimum.isFinite && r.transient.maximum >= r.transient.minimum, "C = \(c)")
        }
        // Found by the property test: a light thermal mass with the throttle strategy diverged
        // in the explicit integrator; the quasi-steady outer bound is reported instead.
        for c in [3.0, 5, 7.3, 20] {
            var scenario = try Self.shipped()
            try scenario.set("thermal.specific_heat_j_per_kg_k", .number(c))
            try scenario.set("power.eclipse_strategy", .text("throttle"))
            guard case let .orbital(r) = try Engine.evaluate(scenario) else { return XCTFail() }
            XCTAssertTrue(r.transient.minimum.isFinite && r.transient.maximum >= r.transient.minimum, "C = \(c)")
        }
    }

    func testIntegerKeysAreSolvedOverWholeNumbers() throws {
        let b = try Breakeven.solve(orbital: Self.shipped(), ground: .colossus1, key: "thermal.sides")
        XCTAssertEqual(b.closestValue, b.closestValue.rounded())
    }
}
