import Foundation

extension SiteRenderer {
    /// What a site is made of: the pages to render in every language, each at its route, and every
    /// other file.
    struct Plan: Sendable {
        var jobs: [PageJob]
        var routes: [Route]
        /// Assets, charts, static files, sitemap and feeds.
        var others: [OtherFile]
        /// Outputs that would overwrite each other (errors: nothing may be written) and string tables
        /// that lack texts (warnings).
        var diagnostics: [Diagnostic]
        /// What links in bodies can point at.
        var targets: LinkTargets
        /// The interface's words in each language, and each language's own name.
        var strings: [Language: Strings]
        var languageNames: [Language: String]
        /// The theme with its page templates compiled for each language.
        var themes: [Language: Theme]
        /// The lists, their filters and pages.
        var lists: ListIndex
        /// The names the theme's stylesheet and scripts are published under.
        var assets: AssetNames

        /// The context that pages of `language` are rendered with.
        func context(_ portfolio: Portfolio, _ figures: FiguresWhenAsked, _ language: Language) -> SiteContext {
            SiteContext(portfolio: portfolio, figures: figures, targets: targets, lists: lists, assets: assets,
                        strings: strings[language] ?? Strings(language: language, texts: [:]), languageNames: languageNames)
        }

        /// This plan for `portfolio`, which differs from the portfolio it was made for in bodies alone:
        /// the same files at the same paths, with the feeds, which show bodies, made from `portfolio`.
        func withBodies(of portfolio: Portfolio) -> Plan {
            let feeds = SiteRenderer.feedFiles(portfolio, targets: targets, strings: strings)
            let paths = Set(feeds.map(\.path))
            var plan = self
            plan.others = others.filter { !paths.contains($0.path) } + feeds
            return plan
        }

        /// A context for each language.
        func contexts(_ portfolio: Portfolio, _ figures: FiguresWhenAsked) -> [Language: SiteContext] {
            Dictionary(uniqueKeysWithValues: portfolio.programme.languages.map { ($0, context(portfolio, figures, $0)) })
        }
    }

    /// The pages of `portfolio` and every other file of its site, with the collisions among them.
    static func plan(_ portfolio: Portfolio, figures: FiguresWhenAsked, theme: Theme) -> Plan {
        let programme = portfolio.programme
        // Two halves that need nothing of each other, on two cores: the lists and the pages; and the
        // aliases, the entities' addresses and the theme compiled for each language.
        let listsAndPages: @Sendable () -> (ListIndex, [Job], [Route]) = {
            let lists = ListIndex(portfolio)
            let jobs = SiteRenderer.pageJobs(portfolio, lists: lists)
            return (lists, jobs, jobs.map { SiteRenderer.route(of: $0, in: portfolio) })
        }
        let addressesAndThemes: @Sendable () -> ([Alias], [String: Route], Languages) = {
            (Aliases.all(portfolio), LinkTargets.entityPages(portfolio), Languages(theme, for: programme))
        }
        let (pagesHalf, otherHalf) = concurrently(listsAndPages, addressesAndThemes)
        let (lists, pageJobs, baseRoutes) = pagesHalf
        let (aliases, entityPages, languages) = otherHalf
        var jobs: [PageJob] = []
        var routes: [Route] = []
        for language in programme.languages {
            jobs += pageJobs.map { PageJob(job: $0, language: language) }
            routes += baseRoutes.map { $0.localized(language, default: programme.language) }
        }
        let pages = routes.map(\.path)
        let feeds = programme.languages.map { Route.feed.localized($0, default: programme.language).path }
        let assets = AssetNames(theme.assets)
        var others = assets.publish(theme.assets).map(OtherFile.init)
        others += Charts.drawings.map { chart in OtherFile(path: "reports/" + chart.name) { chart.draw(figures.value).svg } }
        others += portfolio.staticFiles.map(OtherFile.init)
        others.append(OtherFile(path: Route.sitemap.path) {
            Sitemap.render(pages: baseRoutes.map(\.path), programme: programme)
        })
        let targets = LinkTargets(portfolio: portfolio, entityPages: entityPages,
                                  sitePaths: Set(pages + others.map(\.path) + feeds + aliases.map(\.from.path)))
        let strings = languages.strings
        var diagnostics = languages.stringProblems
        others += feedFiles(portfolio, targets: targets, strings: strings)
        diagnostics += collisions(among: pages + others.map(\.path), aliases: aliases, portfolio: portfolio)
        others += aliases.map { alias in
            let table = strings[alias.language] ?? Strings(language: alias.language, texts: [:])
            return OtherFile(path: alias.from.path) { Aliases.page(alias, strings: table, baseURL: programme.baseURL) }
        }
        others += HostFiles.all(programme: programme, aliases: aliases, assets: assets,
                                sitePaths: pages + others.map(\.path) + feeds)
        // The same template error is found in every language: reported once.
        for problem in languages.templateProblems where !diagnostics.contains(problem) { diagnostics.append(problem) }
        return Plan(jobs: jobs, routes: routes, others: others, diagnostics: diagnostics, targets: targets,
                    strings: strings, languageNames: languages.names, themes: languages.themes, lists: lists, assets: assets)
    }

    /// The interface's words in each of a programme's languages and each language's own name, with the
    /// tables' problems; and a theme compiled for each language, with the templates' problems.
    private struct Languages: Sendable {
        var strings: [Language: Strings] = [:]
        var names: [Language: String] = [:]
        var stringProblems: [Diagnostic] = []
        var themes: [Language: Theme] = [:]
        var templateProblems: [Diagnostic] = []

        init(_ theme: Theme, for programme: Programme) {
            for language in programme.languages {
                let (table, problems) = theme.strings(for: language, defaultLanguage: programme.language, programmeFile: programme.source.path)
                strings[language] = table
                names[language] = table["language_name"]
                stringProblems += problems
                let (localized, compileProblems) = theme.localized(table, pages: SiteRenderer.pageShapes)
                themes[language] = localized
                templateProblems += compileProblems
            }
        }
    }

    /// The pages of `portfolio`'s site, in the default language: home, reports, 404, the lists, search,
    /// and every entity's page, folder by folder in the order of `ContentFolder`.
    static func pageJobs(_ portfolio: Portfolio, lists: ListIndex) -> [Job] {
        var jobs: [Job] = [.home, .reports, .notFound]
        jobs += lists.pages.map(Job.list)
        if portfolio.programme.search { jobs.append(.search) }
        for folder in ContentFolder.allCases {
            jobs += (0..<portfolio.count(of: folder)).map { Job.entity(folder, $0) }
        }
        return jobs
    }

    /// Each language's feed of `portfolio`'s news, at its path.
    private static func feedFiles(_ portfolio: Portfolio, targets: LinkTargets, strings: [Language: Strings]) -> [OtherFile] {
        let programme = portfolio.programme
        return programme.languages.map { language in
            let table = strings[language] ?? Strings(language: language, texts: [:])
            return OtherFile(path: Route.feed.localized(language, default: programme.language).path) {
                Feed.render(portfolio, targets: targets, strings: table)
            }
        }
    }

    /// A page, static file or alias that would overwrite another output is an error at its source.
    private static func collisions(among paths: [String], aliases: [Alias], portfolio: Portfolio) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in portfolio.pages where Route.reservedNames.contains(page.slug.rawValue) {
            diagnostics.append(.error(at: page.source, "a page cannot be named '\(page.slug)': the site uses \(page.slug).html itself",
                                      hint: "rename the file"))
        }
        // Static files are among `paths` too, so one that collides is counted twice; a static file
        // also collides where the site needs a folder of that name, or a static folder where it needs a file.
        guard !portfolio.staticFiles.isEmpty || !aliases.isEmpty else { return diagnostics }
        let staticPaths = Set(portfolio.staticFiles.map(\.path))
        var counts: [String: Int] = [:]
        for path in paths where staticPaths.contains(path) { counts[path, default: 0] += 1 }
        let generated = paths.filter { !staticPaths.contains($0) || counts[$0, default: 0] > 1 }
        let generatedFiles = Set(generated)
        let generatedFolders = folders(holding: generated)
        let contentRoot = portfolio.programme.contentRoot
        for file in portfolio.staticFiles where counts[file.path, default: 0] > 1 || generatedFolders.contains(file.path)
            || Route(file.path).folders.contains(where: generatedFiles.contains) {
            diagnostics.append(.error(at: .file(contentRoot + "static/" + file.path),
                                      "static file '\(file.path)' would overwrite a page or folder the site generates",
                                      hint: "rename or move the static file"))
        }
        guard !aliases.isEmpty else { return diagnostics }
        return diagnostics + aliasCollisions(aliases, files: Set(paths), folders: folders(holding: paths))
    }

    /// An error for each alias that names an address the site has (`files`, every file it writes but
    /// the aliases), that another alias claims, or that needs a folder where the site has a file (or a
    /// file where it has a folder). Each alias is named once, whichever language's address collides.
    private static func aliasCollisions(_ aliases: [Alias], files: Set<String>, folders: Set<String>) -> [Diagnostic] {
        var claimed: [String: SourceLocation] = [:]
        var reported: Set<SourceLocation> = []
        var diagnostics: [Diagnostic] = []
        for alias in aliases {
            let path = alias.from.path
            let problem: (message: String, hint: String)?
            if files.contains(path) {
                problem = ("the alias names \(path), an address the site has: it would replace that page",
                           "an alias keeps an address that no page has any more; remove it, or move the page that is there")
            } else if let first = claimed[path], first != alias.location {
                problem = ("the alias \(path) is claimed twice: also at \(first)", "give each old address to one page")
            } else if folders.contains(path) || alias.from.folders.contains(where: files.contains) {
                problem = ("the alias \(path) would need a file where the site has a folder, or a folder where it has a file",
                           "write the old address as the site had it, such as 'companies/alpha-farms.html' or 'old/about/'")
            } else {
                problem = nil
            }
            claimed[path] = claimed[path] ?? alias.location
            guard let problem, reported.insert(alias.location).inserted else { continue }
            diagnostics.append(.error(at: alias.location, problem.message, hint: problem.hint))
        }
        return diagnostics
    }

    /// The folders that `paths` lie in.
    private static func folders(holding paths: [String]) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            // The path's folders, the nearest first, until one is known (then so are those above it).
            // By bytes: a slash is one byte in UTF-8, and no grapheme needs working out.
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        return folders
    }
}
