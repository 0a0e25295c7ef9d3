import Foundation

/// The JSON Schemas (draft 2020-12) of the content, made from `ContentSchema`: what `cohort schema`
/// writes, for editors (the YAML language server completes and checks fields with them) and for
/// scripts that write content. A schema accepts everything `cohort check` accepts; rules it cannot say
/// (a slug naming an existing file, a date after another, totals against the pool) stay in the check.
public enum JSONSchema {
    /// Each kind's schema, as `<kind>.schema.json`, and its translations', as `<kind>.translation.schema.json`.
    /// With `metrics`, a programme's, the company schema's reports name its metrics and their kinds and
    /// nothing else; without, a report may name any metric.
    public static func files(metrics: MetricCatalogue? = nil) -> [OutputFile] {
        (ContentSchema.kinds + ContentSchema.kinds.map(\.translation)).map { OutputFile(path: fileName(of: $0), text: text(of: $0, metrics: metrics)) }
    }

    /// The metrics that the programme of the content folder `folder` declares, when it has a
    /// `programme.yml` that declares them readably.
    public static func metrics(ofContent folder: URL) -> MetricCatalogue? {
        let url = folder.appendingPathComponent("programme.yml")
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else { return nil }
        return ProgrammeDecoder.decode(SourceFile(displayPath: url.path, relativePath: "programme.yml", text: text)).metrics
    }

    /// `company.schema.json`.
    public static func fileName(of kind: ContentSchema.Kind) -> String { kind.name + ".schema.json" }

    static func text(of kind: ContentSchema.Kind, metrics: MetricCatalogue? = nil) -> String {
        guard case .object(var root) = object(kind.fields, metrics: metrics) else { return "" }
        root["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        root["title"] = .string("\(kind.title) (\(kind.files))")
        let translation = kind.isTranslation
            ? " A translation holds text only; the facts come from the original file." : ""
        let part = kind.isFrontMatter ? "The YAML front matter of the file, between its `---` lines." : "The YAML file."
        root["description"] = .string(part + translation + " Written by `cohort schema`; see docs/content-format.md.")
        root["$defs"] = .object(definitions)
        return JSONValue.object(root).text
    }

    /// A map with `fields`, no others; a field that is not required may also be written with no value.
    private static func object(_ fields: [SchemaField], metrics: MetricCatalogue?) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            var value = schema(of: field.type, metrics: metrics)
            if field.required != .yes { value = ["anyOf": [value, ["type": "null"]]] }
            guard case .object(var property) = value else { continue }
            property["description"] = .string(field.meaning)
            properties[field.name] = .object(property)
        }
        return [
            "type": "object",
            "properties": .object(properties),
            "required": .array(fields.filter { $0.required == .yes }.map { .string($0.name) }),
            "additionalProperties": false,
        ]
    }

    private static func schema(of type: SchemaType, metrics: MetricCatalogue?) -> JSONValue {
        switch type {
        case .text: reference("text")
        case .blankableText: ["type": ["string", "number", "boolean"]]
        case .whole(let from, let to):
            ["anyOf": [
                .object(["type": "integer", "minimum": .number(from ?? 0)].merging(to.map { ["maximum": .number($0)] } ?? [:]) { $1 }),
                ["type": "string", "pattern": "^[0-9]+$"],
            ]]
        case .boolean: ["type": "boolean"]
        case .date: reference("date")
        case .slug: reference("slug")
        case .country: ["type": "string", "pattern": "^[A-Z]{2}$"]
        case .currency: reference("currency")
        case .webAddress: ["type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$"]
        case .money: reference("money")
        case .path: ["type": "string", "pattern": "\\S"]
        case .sitePath: ["type": "string", "pattern": "^/?([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*/?$"]
        case .language: ["type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"]
        case .choice(let words): ["enum": .array(words.map { .string($0) })]
        case .listOf(let item, let atLeast, let unique, _):
            .object(["type": "array", "items": schema(of: item, metrics: metrics)]
                .merging(atLeast > 0 ? ["minItems": .number(atLeast)] : [:]) { $1 }
                .merging(unique ? ["uniqueItems": true] : [:]) { $1 })
        case .object(_, let fields): object(fields, metrics: metrics)
        case .either(let forms): ["anyOf": .array(forms.map { schema(of: $0, metrics: metrics) })]
        case .metricReport: report(metrics)
        case .rates:
            ["type": "object", "propertyNames": reference("currency"),
             "additionalProperties": ["anyOf": [["type": "number", "exclusiveMinimum": 0],
                                                ["type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,12})?$"]]]]
        }
    }

    /// A company's metric report: its own fields, and the programme's metrics when known.
    private static func report(_ metrics: MetricCatalogue?) -> JSONValue {
        guard case .object(var report) = object(ContentSchema.metricReport, metrics: nil),
              case .object(var properties) = report["properties"] else { return [:] }
        guard let metrics else {
            report["additionalProperties"] = ["type": ["number", "string"]]
            return .object(report)
        }
        let period: JSONValue = switch metrics.period {
        case .year: ["anyOf": [["type": "integer", "minimum": 1, "maximum": 9999], ["type": "string", "pattern": "^[0-9]{4}$"]]]
        case .quarter: ["type": "string", "pattern": "^[0-9]{4}-Q[1-4]$"]
        case .month: ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"]
        }
        properties["period"] = .object((period.objectValue ?? [:]).merging(["description": .string("The \(metrics.period.rawValue) reported for, such as \(metrics.period.example).")]) { $1 })
        for metric in metrics.metrics {
            var value: [String: JSONValue] = switch metric.kind {
            case .count: ["anyOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9]+$"]]]
            case .number, .percent: ["anyOf": [["type": "number"], ["type": "string", "pattern": "^[-+]?[0-9]+(\\.[0-9]+)?$"]]]
            case .money: (reference("money").objectValue ?? [:])
            }
            value["description"] = .string(metric.name + " (\(metric.kind.rawValue)" + (metric.iris.map { ", IRIS+ \($0)" } ?? "") + ")"
                                           + (metric.description.map { ": " + $0 } ?? ""))
            properties[metric.key.rawValue] = .object(value)
        }
        report["properties"] = .object(properties)
        return .object(report)
    }

    private static func reference(_ name: String) -> JSONValue { ["$ref": .string("#/$defs/" + name)] }

    /// A number as written in an amount: digits, commas between groups of three, a decimal part.
    private static let number = "([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?([kKmM]|[bB][nN]?)?"
    /// The short forms of money: a symbol or a code before the number, a code after it, or a bare number.
    private static let amount = "^\\s*([$€£₪]\\s?|[A-Z]{3}\\s?)?\(number)(\\s?[A-Z]{3})?\\s*$"

    /// The types several fields share.
    private static let definitions: [String: JSONValue] = [
        "text": ["type": ["string", "number", "boolean"], "pattern": "\\S",
                 "description": "Any single value, taken as written; not blank."],
        // The pattern's years are Day.acceptedYears.
        "date": ["type": "string", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$",
                 "description": "A day: YYYY-MM-DD, in a year from 1900 to 2200."],
        "slug": ["type": ["string", "integer"], "pattern": "^[a-z0-9][a-z0-9-]*$", "minimum": 0,
                 "description": "The file name of another entity, without .md: lower-case letters, digits and -."],
        "currency": ["type": "string", "pattern": "^[A-Z]{3}$", "description": "An ISO 4217 code in capitals, such as USD."],
        "money": [
            "description": "An amount: `USD 1,000,000`, `$1m`, `€250k`, a bare number in the programme's currency, or a map with amount and currency.",
            "anyOf": [
                ["type": "number", "minimum": 0],
                ["type": "string", "pattern": .string(amount)],
                ["type": "object", "required": .array(ContentSchema.moneyMap.filter { $0.required == .yes }.map { .string($0.name) }),
                 "additionalProperties": false,
                 "properties": ["amount": ["anyOf": [["type": "number", "minimum": 0], ["type": "string", "pattern": .string(amount)]]],
                                "currency": reference("currency")]],
            ],
        ],
    ]
}

extension JSONValue {
    /// The members of an object.
    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }
}

/// A JSON value, to write schemas with Foundation's encoder.
enum JSONValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements) { $1 }) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(value) }

    /// The value as pretty-printed JSON, keys sorted, with a final line break.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONSchema {
    /// Writes the schemas into `folder`, replacing the schemas Cohort wrote there before (a folder with
    /// other files is left as it is, with an error); returns the problems.
    public static func write(to folder: URL, displayFolder: String, metrics: MetricCatalogue? = nil) -> [Diagnostic] {
        do {
            let staged = try StagedFolder(replacing: folder, protecting: [])
            files(metrics: metrics).forEach(staged.add)
            try staged.commit()
            return []
        } catch {
            return [.error(at: .file(displayFolder), error.description)]
        }
    }

    /// An error for each schema in `folder` that is not what this cohort writes, missing, or no longer written.
    public static func check(_ folder: URL, displayFolder: String, metrics: MetricCatalogue? = nil) -> [Diagnostic] {
        ReportCheck.compare(files(metrics: metrics), with: folder, displayFolder: displayFolder, noun: "schema", origin: "this cohort writes",
                            command: "'cohort schema'")
    }
}
