/// Units of the numbers the analysis verbs add around evaluations (compare, breakeven, timeline,
/// Monte Carlo, sweeps) and of the calculators (orbit, radiator, links), by key. Evaluation outputs take theirs from `OutputTable`. Values of an
/// input (a tornado's `base`/`low`/`high`, a break-even's `closest_value`) are in that input's
/// unit, which `orbital explain KEY` gives; their rows carry no unit of their own.
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
        // breakeven
        "base_cost_ratio": "-", "cost_ratio_at_value": "-",
        // the calculators: orbit, radiator, links
        "altitude_km": "km", "beta_deg": "°", "critical_beta_deg": "°", "nodal_precession_deg_per_day": "°/day", "eclipse_fraction": "-",
        "eclipse_seasons_days": "day", "heat_w": "W", "area_per_mw_m2": "m²/MW",
        "capture_fraction": "-", "far_field_coupling": "-", "margin_ratio": "-", "received_power_per_beam_dbm": "dBm",
        "received_power_per_beam_w": "W", "required_power_per_channel_w": "W",
    ]
}
