import Foundation
import OrbitalCompute

/// A small SVG chart library for self-contained reports: line charts, bar and stacked bar charts
/// (vertical or horizontal) and tornado charts, each with axes, ticks, axis labels with units,
/// a legend and annotations. The output is standalone, well-formed SVG 1.1 (an XML document
/// fragment with its own namespace) that can be inlined in HTML or written to a `.svg` file.
///
/// Layout uses a fixed average glyph width (0.6 em, DejaVu Sans / Arial) to reserve room for
/// labels; no font metrics are needed.
public enum SVG {
    /// Colour-blind-safe palette: Okabe & Ito (2008) first, then Paul Tol's muted scheme, so
    /// that up to 18 series get distinct colours.
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
                                 "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499", "#888888"]
    public static let fontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif"

    /// Escapes text for XML character data and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r)
    }

    /// Approximate rendered width of a text [px].
    static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * size * 0.6 }

    /// Compact tick label: 1.5k, 20M, 3G, 0.25, 1e-5.
    public static func tickLabel(_ x: Double) -> String {
        if x == 0 { return "0" }
        let a = abs(x)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where a >= scale {
            return trimmed(x / scale) + suffix
        }
        if a < 1e-3 { return String(format: "%.0e", x) }
        return trimmed(x)
    }

    static func trimmed(_ x: Double) -> String {
        var s = String(format: "%.3g", x)
        if s.contains("e") { return s }
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}

// MARK: - Scales

/// A linear or logarithmic mapping from data to pixels, with "nice" ticks.
public struct ChartScale: Sendable {
    public var lower: Double
    public var upper: Double
    public var logarithmic: Bool
    var pixelLower = 0.0
    var pixelUpper = 1.0

    /// A scale covering `values`, padded to nice bounds; `includeZero` for bars.
    public init(covering values: [Double], logarithmic: Bool = false, includeZero: Bool = false) {
        self.logarithmic = logarithmic
        let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        var lo = finite.min() ?? (logarithmic ? 1 : 0), hi = finite.max() ?? (logarithmic ? 10 : 1)
        if logarithmic {
            lo = pow(10, floor(log10(lo))); hi = pow(10, ceil(log10(hi)))
            if hi <= lo { hi = lo * 10 }
        } else {
            if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
            if hi - lo < 1e-12 * max(abs(hi), 1) { let pad = max(abs(hi) * 0.1, 1); lo -= includeZero && lo == 0 ? 0 : pad; hi += pad }
            let step = ChartScale.niceStep((hi - lo) / 5)
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
        }
        lower = lo; upper = hi
    }

    public init(_ lower: Double, _ upper: Double, logarithmic: Bool = false) {
        self.lower = lower; self.upper = upper; self.logarithmic = logarithmic
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let p = pow(10, floor(log10(raw)))
        let f = raw / p
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p
    }

    func map(_ v: Double) -> Double {
        let t: Double
        if logarithmic { t = (log10(max(v, lower * 1e-3)) - log10(lower)) / (log10(upper) - log10(lower)) }
        else { t = (v - lower) / (upper - lower) }
        return pixelLower + t * (pixelUpper - pixelLower)
    }

    func contains(_ v: Double) -> Bool { v >= lower - 1e-12 * abs(lower) && v <= upper + 1e-12 * abs(upper) && (!logarithmic || v > 0) }

    /// Major ticks: decades (plus 2 and 5 when there are few) on a log scale; 1-2-5 steps otherwise.
    public var ticks: [Double] {
        if logarithmic {
            let a = Int(floor(log10(lower) + 1e-9)), b = Int(ceil(log10(upper) - 1e-9))
            let decades = b - a
            let stride = max(1, Int((Double(decades) / 8).rounded(.up)))
            var out: [Double] = []
            for e in Swift.stride(from: a, through: b, by: stride) {
                let base = pow(10, Double(e))
                out.append(base)
                if decades <= 2 { for m in [2.0, 5.0] where base * m < upper * (1 + 1e-9) { out.append(base * m) } }
            }
            return out.filter { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) }.sorted()
        }
        let step = ChartScale.niceStep((upper - lower) / 5)
        var out: [Double] = []
        var v = (lower / step).rounded(.up) * step
        while v <= upper + step * 1e-9 { out.append(abs(v) < step * 1e-9 ? 0 : v); v += step }
        return out
    }
}

// MARK: - Shared frame

/// The drawing area of a chart: canvas size, margins, and the axis and legend painters.
struct ChartFrame {
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    static let font = 12.0
    static let axisLabelFont = 13.0
    /// Space kept between a label and the canvas edge.
    static let edgeMargin = 4.0

    /// The x of the value-axis title: under the middle of the plot, moved left or right as
    /// needed to stay on the canvas (a plot pushed right by long row labels would push a long
    /// title past the edge, where the SVG clips it).
    func axisLabelCenter(_ label: String) -> Double {
        let half = SVG.textWidth(label, size: ChartFrame.axisLabelFont) / 2 + ChartFrame.edgeMargin
        guard 2 * half < width else { return width / 2 }
        return min(max((plotLeft + plotRight) / 2, half), width - half)
    }

    func open(id: String, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(SVG.escape(id))\" class=\"chart\" role=\"img\" width=\"\(SVG.n(width))\" height=\"\(SVG.n(height))\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" font-family=\"\(SVG.fontFamily)\" font-size=\"\(SVG.n(ChartFrame.font))\">"
            + "<title>\(SVG.escape(title))</title><desc>\(SVG.escape(description))</desc>"
            + "<rect x=\"0\" y=\"0\" width=\"\(SVG.n(width))\" height=\"\(SVG.n(height))\" fill=\"#ffffff\"/>"
            + "<text x=\"\(SVG.n(width / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(SVG.escape(title))</text>"
    }

    /// Horizontal value axis at the bottom: grid lines, ticks, labels and the axis title.
    func xAxis(_ scale: ChartScale, label: String, grid: Bool = true) -> String {
        var s = "<g class=\"x-axis\">"
        for t in scale.ticks {
            let x = scale.map(t)
            if grid { s += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(plotTop))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(plotBottom))\" stroke=\"#e3e3e3\"/>" }
            s += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(plotBottom))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(plotBottom + 5))\" stroke=\"#333\"/>"
            s += "<text x=\"\(SVG.n(x))\" y=\"\(SVG.n(plotBottom + 18))\" text-anchor=\"middle\">\(SVG.escape(SVG.tickLabel(t)))</text>"
        }
        s += "<line x1=\"\(SVG.n(plotLeft))\" y1=\"\(SVG.n(plotBottom))\" x2=\"\(SVG.n(plotRight))\" y2=\"\(SVG.n(plotBottom))\" stroke=\"#333\"/>"
        s += "<text class=\"axis-label\" x=\"\(SVG.n(axisLabelCenter(label)))\" y=\"\(SVG.n(plotBottom + 38))\" text-anchor=\"middle\" font-size=\"\(SVG.n(ChartFrame.axisLabelFont))\">\(SVG.escape(label))</text>"
        return s + "</g>"
    }

    /// Vertical value axis at the left.
    func yAxis(_ scale: ChartScale, label: String, grid: Bool = true) -> String {
        var s = "<g class=\"y-axis\">"
        for t in scale.ticks {
            let y = scale.map(t)
            if grid { s += "<line x1=\"\(SVG.n(plotLeft))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(plotRight))\" y2=\"\(SVG.n(y))\" stroke=\"#e3e3e3\"/>" }
            s += "<line x1=\"\(SVG.n(plotLeft - 5))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(plotLeft))\" y2=\"\(SVG.n(y))\" stroke=\"#333\"/>"
            s += "<text x=\"\(SVG.n(plotLeft - 8))\" y=\"\(SVG.n(y + 4))\" text-anchor=\"end\">\(SVG.escape(SVG.tickLabel(t)))</text>"
        }
        s += "<line x1=\"\(SVG.n(plotLeft))\" y1=\"\(SVG.n(plotTop))\" x2=\"\(SVG.n(plotLeft))\" y2=\"\(SVG.n(plotBottom))\" stroke=\"#333\"/>"
        let cx = 16.0, cy = (plotTop + plotBottom) / 2
        s += "<text class=\"axis-label\" x=\"\(SVG.n(cx))\" y=\"\(SVG.n(cy))\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 \(SVG.n(cx)) \(SVG.n(cy)))\">\(SVG.escape(label))</text>"
        return s + "</g>"
    }

    /// A legend row under the title, wrapping when it is wider than the canvas.
    static func legendHeight(_ items: [(String, String, Bool)], width: Double) -> Double {
        legendLayout(items, width: width).rows * 18
    }

    static func legendLayout(_ items: [(String, String, Bool)], width: Double) -> (positions: [(Double, Double)], rows: Double) {
        guard !items.isEmpty else { return ([], 0) }
        var x = 60.0, row = 0.0
        var positions: [(Double, Double)] = []
        for item in items {
            let w = 26 + SVG.textWidth(item.0, size: font) + 18
            if x + w > width - 20, x > 60 { x = 60; row += 1 }
            positions.append((x, row))
            x += w
        }
        return (positions, row + 1)
    }

    /// Legend items: (name, colour, dashed line instead of a swatch).
    func legend(_ items: [(String, String, Bool)], y: Double) -> String {
        let layout = ChartFrame.legendLayout(items, width: width)
        var s = "<g class=\"legend\">"
        for (item, pos) in zip(items, layout.positions) {
            let yy = y + pos.1 * 18
            if item.2 {
                s += "<line x1=\"\(SVG.n(pos.0))\" y1=\"\(SVG.n(yy - 4))\" x2=\"\(SVG.n(pos.0 + 20))\" y2=\"\(SVG.n(yy - 4))\" stroke=\"\(item.1)\" stroke-width=\"2.5\" stroke-dasharray=\"5 3\"/>"
            } else {
                s += "<rect x=\"\(SVG.n(pos.0 + 4))\" y=\"\(SVG.n(yy - 10))\" width=\"12\" height=\"12\" fill=\"\(item.1)\"/>"
            }
            s += "<text x=\"\(SVG.n(pos.0 + 26))\" y=\"\(SVG.n(yy))\">\(SVG.escape(item.0))</text>"
        }
        return s + "</g>"
    }
}

// MARK: - Line chart

/// A line chart with linear or log axes, shaded bands, reference lines and labelled markers.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var points: [(Double, Double)]
        public var color: String?
        public var dashed: Bool
        public init(_ name: String, _ points: [(Double, Double)], color: String? = nil, dashed: Bool = false) {
            self.name = name; self.points = points; self.color = color; self.dashed = dashed
        }
    }

    /// A labelled point (e.g. the break-even).
    public struct Marker: Sendable {
        public var x: Double, y: Double, label: String, color: String
        public init(x: Double, y: Double, label: String, color: String = "#D55E00") { self.x = x; self.y = y; self.label = label; self.color = color }
    }

    /// A shaded interval of x (e.g. an eclipse season).
    public struct Band: Sendable {
        public var from: Double, to: Double, label: String?, color: String
        public init(from: Double, to: Double, label: String? = nil, color: String = "#bbbbbb") { self.from = from; self.to = to; self.label = label; self.color = color }
    }

    /// A horizontal (y = value) or vertical (x = value) reference line.
    public struct Rule: Sendable {
        public var value: Double, label: String, color: String, vertical: Bool
        public init(y: Double, label: String, color: String = "#555555") { value = y; self.label = label; self.color = color; vertical = false }
        public init(x: Double, label: String, color: String = "#555555") { value = x; self.label = label; self.color = color; vertical = true }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var xLog = false
    public var yLog = false
    public var yIncludesZero = false
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var markers: [Marker] = []
    public var bands: [Band] = []
    public var rules: [Rule] = []
    /// Text shown in the top-left of the plot (e.g. "no crossing in the searched range").
    public var notes: [String] = []
    public var width = 760.0
    public var height = 400.0

    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
    }

    public func svg(id: String) -> String {
        let colored = series.enumerated().map { i, s in (s, s.color ?? SVG.palette[i % SVG.palette.count]) }
        let legendItems = colored.map { ($0.0.name, $0.1, $0.0.dashed) }
        let legendH = ChartFrame.legendHeight(legendItems, width: width)
        let xs = series.flatMap { $0.points.map(\.0) } + markers.map(\.x)
        let ys = series.flatMap { $0.points.map(\.1) } + markers.map(\.y) + rules.filter { !$0.vertical }.map(\.value)
        var xScale = xRange.map { ChartScale($0.lowerBound, $0.upperBound, logarithmic: xLog) } ?? ChartScale(covering: xs, logarithmic: xLog)
        var yScale = yRange.map { ChartScale($0.lowerBound, $0.upperBound, logarithmic: yLog) } ?? ChartScale(covering: ys, logarithmic: yLog, includeZero: yIncludesZero)
        let yTickWidth = yScale.ticks.map { SVG.textWidth(SVG.tickLabel($0), size: ChartFrame.font) }.max() ?? 20
        let frame = ChartFrame(width: width, height: height + legendH, left: 40 + yTickWidth, right: 30, top: 34 + legendH + 8, bottom: 52)
        xScale.pixelLower = frame.plotLeft; xScale.pixelUpper = frame.plotRight
        yScale.pixelLower = frame.plotBottom; yScale.pixelUpper = frame.plotTop

        var s = frame.open(id: id, title: title, description: "\(yLabel) against \(xLabel)")
        s += frame.legend(legendItems, y: 42)
        // Bands under everything.
        for b in bands {
            let x0 = max(xScale.map(b.from), frame.plotLeft), x1 = min(xScale.map(b.to), frame.plotRight)
            guard x1 > x0 else { continue }
            s += "<rect class=\"band\" x=\"\(SVG.n(x0))\" y=\"\(SVG.n(frame.plotTop))\" width=\"\(SVG.n(x1 - x0))\" height=\"\(SVG.n(frame.plotBottom - frame.plotTop))\" fill=\"\(b.color)\" fill-opacity=\"0.3\"/>"
            if let label = b.label {
                s += "<text x=\"\(SVG.n((x0 + x1) / 2))\" y=\"\(SVG.n(frame.plotTop + 14))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">\(SVG.escape(label))</text>"
            }
        }
        s += frame.xAxis(xScale, label: xLabel)
        s += frame.yAxis(yScale, label: yLabel)
        // Reference lines.
        for r in rules {
            if r.vertical {
                guard xScale.contains(r.value) else { continue }
                let x = xScale.map(r.value)
                s += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(frame.plotTop))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(frame.plotBottom))\" stroke=\"\(r.color)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
                s += "<text x=\"\(SVG.n(x + 4))\" y=\"\(SVG.n(frame.plotBottom - 6))\" font-size=\"11\" fill=\"\(r.color)\">\(SVG.escape(r.label))</text>"
            } else {
                guard yScale.contains(r.value) else { continue }
                let y = yScale.map(r.value)
                s += "<line x1=\"\(SVG.n(frame.plotLeft))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(frame.plotRight))\" y2=\"\(SVG.n(y))\" stroke=\"\(r.color)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
                s += "<text x=\"\(SVG.n(frame.plotRight - 4))\" y=\"\(SVG.n(y - 5))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(r.color)\">\(SVG.escape(r.label))</text>"
            }
        }
        // Series, clipped to the plot.
        let clip = "\(id)-clip"
        s += "<defs><clipPath id=\"\(SVG.escape(clip))\"><rect x=\"\(SVG.n(frame.plotLeft))\" y=\"\(SVG.n(frame.plotTop))\" width=\"\(SVG.n(frame.plotRight - frame.plotLeft))\" height=\"\(SVG.n(frame.plotBottom - frame.plotTop))\"/></clipPath></defs>"
        s += "<g clip-path=\"url(#\(SVG.escape(clip)))\">"
        for (serie, color) in colored {
            let pts = serie.points.filter { $0.0.isFinite && $0.1.isFinite && (!xLog || $0.0 > 0) && (!yLog || $0.1 > 0) }
            guard !pts.isEmpty else { continue }
            let d = pts.enumerated().map { i, p in (i == 0 ? "M" : "L") + SVG.n(xScale.map(p.0)) + " " + SVG.n(yScale.map(p.1)) }.joined(separator: " ")
            s += "<path class=\"series\" d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.2\"\(serie.dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
        }
        s += "</g>"
        for m in markers where xScale.contains(m.x) && yScale.contains(m.y) {
            let x = xScale.map(m.x), y = yScale.map(m.y)
            s += "<circle class=\"marker\" cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"5.5\" fill=\"\(m.color)\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            let w = SVG.textWidth(m.label, size: 12)
            let rightSide = x + 10 + w < frame.plotRight
            let tx = rightSide ? x + 10 : x - 10
            let ty = y - 10 < frame.plotTop + 12 ? y + 20 : y - 10
            s += "<text x=\"\(SVG.n(tx))\" y=\"\(SVG.n(ty))\" text-anchor=\"\(rightSide ? "start" : "end")\" font-weight=\"bold\" fill=\"\(m.color)\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(SVG.escape(m.label))</text>"
        }
        for (i, note) in notes.enumerated() {
            s += "<text class=\"note\" x=\"\(SVG.n(frame.plotLeft + 10))\" y=\"\(SVG.n(frame.plotTop + 18 + Double(i) * 16))\" font-size=\"12\" font-style=\"italic\" fill=\"#8b0000\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(SVG.escape(note))</text>"
        }
        return s + "</svg>"
    }
}

// MARK: - Bar chart

/// Grouped or stacked bars, vertical or horizontal, one bar per category and one colour per series.
public struct BarChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per category.
        public var values: [Double]
        public var color: String?
        public init(_ name: String, _ values: [Double], color: String? = nil) { self.name = name; self.values = values; self.color = color }
    }

    public var title: String
    public var categories: [String]
    public var valueLabel: String
    public var series: [Series]
    public var stacked = false
    public var horizontal = false
    public var valueLog = false
    /// Print each bar's total (or value) at its end.
    public var showTotals = true
    /// Where bars start (default 0, or the axis minimum on a log scale); e.g. 1 for ratios.
    public var baseline: Double?
    public var width = 760.0
    public var height = 400.0

    public init(title: String, categories: [String], valueLabel: String, series: [Series]) {
        self.title = title; self.categories = categories; self.valueLabel = valueLabel; self.series = series
    }

    public func svg(id: String) -> String {
        let colored = series.enumerated().map { i, s in (s, s.color ?? SVG.palette[i % SVG.palette.count]) }
        let legendItems = series.count > 1 ? colored.map { ($0.0.name, $0.1, false) } : []
        let legendH = ChartFrame.legendHeight(legendItems, width: width)
        let totals = categories.indices.map { c in series.reduce(0) { $0 + max(0, c < $1.values.count ? $1.values[c] : 0) } }
        let extremes = stacked ? totals : series.flatMap(\.values)
        var scale = ChartScale(covering: extremes + (valueLog ? [] : [0]) + (baseline.map { [$0] } ?? []), logarithmic: valueLog, includeZero: !valueLog)
        if showTotals && !valueLog { scale.upper += (scale.upper - scale.lower) * 0.08 }
        let categoryWidth = categories.map { SVG.textWidth($0, size: ChartFrame.font) }.max() ?? 40
        let frame: ChartFrame
        if horizontal {
            let h = max(height, Double(categories.count) * (stacked ? 46 : 22 * Double(max(series.count, 1)) + 14) + 120)
            frame = ChartFrame(width: width, height: h + legendH, left: 20 + categoryWidth, right: 70, top: 34 + legendH + 8, bottom: 52)
            scale.pixelLower = frame.plotLeft; scale.pixelUpper = frame.plotRight
        } else {
            let tickW = scale.ticks.map { SVG.textWidth(SVG.tickLabel($0), size: ChartFrame.font) }.max() ?? 20
            frame = ChartFrame(width: width, height: height + legendH, left: 40 + tickW, right: 30, top: 34 + legendH + 8, bottom: 52)
            scale.pixelLower = frame.plotBottom; scale.pixelUpper = frame.plotTop
        }
        var s = frame.open(id: id, title: title, description: "\(valueLabel) by category")
        s += frame.legend(legendItems, y: 42)
        s += horizontal ? frame.xAxis(scale, label: valueLabel) : frame.yAxis(scale, label: valueLabel)
        let span = horizontal ? frame.plotBottom - frame.plotTop : frame.plotRight - frame.plotLeft
        let band = span / Double(max(categories.count, 1))
        let base = baseline ?? (valueLog ? scale.lower : 0)
        for (c, category) in categories.enumerated() {
            let bandStart = (horizontal ? frame.plotTop : frame.plotLeft) + Double(c) * band
            let center = bandStart + band / 2
            // Category label on the category axis.
            if horizontal {
                s += "<text x=\"\(SVG.n(frame.plotLeft - 8))\" y=\"\(SVG.n(center + 4))\" text-anchor=\"end\">\(SVG.escape(category))</text>"
            } else {
                s += "<text x=\"\(SVG.n(center))\" y=\"\(SVG.n(frame.plotBottom + 18))\" text-anchor=\"middle\">\(SVG.escape(category))</text>"
            }
            let groups = stacked ? 1 : max(series.count, 1)
            let barThickness = min(band * 0.7 / Double(groups), 60)
            var running = base
            for (k, (serie, color)) in colored.enumerated() {
                guard c < serie.values.count, serie.values[c].isFinite, serie.values[c] > 0 || !valueLog else { continue }
                let v = serie.values[c]
                let from = stacked ? running : base
                let to = stacked ? running + max(v, 0) : v
                if stacked { running = to }
                let offset = stacked ? -barThickness / 2 : (Double(k) - Double(groups) / 2) * barThickness
                let p0 = scale.map(from), p1 = scale.map(to)
                let tooltip = "\(category) · \(serie.name): \(humanNumber(v))"
                if horizontal {
                    s += "<rect x=\"\(SVG.n(min(p0, p1)))\" y=\"\(SVG.n(center + offset))\" width=\"\(SVG.n(abs(p1 - p0)))\" height=\"\(SVG.n(barThickness))\" fill=\"\(color)\"><title>\(SVG.escape(tooltip))</title></rect>"
                    if showTotals && !stacked {
                        let leftward = p1 < p0
                        s += "<text x=\"\(SVG.n(leftward ? p1 - 4 : p1 + 4))\" y=\"\(SVG.n(center + offset + barThickness / 2 + 4))\" text-anchor=\"\(leftward ? "end" : "start")\" font-size=\"11\">\(SVG.escape(SVG.tickLabel(v)))</text>"
                    }
                } else {
                    s += "<rect x=\"\(SVG.n(center + offset))\" y=\"\(SVG.n(min(p0, p1)))\" width=\"\(SVG.n(barThickness))\" height=\"\(SVG.n(abs(p1 - p0)))\" fill=\"\(color)\"><title>\(SVG.escape(tooltip))</title></rect>"
                    if showTotals && !stacked {
                        s += "<text x=\"\(SVG.n(center + offset + barThickness / 2))\" y=\"\(SVG.n(min(p0, p1) - 4))\" text-anchor=\"middle\" font-size=\"11\">\(SVG.escape(SVG.tickLabel(v)))</text>"
                    }
                }
            }
            if stacked && showTotals {
                let p = scale.map(totals[c])
                if horizontal {
                    s += "<text x=\"\(SVG.n(p + 4))\" y=\"\(SVG.n(center + 4))\" font-weight=\"bold\">\(SVG.escape(SVG.tickLabel(totals[c])))</text>"
                } else {
                    s += "<text x=\"\(SVG.n(center))\" y=\"\(SVG.n(p - 5))\" text-anchor=\"middle\" font-weight=\"bold\">\(SVG.escape(SVG.tickLabel(totals[c])))</text>"
                }
            }
        }
        // The category axis line.
        if horizontal {
            s += "<line x1=\"\(SVG.n(frame.plotLeft))\" y1=\"\(SVG.n(frame.plotTop))\" x2=\"\(SVG.n(frame.plotLeft))\" y2=\"\(SVG.n(frame.plotBottom))\" stroke=\"#333\"/>"
        } else {
            s += "<line x1=\"\(SVG.n(frame.plotLeft))\" y1=\"\(SVG.n(frame.plotBottom))\" x2=\"\(SVG.n(frame.plotRight))\" y2=\"\(SVG.n(frame.plotBottom))\" stroke=\"#333\"/>"
        }
        return s + "</svg>"
    }
}

// MARK: - Tornado chart

/// Horizontal floating bars of an output between its values at the low and high setting of each
/// input, sorted by width, around the base value (and an optional reference such as parity).
public struct TornadoChart: Sendable {
    public struct Row: Sendable {
        public var label: String
        /// The output at the input's low and high settings.
        public var atLow: Double
        public var atHigh: Double
        /// The input's low and high settings, as text with units.
        public var lowText: String
        public var highText: String
        public init(label: String, atLow: Double, atHigh: Double, lowText: String, highText: String) {
            self.label = label; self.atLow = atLow; self.atHigh = atHigh; self.lowText = lowText; self.highText = highText
        }
    }

    public var title: String
    public var valueLabel: String
    public var base: Double
    public var rows: [Row]
    public var reference: (value: Double, label: String)?
    public var logarithmic = true
    public var width = 760.0

    public init(title: String, valueLabel: String, base: Double, rows: [Row]) {
        self.title = title; self.valueLabel = valueLabel; self.base = base; self.rows = rows
    }

    public func svg(id: String) -> String {
        let lowColor = "#0072B2", highColor = "#E69F00"
        let legend = [("input at its low setting", lowColor, false), ("input at its high setting", highColor, false)]
        let legendH = ChartFrame.legendHeight(legend, width: width)
        let labelWidth = rows.map { SVG.textWidth($0.label, size: ChartFrame.font) }.max() ?? 60
        let values = rows.flatMap { [$0.atLow, $0.atHigh] } + [base] + (reference.map { [$0.value] } ?? [])
        // A log axis only when the values span more than a decade; a linear one reads better below.
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let useLog = logarithmic && positive.count == values.count && (positive.max() ?? 1) / (positive.min() ?? 1) > 10
        var scale = ChartScale(covering: values, logarithmic: useLog, includeZero: !useLog)
        let rowHeight = 34.0
        let height = Double(max(rows.count, 1)) * rowHeight + 120 + legendH
        // Room for the value labels printed beyond the bars' ends.
        let endLabel = rows.flatMap { [$0.lowText, $0.highText] }.map { SVG.textWidth($0, size: 11) }.max() ?? 0
        let frame = ChartFrame(width: width, height: height, left: 24 + labelWidth + endLabel, right: 16 + endLabel, top: 34 + legendH + 8, bottom: 52)
        scale.pixelLower = frame.plotLeft; scale.pixelUpper = frame.plotRight
        var s = frame.open(id: id, title: title, description: "\(valueLabel) as each input moves")
        s += frame.legend(legend, y: 42)
        s += frame.xAxis(scale, label: useLog ? valueLabel + " (log scale)" : valueLabel)
        let xBase = scale.map(base)
        for (i, row) in rows.enumerated() {
            let y = frame.plotTop + Double(i) * rowHeight + 6
            let h = rowHeight - 14
            s += "<text x=\"\(SVG.n(frame.plotLeft - 8))\" y=\"\(SVG.n(y + h / 2 + 4))\" text-anchor=\"end\">\(SVG.escape(row.label))</text>"
            for (value, color, text) in [(row.atLow, lowColor, row.lowText), (row.atHigh, highColor, row.highText)] {
                let x = scale.map(value)
                s += "<rect x=\"\(SVG.n(min(x, xBase)))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(abs(x - xBase), 1)))\" height=\"\(SVG.n(h))\" fill=\"\(color)\"><title>\(SVG.escape("\(row.label) = \(text): \(humanNumber(value))"))</title></rect>"
                let left = x < xBase
                s += "<text x=\"\(SVG.n(left ? min(x, xBase) - 4 : max(x, xBase) + 4))\" y=\"\(SVG.n(y + h / 2 + 4))\" text-anchor=\"\(left ? "end" : "start")\" font-size=\"11\">\(SVG.escape(text))</text>"
            }
        }
        s += "<line x1=\"\(SVG.n(xBase))\" y1=\"\(SVG.n(frame.plotTop - 4))\" x2=\"\(SVG.n(xBase))\" y2=\"\(SVG.n(frame.plotBottom))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        s += "<text x=\"\(SVG.n(xBase))\" y=\"\(SVG.n(frame.plotBottom - 6))\" text-anchor=\"middle\" font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">base \(SVG.escape(humanNumber(base)))</text>"
        if let reference, scale.contains(reference.value) {
            let x = scale.map(reference.value)
            s += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(frame.plotTop - 4))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(frame.plotBottom))\" stroke=\"#8b0000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            s += "<text x=\"\(SVG.n(x + 4))\" y=\"\(SVG.n(frame.plotTop + 8))\" font-size=\"11\" fill=\"#8b0000\">\(SVG.escape(reference.label))</text>"
        }
        return s + "</svg>"
    }
}

// MARK: - Distribution chart

/// One row per category showing a distribution: a line from minimum to maximum, a box from the
/// median to the 90th percentile, a tick at the 99th, and a reference value (e.g. the
/// terrestrial RTT) as a diamond. Text at the right of a row carries a note (e.g. "no path 3 %").
public struct DistributionChart: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var minimum: Double?
        public var p50: Double?
        public var p90: Double?
        public var p99: Double?
        public var maximum: Double?
        public var reference: Double?
        public var note: String?
        public init(label: String, minimum: Double?, p50: Double?, p90: Double?, p99: Double?, maximum: Double?, reference: Double?, note: String? = nil) {
            self.label = label; self.minimum = minimum; self.p50 = p50; self.p90 = p90; self.p99 = p99; self.maximum = maximum
            self.reference = reference; self.note = note
        }
    }

    public var title: String
    public var valueLabel: String
    public var rows: [Row]
    public var distributionName: String
    public var referenceName: String
    public var width = 860.0

    public init(title: String, valueLabel: String, rows: [Row], distributionName: String, referenceName: String) {
        self.title = title; self.valueLabel = valueLabel; self.rows = rows; self.distributionName = distributionName; self.referenceName = referenceName
    }

    public func svg(id: String) -> String {
        let boxColor = "#56B4E9", lineColor = "#555555", tickColor = "#000000", referenceColor = "#E69F00"
        let legend = [("\(distributionName): median to 90th percentile", boxColor, false), ("99th percentile", tickColor, false),
                      ("minimum to maximum", lineColor, true), (referenceName, referenceColor, false)]
        let legendH = ChartFrame.legendHeight(legend, width: width)
        let labelWidth = rows.map { SVG.textWidth($0.label, size: ChartFrame.font) }.max() ?? 60
        let noteWidth = rows.compactMap { $0.note.map { SVG.textWidth($0, size: 11) } }.max().map { $0 + 12 } ?? 0
        let values = rows.flatMap { [$0.minimum, $0.p50, $0.p90, $0.p99, $0.maximum, $0.reference].compactMap { $0 } }
        var scale = ChartScale(covering: values + [0], includeZero: true)
        let rowHeight = 28.0
        let height = Double(max(rows.count, 1)) * rowHeight + 110 + legendH
        let frame = ChartFrame(width: width, height: height, left: 20 + labelWidth, right: 30 + noteWidth, top: 34 + legendH + 8, bottom: 52)
        scale.pixelLower = frame.plotLeft; scale.pixelUpper = frame.plotRight
        var s = frame.open(id: id, title: title, description: "\(valueLabel) per category")
        s += frame.legend(legend, y: 42)
        s += frame.xAxis(scale, label: valueLabel)
        for (i, row) in rows.enumerated() {
            let y = frame.plotTop + (Double(i) + 0.5) * rowHeight
            s += "<text x=\"\(SVG.n(frame.plotLeft - 8))\" y=\"\(SVG.n(y + 4))\" text-anchor=\"end\">\(SVG.escape(row.label))</text>"
            if let lo = row.minimum, let hi = row.maximum {
                s += "<line x1=\"\(SVG.n(scale.map(lo)))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(scale.map(hi)))\" y2=\"\(SVG.n(y))\" stroke=\"\(lineColor)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
            }
            if let a = row.p50, let b = row.p90 {
                let x0 = scale.map(a), x1 = scale.map(b)
                s += "<rect x=\"\(SVG.n(x0))\" y=\"\(SVG.n(y - 8))\" width=\"\(SVG.n(max(x1 - x0, 1.5)))\" height=\"16\" fill=\"\(boxColor)\" stroke=\"#0072B2\"><title>\(SVG.escape("\(row.label): median \(humanNumber(a)), p90 \(humanNumber(b))"))</title></rect>"
                s += "<line x1=\"\(SVG.n(x0))\" y1=\"\(SVG.n(y - 8))\" x2=\"\(SVG.n(x0))\" y2=\"\(SVG.n(y + 8))\" stroke=\"#0072B2\" stroke-width=\"3\"/>"
            }
            if let p = row.p99 {
                let x = scale.map(p)
                s += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(y - 9))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(y + 9))\" stroke=\"\(tickColor)\" stroke-width=\"2\"/>"
            }
            if let r = row.reference {
                let x = scale.map(r)
                s += "<path d=\"M\(SVG.n(x)) \(SVG.n(y - 7)) L\(SVG.n(x + 7)) \(SVG.n(y)) L\(SVG.n(x)) \(SVG.n(y + 7)) L\(SVG.n(x - 7)) \(SVG.n(y)) Z\" fill=\"\(referenceColor)\" stroke=\"#ffffff\"><title>\(SVG.escape("\(row.label): \(referenceName) \(humanNumber(r))"))</title></path>"
            }
            if let note = row.note {
                s += "<text x=\"\(SVG.n(frame.plotRight + 10))\" y=\"\(SVG.n(y + 4))\" font-size=\"11\" fill=\"#8b0000\">\(SVG.escape(note))</text>"
            }
        }
        return s + "</svg>"
    }
}
