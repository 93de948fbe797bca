import Foundation
import OrbitalCompute

extension ReportDocument {
    /// The box at the top of the report: what a reader who stops there needs.
    public struct Summary: Sendable {
        public struct Input: Sendable {
            /// Human label, the key (shown in code font), its side, range and the cost ratio across it.
            public var label: String
            public var key: String
            public var side: ScenarioKind
            public var range: String
            public var ratios: String
        }
        public var verdict: String
        /// One line each: the two costs and their ratio.
        public var costs: String
        /// The three inputs that move the cost ratio most.
        public var deciding: [Input]
        /// The launch price at which orbit and ground cost the same, or why there is none.
        public var breakevenLaunchPrice: String
        /// Which scenarios, in words.
        public var scenarios: [String]
    }

    /// What made the document: shown in its footer so a printed copy can be reproduced.
    public struct Footer: Sendable {
        public var version = OrbitalVersion.tool
        /// UTC date (YYYY-MM-DD).
        public var date: String
        /// The exact command line, shell-quoted; nil when built through the library.
        public var command: String?

        public init(date: Date, command: String?) {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            formatter.timeZone = TimeZone(identifier: "UTC")
            self.date = formatter.string(from: date)
            self.command = command
        }
    }

    /// The build date of a report: `SOURCE_DATE_EPOCH` when set (reproducible outputs), else now.
    public static func buildDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        return Date()
    }

    /// A command line quoted for a POSIX shell, so that it can be pasted back.
    public static func shellQuoted(_ arguments: [String]) -> String {
        arguments.map { word in
            word.range(of: #"^[A-Za-z0-9_./:=,@%+-]+$"#, options: .regularExpression) != nil
                ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }
}

/// Human labels for the report; the key stays visible in code font (and as a tooltip).
enum ReportLabels {
    static let outputs: [String: String] = [
        "cost_per_pflop_hour_usd": "Cost per delivered PFLOP-hour",
        "cost_per_accelerator_hour_usd": "Cost per accelerator-hour",
        "cost_per_mwh_it_usd": "Cost per MWh of IT energy",
        "tco_usd": "Total cost of ownership (present value)",
        "capex_usd": "Capital expenditure",
        "opex_usd_per_year": "Operating cost per year",
        "delivered_accelerator_hours": "Accelerator-hours delivered",
        "deployment_days": "Time to deploy",
        "it_power_w": "IT power",
        "accelerator_count": "Accelerators installed",
        "mass_total_kg": "Launch mass",
        "launch_count": "Launches",
        "radiator_area_m2": "Radiator area",
        "array_area_m2": "Solar array area",
        "energy_cost_usd_per_year": "Electricity per year",
        "water_liters_per_year": "Water per year",
        "tco_undiscounted_usd": "Total cost, undiscounted",
        "launch_cost_usd": "Launch cost",
        "launch_cost_per_kw_year_usd": "Launch cost per kW-year",
    ]

    /// Unit suffixes dropped when a key is turned into words.
    static let unitSuffixes = ["_usd_per_year", "_usd_per_kg", "_usd_per_w", "_usd_per_mwh", "_per_year", "_usd", "_kg", "_w", "_m2", "_k", "_km", "_deg", "_ms", "_s", "_h", "_mm", "_bps"]

    static func output(_ key: String) -> String {
        if let label = outputs[key] { return label }
        var stem = key
        for suffix in unitSuffixes where stem.hasSuffix(suffix) { stem = String(stem.dropLast(suffix.count)); break }
        let words = stem.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// An input's description from the parameter table, without its parenthetical detail.
    static func input(_ key: String, side: ScenarioKind) -> String {
        guard let info = ParameterInfo.all.first(where: { $0.key == key && $0.kind == side }) else { return output(key) }
        var text = info.description
        for separator in [" (", "; ", ": "] {
            if let r = text.range(of: separator) { text = String(text[..<r.lowerBound]) }
        }
        return text.isEmpty ? key : text
    }
}
