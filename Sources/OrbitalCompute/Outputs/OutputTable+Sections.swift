import Foundation

/// The network and training-fabric outputs (orbital network only; the fabric on both sides).
extension OutputTable {
    /// A network number (absent when the network is not evaluated).
    private static func net(_ path: String, _ unit: String, _ description: String, _ f: @escaping @Sendable (NetworkSummary) -> Double?) -> Output {
        .optional("network." + path, unit, description) { r in r.network.map { f($0) } }
    }

    /// A round-trip time in ms from seconds (null where no path exists).
    private static func rtt(_ path: String, _ description: String, _ f: @escaping @Sendable (UserLatency) -> Double?) -> Output {
        net("reference_user." + path, "ms", description) { n in f(n.geometry.user).map { $0 * 1000 } }
    }

    static let network: [Output] = [
        .text("network.ground_stations", "Ground-station set", orbital: { $0.network?.geometry.stationSet }),
        net("contact_fraction", "-", "Fraction of the day the cluster sees at least one ground station") { $0.geometry.contactFraction },
        net("mean_stations_in_view", "-", "Ground stations in view, averaged over the day") { $0.geometry.meanStationsInView },
        net("contacts_per_day", "1/day", "Contact windows a day") { $0.geometry.passesPerDay },
        net("longest_gap_s", "s", "Longest time without a ground station in view") { $0.geometry.longestGapS },
        .text("network.workload", "What the cluster runs (network.workload)", orbital: { $0.network?.workload.rawValue }),
        net("downlink_capacity_bps", "bit/s", "Downlink the cluster sustains (ground and relay)") { $0.capacity.downlinkBps },
        net("uplink_capacity_bps", "bit/s", "Uplink the cluster sustains") { $0.capacity.uplinkBps },
        net("ground_downlink_capacity_bps", "bit/s", "Downlink through ground stations alone") { $0.capacity.groundDownlinkBps },
        net("downlink_demand_bps", "bit/s", "Downlink the workload needs") { $0.capacity.downlinkDemandBps },
        net("uplink_demand_bps", "bit/s", "Uplink the workload needs") { $0.capacity.uplinkDemandBps },
        net("token_demand_per_s", "token/s", "Tokens a second the delivered compute could serve") { $0.capacity.tokenDemandPerS },
        net("servable_tokens_per_s", "token/s", "Tokens a second the links carry") { $0.capacity.servableTokensPerS },
        net("network_capacity_factor", "-", "Factor (≤ 1) the links put on delivered compute") { $0.capacity.factor },
        net("reference_user.latitude_deg", "°", "Reference user's latitude (network.user_latitude_deg)") { $0.geometry.user.user.latitudeDeg },
        net("reference_user.longitude_deg", "°", "Reference user's longitude (network.user_longitude_deg)") { $0.geometry.user.user.longitudeDeg },
        rtt("rtt_terrestrial_ms", "Round trip from the reference user to the ground cluster over fibre") { $0.terrestrial },
        rtt("rtt_ground_path_p50_ms", "Median round trip through ground stations (no path counts as no answer)") { $0.ground.p50 },
        rtt("rtt_ground_path_connected_p50_ms", "Median round trip through ground stations while connected") { $0.ground.connectedMedian },
        net("reference_user.ground_path_no_path_fraction", "-", "Fraction of the day without a ground path") { $0.geometry.user.ground.noPathFraction },
        rtt("rtt_relay_path_p50_ms", "Median round trip through the relay constellation") { $0.relay?.p50 },
        rtt("rtt_best_path_p50_ms", "Median round trip over the better path") { $0.best.p50 },
        rtt("rtt_best_path_p99_ms", "99th-percentile round trip over the better path") { $0.best.p99 },
        net("reference_user.best_path_no_path_fraction", "-", "Fraction of the day with no path at all") { $0.geometry.user.best.noPathFraction },
    ]

    /// A fabric number on both sides.
    private static func both(_ path: String, _ unit: String, _ description: String, _ f: @escaping @Sendable (TrainingFabric) -> Double) -> Output {
        Output(path: "fabric." + path, unit: unit, description: description, kind: .number,
               orbital: .init(value: { $0.fabric.map { .number(f($0)) } }, number: { $0.fabric.map(f) ?? .nan }),
               terrestrial: .init(value: { $0.fabric.map { .number(f($0)) } }, number: { $0.fabric.map(f) ?? .nan }))
    }

    /// An orbital fabric number (links and formations).
    private static func orbit(_ path: String, _ unit: String, _ description: String, _ f: @escaping @Sendable (TrainingFabric.Orbital) -> Double?) -> Output {
        .optional("fabric." + path, unit, description) { r in r.fabric?.orbital.map { f($0) } }
    }

    static let fabric: [Output] = [
        .text("fabric.workload", "What the ground cluster runs (network.workload)", terrestrial: { $0.fabric?.workload.rawValue }),
        both("training_efficiency", "-", "Compute time over step time of the reference job: scales a training workload's delivered hours") { $0.trainingEfficiency },
        both("largest_synchronous_job_accelerators", "-", "Largest synchronous job at the efficiency threshold") { $0.largestSynchronousJobAccelerators },
        both("training_clusters", "-", "Independent training clusters of that size") { $0.trainingClusters },
        both("efficiency_threshold", "-", "Training efficiency a job must keep (fabric.efficiency_threshold)") { $0.threshold },
        both("job_accelerators", "-", "Accelerators of the reference job charged (training.job_accelerators, capped)") { $0.charged.accelerators },
        both("step_compute_s", "s", "Compute time of one step of the reference job") { $0.charged.computeS },
        both("step_communication_s", "s", "Exposed gradient all-reduce time of one step") { $0.charged.communicationS },
        both("step_time_s", "s", "Time of one step") { $0.charged.stepS },
        both("whole_cluster_accelerators", "-", "Accelerators of the whole cluster as one job") { $0.wholeCluster.accelerators },
        both("whole_cluster_efficiency", "-", "Training efficiency of the whole cluster as one job") { $0.wholeCluster.efficiency },
        both("local_bandwidth_per_accelerator_bps", "bit/s", "Bandwidth per accelerator inside the scale-out domain") { $0.localBpsPerAccelerator },
        both("delivered_hours_factor", "-", "Factor on delivered accelerator-hours (training efficiency, or 1 for inference)") { $0.deliveredHoursFactor },
        .flag("fabric.model_fits_in_satellite", "The model's weights fit in one satellite's accelerator memory", orbital: { $0.fabric?.modelFitsInSatellite }),
        orbit("link.distance_m", "m", "Distance between neighbouring satellites") { $0.link.distanceM },
        .text("fabric.link.regime", "Link regime (near field, beams falling off, far field)", orbital: { $0.fabric?.orbital?.link.regime.rawValue }),
        orbit("link.fresnel_number", "-", "Fresnel-number product of the aperture pair") { $0.link.fresnelNumber },
        orbit("link.beams", "-", "Spatial beams the aperture pair carries") { $0.link.beams },
        orbit("link.channels_per_beam", "-", "DWDM channels per beam") { $0.link.channelsPerBeam },
        orbit("link.received_power_w", "W", "Received optical power per channel") { $0.link.receivedPowerW },
        orbit("link.link_rate_bps", "bit/s", "Link rate between neighbours, each way") { $0.link.linkRateBps },
        orbit("formation.satellites_per_formation", "-", "Satellites in one formation") { $0.satellitesPerFormation },
        orbit("formation.formations", "-", "Formations") { $0.formations },
        orbit("formation.accelerators_per_satellite", "-", "Accelerators per satellite") { $0.acceleratorsPerSatellite },
        orbit("formation.accelerators_per_formation", "-", "Accelerators per formation") { $0.acceleratorsPerSatellite * $0.satellitesPerFormation },
        orbit("formation.formation_radius_m", "m", "Radius of a formation") { $0.formationRadiusM },
        orbit("formation.links_per_satellite", "-", "Optical links per satellite") { $0.linksPerSatellite },
        // A one-satellite formation has no satellite-to-satellite bisection: null, not ∞.
        orbit("formation.bisection_bandwidth_per_accelerator_bps", "bit/s", "Bisection bandwidth per accelerator in a formation") {
            $0.bisectionBpsPerAccelerator.isFinite ? $0.bisectionBpsPerAccelerator : nil
        },
        orbit("formation.collective_bandwidth_per_accelerator_bps", "bit/s", "Bandwidth per accelerator for the gradient ring") { $0.collectiveBpsPerAccelerator },
        orbit("formation.hop_latency_s", "s", "Latency of one hop between satellites") { $0.hopLatencyS },
        orbit("formation.diameter_latency_s", "s", "Latency across a formation") { $0.diameterLatencyS },
        orbit("formation.inter_formation_distance_m", "m", "Distance between formations") { $0.interFormationLink.distanceM },
        orbit("formation.inter_formation_link_rate_bps", "bit/s", "Link rate between formations, each way") { $0.interFormationLink.linkRateBps },
    ]
}
