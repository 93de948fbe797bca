import Foundation
import OrbitalCompute

/// `orbital latency` as JSON, CSV, a table or Markdown.
extension LatencyAnalysis {
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return report.json() + "\n"
        case .csv:
            return LatencyAnalysis.userColumns.joined(separator: ",") + "\n"
                + userRows().map { $0.map { Render.csvField($0.plainText) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .table, .markdown:
            let md = format == .markdown
            func cell(_ v: ResultValue) -> String {
                switch v {
                case .null: return "no path"
                case let .number(x): return String(format: "%.1f", x)
                default: return v.plainText
                }
            }
            func pct(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
            // The table keeps what fits a 100-column terminal; CSV and JSON carry every column.
            let shown: [(column: String, header: String)] = [
                ("user", "user"), ("rtt_terrestrial_ms", "Colossus 1"),
                ("rtt_ground_path_p50_ms", "ground p50"), ("rtt_ground_path_p99_ms", "p99"), ("ground_path_no_path_fraction", "no path"),
                ("rtt_relay_path_p50_ms", "relay p50"),
                ("rtt_best_path_p50_ms", "best p50"), ("rtt_best_path_p90_ms", "p90"), ("rtt_best_path_p99_ms", "p99"), ("best_path_no_path_fraction", "no path"),
            ]
            let index = shown.map { LatencyAnalysis.userColumns.firstIndex(of: $0.column)! }
            let header = shown.map(\.header)
            let rows = userRows().map { r in
                index.map { i -> String in
                    let column = LatencyAnalysis.userColumns[i], v = r[i]
                    if column.hasSuffix("no_path_fraction"), let x = v.doubleValue { return pct(x) }
                    if column.hasPrefix("rtt_relay_path"), case .null = v { return network.relay == Relay.none ? "—" : "no path" }
                    return cell(v)
                }
            }
            let sHeader = ["station", "lat", "lon", "backhaul", "passes/day", "in view", "mean pass s", "longest pass s"]
            let sRows = contact.stations.map { s in
                [s.station.id, String(format: "%.2f", s.station.latitudeDeg), String(format: "%.2f", s.station.longitudeDeg), s.station.backhaul.rawValue,
                 String(format: "%.1f", Double(s.passCount) / days), pct(s.fraction), String(format: "%.0f", s.meanPass), String(format: "%.0f", s.longestPass)]
            }
            var head = "\(scenarioName): \(humanNumber(orbit.altitude / 1000)) km, inclination \(String(format: "%.2f", orbit.inclination / Constants.degree))°, "
            head += "\(contact.stations.count) ground stations above \(humanNumber(network.minElevationDeg))°, \(humanNumber(days * 24)) h at \(humanNumber(contact.step)) s\n"
            head += "contact \(pct(contact.contactFraction)) of the time, \(String(format: "%.2f", contact.meanStationsInView)) stations in view on average,\n"
            head += "\(humanNumber(Double(contact.union.count) / days)) contacts a day, longest gap \(humanNumber((contact.gaps.max() ?? 0) / 60)) min\n"
            head += "fibre at c/\(humanNumber(network.fibreGroupIndex)) × route factor \(humanNumber(network.fibreRouteFactor)); relay: \(network.relay.rawValue)"
            if network.relay != Relay.none { head += " at \(humanNumber(network.relayAltitudeKm)) km, mesh stretch \(humanNumber(network.relayPathStretch))" }
            head += "\n"
            if let c = capacity {
                head += "capacity (\(network.workload.rawValue)): downlink \(humanNumber(c.downlinkBps / 1e9)) Gbit/s (ground \(humanNumber(c.groundDownlinkBps / 1e9))) for a demand of \(humanNumber(c.downlinkDemandBps / 1e9)) Gbit/s;\n"
                head += "uplink \(humanNumber(c.uplinkBps / 1e9)) for \(humanNumber(c.uplinkDemandBps / 1e9)) Gbit/s; network capacity factor \(humanNumber(c.factor))\n"
            }
            head += "RTT in ms over the span (every percentile: --format csv); a percentile is \"no path\"\n"
            head += "when the path is missing more often than its rank allows\n"
            if md {
                func table(_ h: [String], _ r: [[String]]) -> String {
                    "| " + h.joined(separator: " | ") + " |\n|" + h.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
                        + r.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
                }
                return head.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n") + "\n\n" + table(header, rows) + "\n" + table(sHeader, sRows)
            }
            return head + "\n" + Render.table(header: header, rows: rows) + "\n" + Render.table(header: sHeader, rows: sRows, rightAlignedFrom: 1)
        }
    }}
