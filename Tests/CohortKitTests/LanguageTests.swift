import Foundation
import Testing
@testable import CohortKit

/// One programme in several languages: translations carry text, facts come from the original files.
@Suite struct LanguageTests {
    /// The test programme in English, Chinese and Hebrew, with a Chinese translation of the company.
    static let trilingual: [String: String?] = [
        "programme.yml": programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, zh, he]"),
        "companies/acme.zh.md": "---\nname: 阿克米\nsector: 水务\n---\n阿克米制造产品。\n",
        "programme.zh.yml": "title: 测试计划\nfocus_areas:\n  - slug: water-treatment\n    name: 水处理\n",
    ]

    /// The site of `changes` over the trilingual programme, by path.
    func site(_ changes: [String: String?] = [:]) throws -> (files: [String: String], outcome: Project.Outcome) {
        let outcome = try check(Self.trilingual.merging(changes) { _, new in new })
        let (theme, _) = Theme.load(overriding: nil, displayRoot: "templates")
        let (files, diagnostics) = SiteRenderer.render(try #require(outcome.portfolio), figures: try #require(outcome.figures),
                                                       theme: try #require(theme))
        #expect(!diagnostics.hasErrors, "\(located(diagnostics))")
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }), outcome)
    }

    @Test func everyPageIsBuiltInEveryLanguageWithItsAlternatesAndSwitcher() throws {
        let (files, outcome) = try site(["pages/about.md": "---\ntitle: About\n---\nAbout the programme.\n"])
        #expect(outcome.lines == [])
        for path in ["index.html", "companies/acme.html", "about.html"] {
            for prefix in ["", "zh/", "he/"] { #expect(files[prefix + path] != nil, "\(prefix + path)") }
        }
        let page = try #require(files["zh/companies/acme.html"])
        #expect(page.contains(#"<html lang="zh" dir="ltr">"#))
        #expect(page.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/test/companies/acme.html">"#))
        #expect(page.contains(#"<link rel="alternate" hreflang="he" href="https://example.org/test/he/companies/acme.html">"#))
        #expect(page.contains(#"<link rel="alternate" hreflang="x-default" href="https://example.org/test/companies/acme.html">"#))
        #expect(page.contains(#"<li><a href="../../he/companies/acme.html" lang="he" dir="rtl" hreflang="he">עברית</a></li>"#))
        #expect(page.contains(#"<h1><bdi>阿克米</bdi></h1>"#))
        #expect(page.contains("阿克米制造产品。"))
        #expect(page.contains(#"<dt>行业</dt> <dd data-pagefind-filter="行业">水务</dd>"#), "the translated sector, under the Chinese label")
        #expect(page.contains(#"<dt>重点领域</dt> <dd data-pagefind-filter="重点领域">水处理</dd>"#), "the focus area's Chinese name")
        #expect(page.contains("<bdi>USD\u{00A0}1,000,000</bdi>"))
        #expect(!page.contains("untranslated"))
    }

    @Test func logosAndTheThemesFilesAreLinkedFromTheSitesRootInEveryLanguageBuiltOrServed() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\"/></svg>\n"
        let changes: [String: String?] = [
            "static/logos/acme.svg": svg,
            "static/logos/fund.svg": svg,
            "companies/acme.md": "---\nname: Acme\nlogo: ../static/logos/acme.svg\nstatus: signed\nfocus_area: water-treatment\nsector: Water\ninvestment: $1m\n---\nAcme makes things.\n",
            "organizations/fund.md": "---\nname: The Fund\nkind: fund\nlogo: /logos/fund.svg\n---\nA fund.\n",
        ]
        let (files, outcome) = try site(changes)
        #expect(outcome.lines == [])
        #expect(files["zh/companies/acme.html"]?.contains(#"<img class="logo" src="../../logos/acme.svg""#) == true)
        #expect(files["he/companies/sector/water/index.html"]?.contains(#"src="../../../../logos/acme.svg""#) == true)
        #expect(files["zh/index.html"]?.contains(try Regex(#"<link rel="stylesheet" href="\.\./assets/style\.[0-9a-f]{8}\.css">"#)) == true)
        #expect(files["he/reports/index.html"]?.contains(#"<a href="../../reports/charts/pool.svg">"#) == true)

        // The preview serves the same pages, and every file a page of any language names is served.
        let folder = try TemporaryFolder()
        for (path, text) in validContent.merging(Self.trilingual.compactMapValues { $0 }, uniquingKeysWith: { _, new in new })
            .merging(changes.compactMapValues { $0 }, uniquingKeysWith: { _, new in new }) {
            try folder.write("content/" + path, text)
        }
        let live = LiveSite(contentPath: folder.path("content"), templatesPath: nil, templatesRequired: false)
        _ = live.build()
        #expect(live.current.diagnostics.filter { $0.severity == .error }.isEmpty, "\(located(live.current.diagnostics))")
        let served = try #require(live.current.version).allFiles()
        #expect(served["zh/companies/acme.html"].map { String(decoding: $0, as: UTF8.self) } == files["zh/companies/acme.html"])
        let source = try Regex(##"src="([^"#?]+)""##)
        var missing: [String] = []
        for (path, data) in served where path.hasSuffix(".html") {
            for match in String(decoding: data, as: UTF8.self).matches(of: source) {
                guard let link = match.output[1].substring.map(String.init), !link.hasPrefix("http") else { continue }
                // The 404 pages link from the host's root, with base_url's path.
                let target = path.hasSuffix("404.html") ? (link.hasPrefix("/test/") ? String(link.dropFirst("/test/".count)) : nil)
                    : ContentLinks.normalized(link, from: path.split(separator: "/").dropLast().map(String.init))
                if target.flatMap({ served[$0] }) == nil { missing.append("\(path) -> \(link)") }
            }
        }
        #expect(missing == [])
    }

    @Test func anEstimateKeepsItsBracketsInTheDirectionOfThePagesLanguage() throws {
        let acme = "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestments:\n"
            + "  - {date: 2011-10-10, kind: initial, amount: $1m}\n  - {date: 2012-10-10, kind: follow-on, amount: $250k, estimated: true}\n---\n"
        let (files, _) = try site(["companies/acme.md": acme])
        // The mark of the language's direction first, so that the <bdi> takes it; each amount isolated.
        #expect(files["he/reports/index.html"]?.contains(
            "<dd><bdi>\u{200F}\u{2068}1,250,000\u{00A0}USD\u{2069} (\u{2068}250,000\u{00A0}USD\u{2069} הערכה)</bdi></dd>") == true)
        #expect(files["reports/index.html"]?.contains(
            "<dd><bdi>\u{200E}\u{2068}USD\u{00A0}1,250,000\u{2069} (\u{2068}USD\u{00A0}250,000\u{2069} estimated)</bdi></dd>") == true)
        #expect(files["he/reports/index.html"]?.contains("<dd><bdi>\u{200F}\u{2068}250,000\u{00A0}USD\u{2069} (הערכה)</bdi></dd>") == true,
                "the follow-on, all of it estimated")
    }

    @Test func exchangeRatesReadLeftToRightInARightToLeftLanguage() throws {
        let programme = try #require(Self.trilingual["programme.yml"] ?? nil) + "\nexchange_rates:\n  as_of: 2011-10-01\n  rates:\n    EUR: 1.25\n"
        let (files, _) = try site(["programme.yml": programme,
                                   "companies/acme.md": "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestment: €1m\n---\n"])
        #expect(files["he/reports/index.html"]?.contains(": \u{2066}1\u{00A0}EUR\u{00A0}=\u{00A0}1.25\u{00A0}USD\u{2069}.</p>") == true)
        #expect(files["reports/index.html"]?.contains("Totals convert other currencies at the rates of 1 October 2011: 1\u{00A0}EUR\u{00A0}=\u{00A0}1.25\u{00A0}USD.</p>") == true)
    }

    @Test func aProgrammesMoneyTextAppliesInEnglishTooAndTheSignLeads() throws {
        let outcome = try check(["programme.yml": programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, zh]")
            .replacingOccurrences(of: "pool: $2m", with: "pool: $500k")])
        let folder = try TemporaryFolder(["strings/en.yml": "money: \"{amount} ({code})\"\n"])
        let theme = try #require(Theme.load(overriding: folder.url, displayRoot: "templates").0)
        let (files, _) = SiteRenderer.render(try #require(outcome.portfolio), figures: try #require(outcome.figures), theme: theme)
        let page = { (path: String) in String(decoding: files.first { $0.path == path }?.bytes ?? Data(), as: UTF8.self) }
        #expect(page("companies/acme.html").contains("<bdi>1,000,000 (USD)</bdi>"))
        // The pool is less than what is committed: what remains is negative, its sign first in every language.
        #expect(page("reports/index.html").contains("<bdi>-500,000 (USD)</bdi>"))
        #expect(page("zh/reports/index.html").contains("<bdi>-USD\u{00A0}500,000</bdi>"))
    }

    @Test func hebrewPagesAreRightToLeftAndUntranslatedTextIsMarked() throws {
        let (files, _) = try site()
        let page = try #require(files["he/companies/acme.html"])
        #expect(page.contains(#"<html lang="he" dir="rtl">"#))
        #expect(page.contains(#"<p class="untranslated" role="note" data-pagefind-ignore>הדף הזה עדיין לא תורגם לעברית. הוא מוצג בשפת המקור.</p>"#))
        #expect(page.contains(#"<h1 lang="en"><bdi>Acme</bdi></h1>"#))
        #expect(page.contains(#"<div class="prose" lang="en" dir="auto">"#))
        let english = try #require(files["companies/acme.html"])
        #expect(english.contains(#"<html lang="en" dir="ltr">"#) && !english.contains("untranslated"))
    }

    @Test func countriesAreNamedInEachLanguage() throws {
        let (theme, _) = Theme.load(overriding: nil, displayRoot: "templates")
        let expected = [("en", "Israel", "China"), ("zh", "以色列", "中国"), ("he", "ישראל", "סין")]
        for (code, israel, china) in expected {
            let strings = try #require(theme).strings(for: try #require(Language(code)), defaultLanguage: try #require(Language("en")),
                                                      programmeFile: "programme.yml").0
            #expect(strings.country("IL") == israel)
            #expect(strings.country("CN") == china)
        }
        // A string table names a country its own way.
        let custom = Strings(language: try #require(Language("en")), texts: ["country_TW": "Taiwan, Province of China"])
        #expect(custom.country("TW") == "Taiwan, Province of China")
        #expect(custom.country("DE") == "Germany")
    }

    @Test func datesAndMoneyAreWrittenForEachLanguage() {
        let day = Day(year: 2011, month: 10, day: 10)!
        let money = Money(minorUnits: 100_000_000, currency: Currency("USD")!)
        let expected: [(String, String, String, String)] = [
            // A no-break space joins code and number, so that an amount never breaks across lines.
            ("en", "10 October 2011", "Monday 10 October 2011", "USD\u{00A0}1,000,000"),
            ("zh", "2011年10月10日", "2011年10月10日 星期一", "USD\u{00A0}1,000,000"),
            ("he", "10 באוקטובר 2011", "יום שני, 10 באוקטובר 2011", "1,000,000\u{00A0}USD"),
        ]
        let (theme, _) = Theme.load(overriding: nil, displayRoot: "templates")
        for (code, date, long, amount) in expected {
            let language = Language(code)!
            let strings = theme!.strings(for: language, defaultLanguage: Language("en")!, programmeFile: "programme.yml").0
            #expect(strings.date(day) == date)
            #expect(strings.longDate(day) == long)
            #expect(strings.money(money) == amount)
        }
        // Below zero and with minor units, the sign leads and the decimals follow the language's separator.
        let english = theme!.strings(for: Language("en")!, defaultLanguage: Language("en")!, programmeFile: "programme.yml").0
        #expect(english.money(Money(minorUnits: -125_005, currency: money.currency)) == "-USD\u{00A0}1,250.05")
    }

    @Test func aTranslationThatSetsAFactIsAnErrorAtThatField() throws {
        let outcome = try check(Self.trilingual.merging([
            "companies/acme.he.md": "---\nname: אקמה\ninvestment: $2m\nstatus: funded\n---\n",
        ]) { _, new in new })
        #expect(outcome.lines == [
            "companies/acme.he.md:3:1: error: a translation cannot set 'investment': facts come from companies/acme.md only",
            "companies/acme.he.md:4:1: error: a translation cannot set 'status': facts come from companies/acme.md only",
        ])
    }

    @Test func aTranslationOfNothingOrInALanguageNotDeclaredIsAnError() throws {
        let outcome = try check(Self.trilingual.merging([
            "companies/nobody.zh.md": "---\nname: 无人\n---\n",
            "companies/acme.fr.md": "---\nname: Acmé\n---\n",
            "companies/acme.en.md": "---\nname: Acme Inc\n---\n",
            "companies/acme.zh-.md": "---\nname: x\n---\n",
        ]) { _, new in new })
        #expect(outcome.lines == [
            "companies/acme.en.md:1:1: error: 'en' is the default language: its text is in the original file",
            "companies/acme.fr.md:1:1: error: 'fr' is not one of the programme's languages",
            "companies/acme.zh-.md:1:1: error: invalid language 'zh-' in the file name",
            "companies/nobody.zh.md:1:1: error: a translation of companies/nobody.md, which does not exist",
        ])
    }

    @Test func languagesAreCheckedInTheProgramme() throws {
        let both = try check(["programme.yml": programmeYAML + "\nlanguages: [en, zh]\n"])
        #expect(both.lines.first?.contains("give either 'language' or 'languages', not both") == true)
        let bad = try check(["programme.yml": programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, EN, en]")])
        #expect(bad.lines == [
            "programme.yml:4:17: error: invalid language 'EN'",
            "programme.yml:4:21: error: language 'en' is listed twice",
        ])
    }

    @Test func aLanguageWithoutAStringTableIsAWarningAndShowsTheDefaultsWords() throws {
        let outcome = try check(["programme.yml": programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, fr]")])
        let (theme, _) = Theme.load(overriding: nil, displayRoot: "templates")
        let plan = SiteRenderer.plan(try #require(outcome.portfolio), figures: FiguresWhenAsked(try #require(outcome.figures)), theme: try #require(theme))
        #expect(located(plan.diagnostics.warnings).first?.hasSuffix("no string table for 'fr': its pages show the interface in 'en'") == true)
        #expect(plan.strings[Language("fr")!]?["companies"] == "Companies")
    }

    @Test func sitemapAndFeedsCoverEveryLanguage() throws {
        let (files, _) = try site(["news/launch.md": "---\ntitle: Launch\ndate: 2011-10-11\n---\nWe launched.\n",
                                   "news/launch.zh.md": "---\ntitle: 启动\n---\n我们启动了。\n"])
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains(#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#))
        #expect(sitemap.contains("""
              <url><loc>https://example.org/test/he/companies/acme.html</loc>
                <xhtml:link rel="alternate" hreflang="en" href="https://example.org/test/companies/acme.html"/>
                <xhtml:link rel="alternate" hreflang="zh" href="https://example.org/test/zh/companies/acme.html"/>
                <xhtml:link rel="alternate" hreflang="he" href="https://example.org/test/he/companies/acme.html"/>
                <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/test/companies/acme.html"/>
              </url>
            """))
        let chinese = try #require(files["zh/feed.xml"])
        #expect(chinese.contains(#"xml:lang="zh""#) && chinese.contains("<title>启动</title>") && chinese.contains("<title>测试计划</title>"))
        #expect(chinese.contains("<id>https://example.org/test/zh/news/launch.html</id>"))
        #expect(try #require(files["he/feed.xml"]).contains("<title>Launch</title>"))
        #expect(try #require(files["feed.xml"]).contains("<title>Launch</title>"))
    }

    @Test func reportsCountTranslatedFilesPerLanguage() throws {
        let (_, outcome) = try site()
        let figures = try #require(outcome.figures)
        #expect(figures.translations.map { [$0.language, "\($0.translated)/\($0.total)"] } == [["zh", "2/4"], ["he", "0/4"]])
        let summary = SummaryReport.render(figures)
        #expect(summary.contains("| zh | 2 | 4 | 50 % |\n| he | 0 | 4 | 0 % |"))
        #expect(summary.contains("Not yet translated into zh (2):\n\n- `organizations/fund.md`\n- `agreements/acme-framework.md`"))
        let snapshot = PortfolioSnapshot(figures)
        #expect(snapshot.translations?.first?.missing == ["organizations/fund.md", "agreements/acme-framework.md"])
        let english = try #require(try check().figures)
        #expect(english.translations.isEmpty && !SummaryReport.render(english).contains("Translations"))
    }

    @Test func diffTellsWhatAChangeDoesToTranslations() throws {
        let before = PortfolioSnapshot(try #require(try check(Self.trilingual).figures))
        let translated = Self.trilingual.merging(["organizations/fund.zh.md": "---\nname: 基金\n---\n"]) { _, new in new }
        let after = PortfolioSnapshot(try #require(try check(translated).figures))
        let summary = ChangeSummary(from: before, to: after)
        #expect(summary.translations.map { "\($0.name): \($0.before) → \($0.after)" } == ["zh: 2 of 4 → 3 of 4"])
        #expect(ChangeReport.markdown.render(summary, base: "main").contains("- zh: 2 of 4 → 3 of 4 files translated (+1)"))
        #expect(!summary.onlyOtherChanges)
    }

    @Test func theReportsPageNamesCompaniesInItsLanguage() throws {
        // Acme (阿克米 in Chinese) was paid on a day the content does not give, so the IRR leaves it
        // out; Acme and Beta (贝塔) have not reported for 2014, the latest year Gamma reported for.
        let funded = { (name: String, investment: String, metrics: String) in
            "---\nname: \(name)\nstatus: funded\nfocus_area: water-treatment\ninvestment: \(investment)\n\(metrics)---\n\(name).\n"
        }
        let (files, _) = try site([
            "programme.yml": programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, zh, he]")
                + "\nmetrics:\n  - {key: employees, name: Employees, kind: count}\n",
            "companies/acme.md": funded("Acme", "$500k", "metrics:\n  - {period: 2013, employees: 3}\n"),
            "companies/beta.md": funded("Beta", "{amount: $500k, date: 2012-01-01}", ""),
            "companies/beta.zh.md": "---\nname: 贝塔\n---\n贝塔。\n",
            "companies/gamma.md": funded("Gamma", "{amount: $500k, date: 2012-01-01}", "metrics:\n  - {period: 2014, employees: 5}\n"),
        ])
        let english = try #require(files["reports/index.html"]), chinese = try #require(files["zh/reports/index.html"])
        #expect(english.contains("Not reported for 2014: Acme, Beta."))
        #expect(english.contains("The IRR leaves out Acme: money paid into them has no date."))
        #expect(chinese.contains("尚未报告 2014 的数据：阿克米、贝塔。"))
        #expect(chinese.contains("内部收益率未计入阿克米："))
        #expect(try #require(files["he/reports/index.html"]).contains("לא דווח על 2014: Acme, Beta."), "no Hebrew names: the originals")
    }
}
