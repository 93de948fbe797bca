import ArgumentParser
import Foundation
import OrbitalCompute

/// Real invocations shown at the end of each verb's `--help` (swift-argument-parser puts a
/// command's discussion above USAGE, so the examples are appended by `main` instead).
/// Shipped scenario names are used so that every example runs from any directory. A line that
/// starts with `#` is a comment on the command below it.
enum Examples {
    static let byVerb: [String: [String]] = [
        "evaluate": [
            "orbital evaluate orbital-1gw-dawn-dusk",
            "orbital evaluate orbital-1gw-dawn-dusk colossus-1 --format json",
            "orbital evaluate orbital-1gw-dawn-dusk --set orbit.altitude_km=800 --set launch.cost_per_kg_usd=200",
        ],
        "compare": [
            "orbital compare orbital-1gw-dawn-dusk",
            "orbital compare orbital-1gw-dawn-dusk colossus-1 --set ground:energy.price_usd_per_mwh=40",
            "orbital compare orbital-1gw-dawn-dusk --format markdown --output compare.md",
        ],
        "breakeven": [
            "orbital breakeven orbital-1gw-dawn-dusk --solve launch.cost_per_kg_usd",
            "orbital breakeven orbital-1gw-dawn-dusk --solve solar.cost_usd_per_w",
            "orbital breakeven orbital-1gw-dawn-dusk colossus-1 --solve energy.price_usd_per_mwh --format json",
        ],
        "report": [
            "orbital report orbital-1gw-dawn-dusk --output report.html",
            "orbital report orbital-1gw-dawn-dusk colossus-1 --set launch.cost_per_kg_usd=200 --output report-200.html",
            "orbital report orbital-1gw-dawn-dusk --output report.md",
        ],
        "sweep": [
            "orbital sweep orbital-1gw-dawn-dusk --vary launch.cost_per_kg_usd=20:2000:50:log --ratio",
            "orbital sweep orbital-1gw-dawn-dusk --vary launch.cost_per_kg_usd=20:2000:50:log --vary thermal.radiator_temperature_k=300:350:11 --ratio --output sweep.csv",
            "orbital sweep orbital-1gw-dawn-dusk --vary compute.accelerator=h100,b200 --vary launch.cost_per_kg_usd=100,500 --format json",
            "orbital sweep orbital-1gw-dawn-dusk --vary launch.cost_per_kg_usd=20:2000:1000:log --ratio --shard $SLURM_ARRAY_TASK_ID/64 --output shard-$SLURM_ARRAY_TASK_ID.csv --resume",
        ],
        "montecarlo": [
            "orbital montecarlo orbital-1gw-dawn-dusk --draws 100000 --seed 1",
            "orbital montecarlo orbital-1gw-dawn-dusk --vary 'launch.cost_per_kg_usd=lognormal(500, 0.5)' --format json",
            "orbital montecarlo orbital-1gw-dawn-dusk --draws 1000 --draws-output draws.csv",
        ],
        "sensitivity": [
            "orbital sensitivity orbital-1gw-dawn-dusk",
            "orbital sensitivity orbital-1gw-dawn-dusk --samples 256 --top 5",
            "orbital sensitivity orbital-1gw-dawn-dusk --format csv --output sensitivity.csv",
        ],
        "timeline": [
            "orbital timeline orbital-1gw-dawn-dusk",
            "orbital timeline orbital-1gw-dawn-dusk --set launch.launches_per_year=100",
            "orbital timeline orbital-1gw-dawn-dusk --format csv --output timeline.csv",
        ],
        "latency": [
            "orbital latency orbital-1gw-dawn-dusk",
            "orbital latency orbital-1gw-dawn-dusk --from new-york --from 48.85,2.35",
            "orbital latency orbital-1gw-dawn-dusk --stations svalsat,trollsat,inuvik --format json",
        ],
        "published": [
            "orbital published",
            "orbital published turyshev-1mw --format json",
            "orbital published --format markdown --output published.md",
        ],
        "orbit": [
            "orbital orbit --altitude-km 650 --sso-ltan-h 18",
            "orbital orbit --altitude-km 550 --beta-deg 0 --format csv",
            "orbital orbit --altitude-km 800 --inclination-deg 53 --shadow-model conical",
        ],
        "radiator": [
            "orbital radiator --heat-w 1e6 --temperature-k 300 --fin-efficiency 1",
            "orbital radiator --heat-w 1e6 --temperature-k 330 --altitude-km 650 --orientation edge-on",
            "orbital radiator --heat-w 1e6 --area-m2 2000 --altitude-km 650",
        ],
        "validate": [
            "orbital validate my-scenario.yaml",
            "orbital validate orbital-1gw-dawn-dusk --set orbit.altitude_km=550 --set thermal.radiator_temperature_k=320",
        ],
        "models": [
            "orbital models",
            "orbital models --published",
            "orbital models --directory ./my-scenarios",
        ],
        "explain": [
            "orbital explain thermal.emissivity",
            "orbital explain thermal",
            "orbital explain h100",
            "orbital explain --format markdown",
        ],
        "catalog": [
            "orbital catalog accelerators",
            "orbital catalog ground-stations",
            "orbital catalog cities",
        ],
        "bench": [
            "orbital bench",
            "orbital bench --jobs 1 --seconds 1 --format json",
        ],
        "serve": [
            "orbital serve",
            "orbital serve --port 9000 --max-seconds 10",
            "# On a shared host, behind a reverse proxy that adds authentication",
            "orbital serve --host 0.0.0.0 --port 8080",
        ],
        "links": [
            "# Suncatcher's neighbours, 150 m apart",
            "orbital links --distance-m 150",
            "# Suncatcher's bench demonstration: one transceiver pair",
            "orbital links --distance-m 1 --transceivers-per-link 1",
            "# Link rate against distance, one column per distance",
            "orbital links --distance-m 100,200,1000,10000,100000 --format csv",
        ],
    ]

    /// A first session, at the end of `orbital --help`.
    static let root = [
        "orbital models",
        "orbital compare orbital-1gw-dawn-dusk",
        "orbital explain launch.cost_per_kg_usd",
        "orbital report orbital-1gw-dawn-dusk --output report.html",
    ]

    /// The EXAMPLES section for a verb, or "" for the root command.
    static func section(for verb: String) -> String {
        guard let lines = byVerb[verb], !lines.isEmpty else { return "" }
        return "\nEXAMPLES:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }

    /// The verb named in a command line (`orbital sweep --help`, `orbital help sweep`).
    static func verb(in arguments: [String]) -> String? {
        let names = Set(Orbital.configuration.subcommands.compactMap { $0.configuration.commandName ?? String(describing: $0).lowercased() })
        return arguments.first { names.contains($0) }
    }

    /// Appends the verb's EXAMPLES to a help text; any other message (version, completion
    /// scripts and their answers) is returned unchanged.
    static func appended(to message: String, arguments: [String]) -> String {
        guard message.hasPrefix("OVERVIEW:") || message.hasPrefix("USAGE:") else { return message }
        let body = message.hasSuffix("\n") ? message : message + "\n"
        guard let verb = verb(in: arguments) else {
            return body + "\nEXAMPLES:\n" + root.map { "  " + $0 }.joined(separator: "\n")
        }
        return body + section(for: verb)
    }
}

/// Shell completions (`orbital --generate-completion-script bash|zsh|fish`).
enum Completions {
    /// Keys (and, after `KEY=`, a categorical key's choices) starting with the word being
    /// completed; a side prefix `orbital:` / `ground:` / `both:` is kept.
    static func keys(_ prefix: String, numericOnly: Bool, withEquals: Bool) -> [String] {
        let (prefixSide, stem) = Side.split(prefix)
        let side = prefixSide.map { $0.rawValue + ":" } ?? ""
        if withEquals, let key = KeyValue(stem)?.key {
            guard let info = ParameterInfo.all.first(where: { $0.key == key }), case let .choice(options) = info.domain else { return [] }
            return options.map { side + key + "=" + $0 }.filter { $0.hasPrefix(prefix) }
        }
        var seen = Set<String>()
        return ParameterInfo.all.compactMap { info in
            guard info.key.hasPrefix(stem), seen.insert(info.key).inserted else { return nil }
            if numericOnly, case .choice = info.domain { return nil }
            return side + info.key + (withEquals ? "=" : "")
        }
    }

    /// `--set KEY=VALUE`: every key, then the choices of a categorical key.
    static let set = CompletionKind.custom { _, _, prefix in keys(prefix, numericOnly: false, withEquals: true) }
    /// `--vary KEY=SPEC`: every key.
    static let vary = CompletionKind.custom { _, _, prefix in keys(prefix, numericOnly: false, withEquals: true) }
    /// `--solve KEY`: numeric keys only.
    static let solve = CompletionKind.custom { _, _, prefix in keys(prefix, numericOnly: true, withEquals: false) }
    /// A scenario argument: shipped names, plus files.
    static let scenario = CompletionKind.custom { _, _, prefix in
        let names = ShippedModels.scenarios.map(\.name).filter { $0.hasPrefix(prefix) }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: prefix.contains("/") ? (prefix as NSString).deletingLastPathComponent : "."))?
            .filter { $0.hasSuffix(".yaml") }
            .map { prefix.contains("/") ? ((prefix as NSString).deletingLastPathComponent as NSString).appendingPathComponent($0) : $0 }
            .filter { $0.hasPrefix(prefix) } ?? []
        return names + files
    }
    /// `explain KEY`: parameter keys, sections and catalog ids.
    static let explain = CompletionKind.custom { _, _, prefix in
        let keys = ParameterInfo.all.map(\.key)
        let sections = Set(keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let ids = AcceleratorCatalog.all.map(\.id) + LaunchVehicleCatalog.all.map(\.id) + GroundStationCatalog.all.map(\.id) + CityCatalog.all.map(\.id)
        return Array(Set(keys + sections + ids)).filter { $0.hasPrefix(prefix) }.sorted()
    }
}
