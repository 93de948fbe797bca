import Foundation

/// Latency and link capacity beside the cost verdict of `compare` (MODEL.md §10).
extension Comparison {
    /// RTTs from the orbital scenario's reference user (`network.user_*`) to the orbital cluster
    /// (over a day) and, over fibre with the same fibre model, to the terrestrial scenario's site.
    public var latencyReport: ResultValue {
        guard case let .orbital(r) = orbital, let net = r.network, let inputs = try? orbitalScenario.orbitalInputs() else { return .null }
        let site = (try? groundScenario.terrestrialInputs().site).map { ($0.latitudeDeg, $0.longitudeDeg) } ?? NetworkModel.terrestrialSite
        let u = net.geometry.user
        let ground = Paths.terrestrialRoundTrip(from: u.user, toLatitudeDeg: site.0, longitudeDeg: site.1, PathSettings(inputs.network))
        func ms(_ x: Double?) -> ResultValue { x.map { .number($0 * 1000) } ?? .null }
        return .object([
            ("user_latitude_deg", .number(u.user.latitudeDeg)),
            ("user_longitude_deg", .number(u.user.longitudeDeg)),
            ("rtt_terrestrial_ms", .number(ground * 1000)),
            ("rtt_orbital_p50_ms", ms(u.best.p50)),
            ("rtt_orbital_p99_ms", ms(u.best.p99)),
            ("orbital_no_path_fraction", .number(u.best.noPathFraction)),
            ("rtt_orbital_ground_path_connected_p50_ms", ms(u.ground.connectedMedian)),
            ("ground_contact_fraction", .number(net.geometry.contactFraction)),
            ("network_capacity_factor", .number(net.capacityFactor)),
        ])
    }

}
