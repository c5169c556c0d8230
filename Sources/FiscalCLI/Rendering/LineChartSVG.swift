import FiscalCore
import Foundation

/// A line chart of rates by period, e.g. the cumulative execution rate (执行率) of the book and
/// of its largest projects month by month, against the time progress (序时进度).
///
/// Values are fractions (0.5 is 50%); the y axis is in percent from 0 to `yMax`, raised to
/// the largest value if one is higher and rounded up to a gridline. A `nil` value is a gap:
/// the line stops before it and starts again after it.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per x label; `nil` (or a non-finite number) where there is none.
        public var values: [Double?]
        /// Dashed lines are for references such as the time progress; they are grey.
        public var dashed: Bool

        public init(name: String, values: [Double?], dashed: Bool = false) {
            self.name = name
            self.values = values
            self.dashed = dashed
        }

        /// The time-progress line: 1/months, 2/months, … 1, dashed.
        public static func timeProgress(name: String, months: Int = 12) -> Series {
            Series(name: name, values: (0..<max(0, months)).map { Double($0 + 1) / Double(months) }, dashed: true)
        }
    }

    public var title: String
    public var xLabels: [String]
    public var series: [Series]
    /// The top of the y axis as a fraction: 1.0 is 100%.
    public var yMax: Double

    public init(title: String, xLabels: [String], series: [Series], yMax: Double = 1.0) {
        self.title = title
        self.xLabels = xLabels
        self.series = series
        self.yMax = yMax
    }
}

/// The chart as a standalone SVG 1.1 document (XML declaration, `xmlns`, `width`, `height`,
/// `viewBox`), white background, percent gridlines, x labels, one `<path>` per series (a gap
/// is a new `M` subpath) and a legend on the right. Text uses CJK-capable fonts and is
/// XML-escaped. Deterministic: the same chart gives the same bytes.
public func renderSVG(_ chart: LineChart) -> String {
    SVGLineChartLayout(chart).render()
}

/// Colours of solid lines, in order (Tableau 10, which stays distinct on paper too).
private let solidPalette = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
]
/// Colours of dashed (reference) lines.
private let dashedPalette = ["#555555", "#999999"]

private let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif"

private struct SVGLineChartLayout {
    let chart: LineChart
    let count: Int                // points along x
    let values: [[Double?]]       // per series, `count` long, non-finite → nil
    let colours: [String]
    let bottom: Double, top: Double, step: Double
    let fontSize = 13.0, titleSize = 17.0
    let plotLeft = 64.0, plotTop = 52.0, plotHeight = 320.0
    let plotWidth: Double
    var plotRight: Double { plotLeft + plotWidth }
    var plotBottom: Double { plotTop + plotHeight }
    let legendRow = 22.0

    init(_ chart: LineChart) {
        self.chart = chart
        let count = max(1, chart.series.reduce(chart.xLabels.count) { max($0, $1.values.count) })
        self.count = count
        values = chart.series.map { series in
            (0..<count).map { i in
                guard i < series.values.count, let v = series.values[i], v.isFinite else { return nil }
                return v
            }
        }
        var solid = 0, dashed = 0
        colours = chart.series.map { series in
            defer { if series.dashed { dashed += 1 } else { solid += 1 } }
            return series.dashed ? dashedPalette[dashed % dashedPalette.count] : solidPalette[solid % solidPalette.count]
        }
        let all = values.flatMap { $0.compactMap { $0 } }
        let requested = chart.yMax.isFinite && chart.yMax > 0 ? chart.yMax : 1.0
        let high = max(requested, all.max() ?? 0)
        let low = min(0, all.min() ?? 0)
        let step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100].first { (high - low) / $0 <= 8 } ?? 100
        self.step = step
        top = (high / step - 1e-9).rounded(.up) * step
        bottom = (low / step + 1e-9).rounded(.down) * step
        plotWidth = min(1200, max(480, Double(count) * 56))
    }

    func x(_ i: Int) -> Double { plotLeft + (Double(i) + 0.5) * plotWidth / Double(count) }
    func y(_ v: Double) -> Double { plotTop + plotHeight * (top - v) / (top - bottom) }

    /// Estimated width of `text` in pixels: CJK characters are about 1 em, Latin about half.
    func textWidth(_ text: String, size: Double) -> Double { Double(displayWidth(text)) * size * 0.56 }

    func render() -> String {
        let legendLeft = plotRight + 24
        let nameWidth = chart.series.map { textWidth($0.name, size: fontSize) }.max()
        let width = (nameWidth.map { legendLeft + 36 + $0 + 16 } ?? plotRight + 24).rounded(.up)
        let legendBottom = plotTop + legendRow * Double(chart.series.count) + 16
        let height = max(plotBottom + 44, legendBottom).rounded(.up)

        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(n(width))" height="\(n(height))" \
        viewBox="0 0 \(n(width)) \(n(height))" font-family="\(fontFamily)" font-size="\(n(fontSize))">
        <title>\(escapeXML(chart.title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
        <text x="\(n(width / 2))" y="30" font-size="\(n(titleSize))" font-weight="bold" text-anchor="middle" fill="#222222">\(escapeXML(chart.title))</text>

        """

        // Gridlines and the percent scale.
        out += "<g class=\"grid\">\n"
        let lines = Int(((top - bottom) / step).rounded())
        for k in 0...lines {
            let v = bottom + Double(k) * step
            let stroke = abs(v) < step / 2 ? "#999999" : "#e3e3e3"
            out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(v)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(v)))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(n(plotLeft - 8))\" y=\"\(n(y(v) + 4.5))\" text-anchor=\"end\" fill=\"#444444\">\(Int((v * 100).rounded()))%</text>\n"
        }
        out += "</g>\n"

        // Axes, ticks and x labels; labels are thinned out when they would overlap.
        out += "<g class=\"axes\">\n"
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotTop))\" x2=\"\(n(plotLeft))\" y2=\"\(n(plotBottom))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        let labelWidth = chart.xLabels.map { textWidth($0, size: fontSize) }.max() ?? 0
        let every = max(1, Int(((labelWidth + 8) / (plotWidth / Double(count))).rounded(.up)))
        for i in 0..<count {
            out += "<line x1=\"\(n(x(i)))\" y1=\"\(n(plotBottom))\" x2=\"\(n(x(i)))\" y2=\"\(n(plotBottom + 5))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
            if i < chart.xLabels.count, i % every == 0 {
                out += "<text x=\"\(n(x(i)))\" y=\"\(n(plotBottom + 22))\" text-anchor=\"middle\" fill=\"#444444\">\(escapeXML(chart.xLabels[i]))</text>\n"
            }
        }
        out += "</g>\n"

        // The lines: one path per series, a new subpath after each gap.
        for (s, series) in chart.series.enumerated() {
            let points = values[s]
            var d: [String] = []
            var markers: [Int] = []
            for i in 0..<count {
                guard let v = points[i] else { continue }
                let afterGap = i == 0 || points[i - 1] == nil
                d.append("\(afterGap ? "M" : "L")\(n(x(i))),\(n(y(v)))")
                let isolated = afterGap && (i + 1 == count || points[i + 1] == nil)
                if !series.dashed || isolated { markers.append(i) }
            }
            out += "<g class=\"series\">\n"
            if !d.isEmpty {
                out += "<path d=\"\(d.joined(separator: " "))\" fill=\"none\" stroke=\"\(colours[s])\" stroke-width=\"2\"\(series.dashed ? " stroke-dasharray=\"6 4\"" : "") stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
            }
            for i in markers {
                out += "<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(points[i]!)))\" r=\"3\" fill=\"\(colours[s])\"/>\n"
            }
            out += "</g>\n"
        }

        // The legend: a sample of each line and its name.
        out += "<g class=\"legend\">\n"
        for (s, series) in chart.series.enumerated() {
            let rowY = plotTop + 10 + legendRow * Double(s)
            out += "<line x1=\"\(n(legendLeft))\" y1=\"\(n(rowY))\" x2=\"\(n(legendLeft + 28))\" y2=\"\(n(rowY))\" stroke=\"\(colours[s])\" stroke-width=\"2\"\(series.dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
            if !series.dashed {
                out += "<circle cx=\"\(n(legendLeft + 14))\" cy=\"\(n(rowY))\" r=\"3\" fill=\"\(colours[s])\"/>\n"
            }
            out += "<text x=\"\(n(legendLeft + 36))\" y=\"\(n(rowY + 4.5))\" fill=\"#222222\">\(escapeXML(series.name))</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// A coordinate: at most two decimals, no trailing zeros, never "-0".
    func n(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// `text` safe as XML character data or an attribute value (one escaping for SVG, xlsx and HTML).
private func escapeXML(_ text: String) -> String { TextEscaping.xml(text) }
