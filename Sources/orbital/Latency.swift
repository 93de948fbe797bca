import ArgumentParser
import OrbitalCompute
import OrbitalReport

struct Latency: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Round-trip times from users to the orbital cluster (through ground stations or a relay constellation) beside the RTT to Colossus 1; ground contact and link capacity.",
        discussion: "Propagates the scenario's orbit over the rotating Earth. RTT percentiles are over time; \"no path\" (null in JSON) when no ground station is in view and there is no relay.")

    @Argument(help: "The orbital scenario (file or shipped name).", completion: Completions.scenario)
    var scenario: String

    @Option(name: .customLong("from"), parsing: .unconditionalSingleValue, help: ArgumentHelp("A user location as LAT,LON in degrees, or a city id (repeatable; default: the city catalog).", valueName: "LAT,LON"))
    var from: [String] = []

    @Option(help: ArgumentHelp("Ground stations as comma-separated ids, replacing network.ground_stations.", valueName: "ID,ID,…"))
    var stations: String?

    @Option(name: .customLong("duration-h"), help: "Hours to propagate.")
    var durationH = 24.0

    @Option(name: .customLong("step-s"), help: "Time step of the RTT samples [s].")
    var stepS = 10.0

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingErrors {
            guard durationH.isFinite, durationH > 0, durationH <= 24 * 366 else {
                throw ScenarioError(file: "--duration-h", "\(formatNumber(durationH)) is out of range", accepted: "(0, 8784] hours")
            }
            guard stepS.isFinite, stepS > 0, stepS <= 3_600, durationH * 3_600 / stepS <= 5e6 else {
                throw ScenarioError(file: "--step-s", "\(formatNumber(stepS)) is out of range", accepted: "(0, 3600] s and at most 5 million steps")
            }
            let users = try from.map { try UserLocation.parse($0, flag: "--from") }
            let stationList = try stations.map { try GroundStationCatalog.stations(fromList: $0, flag: "--stations") }
            let loaded = try options.load(scenario)
            guard loaded.kind == .orbital else {
                throw ScenarioError(file: loaded.origin, key: "kind", "latency needs an orbital scenario (the terrestrial RTT is reported beside it)", accepted: "kind: orbital")
            }
            let inputs = try loaded.orbitalInputs()
            let model = OrbitalModel.shared
            let (orbit, _) = try model.orbitAndEclipse(inputs.orbit)
            // The demand side of the capacity summary; a cluster whose links deliver nothing cannot be
            // evaluated for cost, but its round trips are still reported (capacity then omitted).
            let flops = (try? model.evaluate(inputs))?.network?.deliveredPeakFlops
            let analysis = try LatencyAnalysis(scenarioName: loaded.name, orbit: orbit, network: inputs.network,
                                               users: users.isEmpty ? CityCatalog.all : users, stations: stationList,
                                               span: 0...(durationH * 3_600), step: stepS, deliveredPeakFlops: flops)
            try options.emit(options.format == .json ? Envelope.json(verb: "latency", analysis.report) : analysis.render(options.format))
        }
    }
}
