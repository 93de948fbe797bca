import Foundation

/// The result of evaluating one scenario of either kind.
public enum Evaluation: Sendable {
    case orbital(OrbitalResult)
    case terrestrial(TerrestrialResult)

    /// Levelized cost per delivered PFLOP-hour (dense BF16): the common measure of both kinds.
    public var costPerPflopHourUsd: Double {
        switch self {
        case let .orbital(r): return r.costPerPflopHourUsd
        case let .terrestrial(r): return r.costPerPflopHourUsd
        }
    }

    public var costPerAcceleratorHourUsd: Double {
        switch self {
        case let .orbital(r): return r.costPerAcceleratorHourUsd
        case let .terrestrial(r): return r.costPerAcceleratorHourUsd
        }
    }

    public var warnings: [String] {
        switch self {
        case let .orbital(r): return r.warnings
        case let .terrestrial(r): return r.warnings
        }
    }

    /// The output keys of MODEL.md, grouped, for rendering.
    public var report: ResultValue {
        switch self {
        case let .orbital(r): return r.report
        case let .terrestrial(r): return r.report
        }
    }
}

/// The engine's entry points for a planning tool: load, override, evaluate.
public enum Engine {
    /// Evaluates a scenario of either kind.
    /// Every number of the result is finite, or this throws naming the outputs and the scenario's
    /// explicit inputs: no verb prints `inf`, `NaN` or a silent `null`. A `ModelError` is rethrown
    /// as a `ScenarioError` with the scenario's file, the key's line and its accepted range.
    public static func evaluate(_ scenario: Scenario, model: OrbitalModel = .shared) throws -> Evaluation {
        let evaluation: Evaluation
        do {
            switch scenario.kind {
            case .orbital: evaluation = .orbital(try model.evaluate(scenario.orbitalInputs()))
            case .terrestrial: evaluation = .terrestrial(try TerrestrialModel.evaluate(scenario.terrestrialInputs()))
            }
            try checkFinite(evaluation.report, scenario: scenario)
        } catch let e as ModelError {
            // Named like an input error: the file, the key's line and its accepted range.
            throw ScenarioError(file: scenario.origin, line: e.key.flatMap { scenario.lines[$0] }, key: e.key, "\(ModelError(e.message))",
                                accepted: e.key.flatMap { scenario.parameter($0)?.acceptedText })
        } catch let e as ScenarioError {
            throw e
        } catch {
            throw ScenarioError(file: scenario.origin, "the model's numerical solver failed for these inputs (\(error))")
        }
        return evaluation
    }

    /// Throws when `value` holds a non-finite number, naming those outputs and the inputs set.
    public static func checkFinite(_ value: ResultValue, scenario: Scenario) throws {
        let bad = value.nonFiniteKeys()
        guard !bad.isEmpty else { return }
        let keys = scenario.values.keys.sorted()
        let inputs = keys.prefix(8).map { "\($0)=\(scenario.values[$0]!)" }.joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
        throw ModelError(key: bad.first, "\(bad.prefix(4).joined(separator: ", ")) cannot be computed as finite numbers from \(scenario.origin)"
                         + (keys.isEmpty ? " (defaults only)" : " with \(inputs)") + ": an input is too close to the end of its range for the model")
    }

    /// The report of a scenario, headed by its name and kind.
    public static func report(_ scenario: Scenario, _ evaluation: Evaluation) -> ResultValue {
        guard case let .object(pairs) = evaluation.report else { return evaluation.report }
        var head: [(String, ResultValue)] = [("scenario", .text(scenario.name)), ("kind", .text(scenario.kind.rawValue))]
        if let s = scenario.summary { head.append(("description", .text(s))) }
        return .object(head + pairs)
    }
}

/// Upfront cost lines [USD] under the boundary.
private func upfrontBreakdown(_ lines: [CostLine], boundary: CostBoundary, orbital: Bool) -> ResultValue {
    .object(lines.filter { $0.counts(under: boundary, orbital: orbital) && $0.upfront != 0 }.map { ($0.name, .number($0.upfront)) })
}

/// Yearly cost lines [USD/year] under the boundary (amortised capital included).
private func annualBreakdown(_ lines: [CostLine], boundary: CostBoundary, orbital: Bool) -> ResultValue {
    .object(lines.filter { $0.counts(under: boundary, orbital: orbital) && $0.annual != 0 }.map { ($0.name, .number($0.annual)) })
}

extension OrbitalResult {
    public var report: ResultValue {
        .object([
            ("compute", .object([
                ("accelerator", .text(accelerator.id)),
                ("accelerator_count", .number(acceleratorCountTarget)),
                ("accelerator_count_installed", .number(acceleratorCountInstalled)),
                ("accelerator_count_powered", .number(acceleratorCountPowered)),
                ("it_power_w", .number(itPowerTargetW)),
                ("it_power_installed_w", .number(itPowerInstalledW)),
                ("overprovision_factor", .number(overprovisionFactor)),
            ])),
            ("orbit", .object([
                ("period_s", .number(periodS)),
                ("inclination_deg", .number(inclinationDeg)),
                ("beta_min_deg", .number(eclipse.betaMin / Constants.degree)),
                ("beta_max_deg", .number(eclipse.betaMax / Constants.degree)),
                ("eclipse_fraction_mean", .number(eclipse.meanFraction)),
                ("eclipse_fraction_max", .number(eclipse.maxFraction)),
                ("eclipse_duration_max_s", .number(eclipse.maxDuration)),
                ("eclipse_days_per_year", .number(eclipse.eclipseDays)),
            ])),
            ("power", .object([
                ("bus_load_w", .number(busLoadW)),
                ("array_output_required_w", .number(arrayOutputRequiredW)),
                ("array_power_bol_w", .number(arrayPowerBolW)),
                ("array_area_m2", .number(arrayAreaM2)),
                ("battery_energy_wh", .number(batteryEnergyWh)),
                ("lifetime_array_energy_wh", .number(lifetimeArrayEnergyWh)),
            ])),
            ("thermal", .object([
                ("heat_rejected_w", .number(heatRejectedW)),
                ("view_factor_earth", .number(viewFactorEarth)),
                ("net_flux_w_per_m2", .number(netFluxWPerM2)),
                ("sink_temperature_k", .number(sinkTemperatureK)),
                ("radiator_area_m2", .number(radiatorAreaM2)),
                ("radiator_temperature_k", .number(radiatorTemperatureK)),
                ("heat_capacity_per_satellite_j_per_k", .number(heatCapacityJPerKPerSatellite)),
                ("temperature_min_k", .number(transient.minimum)),
                ("temperature_max_k", .number(transient.maximum)),
                ("temperature_limit_k", .number(maxRadiatorTemperatureK)),
                ("throttle_required", .bool(throttleRequired)),
            ])),
            ("radiation", .object([
                ("annual_dose_rad", .number(annualDoseRad)),
                ("lifetime_dose_rad", .number(lifetimeDoseRad)),
                ("radiation_lifetime_limit_years", .number(radiationLifetimeLimitYears)),
                ("upset_overhead", .number(upsetOverhead)),
            ])),
            ("mass", .object([
                ("mass_total_kg", .number(massTotalKg)),
                ("mass_breakdown_kg", .object(massBreakdownKg.map { ($0.0, .number($0.1)) })),
                ("satellite_count", .integer(satelliteCount)),
                ("drag_delta_v_m_per_s", .number(dragDeltaVMPerS)),
            ])),
            ("launch", .object([
                ("launch_count", .integer(launchCount)),
                ("launch_cost_per_kg_usd", .number(launchCostPerKgUsd)),
                ("launch_cost_usd", .number(launchCostUsd)),
                ("launch_cost_per_kw_year_usd", .number(launchCostPerKwYearUsd)),
                ("deployment_days", .number(deploymentDays)),
            ])),
            ("economics", .object([
                ("cost_boundary", .text(boundary.rawValue)),
                ("deployment_timing", .text(levelized.timingName)),
                ("capex_usd", .number(totals.capex)),
                ("opex_usd_per_year", .number(totals.opexPerYear)),
                ("opex_years", .number(totals.opexYears)),
                ("tco_usd", .number(totals.presentValue)),
                ("tco_undiscounted_usd", .number(totals.undiscounted)),
                ("cost_breakdown_usd", upfrontBreakdown(costLines, boundary: boundary, orbital: true)),
                ("cost_breakdown_usd_per_year", annualBreakdown(costLines, boundary: boundary, orbital: true)),
                ("delivered_accelerator_hours", .number(deliveredAcceleratorHours)),
                ("cost_per_accelerator_hour_usd", .number(costPerAcceleratorHourUsd)),
                ("cost_per_mwh_it_usd", .number(costPerMwhItUsd)),
                ("cost_per_pflop_hour_usd", .number(costPerPflopHourUsd)),
                ("cost_per_pflop_hour_by_line_usd", .object(levelized.costPerPflopHourByLine.map { ($0.name, .number($0.usdPerPflopHour)) })),
            ])),
            ("network", network?.report ?? .null),
            ("fabric", fabric?.report ?? .null),
            ("warnings", .array(warnings.map(ResultValue.text))),
        ])
    }
}

extension TerrestrialResult {
    public var report: ResultValue {
        .object([
            ("compute", .object([
                ("accelerator", .text(accelerator.id)),
                ("accelerator_count", .number(acceleratorCount)),
                ("it_power_w", .number(itPowerW)),
                ("availability", .number(availability)),
            ])),
            ("facility", .object([
                ("facility_power_w", .number(facilityPowerW)),
                ("facility_capex_usd", .number(facilityCapexUsd)),
                ("deployment_days", .number(deploymentDays)),
                ("energy_price_usd_per_mwh", .number(energyPriceUsdPerMwh)),
                ("energy_mwh_per_year", .number(energyMwhPerYear)),
                ("energy_cost_usd_per_year", .number(energyCostUsdPerYear)),
                ("water_liters_per_year", .number(waterLitersPerYear)),
            ])),
            ("economics", .object([
                ("cost_boundary", .text(boundary.rawValue)),
                ("deployment_timing", .text(levelized.timingName)),
                // One basis on both sides: capex is what is paid up front and charged to the analysis;
                // the building is charged as level capital-recovery payments inside opex, so
                // capex + opex_years × opex = tco_undiscounted (its full price is facility_capex_usd).
                ("capex_usd", .number(totals.capex)),
                ("opex_usd_per_year", .number(totals.opexPerYear)),
                ("opex_years", .number(totals.opexYears)),
                ("tco_usd", .number(totals.presentValue)),
                ("tco_undiscounted_usd", .number(totals.undiscounted)),
                ("cost_breakdown_usd", upfrontBreakdown(costLines, boundary: boundary, orbital: false)),
                ("cost_breakdown_usd_per_year", annualBreakdown(costLines, boundary: boundary, orbital: false)),
                ("delivered_accelerator_hours", .number(deliveredAcceleratorHours)),
                ("cost_per_accelerator_hour_usd", .number(costPerAcceleratorHourUsd)),
                ("cost_per_mwh_it_usd", .number(costPerMwhItUsd)),
                ("cost_per_pflop_hour_usd", .number(costPerPflopHourUsd)),
                ("cost_per_pflop_hour_by_line_usd", .object(levelized.costPerPflopHourByLine.map { ($0.name, .number($0.usdPerPflopHour)) })),
            ])),
            ("fabric", fabric?.report ?? .null),
            ("warnings", .array(warnings.map(ResultValue.text))),
        ])
    }
}
