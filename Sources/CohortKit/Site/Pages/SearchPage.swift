/// The search page, `search.html`: Pagefind's interface over the index in `pagefind/`.
struct SearchPage: TemplateObject {
    var frame: PageFrame
    var search: SearchValues

    static let fields = TemplateFields<SearchPage>("search page", plural: "search pages", [
        .include(\.frame),
        .init("search", \.search, "Where the search index is."),
    ])
}

/// Where the search page finds the index.
struct SearchValues: TemplateObject {
    var bundle: String

    static let fields = TemplateFields<SearchValues>("search", plural: "searches", [
        .init("bundle", \.bundle, "The relative address of the Pagefind bundle (`pagefind/`, `../pagefind/`)."),
    ])
}

/// The 404 page: only the frame, whose links are absolute.
struct NotFoundPage: TemplateObject {
    var frame: PageFrame

    static let fields = TemplateFields<NotFoundPage>("404 page", plural: "404 pages", [.include(\.frame)])
}

extension SiteContext {
    func search(_ route: Route) -> SearchPage {
        SearchPage(frame: frame(route, title: strings[.search],
                                description: strings.format(.searchDescription, [("programme", text(.programme, .title, programme.title).text)])),
                   search: SearchValues(bundle: fileLink(route, Route(searchIndexFolder + "/"))))
    }

    /// The 404 page is served from any path, so its links are absolute, under `base_url`.
    func notFound() -> NotFoundPage {
        NotFoundPage(frame: notFoundFrame())
    }
}
