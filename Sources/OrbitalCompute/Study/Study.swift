import Foundation

/// The common ground of sweeps, Monte Carlo, sensitivity and timelines: a primary scenario
/// (orbital or terrestrial), an optional terrestrial comparator for cost ratios, the inputs a
/// study varies, and the metrics it reports.
///
/// Keys name a parameter of either side. Unprefixed, a key belongs to the primary scenario if it
/// has it, else to the ground (the same hardware, `sameHardwareKeys`, goes to both). Prefixes pick the side explicitly: `orbital:KEY`, `ground:KEY`, or
/// `both:KEY` (one value written to both sides, e.g. `both:finance.discount_rate`).
public struct StudySetup: Sendable {
    public let primary: Scenario
    public let ground: Scenario?
    let baseOrbital: OrbitalInputs?
    let baseTerrestrial: TerrestrialInputs?
    /// The metric columns, in output order (`selecting(columns:)` chooses others).
    public internal(set) var columns: [StudyColumn] = []

    public init(primary: Scenario, ground: Scenario? = nil) throws {
        if let ground {
            guard primary.kind == .orbital else {
                throw ScenarioError(file: primary.origin, key: "kind", "a cost ratio needs an orbital scenario against a terrestrial one", accepted: "orbital SCENARIO --against TERRESTRIAL")
            }
            guard ground.kind == .terrestrial else {
                throw ScenarioError(file: ground.origin, key: "kind", "the comparator must be a terrestrial scenario")
            }
        }
        self.primary = primary
        self.ground = ground
        baseOrbital = primary.kind == .orbital ? try primary.orbitalInputs() : nil
        baseTerrestrial = primary.kind == .terrestrial ? try primary.terrestrialInputs() : try ground?.terrestrialInputs()
        columns = StudySetup.defaultColumns(primary: baseOrbital != nil ? .orbital : .terrestrial, hasRatio: baseOrbital != nil && baseTerrestrial != nil)
    }

    /// True when a cost ratio (orbit over ground) is reported.
    public var hasRatio: Bool { baseOrbital != nil && baseTerrestrial != nil }

    /// The metric columns, in output order.
    public var metrics: [String] { columns.map(\.name) }

    /// The metric a study ranks inputs by: the cost ratio when there is a ground side, else the
    /// levelized cost per PFLOP-hour.
    public var headlineMetric: String { hasRatio ? "cost_ratio" : "cost_per_pflop_hour_usd" }

    /// Inputs that describe the same accelerators on both sides (`Side.sameHardwareKeys`).
    public static var sameHardwareKeys: Set<String> { Side.sameHardwareKeys }

    /// The side and parameter key of a study column (`ground:KEY` is the ground's; an unprefixed
    /// column is the primary side's).
    public static func sideAndKey(column: String) -> (ScenarioKind, String) {
        let (side, key) = Side.split(column)
        return side == .ground ? (.terrestrial, key) : (.orbital, key)
    }

    /// Resolves a (possibly prefixed) key to the parameter(s) it writes, by the rule of
    /// `Side.targets` (the one `--set` uses).
    public func resolve(_ written: String, origin: String = "--vary") throws -> StudyInput {
        let (side, key) = Side.split(written)
        let o = baseOrbital != nil ? ParameterTable.orbital[key] : nil
        let t = baseTerrestrial != nil ? ParameterTable.terrestrial[key] : nil
        func unknown(_ why: String) -> ScenarioError {
            if o == nil && t == nil && ParameterTable.orbital[key] == nil && ParameterTable.terrestrial[key] == nil {
                let kind = baseOrbital != nil ? ScenarioKind.orbital : .terrestrial
                let hint = Scenario.closestKey(to: key, in: kind).map { "did you mean \($0)?" } ?? "see `orbital explain`"
                return ScenarioError(file: origin, key: written, "unknown key", accepted: hint)
            }
            return ScenarioError(file: origin, key: written, why, accepted: "see `orbital explain`; prefix with orbital:, ground: or both:")
        }
        let orbitalPrimary = baseOrbital != nil
        switch Side.targets(side, key: key, primaryKind: primary.kind, primaryHas: orbitalPrimary ? o != nil : t != nil,
                            groundHas: orbitalPrimary && t != nil, hasGround: orbitalPrimary && baseTerrestrial != nil) {
        case let .failure(refusal):
            switch refusal {
            case .notOrbital: throw unknown("is not a parameter of the orbital side")
            case .noGround: throw unknown("there is no ground side (give --against)")
            case .notGround: throw unknown("is not a parameter of the ground side")
            case .notBoth: throw unknown("both: needs a key that both sides have")
            case .neither: throw unknown("is not a parameter of this study's scenarios")
            }
        case let .success(to):
            let useO = orbitalPrimary && to.primary
            let useT = orbitalPrimary ? to.ground : to.primary
            let info = useO ? ParameterInfo(o!, kind: .orbital) : ParameterInfo(t!, kind: .terrestrial)
            return StudyInput(key: written, parameterKey: key, info: info, orbital: useO ? o : nil, terrestrial: useT ? t : nil)
        }
    }

    /// The base inputs of each side with `values` (in `inputs` order, already validated) written
    /// to the fields their parameters bind: the input binding of every study, `breakeven` and
    /// `compare`'s same-window figure. A side without a scenario is nil.
    public func inputs(_ inputs: [StudyInput], values: [ParameterValue]) -> (orbital: OrbitalInputs?, terrestrial: TerrestrialInputs?) {
        var o = baseOrbital, t = baseTerrestrial
        for (input, v) in zip(inputs, values) {
            if let p = input.orbital, o != nil { p.apply(v, to: &o!) }
            if let p = input.terrestrial, t != nil { p.apply(v, to: &t!) }
        }
        return (o, t)
    }

    /// Checks that `value` is accepted for `input`, and that the scenarios stay consistent with it
    /// (no exclusive pair such as it_power_w with accelerator_count).
    public func validate(_ value: ParameterValue, for input: StudyInput, origin: String = "--vary") throws {
        if let reason = input.info.rejection(of: value) {
            throw ScenarioError(file: origin, key: input.key, reason, accepted: input.info.acceptedText)
        }
        if input.orbital != nil || (input.terrestrial != nil && primary.kind == .terrestrial) {
            var s = primary
            try s.set(input.parameterKey, value)
            try check(s, input, origin)
        }
        if input.terrestrial != nil, primary.kind == .orbital, var g = ground {
            try g.set(input.parameterKey, value)
            try check(g, input, origin)
        }
    }

    private func check(_ s: Scenario, _ input: StudyInput, _ origin: String) throws {
        do { try s.checkConsistency() } catch let e as ScenarioError {
            throw ScenarioError(file: origin, key: input.key, e.message, accepted: e.accepted)
        }
    }

    /// The value of an input in the base scenarios (the primary side first).
    public func baseValue(of input: StudyInput) -> ParameterValue? {
        if let p = input.orbital, let x = baseOrbital { return p.value(in: x) }
        if let p = input.terrestrial, let x = baseTerrestrial { return p.value(in: x) }
        return nil
    }

    /// A numeric base value, with the launch price per kg that a vehicle implies when
    /// `launch.cost_per_kg_usd` is not given.
    public func numericBase(of input: StudyInput) -> Double? {
        if case let .number(x)? = baseValue(of: input) { return x }
        if input.parameterKey == "launch.cost_per_kg_usd", let o = baseOrbital, let launch = try? o.launch.resolved() { return launch.costPerKg }
        return nil
    }
}

/// One varied input: the parameter it writes on each side.
public struct StudyInput: @unchecked Sendable {
    /// The key as written (with its prefix, if any): the column name.
    public let key: String
    public let parameterKey: String
    public let info: ParameterInfo
    let orbital: Parameter<OrbitalInputs>?
    let terrestrial: Parameter<TerrestrialInputs>?

    public var isNumeric: Bool { info.domain.isNumeric }

    /// The accepted interval of a numeric input (nil for a choice).
    public var bounds: Bounds? {
        switch info.domain {
        case let .real(b), let .integer(b): return b
        case .choice: return nil
        }
    }

    /// Clamps a draw into the accepted range (open ends kept open by a relative 1e-9), and rounds
    /// whole-number inputs.
    public func clamp(_ x: Double) -> Double { clamper.apply(x) }

    /// The clamp as plain numbers, for hot loops (`Bounds.clamp`, the one clamp).
    public var clamper: Clamp {
        guard let b = bounds else { return Clamp(lower: -.infinity, upper: .infinity, integer: false) }
        if case .integer = info.domain { return b.clamp(integer: true) }
        return b.clamp()
    }
}

/// A parameter's field for fast writes in hot loops: its byte offset in the inputs (every
/// parameter's key path is a chain of stored properties, `CommonInputs.computePath` and the
/// like, so `MemoryLayout.offset(of:)` finds it), else its key path.
enum FieldSetter<Inputs> {
    case stored(StoredSetter)
    case numberPath(WritableKeyPath<Inputs, Double>, SIScale)
    case optionalPath(WritableKeyPath<Inputs, Double?>, SIScale)
    case other
    init(_ p: Parameter<Inputs>?) {
        switch p?.binding {
        case let .number(path, si)?:
            self = MemoryLayout<Inputs>.offset(of: path).map { .stored(StoredSetter(offset: $0, factor: si.factor, optional: false)) } ?? .numberPath(path, si)
        case let .optionalNumber(path, si)?:
            self = MemoryLayout<Inputs>.offset(of: path).map { .stored(StoredSetter(offset: $0, factor: si.factor, optional: true)) } ?? .optionalPath(path, si)
        default: self = .other
        }
    }

    /// True when writes are plain stores at an offset.
    var isStored: Bool { if case .stored = self { return true } else { return false } }

    @inline(__always) func set(_ x: Double, in inputs: inout Inputs) {
        switch self {
        case let .stored(s): withUnsafeMutableBytes(of: &inputs) { s.set(x, at: $0.baseAddress!) }
        case let .numberPath(path, si): inputs[keyPath: path] = si.toSI(x)
        case let .optionalPath(path, si): inputs[keyPath: path] = si.toSI(x)
        case .other: break
        }
    }
}

/// A stored `Double` or `Double?` field: its byte offset and SI factor (plain numbers, for a
/// loop that writes every input of a point).
struct StoredSetter {
    let offset: Int, factor: Double, optional: Bool
    /// Writes the SI value of `x` into inputs at `base`.
    @inline(__always) func set(_ x: Double, at base: UnsafeMutableRawPointer) {
        let si = SIScale.toSI(x, factor: factor)
        if optional { base.storeBytes(of: Optional(si), toByteOffset: offset, as: Double?.self) }
        else { base.storeBytes(of: si, toByteOffset: offset, as: Double.self) }
    }
}

/// Evaluates study points. Not thread-safe: one per worker (it owns the scratch state of the
/// points it evaluates: the model's per-layout memo, the ground result when the ground does not
/// vary, the metric buffer). A numeric point (`evaluate(numbers:)`) allocates nothing.
public final class StudyEvaluator {
    public let setup: StudySetup
    public let inputs: [StudyInput]
    public let model: OrbitalModel
    /// Metric values of the last successful evaluation, in `setup.metrics` order.
    // The evaluator is one worker's and never shared, so the per-point accesses to its state skip
    // the runtime's exclusivity bookkeeping (about 150 instructions a point).
    @exclusivity(unchecked) public private(set) var metrics: [Double]
    private let groundVaries: Bool
    private var groundCache: TerrestrialResult?
    @exclusivity(unchecked) private var memo = OrbitalModel.Memo()
    private let sources: [StudyColumn.Source]
    /// The orbital loop's view of `sources`: what each column is, where a stored orbital output
    /// lies in the result, and the other orbital columns' accessors (read in place: unpacking an
    /// enum case copies its accessor's closures).
    private enum OrbitalColumnKind { case stored, orbital, ratio, ground, groundCost, none }
    private let orbitalKinds: [OrbitalColumnKind]
    private let storedNumbers: [StoredNumber]
    /// The columns that are one stored `Double` of the result (most): where each lies, read in a
    /// plain loop; `otherColumns`, the rest, go through `orbitalKinds`.
    private struct PlainColumn { let metric: Int, offset: Int }
    private let plainColumns: [PlainColumn]
    private let otherColumns: [Int]
    private let orbitalAccessors: [Output.Accessor<OrbitalResult>]
    /// True when some orbital column is not a stored field (its accessor needs the result as a value).
    private let readsOrbitalByValue: Bool
    private let needsGround: Bool

    /// - Parameter thermalTransient: false skips the periodic radiator transient
    ///   (`OrbitalModel.computesTransient`): temperature_max_k is then NaN; no cost changes.
    public init(setup: StudySetup, inputs: [StudyInput], thermalTransient: Bool = true) {
        model = OrbitalModel(computesTransient: thermalTransient)
        self.setup = setup
        self.inputs = inputs
        metrics = [Double](repeating: .nan, count: setup.columns.count)
        groundVaries = setup.primary.kind == .orbital && inputs.contains { $0.terrestrial != nil }
        let setters = inputs.map { FieldSetter($0.orbital) }
        orbitalSetters = setters
        let storedOnes = setters.compactMap { if case let .stored(s) = $0 { return s } else { return nil } }
        storedSetters = storedOnes.count == setters.count ? storedOnes : nil
        optionalMetric = setup.columns.map(\.mayBeUndefined)
        groundSetters = inputs.map { FieldSetter($0.terrestrial) }
        if let o = setup.baseOrbital { currentOrbital = .allocate(capacity: 1); currentOrbital!.initialize(to: o) } else { currentOrbital = nil }
        if let t = setup.baseTerrestrial { currentTerrestrial = .allocate(capacity: 1); currentTerrestrial!.initialize(to: t) } else { currentTerrestrial = nil }
        sources = setup.columns.map(\.source)
        orbitalKinds = sources.map {
            switch $0 {
            case let .orbital(a): return a.stored != nil ? .stored : .orbital
            case .costRatio: return .ratio
            case .ground: return .ground
            case .groundCostPerPflopHour: return .groundCost
            case .terrestrial: return .none
            }
        }
        storedNumbers = sources.map { if case let .orbital(a) = $0, let stored = a.stored { return stored } else { return StudyEvaluator.headline } }
        let stored = storedNumbers, isPlain = zip(orbitalKinds, stored).map { $0 == .stored && $1.field == .double }
        plainColumns = stored.indices.filter { isPlain[$0] }.map { PlainColumn(metric: $0, offset: stored[$0].offset) }
        otherColumns = stored.indices.filter { !isPlain[$0] }
        orbitalAccessors = sources.map { if case let .orbital(a) = $0 { return a } else { return Output.Accessor(value: { _ in nil }, number: nil) } }
        readsOrbitalByValue = orbitalKinds.contains(.orbital)
        memo.persistent = true
        memo.fixed = OrbitalModel.Memo.fixed(varying: inputs.compactMap { $0.orbital.map(\.writtenBytes) })
        memo.fabricDetail = setup.columns.contains { column in
            if case .orbital = column.source { return column.output?.path.hasPrefix("fabric.") ?? false } else { return false }
        }
        repricing = inputs.allSatisfy { $0.orbital == nil || OrbitalModel.priceKeys.contains($0.parameterKey) }
        needsGround = setup.baseOrbital != nil && setup.baseTerrestrial != nil && setup.columns.contains {
            switch $0.source { case .orbital, .terrestrial: return false; default: return true }
        }
    }

    /// Whether this evaluator's fabric computes what only its outputs read (a column reads a `fabric.` output).
    var computesFabricDetail: Bool { memo.fabricDetail }

    /// Takes back what the last point lent its result, as the next point does first, and says
    /// whether the memo then holds the faces, the network geometry, the cost lines and the
    /// fabric's box (lent only when a column reads the fabric) again.
    func reclaimLentParts() -> (faces: Bool, network: Bool, costLines: Bool, fabricBox: Bool) {
        if hasResult { memo.reclaim(from: &result.pointee) }
        return (memo.faces.kept != nil, memo.network.kept != nil, !memo.costLines.isEmpty, memo.fabricBox != nil)
    }

    private let orbitalSetters: [FieldSetter<OrbitalInputs>]
    /// When every input is a stored field of the orbital inputs (most studies): their setters, as
    /// plain numbers written in one loop; nil otherwise (`orbitalSetters`).
    private let storedSetters: [StoredSetter]?
    /// The inputs of the numeric path, kept between points: every varied field is written each
    /// point, the rest never changes (no copy of the whole inputs per point).
    /// (Owned storage rather than properties: a property passed to the model would be copied.)
    private let currentOrbital: UnsafeMutablePointer<OrbitalInputs>?
    private let currentTerrestrial: UnsafeMutablePointer<TerrestrialInputs>?

    /// True when every varied orbital input is a price (`OrbitalModel.priceKeys`): points after
    /// the first reprice the last result (`OrbitalModel.reprice`).
    private let repricing: Bool
    /// The last orbital result (owned storage: evaluated into, repriced in place, and read there
    /// by the stored columns).
    private let result = UnsafeMutablePointer<OrbitalResult>.allocate(capacity: 1)
    @exclusivity(unchecked) private var hasResult = false
    /// Where the cost ratio's numerator lies in the result.
    private static let headline = StoredNumber(offset: MemoryLayout<OrbitalResult>.offset(of: \OrbitalResult.levelized.costPerPflopHourUsd)!, field: .double)

    deinit {
        if hasResult { result.deinitialize(count: 1) }
        result.deallocate()
        currentOrbital?.deinitialize(count: 1); currentOrbital?.deallocate()
        currentTerrestrial?.deinitialize(count: 1); currentTerrestrial?.deallocate()
    }
    /// The ground's metric values when the ground does not vary (computed once).
    @exclusivity(unchecked) private var groundConstants: [Double]?
    /// Metrics that may be NaN for a valid point (the radiator transient when it is off, …).
    private let optionalMetric: [Bool]
    private let groundSetters: [FieldSetter<TerrestrialInputs>]

    /// Evaluates one point (values in `inputs` order); the metrics land in `metrics`.
    /// Throws `ModelError` (or a GSL error) when the model rejects the point.
    public func evaluate(_ values: [ParameterValue]) throws {
        try evaluateUnchecked(values)
        try checkFinite()
    }

    private func evaluateUnchecked(_ values: [ParameterValue]) throws {
        if var o = setup.baseOrbital {
            for (input, v) in zip(inputs, values) { if let p = input.orbital { p.apply(v, to: &o) } }
            if hasResult { memo.reclaim(from: &result.pointee); result.deinitialize(count: 1); hasResult = false }
            try model.evaluate(o, memo: &memo, into: result)
            hasResult = true
            let g = needsGround && groundVaries ? try groundResult { t in for (input, v) in zip(inputs, values) { if let p = input.terrestrial { p.apply(v, to: &t) } } } : nil
            try writeOrbital(ground: g)
        } else {
            var t = setup.baseTerrestrial!
            for (input, v) in zip(inputs, values) { if let p = input.terrestrial { p.apply(v, to: &t) } }
            write(try TerrestrialModel.evaluate(t))
        }
    }

    /// Numeric fast path (every input numeric).
    public func evaluate(numbers: [Double]) throws {
        try evaluateUnchecked(numbers: numbers)
        try checkFinite()
    }

    /// Every metric is finite (one that may be undefined may be NaN), or the point fails with the
    /// metrics named: a sweep row or a draw never carries a silent non-number.
    @inline(__always)
    func checkFinite() throws {
        for j in 0..<metrics.count where !metrics[j].isFinite && !(metrics[j].isNaN && optionalMetric[j]) {
            throw ModelError(key: setup.metrics[j], "is not a finite number for this point: an input is too close to the end of its range for the model")
        }
    }

    private func evaluateUnchecked(numbers: [Double]) throws {
        if let o = currentOrbital {
            if let stored = storedSetters {
                let base = UnsafeMutableRawPointer(o)
                stored.withUnsafeBufferPointer { s in for k in 0..<s.count { s[k].set(numbers[k], at: base) } }
            } else {
                for k in 0..<numbers.count { orbitalSetters[k].set(numbers[k], in: &o.pointee) }
            }
            try evaluateOrbital(&o.pointee, numbers)
        } else {
            let t = currentTerrestrial!
            for k in 0..<numbers.count { groundSetters[k].set(numbers[k], in: &t.pointee) }
            write(try TerrestrialModel.evaluate(t.pointee))
        }
    }

    @inline(__always)
    /// - Parameter x: the point's inputs, `inout` only so that they are read where they lie in
    ///   their storage (a value read through the pointer would be copied, references and all);
    ///   they are not changed.
    private func evaluateOrbital(_ x: inout OrbitalInputs, _ numbers: [Double]) throws {
        if repricing && hasResult {
            // Only prices vary: the first point's physical steps hold for every point. The result
            // is repriced where it lies (an inout access through the pointer, no copy).
            try model.reprice(x, &result.pointee, memo: &memo)
        } else {
            // The last result goes first, once the memo has taken back the buffers it handed over.
            if hasResult { memo.reclaim(from: &result.pointee); result.deinitialize(count: 1); hasResult = false }
            try model.evaluate(x, memo: &memo, into: result)
            hasResult = true
        }
        // Two calls rather than one with an optional ground: a nil made at run time is still a
        // ground result's worth of bytes to copy.
        if needsGround && groundVaries {
            try writeOrbital(ground: try groundResult { t in for k in 0..<numbers.count { groundSetters[k].set(numbers[k], in: &t) } })
        } else {
            try writeOrbital(ground: nil)
        }
    }

    /// The metrics of the result in `result`: stored orbital outputs read in place; the ground's
    /// from `g` when the ground varies, else from values computed once.
    @inline(__always)
    private func writeOrbital(ground g: TerrestrialResult?) throws {
        if g == nil && needsGround && groundConstants == nil {
            let ground = try groundResult { _ in }
            groundConstants = sources.map {
                switch $0 {
                case let .ground(a): return a.number!(ground)
                case .groundCostPerPflopHour, .costRatio: return ground.costPerPflopHourUsd
                default: return .nan
                }
            }
        }
        let base = UnsafeRawPointer(result)
        metrics.withUnsafeMutableBufferPointer { m in
            plainColumns.withUnsafeBufferPointer { plain in
                for c in plain { m[c.metric] = base.load(fromByteOffset: c.offset, as: Double.self) }
            }
            for j in otherColumns {
                switch orbitalKinds[j] {
                case .stored: m[j] = storedNumbers[j].read(base)
                case .orbital: break  // below
                case .ratio: m[j] = StudyEvaluator.headline.read(base) / (g?.costPerPflopHourUsd ?? groundConstants![j])
                case .groundCost: m[j] = g?.costPerPflopHourUsd ?? groundConstants![j]
                case .ground:
                    if let g, case let .ground(a) = sources[j] { m[j] = a.number!(g) } else { m[j] = groundConstants![j] }
                case .none: m[j] = .nan
                }
            }
        }
        guard readsOrbitalByValue else { return }
        // Columns that are no single stored field take the result as a value: moved out of its
        // storage and back (a value read through the pointer would be copied, references and all).
        let r = result.move()
        metrics.withUnsafeMutableBufferPointer { m in
            for j in 0..<m.count where orbitalKinds[j] == .orbital { m[j] = orbitalAccessors[j].number!(r) }
        }
        result.initialize(to: consume r)
    }

    @inline(__always)
    private func write(_ t: TerrestrialResult) {
        metrics.withUnsafeMutableBufferPointer { m in
            for j in 0..<sources.count {
                if case let .terrestrial(a) = sources[j] { m[j] = a.number!(t) } else { m[j] = .nan }
            }
        }
    }

    private func groundResult(_ apply: (inout TerrestrialInputs) -> Void) throws -> TerrestrialResult {
        if !groundVaries, let hit = groundCache { return hit }
        var t = setup.baseTerrestrial!
        if groundVaries { apply(&t) }
        let g = try TerrestrialModel.evaluate(t)
        if !groundVaries { groundCache = g }
        return g
    }
}

/// A model error as one line for an output row (no commas or quotes needed in CSV).
func errorText(_ error: Error) -> String {
    "\(error)".replacingOccurrences(of: "\n", with: " ")
}
