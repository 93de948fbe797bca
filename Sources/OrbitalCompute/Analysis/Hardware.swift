/// The accelerator and launch vehicle of a scenario after catalog look-up and overrides.
extension ComputeInputs {
    /// The catalog accelerator with this scenario's overrides applied.
    public func resolvedAccelerator() throws -> Accelerator {
        guard var a = AcceleratorCatalog.named(accelerator) else {
            throw ModelError(key: "compute.accelerator", "'\(accelerator)' is not in the accelerator catalog")
        }
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
        guard var v = LaunchVehicleCatalog.named(vehicle) else {
            throw ModelError(key: "launch.vehicle", "'\(vehicle)' is not in the launch catalog")
        }
        if let p = payloadKg { v.payloadKg = p }
        if let p = priceUsd { v.priceUsd = p }
        return (v, costPerKgUsd ?? v.costPerKgUsd)
    }
}
