import Foundation

/// Every output of `evaluate`, in report order. Paths, units and order are the public JSON
/// contract (`schema_version` 1): change a path only with a new schema version.
public enum OutputTable {
    public static let all: [Output] = compute + orbit + power + thermal + radiation + mass + launch + facility + economics + network + fabric + [
        .list("warnings", "What a reader must know about this result", orbital: { $0.warnings }, terrestrial: { $0.warnings }),
    ]

    static let compute: [Output] = [
        .text("compute.accelerator", "Accelerator (catalog id)", orbital: { $0.accelerator.id }, terrestrial: { $0.accelerator.id }),
        .number("compute.accelerator_count", "-", "Accelerators the target needs, before spares", orbital: { $0.acceleratorCountTarget }, terrestrial: { $0.acceleratorCount }),
        .number("compute.accelerator_count_installed", "-", "Accelerators launched, spares included", orbital: { $0.acceleratorCountInstalled }),
        .number("compute.accelerator_count_powered", "-", "Accelerators powered at the start (all with hot spares, the target with cold ones)", orbital: { $0.acceleratorCountPowered }),
        .number("compute.it_power_w", "W", "IT power of the target", orbital: { $0.itPowerTargetW }, terrestrial: { $0.itPowerW }),
        .number("compute.it_power_installed_w", "W", "IT power of everything launched", orbital: { $0.itPowerInstalledW }),
        .number("compute.overprovision_factor", "-", "Accelerators launched over the target", orbital: { $0.overprovisionFactor }),
        .number("compute.availability", "-", "Fraction of accelerators in service (failures awaiting repair)", terrestrial: { $0.availability }),
    ]

    static let orbit: [Output] = [
        .number("orbit.period_s", "s", "Orbital period", orbital: { $0.periodS }),
        .number("orbit.inclination_deg", "°", "Inclination", orbital: { $0.inclinationDeg }),
        .number("orbit.beta_min_deg", "°", "Lowest beta angle of the year", orbital: { $0.eclipse.betaMin / Constants.degree }),
        .number("orbit.beta_max_deg", "°", "Highest beta angle of the year", orbital: { $0.eclipse.betaMax / Constants.degree }),
        .number("orbit.eclipse_fraction_mean", "-", "Fraction of the year in Earth's shadow", stored: \.eclipse.meanFraction),
        .number("orbit.eclipse_fraction_max", "-", "Eclipse fraction of the worst orbit", orbital: { $0.eclipse.maxFraction }),
        .number("orbit.eclipse_duration_max_s", "s", "Longest eclipse of the year", orbital: { $0.eclipse.maxDuration }),
        .number("orbit.eclipse_days_per_year", "day/year", "Days a year with an eclipse", orbital: { $0.eclipse.eclipseDays }),
    ]

    static let power: [Output] = [
        .number("power.bus_load_w", "W", "Electrical load on the bus: powered IT and bus overhead", orbital: { $0.busLoadW }),
        .number("power.array_output_required_w", "W", "Array output needed in sunlight to carry the load and recharge", orbital: { $0.arrayOutputRequiredW }),
        .number("power.array_power_bol_w", "W", "Rated array power (AM0, 28 °C, beginning of life)", orbital: { $0.arrayPowerBolW }),
        .number("power.array_area_m2", "m²", "Solar array area", stored: \.power.arrayAreaM2),
        .number("power.battery_energy_wh", "Wh", "Battery energy for the longest eclipse at the depth of discharge", stored: \.power.batteryEnergyJ, divisor: 3600),
        .number("power.lifetime_array_energy_wh", "Wh", "Energy the arrays give over the life", orbital: { $0.lifetimeArrayEnergyWh }),
    ]

    static let thermal: [Output] = [
        .number("thermal.heat_rejected_w", "W", "Heat the radiators reject in sunlight on the worst orbit", orbital: { $0.heatRejectedW }),
        .number("thermal.view_factor_earth", "-", "Larger Earth view factor of the radiator faces", orbital: { $0.viewFactorEarth }),
        .number("thermal.net_flux_w_per_m2", "W/m²", "Net heat rejected per m² of radiator", orbital: { $0.netFluxWPerM2 }),
        .number("thermal.sink_temperature_k", "K", "Effective sink temperature of the environment", orbital: { $0.sinkTemperatureK }),
        .number("thermal.radiator_area_m2", "m²", "Radiator area (all faces of all satellites)", stored: \.radiator.areaM2),
        .number("thermal.radiator_temperature_k", "K", "Radiator mean temperature used for sizing", orbital: { $0.radiatorTemperatureK }),
        .number("thermal.heat_capacity_per_satellite_j_per_k", "J/K", "Heat capacity of one satellite in the transient", orbital: { $0.heatCapacityJPerKPerSatellite }),
        .number("thermal.temperature_min_k", "K", "Coldest radiator temperature through the worst orbit (NaN when the transient is off)", orbital: { $0.transient.minimum }),
        .number("thermal.temperature_max_k", "K", "Warmest radiator temperature through the worst orbit (NaN when the transient is off)", stored: \.transient.maximum),
        .number("thermal.temperature_limit_k", "K", "Radiator temperature the coolant chain allows", orbital: { $0.maxRadiatorTemperatureK }),
        .flag("thermal.throttle_required", "The radiator peaks above the chain's limit: compute must throttle", orbital: { $0.throttleRequired }),
    ]

    static let radiation: [Output] = [
        .number("radiation.annual_dose_rad", "rad(Si)/year", "Dose per year behind the shield", orbital: { $0.annualDoseRad }),
        .number("radiation.lifetime_dose_rad", "rad(Si)", "Dose over the life", orbital: { $0.lifetimeDoseRad }),
        .number("radiation.radiation_lifetime_limit_years", "year", "Years to the tolerated dose", orbital: { $0.radiationLifetimeLimitYears }),
        .number("radiation.upset_overhead", "-", "Fraction of compute lost to recomputation after upsets", orbital: { $0.upsetOverhead }),
    ]

    static let mass: [Output] = [
        .number("mass.mass_total_kg", "kg", "Launched mass", stored: \.mass.totalKg),
        .lines("mass.mass_breakdown_kg", "kg", "Launched mass by line, in the scenario's convention", orbital: { $0.massBreakdownKg }),
        .integer("mass.satellite_count", "Satellites", stored: \.mass.satellites),
        .number("mass.drag_delta_v_m_per_s", "m/s", "Station-keeping Δv over the life", orbital: { $0.dragDeltaVMPerS }),
    ]

    static let launch: [Output] = [
        .integer("launch.launch_count", "Launches", stored: \.launch.launches),
        .number("launch.launch_cost_per_kg_usd", "USD/kg", "Effective launch price per kg", orbital: { $0.launchCostPerKgUsd }),
        .number("launch.launch_cost_usd", "USD", "All launches, with the learning curve", stored: \.launch.costUsd),
        .number("launch.launch_cost_per_kw_year_usd", "USD/(kW·year)", "Launch cost per kW of target IT per year of life", stored: \.launch.costPerKwYearUsd),
        .number("launch.deployment_days", "day", "Days to launch and build everything", stored: \.launch.deploymentDays),
    ]

    static let facility: [Output] = [
        .number("facility.facility_power_w", "W", "Facility power: IT × PUE", terrestrial: { $0.facilityPowerW }),
        .number("facility.facility_capex_usd", "USD", "Full price of the building and its power and cooling", terrestrial: { $0.facilityCapexUsd }),
        .number("facility.deployment_days", "day", "Days to build", terrestrial: { $0.deploymentDays }),
        .number("facility.energy_price_usd_per_mwh", "USD/MWh", "Energy price (grid, or gas at its heat rate)", terrestrial: { $0.energyPriceUsdPerMwh }),
        .number("facility.energy_mwh_per_year", "MWh/year", "Energy a year", terrestrial: { $0.energyMwhPerYear }),
        .number("facility.energy_cost_usd_per_year", "USD/year", "Energy cost a year", terrestrial: { $0.energyCostUsdPerYear }),
        .number("facility.water_liters_per_year", "L/year", "Cooling water a year", terrestrial: { $0.waterLitersPerYear }),
    ]

    /// Upfront [USD] or yearly [USD/year] lines counted under the result's boundary, zero lines left out.
    static func counted(_ r: any LevelizedResult, orbital: Bool, annual: Bool) -> [(String, Double)] {
        r.costLines.filter { $0.counts(under: r.boundary, orbital: orbital) && (annual ? $0.annual : $0.upfront) != 0 }.map { ($0.name, annual ? $0.annual : $0.upfront) }
    }

    static let economics: [Output] = [
        .text("economics.cost_boundary", "What the costs count (finance.cost_boundary)", orbital: { $0.boundary.rawValue }, terrestrial: { $0.boundary.rawValue }),
        .text("economics.deployment_timing", "When capacity comes online (finance.deployment_timing)", orbital: { $0.levelized.timingName }, terrestrial: { $0.levelized.timingName }),
        .levelized("economics.capex_usd", "USD", "Paid up front and charged to the analysis", \.totals.capex),
        .levelized("economics.opex_usd_per_year", "USD/year", "Paid every year (capital recovery of the building included on the ground)", \.totals.opexPerYear),
        .levelized("economics.opex_years", "year", "Years of opex in the analysis", \.totals.opexYears),
        .levelized("economics.tco_usd", "USD", "Total cost of ownership, present value", \.totals.presentValue),
        .levelized("economics.tco_undiscounted_usd", "USD", "Total cost of ownership, undiscounted: capex + opex_years × opex", \.totals.undiscounted),
        .lines("economics.cost_breakdown_usd", "USD", "Upfront cost lines under the boundary",
               orbital: { counted($0, orbital: true, annual: false) }, terrestrial: { counted($0, orbital: false, annual: false) }),
        .lines("economics.cost_breakdown_usd_per_year", "USD/year", "Yearly cost lines under the boundary",
               orbital: { counted($0, orbital: true, annual: true) }, terrestrial: { counted($0, orbital: false, annual: true) }),
        .levelized("economics.delivered_accelerator_hours", "h", "Accelerator-hours delivered in the analysis", \.deliveredAcceleratorHours),
        .levelized("economics.cost_per_accelerator_hour_usd", "USD/h", "Levelized cost per delivered accelerator-hour", \.costPerAcceleratorHourUsd),
        .levelized("economics.cost_per_mwh_it_usd", "USD/MWh", "Levelized cost per MWh of IT energy delivered", \.costPerMwhItUsd),
        .levelized("economics.cost_per_pflop_hour_usd", "USD/PFLOP-h", "Levelized cost per delivered PFLOP-hour (dense BF16): the headline", \.costPerPflopHourUsd),
        .lines("economics.cost_per_pflop_hour_by_line_usd", "USD/PFLOP-h", "Each cost line's share of the levelized cost (sums to the headline)",
               orbital: { $0.levelized.costPerPflopHourByLine.map { ($0.name, $0.usdPerPflopHour) } },
               terrestrial: { $0.levelized.costPerPflopHourByLine.map { ($0.name, $0.usdPerPflopHour) } }),
    ]
}
