/// The `training.*`, `fabric.*`, `isl.*` and `formation.*` rows of the parameter tables
/// (issue 14), each default with its source; appended to the orbital and terrestrial tables.
private enum FabricSource {
    static let llama3 = "Meta, The Llama 3 Herd of Models, arXiv 2407.21783"
    static let suncatcher = "Google, Suncatcher: Towards a future space-based, highly scalable AI infrastructure system design, arXiv 2511.19468"
    static let spectrumX = "NVIDIA press release on xAI Colossus (28 Oct 2024): Spectrum-X Ethernet with BlueField-3 SuperNICs (400 Gb/s each), three network tiers; ServeTheHome's Colossus tour (Oct 2024): one 400 GbE SuperNIC per GPU"
}

extension ParameterTable where Inputs: TrainingFabricInputs {
    /// The reference training job: the same on both sides.
    static func trainingJobParameters() -> [Parameter<Inputs>] {
        [
            .number("training.model_parameters", "-", Inputs.trainingPath.appending(path: \.modelParameters), 4.05e11, .closed(1e6, 1e15),
                    "Parameters of the reference training job (dense: all of them are trained per token and all-reduced per step)",
                    Provenance(FabricSource.llama3 + ": Llama 3.1 405B", year: 2024, .high, range: "1e10–1e13")),
                    // No `documented:`: the prose parser never read 1e10–1e13. Declared as 1e10...1e13 it would enter the tornado and change the answer.
            .number("training.tokens_per_step", "-", Inputs.trainingPath.appending(path: \.tokensPerStep), 1.6e7, .closed(1, 1e12),
                    "Global batch of the reference job: tokens per optimizer step",
                    Provenance(FabricSource.llama3 + ": 16 M tokens per step in the final stage (4 M → 8 M → 16 M)", year: 2024, .high, range: "4–64 M", documented: 4...64)),
            .number("training.gradient_bytes_per_parameter", "B", Inputs.trainingPath.appending(path: \.gradientBytesPerParameter), 2, .closed(0.5, 8),
                    "Bytes per gradient element in the data-parallel all-reduce (BF16: 2; FP32: 4; FP8: 1)",
                    Provenance("Mixed-precision training keeps and reduces gradients in 16-bit formats (Micikevicius et al., ICLR 2018); FP32 reduction doubles it", year: 2024, .medium, range: "1–4", documented: 1...4)),
            .number("training.tensor_parallel", "-", Inputs.trainingPath.appending(path: \.tensorParallel), 8, .closed(1, 1024),
                    "Tensor-parallel degree: kept inside one scale-up (NVLink) domain, and inside one satellite",
                    Provenance(FabricSource.llama3 + ": TP 8 within a server", year: 2024, .high), integer: true),
            .number("training.pipeline_parallel", "-", Inputs.trainingPath.appending(path: \.pipelineParallel), 16, .closed(1, 1024),
                    "Pipeline-parallel degree (stages); data parallelism is the accelerators over TP × PP",
                    Provenance(FabricSource.llama3 + ": PP 16, DP 128 on 16,384 H100", year: 2024, .high, range: "1–32", documented: 1...32), integer: true),
            .number("training.compute_utilization", "-", Inputs.trainingPath.appending(path: \.computeUtilization), 0.45, .openClosed(0, 1),
                    "Achieved over peak dense FLOP/s while computing, before exposed communication (MFU without the network)",
                    Provenance("est.: " + FabricSource.llama3 + " reports 38–43 % MFU including communication and pipeline bubbles", year: 2024, .low, range: "0.35–0.6", documented: 0.35...0.6)),
            .number("training.overlap_fraction", "-", Inputs.trainingPath.appending(path: \.overlapFraction), 0.67, .closed(0, 1),
                    "Fraction of a micro-batch's compute under which the gradient all-reduce can run (its backward pass: 4N of 6N FLOPs per token); with m micro-batches per step only the last one's counts, φ / m of the step",
                    Provenance("Kaplan et al. 2020 (6N = 2N forward + 4N backward); Li et al., PyTorch Distributed, VLDB 2020 (gradient buckets overlap the backward pass)", year: 2020, .medium, range: "0 (no overlap) – 0.67", documented: 0...0.67)),
            .number("training.microbatch_tokens", "-", Inputs.trainingPath.appending(path: \.microbatchTokens), 8_192, .closed(1, 1e9),
                    "Tokens per micro-batch of one data-parallel replica (sequence length × micro-batch size)",
                    Provenance(FabricSource.llama3 + ": sequences of 8,192 tokens, one per micro-batch (est. for the micro-batch size)", year: 2024, .medium, range: "2,048–32,768", documented: 2048...32768)),
            .number("training.efficiency_threshold", "-", Inputs.trainingPath.appending(path: \.efficiencyThreshold), 0.9, .openClosed(0, 1),
                    "Training efficiency a synchronous job must reach to count as one job (largest_synchronous_job_accelerators)",
                    Provenance("issue 14: Colossus-class fabrics run ≥ 90 % (a choice, not a measurement)", year: 2026, .medium, range: "0.5–0.95", documented: 0.5...0.95)),
            .number("training.job_accelerators", "-", Inputs.trainingPath.appending(path: \.jobAccelerators), 16_384, .closed(1, 1e9),
                    "Accelerators of the synchronous reference job, the same on both sides (capped at each side's accelerators): its training efficiency scales the delivered hours of a training workload",
                    Provenance(FabricSource.llama3 + ": Llama 3.1 405B trained on 16,384 H100; Colossus 1 trains on up to ≈200,000", year: 2024, .high, range: "7,128 (one formation) – 220,000 (Colossus 1)", documented: 7128...220000), integer: true),
        ]
    }
}

extension ParameterTable where Inputs == OrbitalInputs {
    static var fabricParameters: [Parameter<OrbitalInputs>] {
        trainingJobParameters() + [
            .number("fabric.scale_up_domain_accelerators", "-", \.fabric.scaleUpDomainAccelerators, 8, .closed(1, 1e5),
                    "Accelerators in one scale-up (NVLink) domain inside a satellite",
                    Provenance("NVIDIA HGX H100: 8 GPUs on NVLink/NVSwitch", year: 2023, .high, range: "8 (HGX) – 72 (GB200 NVL72)", documented: 8...72), integer: true),
            .number("fabric.bps_per_accelerator", "bit/s", \.fabric.bpsPerAccelerator, 400e9, .openClosed(0, 1e14),
                    "Network bandwidth per accelerator inside a satellite (its servers' scale-out NICs to a local switch), each way",
                    Provenance("est.: the same 400 Gb/s NIC per GPU as on the ground (" + FabricSource.spectrumX + ")", year: 2024, .low, range: "200–800 Gb/s", documented: 200...800)),
            .number("fabric.throughput_efficiency", "-", \.fabric.throughputEfficiency, 0.95, .openClosed(0, 1),
                    "Fraction of line rate that collectives achieve on the satellite's internal network",
                    Provenance("est.: as Spectrum-X at Colossus (95 %, NVIDIA 2024)", year: 2024, .low, range: "0.6–0.95", documented: 0.6...0.95)),
            .number("fabric.hop_latency_s", "s", \.fabric.hopLatencyS, 2e-6, .closed(0, 1),
                    "Latency of one ring step inside a satellite (NIC and one switch)",
                    Provenance("est.: RDMA NIC-to-NIC through one switch ≈ 1–3 µs", year: 2024, .low, range: "1–5 µs", documented: 1...5)),
            .number("fabric.memory_bytes_per_accelerator", "B", \.fabric.memoryBytesPerAccelerator, 80e9, .openClosed(0, 1e13),
                    "High-bandwidth memory per accelerator: an inference model whose weights fit in one satellite needs no inter-satellite traffic",
                    Provenance("NVIDIA H100 SXM datasheet: 80 GB HBM3 (H200: 141 GB)", year: 2023, .high, range: "80–192 GB", documented: 80...192)),
            .number("isl.wavelength_m", "m", \.isl.wavelengthM, 1.55e-6, .closed(4e-7, 1.2e-5),
                    "Carrier wavelength of the optical inter-satellite links",
                    Provenance("C-band DWDM (ITU-T G.694.1 grid around 193.1 THz ≈ 1552.5 nm); " + FabricSource.suncatcher + ": COTS DWDM transceivers", year: 2025, .high, range: "1530–1565 nm", documented: 1530...1565)),
            .number("isl.aperture_diameter_m", "m", \.isl.apertureDiameterM, 0.1, .openClosed(0, 10),
                    "Telescope aperture of each optical terminal (the same at both ends)",
                    Provenance("est.: LEO laser terminals use 2–15 cm telescopes (e.g. Tesat, Mynaric, Starlink)", year: 2025, .low, range: "0.02–0.15 m", documented: 0.02...0.15)),
            .number("isl.transmit_power_w", "W", \.isl.transmitPowerW, 0.1, .openClosed(0, 1e3),
                    "Optical power launched by one transceiver (all its DWDM channels), after the booster amplifier",
                    Provenance("est.: a C-band booster EDFA at +20 dBm; COTS pluggables launch ≈ 0 dBm per channel without one", year: 2025, .low, range: "0.01–2 W", documented: 0.01...2)),
            .number("isl.transmit_efficiency", "-", \.isl.transmitEfficiency, 0.8, .openClosed(0, 1),
                    "Transmit optics throughput (telescope, mirrors, fibre to free space)",
                    Provenance("est.: space laser terminals allocate ≈1 dB to transmit optics", year: 2025, .low, range: "0.6–0.9", documented: 0.6...0.9)),
            .number("isl.receive_efficiency", "-", \.isl.receiveEfficiency, 0.5, .openClosed(0, 1),
                    "Receive optics throughput including coupling into the transceiver's single-mode fibre",
                    Provenance("est.: fibre coupling of an Airy spot is at most 81 % (Ruilier, Proc. SPIE 3350, 1998), times ≈1 dB of optics", year: 1998, .low, range: "0.3–0.7", documented: 0.3...0.7)),
            .number("isl.pointing_efficiency", "-", \.isl.pointingEfficiency, 0.8, .openClosed(0, 1),
                    "Mean power kept under pointing jitter (the pointing loss)",
                    Provenance("est.: ≈1 dB pointing-loss allocation of optical ISL budgets", year: 2025, .low, range: "0.5–0.95", documented: 0.5...0.95)),
            .number("isl.photons_per_bit", "-", \.isl.photonsPerBit, 1_000, .closed(1, 1e6),
                    "Photons per bit the receiver needs at its error-rate target (sets receiver sensitivity: P = n h ν R)",
                    Provenance("est.: an unamplified COTS 400G coherent receiver near −12 dBm needs ≈1,200 photons/bit at 1550 nm (OIF 400ZR IA, 2020); preamplified coherent receivers reach ≈10–40", year: 2020, .low, range: "10–3,000", documented: 10...3000)),
            .number("isl.channels_per_transceiver", "-", \.isl.channelsPerTransceiver, 8, .closed(1, 1_000),
                    "DWDM channels per transceiver",
                    Provenance(FabricSource.suncatcher + ": 800 Gb/s each way with one transceiver pair on the bench (split into 8 × 100 Gb/s, est.)", year: 2025, .medium, range: "1–80", documented: 1...80), integer: true),
            .number("isl.channel_rate_bps", "bit/s", \.isl.channelRateBps, 100e9, .openClosed(0, 1e13),
                    "Data rate of one DWDM channel, each way",
                    Provenance(FabricSource.suncatcher + ": 800 Gb/s per transceiver pair; 100 Gb/s per channel (est.)", year: 2025, .medium, range: "100–800 Gb/s", documented: 100...800)),
            .number("isl.transceivers_per_link", "-", \.isl.transceiversPerLink, 16, .closed(1, 10_000),
                    "Transceivers (independent spatial beams) each end dedicates to one link; the beams that fit are limited by the Fresnel-number product",
                    Provenance("est.: 16 × 800 Gb/s = 12.8 Tb/s, Suncatcher's ≈10 Tb/s-per-link aim (\"tens of Tb/s\") by spatial multiplexing", year: 2025, .low, range: "1–64", documented: 1...64), integer: true),
            .number("isl.hop_latency_s", "s", \.isl.hopLatencyS, 2e-6, .closed(0, 1),
                    "Processing latency per inter-satellite hop (coherent DSP, FEC, switching), light time excluded",
                    Provenance("est.: coherent DSP and FEC add ≈1–2 µs per hop", year: 2025, .low, range: "0.5–10 µs", documented: 0.5...10)),
            .number("formation.satellites_max", "-", \.formation.satellitesMax, 81, .closed(1, 10_000),
                    "Most satellites that fly in one tight formation (one fabric)",
                    Provenance(FabricSource.suncatcher + ": an 81-satellite cluster within 1 km radius at 650 km, held with modest station-keeping (simulated, not flown)", year: 2025, .medium, range: "1–81 demonstrated in simulation", documented: 1...81), integer: true),
            .number("formation.neighbour_spacing_m", "m", \.formation.neighbourSpacingM, 150, .closed(1, 1e7),
                    "Distance between neighbouring satellites of a formation (the link distance)",
                    Provenance(FabricSource.suncatcher + ": neighbours 100–200 m apart", year: 2025, .medium, range: "100–200 m", documented: 100...200)),
            .number("formation.inter_formation_spacing_m", "m", \.formation.interFormationSpacingM, 10_000, .closed(1, 1e7),
                    "Distance between neighbouring formations (the link distance when one job spans formations)",
                    Provenance("est.: formations kept kilometres apart to bound collision risk; not in Suncatcher", year: 2026, .low, range: "2–100 km", documented: 2...100)),
            .number("formation.inter_formation_links", "-", \.formation.interFormationLinks, 4, .closed(0, 10_000),
                    "Optical links between one formation and each neighbouring formation",
                    Provenance("est.: the terminals of a few edge satellites", year: 2026, .low, range: "0–81", documented: 0...81), integer: true),
        ]
    }
}

extension ParameterTable where Inputs == TerrestrialInputs {
    static var fabricParameters: [Parameter<TerrestrialInputs>] {
        trainingJobParameters() + [
            .choice("network.workload", \.training.workload, Workload.training,
                    "What the cluster runs: training scales delivered hours by the fabric's training efficiency; inference is unchanged",
                    Provenance("as the orbital side's network.workload (Colossus 1 trains the Grok models)", year: 2024, .high)),
            .number("fabric.scale_up_domain_accelerators", "-", \.fabric.scaleUpDomainAccelerators, 8, .closed(1, 1e5),
                    "Accelerators in one scale-up (NVLink) domain",
                    Provenance("NVIDIA HGX H100: 8 GPUs on NVLink/NVSwitch (Colossus 1: Supermicro HGX H100 servers)", year: 2024, .high, range: "8 (HGX) – 72 (GB200 NVL72)", documented: 8...72), integer: true),
            .number("fabric.bps_per_accelerator", "bit/s", \.fabric.bpsPerAccelerator, 400e9, .openClosed(0, 1e14),
                    "Scale-out network bandwidth per accelerator, each way (non-blocking: also the bisection bandwidth per accelerator)",
                    Provenance(FabricSource.spectrumX, year: 2024, .medium, range: "400–800 Gb/s", documented: 400...800)),
            .number("fabric.throughput_efficiency", "-", \.fabric.throughputEfficiency, 0.95, .openClosed(0, 1),
                    "Fraction of line rate that collectives achieve across the fabric",
                    Provenance("NVIDIA (28 Oct 2024): Spectrum-X holds 95 % data throughput at Colossus, standard Ethernet ≈60 % (vendor figure)", year: 2024, .medium, range: "0.6–0.95", documented: 0.6...0.95)),
            .number("fabric.hop_latency_s", "s", \.fabric.hopLatencyS, 5e-6, .closed(0, 1),
                    "Latency of one ring step across the fabric (NIC and up to five switch hops of three tiers)",
                    Provenance("est.: ≈1 µs per Spectrum-4 switch hop plus RDMA NICs", year: 2024, .low, range: "2–10 µs", documented: 2...10)),
        ]
    }
}
