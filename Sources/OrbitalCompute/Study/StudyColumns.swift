import Foundation

/// A metric column of a sweep or Monte Carlo run: a numeric output of the output table
/// (`OutputTable`), read from the primary side's result (or the ground's, `ground:KEY`), or one of
/// the two columns a cost ratio adds.
///
/// A column is named by its output's last path component when no other numeric output of that side
/// has it (`cost_per_pflop_hour_usd`), else by the full dotted path (`fabric.link.distance_m`);
/// both spellings select it. Its value equals the one `orbital evaluate` reports for the same point.
public struct StudyColumn: Sendable {
    /// The column header.
    public let name: String
    /// The output it reads (nil for the derived ratio columns).
    public let output: Output?
    let source: Source

    enum Source: Sendable {
        // The accessors as the output table holds them (calling them there avoids a second
        // reabstraction thunk, and its copy of the result, per column).
        case orbital(Output.Accessor<OrbitalResult>)
        case terrestrial(Output.Accessor<TerrestrialResult>)
        /// The ground's output next to an orbital primary (`ground:KEY`).
        case ground(Output.Accessor<TerrestrialResult>)
        case groundCostPerPflopHour
        case costRatio
    }

    /// Whether the value may be undefined (NaN: null in `evaluate`) for a valid point: the
    /// radiator transient when it is off, a network or fabric figure that does not apply.
    public var mayBeUndefined: Bool {
        guard let path = output?.path else { return false }
        return path.hasPrefix("network.") || path.hasPrefix("fabric.") || path == "thermal.temperature_min_k" || path == "thermal.temperature_max_k"
    }
}

extension StudyColumn {
    /// The numeric outputs of one side with their column names (leaf when unique for the side).
    static func named(for kind: ScenarioKind) -> [(name: String, output: Output)] {
        kind == .orbital ? orbitalNamed : terrestrialNamed
    }
    private static let orbitalNamed = naming(.orbital)
    private static let terrestrialNamed = naming(.terrestrial)
    private static func naming(_ kind: ScenarioKind) -> [(name: String, output: Output)] {
        let numeric = OutputTable.outputs(for: kind).filter(\.isNumeric)
        var leafCount: [String: Int] = [:]
        for o in numeric { leafCount[o.key, default: 0] += 1 }
        return numeric.map { (leafCount[$0.key] == 1 ? $0.key : $0.path, $0) }
    }

    /// The default columns of a side, in output order (the columns sweeps have always written).
    static let defaultOrbital = [
        "cost_per_accelerator_hour_usd", "cost_per_pflop_hour_usd", "cost_per_mwh_it_usd", "tco_usd", "capex_usd", "opex_usd_per_year",
        "mass_total_kg", "satellite_count", "launch_count", "launch_cost_usd", "launch_cost_per_kw_year_usd", "radiator_area_m2",
        "array_area_m2", "battery_energy_wh", "eclipse_fraction_mean", "temperature_max_k", "deployment_days", "delivered_accelerator_hours",
    ]
    static let defaultTerrestrial = [
        "cost_per_accelerator_hour_usd", "cost_per_pflop_hour_usd", "cost_per_mwh_it_usd", "tco_usd", "capex_usd", "opex_usd_per_year",
        "facility_power_w", "energy_cost_usd_per_year", "water_liters_per_year", "deployment_days", "delivered_accelerator_hours",
    ]
    /// The columns a cost ratio adds (always last in the default list).
    public static let ratioColumns = ["ground_cost_per_pflop_hour_usd", "cost_ratio"]
}

extension StudySetup {
    /// The default metric columns: the primary side's cost, mass, power and schedule figures, then
    /// the ground's cost and the ratio when there is a ground side.
    static func defaultColumns(primary kind: ScenarioKind, hasRatio: Bool) -> [StudyColumn] {
        let names = (kind == .orbital ? StudyColumn.defaultOrbital : StudyColumn.defaultTerrestrial) + (hasRatio ? StudyColumn.ratioColumns : [])
        // The default names are all outputs of their side (a test keeps it so).
        return names.map { try! column($0, primary: kind, hasRatio: hasRatio) }
    }

    /// The column for a name as written: a numeric output by its column name or full dotted path,
    /// `ground:KEY` for the ground's output beside an orbital primary, or a ratio column.
    static func column(_ written: String, primary kind: ScenarioKind, hasRatio: Bool) throws -> StudyColumn {
        let key = written.trimmingCharacters(in: .whitespaces)
        if hasRatio, StudyColumn.ratioColumns.contains(key) {
            return StudyColumn(name: key, output: nil, source: key == "cost_ratio" ? .costRatio : .groundCostPerPflopHour)
        }
        var side = kind, name = key, prefix = ""
        if key.hasPrefix("ground:") {
            guard hasRatio || kind == .terrestrial else {
                throw ScenarioError(file: "--columns", key: written, "there is no ground side (give --against)", accepted: StudySetup.columnsHelp)
            }
            side = .terrestrial; name = String(key.dropFirst("ground:".count)); prefix = kind == .orbital ? "ground:" : ""
        }
        let named = StudyColumn.named(for: side)
        guard let hit = named.first(where: { $0.name == name || $0.output.path == name }) else {
            let all = OutputTable.outputs(for: side)
            if let o = all.first(where: { $0.path == name || $0.key == name }) {
                throw ScenarioError(file: "--columns", key: written, "\(o.path) is not a numeric output (it is \(o.kind))", accepted: StudySetup.columnsHelp)
            }
            throw ScenarioError(file: "--columns", key: written, "is not a numeric output of the \(side == .orbital ? "orbital" : "terrestrial") side", accepted: StudySetup.columnsHelp)
        }
        let source: StudyColumn.Source
        switch (side, kind) {
        case (.orbital, _): source = .orbital(hit.output.orbital!)
        case (.terrestrial, .orbital): source = .ground(hit.output.terrestrial!)
        case (.terrestrial, .terrestrial): source = .terrestrial(hit.output.terrestrial!)
        }
        return StudyColumn(name: prefix + hit.name, output: hit.output, source: source)
    }

    static let columnsHelp = "a numeric output of `orbital evaluate SCENARIO --format json`, by its dotted path or its last key (`orbital sweep SCENARIO --list-columns` lists them); with a ground side also ground:KEY, ground_cost_per_pflop_hour_usd and cost_ratio"

    /// This setup with the metric columns chosen by name (`--columns KEY,…`), in the order given.
    public func selecting(columns names: [String]) throws -> StudySetup {
        var copy = self
        let kind: ScenarioKind = baseOrbital != nil ? .orbital : .terrestrial
        var seen = Set<String>()
        var chosen: [StudyColumn] = []
        for n in names where !n.trimmingCharacters(in: .whitespaces).isEmpty {
            let c = try StudySetup.column(n, primary: kind, hasRatio: hasRatio)
            guard seen.insert(c.name).inserted else { throw ScenarioError(file: "--columns", key: n, "is chosen twice") }
            chosen.append(c)
        }
        guard !chosen.isEmpty else { throw ScenarioError(file: "--columns", "no column chosen", accepted: StudySetup.columnsHelp) }
        copy.columns = chosen
        return copy
    }

    /// Every column a study of this setup can write: the numeric outputs of the primary side
    /// (then the ground's, as `ground:KEY`, and the ratio columns when there is a ground side).
    public var selectableColumns: [String] { selectableColumnOutputs.map(\.name) }

    /// The selectable columns with the output each reads (nil for the ratio columns).
    public var selectableColumnOutputs: [(name: String, output: Output?)] {
        let kind: ScenarioKind = baseOrbital != nil ? .orbital : .terrestrial
        var out: [(name: String, output: Output?)] = StudyColumn.named(for: kind).map { ($0.name, $0.output) }
        if hasRatio {
            out += StudyColumn.named(for: .terrestrial).map { ("ground:" + $0.name, $0.output) }
            out += StudyColumn.ratioColumns.map { ($0, nil) }
        }
        return out
    }
}
