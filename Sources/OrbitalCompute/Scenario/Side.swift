/// Which scenario of an orbit-against-ground pair a key written on the command line goes to: the
/// one resolver of `--set`, `--vary`, `--solve` and declared uncertainties.
///
/// A key may carry a side prefix: `orbital:KEY` (the orbital scenario), `ground:KEY` (the
/// terrestrial one) or `both:KEY` (one value written to both, e.g. `both:finance.discount_rate`).
/// Unprefixed, a key goes to the primary scenario if it has it, else to the ground; a key that
/// describes the same accelerators or the same training job on both sides (`sameHardwareKeys`)
/// goes to both when both have it, so that one value (one draw, one tornado bar) moves both.
public enum Side: String, Sendable, CaseIterable {
    case orbital, ground, both

    /// Splits a side prefix off a key: `ground:facility.pue` → (`.ground`, `facility.pue`); an
    /// unprefixed key gives (nil, key). Spaces around the key are trimmed.
    public static func split(_ written: String) -> (side: Side?, key: String) {
        var key = written.trimmingCharacters(in: .whitespaces)
        var side: Side?
        for s in Side.allCases where key.hasPrefix(s.rawValue + ":") {
            side = s
            key = String(key.dropFirst(s.rawValue.count + 1))
        }
        return (side, key)
    }

    /// Inputs that describe the same accelerators on both sides: unprefixed, they are written to
    /// both (one draw, one tornado bar); `orbital:` or `ground:` splits them.
    public static let sameHardwareKeys: Set<String> = [
        "reliability.accelerator_failure_rate_per_year", "compute.accelerator_price_usd",
        "compute.accelerator_power_w", "compute.it_power_per_accelerator_w", "compute.accelerator_mass_kg",
        "compute.bf16_dense_tflops",
        // The reference training job and the analyst's efficiency threshold are one choice for both sides (issue 14).
        "training.model_parameters", "training.tokens_per_step", "training.gradient_bytes_per_parameter",
        "training.compute_utilization", "training.overlap_fraction", "training.microbatch_tokens", "training.efficiency_threshold",
    ]

    /// Why a key goes to no scenario.
    public enum Refusal: Error, Sendable, Equatable {
        /// `orbital:KEY` where the primary scenario is not orbital or has no such key.
        case notOrbital
        /// `ground:KEY` with no ground side to write it to.
        case noGround
        /// `ground:KEY` where the ground has no such key.
        case notGround
        /// `both:KEY` where one side lacks the key.
        case notBoth
        /// An unprefixed key that neither scenario has.
        case neither
    }

    /// The scenarios a key goes to.
    public struct Targets: Sendable, Equatable {
        /// The primary scenario (the orbital one of a pair, or a lone scenario of either kind).
        public var primary: Bool
        /// The terrestrial scenario compared with an orbital primary.
        public var ground: Bool
    }

    /// The rule: where `key`, written with `side` (nil: unprefixed), goes.
    /// - Parameters:
    ///   - primaryKind: the kind of the primary scenario.
    ///   - primaryHas: the primary scenario has a parameter `key`.
    ///   - groundHas: there is a ground scenario (beside an orbital primary) and it has `key`.
    ///   - hasGround: there is a ground scenario beside the primary.
    public static func targets(_ side: Side?, key: String, primaryKind: ScenarioKind, primaryHas: Bool,
                               groundHas: Bool, hasGround: Bool) -> Result<Targets, Refusal> {
        switch side {
        case .orbital?:
            guard primaryKind == .orbital, primaryHas else { return .failure(.notOrbital) }
            return .success(Targets(primary: true, ground: false))
        case .ground?:
            if primaryKind == .terrestrial {
                return primaryHas ? .success(Targets(primary: true, ground: false)) : .failure(.notGround)
            }
            guard hasGround else { return .failure(.noGround) }
            return groundHas ? .success(Targets(primary: false, ground: true)) : .failure(.notGround)
        case .both?:
            guard primaryHas, groundHas else { return .failure(.notBoth) }
            return .success(Targets(primary: true, ground: true))
        case nil:
            // The same hardware on both sides is one quantity: written to both.
            if primaryKind == .orbital, primaryHas, groundHas, sameHardwareKeys.contains(key) { return .success(Targets(primary: true, ground: true)) }
            if primaryHas { return .success(Targets(primary: true, ground: false)) }
            if groundHas { return .success(Targets(primary: false, ground: true)) }
            return .failure(.neither)
        }
    }
}
