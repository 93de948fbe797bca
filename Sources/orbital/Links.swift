import ArgumentParser
import Foundation
import OrbitalCompute
import OrbitalReport

struct LinksCalculator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Optical inter-satellite link budget: received power and data rate against distance.",
        discussion: """
            Far field: P_r = P_t η (π D_t D_r / (4 λ d))² (Friis); near field (Fresnel number D_t D_r / (λ d) \
            large) the receiver captures the beam, with a smooth Gaussian-capture transition between. A DWDM \
            channel closes when a beam brings it n_b h ν R; beams are limited by the Fresnel-number product and \
            by the transceivers. Every input defaults to the parameter table (isl.*): `orbital explain isl.photons_per_bit`.

            """)

    @Option(name: .customLong("distance-m"), parsing: .unconditional, help: ArgumentHelp("Link distance [m]; several, comma-separated, give one column each.", valueName: "D[,D…]"))
    var distanceM: String
    @Option(name: .customLong("wavelength-m"), parsing: .unconditional, help: "Carrier wavelength [m].")
    var wavelengthM = OrbitalInputs.defaults.isl.wavelengthM
    @Option(name: .customLong("aperture-diameter-m"), parsing: .unconditional, help: "Aperture diameter at each end [m].")
    var apertureDiameterM = OrbitalInputs.defaults.isl.apertureDiameterM
    @Option(name: .customLong("transmit-power-w"), parsing: .unconditional, help: "Optical power per transceiver, all channels [W].")
    var transmitPowerW = OrbitalInputs.defaults.isl.transmitPowerW
    @Option(name: .customLong("transmit-efficiency"), parsing: .unconditional, help: "Transmit optics throughput (0, 1].")
    var transmitEfficiency = OrbitalInputs.defaults.isl.transmitEfficiency
    @Option(name: .customLong("receive-efficiency"), parsing: .unconditional, help: "Receive optics and fibre coupling throughput (0, 1].")
    var receiveEfficiency = OrbitalInputs.defaults.isl.receiveEfficiency
    @Option(name: .customLong("pointing-efficiency"), parsing: .unconditional, help: "Power kept under pointing jitter (0, 1].")
    var pointingEfficiency = OrbitalInputs.defaults.isl.pointingEfficiency
    @Option(name: .customLong("photons-per-bit"), parsing: .unconditional, help: "Receiver sensitivity: photons per bit at the error-rate target.")
    var photonsPerBit = OrbitalInputs.defaults.isl.photonsPerBit
    @Option(name: .customLong("channels-per-transceiver"), parsing: .unconditional, help: "DWDM channels per transceiver.")
    var channelsPerTransceiver = OrbitalInputs.defaults.isl.channelsPerTransceiver
    @Option(name: .customLong("channel-rate-bps"), parsing: .unconditional, help: "Data rate per DWDM channel, each way [bit/s].")
    var channelRateBps = OrbitalInputs.defaults.isl.channelRateBps
    @Option(name: .customLong("transceivers-per-link"), parsing: .unconditional, help: "Transceivers (spatial beams) per link at each end.")
    var transceiversPerLink = OrbitalInputs.defaults.isl.transceiversPerLink
    @Option(help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table
    @Option(help: "Write the result to FILE (atomically).")
    var output: String?

    func run() throws {
        try reportingErrors {
            let distances = try distanceM.split(separator: ",").map { text -> Double in
                let t = text.trimmingCharacters(in: .whitespaces)
                guard let d = Double(t), d.isFinite, d > 0 else {
                    throw ScenarioError(key: "--distance-m", "'\(t)' is not a distance", accepted: "(0, ∞) m, comma-separated")
                }
                return d
            }
            guard !distances.isEmpty else { throw ScenarioError(key: "--distance-m", "no distance given", accepted: "(0, ∞) m, comma-separated") }
            // Every input is checked against its row of the parameter table (isl.*).
            let values: [String: ParameterValue] = [
                "isl.wavelength_m": .number(wavelengthM), "isl.aperture_diameter_m": .number(apertureDiameterM),
                "isl.transmit_power_w": .number(transmitPowerW), "isl.transmit_efficiency": .number(transmitEfficiency),
                "isl.receive_efficiency": .number(receiveEfficiency), "isl.pointing_efficiency": .number(pointingEfficiency),
                "isl.photons_per_bit": .number(photonsPerBit), "isl.channels_per_transceiver": .number(channelsPerTransceiver),
                "isl.channel_rate_bps": .number(channelRateBps), "isl.transceivers_per_link": .number(transceiversPerLink),
            ]
            let inputs = try Scenario(kind: .orbital, name: "links", origin: "command line", values: values).orbitalInputs()
            let terminal = inputs.isl.terminal
            let results: [(String, ResultValue)] = distances.map { d in
                let b = OpticalLink.budget(terminal, distance: d)
                return ("\(formatNumber(d)) m", .object([
                    ("distance_m", .number(d)),
                    ("regime", .text(b.regime.rawValue)),
                    ("fresnel_number", .number(b.fresnelNumber)),
                    ("far_field_coupling", .number(b.coupling)),
                    ("beams", .number(b.beams)),
                    ("capture_fraction", .number(b.captureFraction)),
                    ("received_power_per_beam_w", .number(b.receivedPowerPerBeamW)),
                    ("received_power_w", .number(b.receivedPowerW)),
                    ("received_power_per_beam_dbm", .number(10 * log10(b.receivedPowerPerBeamW * 1000))),
                    ("required_power_per_channel_w", .number(b.requiredPowerPerChannelW)),
                    ("margin_ratio", .number(b.marginRatio)),
                    ("channels_per_beam", .number(b.channelsPerBeam)),
                    ("link_rate_bps", .number(b.linkRateBps)),
                ]))
            }
            let text = format == .json ? Envelope.json(verb: "links", .array(results.map(\.1))) : Render.results(results, format: format)
            if let output { try writeAtomically(text, to: output) } else { print(text, terminator: "") }
        }
    }
}
