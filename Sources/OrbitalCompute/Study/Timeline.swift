import Foundation

/// Capacity online versus time (MODEL.md §11), and what the wait costs.
///
/// Orbit: satellites are built at `satellite.manufacturing_kg_per_year` (mass) and launched at
/// `launch.launches_per_year`, each launch carrying 1/L of the constellation (L = launch count of
/// the evaluation); launch k (1-based) is flown at k / cadence, or later if its satellites are
/// not built yet (satellite S_k = ⌈k·S/L⌉ is ready at S_k / rate). Without repair, a batch flown
/// at τ keeps e^{−λ(t−τ)} of its accelerators. Launch k costs c₁·k^b (Wright's law, b =
/// log₂(1 − learning rate)); c₁ is set so that the campaign's total equals the evaluation's
/// launch cost.
/// Ground: nothing until `facility.build_days`, then the whole cluster (Colossus 1: 122 days).
///
/// Delay cost: both sides are charged, at their levelized cost per accelerator-hour, for the
/// present value of the accelerator-hours they do not deliver inside the analysis window
/// [0, T] compared with the same cluster online at t = 0 (end-of-year discounting, as the
/// levelized cost itself).
///
/// The same calendar window as `compare`: each side's share of its PFLOP-hours delivered inside
/// the window from the decision date (`finance.deployment_timing: window`, the ground's life),
/// computed by the same levelized model as the verdict.
public enum Timeline {
    public struct Point: Sendable {
        public var days: Double
        public var orbitalItPowerW: Double
        public var orbitalAcceleratorsOnline: Double
        public var orbitalLaunchSpendUsd: Double
        public var groundItPowerW: Double?
    }

    public struct Side: Sendable {
        public var name: String
        public var targetItPowerW: Double
        public var daysToTarget: Double?
        public var deploymentDays: Double
        public var lostAcceleratorHoursPV: Double
        public var costPerAcceleratorHourUsd: Double
        public var delayCostUsd: Double
        /// Accelerator-hours delivered inside the window over those of the same cluster online at
        /// t = 0 (the share `compare` prints on its same-window line).
        public var deliveredShareInWindow: Double
        public var windowYears: Double
    }

    public struct Result: Sendable {
        public var orbital: Side
        public var ground: Side?
        public var launches: Int
        public var satellites: Int
        public var firstLaunchCostUsd: Double
        public var lastLaunchCostUsd: Double
        public var series: [Point]

        public var report: ResultValue {
            func side(_ s: Side) -> ResultValue {
                .object([
                    ("scenario", .text(s.name)), ("target_it_power_w", .number(s.targetItPowerW)),
                    ("time_to_target_days", s.daysToTarget.map(ResultValue.number) ?? .null),
                    ("deployment_days", .number(s.deploymentDays)),
                    ("lost_accelerator_hours_pv", .number(s.lostAcceleratorHoursPV)),
                    ("cost_per_accelerator_hour_usd", .number(s.costPerAcceleratorHourUsd)),
                    ("delay_cost_usd", .number(s.delayCostUsd)),
                    ("window_years", .number(s.windowYears)),
                    ("delivered_share_in_window", .number(s.deliveredShareInWindow)),
                ])
            }
            var pairs: [(String, ResultValue)] = [("orbital", side(orbital))]
            if let ground { pairs.append(("terrestrial", side(ground))) }
            pairs += [
                ("launch_count", .integer(launches)), ("satellite_count", .integer(satellites)),
                ("first_launch_cost_usd", .number(firstLaunchCostUsd)), ("last_launch_cost_usd", .number(lastLaunchCostUsd)),
                ("series", .array(series.map { p in
                    var row: [(String, ResultValue)] = [("days", .number(p.days)), ("orbital_it_power_w", .number(p.orbitalItPowerW)),
                                                        ("orbital_accelerators_online", .number(p.orbitalAcceleratorsOnline)),
                                                        ("orbital_launch_spend_usd", .number(p.orbitalLaunchSpendUsd))]
                    if let g = p.groundItPowerW { row.append(("ground_it_power_w", .number(g))) }
                    return .object(row)
                })),
            ]
            return .object(pairs)
        }

        /// The series as CSV.
        public var csv: String {
            var out = "days,orbital_it_power_w,orbital_accelerators_online,orbital_launch_spend_usd" + (ground != nil ? ",ground_it_power_w" : "") + "\n"
            for p in series {
                out += [p.days, p.orbitalItPowerW, p.orbitalAcceleratorsOnline, p.orbitalLaunchSpendUsd].map(csvNumber).joined(separator: ",")
                if let g = p.groundItPowerW { out += "," + csvNumber(g) }
                out += "\n"
            }
            return out
        }
    }

    /// Builds the timeline; `points` samples of the series span [0, max(window, deployment)].
    /// Cost: O(launches) to set up, O(log launches) per sample; at most `maxLaunches` launches are
    /// enumerated (an error naming the limit beyond).
    public static func run(orbital: Scenario, ground: Scenario?, points: Int = 200, maxLaunches: Int = Limits.timelineLaunches) throws -> Result {
        try Limits.check(points, limit: Limits.timelinePoints, what: "a series of", flag: "--points")
        // The delay is costed against capacity online at once, so both baselines are `instant`.
        var x = try orbital.orbitalInputs()
        x.finance.deploymentTiming = .instant
        let r = try OrbitalModel.shared.evaluate(x)
        let years = x.finance.lifetimeYears
        let lambda = x.reliability.acceleratorFailureRatePerYear
        let rate = x.finance.discountRate
        let launches = max(r.launchCount, 1)
        guard launches <= maxLaunches else {
            throw ScenarioError(file: "--max-launches", key: "launch.payload_kg", "the timeline would enumerate \(launches) launches, over the limit of \(maxLaunches)",
                                accepted: "at most \(maxLaunches) launches (larger launch.payload_kg or satellites); raise it with --max-launches N")
        }
        let satellites = max(r.satelliteCount, 1)
        let perYear = x.launch.launchesPerYear
        // Satellites the factories finish a year, from their mass throughput.
        let build = x.satellite.manufacturingKgPerYear * Double(satellites) / max(r.massTotalKg, 1)
        // Launch times [years]. Both bounds grow with k, so their maximum is already ordered.
        var times = [Double](repeating: 0, count: launches)
        for k in 1...launches {
            let ready = (Double(k) * Double(satellites) / Double(launches)).rounded(.up) / build
            times[k - 1] = max(Double(k) / perYear, ready, k > 1 ? times[k - 2] : 0)
        }
        // Wright's law per launch, normalised to the evaluation's launch cost; prefix sums give
        // the spend after any launch in O(1).
        let b = Launch.learningExponent(rate: x.launch.learningRate)
        var spentWeights = [Double](repeating: 0, count: launches + 1)
        for k in 1...launches { spentWeights[k] = spentWeights[k - 1] + (x.launch.learningRate > 0 ? pow(Double(k), b) : 1) }
        let c1 = r.launchCostUsd / spentWeights[launches]
        let perLaunchAccelerators = r.acceleratorCountInstalled / Double(launches)
        let perAcceleratorW = r.itPowerInstalledW / r.acceleratorCountInstalled
        // Surviving batches just after launch k, in units of one batch:
        // S_k = 1 + e^{−λ(τ_k − τ_{k−1})} S_{k−1} (stable: no e^{+λτ} that could overflow).
        var survivors = [Double](repeating: 0, count: launches)
        for k in 0..<launches { survivors[k] = 1 + (k > 0 ? exp(-lambda * (times[k] - times[k - 1])) * survivors[k - 1] : 0) }
        /// Launches flown by time t (binary search).
        func flown(_ t: Double) -> Int {
            var lo = 0, hi = launches
            while lo < hi { let mid = (lo + hi) / 2; if times[mid] <= t { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        func online(_ t: Double) -> Double {
            let n = flown(t)
            return n == 0 ? 0 : perLaunchAccelerators * exp(-lambda * (t - times[n - 1])) * survivors[n - 1]
        }
        // Target reached: the first launch time at which online accelerators reach the target count.
        var daysToTarget: Double?
        let targetBatches = r.acceleratorCountTarget * (1 - 1e-12) / perLaunchAccelerators
        if let k = survivors.firstIndex(where: { $0 >= targetBatches }) { daysToTarget = times[k] * Constants.daysPerYear }

        // Delivered accelerator-hours PV: each batch flown at τ delivers n e^{−λ(t−τ)} from τ to T,
        // end-of-year discounting; versus the whole installed cluster from 0 (the evaluation).
        let hoursFactor = x.compute.utilization * Constants.hoursPerYear * (r.deliveredAcceleratorHoursPV > 0 ? 1 : 0)
        let availability = r.deliveredAcceleratorHoursPV / max(Finance.presentValueOfDecaying(initial: r.acceleratorCountInstalled * x.compute.utilization * Constants.hoursPerYear,
                                                                                              decayRate: lambda, rate: rate, years: years), 1e-300)
        func batchPV(_ tau: Double) -> Double {
            guard tau < years else { return 0 }
            var total = 0.0
            var start = tau
            while start < years - 1e-12 {
                let end = min((start + 1e-12).rounded(.down) + 1, years)
                let amount = lambda < 1e-12 ? end - start : (exp(-lambda * (start - tau)) - exp(-lambda * (end - tau))) / lambda
                total += amount * Finance.discountFactor(rate: rate, years: min((end - 1e-12).rounded(.up), years))
                start = end
            }
            return total
        }
        var actual = 0.0
        for tau in times { actual += perLaunchAccelerators * batchPV(tau) }
        actual *= hoursFactor * availability
        let lostOrbit = max(0, r.deliveredAcceleratorHoursPV - actual)
        // The calendar window of `compare`: the ground's life when there is a ground side.
        let window = try ground.map { try $0.terrestrialInputs().finance.lifetimeYears } ?? x.finance.comparisonWindowYears ?? years
        var xw = x
        (xw.finance.deploymentTiming, xw.finance.comparisonWindowYears) = (.window, window)
        let orbitalShare = try OrbitalModel.shared.evaluate(xw).deliveredAcceleratorHours / r.deliveredAcceleratorHours
        let orbitalSide = Side(name: orbital.name, targetItPowerW: r.itPowerTargetW, daysToTarget: daysToTarget, deploymentDays: (times.last ?? 0) * Constants.daysPerYear,
                               lostAcceleratorHoursPV: lostOrbit, costPerAcceleratorHourUsd: r.costPerAcceleratorHourUsd,
                               delayCostUsd: lostOrbit * r.costPerAcceleratorHourUsd, deliveredShareInWindow: orbitalShare, windowYears: window)

        var groundSide: Side?
        var groundPower: Double?
        var buildYears = 0.0
        if let ground {
            var gi = try ground.terrestrialInputs()
            gi.finance.deploymentTiming = .instant
            let g = try TerrestrialModel.evaluate(gi)
            buildYears = g.deploymentDays / Constants.daysPerYear
            let hoursPerYear = g.deliveredAcceleratorHoursPV / max(Finance.presentValueOfDecaying(initial: 1, decayRate: 0, rate: gi.finance.discountRate, years: gi.finance.lifetimeYears), 1e-300)
            // Delivered from the build date to the end of the window, versus from 0.
            var delayed = 0.0
            var start = min(buildYears, gi.finance.lifetimeYears)
            while start < gi.finance.lifetimeYears - 1e-12 {
                let end = min((start + 1e-12).rounded(.down) + 1, gi.finance.lifetimeYears)
                delayed += (end - start) * Finance.discountFactor(rate: gi.finance.discountRate, years: min((end - 1e-12).rounded(.up), gi.finance.lifetimeYears))
                start = end
            }
            let lost = max(0, g.deliveredAcceleratorHoursPV - hoursPerYear * delayed)
            var gw = gi
            (gw.finance.deploymentTiming, gw.finance.comparisonWindowYears) = (.window, window)
            let groundShare = try TerrestrialModel.evaluate(gw).deliveredAcceleratorHours / g.deliveredAcceleratorHours
            groundSide = Side(name: ground.name, targetItPowerW: g.itPowerW, daysToTarget: g.deploymentDays, deploymentDays: g.deploymentDays,
                              lostAcceleratorHoursPV: lost, costPerAcceleratorHourUsd: g.costPerAcceleratorHourUsd, delayCostUsd: lost * g.costPerAcceleratorHourUsd,
                              deliveredShareInWindow: groundShare, windowYears: window)
            groundPower = g.itPowerW
        }

        // Series.
        let span = max(years, (times.last ?? 0) * 1.1, buildYears * 1.1)
        let count = max(points, 2)
        var series: [Point] = []
        series.reserveCapacity(count)
        for i in 0..<count {
            let t = span * Double(i) / Double(count - 1)
            let n = online(t)
            let spend = c1 * spentWeights[flown(t)]
            series.append(Point(days: t * Constants.daysPerYear, orbitalItPowerW: n * perAcceleratorW, orbitalAcceleratorsOnline: n, orbitalLaunchSpendUsd: spend,
                                groundItPowerW: groundPower.map { t >= buildYears ? $0 : 0 }))
        }
        let result = Result(orbital: orbitalSide, ground: groundSide, launches: launches, satellites: satellites,
                            firstLaunchCostUsd: c1 * spentWeights[1], lastLaunchCostUsd: c1 * (spentWeights[launches] - spentWeights[launches - 1]), series: series)
        if case let .object(pairs) = result.report { try Engine.checkFinite(.object(pairs.filter { $0.0 != "series" }), scenario: orbital) }
        guard series.allSatisfy({ $0.orbitalItPowerW.isFinite && $0.orbitalLaunchSpendUsd.isFinite }) else {
            throw ModelError(key: "launch.launches_per_year", "the capacity series is not finite for these inputs")
        }
        return result
    }
}
