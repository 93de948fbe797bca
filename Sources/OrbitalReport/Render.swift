import Foundation
import OrbitalCompute

/// Output formats shared by every verb.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, markdown
}

/// Renders one or more named results side by side.
extension Render {
    /// One result, or several as columns (table, Markdown, CSV) or an array (JSON).
    public static func results(_ named: [(String, ResultValue)], format: OutputFormat) -> String {
        var units: [String: String] = [:]
        for (_, value) in named { units.merge(AnalysisUnits.rows(of: value)) { a, _ in a } }
        func unit(_ path: String) -> String { units[path] ?? OutputTable.unit(ofPath: path) }
        switch format {
        case .json:
            if named.count == 1 { return named[0].1.json() + "\n" }
            return ResultValue.array(named.map(\.1)).json() + "\n"
        case .csv:
            let rows = mergedRows(named)
            var out = "key,unit," + named.map { csvField($0.0) }.joined(separator: ",") + "\n"
            for (key, values) in rows {
                out += csvField(key) + "," + csvField(unit(key)) + "," + values.map { csvField($0?.plainText ?? "") }.joined(separator: ",") + "\n"
            }
            return out
        case .markdown:
            let rows = mergedRows(named)
            var out = "| key | unit | " + named.map { markdownText($0.0) }.joined(separator: " | ") + " |\n"
            out += "|---|---|" + named.map { _ in "---:|" }.joined() + "\n"
            for (key, values) in rows {
                out += "| `\(key)` | \(unit(key)) | " + values.map { markdownText($0?.displayText ?? "") }.joined(separator: " | ") + " |\n"
            }
            return out
        case .table:
            // Free-text descriptions would widen every column: they head the table instead.
            let preamble = named.compactMap { name, value in value["description"].map { "# \(terminalText(name)): \(terminalText($0.plainText))\n" } }.joined()
            let rows = mergedRows(named).filter { $0.0 != "description" }
            let header = ["key", "unit"] + named.map(\.0)
            let body = rows.map { [$0.0, unit($0.0)] + $0.1.map { $0?.displayText ?? "" } }
            return preamble + table(header: header, rows: body, rightAlignedFrom: 2)
        }
    }

    /// Aligned plain-text table.
    /// Cells are made safe for a terminal (`terminalText`): no escape sequences, one line each.
    public static func table(header: [String], rows: [[String]], rightAlignedFrom: Int = 1) -> String {
        let header = header.map(terminalText), rows = rows.map { $0.map(terminalText) }
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

    /// Rows as CSV (RFC 4180 quoting).
    public static func csv(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Rows as a Markdown table (cells through `markdownText`: HTML-escaped, pipes escaped, one line).
    public static func markdown(header: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(markdownText).joined(separator: " | ") + " |" }
        return ([line(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    static func mergedRows(_ named: [(String, ResultValue)]) -> [(String, [ResultValue?])] {
        var order: [String] = []
        var seen = Set<String>()
        let flat = named.map { Dictionary($0.1.flattened(), uniquingKeysWith: { a, _ in a }) }
        for (_, value) in named { for (k, _) in value.flattened() where !seen.contains(k) { seen.insert(k); order.append(k) } }
        return order.map { key in (key, flat.map { $0[key] }) }
    }

}

/// Text for a Markdown cell or line: HTML-escaped (<, >, &: Markdown renderers pass raw HTML
/// through), table pipes escaped, one line.
public func markdownText(_ s: String) -> String {
    // The HTML escape the report uses (its quote escapes render the same in Markdown).
    let out = SVG.escape(s).replacingOccurrences(of: "|", with: "\\|")
        .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    return terminalText(out)
}

