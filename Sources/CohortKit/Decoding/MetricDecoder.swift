import Foundation

/// Decodes the metrics a programme collects (`metrics` and `metrics_period` in `programme.yml`) and
/// the reports a company writes of them (`metrics` in its file), checked against that declaration.
struct MetricDecoder {
    /// The names a metric's key may not take: a report's own fields.
    static let reportFields = ContentSchema.names(ContentSchema.metricReport)

    let reader: NodeReader

    // MARK: - The declaration

    /// The declared metrics, each key once and none of a report's own fields.
    func declarations(_ node: YAMLNode) -> [Metric] {
        var metrics: [Metric] = []
        for item in reader.list(node) ?? [] {
            guard let fields = reader.fields(item, declared: ContentSchema.metric) else { continue }
            let key: Located<Slug>? = fields.read("key")
            let name: String? = fields.read("name")
            let kind: Metric.Kind? = fields.read("kind")
            let iris = fields.value("iris") { node -> String? in
                guard let text = reader.nonEmptyString(node) else { return nil }
                guard Self.isIRISIdentifier(text) else {
                    reader.error(node, "'\(text)' is not an IRIS+ metric id", hint: "IRIS+ ids are two capital letters and four digits, such as PI4874 (total jobs)")
                    return nil
                }
                return text
            }
            let description: String? = fields.read("description")
            let total: Metric.Total? = fields.read("total")
            guard let key, let name, let kind else { continue }
            if Self.reportFields.contains(key.value.rawValue) {
                reader.error(at: key.location, "'\(key.value)' names a field of every report; a metric needs another key",
                             hint: "a report has 'period', 'estimated' and 'source' of its own")
                continue
            }
            if metrics.contains(where: { $0.key == key.value }) {
                reader.error(at: key.location, "metric '\(key.value)' is declared twice")
                continue
            }
            if kind == .percent, total == .sum {
                reader.error(at: fields.location(of: "total"), "percentages are not added up: a percent metric has no sum",
                             hint: "remove 'total', or declare the metric as a number")
                continue
            }
            metrics.append(Metric(key: key.value, name: name, kind: kind, iris: iris, description: description,
                                  total: total ?? (kind == .percent ? .none : .sum), location: key.location))
        }
        return metrics
    }

    /// Whether `text` has the form of an IRIS+ metric id: two capital letters and four digits (`PI4874`).
    static func isIRISIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 6 && bytes.prefix(2).allSatisfy { (65...90).contains($0) } && bytes.suffix(4).allSatisfy { (48...57).contains($0) }
    }

    // MARK: - A company's reports

    /// A company's reports, each of the programme's `period` kind, in increasing order and each once,
    /// with only `metrics` keys and values of their kind.
    func reports(_ node: YAMLNode, metrics: [Metric], period kind: Period.Kind) -> [MetricReport] {
        var reports: [MetricReport] = []
        for item in reader.list(node) ?? [] {
            guard case .mapping = item else {
                reader.error(item, "a report is a map: 'period' and the metrics' values, found \(item.kindDescription)",
                             hint: "for example {period: \(kind.example), \(metrics.first?.key.rawValue ?? "employees"): 12}")
                continue
            }
            guard let fields = reader.fields(item, declared: ContentSchema.metricReport, also: metrics.map(\.key.rawValue)) else { continue }
            guard let periodNode = fields.value("period"), let written = reader.nonEmptyString(periodNode) else { continue }
            guard let period = Period(written, kind: kind) else {
                reader.error(periodNode, "'\(written)' is not a \(kind.rawValue): the programme's metrics are reported by \(kind.rawValue)",
                             hint: "write it as \(kind.example) (metrics_period in programme.yml says how often companies report)")
                continue
            }
            guard reader.isAccepted(year: period.year, of: "period \(written)", at: periodNode) else { continue }
            let location = reader.location(periodNode)
            if let previous = reports.last, period <= previous.period {
                reader.error(at: location, period == previous.period ? "the period \(period) is reported twice"
                                 : "the period \(period) comes after \(previous.period): reports are in the order of their periods",
                             hint: period == previous.period ? "give each period one report, with all its values" : "write the reports oldest first")
            }
            var values: [MetricReport.Entry] = []
            for metric in metrics {
                guard let valueNode = fields.node(metric.key.rawValue), let value = self.value(valueNode, of: metric) else { continue }
                values.append(MetricReport.Entry(key: metric.key, value: value, location: reader.location(valueNode)))
            }
            let estimated: Bool = fields.read("estimated") ?? false
            let source: String? = fields.read("source")
            reports.append(MetricReport(period: period, values: values, estimated: estimated, source: source, location: location))
        }
        return reports
    }

    /// A value of `metric`'s kind.
    private func value(_ node: YAMLNode, of metric: Metric) -> MetricValue? {
        switch metric.kind {
        case .count:
            // A count is a whole number from zero: anything else is reported as such.
            return reader.int(node).map(MetricValue.count)
        case .number, .percent:
            guard case .scalar(let scalar) = node, let number = Self.decimal(scalar.string) else {
                reader.error(node, "expected a number such as 12.5 for '\(metric.key)', found \(node.kindDescription)")
                return nil
            }
            return .number(number)
        case .money:
            guard case .scalar = node else {
                reader.error(node, "expected an amount such as 'EUR 1,000,000' or '$1m' for '\(metric.key)', found \(node.kindDescription)")
                return nil
            }
            return reader.money(node).map(MetricValue.money)
        }
    }

    /// A decimal number as written: an optional sign, digits and at most one point (`-3`, `12.5`).
    static func decimal(_ text: String) -> Decimal? {
        let trimmed = text.trimmingWhitespace()
        let unsigned = trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? trimmed.dropFirst() : trimmed[...]
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              unsigned.utf8.count <= 30 else { return nil }
        return Decimal(string: String(trimmed), locale: Locale(identifier: "en_US_POSIX"))
    }
}
