import Foundation

/// Numbers as people write them: integers without ".0", others with up to 6 significant digits.
public func formatNumber(_ x: Double) -> String {
    if !x.isFinite { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.6g", x)
    if s.contains("e") { s = s.replacingOccurrences(of: "e+", with: "e") }
    return s
}

/// Text made safe for a one-line message: control characters (newlines, ESC, …) escaped and long
/// values cut with an ellipsis, so that an error is always one readable line.
public func oneLine(_ text: String, max: Int = 200) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count >= max { out += "…"; break }
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += String(format: "\\u{%X}", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        count += 1
    }
    return out
}
