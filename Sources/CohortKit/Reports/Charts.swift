/// The report charts as static SVG: a title and a description for screen readers, text labels, no
/// script, and whole-number coordinates so the bytes never depend on the machine.
enum Charts {
    /// One chart: its file name under charts/, its description (the alternative text), and its SVG.
    struct Chart: Sendable {
        var name: String
        var description: String
        var svg: String
    }

    /// Every chart of the reports.
    static func all(_ figures: Figures) -> [Chart] {
        drawings.map { $0.draw(figures) }
    }

    /// Each chart's file name, with what draws it (the chart it draws has that name): the site plans
    /// the files by name before the figures are computed.
    static let drawings: [(name: String, draw: @Sendable (Figures) -> Chart)] = [
        (Name.allocation, allocation), (Name.commitments, commitments), (Name.performance, performance), (Name.pool, pool),
    ]

    /// The charts' file names.
    private enum Name {
        static let allocation = "charts/allocation.svg", commitments = "charts/commitments.svg"
        static let performance = "charts/performance.svg", pool = "charts/pool.svg"
    }

    static let accent = "#0b5cad"
    static let estimate = "#7fa9d6"
    static let rest = "#d9dee7"
    static let paid = "#1b7f4b"
    static let text = "#1d2330"

    /// The pool as a bar of `length`: the lengths of the stated and of the estimated part of what is
    /// committed (the rest is what is left), for the reports' chart and the site's alike.
    static func poolSplit(_ figures: Figures, length: Int) -> (stated: Int, estimated: Int) {
        let pool = max(figures.pool.minorUnits, 1)
        let estimated = figures.committed.estimated.minorUnits
        let stated = scaled(figures.committed.amount.minorUnits - estimated, of: pool, to: length)
        return (stated, min(length - stated, scaled(estimated, of: pool, to: length)))
    }

    /// Pool used against pool left, as one bar.
    static func pool(_ figures: Figures) -> Chart {
        let width = 640, barWidth = 600, left = 20
        let (statedWidth, estimatedWidth) = poolSplit(figures, length: barWidth)
        let description = "Committed \(ReportText.total(figures.committed)) of a pool of \(figures.pool.formatted); \(figures.remaining.formatted) remaining."
        var svg = header(width: width, height: 130, title: "Pool used and left", description: description)
        svg.append(#"  <rect x="\#(left)" y="44" width="\#(barWidth)" height="32" fill="\#(rest)"/>"#)
        svg.append(#"  <rect x="\#(left)" y="44" width="\#(statedWidth)" height="32" fill="\#(accent)"/>"#)
        svg.append(#"  <rect x="\#(left + statedWidth)" y="44" width="\#(estimatedWidth)" height="32" fill="\#(estimate)"/>"#)
        svg.append(label(x: left, y: 32, "Committed: \(ReportText.total(figures.committed))"))
        svg.append(label(x: left + barWidth, y: 32, "Remaining: \(figures.remaining.formatted)", anchor: "end"))
        svg.append(label(x: left, y: 100, "Pool: \(figures.pool.formatted)"))
        if figures.committed.isEstimated {
            svg.append(#"  <rect x="\#(left + barWidth - 170)" y="89" width="14" height="14" fill="\#(estimate)"/>"#)
            svg.append(label(x: left + barWidth, y: 100, "estimated part", anchor: "end"))
        }
        return Chart(name: Name.pool, description: description, svg: footer(svg))
    }

    /// Committed amounts by focus area, one horizontal bar each.
    static func allocation(_ figures: Figures) -> Chart {
        let groups = figures.byFocusArea
        let width = 720, labelWidth = 180, barWidth = 220, rowHeight = 30, top = 20
        let largest = max(groups.map(\.committed.amount.minorUnits).max() ?? 0, 1)
        let summary = groups.map { "\($0.name): \(ReportText.total($0.committed))" }.joined(separator: "; ")
        let description = summary.isEmpty ? "No companies yet." : "Committed by focus area. " + summary + "."
        var svg = header(width: width, height: top + max(groups.count, 1) * rowHeight + 10,
                         title: "Committed by focus area", description: description)
        if groups.isEmpty { svg.append(label(x: 20, y: top + 20, "No companies yet.")) }
        for (index, group) in groups.enumerated() {
            let y = top + index * rowHeight
            let barLength = scaled(group.committed.amount.minorUnits, of: largest, to: barWidth)
            let fill = group.committed.isAllEstimated ? estimate : accent
            svg.append(label(x: labelWidth - 10, y: y + 16, group.name, anchor: "end"))
            svg.append(#"  <rect x="\#(labelWidth)" y="\#(y + 4)" width="\#(barLength)" height="18" fill="\#(fill)"/>"#)
            svg.append(label(x: labelWidth + barLength + 8, y: y + 16, "\(ReportText.total(group.committed)), \(group.companies) \(group.companies == 1 ? "company" : "companies")"))
        }
        return Chart(name: Name.allocation, description: description, svg: footer(svg))
    }

    /// Cumulative committed and disbursed amounts by quarter: two columns each, committed then
    /// disbursed, with the committed amount above the pair and the disbursed one under the quarter.
    static func commitments(_ figures: Figures) -> Chart {
        let quarters = figures.timeline
        let summary = quarters.map {
            "\($0.name): committed \(ReportText.total($0.cumulative)), disbursed \(ReportText.total($0.cumulativeDisbursed))"
        }.joined(separator: "; ")
        let description = summary.isEmpty ? "Nothing committed yet." : "Cumulative committed and disbursed amounts by quarter. " + summary + "."
        let svg = pairedColumns(
            title: "Committed and disbursed over time", description: description, legend: [(accent, "Committed"), (paid, "Disbursed")],
            empty: "Nothing committed yet.", largest: max(quarters.map(\.cumulative.amount.minorUnits).max() ?? 0, figures.pool.minorUnits, 1),
            pairs: quarters.map { quarter in
                ColumnPair(name: quarter.name, first: quarter.cumulative.amount, firstFill: quarter.cumulative.isAllEstimated ? estimate : accent,
                           second: quarter.cumulativeDisbursed.amount, secondFill: paid, above: quarter.cumulative.amount,
                           below: quarter.cumulativeDisbursed.amount)
            })
        return Chart(name: Name.commitments, description: description, svg: svg)
    }

    /// What was paid in against what it is worth (realised and unrealised) at each quarter's end and
    /// on the reporting date: two columns each, paid in then value, labelled as the commitments chart.
    static func performance(_ figures: Figures) -> Chart {
        let rows = figures.performance
        let value = { (row: Returns) in Money(minorUnits: row.realised.minorUnits.saturatingAdding(row.unrealised.minorUnits), currency: figures.currency) }
        let summary = rows.map { row in
            "\(ReportText.day(row.date)): paid in \(row.disbursed.formatted), value \(value(row).formatted) (TVPI \(ReportText.ratio(row.tvpi)))"
        }.joined(separator: "; ")
        let description = summary.isEmpty ? "Nothing disbursed yet." : "Paid in and value (realised and unrealised) by quarter. " + summary + "."
        let svg = pairedColumns(
            title: "Paid in and value by quarter", description: description, legend: [(paid, "Paid in"), (accent, "Value")],
            empty: "Nothing disbursed yet.", largest: max(rows.map { max($0.disbursed.minorUnits, value($0).minorUnits) }.max() ?? 0, 1),
            pairs: rows.map { row in
                ColumnPair(name: row.date.map(quarterLabel) ?? "—", first: row.disbursed, firstFill: paid, second: value(row), secondFill: accent,
                           above: value(row), below: row.disbursed)
            })
        return Chart(name: Name.performance, description: description, svg: svg)
    }

    /// Two columns of a column chart, side by side, under a name.
    struct ColumnPair {
        var name: String
        var first: Money
        var firstFill: String
        var second: Money
        var secondFill: String
        /// The amount written above the pair, and the one under its name (in the colour of paid money).
        var above: Money
        var below: Money
    }

    /// A chart of column pairs, each scaled to `largest`, with a legend and a base line. Labels need
    /// about 64 units: with narrower columns, every few pairs has them, counting back from the last (the
    /// latest); the description has every figure.
    private static func pairedColumns(title: String, description: String, legend: [(fill: String, label: String)], empty: String,
                                      largest: Int, pairs: [ColumnPair]) -> String {
        let width = 640, height = 290, left = 20, bottom = 230, chartHeight = 160
        let columnWidth = pairs.isEmpty ? 0 : min(120, (width - 2 * left) / pairs.count)
        let barWidth = max(1, (columnWidth - 12) / 2)
        var svg = header(width: width, height: height, title: title, description: description)
        for (index, key) in legend.enumerated() {
            svg.append(#"  <rect x="\#(left + index * 120)" y="12" width="14" height="14" fill="\#(key.fill)"/>"#)
            svg.append(label(x: left + index * 120 + 20, y: 24, key.label))
        }
        svg.append(#"  <line x1="\#(left)" y1="\#(bottom)" x2="\#(width - left)" y2="\#(bottom)" stroke="\#(text)"/>"#)
        if pairs.isEmpty { svg.append(label(x: left, y: bottom - 10, empty)) }
        let stride = columnWidth == 0 ? 1 : max(1, (64 + columnWidth - 1) / columnWidth)
        for (index, pair) in pairs.enumerated() {
            let x = left + index * columnWidth
            let firstHeight = scaled(pair.first.minorUnits, of: largest, to: chartHeight)
            let secondHeight = scaled(pair.second.minorUnits, of: largest, to: chartHeight)
            svg.append(#"  <rect x="\#(x + 6)" y="\#(bottom - firstHeight)" width="\#(barWidth)" height="\#(firstHeight)" fill="\#(pair.firstFill)"/>"#)
            svg.append(#"  <rect x="\#(x + 6 + barWidth)" y="\#(bottom - secondHeight)" width="\#(barWidth)" height="\#(secondHeight)" fill="\#(pair.secondFill)"/>"#)
            guard (pairs.count - 1 - index) % stride == 0 else { continue }
            let top = bottom - max(firstHeight, secondHeight)
            svg.append(label(x: x + columnWidth / 2, y: top - 6, short(pair.above), anchor: "middle", size: 11))
            svg.append(label(x: x + columnWidth / 2, y: bottom + 18, pair.name, anchor: "middle"))
            svg.append(label(x: x + columnWidth / 2, y: bottom + 36, short(pair.below), anchor: "middle", size: 11, color: paid))
        }
        return footer(svg)
    }

    /// A day of the performance rows as a column's label: `2021 Q2` for a quarter's end, else the day.
    static func quarterLabel(_ day: Day) -> String {
        day == day.quarterEnd ? "\(day.year) Q\(day.quarter)" : day.description
    }

    /// An amount short enough for a column's label: `USD 2.44m`, `USD 500k`, `USD 0`; the description
    /// has the exact amounts.
    static func short(_ money: Money) -> String {
        let major = money.minorUnits / money.currency.minorUnitsPerMajor
        for (size, suffix) in [(1_000_000_000, "bn"), (1_000_000, "m"), (1_000, "k")] where major >= size {
            // Hundredths of the unit, rounded half up: 2,440,000 is 244 hundredths of a million.
            let step = size / 100
            let hundredths = major / step + (major % step >= step / 2 ? 1 : 0)
            let fraction = hundredths % 100
            let decimals = fraction == 0 ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction < 10 ? "0" : "")\(fraction)"
            return "\(money.currency.code) \(hundredths / 100)\(decimals)\(suffix)"
        }
        return "\(money.currency.code) \(major)"
    }

    /// `value` as a share of `whole`, in whole units of `length`, rounded; never more than `length`.
    static func scaled(_ value: Int, of whole: Int, to length: Int) -> Int {
        guard value > 0 else { return 0 }
        let (product, overflow) = value.multipliedReportingOverflow(by: length)
        guard !overflow else { return length }
        return min(length, (product + whole / 2) / whole)
    }

    private static func header(width: Int, height: Int, title: String, description: String) -> [String] {
        [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" role="img" aria-labelledby="title desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13" fill="\#(text)">"#,
            "  <title id=\"title\">\(XML.escape(title))</title>",
            "  <desc id=\"desc\">\(XML.escape(description))</desc>",
            #"  <rect width="\#(width)" height="\#(height)" fill="white"/>"#,
        ]
    }

    private static func footer(_ lines: [String]) -> String {
        (lines + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    private static func label(x: Int, y: Int, _ text: String, anchor: String = "start", size: Int? = nil, color: String? = nil) -> String {
        let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        let sizeAttribute = size.map { " font-size=\"\($0)\"" } ?? ""
        let colorAttribute = color.map { " fill=\"\($0)\"" } ?? ""
        return "  <text x=\"\(x)\" y=\"\(y)\"\(anchorAttribute)\(sizeAttribute)\(colorAttribute)>\(XML.escape(text))</text>"
    }
}
