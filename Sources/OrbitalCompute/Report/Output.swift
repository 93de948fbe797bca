import Foundation

/// CSV quoting for the machine-readable streams the engine writes (sweeps, Monte Carlo draws).
/// Text tables, Markdown and side-by-side results are rendered by `OrbitalReport`, which extends
/// this namespace.
public enum Render {
    /// A CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula (a leading
    /// =, +, -, @, tab or carriage return, OWASP's CSV-injection list) gets a leading apostrophe;
    /// numbers such as -90.16 (and lists of them) are left alone. Control characters are shown escaped (`terminalText`).
    public static func csvField(_ s: String) -> String {
        var s = terminalText(s)
        // Numbers and coordinate pairs ("-33.87, 151.21") cannot carry a formula: left alone.
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !s.unicodeScalars.allSatisfy({ "0123456789.,+-eE ".unicodeScalars.contains($0) }) { s = "'" + s }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// Writes a file atomically (see `OutputFile`): a failure or an interrupt never leaves a partial
/// output, and the replaced file keeps its permissions.
public func writeAtomically(_ text: String, to path: String) throws {
    let file = try OutputFile(path: path)
    do {
        try file.write(text)
        try file.commit()
    } catch {
        file.abandon()
        throw error
    }
}

/// Text for a terminal: control characters (ESC and the rest of C0/C1, DEL) are shown escaped
/// (\u{1B}) instead of being sent, so a scenario cannot retitle or repaint the terminal.
public func terminalText(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) else { return s }
    return oneLine(s, max: Int.max)
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
