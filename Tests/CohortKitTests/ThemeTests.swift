import Foundation
import Testing
@testable import CohortKit

@Suite struct ThemeTests {
    @Test func templateSyntaxErrorNamesFileAndLine() {
        let source = SourceFile(displayPath: "templates/company.mustache", relativePath: "company.mustache",
                                text: "<h1>{{name}}</h1>\n{{#agreements}}\n<p>{{title}}</p>\n")
        let (library, _, diagnostics) = Theme.parse([source])
        #expect(library == nil)
        #expect(located(diagnostics).first == "templates/company.mustache:2:1: template syntax error: section 'agreements' is opened here but never closed")
    }

    @Test func theSectionLeftOpenIsFoundAsTheParserReadsTags() {
        // After a change of delimiters (and past a comment that holds a tag), where swift-mustache's parser
        // found the section: a scan for `{{` would find none, or the wrong one.
        let source = SourceFile(displayPath: "templates/company.mustache", relativePath: "company.mustache",
                                text: "{{! {{#commented}} }}<p>\n{{=<% %>=}}\n<ul><%#items%><li><%#item%>x</li>\n<%/items%></ul>\n")
        let unclosed = SourceFile(displayPath: "templates/page.mustache", relativePath: "page.mustache",
                                  text: "{{=<% %>=}}\n  <%#items%>\n<%name%>\n")
        let (library, _, diagnostics) = Theme.parse([source, unclosed])
        #expect(library == nil)
        #expect(located(diagnostics) == [
            "templates/company.mustache:3:19: template syntax error: section 'item' is opened here but not closed before '<%/items%>' at line 4, column 1",
            "templates/page.mustache:2:3: template syntax error: section 'items' is opened here but never closed",
        ])
    }

    @Test func aSectionClosedByAnotherNamesTheOneLeftOpenWhereItOpens() {
        let source = SourceFile(displayPath: "templates/company.mustache", relativePath: "company.mustache",
                                text: "<main>\n<ul>{{#items}}<li>{{#item}}{{name}}</li>\n{{/items}}</ul>\n</main>\n")
        let (library, _, diagnostics) = Theme.parse([source])
        #expect(library == nil)
        #expect(located(diagnostics) == [
            "templates/company.mustache:2:19: template syntax error: section 'item' is opened here but not closed before '{{/items}}' at line 3, column 1",
        ])
    }

    @Test func templatesThatIncludeThemselvesAreAnErrorNotACrash() {
        let sources = [
            SourceFile(displayPath: "templates/partials/a.mustache", relativePath: "partials/a.mustache", text: "<p>\n{{> partials/b}}\n"),
            SourceFile(displayPath: "templates/partials/b.mustache", relativePath: "partials/b.mustache", text: "{{> partials/a}}\n"),
            SourceFile(displayPath: "templates/partials/c.mustache", relativePath: "partials/c.mustache", text: "x {{> partials/c}}\n"),
        ]
        #expect(located(Theme.parse(sources).diagnostics) == [
            "templates/partials/b.mustache:1:1: templates include each other without end: partials/a → partials/b → partials/a",
            "templates/partials/c.mustache:1:3: templates include each other without end: partials/c → partials/c",
        ])
    }

    @Test func partialThatDoesNotExistIsAnError() {
        let source = SourceFile(displayPath: "templates/home.mustache", relativePath: "home.mustache",
                                text: "<main>\n  {{> partials/missing}}\n</main>\n")
        let (_, _, diagnostics) = Theme.parse([source])
        #expect(located(diagnostics.filter { $0.message.hasPrefix("no template") }) == [
            "templates/home.mustache:2:3: no template named 'partials/missing'",
        ])
    }

    @Test func includesAreReadAsSwiftMustacheParsesThem() {
        // After a change of delimiters a partial is written <%> name%>; in a comment, {{> name}} is no tag;
        // inside a section, a parent's block and an inverted section, it is.
        let sources = [
            SourceFile(displayPath: "templates/home.mustache", relativePath: "home.mustache",
                       text: "{{! not {{> partials/commented}} }}\n{{#a}}{{^b}}\n  {{> partials/known}}{{/b}}{{/a}}\n{{=<% %>=}}\n<%> partials/other%>\n"),
            SourceFile(displayPath: "templates/page.mustache", relativePath: "page.mustache",
                       text: "{{<base}}{{$body}}{{> partials/inner}}{{/body}}{{/base}}\n"),
            SourceFile(displayPath: "templates/base.mustache", relativePath: "base.mustache", text: "{{$body}}{{> partials/known}}{{/body}}\n"),
            SourceFile(displayPath: "templates/partials/known.mustache", relativePath: "partials/known.mustache", text: "known\n"),
        ]
        let (_, includes, diagnostics) = Theme.parse(sources)
        #expect(located(diagnostics) == [
            "templates/home.mustache:5:1: no template named 'partials/other'",
            "templates/page.mustache:1:19: no template named 'partials/inner'",
        ])
        #expect(includes.references["home"]?.map(\.name) == ["partials/known", "partials/other"])
        #expect(includes.closure(of: "page") == ["page", "base", "partials/known", "partials/inner"])
    }
}


/// The built-in theme: compiled in from templates/, and laid under a programme's own templates.
@Suite struct BuiltInThemeTests {
    func embedded(_ folder: EmbeddedFolder) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: folder.files.map { ($0.path, $0.bytes) })
    }

    @Test func theCompiledThemeIsTheRepositorysTemplatesFolder() {
        // When this fails after adding a file in a new subfolder, SwiftPM kept an old build plan: touch Package.swift.
        #expect(embedded(.theme) == repositoryFiles("templates", keepingHidden: false))
        #expect(EmbeddedFolder.theme.files.map(\.path) == EmbeddedFolder.theme.files.map(\.path).sorted())
    }

    @Test func theCompiledStarterIsTheRepositorysStarterFolder() {
        #expect(embedded(.starter) == repositoryFiles("starter", keepingHidden: true))
        #expect(embedded(.starter)[".github/workflows/cohort.yml"] != nil)
    }

    /// The example's pages rendered with the built-in theme and the given templates laid over it.
    func renderExample(overrides: [String: String]) throws -> [String: Data] {
        let outcome = Project(contentPath: repositoryRoot.appendingPathComponent("content").path).check()
        let folder = try TemporaryFolder(overrides)
        let (theme, diagnostics) = Theme.load(overriding: overrides.isEmpty ? nil : folder.url, displayRoot: "templates")
        #expect(diagnostics.isEmpty)
        let (files, problems) = SiteRenderer.render(try #require(outcome.portfolio), figures: try #require(outcome.figures),
                                                    theme: try #require(theme))
        #expect(problems.isEmpty)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    }

    @Test func theBuiltInThemeAloneBuildsTheSameSiteAsTheTemplatesFolder() throws {
        var templates: [String: String] = [:]
        for (path, data) in repositoryFiles("templates", keepingHidden: false) { templates[path] = String(decoding: data, as: UTF8.self) }
        #expect(try renderExample(overrides: [:]) == renderExample(overrides: templates))
    }

    @Test func overridingOneTemplateChangesOnlyItsPagesAndKeepsTheBuiltInLayout() throws {
        let news = "{{<layout}}\n{{$content}}\n<h1>All our news</h1>\n{{> partials/news-list}}\n{{/content}}\n{{/layout}}\n"
        let builtIn = try renderExample(overrides: [:])
        let overridden = try renderExample(overrides: ["news.mustache": news])
        let changed = Set(builtIn.keys).union(overridden.keys).filter { builtIn[$0] != overridden[$0] }
        #expect(changed == ["news/index.html", "zh/news/index.html", "he/news/index.html"])
        let page = String(decoding: try #require(overridden["news/index.html"]), as: UTF8.self)
        #expect(page.contains("<h1>All our news</h1>"))
        #expect(page.contains("<nav aria-label=\"Main\">"), "the built-in layout frames the page")
    }

    @Test func anOverridesProblemIsReportedInTheProgrammesFile() throws {
        let folder = try TemporaryFolder(["company.mustache": "{{<layout}}\n{{$content}}\n{{> partials/company-tabel}}\n{{/content}}\n{{/layout}}\n"])
        let (theme, diagnostics) = Theme.load(overriding: folder.url, displayRoot: "templates")
        #expect(theme == nil)
        #expect(located(diagnostics) == ["templates/company.mustache:3:1: no template named 'partials/company-tabel'"])
        #expect(diagnostics.first?.hint == "did you mean 'partials/company-table'?")
    }

    @Test func aStringTableIsCheckedAtLoadLikeATemplate() throws {
        let folder = try TemporaryFolder([
            "strings/en.yml": "count_of_total: \"{count} of {totl}\"\ncompaneis: \"Startups\"\ncountry_IL: \"The State of Israel\"\nrows_of: \"{from}-{to} / {count}\"\n",
            "strings/fr.yml": "home: \"Accueil\"\nsearch_description: \"Chercher dans {programme} et {site}\"\n",
        ])
        let (theme, diagnostics) = Theme.load(overriding: folder.url, displayRoot: "templates")
        #expect(theme == nil)
        #expect(located(diagnostics) == [
            "templates/strings/en.yml:1:29: '{totl}' is not a value of 'count_of_total', which has {count} and {total}",
            "templates/strings/en.yml:2:1: no text named 'companeis' in Cohort's string tables",
            "templates/strings/fr.yml:2:51: '{site}' is not a value of 'search_description', which has {programme}",
        ])
        #expect(diagnostics.map(\.hint) == ["did you mean '{total}'?", "did you mean 'companies'?",
                                            "write one of its values in braces, or leave the braces out"])
    }

    @Test func theBuiltInStringTablesUseOnlyTheValuesEnglishDeclares() throws {
        let (theme, diagnostics) = Theme.load(overriding: nil, displayRoot: "templates")
        #expect(diagnostics.isEmpty, "\(located(diagnostics))")
        #expect(Set(try #require(theme).stringTables.keys) == ["en", "zh", "he"])
    }

    @Test func aLoopThroughTheBuiltInThemeIsReportedInTheProgrammesFile() throws {
        // The built-in news page includes partials/news-list; an override that includes the news page closes a loop.
        let folder = try TemporaryFolder(["partials/news-list.mustache": "<ul>\n  {{> news}}\n"])
        let (_, diagnostics) = Theme.load(overriding: folder.url, displayRoot: "templates")
        #expect(located(diagnostics) == [
            "templates/partials/news-list.mustache:2:3: templates include each other without end: partials/news-list → news → partials/news-list",
        ])
    }

    @Test func aTemplatesFolderThatDoesNotExistIsAnError() {
        let (theme, diagnostics) = Theme.load(overriding: URL(fileURLWithPath: "/nonexistent/templates"), displayRoot: "my-templates")
        #expect(theme == nil)
        #expect(located(diagnostics) == ["my-templates:1:1: templates folder not found"])
    }

    @Test func everyCellOfAStackedTableIsLabelledForPhones() throws {
        var cells = 0
        for file in BuiltInTheme.files where file.path.hasSuffix(".mustache") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            guard text.contains("class=\"stack\"") else { continue }
            for cell in text.matches(of: try Regex(#"<td[^>]*>"#)) {
                cells += 1
                #expect(cell.output[0].substring?.contains(try Regex(#"data-label="[^"]+""#)) == true, "\(file.path): \(cell.output[0].substring ?? "")")
            }
        }
        #expect(cells > 20)
    }

    @Test func ejectPicksFilesTemplatesAndFolders() {
        #expect(BuiltInTheme.select([]).files.count == BuiltInTheme.files.count)
        #expect(BuiltInTheme.select(["company.mustache", "partials/news-list", "templates/assets"]).files.map(\.path)
            == ["assets/search.js", "assets/style.css", "company.mustache", "partials/news-list.mustache"])
        #expect(BuiltInTheme.select(["partials/"]).files.map(\.path).allSatisfy { $0.hasPrefix("partials/") })
        #expect(BuiltInTheme.select(["compny.mustache"]).unknown
            == [BuiltInTheme.UnknownName(name: "compny.mustache", hint: "did you mean 'company.mustache'?")])
    }
}

/// The keys Cohort's own code writes with are in the built-in string tables of every language, so that no
/// page shows a key where a text belongs.
@Suite struct StringKeyTests {
    @Test func everyKeyTheCodeWritesWithIsInEveryBuiltInTable() throws {
        let theme = try #require(Theme.load(overriding: nil, displayRoot: "templates").0)
        for language in ["en", "zh", "he"] {
            let table = try #require(theme.stringTables[language]?.texts, "\(language)")
            #expect(StringKey.allCases.filter { table[$0.rawValue] == nil }.map(\.rawValue) == [], "\(language)")
            let labels = labelledTypes.flatMap { $0.labelKeys }
            #expect(Set(labels).count == labels.count && labels.contains("round_kind_follow_on") && labels.contains("exit_kind_write_off"), "\(labels)")
            #expect(labels.filter { table[$0] == nil } == [], "\(language)")
        }
    }
}
