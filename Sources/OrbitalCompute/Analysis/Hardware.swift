/// The accelerator and launch vehicle of a scenario after catalog look-up and overrides.
extension ComputeInputs {
    /// The catalog accelerator with this scenario's overrides applied.
    public func resolvedAccelerator() throws -> Accelerator {
        var catalog: (id: String, entry: Accelerator)? = nil
        return try resolvedAccelerator(catalog: &catalog)
    }

    /// The same, keeping the catalog entry and its id for the next call (a study's points share it).
    func resolvedAccelerator(catalog: inout (id: String, entry: Accelerator)?) throws -> Accelerator {
        if catalog?.id != accelerator {
            guard let a = AcceleratorCatalog.named(accelerator) else {
                throw ModelError(key: "compute.accelerator", "'\(accelerator)' is not in the accelerator catalog")
            }
            catalog = (accelerator, a)
        }
        var a = catalog!.entry
        if let v = acceleratorPowerW { a.chipPowerW = v }
        if let v = itPowerPerAcceleratorW { a.itPowerPerAcceleratorW = v }
        if let v = acceleratorMassKg { a.massKg = v }
        if let v = acceleratorPriceUsd { a.priceUsd = v }
        if let v = bf16DenseTflops { a.bf16DenseTflops = v }
        if let v = coolantSupplyMaxK { a.coolantSupplyMaxK = v }
        return a
    }
}

extension OrbitalInputs.Launch {
    /// The catalog vehicle with overrides; `costPerKg` is the effective price per kg.
    public func resolved() throws -> (vehicle: LaunchVehicle, costPerKg: Double) {
        var catalog: CatalogTerms? = nil
        let terms = try self.terms(catalog: &catalog)
        guard var v = LaunchVehicleCatalog.named(vehicle) else { throw unknownVehicle }
        v.payloadKg = terms.payloadKg
        v.priceUsd = terms.priceUsd
        return (v, terms.costPerKg)
    }

    /// The catalog vehicle's numbers a launch plan needs (no names or sources to copy).
    struct CatalogTerms: Sendable { var id: String; var payloadKg, priceUsd: Double }

    /// Payload and price per launch after overrides, and the effective price per kg; `catalog`
    /// keeps the catalog's numbers for the next call (a study's points all ask).
    func terms(catalog: inout CatalogTerms?) throws -> (payloadKg: Double, priceUsd: Double, costPerKg: Double) {
        let entry: CatalogTerms
        if let kept = catalog, kept.id == vehicle { entry = kept } else {
            guard let v = LaunchVehicleCatalog.named(vehicle) else { throw unknownVehicle }
            entry = CatalogTerms(id: v.id, payloadKg: v.payloadKg, priceUsd: v.priceUsd)
            catalog = entry
        }
        let payload = payloadKg ?? entry.payloadKg, price = priceUsd ?? entry.priceUsd
        return (payload, price, costPerKgUsd ?? price / payload)
    }

    private var unknownVehicle: ModelError { ModelError(key: "launch.vehicle", "'\(vehicle)' is not in the launch catalog") }
}
