/// The accelerator and launch vehicle of a scenario after catalog look-up and overrides.
extension ComputeInputs {
    /// The catalog accelerator with this scenario's overrides applied.
    public func resolvedAccelerator() throws -> Accelerator {
        var catalog: Accelerator? = nil
        return try resolvedAccelerator(catalog: &catalog)
    }

    /// The same, keeping the catalog entry for the next call (a study's points share it).
    func resolvedAccelerator(catalog: inout Accelerator?) throws -> Accelerator {
        if catalog?.id != accelerator {
            guard let a = AcceleratorCatalog.named(accelerator) else {
                throw ModelError(key: "compute.accelerator", "'\(accelerator)' is not in the accelerator catalog")
            }
            catalog = a
        }
        var a = catalog!
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
        var catalog: LaunchVehicle? = nil
        return try resolved(catalog: &catalog)
    }

    /// The same, keeping the catalog entry for the next call.
    func resolved(catalog: inout LaunchVehicle?) throws -> (vehicle: LaunchVehicle, costPerKg: Double) {
        if catalog?.id != vehicle {
            guard let v = LaunchVehicleCatalog.named(vehicle) else {
                throw ModelError(key: "launch.vehicle", "'\(vehicle)' is not in the launch catalog")
            }
            catalog = v
        }
        var v = catalog!
        if let p = payloadKg { v.payloadKg = p }
        if let p = priceUsd { v.priceUsd = p }
        return (v, costPerKgUsd ?? v.costPerKgUsd)
    }
}
