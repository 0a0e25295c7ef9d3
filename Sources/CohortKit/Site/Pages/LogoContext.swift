extension SiteContext {
    /// An organisation's or company's logo: `src` (a link from the site's root, which every language
    /// shares), `width` and `height` (so the page keeps its room while the picture loads), or, without a
    /// logo, `initials` for a placeholder.
    func logo(of slug: Slug, named name: String) -> LogoValues {
        guard let logo = logos[slug] else { return LogoValues(initials: Self.initials(name)) }
        return LogoValues(src: logo.path, width: logo.facts.width, height: logo.facts.height)
    }

    /// The picture of a shared link to the page of `slug`: its logo, else the programme's, absolute
    /// under `base_url`: the logo itself when it is a PNG or JPEG, else its card (social sites show no
    /// SVG or WebP), when the build made one.
    func sharedImage(of slug: Slug?) -> SharedImage? {
        let owners: [(owner: Slug?, logo: Logo?)] = [(slug, slug.flatMap { logos[$0] }), (nil, programmeLogo)]
        for (owner, logo) in owners {
            guard let logo else { continue }
            if logo.facts.isSharable {
                return SharedImage(url: Route(logo.path).absolute(under: programme.baseURL), width: logo.facts.width, height: logo.facts.height)
            }
            if let card = cards[owner] {
                return SharedImage(url: Route(card).absolute(under: programme.baseURL), width: SocialCards.width, height: SocialCards.height)
            }
        }
        return nil
    }

    /// The logo's absolute address, for structured data.
    func logoAddress(of slug: Slug) -> String? {
        logos[slug].map { Route($0.path).absolute(under: programme.baseURL) }
    }

    /// Up to two letters for a name's placeholder: the first of its first two words (`Sonarium
    /// Medical` gives `SM`), or its first two characters (`ROTEC` gives `RO`); one character of a name
    /// in a script without spaces (`松花江膜技术` gives `松`).
    static func initials(_ name: String) -> String {
        // Words are split at spaces and hyphens, each without the marks before its first letter or digit;
        // only the first two characters of the first word and the first of the second are needed.
        var first: [Character] = []
        var second: Character?
        var words = 0
        var inWord = false
        for character in name {
            if character.isSpace || character == "-" {
                inWord = false
            } else if !inWord {
                guard character.isLetterOrDigit else { continue }
                inWord = true
                words += 1
                if words > 1 {
                    second = character
                    break
                }
                first.append(character)
            } else if words == 1, first.count < 2 {
                first.append(character)
            }
        }
        guard let initial = first.first else { return "" }
        if let second { return String(initial).uppercased() + String(second).uppercased() }
        if !initial.isASCII { return String(initial) }
        return String(first).uppercased()
    }
}

/// The portfolio's logos as pages read them: each read is recorded as a read of its entity, whose
/// page changes when its logo does.
struct LogoReader {
    let logos: [Slug: Logo]
    let recorder: InputRecorder?

    subscript(_ slug: Slug) -> Logo? {
        recorder?.record(.entity(slug))
        return logos[slug]
    }
}
