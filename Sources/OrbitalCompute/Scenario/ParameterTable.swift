/// The table of every scenario parameter of one kind of scenario.
public struct ParameterTable<Inputs>: @unchecked Sendable {
    public let kind: ScenarioKind
    public let parameters: [Parameter<Inputs>]
    private let index: [String: Int]
    /// Every parameter at its default value.
    public let defaultInputs: Inputs

    init(kind: ScenarioKind, blank: Inputs, _ parameters: [Parameter<Inputs>]) {
        self.kind = kind
        self.parameters = parameters
        var index: [String: Int] = [:]
        for (i, p) in parameters.enumerated() {
            precondition(index[p.key] == nil, "parameter \(p.key) is declared twice")
            index[p.key] = i
        }
        self.index = index
        var inputs = blank
        for p in parameters { if let v = p.defaultValue { p.apply(v, to: &inputs) } }
        defaultInputs = inputs
    }

    public subscript(key: String) -> Parameter<Inputs>? { index[key].map { parameters[$0] } }
    public var keys: [String] { parameters.map(\.key) }
}

// MARK: - Sources used by several defaults

private enum Source {
    static let data = "orbital reference data (shared/reference/DATA.md)"
    static let llama3 = Provenance("Meta, The Llama 3 Herd of Models (2024): 148 faulty-GPU + 72 HBM3 interruptions in 54 days on 16,384 H100 ⇒ 0.091 per GPU-year", year: 2024, .medium, range: "0.06 (GPU only) – 0.17 (any interruption) per year", documented: 0.06...0.17)
    static let damodaran = Provenance("Damodaran, cost of capital by sector, US (Jan 2026)", year: 2026, .medium, range: "0.05–0.09", documented: 0.05...0.09)
    static let depreciation = Provenance("GPU depreciation schedules of 4–6 years (hyperscaler filings)", year: 2025, .medium, range: "4–6 years", documented: 4...6)
}

// MARK: - Parameters shared by both kinds

extension ParameterTable where Inputs: CommonInputs {
    static func common(kind: ScenarioKind) -> [Parameter<Inputs>] {
        let orbital = kind == .orbital
        return [
            .choice("compute.accelerator", Inputs.computePath.appending(path: \.accelerator), "h100", AcceleratorCatalog.all.map(\.id),
                    "Accelerator model (catalog id): sets power, throughput, mass and price", Provenance("Colossus 1 is mostly H100; see the accelerator catalog", year: 2025, .high)),
            orbital
                ? .optional("compute.it_power_w", "W", Inputs.computePath.appending(path: \.itPowerW), .closed(1e3, 1e12),
                            "Target IT load of the cluster at full power (give this or compute.accelerator_count) (at least 1 kW, one accelerator's share: smaller loads leave costs per hour undefined)", derived: "1 GW when neither it_power_w nor accelerator_count is given")
                : .optional("compute.it_power_w", "W", Inputs.computePath.appending(path: \.itPowerW), .closed(1e3, 1e12),
                            "Target IT load (give this or compute.accelerator_count) (at least 1 kW, one accelerator's share: smaller loads leave costs per hour undefined)", derived: "accelerator_count × it_power_per_accelerator_w"),
            .optional("compute.accelerator_count", "-", Inputs.computePath.appending(path: \.acceleratorCount), .closed(1, 1e9),
                      "Number of accelerators delivering the target (before spares)", derived: orbital ? "it_power_w / it_power_per_accelerator_w" : "220,000 (Colossus 1) when neither is given", integer: true),
            .number("compute.utilization", "-", Inputs.computePath.appending(path: \.utilization), 0.9, .closed(0.01, 1),
                    "Fraction of delivered capacity that does useful work (scheduling, checkpoints, restarts) (from 1 %: below, the cost per useful hour is unbounded)", Provenance("est.: large training clusters report 85–95 % goodput after restarts (Llama 3: >90 % effective training time)", year: 2024, .low, range: "0.8–0.95", documented: 0.8...0.95)),
            .optional("compute.accelerator_power_w", "W", Inputs.computePath.appending(path: \.acceleratorPowerW), .closed(1, 1e5), "Chip power (overrides the catalog) (from 1 W)", derived: "accelerator catalog"),
            .optional("compute.it_power_per_accelerator_w", "W", Inputs.computePath.appending(path: \.itPowerPerAcceleratorW), .closed(1, 1e5), "IT power per accelerator including its server share (overrides the catalog) (from 1 W: the cost per MWh divides by it)", derived: "accelerator catalog"),
            .optional("compute.accelerator_mass_kg", "kg", Inputs.computePath.appending(path: \.acceleratorMassKg), .closed(0.01, 1e4), "Mass per accelerator with its server share (overrides the catalog) (from 10 g)", derived: "accelerator catalog"),
            .optional("compute.accelerator_price_usd", "USD", Inputs.computePath.appending(path: \.acceleratorPriceUsd), .closed(0, 1e8), "Installed price per accelerator (overrides the catalog)", derived: "accelerator catalog"),
            .optional("compute.bf16_dense_tflops", "TFLOP/s", Inputs.computePath.appending(path: \.bf16DenseTflops), .closed(1e-3, 1e6), "Dense BF16 throughput per accelerator (overrides the catalog) (from 1 GFLOP/s: the cost per PFLOP-hour divides by it)", derived: "accelerator catalog"),
            .optional("compute.coolant_supply_max_k", "K", Inputs.computePath.appending(path: \.coolantSupplyMaxK), .open(250, 400), "Warmest coolant supplied to the cold plates at which accelerators run at full power (the first link of the thermal chain)", derived: "accelerator catalog (45 °C, ASHRAE W45 warm-water class)"),
            .number("reliability.accelerator_failure_rate_per_year", "1/year", Inputs.reliabilityPath.appending(path: \.acceleratorFailureRatePerYear), 0.091, .closed(0, 5),
                    "Hard-failure rate λ of an accelerator (GPU and HBM faults)", Source.llama3),
            orbital
                ? .choice("reliability.strategy", Inputs.reliabilityPath.appending(path: \.strategy), .overprovision, options: [.overprovision, .degrade],
                          "No repair in orbit: launch spares so mean capacity meets the target, or let capacity decay", Provenance("MODEL.md §8; Turyshev, arXiv 2604.27197 (λT/(1−e^{−λT}))", year: 2026, .high))
                : .choice("reliability.strategy", Inputs.reliabilityPath.appending(path: \.strategy), .repair, options: [.repair],
                          "On the ground failed accelerators are replaced", Provenance("standard data-centre practice", year: 2026, .high)),
            .number("reliability.repair_days", "day", Inputs.reliabilityPath.appending(path: \.repairDays), orbital ? 0 : 3, .closed(0, 365),
                    "Days an accelerator is out of service per failure on the ground (0 in orbit: nothing is repaired)", Provenance("est.: next-business-day RMA plus burn-in", year: 2026, .low, range: "1–7 days", documented: 1...7)),
        ] + reliabilityBySide(orbital: orbital) + [
            .number("finance.lifetime_years", "year", Inputs.financePath.appending(path: \.lifetimeYears), 5, .closed(0.1, 50),
                    "Analysis window: years over which the cluster delivers and costs are counted (from 0.1 year: the levelized costs divide by the hours delivered in the window)", Source.depreciation),
            .number("finance.discount_rate", "1/year", Inputs.financePath.appending(path: \.discountRate), 0.07, .closedOpen(-0.5, 1),
                    "Annual discount rate (real WACC) for present values (from −0.5: towards −1 the discount factors (1 + r)^−t overflow)", Source.damodaran),
            .number("finance.ops_cost_usd_per_year", "USD/year", Inputs.financePath.appending(path: \.opsCostUsdPerYear), orbital ? 100e6 : 30e6, .closed(0, 1e12),
                    orbital ? "Operations: mission control, ground stations, spectrum, staff" : "Site operations staff and services (energy, water, maintenance are separate)",
                    orbital ? Provenance("est.: large LEO constellation operations, order of $100 M a year", year: 2026, .low, range: "$30–300 M", documented: 30...300) : Provenance("est.: ≈200 staff at $150 k loaded", year: 2026, .low)),
            .choice("finance.deployment_timing", Inputs.financePath.appending(path: \.deploymentTiming), DeploymentTiming.Convention.ramp,
                    "When capacity comes online for the levelized cost: `ramp` — satellites launch uniformly over the deployment time (the ground after its build days), each batch paid as it launches and run for its full life; `window` — the same ramp, counted over one calendar window from the decision date (finance.comparison_window_years): capacity that arrives late delivers fewer hours in it, and each batch's capital is charged by capital recovery over its life for the years inside the window; `instant` — all online and paid at t = 0, as most published comparisons assume",
                    Provenance("MODEL.md §11: deployment time is an output; the ramp discounts what arrives later; the window asks what a planner asks (PFLOP-hours by a date)", year: 2026, .high)),
            .optional("finance.comparison_window_years", "year", Inputs.financePath.appending(path: \.comparisonWindowYears), .openClosed(0, 100),
                      "Calendar window from the decision date for `deployment_timing: window`", derived: "the ground side's finance.lifetime_years in compare; the scenario's own finance.lifetime_years alone"),
            .choice("finance.cost_boundary", Inputs.financePath.appending(path: \.costBoundary), CostBoundary.everything,
                    "What is counted: launch only (orbit) vs energy only (ground); everything but the accelerators; or everything", Provenance("MODEL.md §9: make the boundary explicit so published figures compare like for like", year: 2026, .high)),
        ]
    }

    /// Spares in orbit; repair costs on the ground.
    private static func reliabilityBySide(orbital: Bool) -> [Parameter<Inputs>] {
        orbital ? [
            .choice("reliability.spares", Inputs.reliabilityPath.appending(path: \.spares), Reliability.Spares.hot,
                    "Spares under `overprovision`: `hot` — every accelerator is powered from launch and capacity decays to the target's mean (λT/(1−e^{−λT}) installed); `cold` — spares are dormant and switched in as others fail, so the powered load stays at the target (e^{λT} installed, dormant failures neglected)",
                    Provenance("Hot (active) vs cold (standby) redundancy: Wertz, Everett & Puschell, Space Mission Engineering: The New SMAD (2011) §24; Turyshev, arXiv 2604.27197 for the hot-spare factor", year: 2011, .high)),
        ] : [
            .number("reliability.repair_cost_fraction", "-", Inputs.reliabilityPath.appending(path: \.repairCostFraction), 0.1, .closed(0, 2),
                    "Cost to the operator of one ground failure as a fraction of the accelerator's price: under warranty the vendor replaces the board (RMA), the operator carries the spares pool, logistics and out-of-warranty repairs",
                    Provenance("est.: GPU servers carry 3-year vendor warranties (RMA at no part cost); spares pools and out-of-warranty board repair at 10–30 % of price; the whole-price rebuy is the upper bound", year: 2026, .low, range: "0.05–1", documented: 0.05...1)),
            .number("reliability.technician_hours_per_failure", "h", Inputs.reliabilityPath.appending(path: \.technicianHoursPerFailure), 4, .closed(0, 1000),
                    "Technician time per ground failure: diagnose, swap the board or tray, burn in",
                    Provenance("est.: tray swap and burn-in 2–8 h", year: 2026, .low, range: "2–8 h", documented: 2...8)),
            .number("reliability.technician_cost_usd_per_hour", "USD/h", Inputs.reliabilityPath.appending(path: \.technicianCostUsdPerHour), 75, .closed(0, 10_000),
                    "Loaded hourly cost of a data-centre technician",
                    Provenance("US BLS OES 2024: computer and network support / electrical technicians ≈$30–40/h median wage; ×2 for benefits and overhead (est.)", year: 2024, .medium, range: "$50–120/h", documented: 50...120)),
        ]
    }
}

// MARK: - Orbital

extension ParameterTable where Inputs == OrbitalInputs {
    public static let orbital = ParameterTable(kind: .orbital, blank: OrbitalInputs(), common(kind: .orbital) + [
        .number("orbit.altitude_km", "km", \.orbit.altitude, 650, .closed(160, 1_400),
                "Circular orbit altitude above the equatorial radius (up to 1,400 km, the reach of the radiation table; the belts dominate above)", Provenance("Google Suncatcher, arXiv 2511.19468 (650 km dawn-dusk SSO)", year: 2025, .high), si: .kilometre),
        .optional("orbit.sso_ltan_h", "h", \.orbit.ssoLtanH, .closedOpen(0, 24),
                  "Sun-synchronous local time of the ascending node (18 = dawn-dusk)", derived: "18 h (dawn-dusk) unless orbit.inclination_deg is given"),
        .optional("orbit.inclination_deg", "deg", \.orbit.inclination, .closed(0, 180),
                  "Fixed inclination (a non-sun-synchronous orbit whose node precesses with J2)", derived: "from the SSO condition when orbit.sso_ltan_h is used", si: .degree),
        .number("orbit.raan_deg", "deg", \.orbit.raan, 0, .closedOpen(0, 360),
                "Right ascension of the ascending node at the start of the year (fixed-inclination orbits)", Provenance("free choice", year: 2026, .high), si: .degree),
        .optional("orbit.beta_deg", "deg", \.orbit.beta, .closed(-90, 90),
                  "Fixed beta angle for quick studies (replaces the annual beta history)", derived: "the Sun's position through the year and the orbit's node", si: .degree),
        .choice("orbit.shadow_model", \.orbit.shadowModel, Orbit.ShadowModel.cylindrical,
                "Earth's shadow: a cylinder, or umbra + penumbra cones (penumbra counted as half light)", Provenance("Cylindrical reproduces the published checks (DATA.md); conical changes eclipse by ≈1 %", year: 2026, .high)),
        .number("solar.cell_efficiency", "-", \.solar.cellEfficiency, 0.19, .closed(0.01, 0.7),
                "Cell efficiency at AM0, 28 °C, beginning of life (from 1 %: the array area divides by it). The solar defaults are one technology, mass-produced space silicon (as Starlink flies and Starpath sells); for III-V set efficiency 0.298, temperature coefficient −0.0025, degradation 0.005 and that technology's $/W together",
                Provenance("Space silicon ≈18–20 % AM0 (orbital reference data); III-V: Spectrolab XTJ Prime 29.8 % average BOL, AZUR 4G32C ≈32 %", year: 2023, .medium, range: "0.18–0.20 (Si); 0.298–0.32 (III-V)", documented: 0.18...0.32)),
        .number("solar.packing_factor", "-", \.solar.packingFactor, 0.85, .closed(0.01, 1),
                "Active cell area over array area (from 1 %: the array area divides by it)", Provenance(Source.data + " (est.)", year: 2026, .low, range: "0.85–0.90", documented: 0.85...0.9)),
        .number("solar.degradation_per_year", "1/year", \.solar.degradationPerYear, 0.01, .closedOpen(0, 1),
                "Fractional power loss per year (radiation, UV, thermal cycling)", Provenance("Lohmeyer et al. 2018, 11 GEO satellites: Si 0.71–1.69 %/yr, GaAs 0.44–1.03 %/yr", year: 2018, .medium, range: "0.007–0.017 (Si); 0.003–0.01 (III-V)", documented: 0.003...0.017)),
        .number("solar.temperature_coefficient_per_k", "1/K", \.solar.temperatureCoefficientPerK, -0.0045, .closed(-0.02, 0),
                "Relative change of power per kelvin above 28 °C", Provenance("datasheets: Si ≈ −0.4 to −0.5 %/K, III-V ≈ −0.2 to −0.3 %/K (est.)", year: 2026, .medium, range: "−0.004 to −0.005 (Si); −0.002 to −0.003 (III-V)", documented: (-0.005)...(-0.002))),
        .number("solar.operating_temperature_k", "K", \.solar.operatingTemperatureK, 333.15, .closed(150, 450),
                "Cell temperature in sunlight (60 °C)", Provenance("LEO arrays run up to ≈80 °C (est.)", year: 2026, .low, range: "320–355 K", documented: 320...355)),
        .number("solar.specific_power_w_per_kg", "W/kg", \.solar.specificPowerWPerKg, 120, .closed(1, 2000),
                "Array-level specific power at BOL, rated watts per kg of wing (blanket, deployment structure and harness; not the satellite) (from 1 W/kg: the array mass divides by it)",
                Provenance("Flexible-blanket wings: Northrop Grumman UltraFlex up to 150 W/kg (flown on Phoenix 2008, Cygnus, InSight, Lucy); ISS iROSA ≈59 W/kg (≈20 kW for ≈340 kg, a crewed-station design); mid-range for a mass-produced blanket (est.)", year: 2021, .low, range: "59 (iROSA) – 150 (UltraFlex)", documented: 59...150)),
        .number("solar.cost_usd_per_w", "USD/W", \.solar.costUsdPerW, 11.2, .closed(0, 10_000),
                "Array cost per rated BOL watt: space-rated panels only (cells, coverglass, substrate, wiring); not the satellite, whose other lines are priced separately",
                Provenance("Starpath space-rated solar panels, list price $11.20/W (flight model) and $9.81/W (engineering model), 2025; heritage III-V arrays $100–300/W (est.)", year: 2025, .medium, range: "$9.81–300/W", documented: 9.81...300)),
        .number("solar.pointing_error_deg", "deg", \.solar.pointingError, 5, .closedOpen(0, 60),
                "Sun-pointing error of the arrays: output falls by the cosine of it",
                Provenance("est.: single-axis solar array drives hold the Sun within a few degrees; cosine loss (Wertz et al., SMAD 2011 §21)", year: 2011, .low, range: "1–10°", documented: 1...10), si: .degree),
        .choice("solar.sizing", \.solar.sizing, SolarArray.Sizing.endOfLife,
                "`end-of-life`: the array covers the load at aphelion in the worst eclipse season after its degradation (standard practice); `mean`: it covers the load only on average over the life at 1 AU (McCalip's calculator), so the cluster throttles late in life",
                Provenance("Patel, Spacecraft Power Systems (2004): arrays are sized for end-of-life worst case", year: 2004, .high)),
        .choice("power.eclipse_strategy", \.power.eclipseStrategy, Battery.EclipseStrategy.battery,
                "Eclipses ride through on batteries, or compute pauses in eclipse", Provenance("MODEL.md §3", year: 2026, .high)),
        .number("power.battery_specific_energy_wh_per_kg", "Wh/kg", \.power.batterySpecificEnergyJPerKg, 150, .closed(1, 1000),
                "Battery pack specific energy (from 1 Wh/kg: the battery mass divides by it)", Provenance("est.: space Li-ion packs 100–160 Wh/kg", year: 2026, .low, range: "100–200", documented: 100...200), si: .wattHourPerKilogram),
        .number("power.battery_depth_of_discharge", "-", \.power.batteryDepthOfDischarge, 0.4, .closed(0.01, 1),
                "Allowed depth of discharge per eclipse (≈1,300 eclipses a year in a dawn-dusk season) (from 1 %: the battery size divides by it)", Provenance("est.: LEO Li-ion practice 20–40 % for 5,000 cycles/yr", year: 2026, .low, range: "0.2–0.6", documented: 0.2...0.6)),
        .number("power.battery_round_trip_efficiency", "-", \.power.batteryRoundTripEfficiency, 0.9, .closed(0.01, 1),
                "Battery charge–discharge energy efficiency (from 1 %: the battery size divides by it)", Provenance("est.: Li-ion 0.90–0.95", year: 2026, .medium)),
        .number("power.battery_cost_usd_per_kwh", "USD/kWh", \.power.batteryCostUsdPerKwh, 1_000, .closed(0, 1e6),
                "Space-qualified battery cost per kWh of capacity", Provenance("est.: space-grade packs ≈10× terrestrial", year: 2026, .low, range: "$150–3,000/kWh", documented: 150...3000)),
        .number("power.conversion_efficiency", "-", \.power.conversionEfficiency, 0.95, .closed(0.01, 1),
                "Array-to-load power conditioning efficiency (losses become heat on the bus) (from 1 %: the array power divides by it)", Provenance("est.: regulated high-voltage buses 0.93–0.97", year: 2026, .medium)),
        .number("power.bus_overhead_fraction", "-", \.power.busOverheadFraction, 0.05, .closed(0, 1),
                "Pumps, avionics, links and heaters as a fraction of the IT load", Provenance("est.", year: 2026, .low, range: "0.03–0.10", documented: 0.03...0.1)),
        .number("power.eclipse_keepalive_fraction", "-", \.power.eclipseKeepaliveFraction, 0.02, .closed(0, 1),
                "Load kept alive in eclipse under the throttle strategy, as a fraction of the IT load", Provenance("est.", year: 2026, .low)),
        .optional("thermal.radiator_temperature_k", "K", \.thermal.radiatorTemperatureK, .open(150, 600),
                  "Radiator surface mean design temperature (a warning when it is above what the coolant chain allows)",
                  derived: "the coolant chain: compute.coolant_supply_max_k + thermal.loop_delta_t_k / 2 − thermal.radiator_approach_k (the radiator is colder than the coolant it cools)"),
        .number("thermal.loop_delta_t_k", "K", \.thermal.loopDeltaTK, 10, .closed(0, 100),
                "Coolant temperature rise across the cold plates (supply to return); the radiator takes it back down",
                Provenance("ASHRAE TC 9.9 liquid-cooling guidelines and OCP advanced-cooling specs: design ΔT ≈ 10 K for direct liquid cooling", year: 2021, .medium, range: "5–15 K", documented: 5...15)),
        .number("thermal.radiator_approach_k", "K", \.thermal.radiatorApproachK, 10, .closed(0, 100),
                "How far the radiator surface sits below the coolant flowing in it (tube wall, saddle, heat-pipe and fin-root drops; the drop along the fin is in fin_efficiency)",
                Provenance("est.: pumped loops to heat-pipe radiator panels run 5–15 K from fluid to fin root (Gilmore, Spacecraft Thermal Control Handbook, 2002)", year: 2002, .low, range: "5–15 K", documented: 5...15)),
        .number("thermal.coolant_freezing_k", "K", \.thermal.coolantFreezingK, 273.15, .open(100, 400),
                "Freezing point of the coolant: a warning when the radiator's coldest point in the worst orbit falls below it (water 273.15 K; propylene-glycol mixes ≈ 250 K)",
                Provenance("water at 1 atm; glycol mixes per ASHRAE Handbook — Fundamentals", year: 2021, .high)),
        .number("thermal.emissivity", "-", \.thermal.emissivity, 0.9, .closed(0.01, 1),
                "Infrared hemispherical emissivity of the radiator surface (from 0.01: the radiator area divides by it)", Provenance("white paint / optical solar reflectors (est.)", year: 2026, .medium, range: "0.85–0.92", documented: 0.85...0.92)),
        .number("thermal.solar_absorptivity", "-", \.thermal.solarAbsorptivity, 0.2, .closed(0, 1),
                "Solar absorptivity (end of life)", Provenance("white paint / OSR, degraded (est.)", year: 2026, .medium, range: "0.1–0.25", documented: 0.1...0.25)),
        .number("thermal.sides", "-", \.thermal.sides, 2, .closed(1, 2), "Radiating faces per panel", Provenance("deployable two-sided panels", year: 2026, .high), integer: true),
        .choice("thermal.orientation", \.thermal.orientation, Radiator.Orientation.edgeOn,
                "Panel attitude: perpendicular to the Earth's surface, or facing nadir", Provenance("edge-on minimises Earth loading (view factor 0.24 vs 0.82 at 650 km)", year: 2026, .high)),
        .number("thermal.fin_efficiency", "-", \.thermal.finEfficiency, 0.9, .closed(0.01, 1),
                "Radiator fin efficiency (temperature drop along the fin) (from 0.01: the radiator area divides by it)", Provenance("est.: heat-pipe radiators 0.85–0.95", year: 2026, .medium)),
        .number("thermal.areal_mass_kg_per_m2", "kg/m2", \.thermal.arealMassKgPerM2, 3, .closed(0.01, 100),
                "Radiator panel mass per m² of panel (both faces) (from 10 g/m²)", Provenance(Source.data + ": 2 (optimistic) – 3 (deployable next generation) – 5 (conventional)", year: 2026, .medium, range: "2–5", documented: 2...5)),
        .number("thermal.loop_mass_factor", "-", \.thermal.loopMassFactor, 1.3, .closed(1, 5),
                "Multiplier on panel mass for cold plates, loops and pumps", Provenance(Source.data, year: 2026, .medium, range: "1.2–1.5", documented: 1.2...1.5)),
        .number("thermal.cost_usd_per_m2", "USD/m2", \.thermal.costUsdPerM2, 5_000, .closed(0, 1e7),
                "Radiator cost per m² of panel, loops included", Provenance("est.", year: 2026, .low, range: "$1,000–20,000/m²", documented: 1000...20000)),
        .number("thermal.solar_incidence_factor", "-", \.thermal.solarIncidenceFactor, 0, .closed(0, 1),
                "Direct sunlight on a radiator face as a fraction of normal incidence (0: the panel is edge-on to the Sun)", Provenance("dawn-dusk SSO keeps the Sun near the orbit normal; edge-on panels see none", year: 2026, .medium)),
        .optional("thermal.heat_capacity_j_per_k", "J/K", \.thermal.heatCapacityJPerK, .openClosed(0, 1e12),
                  "Lumped heat capacity of one satellite's thermal loop", derived: "(radiator + accelerator mass per satellite) × thermal.specific_heat_j_per_kg_k"),
        .number("thermal.specific_heat_j_per_kg_k", "J/(kg K)", \.thermal.specificHeatJPerKgK, 897, .closed(1, 10_000),
                "Specific heat of the thermal mass (from 1 J/(kg K))", Provenance("aluminium 6061, ASM handbook", year: 1990, .high)),
        .number("environment.earth_ir_w_per_m2", "W/m2", \.environment.earthIrWPerM2, 239, .closed(0, 500),
                "Earth's outgoing longwave radiation at the top of the atmosphere", Provenance("Anderson et al., NASA TM-2001-211221", year: 2001, .high, range: "237–240", documented: 237...240)),
        .number("environment.albedo", "-", \.environment.albedo, 0.30, .closed(0, 1),
                "Earth's Bond albedo", Provenance("Anderson et al., NASA TM-2001-211221", year: 2001, .high)),
        .number("satellite.it_power_w", "W", \.satellite.itPowerW, 100_000, .closed(100, 1e9),
                "IT load carried by one spacecraft (from 100 W: the satellite count divides by it)", Provenance("est.: Starlink v2 mini ≈28 kW; 100 kW-class buses proposed for compute", year: 2023, .low, range: "28 kW – 1 MW")),
                // No `documented:`: the prose is in kW–MW, the value in W. Declared as 28_000...1_000_000 it would enter the tornado and change the answer.
        .number("satellite.structure_mass_fraction", "-", \.satellite.structureMassFraction, 0.15, .closedOpen(0, 1),
                "Structure as a fraction of the satellite's dry mass", Provenance("est.: 10–20 % for LEO buses (SMAD)", year: 2011, .medium)),
        .number("satellite.manufacturing_kg_per_year", "kg/year", \.satellite.manufacturingKgPerYear, 2.1e6, .closed(1, 1e10),
                "Spacecraft mass the factories can build per year (launched mass, propellant aside): the deployment is limited by it or by launches, whichever is slower",
                Provenance("SpaceX Starlink factory ≈70 satellites a week (2025) × 575 kg (Starlink v2 mini, Suncatcher table 1) ≈ 2,100 t a year; a dedicated gigawatt programme would need several such factories", year: 2025, .medium, range: "2,100 t/yr (one Starlink factory) – 20,000 t/yr (10×, est.)")),
                // No `documented:`: the prose is in t/yr, the value in kg/year. Declared as 2.1e6...2e7 it would enter the tornado and change the answer.
        .optional("satellite.cost_usd_per_w", "USD/W", \.satellite.costUsdPerW, .closed(0, 10_000),
                  "Whole-satellite price per rated array watt, accelerators excluded: replaces the bus, array, radiator and battery lines with one (a published design's own figure, e.g. McCalip's $22/W for a Starlink v2 mini)",
                  derived: "the bottom-up lines (array $/W, radiators, batteries, bus $/kg)"),
        .optional("satellite.specific_power_w_per_kg", "W/kg", \.satellite.specificPowerWPerKg, .openClosed(0, 2000),
                  "Whole-satellite rated array watts per kg, accelerators excluded: replaces the bottom-up mass of arrays, radiators, batteries, structure, shielding, links and propellant (McCalip: 36.5 W/kg for a Starlink v2 mini)",
                  derived: "the bottom-up mass budget"),
        .number("satellite.drag_coefficient", "-", \.satellite.dragCoefficient, 2.2, .closed(0.1, 10),
                "Drag coefficient of flat plates in free molecular flow (from 0.1)", Provenance("Vallado, Fundamentals of Astrodynamics (Cd ≈ 2.2)", year: 2013, .high)),
        .number("satellite.drag_area_fraction", "-", \.satellite.dragAreaFraction, 0.1, .closed(0, 1),
                "Area facing the flow as a fraction of array + radiator area (panels fly near edge-on to the velocity)", Provenance("est.", year: 2026, .low)),
        .number("satellite.thruster_isp_s", "s", \.satellite.thrusterIspS, 1_500, .closed(10, 20_000),
                "Specific impulse of the drag make-up thrusters (from 10 s: the propellant mass grows as e^(Δv/Isp))", Provenance("Hall thrusters on krypton/argon 1,200–2,500 s (est.)", year: 2024, .medium)),
        .number("satellite.isl_terminals", "-", \.satellite.islTerminals, 4, .closed(0, 64), "Optical inter-satellite link terminals per satellite", Provenance("Starlink v2 mini carries 3–4 laser terminals", year: 2023, .medium), integer: true),
        .number("satellite.isl_terminal_mass_kg", "kg", \.satellite.islTerminalMassKg, 15, .closed(0, 1000), "Mass of one optical terminal", Provenance("est.: commercial LEO optical terminals 10–20 kg", year: 2026, .low)),
        .optional("satellite.launch_mass_per_kw_kg", "kg/kW", \.satellite.launchMassPerKwKg, .closed(0.01, 10_000),
                  "Launched mass per kW of installed IT, replacing the bottom-up mass budget (to take a published design's own mass) (from 10 g/kW)", derived: "the bottom-up mass budget"),
        .number("radiation.shield_thickness_mm", "mm", \.radiation.shieldThickness, 2, .closed(0, 100),
                "Aluminium-equivalent shielding around the accelerators", Provenance("est.: Suncatcher's expected 750 rad(Si) over 5 years assumes a shielded enclosure", year: 2026, .low), si: .millimetre),
        .number("radiation.shielded_area_per_accelerator_m2", "m2", \.radiation.shieldedAreaPerAcceleratorM2, 0.05, .closed(0, 10),
                "Enclosure area to shield per accelerator (board and HBM)", Provenance("est.: ≈ a 20 × 25 cm board face", year: 2026, .low)),
        .number("radiation.tolerated_dose_rad", "rad", \.radiation.toleratedDoseRad, 15_000, .closed(1, 1e8),
                "Total ionising dose the accelerators survive without hard failure (from 1 rad: the radiation life divides by it)", Provenance("Google Suncatcher, TPU v6e under 67 MeV protons: no hard failure to 15 krad(Si) (GPUs untested, est. the same)", year: 2025, .medium)),
        .number("radiation.hbm_onset_dose_rad", "rad", \.radiation.hbmOnsetDoseRad, 2_000, .closed(1, 1e8),
                "Dose from which HBM shows irregularities (a warning, not a failure) (from 1 rad)", Provenance("Google Suncatcher: HBM irregularities from 2 krad(Si)", year: 2025, .medium)),
        .number("radiation.upset_rate_per_accelerator_day", "1/day", \.radiation.upsetRatePerAcceleratorDay, 0.01, .closed(0, 100),
                "Single-event upsets that corrupt or stop a job, per accelerator-day", Provenance("est.: order of magnitude from LEO SEU rates of large DRAM/HBM stacks with ECC", year: 2026, .low, range: "0.001–0.1", documented: 0.001...0.1)),
        .number("radiation.hours_lost_per_upset", "h", \.radiation.hoursLostPerUpset, 0.25, .closed(0, 1000),
                "Compute lost per upset (work since the last checkpoint, re-run on detection)", Provenance("est.: checkpoints every ≈30 min", year: 2026, .low)),
        .choice("launch.vehicle", \.launch.vehicle, "falcon-9", LaunchVehicleCatalog.all.map(\.id),
                "Launch vehicle or price assumption (catalog id)", Provenance("see the launch catalog", year: 2026, .high)),
        .optional("launch.cost_per_kg_usd", "USD/kg", \.launch.costPerKgUsd, .closed(0, 1e6), "Launch price per kg (overrides the vehicle)", derived: "vehicle price / payload"),
        .optional("launch.payload_kg", "kg", \.launch.payloadKg, .closed(1, 1e7), "Payload per launch (overrides the vehicle) (from 1 kg: the launch count divides by it)", derived: "launch catalog"),
        .optional("launch.price_usd", "USD", \.launch.priceUsd, .closed(0, 1e11), "Price per launch (overrides the vehicle; ignored when cost_per_kg_usd is given)", derived: "launch catalog"),
        .number("launch.launches_per_year", "1/year", \.launch.launchesPerYear, 167, .closed(0.1, 1e5),
                "Launch cadence available to the programme (from 0.1 a year: the deployment time divides by it)", Provenance("Falcon launches in 2025: 167 (2021–2025: 31, 61, 96, 134, 167)", year: 2025, .high)),
        .number("launch.learning_rate", "-", \.launch.learningRate, 0, .closedOpen(0, 1),
                "Wright's-law learning: price drop per doubling of cumulative launches (0 = none)", Provenance("Google Suncatcher assumes ≈20 %", year: 2025, .medium, range: "0–0.2", documented: 0...0.2)),
        .number("finance.satellite_cost_usd_per_kg", "USD/kg", \.finance.satelliteCostUsdPerKg, 2_000, .closed(0, 1e7),
                "Bus cost per kg of structure, shielding, links and propulsion", Provenance("est.: Starlink-class mass production ≈$1,000–3,000/kg", year: 2026, .low)),
        .number("finance.insurance_fraction", "-", \.finance.insuranceFraction, 0.05, .closed(0, 1),
                "Launch and first-year insurance as a fraction of hardware plus launch", Provenance("est.: 5–10 % of insured value", year: 2026, .low)),
        .number("finance.ground_segment_usd", "USD", \.finance.groundSegmentUsd, 500e6, .closed(0, 1e12),
                "Ground stations and gateways", Provenance("est.", year: 2026, .low)),
        .number("finance.nre_usd", "USD", \.finance.nreUsd, 1e9, .closed(0, 1e12),
                "Non-recurring engineering: design and qualification", Provenance("est.", year: 2026, .low)),
    ] + networkParameters + fabricParameters)
}

// MARK: - Terrestrial

extension ParameterTable where Inputs == TerrestrialInputs {
    public static let terrestrial = ParameterTable(kind: .terrestrial, blank: TerrestrialInputs(), common(kind: .terrestrial) + [
        .number("site.latitude_deg", "deg", \.site.latitudeDeg, 35.06, .closed(-90, 90), "Site latitude (Colossus 1, Memphis)", Provenance("xAI Colossus, 3231 Paul R. Lowry Rd, Memphis TN", year: 2024, .high)),
        .number("site.longitude_deg", "deg", \.site.longitudeDeg, -90.16, .closed(-180, 180), "Site longitude (east positive)", Provenance("xAI Colossus, Memphis TN", year: 2024, .high)),
        .optional("facility.power_w", "W", \.facility.powerW, .closed(1e3, 1e12), "Grid and on-site supply capacity (a warning if the facility needs more) (from 1 kW)", derived: "unlimited"),
        .number("facility.pue", "-", \.facility.pue, 1.2, .closed(1, 3), "Power usage effectiveness (facility power / IT power)", Provenance("hyperscale 1.1–1.2; direct liquid cooling median ≈1.16; global average ≈1.56", year: 2025, .medium)),
        .number("facility.capex_usd_per_w", "USD/W", \.facility.capexUsdPerW, 11, .closed(0, 1000), "Facility (shell, power, cooling) cost per W of critical IT load", Provenance("CBRE: $10–12 M per MW of critical load; AI-optimised $20 M+", year: 2025, .medium, range: "$10–20/W", documented: 10...20)),
        .number("facility.build_days", "day", \.facility.buildDays, 122, .closed(0, 36_500), "Days from start to compute online", Provenance("Colossus 1 built in 122 days", year: 2024, .high)),
        .number("facility.lifetime_years", "year", \.facility.lifetimeYears, 15, .closed(1, 100), "Life of the building and its power and cooling plant (capital recovered over it) (from 1 year: the capital recovery factor diverges as the life shrinks)", Provenance("est.: data-centre shells 15–20 years", year: 2026, .medium)),
        .number("facility.load_factor", "-", \.facility.loadFactor, 0.9, .closed(0, 1), "Average IT power drawn as a fraction of rated", Provenance("est.: training clusters run near their power envelope", year: 2026, .low, range: "0.7–1.0", documented: 0.7...1)),
        .number("facility.maintenance_fraction_per_year", "1/year", \.facility.maintenanceFractionPerYear, 0.02, .closed(0, 1), "Facility maintenance per year as a fraction of facility capex", Provenance("est.", year: 2026, .low, range: "0.01–0.04", documented: 0.01...0.04)),
        .choice("energy.source", \.energy.source, EnergySource.grid, "Grid electricity at a price, or on-site gas turbines", Provenance("Colossus 1: ≈150 MW grid + Megapacks, plus on-site turbines", year: 2025, .high)),
        .number("energy.price_usd_per_mwh", "USD/MWh", \.energy.priceUsdPerMwh, 67.5, .closed(0, 10_000), "Grid electricity price", Provenance("EIA: Tennessee industrial ≈6.7–6.8 ¢/kWh (US average ≈8.9)", year: 2026, .high)),
        .number("energy.gas_price_usd_per_mmbtu", "USD/MMBtu", \.energy.gasPriceUsdPerMmbtu, 3.5, .closed(0, 1000), "Delivered natural gas price", Provenance("est.: Henry Hub 2025 average ≈$3.5", year: 2025, .medium)),
        .number("energy.heat_rate_btu_per_kwh", "BTU/kWh", \.energy.heatRateBtuPerKwh, 9_500, .closed(3_412.14, 30_000), "Heat rate of the on-site turbines (3,412 = 100 % efficient)", Provenance("EIA average heat rates: combined cycle ≈7,600, simple-cycle turbines ≈9,500–11,000", year: 2024, .medium)),
        .number("energy.gas_plant_capex_usd_per_w", "USD/W", \.energy.gasPlantCapexUsdPerW, 1.0, .closed(0, 100), "Capital cost of on-site generation per W of facility power (gas only)", Provenance("EIA capital cost estimates: aeroderivative/simple cycle ≈$0.8–1.3/W", year: 2024, .medium)),
        .number("water.liters_per_kwh", "L/kWh", \.water.litersPerKwh, 0.42, .closed(0, 20), "Water consumed per kWh of facility energy", Provenance("derived: Colossus peak aquifer draw ≈0.8 M gal/day over 300 MW", year: 2025, .low, range: "0.2–1.8", documented: 0.2...1.8)),
        .number("water.price_usd_per_m3", "USD/m3", \.water.priceUsdPerM3, 0.5, .closed(0, 100), "Industrial water price", Provenance("est.: Memphis industrial rates", year: 2026, .low)),
    ] + fabricParameters)
}
