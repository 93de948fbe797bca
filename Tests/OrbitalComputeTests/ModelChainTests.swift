import XCTest
@testable import OrbitalCompute

/// The model chain (issue 11): every step is callable alone with typed inputs, the steps composed
/// by hand give what `evaluate` gives, and one shared engine serves concurrent tasks.
final class ModelChainTests: XCTestCase {
    /// Step 1 alone: hot spares follow λT / (1 − e^{−λT}) (Turyshev 2026), cold spares e^{λT}.
    func testClusterSizingAlone() throws {
        let h100 = try XCTUnwrap(AcceleratorCatalog.named("h100"))
        var r = ReliabilityInputs()
        (r.acceleratorFailureRatePerYear, r.strategy, r.spares) = (0.1, .overprovision, .hot)
        let hot = ClusterSize.orbital(itTarget: 1e9, accelerator: h100, reliability: r, years: 5)
        XCTAssertEqual(hot.overprovisionFactor, 0.5 / (1 - exp(-0.5)), accuracy: 1e-12)
        XCTAssertEqual(hot.countTarget, (1e9 / h100.itPowerPerAcceleratorW).rounded(.up))
        XCTAssertEqual(hot.countPowered, hot.countInstalled)
        XCTAssertEqual(hot.poweredDecayRate, 0.1)
        r.spares = .cold
        let cold = ClusterSize.orbital(itTarget: 1e9, accelerator: h100, reliability: r, years: 5)
        XCTAssertEqual(cold.overprovisionFactor, exp(0.5), accuracy: 1e-12)
        XCTAssertEqual(cold.countPowered, cold.countTarget)
        XCTAssertEqual(cold.poweredDecayRate, 0)
        r.strategy = .degrade
        XCTAssertEqual(ClusterSize.orbital(itTarget: 1e9, accelerator: h100, reliability: r, years: 5).countInstalled, hot.countTarget)
    }

    /// A catalog accelerator names its label by index (a copy counts no reference): it reads and
    /// compares as the catalog's entry, and a renamed copy gets a label of its own.
    func testACatalogAcceleratorReadsAsItsEntry() throws {
        for (index, entry) in AcceleratorCatalog.all.enumerated() {
            var a = try XCTUnwrap(AcceleratorCatalog.named(entry.id))
            XCTAssertEqual(a, entry)
            XCTAssertEqual(a.name, entry.name)
            XCTAssertEqual(a.provenance, entry.provenance)
            a.name = "renamed"
            XCTAssertEqual(a.name, "renamed")
            XCTAssertNotEqual(a, entry)
            XCTAssertEqual(AcceleratorCatalog.all[index].name, entry.name)  // the catalog is untouched
        }
    }

    /// The steps composed by hand reproduce `evaluate` exactly, and each output is the step's.
    func testTheStepsComposedByHandGiveTheChainsResult() throws {
        let x = OrbitalInputs.defaults
        let model = OrbitalModel()
        let r = try model.evaluate(x)
        let acc = try x.compute.resolvedAccelerator()
        let years = x.finance.lifetimeYears
        let cluster = ClusterSize.orbital(itTarget: DerivedDefaults.orbitalItPowerW, accelerator: acc, reliability: x.reliability, years: years)
        let (orbit, eclipse) = try model.orbitAndEclipse(x.orbit)
        let power = try PowerBudget.size(cluster: cluster, eclipse: eclipse, power: x.power, solar: x.solar, years: years)
        let radiator = try RadiatorDesign.size(power: power, eclipse: eclipse, orbit: orbit, accelerator: acc, powerInputs: x.power, thermal: x.thermal, environment: x.environment)
        let mass = try MassBudget.build(cluster: cluster, accelerator: acc, power: power, radiator: radiator, orbit: orbit, years: years, x: x)
        let radiation = try RadiationAssessment.assess(orbit: orbit, radiation: x.radiation, years: years)
        let launch = try LaunchPlan.plan(mass: mass, itTargetW: cluster.itTargetW, years: years, launch: x.launch, satellite: x.satellite)
        XCTAssertEqual(r.cluster, cluster)
        XCTAssertEqual(r.power, power)
        XCTAssertEqual(r.radiatorAreaM2, radiator.areaM2)
        XCTAssertEqual(r.mass, mass)
        XCTAssertEqual(r.radiation, radiation)
        XCTAssertEqual(r.launch, launch)
        XCTAssertEqual(OrbitalCosts.lines(cluster: cluster, accelerator: acc, power: power, radiator: radiator, mass: mass, launch: launch, x: x), r.costLines)
        // The bottom-up budget's lines sum to the launched mass.
        XCTAssertEqual(mass.lines.reduce(0) { $0 + $1.1 }, mass.totalKg, accuracy: mass.totalKg * 1e-12)
        // Battery energy is sized for the worst eclipse at the depth of discharge (step 3 alone).
        XCTAssertEqual(power.batteryEnergyJ, power.eclipseLoadW * eclipse.maxDuration / (x.power.batteryDepthOfDischarge * sqrt(x.power.batteryRoundTripEfficiency)),
                       accuracy: power.batteryEnergyJ * 1e-9)
    }

    /// One engine, many tasks: 48 concurrent evaluations of 12 different scenarios on the shared
    /// model give exactly the sequential results (the caches are shared under a lock).
    func testConcurrentEvaluationsOnTheSharedEngineEqualSequentialOnes() async throws {
        var scenarios: [Scenario] = []
        for file in ShippedModels.scenarios { scenarios.append(try Scenario.resolve(file.name)) }
        for altitude in [550.0, 700.0, 900.0] {
            var s = try Scenario(kind: .orbital)
            try s.set("orbit.altitude_km", .number(altitude))
            scenarios.append(s)
        }
        let sequential = try scenarios.map { try Engine.evaluate($0, model: OrbitalModel()).report.json(pretty: false) }
        let shared = OrbitalModel()
        let concurrent = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for round in 0..<4 {
                for (i, s) in scenarios.enumerated() {
                    group.addTask { ((round * scenarios.count) + i, try Engine.evaluate(s, model: shared).report.json(pretty: false)) }
                }
            }
            var out: [(Int, String)] = []
            for try await r in group { out.append(r) }
            return out
        }
        XCTAssertEqual(concurrent.count, 4 * scenarios.count)
        for (index, json) in concurrent { XCTAssertEqual(json, sequential[index % scenarios.count], "scenario \(index % scenarios.count)") }
    }
}
