import Foundation

extension Scenario {
    /// Colossus 1 as shipped in `Models/colossus-1.yaml` (a test keeps the two equal): the ground
    /// side of `compare` and `breakeven` when none is given.
    public static var colossus1: Scenario {
        var s = try! Scenario(kind: .terrestrial, name: "colossus-1", origin: "built-in colossus-1", values: [
            "site.latitude_deg": .number(35.06), "site.longitude_deg": .number(-90.16),
            "compute.accelerator": .text("h100"), "compute.accelerator_count": .number(220_000),
            "compute.it_power_per_accelerator_w": .number(1136),
            "facility.power_w": .number(300e6), "facility.pue": .number(1.2), "facility.build_days": .number(122),
            "energy.source": .text("grid"), "energy.price_usd_per_mwh": .number(67.5),
        ])
        s.summary = "xAI Colossus 1, Memphis TN — 220,000 H100-class GPUs, 300 MW, built in 122 days"
        return s
    }
}
