/// Units of the numbers the analysis verbs add around evaluations (compare, breakeven, timeline,
/// Monte Carlo, sweeps) and of the calculators (orbit, radiator, links), by key. Evaluation outputs take theirs from `OutputTable`. Values of an
/// input (a tornado's `base`/`low`/`high`, a break-even's `closest_value`) are in that input's
/// unit: `rows(of:)` finds them beside the `key` that names the input.
public enum AnalysisUnits {
    public static let byKey: [String: String] = [
        // compare and sweeps
        "cost_ratio": "-", "ratio": "-", "ground_cost_per_pflop_hour_usd": "USD/PFLOP-h",
        "window_years": "year", "orbital_delivered_share": "-", "ground_delivered_share": "-",
        "cost_ratio_at_low": "-", "cost_ratio_at_high": "-", "probability_orbit_cheaper": "-",
        // compare: latency beside the ground
        "ground_contact_fraction": "-", "orbital_no_path_fraction": "-", "rtt_orbital_p50_ms": "ms", "rtt_orbital_p99_ms": "ms",
        "rtt_orbital_ground_path_connected_p50_ms": "ms", "user_latitude_deg": "°", "user_longitude_deg": "°",
        // compare: the training fabric on both sides
        "job_accelerators_orbital": "-", "job_accelerators_terrestrial": "-",
        "training_efficiency_orbital": "-", "training_efficiency_terrestrial": "-",
        "largest_synchronous_job_accelerators_orbital": "-", "largest_synchronous_job_accelerators_terrestrial": "-",
        "training_clusters_orbital": "-", "training_clusters_terrestrial": "-",
        "ground_scale_job_accelerators": "-", "ground_scale_efficiency_orbital": "-", "ground_scale_efficiency_terrestrial": "-",
        "ground_scale_cost_ratio": "-",
        // timeline
        "target_it_power_w": "W", "time_to_target_days": "day", "lost_accelerator_hours_pv": "h", "delay_cost_usd": "USD",
        "delivered_share_in_window": "-", "first_launch_cost_usd": "USD", "last_launch_cost_usd": "USD",
        // breakeven
        "base_cost_ratio": "-", "cost_ratio_at_value": "-",
        // the calculators: orbit, radiator, links
        "altitude_km": "km", "beta_deg": "°", "critical_beta_deg": "°", "nodal_precession_deg_per_day": "°/day", "eclipse_fraction": "-",
        "eclipse_seasons_days": "day", "heat_w": "W", "area_per_mw_m2": "m²/MW",
        "capture_fraction": "-", "far_field_coupling": "-", "margin_ratio": "-", "received_power_per_beam_dbm": "dBm",
        "received_power_per_beam_w": "W", "required_power_per_channel_w": "W",
    ]

    /// Fields that hold a value of the input named by their object's `key` (a tornado bar, a break-even).
    public static let inputValued: Set<String> = ["base", "low", "high", "value", "closest_value", "base_value", "searched_from", "searched_to"]

    /// The unit of an input key, with or without a side prefix (`ground:energy.price_usd_per_mwh`).
    public static func unit(ofInput key: String) -> String? {
        let bare = key.split(separator: ":").last.map(String.init) ?? key
        return (ParameterTable.orbital[bare]?.unit ?? ParameterTable.terrestrial[bare]?.unit).map(UnitSpelling.canonical)
    }

    /// The unit of every row of a flattened result, by path: inputs' values beside their `key`,
    /// everything else from `OutputTable.unit(ofPath:)`.
    public static func rows(of value: ResultValue) -> [String: String] {
        var units: [String: String] = [:]
        func walk(_ v: ResultValue, _ path: String) {
            switch v {
            case let .object(pairs):
                let input: String? = { if case let .text(k)? = v["key"] { return unit(ofInput: k) } else { return nil } }()
                for (name, child) in pairs {
                    let p = path.isEmpty ? name : path + "." + name
                    if let input, inputValued.contains(name), child.doubleValue != nil || child == .null { units[p] = input } else { walk(child, p) }
                }
            case let .array(items):
                if items.contains(where: { if case .object = $0 { return true } else { return false } }) {
                    for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
                }
            default:
                units[path] = OutputTable.unit(ofPath: path)
            }
        }
        walk(value, "")
        return units
    }
}
