import Foundation

/// Resuming an interrupted sweep: the fingerprint beside its output, and the checks that the file is
/// this sweep's own before anything is appended.
extension Sweep {
    /// Prepares `path` to continue an interrupted run of `plan`: drops a partial last line and
    /// returns how many rows are complete (a missing or empty file: 0 rows, the header written).
    /// Nothing is changed until the file is shown to be this sweep's own: its fingerprint file
    /// (`SweepPlan.fingerprintPath`) must match the plan, and its header and last complete row
    /// must be the plan's.
    public static func resume(_ plan: SweepPlan, path: String, toolVersion: String) throws -> Int {
        let fm = FileManager.default
        let header = plan.header ?? ""
        let fingerprint = plan.fingerprint(toolVersion: toolVersion)
        let fingerprintPath = SweepPlan.fingerprintPath(of: path)
        if !fm.fileExists(atPath: path) || ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0 {
            try writeAtomically(fingerprint, to: fingerprintPath)
            try Data(header.utf8).write(to: URL(fileURLWithPath: path))
            return 0
        }
        guard let recorded = try? String(contentsOfFile: fingerprintPath, encoding: .utf8) else {
            throw ScenarioError(file: path, "has no sweep fingerprint (\(fingerprintPath)): it was not written by orbital sweep, so --resume leaves it untouched",
                                accepted: "a file written by orbital sweep --output; another --output, or drop --resume to overwrite")
        }
        if recorded != fingerprint {
            func fields(_ text: String) -> [String: String] {
                var out: [String: String] = [:]
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                    if parts.count == 2 { out[parts[0]] = parts[1] }
                }
                return out
            }
            let old = fields(recorded), new = fields(fingerprint)
            let differing = new.keys.sorted().filter { old[$0] != new[$0] }
            throw ScenarioError(file: path, "was written by a different sweep (\(differing.isEmpty ? "fingerprint" : differing.joined(separator: ", ")) differ): --resume refuses to mix two sweeps",
                                accepted: "the same scenario, --set, --vary, --against, --shard, --format and orbital version; or another --output")
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw ScenarioError(file: path, "cannot be opened to resume") }
        defer { try? handle.close() }
        // Stream through the file: count newlines, remember where the last complete line starts.
        var lines = 0
        var offset: UInt64 = 0
        var lastLineEnd: UInt64 = 0, previousLineEnd: UInt64 = 0
        var firstLine = Data()
        var firstDone = false
        while true {
            let data = handle.readData(ofLength: 1 << 20)
            if data.isEmpty { break }
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                for (i, byte) in raw.enumerated() where byte == 0x0A {
                    lines += 1
                    previousLineEnd = lastLineEnd
                    lastLineEnd = offset + UInt64(i) + 1
                }
            }
            if !firstDone {
                if let nl = data.firstIndex(of: 0x0A) { firstLine.append(data[data.startIndex...nl]); firstDone = true } else { firstLine.append(data) }
            }
            offset += UInt64(data.count)
        }
        let headerLines = header.isEmpty ? 0 : 1
        if headerLines == 1 && lines > 0 {
            guard String(decoding: firstLine, as: UTF8.self) == header else {
                throw ScenarioError(file: path, "the header does not match this sweep: cannot resume (use another --output, or drop --resume)")
            }
        }
        let rows = max(0, lines - headerLines)
        guard rows <= plan.range.count else {
            throw ScenarioError(file: path, "has \(rows) rows but this shard has \(plan.range.count) points: cannot resume a different sweep")
        }
        if rows > 0 {
            try handle.seek(toOffset: previousLineEnd)
            let last = String(decoding: handle.readData(ofLength: Int(lastLineEnd - previousLineEnd)), as: UTF8.self)
            let expected = plan.rowPrefix(plan.values(of: plan.range.lowerBound + rows - 1))
            guard last.hasPrefix(expected) else {
                throw ScenarioError(file: path, "row \(rows) does not match this sweep's point \(plan.range.lowerBound + rows - 1): cannot resume a different sweep")
            }
        }
        // Verified: only now drop a partial last line (the run was killed in the middle of a write).
        if headerLines == 1 && lines == 0 {
            try handle.truncate(atOffset: 0)
            handle.write(Data(header.utf8))
            return 0
        }
        if lastLineEnd < offset { try handle.truncate(atOffset: lastLineEnd) }
        return rows
    }
}

extension SweepPlan {
    /// The fingerprint file beside a sweep's output (`FILE.sweep-id`): a sidecar, so that the
    /// output itself stays byte-identical to an unsharded run when shards are concatenated.
    public static func fingerprintPath(of output: String) -> String { output + ".sweep-id" }

    /// What makes this sweep this sweep, one `name value` line each: the tool version, the
    /// scenarios' effective values (file plus --set), the axes, the shard, the format and columns.
    /// Long parts are hashed (FNV-1a, 64 bits: an accidental-mismatch check, not a security one).
    public func fingerprint(toolVersion: String) -> String {
        func scenarioText(_ s: Scenario) -> String {
            s.kind.rawValue + ";" + s.values.keys.sorted().map { "\($0)=\(s.values[$0]!.exactText)" }.joined(separator: ";")
        }
        func axisText(_ a: SweepAxis) -> String {
            let values: String
            switch a.values {
            case let .linear(lo, hi, n): values = "linear:\(lo.bitPattern):\(hi.bitPattern):\(n)"
            case let .logarithmic(lo, hi, n): values = "log:\(lo.bitPattern):\(hi.bitPattern):\(n)"
            case let .list(items): values = "list:" + items.map(\.exactText).joined(separator: ",")
            }
            return a.input.key + "=" + values
        }
        return [
            "orbital-sweep 1",
            "version \(toolVersion)",
            "scenario \(fnv1a(scenarioText(setup.primary)))",
            "ground \(setup.ground.map { fnv1a(scenarioText($0)) } ?? "none")",
            "axes \(fnv1a(axes.map(axisText).joined(separator: "|")))",
            "shard \(shard.index)/\(shard.count)",
            "format \(format.rawValue)",
            "columns \(fnv1a(setup.metrics.joined(separator: ",")))",
        ].joined(separator: "\n") + "\n"
    }
}

extension ParameterValue {
    /// Text that distinguishes every value (numbers by their bits).
    var exactText: String {
        switch self {
        case let .number(x): return "n\(x.bitPattern)"
        case let .text(t): return "t" + t
        }
    }
}

/// FNV-1a, 64 bits, as 16 hex digits.
func fnv1a(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return String(h, radix: 16).leftPadded(to: 16)
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
