import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import OrbitalCompute
@testable import OrbitalReport

/// Collects element names, ids and text of an XML document, and the first parse error.
private final class XMLProbe: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var ids: [String: String] = [:]      // id → element name
    var text = ""
    var error: Error?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        if let id = attributes["id"] { ids[id] = name }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    static func parse(_ xml: String, file: StaticString = #filePath, line: UInt = #line) -> XMLProbe {
        let probe = XMLProbe()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = probe
        let ok = parser.parse()
        XCTAssertTrue(ok, "not well-formed XML: \(String(describing: probe.error ?? parser.parserError)) at line \(parser.lineNumber), column \(parser.columnNumber)", file: file, line: line)
        return probe
    }
}

final class ReportTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func shipped(_ name: String) throws -> Scenario {
        try Scenario.resolve(name)
    }

    /// The report of the shipped scenarios, built once.
    static let shippedReport: Result<ReportDocument, Error> = Result {
        var options = ReportOptions()
        options.publishedDirectory = root.appendingPathComponent("Models/published").path
        return try ReportDocument.make(orbital: shipped("orbital-1gw-dawn-dusk"), ground: shipped("colossus-1"), options: options)
    }

    func document() throws -> ReportDocument { try ReportTests.shippedReport.get() }

    func testHTMLIsWellFormedXHTMLWithEveryChart() throws {
        let html = try document().html()
        let probe = XMLProbe.parse(html)
        XCTAssertEqual(probe.elements.first, "html")
        for id in ReportDocument.chartIDs {
            XCTAssertEqual(probe.ids[id], "svg", "chart \(id) missing from the HTML")
        }
        XCTAssertGreaterThanOrEqual(probe.elements.filter { $0 == "svg" }.count, ReportDocument.chartIDs.count)
        // The comparison table, the verdict and the deciding inputs.
        XCTAssertEqual(probe.ids["table-side-by-side"], "table")
        XCTAssertEqual(probe.ids["table-deciding"], "table")
        XCTAssertTrue(probe.text.contains("Verdict: the ground is cheaper") || probe.text.contains("Verdict: orbit is cheaper") || probe.text.contains("Verdict: a draw"))
    }

    func testHTMLIsSelfContained() throws {
        let html = try document().html()
        for forbidden in ["<script", "<link", "src=\"", "url(http", "href=\"http", "@import"] {
            XCTAssertFalse(html.contains(forbidden), "external asset or script: \(forbidden)")
        }
        // Every in-page link resolves to an element id.
        let probe = XMLProbe.parse(html)
        let targets = html.components(separatedBy: "href=\"#").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        XCTAssertFalse(targets.isEmpty)
        for target in Set(targets) { XCTAssertNotNil(probe.ids[target], "dangling link #\(target)") }
    }

    func testEveryChartIsStandaloneSVGWithLabelledAxes() throws {
        let figures = try document().figures
        XCTAssertTrue(Set(figures.map(\.id)).isSuperset(of: ReportDocument.chartIDs))
        for figure in figures {
            let probe = XMLProbe.parse(figure.svg)
            XCTAssertEqual(probe.elements.first, "svg", figure.id)
            XCTAssertTrue(figure.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), figure.id)
            XCTAssertTrue(probe.elements.contains("title"), figure.id)
            // Axis labels carry units in brackets.
            let labels = figure.svg.components(separatedBy: "class=\"axis-label\"").dropFirst().map { $0.split(separator: ">", maxSplits: 1)[1].split(separator: "<")[0] }
            XCTAssertFalse(labels.isEmpty, "\(figure.id) has no axis label")
            for label in labels { XCTAssertTrue(label.contains("["), "\(figure.id): axis label '\(label)' has no unit") }
            if figure.id != "chart-published" { XCTAssertFalse(figure.inputs.isEmpty, "\(figure.id) names no inputs") }
        }
    }

    func testProvenanceAppendixListsEveryInputAndMarksExplicitValues() throws {
        let doc = try document()
        let html = doc.html()
        for info in ParameterInfo.all {
            XCTAssertTrue(html.contains("id=\"\(ReportDocument.anchor(info.kind, info.key))\""), "appendix lacks \(info.kind.rawValue) \(info.key)")
        }
        // The shipped orbital scenario sets orbit.altitude_km explicitly; the default emissivity carries its source.
        guard case let .table(orbitalInputs)? = doc.sections.first(where: { $0.id == "provenance" })?.blocks.first(where: {
            if case let .table(t) = $0 { return t.id == "inputs-orbital" } else { return false }
        }) else { return XCTFail("no orbital inputs table") }
        let altitude = try XCTUnwrap(orbitalInputs.rows.first { $0[0].text == "orbit.altitude_km" })
        XCTAssertEqual(altitude[1].text, "650")
        XCTAssertEqual(altitude[5].text, "explicit")
        let emissivity = try XCTUnwrap(orbitalInputs.rows.first { $0[0].text == "thermal.emissivity" })
        XCTAssertEqual(emissivity[5].text, "")
        XCTAssertEqual(emissivity[3].text, ParameterTable.orbital["thermal.emissivity"]!.provenance!.summary)
        // The derived launch price is shown with its value.
        let price = try XCTUnwrap(orbitalInputs.rows.first { $0[0].text == "launch.cost_per_kg_usd" })
        XCTAssertTrue(price[1].text.contains("500"), price[1].text)
    }

    func testPublishedAnalysesSitBesideOurs() throws {
        let doc = try document()
        XCTAssertNotNil(doc.figures.first { $0.id == "chart-published" })
        guard case let .table(table)? = doc.sections.first(where: { $0.id == "published" })?.blocks.first(where: {
            if case .table = $0 { return true } else { return false }
        }) else { return XCTFail("no published table") }
        XCTAssertTrue(table.rows.contains { $0[0].text.hasPrefix("suncatcher") })
        // Without the folder the section says so instead of failing.
        var options = ReportOptions()
        options.publishedDirectory = "/nonexistent/published"
        options.sobolSamples = 16
        let other = try ReportDocument.make(orbital: ReportTests.shipped("orbital-1gw-dawn-dusk"), ground: Scenario.colossus1, options: options)
        XCTAssertNil(other.figures.first { $0.id == "chart-published" })
    }

    func testLaunchChartSaysWhenThereIsNoCrossing() throws {
        // The shipped scenarios do not cross anywhere in the launch price range.
        let svg = try XCTUnwrap(document().figures.first { $0.id == "chart-launch-price" }).svg
        XCTAssertTrue(svg.contains("No break-even"))
        XCTAssertFalse(svg.contains("break-even: $"))
    }

    func testLaunchChartMarksTheBreakEven() throws {
        var ground = try ReportTests.shipped("colossus-1")
        try ground.set("energy.price_usd_per_mwh", .number(3000))
        let orbital = try ReportTests.shipped("orbital-1gw-dawn-dusk")
        var options = ReportOptions()
        options.sobolSamples = 16
        let doc = try ReportDocument.make(orbital: orbital, ground: ground, options: options)
        let figure = try XCTUnwrap(doc.figures.first { $0.id == "chart-launch-price" })
        let b = try Breakeven.solve(orbital: orbital, ground: ground, key: "launch.cost_per_kg_usd")
        let value = try XCTUnwrap(b.value)
        XCTAssertTrue(figure.svg.contains("break-even: $\(humanNumber(value))/kg"), "marker missing")
        XCTAssertFalse(figure.svg.contains("No break-even"))
        _ = XMLProbe.parse(doc.html())
    }

    func testMarkdownLinksEveryChartAsAFile() throws {
        let (text, files) = try document().markdown(figureFolder: "report-figures")
        XCTAssertEqual(files.count, try document().figures.count)
        for id in ReportDocument.chartIDs {
            XCTAssertTrue(text.contains("(report-figures/\(id).svg)"), "\(id) not linked")
            let file = try XCTUnwrap(files.first { $0.path == "report-figures/\(id).svg" })
            _ = XMLProbe.parse(file.contents)
        }
        XCTAssertTrue(text.contains("| Cost per delivered PFLOP-hour (`cost_per_pflop_hour_usd`) |"))
        XCTAssertTrue(text.contains("<a id=\"input-orbital-orbit.altitude_km\"></a>"))
    }

    func testFooterQuotesTheCommandAndHonoursSourceDateEpoch() {
        XCTAssertEqual(ReportDocument.shellQuoted(["orbital", "report", "a b", "it's", "--set", "x=1"]), #"orbital report 'a b' 'it'\''s' --set x=1"#)
        XCTAssertEqual(ReportDocument.buildDate(environment: ["SOURCE_DATE_EPOCH": "0"]), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(ReportDocument.Footer(date: Date(timeIntervalSince1970: 0), command: nil).date, "1970-01-01")
    }

    /// A value-axis title under a plot pushed right by long row labels stays on the canvas.
    func testAxisTitleStaysOnTheCanvas() throws {
        let label = "cost ratio orbit / ground [-] (< 1: orbit cheaper)"
        let rows = (0..<3).map { TornadoChart.Row(label: String(repeating: "a very long input label ", count: 3) + "\($0)", atLow: 1, atHigh: 3, lowText: "1", highText: "3") }
        var chart = TornadoChart(title: "t", valueLabel: label, base: 2, rows: rows)
        chart.width = 700
        let svg = chart.svg(id: "chart-test")
        let x = try XCTUnwrap(svg.range(of: #"class="axis-label" x="([0-9.]+)""#, options: .regularExpression).map { Double(svg[$0].split(separator: "\"")[3])! })
        let half = SVG.textWidth(label, size: 13) / 2
        XCTAssertLessThanOrEqual(x + half, 700)
        XCTAssertGreaterThanOrEqual(x - half, 0)
    }

    // MARK: SVG library

    func testNiceLinearAndLogTicks() {
        XCTAssertEqual(ChartScale(covering: [0.3, 9.2]).ticks, [0, 2, 4, 6, 8, 10])
        XCTAssertEqual(ChartScale(covering: [12, 9_000], logarithmic: true).ticks, [10, 100, 1_000, 10_000])
        XCTAssertEqual(ChartScale(covering: [2, 40], logarithmic: true).ticks, [1, 2, 5, 10, 20, 50, 100])
        let s = ChartScale(covering: [3.1, 3.3])
        XCTAssertLessThanOrEqual(s.lower, 3.1); XCTAssertGreaterThanOrEqual(s.upper, 3.3)
    }

    func testTickLabelsAndEscaping() {
        XCTAssertEqual(SVG.tickLabel(1_500), "1.5k")
        XCTAssertEqual(SVG.tickLabel(2e9), "2G")
        XCTAssertEqual(SVG.tickLabel(0.25), "0.25")
        XCTAssertEqual(SVG.tickLabel(0), "0")
        XCTAssertEqual(SVG.escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;")
    }

    func testChartsEscapeTextAndStayWellFormed() {
        var line = LineChart(title: "T < 5 & \"x\"", xLabel: "x [m]", yLabel: "y [K]", series: [.init("a&b", [(0, 1), (1, 2), (2, .nan)])])
        line.markers = [.init(x: 1, y: 2, label: "<mark>")]
        line.notes = ["no crossing & more"]
        _ = XMLProbe.parse(line.svg(id: "l"))
        var bars = BarChart(title: "b", categories: ["<one>", "two"], valueLabel: "v [kg]", series: [.init("s1", [1, 2]), .init("s2", [3, 0])])
        bars.stacked = true
        _ = XMLProbe.parse(bars.svg(id: "b"))
        bars.horizontal = true; bars.stacked = false
        _ = XMLProbe.parse(bars.svg(id: "b2"))
        let tornado = TornadoChart(title: "t", valueLabel: "ratio [-]", base: 2, rows: [.init(label: "k&", atLow: 1.5, atHigh: 2.5, lowText: "1 <", highText: "2 >")])
        _ = XMLProbe.parse(tornado.svg(id: "t"))
    }
}
