import Foundation

/// An AI accelerator as it is installed: the chip plus its share of the server around it.
public struct Accelerator: Sendable, Equatable {
    /// The id, the name and the source, named by their index in `LabelTable` (each label stored
    /// once there): every evaluation copies the accelerator into its result, and a copy of plain
    /// numbers counts no reference. Equal labels have one index, so `==` compares indices.
    private var label: Int
    fileprivate struct Label: Sendable, Hashable {
        var id: String
        var name: String
        var provenance: Provenance
    }
    /// Changes the label (rarely: the new one is stored once, in `LabelTable`).
    private mutating func relabel(_ change: (inout Label) -> Void) {
        var value = LabelTable.shared[label]
        change(&value)
        label = LabelTable.shared.index(of: value)
    }
    /// Catalog id.
    public var id: String { get { LabelTable.shared[label].id } set { relabel { $0.id = newValue } } }
    public var name: String { get { LabelTable.shared[label].name } set { relabel { $0.name = newValue } } }
    /// Chip thermal design power [W].
    public var chipPowerW: Double
    /// IT power per accelerator including its share of host CPUs, memory, NICs and fans [W].
    public var itPowerPerAcceleratorW: Double
    /// Dense BF16 throughput [TFLOP/s].
    public var bf16DenseTflops: Double
    /// Mass per accelerator including its share of the server [kg].
    public var massKg: Double
    /// Installed price per accelerator including its share of the server [USD].
    public var priceUsd: Double
    /// Warmest coolant supply (cold-plate inlet) at which the accelerator runs at full power [K].
    public var coolantSupplyMaxK: Double
    public var provenance: Provenance { get { LabelTable.shared[label].provenance } set { relabel { $0.provenance = newValue } } }

    public init(id: String, name: String, chipPowerW: Double, itPowerPerAcceleratorW: Double, bf16DenseTflops: Double, massKg: Double, priceUsd: Double,
                coolantSupplyMaxK: Double, provenance: Provenance) {
        label = LabelTable.shared.index(of: Label(id: id, name: name, provenance: provenance))
        self.chipPowerW = chipPowerW
        self.itPowerPerAcceleratorW = itPowerPerAcceleratorW
        self.bf16DenseTflops = bf16DenseTflops
        self.massKg = massKg
        self.priceUsd = priceUsd
        self.coolantSupplyMaxK = coolantSupplyMaxK
    }
}

/// The built-in accelerator catalog. `Models/catalogs/accelerators.yaml` mirrors it for reading
/// and copying; a test keeps the two in step.
public enum AcceleratorCatalog {
    /// Warm-water direct liquid cooling: coolant supplied to the cold plates at up to 45 °C
    /// (ASHRAE TC 9.9 liquid-cooling class W45, 2021; NVIDIA's liquid-cooled HGX and GB200
    /// racks are specified for this class) [K].
    public static let warmWaterSupplyK = 318.15

    public static let all: [Accelerator] = [
        Accelerator(id: "h100", name: "NVIDIA H100 SXM (in DGX/HGX H100)", chipPowerW: 700,
                    itPowerPerAcceleratorW: 1_275, bf16DenseTflops: 989, massKg: 15.4, priceUsd: 37_500,
                    coolantSupplyMaxK: AcceleratorCatalog.warmWaterSupplyK,
                    provenance: Provenance("NVIDIA H100 datasheet (700 W, 989 TFLOPS BF16 dense); DGX H100: 10.2 kW max, 123 kg for 8 GPUs; price ≈ DGX list / 8 (est.); coolant supply ≤ 45 °C (ASHRAE W45 warm-water class)", year: 2023, .medium, range: "price $25–30k GPU, $35–45k installed")),
        Accelerator(id: "h200", name: "NVIDIA H200 SXM (in HGX H200)", chipPowerW: 700,
                    itPowerPerAcceleratorW: 1_275, bf16DenseTflops: 989, massKg: 15.4, priceUsd: 42_000,
                    coolantSupplyMaxK: AcceleratorCatalog.warmWaterSupplyK,
                    provenance: Provenance("NVIDIA H200 datasheet (700 W, same BF16 as H100, 141 GB HBM3e); server share as DGX H100; price est.", year: 2024, .medium)),
        Accelerator(id: "b200", name: "NVIDIA B200 (in DGX/HGX B200)", chipPowerW: 1_000,
                    itPowerPerAcceleratorW: 1_787, bf16DenseTflops: 2_250, massKg: 17.8, priceUsd: 60_000,
                    coolantSupplyMaxK: AcceleratorCatalog.warmWaterSupplyK,
                    provenance: Provenance("NVIDIA HGX B200 (1,000 W, 2,250 TFLOPS BF16 dense); DGX B200 14.3 kW, ≈142 kg for 8 GPUs; price est.", year: 2025, .medium, range: "2,250–2,500 TFLOPS")),
        Accelerator(id: "gb200", name: "NVIDIA GB200 (in GB200 NVL72)", chipPowerW: 1_200,
                    itPowerPerAcceleratorW: 1_667, bf16DenseTflops: 2_500, massKg: 18.9, priceUsd: 42_000,
                    coolantSupplyMaxK: AcceleratorCatalog.warmWaterSupplyK,
                    provenance: Provenance("GB200 NVL72 ≈120 kW and ≈1.36 t for 72 GPUs; 2,500 TFLOPS BF16 dense per GPU; rack price ≈$3 M (est.)", year: 2025, .medium)),
        Accelerator(id: "tpu-v6e", name: "Google TPU v6e (Trillium)", chipPowerW: 300,
                    itPowerPerAcceleratorW: 450, bf16DenseTflops: 918, massKg: 6.0, priceUsd: 15_000,
                    coolantSupplyMaxK: AcceleratorCatalog.warmWaterSupplyK,
                    provenance: Provenance("Google Cloud TPU v6e: 918 TFLOPS BF16; power, mass and price not published (est.)", year: 2024, .low)),
    ]

    /// The entries' ids in `all`'s order, kept apart so that a look-up reads no label (each
    /// label read takes the label table's lock and copies its strings).
    private static let ids = all.map(\.id)

    public static func named(_ id: String) -> Accelerator? { ids.firstIndex(of: id).map { all[$0] } }
}

/// Every accelerator label made in this process, each stored once (a few: the catalog's, and
/// those a scenario or a caller renames). Reading one takes a lock; the hot path reads none.
private final class LabelTable: @unchecked Sendable {
    static let shared = LabelTable()
    private var labels: [Accelerator.Label] = []
    private var indices: [Accelerator.Label: Int] = [:]
    private let lock = NSLock()

    subscript(index: Int) -> Accelerator.Label { lock.withLock { labels[index] } }

    /// The index of `label`, stored the first time.
    func index(of label: Accelerator.Label) -> Int {
        lock.withLock {
            if let index = indices[label] { return index }
            labels.append(label)
            indices[label] = labels.count - 1
            return labels.count - 1
        }
    }
}
