import Foundation

/// Output formats shared by every verb.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, markdown
}

/// Renders one or more named results side by side.
public enum Render {
    /// One result, or several as columns (table, Markdown, CSV) or an array (JSON).
    public static func results(_ named: [(String, ResultValue)], format: OutputFormat) -> String {
        switch format {
        case .json:
            if named.count == 1 { return named[0].1.json() + "\n" }
            return ResultValue.array(named.map(\.1)).json() + "\n"
        case .csv:
            let rows = mergedRows(named)
            var out = "key,unit," + named.map { csvField($0.0) }.joined(separator: ",") + "\n"
            for (key, values) in rows {
                out += csvField(key) + "," + csvField(unitOfKey(key)) + "," + values.map { csvField($0?.plainText ?? "") }.joined(separator: ",") + "\n"
            }
            return out
        case .markdown:
            let rows = mergedRows(named)
            var out = "| key | unit | " + named.map { $0.0 }.joined(separator: " | ") + " |\n"
            out += "|---|---|" + named.map { _ in "---:|" }.joined() + "\n"
            for (key, values) in rows {
                out += "| `\(key)` | \(unitOfKey(key)) | " + values.map { ($0?.displayText ?? "").replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
            }
            return out
        case .table:
            // Free-text descriptions would widen every column: they head the table instead.
            let preamble = named.compactMap { name, value in value["description"].map { "# \(name): \($0.plainText)\n" } }.joined()
            let rows = mergedRows(named).filter { $0.0 != "description" }
            let header = ["key", "unit"] + named.map(\.0)
            let body = rows.map { [$0.0, unitOfKey($0.0)] + $0.1.map { $0?.displayText ?? "" } }
            return preamble + table(header: header, rows: body, rightAlignedFrom: 2)
        }
    }

    /// Aligned plain-text table.
    public static func table(header: [String], rows: [[String]], rightAlignedFrom: Int = 1) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return i >= rightAlignedFrom ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }

    static func mergedRows(_ named: [(String, ResultValue)]) -> [(String, [ResultValue?])] {
        var order: [String] = []
        var seen = Set<String>()
        let flat = named.map { Dictionary($0.1.flattened(), uniquingKeysWith: { a, _ in a }) }
        for (_, value) in named { for (k, _) in value.flattened() where !seen.contains(k) { seen.insert(k); order.append(k) } }
        return order.map { key in (key, flat.map { $0[key] }) }
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// Writes a file atomically: to a temporary file in the same folder, then renamed into place,
/// so a failure never leaves a partial output.
public func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    guard FileManager.default.fileExists(atPath: folder.path) else {
        throw ScenarioError(file: path, "the folder \(folder.path) does not exist")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    do {
        try Data(text.utf8).write(to: temporary)
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw ScenarioError(file: path, "cannot be written: \(error.localizedDescription)")
    }
    // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt fails on Linux
    // when the destination exists, and can leave neither file behind.)
    if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw ScenarioError(file: path, "cannot be written: \(reason)")
    }
}

/// The one envelope of every JSON document the tool writes, so a saved result says which tool,
/// version and schema made it: `{"tool", "version", "schema_version", "verb", "result"}`.
public enum Envelope {
    public static let keys = ["tool", "version", "schema_version", "verb", "result"]

    public static func wrap(verb: String, _ result: ResultValue) -> ResultValue {
        .object([
            ("tool", .text("orbital")), ("version", .text(OrbitalVersion.tool)),
            ("schema_version", .integer(OrbitalVersion.schema)), ("verb", .text(verb)), ("result", result),
        ])
    }

    /// The document as pretty JSON text with a final newline.
    public static func json(verb: String, _ result: ResultValue) -> String {
        wrap(verb: verb, result).json() + "\n"
    }
}
