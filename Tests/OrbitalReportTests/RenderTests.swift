import XCTest
import OrbitalCompute
@testable import OrbitalReport

/// The text renderers that live outside the engine: Markdown escaping and the latency table.
final class RenderTests: XCTestCase {
    func testMarkdownEscaping() {
        XCTAssertEqual(markdownText("<script>a|b & c</script>"), "&lt;script&gt;a\\|b &amp; c&lt;/script&gt;")
    }

    /// No ground station in view: every text form says "no path", JSON says null.
    func testLatencyRenderingOfNoPath() throws {
        var network = OrbitalInputs.defaults.network
        network.relay = Relay.none     // an equatorial orbit never sees Svalbard, and nothing relays
        let a = try LatencyAnalysis(scenarioName: "t", orbit: Orbit(altitude: 650_000, plane: .inclined(inclination: 0, raan: 0)), network: network,
                                    users: [CityCatalog.all[0]], stations: [XCTUnwrap(GroundStationCatalog.named("svalsat"))], span: 0...21_600, step: 60)
        XCTAssertTrue(a.render(.json).contains("\"rtt_ground_path_p50_ms\": null"))
        XCTAssertTrue(a.render(.table).contains("no path"))
        XCTAssertTrue(a.render(.markdown).contains("no path"))
    }
}
