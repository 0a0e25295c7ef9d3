import Foundation
import Testing
@testable import CohortKit

/// The declarations of the content's fields, the JSON Schemas made from them, and the docs that describe
/// them. (`make lint-schemas` validates every content file of the repository with the schemas.)
@Suite struct SchemaTests {
    /// The declaration each field table of docs/content-format.md describes, by the table's heading.
    static let tables: [String: [SchemaField]] = [
        "`programme.yml`": ContentSchema.programme, "`organizations/<slug>.md`": ContentSchema.organization,
        "`companies/<slug>.md`": ContentSchema.company, "Rounds": ContentSchema.round,
        "The single form: `investment`": ContentSchema.investment, "Exits": ContentSchema.exit,
        "Valuations": ContentSchema.valuation, "Distributions": ContentSchema.distribution, "Metrics": ContentSchema.metric,
        "Metric reports": ContentSchema.metricReport,
        "`agreements/<slug>.md`": ContentSchema.agreement,
        "`news/<slug>.md`": ContentSchema.news, "`pages/<slug>.md`": ContentSchema.page,
    ]

    @Test func theDocsFieldTablesAreTheDeclarations() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
        var heading = ""
        var documented: [String: [[String]]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                heading = String(line.drop { $0 == "#" }.dropFirst())
            } else if line.hasPrefix("| `"), Self.tables[heading] != nil {
                documented[heading, default: []].append(line.dropFirst(2).dropLast(2).components(separatedBy: " | "))
            }
        }
        #expect(Set(documented.keys) == Set(Self.tables.keys))
        for (heading, fields) in Self.tables {
            let declared = fields.map { ["`\($0.name)`", $0.type.label, $0.required.label, $0.meaning] }
            #expect(documented[heading] == declared, "the table under \(heading)")
        }
    }

    @Test func theDecodersRequireWhatTheDeclarationsRequireAndNothingElse() throws {
        // A file with no field: each decoder reports exactly the fields its kind declares required.
        for kind in ContentSchema.kinds {
            let required = Set(kind.fields.filter { $0.required == .yes }.map { "missing required field '\($0.name)'" })
            let diagnostics = if let folder = kind.folder {
                decode("---\n{}\n---\n", in: folder).1
            } else {
                ProgrammeDecoder.decode(SourceFile(displayPath: "programme.yml", relativePath: "programme.yml", text: "{}\n")).diagnostics
            }
            #expect(Set(diagnostics.map(\.message)) == required, "\(kind.name)")
            #expect(!required.isEmpty, "\(kind.name)")
        }
    }

    @Test func everyFieldIsReadAsItsDeclaredType() throws {
        // Each field but free text, alone in a file, with a value no other type takes: the decoder
        // reads it as its declaration's type says, so the value is an error at the field's value.
        func isFreeText(_ type: SchemaType) -> Bool {
            switch type {
            case .text, .blankableText, .path: true
            default: false
            }
        }
        for kind in ContentSchema.kinds {
            for field in kind.fields where !isFreeText(field.type) {
                let line = "\(field.name): \"Not a value!\"\n"
                let diagnostics = if let folder = kind.folder {
                    decode("---\n" + line + "---\n", in: folder).1
                } else {
                    ProgrammeDecoder.decode(SourceFile(displayPath: "programme.yml", relativePath: "programme.yml", text: line)).diagnostics
                }
                let at = SourceLocation(path: kind.folder == nil ? "programme.yml" : diagnostics.first?.location.path ?? "",
                                        line: kind.folder == nil ? 1 : 2, column: field.name.count + 3)
                #expect(diagnostics.contains { $0.severity == .error && $0.location == at },
                        "\(kind.name).\(field.name) (\(field.type)): \(diagnostics.map { "\($0.location) \($0.message)" })")
            }
        }
    }

    @Test func eachChoiceHasTheWordsItsDeclarationLists() {
        func words(_ fields: [SchemaField], _ name: String) -> [String]? {
            guard case .choice(let words)? = fields.first(where: { $0.name == name })?.type else { return nil }
            return words
        }
        #expect(words(ContentSchema.organization, "kind") == Organization.Kind.allCases.map(\.rawValue))
        #expect(words(ContentSchema.company, "status") == Company.Status.allCases.map(\.rawValue))
        #expect(words(ContentSchema.agreement, "kind") == Agreement.Kind.allCases.map(\.rawValue))
        #expect(words(ContentSchema.agreement, "status") == Agreement.Status.allCases.map(\.rawValue))
        #expect(words(ContentSchema.round, "kind") == Round.Kind.allCases.map(\.rawValue))
        #expect(words(ContentSchema.round, "instrument") == Round.Instrument.allCases.map(\.rawValue))
        #expect(words(ContentSchema.exit, "kind") == Exit.Kind.allCases.map(\.rawValue))
        #expect(words(ContentSchema.distribution, "kind") == Distribution.Kind.allCases.map(\.rawValue))
        #expect(words(ContentSchema.metric, "kind") == Metric.Kind.allCases.map(\.rawValue))
        #expect(words(ContentSchema.metric, "total") == Metric.Total.allCases.map(\.rawValue))
        #expect(words(ContentSchema.programme, "metrics_period") == Period.Kind.allCases.map(\.rawValue))
    }

    @Test func aTranslationSchemaHasItsKindsTextAndNothingRequired() throws {
        let company = try #require(ContentSchema.kinds.first { $0.name == "company" }).translation
        #expect(company.name == "company.translation" && company.isTranslation)
        #expect(ContentSchema.names(company.fields) == ["name", "sector", "tags"])
        #expect(company.fields.allSatisfy { $0.required == .no })
        #expect(JSONSchema.fileName(of: company) == "company.translation.schema.json")
    }

    @Test func aTranslationDividesEveryFieldOfItsKindIntoTextAndFacts() {
        let kinds: [ContentFolder?: [SchemaField]] = [
            nil: ContentSchema.programme, .organizations: ContentSchema.organization, .companies: ContentSchema.company,
            .agreements: ContentSchema.agreement, .news: ContentSchema.news, .pages: ContentSchema.page,
        ]
        for (folder, fields) in kinds {
            let allowed = TranslationDecoder.fields[folder]
            #expect(allowed.map { ($0.text + $0.facts).sorted() } == ContentSchema.names(fields).sorted(), "\(String(describing: folder))")
        }
    }

    @Test func eachSchemaNamesItsFieldsAndWhichAreRequired() throws {
        let files = Dictionary(uniqueKeysWithValues: JSONSchema.files().map { ($0.path, $0.bytes) })
        let kinds = ["agreement", "company", "news", "organization", "page", "programme"]
        #expect(files.keys.sorted() == kinds.flatMap { [$0 + ".schema.json", $0 + ".translation.schema.json"] })
        let data = try #require(files["company.schema.json"])
        let company = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(company["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(company["additionalProperties"] as? Bool == false)
        #expect(company["required"] as? [String] == ["name", "status"])
        let properties = try #require(company["properties"] as? [String: Any])
        #expect(properties.keys.sorted() == ContentSchema.names(ContentSchema.company).sorted())
        let status = try #require(properties["status"] as? [String: Any])
        #expect(status["description"] as? String == ContentSchema.company[1].meaning)
        #expect(status["enum"] as? [String] == ["candidate", "selected", "signed", "funded", "exited", "withdrawn"])
        // A field that is not required may be written with no value, which counts as absent.
        let sector = try #require(properties["sector"] as? [String: Any])
        #expect((sector["anyOf"] as? [[String: Any]])?.last?["type"] as? String == "null")
    }

    @Test func checkingFindsMissingStaleAndExtraSchemas() throws {
        let folder = try TemporaryFolder()
        let schemas = folder.url.appendingPathComponent("schemas")
        #expect(JSONSchema.write(to: schemas, displayFolder: "schemas").isEmpty)
        #expect(JSONSchema.check(schemas, displayFolder: "schemas").isEmpty)
        #expect(JSONSchema.write(to: schemas, displayFolder: "schemas").isEmpty, "written again over its own files")

        let company = schemas.appendingPathComponent("company.schema.json")
        let text = try String(contentsOf: company, encoding: .utf8)
        try text.replacingOccurrences(of: "\"withdrawn\"", with: "\"gone\"").write(to: company, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: schemas.appendingPathComponent("page.schema.json"))
        let problems = JSONSchema.check(schemas, displayFolder: "schemas")
        let messages = problems.map(\.message).sorted()
        #expect(messages == [
            "schema is missing",
            "schema is stale: line \(Self.line(of: "\"gone\"", in: try String(contentsOf: company, encoding: .utf8))) is not what this cohort writes; expected '        \"withdrawn\"'",
        ].sorted())
        #expect(problems.allSatisfy { $0.hint == "run 'cohort schema' and commit schemas" })
    }

    @Test func aFolderWithOtherFilesIsNotReplaced() throws {
        let folder = try TemporaryFolder(["schemas/notes.txt": "mine"])
        let problems = JSONSchema.write(to: folder.url.appendingPathComponent("schemas"), displayFolder: "schemas")
        #expect(problems.count == 1)
        #expect(try String(contentsOf: folder.url.appendingPathComponent("schemas/notes.txt"), encoding: .utf8) == "mine")
    }

    private static func line(of text: String, in file: String) -> Int {
        (file.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }
}
