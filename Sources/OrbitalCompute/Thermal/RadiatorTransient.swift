import Foundation
import GSL

/// Lumped-capacitance radiator temperature through an orbit (MODEL.md §5):
/// C dT/dt = Q_internal(t) + A Σ η_fin q_abs(t) − A Σ η_fin ε σ T⁴,
/// integrated with GSL's rk8pd driver to the periodic steady state.
public enum RadiatorTransient {
    /// How far the lumped model's peak may pass the design limit before compute must throttle [K]:
    /// one lumped node stands for a radiator whose coolant varies by the loop ΔT, so differences
    /// below a kelvin are inside the model's resolution.
    public static let lumpedResolutionK = 1.0

    public struct Inputs: Sendable, Equatable {
        /// Heat capacity [J/K].
        public var heatCapacity: Double
        /// Panel area [m²].
        public var area: Double
        public var faces: [Radiator.Face]
        public var surface: Radiator.Surface
        /// The environment in sunlight at the sub-solar point; albedo scales with cos β cos θ.
        public var environment: Radiator.Environment
        /// Orbital period [s] and eclipse fraction of this orbit [-].
        public var period: Double
        public var eclipseFraction: Double
        /// Beta angle of this orbit [rad].
        public var beta: Double
        /// Internal heat in sunlight and in eclipse [W].
        public var heatSunlit: Double
        public var heatEclipse: Double
    }

    public struct Result: Sendable, Equatable {
        public var minimum: Double
        public var maximum: Double
        /// Temperature at eclipse exit on the periodic orbit [K].
        public var atEclipseExit: Double
        /// (time since eclipse exit [s], temperature [K]) through one orbit.
        public var profile: [(Double, Double)]
        public static func == (a: Result, b: Result) -> Bool { a.minimum == b.minimum && a.maximum == b.maximum && a.atEclipseExit == b.atEclipseExit }
    }

    /// Widening of the shooting bracket [K]: far above the integration error (≈1e-8 K), far below
    /// any temperature that matters.
    static let bracketMarginK = 1e-3
    /// Iterations of the orbit map when shooting finds no sign change (each contracts the error
    /// by e^{−P/τ}; a short time constant is the case that needs it, and converges in a few).
    static let fixedPointIterations = 200
    /// Cap on the temperature inside the right-hand side [K] (far above any radiator).
    static let maxTemperatureK = 1e5
    /// Below this fraction of the orbital period, the time constant makes the transient
    /// quasi-steady (and stiff for rk8pd): the steady temperatures are used.
    static let quasiSteadyFraction = 1e-2

    /// The periodic orbit temperature: the start temperature T₀ with T(P; T₀) = T₀ is found by
    /// shooting with GSL's Brent solver between the steady temperatures of the coldest and the
    /// hottest constant conditions, which bracket it.
    public static func periodic(_ p: Inputs, samplesPerSegment: Int = 12) throws -> Result {
        guard p.heatCapacity > 0, p.heatCapacity.isFinite else { throw ModelError(key: "thermal.heat_capacity_j_per_k", "heat capacity must be positive") }
        guard p.area > 0, p.period > 0 else { throw ModelError(key: "radiator_area_m2", "area and period must be positive") }
        let f = min(max(p.eclipseFraction, 0), 0.5)
        let cosBeta = cos(p.beta)
        let emit = Double(p.faces.count) * p.surface.finEfficiency * p.surface.emissivity * Constants.stefanBoltzmann * p.area
        func absorbed(_ env: Radiator.Environment) -> Double {
            p.faces.reduce(0) { $0 + p.surface.finEfficiency * Radiator.absorbed(face: $1, surface: p.surface, environment: env) } * p.area
        }
        var eclipseEnv = p.environment
        eclipseEnv.solarIrradiance = 0
        eclipseEnv.albedoIllumination = 0
        var darkSide = p.environment
        darkSide.albedoIllumination = 0
        let baseSun = absorbed(darkSide), baseEclipse = absorbed(eclipseEnv)
        var fullAlbedo = p.environment
        fullAlbedo.albedoIllumination = 1
        let albedoPeak = absorbed(fullAlbedo) - baseSun     // times cos β cos θ

        // Segments in orbit angle θ from the sub-solar point, starting at eclipse exit.
        let exit = -Double.pi * (1 - f)
        // The eclipse spans θ ∈ [π(1 − f), π(1 + f)], where |θ| > π(1 − f) throughout.
        struct Segment { var from: Double; var to: Double; var sunlit: Bool }
        var segments: [Segment] = []
        if f < 0.5 {
            segments = [Segment(from: exit, to: -Double.pi / 2, sunlit: true), Segment(from: -Double.pi / 2, to: Double.pi / 2, sunlit: true),
                        Segment(from: Double.pi / 2, to: -exit, sunlit: true)]
        }
        if f > 0 { segments.append(Segment(from: -exit, to: -exit + 2 * Double.pi * f, sunlit: false)) }
        segments = segments.filter { $0.to > $0.from }

        let angularRate = 2 * Double.pi / p.period
        let ode = try ODEIntegrator(dimension: 1, initialStep: 2 * Double.pi / 1000, absoluteTolerance: 1e-8, relativeTolerance: 1e-10) { t, y, dydt in
            // t is the orbit angle θ here (time = θ / ω), so dT/dθ = (dT/dt) / ω.
            let theta = t
            let inEclipse = abs(theta) > Double.pi * (1 - f) + 1e-12 && f > 0
            let heat: Double
            if inEclipse { heat = p.heatEclipse + baseEclipse } else {
                heat = p.heatSunlit + baseSun + albedoPeak * max(0, cosBeta * cos(theta))
            }
            // Bounded so that a trial step the driver will reject cannot overflow T⁴.
            let temperature = min(max(y[0], 0), maxTemperatureK)
            dydt[0] = (heat - emit * temperature * temperature * temperature * temperature) / (p.heatCapacity * angularRate)
        }
        func orbit(_ start: Double, record: ((Double, Double) -> Void)?) throws -> Double {
            var y = [start]
            for s in segments {
                let span = s.to - s.from
                let n = record == nil ? 1 : samplesPerSegment
                for k in 0..<n {
                    let a = s.from + span * Double(k) / Double(n), b = s.from + span * Double(k + 1) / Double(n)
                    try ode.integrate(&y, from: a, to: b)
                    record?((b - exit) / angularRate, y[0])
                }
            }
            return y[0]
        }
        let steady: (Double) -> Double = { pow(max($0, 0) / emit, 0.25) }
        let cold = steady(min(p.heatEclipse + baseEclipse, p.heatSunlit + baseSun))
        let hot = steady(max(p.heatEclipse + baseEclipse, p.heatSunlit + baseSun + albedoPeak * max(cosBeta, 0)))
        // A time constant τ = C / (4 ε σ A T³) far below the orbit makes the ODE stiff for an
        // explicit integrator, and the answer quasi-steady: the radiator follows its load. Use the
        // steady temperature of each moment (the analytic limit) instead of integrating.
        let tau = p.heatCapacity / (4 * emit * pow(max(hot, 1), 3))
        /// The steady temperature of each moment: the limit of a short time constant, and an outer
        /// bound of the periodic orbit for any (the radiator is always pulled towards it).
        func quasiSteady() -> Result {
            func steadyAt(_ theta: Double) -> Double {
                let inEclipse = abs(theta) > Double.pi * (1 - f) + 1e-12 && f > 0
                return steady(inEclipse ? p.heatEclipse + baseEclipse : p.heatSunlit + baseSun + albedoPeak * max(0, cosBeta * cos(theta)))
            }
            var profile: [(Double, Double)] = [(0, steadyAt(exit))]
            for s in segments {
                for k in 1...samplesPerSegment {
                    let b = s.from + (s.to - s.from) * Double(k) / Double(samplesPerSegment)
                    profile.append(((b - exit) / angularRate, steadyAt(b)))
                }
            }
            let temperatures = profile.map(\.1)
            return Result(minimum: temperatures.min()!, maximum: temperatures.max()!, atEclipseExit: profile[0].1, profile: profile)
        }
        if tau < quasiSteadyFraction * p.period { return quasiSteady() }
        do { return try shoot() } catch {
            // The explicit integrator failed for these inputs (stiff or diverging): no cost depends
            // on the transient, so report the quasi-steady outer bound rather than fail.
            return quasiSteady()
        }

        func shoot() throws -> Result {
        let t0: Double
        if hot - cold < 1e-9 { t0 = hot } else {
            // A small heat capacity relaxes to the quasi-steady state within the orbit, so the
            // periodic start sits on the bracket's edge, where integration error can put it just
            // outside: widen the bracket by a margin well above the ODE tolerance.
            let margin = max(bracketMarginK, 1e-6 * hot)
            do {
                t0 = try RootFinder.brent(in: max(cold - margin, 0), hot + margin, absoluteTolerance: 1e-7, relativeTolerance: 1e-12) { try orbit($0, record: nil) - $0 }
            } catch {
                // Still no sign change: the orbit map is a contraction (factor e^{−P/τ}); iterate it.
                var t = cold
                for _ in 0..<fixedPointIterations {
                    let next = try orbit(t, record: nil)
                    if abs(next - t) < 1e-7 { t = next; break }
                    t = next
                }
                t0 = t
            }
        }
        var profile: [(Double, Double)] = [(0, t0)]
        _ = try orbit(t0, record: { profile.append(($0, $1)) })
        let temperatures = profile.map(\.1)
        return Result(minimum: temperatures.min()!, maximum: temperatures.max()!, atEclipseExit: t0, profile: profile)
        }
    }
}
