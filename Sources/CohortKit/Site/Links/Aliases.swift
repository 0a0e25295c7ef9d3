/// Earlier addresses of pages (`aliases:` in their files): each, in every language, is a small page at
/// the old address that sends readers and search engines on to the page's address, and a line of
/// `_redirects` for hosts that answer with a real redirect.
struct Alias: Sendable, Hashable {
    /// The old address.
    var from: Route
    /// The page's address, in the same language.
    var to: Route
    /// The language of both.
    var language: Language
    /// Where the alias is written.
    var location: SourceLocation
}

enum Aliases {
    /// Every alias of `portfolio`'s pages, in every language, in the order of the folders and files.
    static func all(_ portfolio: Portfolio) -> [Alias] {
        let programme = portfolio.programme
        var aliases: [Alias] = []
        for folder in ContentFolder.allCases {
            for index in 0..<portfolio.count(of: folder) {
                let entity = portfolio.entity(folder, index)
                for alias in entity.aliases {
                    for language in programme.languages {
                        aliases.append(Alias(from: Route(alias.value).localized(language, default: programme.language),
                                             to: entity.route.localized(language, default: programme.language),
                                             language: language, location: alias.location))
                    }
                }
            }
        }
        return aliases
    }

    /// The page at `alias.from`: a refresh to the page, with a link for readers, its address as the
    /// canonical one, and `noindex`. In the language of `strings`.
    static func page(_ alias: Alias, strings: Strings, baseURL: String) -> String {
        let link = HTMLEscaping().escapeText(alias.from.link(to: alias.to))
        let address = HTMLEscaping().escapeText(alias.to.absolute(under: baseURL))
        let language = strings.language
        return """
            <!doctype html>
            <html lang="\(HTMLEscaping().escapeText(language.code))" dir="\(language.direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping().escapeText(strings[.pageMoved]))</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(address)">
            <meta http-equiv="refresh" content="0; url=\(link)">
            </head>
            <body>
            <p>\(HTMLEscaping().escapeText(strings[.pageMovedText])) <a href="\(link)">\(address)</a></p>
            </body>
            </html>

            """
    }
}
