/// Where a default value or a constant comes from, and how much to trust it.
public struct Provenance: Sendable, Hashable {
    public enum Confidence: String, Sendable {
        /// A measured or published primary value.
        case high
        /// A secondary source, a range midpoint, or a value derived from sourced figures.
        case medium
        /// An estimate without a firm source ("est." in DATA.md): change it with care.
        case low
    }

    public var source: String
    public var year: Int?
    public var confidence: Confidence
    /// The spread reported by the source, in words (e.g. "0.85–0.92").
    public var range: String?
    /// The same spread as numbers in the parameter's unit: what `orbital sensitivity` and
    /// `compare` move an input across when it has no declared uncertainty ("documented range";
    /// used only when it brackets the input's value and lies in its accepted range).
    public var documentedRange: ClosedRange<Double>?

    public init(_ source: String, year: Int? = nil, _ confidence: Confidence, range: String? = nil, documented: ClosedRange<Double>? = nil) {
        self.source = source
        self.year = year
        self.confidence = confidence
        self.range = range
        self.documentedRange = documented
    }

    public var summary: String {
        var text = source
        if let year { text += " (\(year))" }
        text += "; confidence \(confidence.rawValue)"
        if let range { text += "; range \(range)" }
        return text
    }
}
