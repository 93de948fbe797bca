/// Step 10 of the orbital chain: launches, their price with learning, and the time to deploy
/// (MODEL.md §5).
public struct LaunchPlan: Sendable, Equatable {
    public var launches: Int
    /// Effective price per kg to orbit [USD/kg].
    public var costPerKgUsd: Double
    /// All launches, with the learning curve [USD].
    public var costUsd: Double
    /// Launch cost per kW of target IT per year of life [USD/(kW·year)].
    public var costPerKwYearUsd: Double
    /// Days to launch and build everything: the slower of the launch cadence and the factories [day].
    public var deploymentDays: Double

    public static func plan(mass: MassBudget, itTargetW: Double, years: Double, launch l: OrbitalInputs.Launch, satellite s: OrbitalInputs.Satellite) throws -> LaunchPlan {
        var memo = Memo()
        return try plan(mass: mass, itTargetW: itTargetW, years: years, launch: l, satellite: s, memo: &memo)
    }

    /// What the next plan of a study probably reuses: the vehicle's catalog numbers and the learning
    /// curve's head sum (`Launch.LearningMemo`).
    struct Memo { var vehicle: OrbitalInputs.Launch.CatalogTerms?; var learning: Launch.LearningMemo? }

    static func plan(mass: MassBudget, itTargetW: Double, years: Double, launch l: OrbitalInputs.Launch, satellite s: OrbitalInputs.Satellite,
                     memo: inout Memo) throws -> LaunchPlan {
        let (payloadKg, _, costPerKg) = try l.terms(catalog: &memo.vehicle)
        let launches = try Launch.count(mass: mass.totalKg, payload: payloadKg)
        return LaunchPlan(launches: launches, costPerKgUsd: costPerKg,
                          costUsd: mass.totalKg * costPerKg * Launch.meanLearningFactor(launches: launches, learningRate: l.learningRate, memo: &memo.learning),
                          costPerKwYearUsd: Launch.costPerKilowattYear(mass: mass.totalKg, costPerKg: costPerKg, powerW: itTargetW, years: years),
                          deploymentDays: Launch.deploymentDays(launches: launches, perYear: l.launchesPerYear, massKg: mass.builtKg, buildKgPerYear: s.manufacturingKgPerYear))
    }
}
