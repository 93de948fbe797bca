/// An AI accelerator as it is installed: the chip plus its share of the server around it.
public struct Accelerator: Sendable, Equatable {
    /// Catalog id (a short string: stored inline, no reference to count when copied).
    public var id: String
    /// The name and the source. Every evaluation copies the accelerator into its result: for an
    /// entry of the built-in catalog they are named by its index (a copy touches no reference
    /// count), for any other held by reference (`CopyOnWrite`: one reference copies faster than
    /// three strings).
    fileprivate var label: LabelReference
    fileprivate struct Label: Sendable, Equatable {
        var name: String
        var provenance: Provenance
    }
    fileprivate enum LabelReference: Sendable, Equatable {
        case catalog(Int)
        case custom(CopyOnWrite<Label>)

        var value: Label {
            switch self {
            case let .catalog(index): return AcceleratorCatalog.all[index].label.value
            case let .custom(box): return box.value
            }
        }

        static func == (a: LabelReference, b: LabelReference) -> Bool {
            if case let .catalog(i) = a, case let .catalog(j) = b, i == j { return true }
            return a.value == b.value
        }
    }
    /// Changes the label (rarely: the label then becomes one of its own).
    private mutating func relabel(_ change: (inout Label) -> Void) {
        var value = label.value
        change(&value)
        label = .custom(CopyOnWrite(value))
    }
    public var name: String { get { label.value.name } set { relabel { $0.name = newValue } } }
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
    public var provenance: Provenance { get { label.value.provenance } set { relabel { $0.provenance = newValue } } }

    public init(id: String, name: String, chipPowerW: Double, itPowerPerAcceleratorW: Double, bf16DenseTflops: Double, massKg: Double, priceUsd: Double,
                coolantSupplyMaxK: Double, provenance: Provenance) {
        self.id = id
        label = .custom(CopyOnWrite(Label(name: name, provenance: provenance)))
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

    public static func named(_ id: String) -> Accelerator? {
        guard let index = all.firstIndex(where: { $0.id == id }) else { return nil }
        var entry = all[index]
        entry.label = .catalog(index)
        return entry
    }
}
